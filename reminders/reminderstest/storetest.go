package reminderstest

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/reminders"
)

// TestStore checks that the stores newStore makes keep the contract of
// reminders.Store. newStore returns a new, empty store for each subtest
// (a bbolt file in t.TempDir(), say) and cleans it up with t.Cleanup.
func TestStore(t *testing.T, newStore func(t *testing.T) reminders.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s reminders.Store)
	}{
		{"ScheduleKeepsEveryField", testScheduleKeepsEveryField},
		{"ScheduleReplacesByID", testScheduleReplacesByID},
		{"ScheduleRejectsBadItems", testScheduleRejectsBadItems},
		{"ItemsByPrefix", testItemsByPrefix},
		{"NextDue", testNextDue},
		{"ClaimOrderAndLimit", testClaimOrderAndLimit},
		{"FinishSettles", testFinishSettles},
		{"FinishAfterReplaceOrCancel", testFinishAfterReplaceOrCancel},
		{"CancelByPrefix", testCancelByPrefix},
		{"RecoverReturnsClaims", testRecoverReturnsClaims},
		{"Outcomes", testOutcomes},
		{"Appointments", testAppointments},
		{"Reachability", testReachability},
		{"ManyItemsDrainInOrder", testManyItemsDrainInOrder},
		{"ConcurrentUse", testConcurrentUse},
		{"CancelledContext", testCancelledContext},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, newStore(t)) })
	}
}

var t0 = time.Date(2026, 11, 25, 15, 0, 0, 0, time.UTC)

func item(id string, due time.Time) carebot.OutboxItem {
	return carebot.OutboxItem{ID: id, Kind: carebot.KindBroadcast, Due: due, User: "u:" + id, Purpose: carebot.PurposeAnnouncements}
}

// same compares items ignoring Seq, times by instant.
func same(a, b carebot.OutboxItem) bool {
	a.Seq, b.Seq = 0, 0
	for _, p := range []*carebot.OutboxItem{&a, &b} {
		for _, tp := range []*time.Time{&p.Due, &p.Expires, &p.Slot, &p.Wall, &p.Created, &p.Sent} {
			if !tp.IsZero() {
				*tp = tp.UTC()
			}
		}
	}
	return reflect.DeepEqual(a, b)
}

func collect(t *testing.T, s reminders.Store, prefix string) []carebot.OutboxItem {
	t.Helper()
	var got []carebot.OutboxItem
	if err := s.Items(context.Background(), prefix, func(it carebot.OutboxItem) error {
		got = append(got, it)
		return nil
	}); err != nil {
		t.Fatalf("Items(%q): %v", prefix, err)
	}
	return got
}

func ids(items []carebot.OutboxItem) []string {
	out := []string{}
	for _, it := range items {
		out = append(out, it.ID)
	}
	return out
}

func mustSchedule(t *testing.T, s reminders.Store, items ...carebot.OutboxItem) {
	t.Helper()
	if err := s.Schedule(context.Background(), items...); err != nil {
		t.Fatalf("Schedule: %v", err)
	}
}

func mustClaim(t *testing.T, s reminders.Store, now time.Time, limit int) []carebot.OutboxItem {
	t.Helper()
	got, err := s.Claim(context.Background(), now, limit)
	if err != nil {
		t.Fatalf("Claim: %v", err)
	}
	return got
}

func mustFinish(t *testing.T, s reminders.Store, done ...carebot.OutboxDone) {
	t.Helper()
	if err := s.Finish(context.Background(), done...); err != nil {
		t.Fatalf("Finish: %v", err)
	}
}

