package reminderstest

import (
	"context"
	"errors"
	"reflect"
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
		{"PutAppointmentsIsAllOrNothing", testPutAppointments},
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
		Rule: "FREQ=DAILY;BYHOUR=8", Fixed: true, TimeOfDay: true, Cursor: "c", Attempts: 2,
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
