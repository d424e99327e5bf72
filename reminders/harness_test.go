package reminders_test

import (
	"context"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/reminders"
	"github.com/carebot/carebot/reminders/reminderstest"
)

// sent is one message a fakeSender took.
type sent struct {
	At   time.Time
	To   carebot.Address
	Text string
	R    carebot.Reply
}

// fakeSender records what it is asked to send, at the fake clock's time.
// fail, if set, decides each send's error from the number of earlier
// sends to the same chat.
type fakeSender struct {
	clock *reminderstest.Clock
	mu    sync.Mutex
	sent  []sent
	tries map[string]int
	fail  func(to carebot.Address, try int) error
}

func (s *fakeSender) Send(ctx context.Context, to carebot.Address, r carebot.Reply) error {
	s.mu.Lock()
	if s.tries == nil {
		s.tries = map[string]int{}
	}
	try := s.tries[to.ChatID]
	s.tries[to.ChatID]++
	fail := s.fail
	s.mu.Unlock()
	if fail != nil {
		// Outside the lock: a test's fail may block, like a slow platform.
		if err := fail(to, try); err != nil {
			return err
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sent = append(s.sent, sent{At: s.clock.Now(), To: to, Text: r.Text, R: r})
	return nil
}

func (s *fakeSender) all() []sent {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]sent(nil), s.sent...)
}

// harness is a Dispatcher on an in-memory store, fake people, a fake
// clock and one fake platform ("chat"). Use it inside synctest.Test.
type harness struct {
	clock  *reminderstest.Clock
	store  *reminderstest.MemStore
	people *reminderstest.People
	sender *fakeSender
	d      *reminders.Dispatcher
}

func newHarness(start time.Time) *harness {
	h := &harness{clock: reminderstest.NewClock(start), store: reminderstest.NewMemStore(), people: reminderstest.NewPeople()}
	h.sender = &fakeSender{clock: h.clock}
	h.d = reminders.NewDispatcher(h.store, h.people, h.people, map[string]reminders.Platform{"chat": {Sender: h.sender}})
	h.d.Clock = h.clock
	h.d.Audience = h.people
	h.d.Retry.Jitter = func() float64 { return 0 }
	return h
}

// person adds a patient with a DM on the fake platform.
func (h *harness) person(key, zone, lang string, purposes ...carebot.Purpose) carebot.User {
	u := carebot.User{Key: key, TimeZone: zone, Lang: lang, DM: carebot.Address{Platform: "chat", ChatID: "dm-" + key, UserID: key}}
	h.people.Add(u, h.clock.Now().Add(-24*time.Hour), purposes...)
	return u
}

// start runs the Dispatcher until the returned stop is called; stop
// fails the test if Run returned an error.
func (h *harness) start(t *testing.T) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- h.d.Run(ctx) }()
	synctest.Wait()
	return func() {
		t.Helper()
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	}
}

// runUntil moves the fake clock from timer to timer, letting everything
// settle after each move, until end.
func (h *harness) runUntil(end time.Time) {
	for {
		synctest.Wait()
		next, ok := h.clock.NextTimer()
		if !ok || next.After(end) {
			h.clock.Set(end)
			synctest.Wait()
			return
		}
		h.clock.Set(next)
	}
}

func (h *harness) outcomes(t *testing.T, prefix string) map[string]carebot.Outcome {
	t.Helper()
	out := map[string]carebot.Outcome{}
	if err := h.store.Outcomes(context.Background(), prefix, func(o carebot.Outcome) error {
		out[o.ID] = o
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func (h *harness) schedule(t *testing.T, items ...carebot.OutboxItem) {
	t.Helper()
	if err := h.store.Schedule(context.Background(), items...); err != nil {
		t.Fatal(err)
	}
	h.d.Notify()
}
