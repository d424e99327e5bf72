package admin

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/carebot/carebot"
)

// Forgetter erases a patient (main's: the store, the bot's memory of them,
// and the scrub of the file that follows).
type Forgetter interface {
	Forget(ctx context.Context, user string) (carebot.Forgotten, error)
}

// Forgotten is what `carebot patients forget` erased: how many of each
// thing, never what it said.
type Forgotten struct {
	User                 bool `json:"user_record"`
	ConsentEvents        int  `json:"consent_events"`
	Reminders            int  `json:"reminders"`
	Appointments         int  `json:"appointments"`
	AppointmentReminders int  `json:"appointment_reminders"`
	Messages             int  `json:"messages"`
	Deliveries           int  `json:"deliveries"`
	Unreachable          bool `json:"unreachable_mark"`
	AuditEntries         int  `json:"audit_entries"`
}

func fromForgotten(f carebot.Forgotten) Forgotten {
	return Forgotten{User: f.User, ConsentEvents: f.ConsentEvents, Reminders: f.Reminders, Appointments: f.Appointments,
		AppointmentReminders: f.AppointmentReminders, Messages: f.Messages, Deliveries: f.Deliveries,
		Unreachable: f.Unreachable, AuditEntries: f.AuditEntries}
}

// Nothing reports whether nothing was stored about the patient.
func (f Forgotten) Nothing() bool { return f == Forgotten{} }

// Summary says what was erased, in counts: "user record, consent history
// (4 events), 2 reminders, 1 appointment (3 reminders waiting)"; "nothing
// stored" when there was nothing.
func (f Forgotten) Summary() string {
	if f.Nothing() {
		return "nothing stored"
	}
	var parts []string
	add := func(ok bool, s string) {
		if ok {
			parts = append(parts, s)
		}
	}
	add(f.User, "user record")
	add(f.ConsentEvents > 0, fmt.Sprintf("consent history (%s)", count(f.ConsentEvents, "event")))
	add(f.Reminders > 0, count(f.Reminders, "reminder"))
	switch a := count(f.Appointments, "appointment"); {
	case f.Appointments > 0 && f.AppointmentReminders > 0:
		parts = append(parts, fmt.Sprintf("%s (%s waiting)", a, count(f.AppointmentReminders, "reminder")))
	case f.Appointments > 0:
		parts = append(parts, a)
	case f.AppointmentReminders > 0:
		parts = append(parts, count(f.AppointmentReminders, "appointment reminder")+" waiting")
	}
	add(f.Messages > 0, count(f.Messages, "other message")+" waiting")
	add(f.Deliveries > 0, count(f.Deliveries, "delivery record"))
	add(f.Unreachable, "the mark that they blocked the bot")
	add(f.AuditEntries > 0, "their pseudonym taken out of "+count(f.AuditEntries, "audit entry"))
	return strings.Join(parts, ", ")
}

// count is "1 reminder", "2 reminders"; "entry" becomes "entries".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if s, ok := strings.CutSuffix(noun, "y"); ok {
		return fmt.Sprintf("%d %sies", n, s)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// forgetPatient erases a patient. The patient is in the body, not the
// path, so their id is in no URL a proxy logs; and the audit entry names
// no one (as no other entry does: a reminder's is its ID, an
// appointment's the clinic's): it says what was erased, in counts.
func (s *Server) forgetPatient(w http.ResponseWriter, r *http.Request) {
	if s.Forget == nil {
		unavailable(w, "forgetting patients")
		return
	}
	var req struct {
		Patient string `json:"patient"`
	}
	if !decode(w, r, &req) {
		return
	}
	user, err := PatientKey("patient", req.Patient)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	// Erased even if the client stops waiting, and audited: like an import.
	f, err := s.Forget.Forget(context.WithoutCancel(r.Context()), user)
	out := fromForgotten(f)
	detail := ""
	if err == nil {
		detail = out.Summary()
	}
	if !s.audit(w, r, "patients.forget", "", detail, err) {
		return
	}
	if err != nil {
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// Forget erases patient (PLATFORM:USER) and says what was erased.
func (c *Client) Forget(ctx context.Context, patient string) (Forgotten, error) {
	var out Forgotten
	err := c.Do(ctx, http.MethodPost, "/v1/patients/forget", map[string]string{"patient": patient}, &out)
	return out, err
}
