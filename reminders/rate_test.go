package reminders_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/reminders"
	"github.com/carebot/carebot/reminders/reminderstest"
)

// limitedPlatform accepts at most rate sends per second (a token bucket
// with a burst of one second's worth) and answers a 429 beyond it. It can
// also open with one 429, like a platform whose limit we overestimated.
type limitedPlatform struct {
	mu        sync.Mutex
	rate      float64
	tokens    float64
	last      time.Time
	first429  bool
	sent      int
	limited   int // 429s answered
	lastSent  time.Time
	roundTrip time.Duration
	want      int // done closes at the want-th message taken
	done      chan struct{}
}

func (p *limitedPlatform) Send(ctx context.Context, to carebot.Address, r carebot.Reply) error {
	if p.roundTrip > 0 {
		time.Sleep(p.roundTrip) // the network; in the synctest bubble this takes no real time
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	if p.last.IsZero() {
		p.tokens = p.rate
	} else {
		p.tokens = min(p.rate, p.tokens+now.Sub(p.last).Seconds()*p.rate)
	}
	p.last = now
	if p.first429 || p.tokens < 1 {
		p.first429 = false
		p.limited++
		return &carebot.RateLimitError{RetryAfter: time.Second}
	}
	p.tokens--
	p.sent++
	p.lastSent = now
	if p.sent == p.want {
		close(p.done)
	}
	return nil
}

// TestBroadcastKeepsThePlatformRate sends a broadcast to 10,000 patients
// through a platform limited to R messages a second, with a 150 ms round
// trip. It must finish within 1.05 x 10,000/R, with no 429 after the
// first. It runs on the real clock inside a synctest bubble, where time
// passes only when everything waits, so minutes take milliseconds.
func TestBroadcastKeepsThePlatformRate(t *testing.T) {
	for _, tt := range []struct {
		rate     int
		first429 bool
	}{{30, false}, {30, true}, {50, false}} {
		t.Run(fmt.Sprintf("%d per second, first 429 %v", tt.rate, tt.first429), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				const n = 10_000
				store, people := reminderstest.NewMemStore(), reminderstest.NewPeople()
				for i := range n {
					u := carebot.User{Key: fmt.Sprintf("tg:%05d", i), Lang: "en", DM: carebot.Address{Platform: "telegram", ChatID: fmt.Sprint(i), UserID: fmt.Sprint(i)}}
					people.Add(u, time.Now().Add(-time.Hour), carebot.PurposeAnnouncements)
				}
				fake := &limitedPlatform{rate: float64(tt.rate), first429: tt.first429, roundTrip: 150 * time.Millisecond, want: n, done: make(chan struct{})}
				clock := reminders.SystemClock()
				pacer := reminders.NewPacer(clock, reminders.Rate{Count: tt.rate, Per: time.Second})
				d := reminders.NewDispatcher(store, people, people, map[string]reminders.Platform{
					"telegram": {Sender: fake, Pacer: pacer, PerChat: reminders.Rate{Count: 1, Per: time.Second}},
				})
				d.Audience = people
				d.Zone = time.UTC
				d.Hours = reminders.Hours{From: 0, To: 24 * time.Hour}
				bs := reminders.NewBroadcasts(store)
				bs.Wake = d.Notify
				start := time.Now()
				if _, err := bs.Start(context.Background(), reminders.Broadcast{ID: "b", Purpose: carebot.PurposeAnnouncements, Text: "hello"}); err != nil {
					t.Fatal(err)
				}
				ctx, cancel := context.WithCancel(context.Background())
				done := make(chan error, 1)
				go func() { done <- d.Run(ctx) }()
				select {
				case <-fake.done:
				case <-time.After(time.Hour): // virtual time: the bubble's clock
					t.Error("not done after an hour")
				}
				cancel()
				if err := <-done; err != nil {
					t.Fatal(err)
				}
				elapsed := fake.lastSent.Sub(start)
				budget := time.Duration(1.05 * float64(n) / float64(tt.rate) * float64(time.Second))
				if fake.sent != n {
					t.Fatalf("sent %d, want %d", fake.sent, n)
				}
				if elapsed > budget {
					t.Errorf("took %s, want at most %s (1.05 x %d/%d s)", elapsed, budget, n, tt.rate)
				}
				want429 := 0
				if tt.first429 {
					want429 = 1
				}
				if fake.limited != want429 {
					t.Errorf("got %d 429s, want %d", fake.limited, want429)
				}
				t.Logf("%d messages at %d/s in %s (ideal %s), %d 429s", n, tt.rate, elapsed.Round(time.Millisecond), time.Duration(n/tt.rate)*time.Second, fake.limited)
			})
		})
	}
}
