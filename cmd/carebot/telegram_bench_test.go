package main

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/adapters/telegram"
	"github.com/carebot/carebot/adapters/telegram/telegramtest"
	"github.com/carebot/carebot/bolt"
	"github.com/carebot/carebot/bot"
	"github.com/carebot/carebot/faq"
)

// BenchmarkTelegramDurable measures patients' messages handled per second
// as carebot runs them: the Telegram adapter against the fake Bot API, the
// real engine on the bundled knowledge base, and everything durable in a
// real bbolt file (the adapter's cursor and promised replies, users,
// feedback). Pacing runs on a fake clock, so the figure is carebot's own
// capacity; Telegram itself delivers at most 30 messages/s.
//
//	go test ./cmd/carebot -run '^$' -bench TelegramDurable -benchtime 2000x
func BenchmarkTelegramDurable(b *testing.B) {
	kb, err := faq.Parse("faq.yaml", carebot.DefaultFAQ)
	if err != nil {
		b.Fatal(err)
	}
	db, err := bolt.Open(filepath.Join(b.TempDir(), "carebot.db"), make([]byte, bolt.KeySize), bolt.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	eng := bot.New(kb)
	eng.Users, eng.Consents, eng.Feedback = db, db, db

	fake := telegramtest.NewServer()
	defer fake.Close()
	clock := telegramtest.NewClock(time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	tg, err := telegram.New(ctx, telegramtest.Token, eng, telegramState{db.AdapterState(telegram.Platform)}, telegram.Options{
		Endpoint: fake.URL, Logger: slog.New(slog.DiscardHandler), Now: clock.Now, Sleep: clock.Sleep, PollTimeout: time.Second,
	})
	if err != nil {
		b.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- tg.Run(ctx) }()
	questions := []string{"what time do you open on saturday?", "do you take medicaid?", "how do I get a refill", "¿dónde me estaciono?"}
	b.ResetTimer()
	for i := range b.N {
		fake.QueueDM(10_000+int64(i%500), fmt.Sprint(questions[i%len(questions)]))
	}
	// Each of the 500 patients gets a welcome once, then one answer per question.
	want := b.N + min(b.N, 500)
	if _, err := fake.WaitMessages(context.Background(), want); err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
	cancel()
	<-done
}
