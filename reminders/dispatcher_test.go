package reminders_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"testing"
	"testing/synctest"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/reminders"
)

// noon is a Wednesday, inside the default allowed hours everywhere used.
var noon = time.Date(2026, 11, 25, 17, 0, 0, 0, time.UTC) // 12:00 in New York

func announcement(id, user string, due time.Time) carebot.OutboxItem {
	return carebot.OutboxItem{ID: id, Kind: carebot.KindBroadcast, Due: due, User: user, Purpose: carebot.PurposeAnnouncements, Text: "clinic closed friday", Created: due}
}

func TestDispatcherSleepsUntilDueAndWakesEarly(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := newHarness(noon)
		h.person("chat:1", "America/New_York", "en", carebot.PurposeAnnouncements)
		stop := h.start(t)
		defer stop()
		h.schedule(t, announcement("b/late", "chat:1", noon.Add(3*time.Hour)))
		synctest.Wait()
		if at, ok := h.clock.NextTimer(); !ok || !at.Equal(noon.Add(3*time.Hour)) {
			t.Fatalf("dispatcher sleeps until %v (%v), want until the item is due at %v", at, ok, noon.Add(3*time.Hour))
		}
		// Something earlier is scheduled: Notify wakes it to sleep less.
		h.schedule(t, announcement("b/early", "chat:1", noon.Add(time.Hour)))
		synctest.Wait()
		if at, _ := h.clock.NextTimer(); !at.Equal(noon.Add(time.Hour)) {
			t.Fatalf("after Notify the dispatcher sleeps until %v, want %v", at, noon.Add(time.Hour))
		}
		h.clock.Set(noon.Add(time.Hour - time.Second))
		synctest.Wait()
		if n := len(h.sender.all()); n != 0 {
			t.Fatalf("%d sent a second early", n)
		}
		h.runUntil(noon.Add(4 * time.Hour))
		got := h.sender.all()
		if len(got) != 2 || !got[0].At.Equal(noon.Add(time.Hour)) || !got[1].At.Equal(noon.Add(3*time.Hour)) {
			t.Fatalf("sends: got %+v, want one at +1h and one at +3h", got)
		}
		if !got[0].R.Private || got[0].To.ChatID != "dm-chat:1" {
			t.Errorf("send went to %+v (private %v), want the DM, private", got[0].To, got[0].R.Private)
		}
	})
}

func TestConsentIsCheckedAtSendTime(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := newHarness(noon)
		h.person("chat:in", "", "en", carebot.PurposeAnnouncements)
		h.person("chat:out", "", "en", carebot.PurposeAnnouncements)
		h.person("chat:never", "", "en", carebot.PurposeAwareness)
		h.schedule(t, announcement("b/in", "chat:in", noon.Add(time.Hour)), announcement("b/out", "chat:out", noon.Add(time.Hour)),
			announcement("b/never", "chat:never", noon.Add(time.Hour)))
		// Withdrawn after it was queued, before it is due.
		h.people.SetConsent("chat:out", carebot.PurposeAnnouncements, false, noon.Add(time.Minute))
		stop := h.start(t)
		h.runUntil(noon.Add(2 * time.Hour))
		stop()
		if got := h.sender.all(); len(got) != 1 || got[0].To.ChatID != "dm-chat:in" {
			t.Errorf("sent %+v, want only chat:in", got)
		}
		outs := h.outcomes(t, "b/")
		for id, want := range map[string]carebot.Result{"b/in": carebot.ResultSent, "b/out": carebot.ResultOptedOut, "b/never": carebot.ResultOptedOut} {
			if got := outs[id].Result; got != want {
				t.Errorf("%s: got %q, want %q", id, got, want)
			}
		}
	})
}

