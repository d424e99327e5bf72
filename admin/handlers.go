package admin

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/faq"
	"github.com/carebot/carebot/reminders"
)

// maxImport bounds one import request.
const maxImport = 50000

// importAppointments stores a file's appointments, or none of them: every
// problem of every appointment is found before the first is stored, and an
// import with any problem is refused (422) with the list. Only a failure
// of the store itself can stop an import part way; the answer then says
// how far it got, and importing the file again is safe (an unchanged
// appointment changes nothing). An import goes on to its end, and into the
// audit log, even if the client stops waiting for the answer.
func (s *Server) importAppointments(w http.ResponseWriter, r *http.Request) {
	if s.Appointments == nil {
		unavailable(w, "appointments")
		return
	}
	var req struct {
		Appointments []Appointment `json:"appointments"`
		// Lines are the source file's line of each appointment, for errors.
		Lines []int  `json:"lines,omitempty"`
		File  string `json:"file,omitempty"`
	}
	if !decode(w, r, &req) {
		return
	}
	if len(req.Appointments) > maxImport {
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("%d appointments in one import; at most %d", len(req.Appointments), maxImport))
		return
	}
	from := ""
	if req.File != "" {
		from = " from " + shown(req.File)
	}
	appts, probs := checkAppointments(req.Appointments, req.Lines, s.zone())
	if len(probs) > 0 {
		// The audit entry counts the problems; their text names patients.
		refused := fmt.Errorf("refused: %d problem(s); nothing imported", len(probs))
		if !s.audit(w, r, "appointments.import", "", fmt.Sprintf("%d appointments%s", len(req.Appointments), from), refused) {
			return
		}
		perr := &Problems{File: req.File, List: probs}
		writeJSON(w, http.StatusUnprocessableEntity, importRefused{Error: perr.Error(), Problems: probs})
		return
	}
	// A client that gives up waiting (a timeout, Ctrl-C) cancels the
	// request's context. Stopping then would leave the file half imported
	// and, with the audit write cancelled too, unrecorded: the import
	// finishes on its own context.
	changes, err := s.Appointments.ImportAll(context.WithoutCancel(r.Context()), appts)
	rep := ImportReport{Results: make([]ImportResult, 0, len(changes))}
	for i, ch := range changes {
		res := ImportResult{ID: appts[i].ID, Result: string(ch)}
		if i < len(req.Lines) {
			res.Line = req.Lines[i]
		}
		rep.add(res)
	}
	if err != nil {
		at := fmt.Sprintf("item %d", len(changes)+1)
		if i := len(changes); i < len(req.Lines) && req.Lines[i] > 0 {
			at = fmt.Sprintf("line %d", req.Lines[i])
		}
		err = fmt.Errorf("stopped at %s (appointment %s): %w; the appointments before it were imported (%s), none from there on: "+
			"import the file again once this is fixed (what is already imported comes out unchanged)", at, shown(appts[len(changes)].ID), err, rep.Summary())
	}
	detail := rep.Summary() + from
	if r.Context().Err() != nil {
		detail += "; the client stopped waiting before the end"
	}
	if !s.audit(w, r, "appointments.import", "", detail, err) {
		return
	}
	if err != nil {
		code := statusOf(err)
		if code == http.StatusBadRequest { // the request was fine; the store was not
			code = http.StatusInternalServerError
		}
		writeError(w, code, err.Error())
		return
	}
	writeJSON(w, http.StatusOK, rep)
}

// importRefused is the answer to an import with problems.
type importRefused struct {
	Error    string    `json:"error"`
	Problems []Problem `json:"problems"`
}