func testScheduleKeepsEveryField(t *testing.T, s reminders.Store) {
	ny, _ := time.LoadLocation("America/New_York")
	full := carebot.OutboxItem{
		ID: "self/telegram:1/0001", Kind: carebot.KindPatient,
		Due: t0.In(ny), Expires: t0.Add(time.Hour), User: "telegram:1",
		To:      carebot.Address{Platform: "telegram", ChatID: "c1", UserID: "1", Thread: "th"},
		Purpose: carebot.PurposeAppointments, Asked: true, Text: "take the pills ✓",
		Ref: "ref", Slot: t0.Add(72 * time.Hour), Wall: time.Date(2026, 11, 25, 8, 0, 0, 0, time.UTC),
		Rule: "FREQ=DAILY;BYHOUR=8", Cursor: "c", Attempts: 2,
		Created: t0.Add(-time.Hour), Sent: t0.Add(-30 * time.Minute),
	}
	group := carebot.OutboxItem{ID: "bcast/1/g", Kind: carebot.KindBroadcast, Due: t0, To: carebot.Address{Platform: "slack", ChatID: "C1", Group: true}}
	mustSchedule(t, s, full, group)
	got := collect(t, s, "")
	if len(got) != 2 {
		t.Fatalf("Items: got %d items, want 2", len(got))
	}
	if !same(got[1], full) {
		t.Errorf("stored item:\n got  %+v\n want %+v", got[1], full)
	}
	if !same(got[0], group) {
		t.Errorf("stored item:\n got  %+v\n want %+v", got[0], group)
	}
	if got[0].Seq == 0 || got[1].Seq == 0 || got[0].Seq == got[1].Seq {
		t.Errorf("Seqs: got %d and %d, want two distinct non-zero", got[0].Seq, got[1].Seq)
	}
	claimed := mustClaim(t, s, t0, 10)
	if len(claimed) != 2 || !same(claimed[1], full) {
		t.Errorf("Claim did not return the item as stored: %+v", claimed)
	}
}

func testScheduleReplacesByID(t *testing.T, s reminders.Store) {
	mustSchedule(t, s, item("a", t0))
	first := collect(t, s, "a")[0]
	moved := item("a", t0.Add(time.Hour))
	moved.Text = "moved"
	mustSchedule(t, s, moved)
	got := collect(t, s, "")
	if len(got) != 1 || got[0].Text != "moved" || !got[0].Due.Equal(moved.Due) {
		t.Fatalf("after replacing: got %+v, want only the moved item", got)
	}
	if got[0].Seq == first.Seq {
		t.Errorf("replacing kept Seq %d; want a new one", first.Seq)
	}
	if c := mustClaim(t, s, t0, 10); len(c) != 0 {
		t.Errorf("Claim at the old due time: got %v, want nothing (the item moved)", ids(c))
	}
	if c := mustClaim(t, s, t0.Add(time.Hour), 10); len(c) != 1 {
		t.Errorf("Claim at the new due time: got %v, want [a]", ids(c))
	}
}

func testScheduleRejectsBadItems(t *testing.T, s reminders.Store) {
	ctx := context.Background()
	if err := s.Schedule(ctx, carebot.OutboxItem{Due: t0}); err == nil {
		t.Error("Schedule of an item without ID: got nil error")
	}
	if err := s.Schedule(ctx, carebot.OutboxItem{ID: "x"}); err == nil {
		t.Error("Schedule of an item without Due: got nil error")
	}
	if err := s.Schedule(ctx, item("ok", t0), carebot.OutboxItem{ID: "bad"}); err == nil {
		t.Error("Schedule of a batch with a bad item: got nil error")
	}
	if got := collect(t, s, ""); len(got) != 0 {
		t.Errorf("a rejected batch left %v stored; want nothing (all or none)", ids(got))
	}
}

func testItemsByPrefix(t *testing.T, s reminders.Store) {
	mustSchedule(t, s, item("self/u1/b", t0), item("self/u1/a", t0.Add(time.Hour)), item("self/u10/a", t0), item("appt/x/2h", t0))
	if got, want := ids(collect(t, s, "self/u1/")), []string{"self/u1/a", "self/u1/b"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Items(self/u1/): got %v, want %v", got, want)
	}
	mustClaim(t, s, t0, 10) // claimed items are still listed
	if got, want := ids(collect(t, s, "self/")), []string{"self/u1/a", "self/u1/b", "self/u10/a"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Items(self/) with some claimed: got %v, want %v", got, want)
	}
	stop := errors.New("stop")
	n := 0
	err := s.Items(context.Background(), "", func(carebot.OutboxItem) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("Items stopping at the first: got err %v after %d calls, want stop after 1", err, n)
	}
}

