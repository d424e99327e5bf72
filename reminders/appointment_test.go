package reminders_test

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/reminders"
)

func appointments(h *harness) *reminders.Appointments {
	as := reminders.NewAppointments(h.store, h.people)
	as.Clock, as.Wake = h.clock, h.d.Notify
	return as
}

// due lists the pending items under prefix as "local time (expires
// local time)".
func due(t *testing.T, h *harness, prefix string, loc *time.Location) []string {
	t.Helper()
	var items []carebot.OutboxItem
	h.store.Items(context.Background(), prefix, func(it carebot.OutboxItem) error {
		items = append(items, it)
		return nil
	})
	sort.Slice(items, func(i, j int) bool { return items[i].Due.Before(items[j].Due) })
	var out []string
	for _, it := range items {
		out = append(out, it.Due.In(loc).Format("Mon 01-02 15:04")+" until "+it.Expires.In(loc).Format("Mon 15:04"))
	}
	return out
}

func TestAppointmentPlan(t *testing.T) {
	ny := mustZone(t, "America/New_York")
	at := func(d, h, m int) time.Time { return time.Date(2026, 12, d, h, m, 0, 0, ny) }
	imported := time.Date(2026, 11, 25, 12, 0, 0, 0, ny)
	tests := []struct {
		name string
		now  time.Time
		appt time.Time
		zone string // the patient's
		want []string
		why  string
	}{
		{"all offsets", imported, at(4, 15, 0), "America/New_York", []string{
			"Tue 12-01 15:00 until Thu 15:00", "Thu 12-03 15:00 until Fri 13:00", "Fri 12-04 13:00 until Fri 14:00"}, "72 h, 24 h, 2 h; each until the next"},
		{"booked late", at(3, 20, 0), at(4, 15, 0), "America/New_York", []string{"Fri 12-04 13:00 until Fri 14:00"}, "past offsets skipped, not sent late"},
		{"early visit", imported, at(4, 8, 30), "America/New_York", []string{
			"Tue 12-01 08:30 until Thu 08:30", "Thu 12-03 08:30 until Thu 20:59", "Thu 12-03 20:59 until Fri 07:30"},
			"2 h before is 06:30, quiet, and 08:00 would be too late: the evening before"},
		{"nine o'clock visit", imported, at(4, 9, 30), "America/New_York", []string{
			"Tue 12-01 09:30 until Thu 09:30", "Thu 12-03 09:30 until Fri 08:00", "Fri 12-04 08:00 until Fri 08:30"}, "07:30 is quiet; 08:00 is still useful"},
		{"patient in Madrid", imported, at(4, 15, 0), "Europe/Madrid", []string{
			"Tue 12-01 14:59 until Thu 14:59", "Thu 12-03 14:59 until Fri 13:00", "Fri 12-04 13:00 until Fri 14:00"},
			"21:00 in Madrid is quiet there: 72 h and 24 h move a minute earlier, 20:59 Madrid (14:59 here)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(tt.now)
			h.person("chat:p", tt.zone, "en", carebot.PurposeAppointments)
			as := appointments(h)
			if _, err := as.Import(context.Background(), carebot.Appointment{ID: "A1", User: "chat:p", At: tt.appt, TimeZone: "America/New_York", Location: "Main St"}); err != nil {
				t.Fatal(err)
			}
			got := due(t, h, reminders.AppointmentPrefix("A1"), ny)
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("%s:\n got  %v\n want %v", tt.why, got, tt.want)
			}
		})
	}
}