func (s *Server) listAppointments(w http.ResponseWriter, r *http.Request) {
	if s.List == nil {
		unavailable(w, "appointments")
		return
	}
	patient := r.URL.Query().Get("patient")
	if key, err := PatientKey("patient", patient); err == nil {
		patient = key // as the import keeps it: "Telegram:1001" lists telegram:1001's
	}
	var list []carebot.Appointment
	err := s.List.Appointments(r.Context(), func(a carebot.Appointment) error {
		if patient == "" || a.User == patient {
			list = append(list, a)
		}
		return nil
	})
	if err != nil {
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	// By instant: appointments in other zones print times that do not
	// sort as text.
	sort.SliceStable(list, func(i, j int) bool {
		if !list[i].At.Equal(list[j].At) {
			return list[i].At.Before(list[j].At)
		}
		return list[i].ID < list[j].ID
	})
	out := make([]Appointment, 0, len(list))
	for _, a := range list {
		out = append(out, fromCarebot(a, s.zone()))
	}
	writeJSON(w, http.StatusOK, map[string]any{"appointments": out})
}

func (s *Server) cancelAppointment(w http.ResponseWriter, r *http.Request) {
	if s.Appointments == nil {
		unavailable(w, "appointments")
		return
	}
	id := r.PathValue("id")
	err := s.Appointments.Cancel(r.Context(), id)
	if !s.audit(w, r, "appointments.cancel", id, "", err) {
		return
	}
	if err != nil {
		writeError(w, statusOf(err), err.Error())
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"id": id, "status": string(carebot.AppointmentCancelled)})
}

func (s *Server) addReminder(w http.ResponseWriter, r *http.Request) {
	if s.Reminders == nil {
		unavailable(w, "reminders")
		return
	}
	var req Reminder
	if !decode(w, r, &req) {
		return
	}
	user, err := PatientKey("to", req.To)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	loc := s.zone() // staff type the clinic's time
	if tz := strings.TrimSpace(req.TimeZone); tz != "" {
		l, err := loadZone(tz)
		if err != nil {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("timezone %s is not an IANA time zone (such as America/New_York)", shown(req.TimeZone)))
			return
		}
		loc = l
	}
	at, err := parseTime(req.At, loc)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	id, err := s.Reminders.Add(r.Context(), user, carebot.Address{}, at, req.Text)
	if !s.audit(w, r, "reminders.add", id, "due "+at.UTC().Format(time.RFC3339), err) {
		return
	}
	if err != nil {
		writeError(w, statusOf(err), err.Error())
		return
	}
	added := ReminderAdded{ID: id, Due: at.Format(time.RFC3339)}
	if s.Consent != nil {
		c, err := s.Consent.Consent(r.Context(), user)
		if err != nil {
			s.log().Error("read the patient's consent for a staff reminder", "err", err)
		} else {
			added.NotOptedIn = !c[carebot.PurposeAppointments].OptedIn
		}
	}
	writeJSON(w, http.StatusCreated, added)
}

func (s *Server) startBroadcast(w http.ResponseWriter, r *http.Request) {
	if s.Broadcasts == nil {
		unavailable(w, "broadcasts")
		return
	}
	var req Broadcast
	if !decode(w, r, &req) {
		return
	}
	// A broadcast is an announcement or awareness; appointment reminders
	// are each patient's own.
	p, err := carebot.ParsePurpose(req.Purpose)
	if err != nil || p == carebot.PurposeAppointments {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("purpose %q: want %s or %s", req.Purpose, carebot.PurposeAnnouncements, carebot.PurposeAwareness))
		return
	}
	if req.ID != "" { // "" makes one up
		if err := reminders.CheckBroadcastID(req.ID); err != nil {
			writeError(w, http.StatusBadRequest, err.Error())
			return
		}
	}
	id, err := s.Broadcasts.Start(r.Context(), reminders.Broadcast{ID: req.ID, Purpose: p, Text: req.Text})
	if !s.audit(w, r, "broadcast.start", id, "purpose "+string(p), err) {
		return
	}
	if err != nil {
		writeError(w, statusOf(err), err.Error())
		return
	}
	writeJSON(w, http.StatusCreated, map[string]string{"id": id})
}

func (s *Server) broadcastReport(w http.ResponseWriter, r *http.Request) {
	if s.Broadcasts == nil {
		unavailable(w, "broadcasts")
		return
	}
	rep, err := s.Broadcasts.Report(r.Context(), r.PathValue("id"))
	if err != nil {
		writeError(w, statusOf(err), err.Error())
		return
	}
	out := BroadcastReport{ID: rep.ID, Resolved: rep.Resolved, Pending: rep.Pending, Counts: map[string]int{}, Unreachable: rep.Unreachable}
	for res, n := range rep.Counts {
		out.Counts[string(res)] = n
	}
	writeJSON(w, http.StatusOK, out)
}