func TestQuietHoursDeferAndExpire(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		// 22:00 in New York: outside 08:00-21:00.
		night := time.Date(2026, 11, 26, 3, 0, 0, 0, time.UTC)
		h := newHarness(night)
		h.person("chat:ny", "America/New_York", "en", carebot.PurposeAnnouncements)
		h.person("chat:tokyo", "Asia/Tokyo", "en", carebot.PurposeAnnouncements) // 12:00 there
		deferred := announcement("b/deferred", "chat:ny", night)
		expiring := announcement("b/expiring", "chat:ny", night)
		expiring.Expires = night.Add(2 * time.Hour) // before 08:00 comes
		stale := announcement("b/stale", "chat:tokyo", night.Add(-2*time.Hour))
		stale.Expires = night.Add(-time.Hour)
		h.schedule(t, deferred, expiring, stale, announcement("b/tokyo", "chat:tokyo", night))
		stop := h.start(t)
		h.runUntil(night.Add(12 * time.Hour))
		stop()
		got := h.sender.all()
		if len(got) != 2 {
			t.Fatalf("sent %d, want 2: %+v", len(got), got)
		}
		if got[0].To.ChatID != "dm-chat:tokyo" || !got[0].At.Equal(night) {
			t.Errorf("first send %+v, want Tokyo at once", got[0])
		}
		ny := mustZone(t, "America/New_York")
		if got[1].To.ChatID != "dm-chat:ny" || got[1].At.In(ny).Format("15:04") != "08:00" {
			t.Errorf("second send %s at %s, want New York at 08:00 its time", got[1].To.ChatID, got[1].At.In(ny).Format("15:04"))
		}
		outs := h.outcomes(t, "b/")
		for id, want := range map[string]carebot.Result{"b/expiring": carebot.ResultQuietHours, "b/stale": carebot.ResultExpired, "b/deferred": carebot.ResultSent} {
			if got := outs[id].Result; got != want {
				t.Errorf("%s: got %q, want %q", id, got, want)
			}
		}
	})
}

func TestRateLimitPausesThenRetries(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := newHarness(noon)
		h.person("chat:1", "", "en", carebot.PurposeAnnouncements)
		h.sender.fail = func(to carebot.Address, try int) error {
			if try == 0 {
				return &carebot.RateLimitError{RetryAfter: 7 * time.Second}
			}
			return nil
		}
		pacer := reminders.NewPacer(h.clock, reminders.Rate{Count: 30, Per: time.Second})
		h.d = reminders.NewDispatcher(h.store, h.people, h.people, map[string]reminders.Platform{"chat": {Sender: h.sender, Pacer: pacer}})
		h.d.Clock = h.clock
		h.schedule(t, announcement("b/1", "chat:1", noon))
		stop := h.start(t)
		h.runUntil(noon.Add(time.Minute))
		stop()
		got := h.sender.all()
		if len(got) != 1 || got[0].At.Sub(noon) < 7*time.Second {
			t.Fatalf("sends %+v: want one, at least 7 s after the 429", got)
		}
		if o := h.outcomes(t, "b/")["b/1"]; o.Result != carebot.ResultSent || o.Attempts != 0 {
			t.Errorf("outcome %+v: want sent, a 429 is not a failed attempt", o)
		}
	})
}

func TestTransientFailuresRetryThenDeadLetter(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := newHarness(noon)
		h.person("chat:flaky", "", "en", carebot.PurposeAnnouncements)
		h.person("chat:down", "", "en", carebot.PurposeAnnouncements)
		h.sender.fail = func(to carebot.Address, try int) error {
			if to.ChatID == "dm-chat:down" || try < 2 {
				return errors.New("503 service unavailable")
			}
			return nil
		}
		h.d.Retry = reminders.Backoff{Attempts: 4, Base: 10 * time.Second, Max: time.Minute, Jitter: func() float64 { return 0.5 }}
		h.schedule(t, announcement("b/flaky", "chat:flaky", noon), announcement("b/down", "chat:down", noon))
		stop := h.start(t)
		h.runUntil(noon.Add(time.Hour))
		stop()
		got := h.sender.all()
		if len(got) != 1 || got[0].To.ChatID != "dm-chat:flaky" {
			t.Fatalf("sent %+v, want only the flaky one, once", got)
		}
		// Delays 10 s, 20 s drawn at 3/4 of each: 7.5 s + 15 s.
		if want := noon.Add(22500 * time.Millisecond); !got[0].At.Equal(want) {
			t.Errorf("third try at %v, want %v (exponential backoff)", got[0].At.Sub(noon), want.Sub(noon))
		}
		outs := h.outcomes(t, "b/")
		if o := outs["b/flaky"]; o.Result != carebot.ResultSent || o.Attempts != 2 {
			t.Errorf("flaky: %+v, want sent after 2 failed attempts", o)
		}
		if o := outs["b/down"]; o.Result != carebot.ResultFailed || o.Attempts != 4 {
			t.Errorf("down: %+v, want failed after 4 attempts", o)
		}
		if n := h.sender.tries["dm-chat:down"]; n != 4 {
			t.Errorf("down was tried %d times, want 4", n)
		}
	})
}