func TestAppointmentImportIsIdempotentAndFollowsChanges(t *testing.T) {
	ctx := context.Background()
	ny := mustZone(t, "America/New_York")
	h := newHarness(time.Date(2026, 11, 25, 12, 0, 0, 0, ny))
	h.person("chat:p", "America/New_York", "en", carebot.PurposeAppointments)
	as := appointments(h)
	a := carebot.Appointment{ID: "A/1", User: "chat:p", At: time.Date(2026, 12, 4, 15, 0, 0, 0, ny), Location: "Main St"}
	if changed, err := as.Import(ctx, a); err != nil || !changed {
		t.Fatalf("first import: %v %v", changed, err)
	}
	seqs := func() (s []uint64) {
		h.store.Items(ctx, reminders.AppointmentPrefix("A/1"), func(it carebot.OutboxItem) error { s = append(s, it.Seq); return nil })
		return s
	}
	first := seqs()
	if changed, _ := as.Import(ctx, a); changed {
		t.Error("importing the same appointment again changed something")
	}
	if got := seqs(); len(got) != 3 || got[0] != first[0] {
		t.Errorf("re-import rewrote the reminders: %v then %v", first, got)
	}
	if _, err := as.Respond(ctx, "A/1", carebot.ResponseConfirmed); err != nil {
		t.Fatal(err)
	}
	a.At = a.At.Add(48 * time.Hour)
	if changed, _ := as.Import(ctx, a); !changed {
		t.Fatal("moving the appointment changed nothing")
	}
	if got := due(t, h, reminders.AppointmentPrefix("A/1"), ny); len(got) != 3 || !strings.HasPrefix(got[2], "Sun 12-06 13:00") {
		t.Errorf("after moving to Sunday: %v", got)
	}
	stored, _ := h.store.Appointment(ctx, "A/1")
	if stored.Response != "" {
		t.Errorf("a confirmation of the old time survived the move: %q", stored.Response)
	}
	if err := as.Cancel(ctx, "A/1"); err != nil {
		t.Fatal(err)
	}
	if got := due(t, h, reminders.AppointmentPrefix("A/1"), ny); len(got) != 0 {
		t.Errorf("after cancelling: %v pending, want none", got)
	}
	if err := as.Cancel(ctx, "A/9"); !errors.Is(err, carebot.ErrNotFound) || err.Error() != `appointment "A/9": not found` {
		t.Errorf("cancelling an unknown appointment: got %v, want it named and ErrNotFound", err)
	}
	for _, bad := range []carebot.Appointment{{User: "u", At: a.At}, {ID: "x", At: a.At}, {ID: "x", User: "u"}, {ID: "x", User: "u", At: a.At, TimeZone: "Mars/Base"}} {
		if _, err := as.Import(ctx, bad); err == nil {
			t.Errorf("Import(%+v): got nil error", bad)
		}
	}
}