func testNextDue(t *testing.T, s reminders.Store) {
	ctx := context.Background()
	if _, ok, err := s.NextDue(ctx); err != nil || ok {
		t.Fatalf("NextDue of an empty store: got ok %v, err %v; want false, nil", ok, err)
	}
	mustSchedule(t, s, item("late", t0.Add(2*time.Hour)), item("early", t0.Add(time.Hour)))
	due, ok, err := s.NextDue(ctx)
	if err != nil || !ok || !due.Equal(t0.Add(time.Hour)) {
		t.Fatalf("NextDue: got %v %v %v, want %v", due, ok, err, t0.Add(time.Hour))
	}
	mustClaim(t, s, t0.Add(time.Hour), 1)
	due, ok, _ = s.NextDue(ctx)
	if !ok || !due.Equal(t0.Add(2*time.Hour)) {
		t.Errorf("NextDue with the earliest claimed: got %v %v, want %v", due, ok, t0.Add(2*time.Hour))
	}
	if _, err := s.Cancel(ctx, "late"); err != nil {
		t.Fatal(err)
	}
	if due, ok, _ := s.NextDue(ctx); ok {
		t.Errorf("NextDue with only a claimed item left: got %v, want none", due)
	}
}

func testClaimOrderAndLimit(t *testing.T, s reminders.Store) {
	mustSchedule(t, s, item("c", t0), item("b", t0), item("d", t0.Add(-time.Minute)), item("future", t0.Add(time.Second)), item("a", t0))
	got := mustClaim(t, s, t0, 3)
	if want := []string{"d", "a", "b"}; !reflect.DeepEqual(ids(got), want) {
		t.Errorf("Claim(limit 3): got %v, want %v (earliest first, then by ID)", ids(got), want)
	}
	got = mustClaim(t, s, t0, 10)
	if want := []string{"c"}; !reflect.DeepEqual(ids(got), want) {
		t.Errorf("second Claim: got %v, want %v (nothing claimed twice, nothing early)", ids(got), want)
	}
	if got := mustClaim(t, s, t0, 10); len(got) != 0 {
		t.Errorf("third Claim: got %v, want nothing", ids(got))
	}
}

func testFinishSettles(t *testing.T, s reminders.Store) {
	mustSchedule(t, s, item("sent", t0), item("retry", t0), item("fan", t0))
	claimed := mustClaim(t, s, t0, 10)
	bySeq := map[string]uint64{}
	for _, it := range claimed {
		bySeq[it.ID] = it.Seq
	}
	retry := item("retry", t0.Add(time.Minute))
	retry.Attempts = 1
	fanNext := item("fan", t0)
	fanNext.Cursor = "page2"
	mustFinish(t, s,
		carebot.OutboxDone{ID: "sent", Seq: bySeq["sent"], Outcome: &carebot.Outcome{ID: "sent", Result: carebot.ResultSent, At: t0}},
		carebot.OutboxDone{ID: "retry", Seq: bySeq["retry"], Next: &retry},
		carebot.OutboxDone{ID: "fan", Seq: bySeq["fan"], Next: &fanNext, Spawn: []carebot.OutboxItem{item("msg/1", t0), item("msg/2", t0)}},
	)
	got := collect(t, s, "")
	if want := []string{"fan", "msg/1", "msg/2", "retry"}; !reflect.DeepEqual(ids(got), want) {
		t.Fatalf("after Finish: got %v, want %v", ids(got), want)
	}
	if got[0].Cursor != "page2" || got[3].Attempts != 1 || !got[3].Due.Equal(t0.Add(time.Minute)) {
		t.Errorf("Next items not stored as given: %+v", got)
	}
	c := mustClaim(t, s, t0, 10)
	if want := []string{"fan", "msg/1", "msg/2"}; !reflect.DeepEqual(ids(c), want) {
		t.Errorf("Claim after Finish: got %v, want %v (Next and Spawn are pending)", ids(c), want)
	}
	var outs []carebot.Outcome
	s.Outcomes(context.Background(), "", func(o carebot.Outcome) error { outs = append(outs, o); return nil })
	if len(outs) != 1 || outs[0].Result != carebot.ResultSent {
		t.Errorf("outcomes: got %+v, want one sent", outs)
	}
}

