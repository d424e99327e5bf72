package reminders_test

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/reminders"
	"github.com/carebot/carebot/reminders/reminderstest"
)

// noopSender takes every message at once and closes done at the want-th.
type noopSender struct {
	n    atomic.Int64
	want int64
	done chan struct{}
}

func (s *noopSender) Send(context.Context, carebot.Address, carebot.Reply) error {
	if s.n.Add(1) == s.want {
		close(s.done)
	}
	return nil
}

// BenchmarkDispatch runs the whole Dispatcher (claim, send-time checks,
// workers, group commits) to a no-op sender over the in-memory store,
// with CAREBOT_BENCH_PENDING (default 1,000,000) other items pending in the
// future. It reports dispatches/s: the Dispatcher's own ceiling, before
// any disk.
func BenchmarkDispatch(b *testing.B) {
	pending := 1_000_000
	if s := os.Getenv("CAREBOT_BENCH_PENDING"); s != "" {
		pending, _ = strconv.Atoi(s)
	}
	store, people := reminderstest.NewMemStore(), reminderstest.NewPeople()
	now := time.Now()
	for i := range 1000 {
		people.Add(carebot.User{Key: fmt.Sprintf("u%d", i), TimeZone: "UTC", DM: carebot.Address{Platform: "chat", ChatID: fmt.Sprint(i), UserID: fmt.Sprint(i)}},
			now.Add(-time.Hour), carebot.PurposeAnnouncements)
	}
	ctx := context.Background()
	var batch []carebot.OutboxItem
	flush := func() {
		if err := store.Schedule(ctx, batch...); err != nil {
			b.Fatal(err)
		}
		batch = batch[:0]
	}
	for i := range pending {
		batch = append(batch, carebot.OutboxItem{ID: fmt.Sprintf("future/%08d", i), Kind: carebot.KindBroadcast,
			Due: now.Add(time.Hour + time.Duration(i)*time.Millisecond), User: fmt.Sprintf("u%d", i%1000), Purpose: carebot.PurposeAnnouncements, Text: "hi"})
		if len(batch) == 10_000 {
			flush()
		}
	}
	for i := range b.N {
		batch = append(batch, carebot.OutboxItem{ID: fmt.Sprintf("due/%08d", i), Kind: carebot.KindBroadcast,
			Due: now, User: fmt.Sprintf("u%d", i%1000), Purpose: carebot.PurposeAnnouncements, Text: "hi"})
		if len(batch) == 10_000 {
			flush()
		}
	}
	flush()
	sender := &noopSender{want: int64(b.N), done: make(chan struct{})}
	d := reminders.NewDispatcher(store, people, people, map[string]reminders.Platform{"chat": {Sender: sender}})
	d.Hours = reminders.Hours{From: 0, To: 24 * time.Hour}
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	b.ResetTimer()
	go func() { done <- d.Run(runCtx) }()
	<-sender.done
	cancel()
	if err := <-done; err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "dispatches/s")
}

func BenchmarkResolve(b *testing.B) {
	loc := mustZone(b, "America/New_York")
	w := time.Date(2026, 3, 8, 2, 30, 0, 0, time.UTC)
	for b.Loop() {
		reminders.Resolve(w, loc)
	}
}

func BenchmarkNextDailyOccurrence(b *testing.B) {
	r, _ := reminders.ParseRule("DTSTART:20200101T080000\nRRULE:FREQ=DAILY")
	w := time.Date(2026, 11, 25, 8, 0, 0, 0, time.UTC)
	for b.Loop() {
		r.After(w)
	}
}

func BenchmarkParseWhen(b *testing.B) {
	loc := mustZone(b, "America/New_York")
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, loc)
	for b.Loop() {
		reminders.ParseWhen("el viernes que viene a las 3 de la tarde", now, loc)
	}
}