// ImportAll says what became of each appointment of a list longer than
// one store transaction takes, and plans each one's reminders as Import
// would; a list with one bad appointment, or an ID twice, stores nothing.
func TestAppointmentImportAll(t *testing.T) {
	ctx := context.Background()
	ny := mustZone(t, "America/New_York")
	h := newHarness(time.Date(2026, 11, 25, 12, 0, 0, 0, ny))
	as := appointments(h)
	visit := time.Date(2026, 12, 4, 15, 0, 0, 0, ny)
	list := make([]carebot.Appointment, 2500)
	for i := range list {
		list[i] = carebot.Appointment{ID: fmt.Sprint("A-", i), User: fmt.Sprint("chat:", i), At: visit, Location: "Main St"}
	}
	changes, err := as.ImportAll(ctx, list)
	if err != nil || len(changes) != len(list) || changes[0] != reminders.ImportNew || changes[2499] != reminders.ImportNew {
		t.Fatalf("first import: %d changes, %v", len(changes), err)
	}
	if got := due(t, h, reminders.AppointmentPrefix("A-2499"), ny); len(got) != 3 {
		t.Errorf("A-2499's reminders: %v, want 3", got)
	}
	list[0].At = visit.Add(time.Hour)
	list[1].Status = carebot.AppointmentCancelled
	list[2].Location = "Elm St"
	list[1999].At = visit.Add(-time.Hour)
	changes, err = as.ImportAll(ctx, list)
	if err != nil {
		t.Fatal(err)
	}
	count := map[reminders.ImportChange]int{}
	for _, c := range changes {
		count[c]++
	}
	want := map[reminders.ImportChange]int{reminders.ImportMoved: 2, reminders.ImportCancelled: 1, reminders.ImportUpdated: 1, reminders.ImportUnchanged: 2496}
	if fmt.Sprint(count) != fmt.Sprint(want) || changes[0] != reminders.ImportMoved || changes[1] != reminders.ImportCancelled ||
		changes[2] != reminders.ImportUpdated || changes[1999] != reminders.ImportMoved {
		t.Errorf("second import: %v, want %v", count, want)
	}
	if got := due(t, h, reminders.AppointmentPrefix("A-1"), ny); len(got) != 0 {
		t.Errorf("the cancelled A-1 has reminders: %v", got)
	}
	if got := due(t, h, reminders.AppointmentPrefix("A-0"), ny); len(got) != 3 || !strings.HasPrefix(got[2], "Fri 12-04 14:00") {
		t.Errorf("the moved A-0's reminders: %v", got)
	}

	for name, bad := range map[string][]carebot.Appointment{
		"an appointment without a time": {{ID: "N-1", User: "chat:1", At: visit}, {ID: "N-2", User: "chat:2"}},
		"an ID twice":                   {{ID: "N-1", User: "chat:1", At: visit}, {ID: "N-1", User: "chat:2", At: visit}},
	} {
		if changes, err := as.ImportAll(ctx, bad); err == nil || len(changes) != 0 {
			t.Errorf("%s: got %v, %v; want an error", name, changes, err)
		}
		if _, err := h.store.Appointment(ctx, "N-1"); !errors.Is(err, carebot.ErrNotFound) {
			t.Errorf("%s: N-1 was stored", name)
		}
	}
}

