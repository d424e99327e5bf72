package reminderstest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/reminders"
)

// BenchmarkClaimFinish measures the store's side of dispatching: claim a
// batch of due items, settle it with an outcome each, with pending other
// items waiting in the future (the outbox a big clinic carries). It
// reports dispatches/s; phase 2 runs it on bbolt against the 20,000/s
// goal.
func BenchmarkClaimFinish(b *testing.B, s reminders.Store, pending, batch int) {
	ctx := context.Background()
	now := time.Date(2026, 11, 25, 15, 0, 0, 0, time.UTC)
	for i := 0; i < pending; i += 10_000 {
		var items []carebot.OutboxItem
		for j := i; j < min(i+10_000, pending); j++ {
			items = append(items, benchItem(fmt.Sprintf("future/%08d", j), now.Add(time.Duration(j+1)*time.Second)))
		}
		if err := s.Schedule(ctx, items...); err != nil {
			b.Fatal(err)
		}
	}
	var due []carebot.OutboxItem
	for i := range b.N {
		due = append(due, benchItem(fmt.Sprintf("due/%08d", i), now))
		if len(due) == 10_000 || i == b.N-1 {
			if err := s.Schedule(ctx, due...); err != nil {
				b.Fatal(err)
			}
			due = due[:0]
		}
	}
	b.ResetTimer()
	done := 0
	for done < b.N {
		claimed, err := s.Claim(ctx, now, batch)
		if err != nil {
			b.Fatal(err)
		}
		settled := make([]carebot.OutboxDone, len(claimed))
		for i, it := range claimed {
			settled[i] = carebot.OutboxDone{ID: it.ID, Seq: it.Seq, Outcome: &carebot.Outcome{
				ID: it.ID, Kind: it.Kind, User: it.User, Result: carebot.ResultSent, At: now}}
		}
		if err := s.Finish(ctx, settled...); err != nil {
			b.Fatal(err)
		}
		done += len(claimed)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "dispatches/s")
}

func benchItem(id string, due time.Time) carebot.OutboxItem {
	return carebot.OutboxItem{ID: id, Kind: carebot.KindBroadcast, Due: due, User: "telegram:" + id,
		Purpose: carebot.PurposeAnnouncements, Text: "The clinic is closed on Friday.", Ref: "b1", Created: due}
}