func testFinishAfterReplaceOrCancel(t *testing.T, s reminders.Store) {
	mustSchedule(t, s, item("replaced", t0), item("cancelled", t0))
	claimed := mustClaim(t, s, t0, 10)
	newer := item("replaced", t0.Add(time.Hour))
	newer.Text = "newer"
	mustSchedule(t, s, newer)
	if _, err := s.Cancel(context.Background(), "cancelled"); err != nil {
		t.Fatal(err)
	}
	var done []carebot.OutboxDone
	for _, it := range claimed {
		next := it
		next.Text = "from the old claim"
		done = append(done, carebot.OutboxDone{ID: it.ID, Seq: it.Seq, Next: &next,
			Outcome: &carebot.Outcome{ID: it.ID, Result: carebot.ResultSent},
			Spawn:   []carebot.OutboxItem{item("spawn/"+it.ID, t0)}})
	}
	mustFinish(t, s, done...)
	got := collect(t, s, "")
	if len(got) != 1 || got[0].ID != "replaced" || got[0].Text != "newer" {
		t.Errorf("after finishing stale claims: got %+v, want only the newer replaced item", got)
	}
	n := 0
	s.Outcomes(context.Background(), "", func(carebot.Outcome) error { n++; return nil })
	if n != 2 {
		t.Errorf("outcomes of stale claims: got %d, want 2 (recorded anyway)", n)
	}
}

func testCancelByPrefix(t *testing.T, s reminders.Store) {
	mustSchedule(t, s, item("appt/A1/72h", t0), item("appt/A1/2h", t0.Add(time.Hour)), item("appt/A10/2h", t0), item("appt/A2/2h", t0))
	claimed := mustClaim(t, s, t0, 1) // appt/A1/72h is claimed
	n, err := s.Cancel(context.Background(), "appt/A1/")
	if err != nil || n != 2 {
		t.Fatalf("Cancel(appt/A1/): got %d, %v; want 2, nil", n, err)
	}
	if got, want := ids(collect(t, s, "")), []string{"appt/A10/2h", "appt/A2/2h"}; !reflect.DeepEqual(got, want) {
		t.Errorf("after Cancel: got %v, want %v", got, want)
	}
	next := claimed[0]
	mustFinish(t, s, carebot.OutboxDone{ID: next.ID, Seq: next.Seq, Next: &next})
	if got := collect(t, s, "appt/A1/"); len(got) != 0 {
		t.Errorf("a cancelled claim came back through Finish: %v", ids(got))
	}
	if n, _ := s.Cancel(context.Background(), "nothing/"); n != 0 {
		t.Errorf("Cancel of nothing: got %d, want 0", n)
	}
}

func testRecoverReturnsClaims(t *testing.T, s reminders.Store) {
	ctx := context.Background()
	mustSchedule(t, s, item("a", t0), item("b", t0), item("c", t0.Add(time.Hour)))
	mustClaim(t, s, t0, 10)
	n, err := s.Recover(ctx)
	if err != nil || n != 2 {
		t.Fatalf("Recover: got %d, %v; want 2, nil", n, err)
	}
	if got := mustClaim(t, s, t0, 10); !reflect.DeepEqual(ids(got), []string{"a", "b"}) {
		t.Errorf("Claim after Recover: got %v, want [a b] again", ids(got))
	}
	due, ok, _ := s.NextDue(ctx)
	if !ok || !due.Equal(t0.Add(time.Hour)) {
		t.Errorf("NextDue after Recover and Claim: got %v, want %v", due, t0.Add(time.Hour))
	}
	if n, _ := s.Recover(ctx); n != 2 {
		t.Errorf("second Recover: got %d, want 2", n)
	}
	if n, _ := s.Recover(ctx); n != 0 {
		t.Errorf("Recover with nothing claimed: got %d, want 0", n)
	}
}