// QA: a staff cancel was undone by the next import of a file that still
// listed the visit as booked. A cancellation in carebot, staff's or the
// patient's, stands over the same booking, says so, and keeps what else
// the file changes; a new time books the visit again. A cancellation by
// the clinic's own file is undone by its booking again.
func TestACancellationInCarebotStandsUntilTheVisitMoves(t *testing.T) {
	ctx := context.Background()
	ny := mustZone(t, "America/New_York")
	h := newHarness(time.Date(2026, 11, 25, 12, 0, 0, 0, ny))
	as := appointments(h)
	visit := time.Date(2026, 12, 15, 10, 0, 0, 0, ny)
	rc := carebot.Appointment{ID: "RC-1", User: "chat:p", At: visit, TimeZone: "America/New_York"}
	imp := func(a carebot.Appointment) reminders.ImportChange {
		t.Helper()
		changes, err := as.ImportAll(ctx, []carebot.Appointment{a})
		if err != nil {
			t.Fatal(err)
		}
		return changes[0]
	}
	status := func(id string) (carebot.AppointmentStatus, int) {
		t.Helper()
		a, err := h.store.Appointment(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return a.Status, len(due(t, h, reminders.AppointmentPrefix(id), ny))
	}
	if got := imp(rc); got != reminders.ImportNew {
		t.Fatalf("first import: %s", got)
	}
	if err := as.Cancel(ctx, "RC-1"); err != nil {
		t.Fatal(err)
	}
	if got := imp(rc); got != reminders.ImportKeptCancelled {
		t.Errorf("import after a staff cancel: %s, want %s", got, reminders.ImportKeptCancelled)
	}
	if st, n := status("RC-1"); st != carebot.AppointmentCancelled || n != 0 {
		t.Errorf("after the import: %s with %d reminders; want cancelled with none", st, n)
	}
	elm := rc
	elm.Location = "Elm St"
	if got := imp(elm); got != reminders.ImportKeptCancelled {
		t.Errorf("a new place: %s", got)
	}
	if a, _ := h.store.Appointment(ctx, "RC-1"); a.Location != "Elm St" || a.Status != carebot.AppointmentCancelled {
		t.Errorf("a new place: stored %+v; want Elm St, cancelled", a)
	}
	elm.Status = carebot.AppointmentCancelled // the clinic's system learned of it
	if got := imp(elm); got != reminders.ImportUnchanged {
		t.Errorf("listed as cancelled too: %s", got)
	}
	moved := elm
	moved.At, moved.Status = visit.Add(24*time.Hour), carebot.AppointmentBooked
	if got := imp(moved); got != reminders.ImportMoved {
		t.Errorf("a new time: %s", got)
	}
	if st, n := status("RC-1"); st != carebot.AppointmentBooked || n != 3 {
		t.Errorf("after a new time: %s with %d reminders; want booked with 3", st, n)
	}
	if got := imp(moved); got != reminders.ImportUnchanged {
		t.Errorf("the new time again: %s (the old cancel must not come back)", got)
	}

	// The patient's own cancellation (X).
	if _, err := as.Respond(ctx, "RC-1", carebot.ResponseCancelled); err != nil {
		t.Fatal(err)
	}
	if got := imp(moved); got != reminders.ImportKeptCancelled {
		t.Errorf("import after the patient's cancel: %s", got)
	}

	// The clinic's file cancels, then books again: it is booked.
	other := carebot.Appointment{ID: "F-1", User: "chat:q", At: visit, Status: carebot.AppointmentCancelled}
	imp(other)
	other.Status = carebot.AppointmentBooked
	if got := imp(other); got != reminders.ImportUpdated {
		t.Errorf("booked again by the file: %s", got)
	}
	if st, n := status("F-1"); st != carebot.AppointmentBooked || n != 3 {
		t.Errorf("booked again by the file: %s with %d reminders", st, n)
	}
	// Staff cancel what the file had cancelled: that stands too.
	other.Status = carebot.AppointmentCancelled
	imp(other)
	if err := as.Cancel(ctx, "F-1"); err != nil {
		t.Fatal(err)
	}
	other.Status = carebot.AppointmentBooked
	if got := imp(other); got != reminders.ImportKeptCancelled {
		t.Errorf("booked again by the file after a staff cancel: %s", got)
	}
}

func TestAppointmentRemindersAtSendTime(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx := context.Background()
		ny := mustZone(t, "America/New_York")
		chicago := mustZone(t, "America/Chicago")
		h := newHarness(time.Date(2026, 11, 25, 12, 0, 0, 0, ny))
		h.d.Clinic = reminders.Clinic{Name: "Riverside Clinic", Phone: "(555) 010-2030"}
		h.person("chat:p", "America/Chicago", "en", carebot.PurposeAppointments)
		h.person("chat:moved", "America/New_York", "es", carebot.PurposeAppointments)
		as := appointments(h)
		visit := time.Date(2026, 12, 4, 15, 0, 0, 0, ny)
		as.Import(ctx, carebot.Appointment{ID: "A1", User: "chat:p", At: visit, Location: "Main St"})
		as.Import(ctx, carebot.Appointment{ID: "B1", User: "chat:moved", At: visit, Location: "Main St"})
		// B1 moves in the clinic's system in a way that leaves its old
		// reminders in place (a race, a bug): they must not go out.
		moved, _ := h.store.Appointment(ctx, "B1")
		moved.At = visit.Add(time.Hour)
		h.store.PutAppointment(ctx, moved, "")
		stop := h.start(t)
		h.runUntil(time.Date(2026, 12, 2, 12, 0, 0, 0, ny))
		got := h.sender.all()
		if len(got) != 1 {
			t.Fatalf("sent %d by Wednesday, want the one 72 h reminder: %+v", len(got), got)
		}
		text := got[0].Text
		for _, want := range []string{"Riverside Clinic", "Friday, December 4 at 2:00 PM", "Main St", "call (555) 010-2030", "C to confirm"} {
			if !strings.Contains(text, want) {
				t.Errorf("reminder %q lacks %q (Chicago time, clinic, location, contact, how to answer)", text, want)
			}
		}
		if !got[0].At.Equal(visit.Add(-72*time.Hour)) || got[0].At.In(chicago).Hour() != 14 {
			t.Errorf("sent at %s, want 72 h before", got[0].At)
		}
		if b := got[0].R.Buttons; len(b) != 3 || b[0].Payload != "appt:c:A1" || b[1].Payload != "appt:x:A1" || b[2].Payload != "appt:r:A1" {
			t.Errorf("buttons %+v", b)
		}
		// What was sent is recorded with the visit it named, so that a
		// typed answer can later be matched to it.
		if o := h.outcomes(t, reminders.AppointmentPrefix("A1"))[reminders.AppointmentPrefix("A1")+"72h"]; o.Result != carebot.ResultSent ||
			o.User != "chat:p" || !o.Slot.Equal(visit) {
			t.Errorf("outcome of the sent reminder: %+v, want sent to chat:p for the visit at %s", o, visit)
		}
		if o := h.outcomes(t, reminders.AppointmentPrefix("B1"))[reminders.AppointmentPrefix("B1")+"72h"]; o.Result != carebot.ResultCancelled {
			t.Errorf("reminder of the moved appointment: %+v, want skipped as cancelled", o)
		}
		// The patient cancels by button: the rest are never sent.
		p := reminders.NewPatients(h.store, h.people, as)
		p.Clock = h.clock
		u, _ := h.people.User(ctx, "chat:p")
		replies, ok, err := p.Handle(ctx, carebot.Message{From: u.DM, Payload: "appt:x:A1"}, u)
		if err != nil || !ok || len(replies) != 1 || !strings.Contains(replies[0].Text, "cancelled") {
			t.Fatalf("cancel button: %v %v %+v", ok, err, replies)
		}
		h.runUntil(visit.Add(time.Hour))
		stop()
		if n := len(h.sender.all()); n != 1 {
			t.Errorf("sent %d after the patient cancelled, want none more", n-1)
		}
		a, _ := h.store.Appointment(ctx, "A1")
		if a.Status != carebot.AppointmentCancelled || a.Response != carebot.ResponseCancelled {
			t.Errorf("appointment after X: %+v", a)
		}
	})
}