func TestUnreachableStopsRetrying(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := newHarness(noon)
		h.person("chat:blocked", "", "en", carebot.PurposeAnnouncements, carebot.PurposeAwareness)
		h.sender.fail = func(to carebot.Address, try int) error {
			return fmt.Errorf("telegram: 403 bot was blocked: %w", carebot.ErrUnreachable)
		}
		first := announcement("b/1", "chat:blocked", noon)
		second := announcement("b/2", "chat:blocked", noon.Add(time.Hour))
		h.schedule(t, first, second)
		stop := h.start(t)
		h.runUntil(noon.Add(2 * time.Hour))
		stop()
		if n := h.sender.tries["dm-chat:blocked"]; n != 1 {
			t.Errorf("the platform was asked %d times, want once: unreachable stops retrying and later sends", n)
		}
		outs := h.outcomes(t, "b/")
		if outs["b/1"].Result != carebot.ResultUnreachable || outs["b/2"].Result != carebot.ResultUnreachable {
			t.Errorf("outcomes %+v, want both unreachable", outs)
		}
		if since, _ := h.store.Unreachable(context.Background(), "chat:blocked"); !since.Equal(noon) {
			t.Errorf("unreachable since %v, want %v", since, noon)
		}
	})
}

func TestNoPlatformAndGroupAddressAreNotSent(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := newHarness(noon)
		h.person("chat:1", "", "en", carebot.PurposeAnnouncements)
		group := announcement("b/group", "chat:1", noon)
		group.To = carebot.Address{Platform: "chat", ChatID: "support-group", Group: true}
		elsewhere := announcement("b/elsewhere", "chat:1", noon)
		elsewhere.To = carebot.Address{Platform: "irc", ChatID: "x", UserID: "1"}
		h.schedule(t, group, elsewhere)
		stop := h.start(t)
		h.runUntil(noon.Add(time.Minute))
		stop()
		if got := h.sender.all(); len(got) != 0 {
			t.Errorf("sent %+v, want nothing", got)
		}
		outs := h.outcomes(t, "b/")
		if outs["b/group"].Result != carebot.ResultUnreachable || outs["b/elsewhere"].Result != carebot.ResultFailed {
			t.Errorf("outcomes %+v: want the group skipped, the unknown platform failed", outs)
		}
	})
}

func TestRunStopsPromptlyAndLeavesNoGoroutines(t *testing.T) {
	before := runtime.NumGoroutine()
	synctest.Test(t, func(t *testing.T) {
		h := newHarness(noon)
		h.person("chat:1", "", "en", carebot.PurposeAnnouncements)
		block := make(chan struct{})
		h.sender.fail = func(carebot.Address, int) error { <-block; return nil }
		for i := range 50 {
			h.schedule(t, announcement(fmt.Sprintf("b/%02d", i), "chat:1", noon))
		}
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- h.d.Run(ctx) }()
		synctest.Wait() // workers are stuck in Send
		cancel()
		close(block)
		if err := <-done; err != nil {
			t.Fatalf("Run: %v", err)
		}
		// synctest.Test fails if any goroutine the Dispatcher started is
		// still running here. Items not handled are back to pending.
		n, _ := h.store.Recover(context.Background())
		if n != 0 {
			t.Errorf("%d items left claimed after a clean stop, want 0 (released)", n)
		}
		if got := len(h.sender.all()) + h.store.Pending(); got != 50 {
			t.Errorf("sent + pending = %d, want 50: nothing lost", got)
		}
	})
	if after := runtime.NumGoroutine(); after > before+1 {
		t.Errorf("goroutines: %d before, %d after", before, after)
	}
}

func TestRestartResendsOnlyWhatWasInFlight(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := newHarness(noon)
		h.person("chat:1", "", "en", carebot.PurposeAnnouncements)
		h.schedule(t, announcement("b/1", "chat:1", noon), announcement("b/2", "chat:1", noon))
		// A crash: items claimed by a run that never finished them.
		claimed, _ := h.store.Claim(context.Background(), noon, 1)
		if len(claimed) != 1 {
			t.Fatal("claim failed")
		}
		stop := h.start(t) // Run recovers the claim first
		h.runUntil(noon.Add(time.Minute))
		stop()
		if got := len(h.sender.all()); got != 2 {
			t.Errorf("after restart sent %d, want 2 (the in-flight one re-sent once)", got)
		}
	})
}