// since reads the request's ?since= (def days ago when absent), or answers
// 400 and reports false.
func (s *Server) since(w http.ResponseWriter, r *http.Request, def int) (time.Time, bool) {
	t, err := ParseSince(r.URL.Query().Get("since"), s.now(), def)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return time.Time{}, false
	}
	return t, true
}

func (s *Server) misses(w http.ResponseWriter, r *http.Request) {
	if s.Feedback == nil {
		unavailable(w, "feedback")
		return
	}
	since, ok := s.since(w, r, 30)
	if !ok {
		return
	}
	// The store deletes patients' words past the retention only every few
	// hours: until it does, they are kept from staff here.
	var expired time.Time
	if s.Retention > 0 {
		expired = s.now().Add(-s.Retention)
	}
	var (
		texts   []string
		asked   []carebot.Feedback // the question of texts[i]
		ratings = map[string]Tally{}
		passed  = map[string]map[string]int{} // by the entry answered
		// What was pressed after a "did you mean", by the suggestion's
		// time: an entry's id, or "" for none of these.
		presses = map[int64][]string{}
	)
	err := s.Feedback.Feedback(r.Context(), since, func(f carebot.Feedback) error {
		if f.Kind == carebot.FeedbackPressed || f.Kind == carebot.FeedbackNone {
			id := "" // none of these
			if f.Kind == carebot.FeedbackPressed && len(f.Entries) > 0 {
				id = f.Entries[0]
			}
			if !f.Asked.IsZero() {
				k := f.Asked.UnixNano()
				presses[k] = append(presses[k], id)
			}
			if f.Instead != "" && id != "" {
				passed[f.Instead] = bump(passed[f.Instead], id)
			}
		}
		switch f.Kind {
		case carebot.FeedbackFallback, carebot.FeedbackSuggest:
			if f.Text != "" && !f.At.Before(expired) {
				texts = append(texts, f.Text)
				asked = append(asked, f)
			}
		case carebot.FeedbackUp, carebot.FeedbackDown, carebot.FeedbackPressed:
			for _, id := range f.Entries {
				t := ratings[id]
				switch f.Kind {
				case carebot.FeedbackUp:
					t.Up++
				case carebot.FeedbackDown:
					t.Down++
				default:
					t.Pressed++
				}
				ratings[id] = t
			}
		}
		return nil
	})
	if err != nil {
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	out := Misses{Since: since.Format(time.RFC3339), Groups: []MissGroup{}, Ratings: ratings, PassedOver: passed}
	for _, g := range faq.Group(texts, 0) {
		mg := MissGroup{Representative: g.Representative, Count: g.Count, Texts: g.Texts}
		for _, i := range g.Members {
			for _, id := range asked[i].Entries {
				mg.Offered = bump(mg.Offered, id)
			}
			for _, id := range presses[asked[i].At.UnixNano()] {
				if id == "" {
					mg.NoneOfThese++
				} else {
					mg.Pressed = bump(mg.Pressed, id)
				}
			}
		}
		out.Groups = append(out.Groups, mg)
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) auditLog(w http.ResponseWriter, r *http.Request) {
	if s.Audit == nil {
		unavailable(w, "the audit log")
		return
	}
	since, ok := s.since(w, r, 7)
	if !ok {
		return
	}
	out := []AuditEntry{}
	err := s.Audit.Audit(r.Context(), since, func(e carebot.AuditEntry) error {
		out = append(out, AuditEntry{At: e.At.Format(time.RFC3339), Actor: e.Actor, Remote: e.Remote, Action: e.Action,
			Target: e.Target, Result: e.Result, Detail: e.Detail})
		return nil
	})
	if err != nil && !errors.Is(err, carebot.ErrNotFound) {
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"entries": out})
}

// bump adds one to m[k], making m when it is nil.
func bump(m map[string]int, k string) map[string]int {
	if m == nil {
		m = map[string]int{}
	}
	m[k]++
	return m
}