// A reminder says how to reach the clinic in the patient's language, and
// a clinic without a phone says nothing about it.
func TestAppointmentReminderContact(t *testing.T) {
	tests := []struct {
		lang, phone string
		want        string
		wantNot     []string
	}{
		{"en", "(555) 010-2030", "Reply C to confirm, X to cancel or R to ask for another time. To reach us: call (555) 010-2030.", nil},
		{"es", "(555) 010-2030", "Responda C para confirmar, X para cancelar o R para pedir otra fecha. Para contactarnos: llame al (555) 010-2030.", []string{"call"}},
		{"es", "", "Responda C para confirmar, X para cancelar o R para pedir otra fecha.", []string{"contactarnos"}},
		{"en", "", "Reply C to confirm, X to cancel or R to ask for another time.", []string{"reach us"}},
	}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.phone, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				ny := mustZone(t, "America/New_York")
				h := newHarness(time.Date(2026, 11, 25, 12, 0, 0, 0, ny))
				h.d.Clinic = reminders.Clinic{Name: "Riverside Clinic", Phone: tt.phone}
				h.person("chat:p", "America/New_York", tt.lang, carebot.PurposeAppointments)
				visit := time.Date(2026, 12, 4, 15, 0, 0, 0, ny)
				appointments(h).Import(context.Background(), carebot.Appointment{ID: "A1", User: "chat:p", At: visit})
				stop := h.start(t)
				h.runUntil(visit.Add(-72 * time.Hour))
				stop()
				got := h.sender.all()
				if len(got) != 1 {
					t.Fatalf("sent %d, want the 72 h reminder", len(got))
				}
				if !strings.HasSuffix(got[0].Text, tt.want) {
					t.Errorf("reminder %q\n does not end %q", got[0].Text, tt.want)
				}
				for _, w := range tt.wantNot {
					if strings.Contains(got[0].Text, w) {
						t.Errorf("reminder %q says %q", got[0].Text, w)
					}
				}
			})
		})
	}
}

