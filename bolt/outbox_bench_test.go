package bolt_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/reminders/reminderstest"
)

// BenchmarkClaimFinish is the store's side of dispatching on a real bbolt
// file: claim a batch of due items in one transaction, settle it with an
// outcome each in another (the group commit), with 100,000 other items
// pending in the future. The goal is 20,000 dispatches/s; the
// dispatcher's default batch is 256 (reminders.Dispatcher.Batch).
//
//	go test ./bolt/ -run '^$' -bench 'ClaimFinish' -benchtime 50000x -count 3
func BenchmarkClaimFinish(b *testing.B) {
	for _, batch := range []int{16, 32, 64, 256, 1024} {
		b.Run(fmt.Sprintf("batch=%d", batch), func(b *testing.B) {
			reminderstest.BenchmarkClaimFinish(b, openStore(b), 100_000, batch)
		})
	}
}

// BenchmarkForgetScan is the price of having no per-person index on the
// outbox and outcomes: Forget reads the clear owner of every item and
// outcome. Here 200,000 items and 200,000 outcomes, of 50,000 people.
//
//	go test ./bolt/ -run '^$' -bench 'ForgetScan' -benchtime 20x
func BenchmarkForgetScan(b *testing.B) {
	d := openStore(b)
	now := time.Date(2026, 11, 25, 15, 0, 0, 0, time.UTC)
	const people, each = 50_000, 4
	for start := 0; start < people; start += 2_500 {
		var items []carebot.OutboxItem
		var done []carebot.OutboxDone
		for p := start; p < start+2_500; p++ {
			user := fmt.Sprintf("telegram:%d", p)
			for i := range each {
				id := fmt.Sprintf("appt/A%06d/%d", p, i)
				items = append(items, carebot.OutboxItem{ID: id, Kind: carebot.KindAppointment, Due: now.Add(time.Duration(p) * time.Minute), User: user})
				done = append(done, carebot.OutboxDone{ID: "old", Outcome: &carebot.Outcome{ID: "bcast/" + id, User: user, Result: carebot.ResultSent, At: now}})
			}
		}
		if err := d.Schedule(b.Context(), items...); err != nil {
			b.Fatal(err)
		}
		if err := d.Finish(b.Context(), done...); err != nil {
			b.Fatal(err)
		}
	}
	p := 0
	for b.Loop() {
		if _, err := d.Forget(b.Context(), fmt.Sprintf("telegram:%d", p)); err != nil {
			b.Fatal(err)
		}
		p += 997
	}
}
