package reminderstest

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/reminders"
)

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
			ID: it.ID, Kind: it.Kind, User: it.User, Ref: "1", Result: carebot.ResultUnreachable, At: t0, Attempts: 1, Reason: "blocked",
			Slot: t0.Add(72 * time.Hour)}})
	}
	mustFinish(t, s, done...)
	// A later outcome with the same ID replaces the first.
	mustFinish(t, s, carebot.OutboxDone{ID: "gone", Outcome: &carebot.Outcome{ID: "bcast/1/b", Result: carebot.ResultSent, At: t0}})
	var got []carebot.Outcome
	s.Outcomes(context.Background(), "bcast/1/", func(o carebot.Outcome) error { got = append(got, o); return nil })
	if len(got) != 2 || got[0].ID != "bcast/1/a" || got[1].ID != "bcast/1/b" {
		t.Fatalf("Outcomes(bcast/1/): got %+v, want a and b in order", got)
	}
	want := carebot.Outcome{ID: "bcast/1/a", Kind: carebot.KindBroadcast, User: "u:bcast/1/a", Ref: "1", Result: carebot.ResultUnreachable, At: t0, Attempts: 1, Reason: "blocked",
		Slot: t0.Add(72 * time.Hour)}
	if got[0].At.Equal(want.At) {
		got[0].At = want.At
	}
	if got[0].Slot.Equal(want.Slot) {
		got[0].Slot = want.Slot
	}
	if got[0] != want {
		t.Errorf("outcome: got %+v, want %+v", got[0], want)
	}
	if got[1].Result != carebot.ResultSent {
		t.Errorf("replaced outcome: got %s, want sent", got[1].Result)
	}
}