// With ClinicNow set, each reminder names the clinic as it is when sent:
// a faq.yaml reload that changed the name and phone reaches reminders at
// once (QA: they kept the values of the start until a restart), and so
// does a patient's cancel reply.
func TestAppointmentReminderClinicNow(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ny := mustZone(t, "America/New_York")
		h := newHarness(time.Date(2026, 11, 25, 12, 0, 0, 0, ny))
		clinic := reminders.Clinic{Name: "Riverside Clinic", Phone: "(555) 010-2030"}
		h.d.Clinic = reminders.Clinic{Name: "Stale Clinic", Phone: "(555) 000-0000"}
		h.d.ClinicNow = func() reminders.Clinic { return clinic }
		h.person("chat:p", "America/New_York", "en", carebot.PurposeAppointments)
		visit := time.Date(2026, 12, 4, 15, 0, 0, 0, ny)
		appointments(h).Import(context.Background(), carebot.Appointment{ID: "A1", User: "chat:p", At: visit})
		stop := h.start(t)
		h.runUntil(visit.Add(-72 * time.Hour))
		clinic = reminders.Clinic{Name: "Riverbend Health", Phone: "(555) 999-1234"} // the reload
		h.runUntil(visit.Add(-24 * time.Hour))
		stop()
		got := h.sender.all()
		if len(got) != 2 {
			t.Fatalf("sent %d, want the 72 h and 24 h reminders", len(got))
		}
		for i, want := range []string{"Riverside Clinic", "Riverbend Health"} {
			if !strings.Contains(got[i].Text, want) || strings.Contains(got[i].Text, "Stale") {
				t.Errorf("reminder %d: %q, want it to name %s", i, got[i].Text, want)
			}
		}
		if !strings.Contains(got[1].Text, "(555) 999-1234") {
			t.Errorf("reminder after the reload: %q, want the new phone", got[1].Text)
		}
		p := reminders.NewPatients(h.store, h.people, appointments(h))
		p.Clock, p.Clinic = h.clock, h.d.Clinic
		p.ClinicNow = h.d.ClinicNow
		u, _ := h.people.User(context.Background(), "chat:p")
		replies, _, err := p.Handle(context.Background(), carebot.Message{From: u.DM, Payload: "appt:x:A1"}, u)
		if err != nil || len(replies) != 1 || !strings.Contains(replies[0].Text, "(555) 999-1234") {
			t.Errorf("cancel reply after the reload: %+v %v, want the new phone", replies, err)
		}
	})
}

func TestAppointmentRemindersAfterDowntime(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ny := mustZone(t, "America/New_York")
		h := newHarness(time.Date(2026, 11, 25, 12, 0, 0, 0, ny))
		h.person("chat:p", "America/New_York", "en", carebot.PurposeAppointments)
		visit := time.Date(2026, 12, 4, 15, 0, 0, 0, ny)
		appointments(h).Import(context.Background(), carebot.Appointment{ID: "A1", User: "chat:p", At: visit})
		// Down from now until Thursday 16:00: the 72 h and 24 h slots pass.
		h.clock.Set(time.Date(2026, 12, 3, 16, 0, 0, 0, ny))
		stop := h.start(t)
		h.runUntil(visit)
		stop()
		var got []string
		for _, s := range h.sender.all() {
			got = append(got, s.At.In(ny).Format("Mon 15:04"))
		}
		if strings.Join(got, ", ") != "Thu 16:00, Fri 13:00" {
			t.Errorf("sent %v, want the 24 h one late (still useful) and the 2 h one; the 72 h one superseded", got)
		}
		if o := h.outcomes(t, "appt/")["appt/A1/72h"]; o.Result != carebot.ResultExpired {
			t.Errorf("72 h reminder: %+v, want expired", o)
		}
	})
}