func testOutcomes(t *testing.T, s reminders.Store) {
	mustSchedule(t, s, item("bcast/1/a", t0), item("bcast/1/b", t0), item("bcast/12/a", t0))
	var done []carebot.OutboxDone
	for _, it := range mustClaim(t, s, t0, 10) {
		done = append(done, carebot.OutboxDone{ID: it.ID, Seq: it.Seq, Outcome: &carebot.Outcome{
			ID: it.ID, Kind: it.Kind, User: it.User, Ref: "1", Result: carebot.ResultUnreachable, At: t0, Attempts: 1, Reason: "blocked"}})
	}
	mustFinish(t, s, done...)
	// A later outcome with the same ID replaces the first.
	mustFinish(t, s, carebot.OutboxDone{ID: "gone", Outcome: &carebot.Outcome{ID: "bcast/1/b", Result: carebot.ResultSent, At: t0}})
	var got []carebot.Outcome
	s.Outcomes(context.Background(), "bcast/1/", func(o carebot.Outcome) error { got = append(got, o); return nil })
	if len(got) != 2 || got[0].ID != "bcast/1/a" || got[1].ID != "bcast/1/b" {
		t.Fatalf("Outcomes(bcast/1/): got %+v, want a and b in order", got)
	}
	want := carebot.Outcome{ID: "bcast/1/a", Kind: carebot.KindBroadcast, User: "u:bcast/1/a", Ref: "1", Result: carebot.ResultUnreachable, At: t0, Attempts: 1, Reason: "blocked"}
	if got[0].At.Equal(want.At) {
		got[0].At = want.At
	}
	if got[0] != want {
		t.Errorf("outcome: got %+v, want %+v", got[0], want)
	}
	if got[1].Result != carebot.ResultSent {
		t.Errorf("replaced outcome: got %s, want sent", got[1].Result)
	}
}

func testAppointments(t *testing.T, s reminders.Store) {
	ctx := context.Background()
	if _, err := s.Appointment(ctx, "nope"); !errors.Is(err, carebot.ErrNotFound) {
		t.Errorf("Appointment of an unknown ID: got %v, want ErrNotFound", err)
	}
	a := carebot.Appointment{ID: "A1", User: "telegram:1", At: t0.Add(72 * time.Hour), TimeZone: "America/Chicago",
		Location: "Main St", Status: carebot.AppointmentBooked, Updated: t0,
		To: carebot.Address{Platform: "telegram", ChatID: "1", UserID: "1"}}
	if err := s.PutAppointment(ctx, a, "appt/A1/", item("appt/A1/24h", t0), item("appt/A1/2h", t0.Add(time.Hour))); err != nil {
		t.Fatal(err)
	}
	mustSchedule(t, s, item("appt/A10/2h", t0))
	got, err := s.Appointment(ctx, "A1")
	if err != nil || !got.At.Equal(a.At) || got.Location != a.Location || got.To != a.To || got.Status != a.Status {
		t.Errorf("Appointment(A1): got %+v, %v; want %+v", got, err, a)
	}
	moved := a
	moved.At = a.At.Add(24 * time.Hour)
	moved.Response, moved.RespondedAt = carebot.ResponseReschedule, t0
	if err := s.PutAppointment(ctx, moved, "appt/A1/", item("appt/A1/72h", t0)); err != nil {
		t.Fatal(err)
	}
	if got, want := ids(collect(t, s, "appt/")), []string{"appt/A1/72h", "appt/A10/2h"}; !reflect.DeepEqual(got, want) {
		t.Errorf("after moving A1: items %v, want %v", got, want)
	}
	got, _ = s.Appointment(ctx, "A1")
	if !got.At.Equal(moved.At) || got.Response != carebot.ResponseReschedule || !got.RespondedAt.Equal(t0) {
		t.Errorf("moved appointment: got %+v", got)
	}
	early := carebot.Appointment{ID: "B", User: "telegram:1", At: t0, Status: carebot.AppointmentBooked}
	other := carebot.Appointment{ID: "C", User: "telegram:2", At: t0, Status: carebot.AppointmentBooked}
	for _, x := range []carebot.Appointment{early, other} {
		if err := s.PutAppointment(ctx, x, ""); err != nil {
			t.Fatal(err)
		}
	}
	of, err := s.AppointmentsOf(ctx, "telegram:1")
	if err != nil || len(of) != 2 || of[0].ID != "B" || of[1].ID != "A1" {
		t.Errorf("AppointmentsOf: got %+v, %v; want B then A1", of, err)
	}
	var all []string
	s.Appointments(ctx, func(a carebot.Appointment) error { all = append(all, a.ID); return nil })
	if want := []string{"A1", "B", "C"}; !reflect.DeepEqual(all, want) {
		t.Errorf("Appointments: got %v, want %v", all, want)
	}
	if err := s.PutAppointment(ctx, carebot.Appointment{}, ""); err == nil {
		t.Error("PutAppointment without ID: got nil error")
	}
}

