package telegram_test

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/adapters/telegram"
	"github.com/carebot/carebot/adapters/telegram/telegramtest"
)

// A 1,000-message burst to 100 chats through Send gets no 429 from a fake
// that enforces Telegram's limits. The clock is the fake's, so the
// ~33 seconds the burst needs pass at once; that they passed on it shows
// the pacer really spaced the sends.
func TestBurstToHundredChatsIsNeverThrottled(t *testing.T) {
	h := newHarness(t)
	h.fake.Enforce(telegramtest.TelegramLimits)
	b, _ := h.run(t, handler(echoText), nil)
	start := h.clock.Now()
	ctx := ctxT(t)
	for i := range 1000 {
		to := carebot.Address{Platform: telegram.Platform, ChatID: fmt.Sprint(10_000 + i%100), UserID: fmt.Sprint(10_000 + i%100)}
		if err := b.Send(ctx, to, carebot.Reply{Text: fmt.Sprint("flu clinic reminder ", i)}); err != nil {
			t.Fatalf("send %d: %v", i, err)
		}
	}
	if n := h.fake.Throttled(); n != 0 {
		t.Errorf("got %d 429s, want 0", n)
	}
	if n := len(h.fake.Messages()); n != 1000 {
		t.Errorf("delivered %d, want 1000", n)
	}
	if took := h.clock.Now().Sub(start); took < 33*time.Second {
		t.Errorf("the burst took %s on the pacing clock, want at least 33s (1000 at 30/s)", took)
	}
}

// Replies to a burst of incoming messages, delivered by the adapter's
// concurrent workers, stay within the limits too, groups included. The
// test runs in a synctest bubble against a socketless fake, so the pacer's
// waits pass on a virtual clock that is exact however many goroutines
// wait at once.
func TestRepliesToABurstAreNeverThrottled(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		fake, b := localBot(t, handler(echoText))
		fake.Enforce(telegramtest.TelegramLimits)
		stop := runLocal(b)
		defer stop()
		for i := range 300 {
			if i%10 == 0 {
				fake.QueueGroup(-1000-int64(i%3), 10_000+int64(i%50), fmt.Sprint("group question ", i), true)
				continue
			}
			fake.QueueDM(10_000+int64(i%50), fmt.Sprint("question ", i))
		}
		start := time.Now()
		if _, err := fake.WaitMessages(context.Background(), 300); err != nil {
			t.Fatal(err)
		}
		if n := fake.Throttled(); n != 0 {
			t.Errorf("got %d 429s, want 0", n)
		}
		// 30 group replies at 20/min per group in 3 groups need 27s.
		if took := time.Since(start); took < 27*time.Second {
			t.Errorf("took %s of virtual time, want at least 27s", took)
		}
	})
}

// Concurrent callers of Send (a reminders dispatcher with several
// workers) share the pacing.
func TestConcurrentSendsAreNeverThrottled(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		fake, b := localBot(t, handler(echoText))
		fake.Enforce(telegramtest.TelegramLimits)
		var wg sync.WaitGroup
		for w := range 10 {
			wg.Go(func() {
				for i := range 100 {
					chat := fmt.Sprint(20_000 + (w*7+i)%100)
					if err := b.Send(context.Background(), carebot.Address{Platform: "telegram", ChatID: chat, UserID: chat}, carebot.Reply{Text: "reminder"}); err != nil {
						t.Errorf("send: %v", err)
						return
					}
				}
			})
		}
		wg.Wait()
		if n := fake.Throttled(); n != 0 {
			t.Errorf("got %d 429s, want 0", n)
		}
		if n := len(fake.Messages()); n != 1000 {
			t.Errorf("delivered %d, want 1000", n)
		}
	})
}

// A chat that gets several messages in a row keeps 1 s between them even
// while 60 other chats keep the global bucket contended: pace must take
// the chat's slot and the platform's for the same instant.
func TestBusyChatKeepsItsSpacingUnderContention(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		fake, b := localBot(t, handler(echoText))
		fake.Enforce(telegramtest.TelegramLimits)
		send := func(chat string) {
			if err := b.Send(context.Background(), carebot.Address{ChatID: chat, UserID: chat}, carebot.Reply{Text: "x"}); err != nil {
				t.Errorf("send: %v", err)
			}
		}
		var wg sync.WaitGroup
		for w := range 60 {
			wg.Go(func() {
				for i := range 5 {
					send(fmt.Sprint(30_000 + w*10 + i))
				}
			})
		}
		wg.Go(func() {
			for range 20 {
				send("42")
			}
		})
		wg.Wait()
		if n := fake.Throttled(); n != 0 {
			t.Errorf("got %d 429s in %d sends, want 0", n, len(fake.Messages()))
		}
	})
}

// localBot makes a Bot on a socketless fake, for synctest bubbles.
func localBot(t *testing.T, hd carebot.Handler) (*telegramtest.Server, *telegram.Bot) {
	fake := telegramtest.NewLocal()
	t.Cleanup(fake.Close)
	b, err := telegram.New(context.Background(), telegramtest.Token, hd, telegramtest.NewMemState(), telegram.Options{
		Endpoint:   fake.URL,
		HTTPClient: fake.Client(),
		Logger:     slog.New(slog.DiscardHandler),
	})
	if err != nil {
		t.Fatal(err)
	}
	return fake, b
}

// runLocal runs b until the returned stop is called.
func runLocal(b *telegram.Bot) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }()
	return func() {
		cancel()
		<-done
	}
}

// BenchmarkEndToEnd measures messages handled per second through the
// adapter: decode, Handler (an echo), commit to an in-memory State, and
// delivery to the fake, with pacing on a fake clock so that the figure is
// the adapter's own capacity. On Telegram, delivery is capped at 30/s.
func BenchmarkEndToEnd(b *testing.B) {
	h := newHarness(b)
	h.opts.Logger = slog.New(slog.DiscardHandler)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	bot, err := telegram.New(ctx, telegramtest.Token, handler(echoText), h.state, h.opts)
	if err != nil {
		b.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- bot.Run(ctx) }()
	b.ResetTimer()
	for i := range b.N {
		h.fake.QueueDM(10_000+int64(i%1000), "what time do you open?")
	}
	if _, err := h.fake.WaitMessages(context.Background(), b.N); err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
	cancel()
	<-done
}
