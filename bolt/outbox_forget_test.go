package bolt

import (
	"bytes"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/carebot/carebot"
)

// fillReminders gives user an appointment with a pending and a claimed
// reminder, an outcome and an unreachable mark, under the tag in its IDs.
func fillReminders(t *testing.T, d *DB, user, tag string) {
	t.Helper()
	ctx := t.Context()
	appt := carebot.Appointment{ID: "A-" + tag, User: user, At: t0.Add(72 * time.Hour), Location: "Main St",
		TimeZone: "America/Chicago", Status: carebot.AppointmentBooked,
		To: carebot.Address{Platform: "telegram", ChatID: "chat-" + tag}}
	err := d.PutAppointment(ctx, appt, "appt/A-"+tag+"/",
		outItem("appt/A-"+tag+"/72h", user, t0), outItem("appt/A-"+tag+"/24h", user, t0.Add(48*time.Hour)))
	if err != nil {
		t.Fatal(err)
	}
	// An outcome outlives its item: record one for an item long gone.
	if err := d.Finish(ctx, carebot.OutboxDone{ID: "bcast/b0/" + tag, Outcome: &carebot.Outcome{
		ID: "bcast/b0/" + tag, User: user, Result: carebot.ResultSent, At: t0}}); err != nil {
		t.Fatal(err)
	}
	if err := d.SetUnreachable(ctx, user, t0); err != nil {
		t.Fatal(err)
	}
}

func itemIDs(t *testing.T, d *DB) []string {
	t.Helper()
	var ids []string
	if err := d.Items(t.Context(), "", func(it carebot.OutboxItem) error { ids = append(ids, it.ID); return nil }); err != nil {
		t.Fatal(err)
	}
	return ids
}

func outcomeList(t *testing.T, d *DB) []carebot.Outcome {
	t.Helper()
	var outs []carebot.Outcome
	if err := d.Outcomes(t.Context(), "", func(o carebot.Outcome) error { outs = append(outs, o); return nil }); err != nil {
		t.Fatal(err)
	}
	return outs
}