func testReachability(t *testing.T, s reminders.Store) {
	ctx := context.Background()
	if got, err := s.Unreachable(ctx, "u"); err != nil || !got.IsZero() {
		t.Fatalf("Unreachable of someone never marked: got %v, %v; want zero, nil", got, err)
	}
	if err := s.SetUnreachable(ctx, "u", t0); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Unreachable(ctx, "u"); !got.Equal(t0) {
		t.Errorf("Unreachable after marking: got %v, want %v", got, t0)
	}
	if got, _ := s.Unreachable(ctx, "v"); !got.IsZero() {
		t.Errorf("marking u marked v: %v", got)
	}
	s.SetUnreachable(ctx, "u", time.Time{})
	if got, _ := s.Unreachable(ctx, "u"); !got.IsZero() {
		t.Errorf("Unreachable after clearing: got %v, want zero", got)
	}
}

func testManyItemsDrainInOrder(t *testing.T, s reminders.Store) {
	const n = 5000
	rng := rand.New(rand.NewPCG(1, 2))
	var batch []carebot.OutboxItem
	for i := range n {
		batch = append(batch, item(fmt.Sprintf("m/%05d", i), t0.Add(time.Duration(rng.IntN(3600))*time.Second)))
	}
	mustSchedule(t, s, batch...)
	var got []carebot.OutboxItem
	for now := t0; now.Before(t0.Add(time.Hour)); now = now.Add(7 * time.Minute) {
		for {
			c := mustClaim(t, s, now, 256)
			if len(c) == 0 {
				break
			}
			var done []carebot.OutboxDone
			for _, it := range c {
				if it.Due.After(now) {
					t.Fatalf("claimed %s due %v at %v", it.ID, it.Due, now)
				}
				done = append(done, carebot.OutboxDone{ID: it.ID, Seq: it.Seq})
			}
			mustFinish(t, s, done...)
			got = append(got, c...)
		}
	}
	got = append(got, mustClaim(t, s, t0.Add(2*time.Hour), n)...)
	if len(got) != n {
		t.Fatalf("drained %d items, want %d", len(got), n)
	}
	seen := map[string]bool{}
	for _, it := range got {
		if seen[it.ID] {
			t.Fatalf("%s claimed twice", it.ID)
		}
		seen[it.ID] = true
	}
	if !sort.SliceIsSorted(got, func(i, j int) bool { return got[i].Due.Before(got[j].Due) }) {
		t.Error("items were not claimed in due order")
	}
}

func testConcurrentUse(t *testing.T, s reminders.Store) {
	ctx := context.Background()
	var wg sync.WaitGroup
	var mu sync.Mutex
	claimed := map[string]int{}
	for w := range 4 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for i := range 200 {
				if err := s.Schedule(ctx, item(fmt.Sprintf("w%d/%03d", w, i), t0)); err != nil {
					t.Error(err)
					return
				}
			}
		}()
		go func() {
			defer wg.Done()
			for range 400 {
				c, err := s.Claim(ctx, t0, 8)
				if err != nil {
					t.Error(err)
					return
				}
				var done []carebot.OutboxDone
				mu.Lock()
				for _, it := range c {
					claimed[it.ID]++
					done = append(done, carebot.OutboxDone{ID: it.ID, Seq: it.Seq})
				}
				mu.Unlock()
				if err := s.Finish(ctx, done...); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	for _, it := range mustClaim(t, s, t0, 1000) {
		claimed[it.ID]++
	}
	if len(claimed) != 800 {
		t.Errorf("claimed %d distinct items, want 800", len(claimed))
	}
	for id, n := range claimed {
		if n != 1 {
			t.Errorf("%s claimed %d times, want once", id, n)
		}
	}
}

func testCancelledContext(t *testing.T, s reminders.Store) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.Schedule(ctx, item("a", t0)); err == nil {
		t.Error("Schedule with a cancelled context: got nil error")
	}
	if _, err := s.Claim(ctx, t0, 1); err == nil {
		t.Error("Claim with a cancelled context: got nil error")
	}
}