// Forget takes a person's reminders with them: pending and claimed items,
// appointments, outcomes and the unreachable mark, and a send in flight
// when they asked does not bring them back.
func TestForgetReminders(t *testing.T) {
	d, path := openTemp(t)
	ctx := t.Context()
	const gone, stays = "telegram:1001", "telegram:1002"
	fillReminders(t, d, gone, "g")
	fillReminders(t, d, stays, "s")
	if err := d.Schedule(ctx, outItem("note/nobody", "", t0)); err != nil {
		t.Fatal(err)
	}
	claimed, err := d.Claim(ctx, t0, 10) // both 72h reminders and the note
	if err != nil || len(claimed) != 3 {
		t.Fatalf("Claim: got %d items, %v; want 3", len(claimed), err)
	}
	uid := d.uid(gone)

	f, err := d.Forget(ctx, gone)
	if err != nil {
		t.Fatal(err)
	}
	// The appointment's two reminders are outItems, broadcast messages.
	if want := (carebot.Forgotten{Appointments: 1, Messages: 2, Deliveries: 1, Unreachable: true}); f != want {
		t.Errorf("Forget: got %+v, want %+v", f, want)
	}
	if got, want := itemIDs(t, d), []string{"appt/A-s/24h", "appt/A-s/72h", "note/nobody"}; !reflect.DeepEqual(got, want) {
		t.Errorf("items after Forget: got %v, want %v", got, want)
	}
	if _, err := d.Appointment(ctx, "A-g"); !errors.Is(err, carebot.ErrNotFound) {
		t.Errorf("the forgotten person's appointment: got %v, want ErrNotFound", err)
	}
	if of, err := d.AppointmentsOf(ctx, gone); len(of) != 0 || err != nil {
		t.Errorf("AppointmentsOf after Forget: got %+v, %v; want none", of, err)
	}
	if of, err := d.AppointmentsOf(ctx, stays); len(of) != 1 || err != nil {
		t.Errorf("AppointmentsOf the other person: got %+v, %v; want theirs", of, err)
	}
	if outs := outcomeList(t, d); len(outs) != 1 || outs[0].User != stays {
		t.Errorf("outcomes after Forget: got %+v, want only the other person's", outs)
	}
	if since, err := d.Unreachable(ctx, gone); !since.IsZero() || err != nil {
		t.Errorf("Unreachable after Forget: got %v, %v; want zero", since, err)
	}
	if n, err := d.Recover(ctx); n != 2 || err != nil {
		t.Errorf("Recover after Forget: got %d, %v; want 2 (the forgotten claim went with them)", n, err)
	}

	// The forgotten person's send was in flight: its settlement records
	// nothing of theirs and schedules nothing.
	var done []carebot.OutboxDone
	for _, it := range claimed {
		next := it
		next.Due = t0.Add(time.Hour)
		done = append(done, carebot.OutboxDone{ID: it.ID, Seq: it.Seq, Next: &next,
			Outcome: &carebot.Outcome{ID: it.ID, User: it.User, Result: carebot.ResultSent, At: t0}})
	}
	if err := d.Finish(ctx, done...); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, o := range outcomeList(t, d) {
		got = append(got, o.ID)
	}
	if want := []string{"appt/A-s/72h", "bcast/b0/s", "note/nobody"}; !reflect.DeepEqual(got, want) {
		t.Errorf("outcomes after settling: got %v, want %v (none of the forgotten person's)", got, want)
	}
	if got := personBytes(t, d, gone); len(got) != 1 {
		t.Errorf("live data holds %d traces of the forgotten person", len(got)-1)
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	file := readFile(t, path)
	if bytes.Contains(file, uid) || wrappedKeyIn(d, file, uid) {
		t.Error("the forgotten person's uid or data key is still in the file after the scrub")
	}
	for _, c := range []string{"chat-g", "A-g"} {
		if bytes.Contains(file, []byte(c)) {
			t.Errorf("%q of the forgotten person is still in the file after the scrub", c)
		}
	}
	if !bytes.Contains(file, []byte("A-s")) {
		t.Error("the other person's appointment ID is not in the file: the search above proves nothing")
	}
}

// Nothing personal of the reminders is in the file in clear. IDs are, as
// the contract allows: a person appears in them only as a pseudonym.
func TestRemindersCanary(t *testing.T) {
	d, path := openTemp(t)
	ctx := t.Context()
	const user = "telegram:8812345670"
	to := carebot.Address{Platform: "telegram", ChatID: "CANARYCHAT", UserID: "8812345670", Thread: "CANARYTHREAD"}
	it := carebot.OutboxItem{ID: "self/9f2c/1", Kind: carebot.KindPatient, Due: t0, User: user, To: to,
		Text: "CANARYTEXT take the pills", Rule: "FREQ=DAILY;BYHOUR=8", Cursor: "CANARYCURSOR", Ref: "CANARYREF"}
	appt := carebot.Appointment{ID: "A1", User: user, To: to, At: t0, Location: "CANARYPLACE",
		TimeZone: "America/CANARYZONE", Status: carebot.AppointmentBooked}
	if err := d.PutAppointment(ctx, appt, "appt/A1/", it); err != nil {
		t.Fatal(err)
	}
	if err := d.Schedule(ctx, carebot.OutboxItem{ID: "remind/1", Due: t0, To: to, Text: "CANARYNOBODY"}); err != nil {
		t.Fatal(err)
	}
	if err := d.Finish(ctx, carebot.OutboxDone{ID: "x", Outcome: &carebot.Outcome{ID: "self/9f2c/0", User: user,
		Ref: "CANARYREF", Result: carebot.ResultFailed, Reason: "CANARYREASON"}}); err != nil {
		t.Fatal(err)
	}
	if err := d.SetUnreachable(ctx, user, t0); err != nil {
		t.Fatal(err)
	}
	if got := itemIDs(t, d); len(got) != 2 {
		t.Fatalf("stored items %v, want 2", got)
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	file := readFile(t, path)
	for _, c := range []string{"8812345670", "CANARY", "canary", "telegram:", "pills", "FREQ="} {
		if i := bytes.Index(file, []byte(c)); i >= 0 {
			t.Errorf("%q is in the file in clear at offset %d", c, i)
		}
	}
	if !bytes.Contains(file, []byte("self/9f2c/1")) {
		t.Error("the item's ID is not in the file in clear: this test no longer finds what it looks for")
	}
}
