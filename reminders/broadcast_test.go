package reminders_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/reminders"
	"github.com/carebot/carebot/reminders/reminderstest"
)

func TestBroadcastReachesTheAudienceAtSendTime(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := newHarness(noon)
		h.d.Page = 100
		for i := range 1050 {
			h.person(fmt.Sprintf("chat:%04d", i), "America/New_York", "en", carebot.PurposeAnnouncements)
		}
		h.person("chat:aware-only", "", "en", carebot.PurposeAwareness)
		h.person("chat:blocked", "", "en", carebot.PurposeAnnouncements)
		h.sender.fail = func(to carebot.Address, _ int) error {
			if to.ChatID == "dm-chat:blocked" {
				return fmt.Errorf("403: %w", carebot.ErrUnreachable)
			}
			return nil
		}
		bs := reminders.NewBroadcasts(h.store)
		bs.Clock, bs.Wake = h.clock, h.d.Notify
		id, err := bs.Start(context.Background(), reminders.Broadcast{ID: "closed-friday", Purpose: carebot.PurposeAnnouncements, Text: "We are closed on Friday."})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := bs.Start(context.Background(), reminders.Broadcast{ID: id, Purpose: carebot.PurposeAnnouncements, Text: "again"}); !errors.Is(err, reminders.ErrBroadcastExists) {
			t.Errorf("starting %s twice: got %v, want ErrBroadcastExists", id, err)
		}
		// Someone opts out after the broadcast was started: resolved at
		// send time, they get nothing.
		h.people.SetConsent("chat:0500", carebot.PurposeAnnouncements, false, noon)
		stop := h.start(t)
		h.runUntil(noon.Add(time.Minute))
		stop()
		r, err := bs.Report(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := bs.Report(context.Background(), "closed-monday"); !errors.Is(err, carebot.ErrNotFound) || err.Error() != `broadcast "closed-monday": not found` {
			t.Errorf("report of an unknown broadcast: got %v, want it named and ErrNotFound", err)
		}
		if !r.Resolved || r.Pending != 0 {
			t.Errorf("report: resolved %v, pending %d; want resolved, none pending", r.Resolved, r.Pending)
		}
		if got := r.Counts[carebot.ResultSent]; got != 1049 {
			t.Errorf("sent %d, want 1049", got)
		}
		if got := len(r.Unreachable); got != 1 || r.Unreachable[0] != "chat:blocked" {
			t.Errorf("unreachable %v, want [chat:blocked]", r.Unreachable)
		}
		seen := map[string]int{}
		for _, s := range h.sender.all() {
			seen[s.To.ChatID]++
			if s.Text != "We are closed on Friday." {
				t.Fatalf("sent %q", s.Text)
			}
		}
		if seen["dm-chat:0500"] != 0 || seen["dm-chat:aware-only"] != 0 {
			t.Errorf("sent to someone not opted in at send time: %v %v", seen["dm-chat:0500"], seen["dm-chat:aware-only"])
		}
		for chat, n := range seen {
			if n != 1 {
				t.Errorf("%s got %d messages, want 1", chat, n)
			}
		}
		for id := range h.outcomes(t, "") {
			if strings.Contains(id, "chat:") {
				t.Fatalf("outcome ID %q holds a user key; IDs carry pseudonyms", id)
			}
		}
	})
}

// crashStore is a store that dies: once killed, every call fails and
// changes nothing, like a process killed mid-broadcast. Reviving it is a
// restart on the same file.
type crashStore struct {
	*reminderstest.MemStore
	mu   sync.Mutex
	dead bool
}

var errKilled = errors.New("killed")

func (s *crashStore) alive() bool { s.mu.Lock(); defer s.mu.Unlock(); return !s.dead }

func (s *crashStore) Claim(ctx context.Context, now time.Time, limit int) ([]carebot.OutboxItem, error) {
	if !s.alive() {
		return nil, errKilled
	}
	return s.MemStore.Claim(ctx, now, limit)
}

func (s *crashStore) Finish(ctx context.Context, done ...carebot.OutboxDone) error {
	if !s.alive() {
		return errKilled
	}
	return s.MemStore.Finish(ctx, done...)
}

func (s *crashStore) NextDue(ctx context.Context) (time.Time, bool, error) {
	if !s.alive() {
		return time.Time{}, false, errKilled
	}
	return s.MemStore.NextDue(ctx)
}

func TestBroadcastResumesAfterCrash(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := newHarness(noon)
		h.d.Page, h.d.Batch, h.d.Workers = 50, 16, 4
		const n = 1000
		for i := range n {
			h.person(fmt.Sprintf("chat:%04d", i), "", "en", carebot.PurposeAnnouncements)
		}
		store := &crashStore{MemStore: h.store}
		bs := reminders.NewBroadcasts(store)
		bs.Clock = h.clock
		id, err := bs.Start(context.Background(), reminders.Broadcast{Purpose: carebot.PurposeAnnouncements, Text: "flu clinic saturday"})
		if err != nil {
			t.Fatal(err)
		}
		inFlight := -1
		var once sync.Once
		kill := func() {
			store.mu.Lock()
			store.dead = true
			store.mu.Unlock()
		}
		h.sender.fail = func(to carebot.Address, _ int) error {
			if len(h.sender.all()) >= 400 { // four workers: a count may pass 400 unseen
				once.Do(func() {
					inFlight = h.store.Claimed()
					kill()
				})
			}
			return nil
		}
		run := func() {
			d := reminders.NewDispatcher(store, h.people, h.people, map[string]reminders.Platform{"chat": {Sender: h.sender}})
			d.Clock, d.Audience, d.Page, d.Batch, d.Workers = h.clock, h.people, 50, 16, 4
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			go func() { done <- d.Run(ctx) }()
			h.runUntil(h.clock.Now().Add(time.Minute))
			cancel()
			<-done // a killed run ends with an error; that is the point
		}
		run()
		if store.alive() {
			t.Fatal("the broadcast finished before the kill")
		}
		before := len(h.sender.all())
		// While it is down, someone opts out.
		h.people.SetConsent("chat:0999", carebot.PurposeAnnouncements, false, h.clock.Now())
		store.mu.Lock()
		store.dead = false
		store.mu.Unlock()
		run()

		got := map[string]int{}
		dups := 0
		for i, s := range h.sender.all() {
			if got[s.To.ChatID]++; got[s.To.ChatID] > 1 {
				dups++
			}
			if i >= before && s.To.ChatID == "dm-chat:0999" {
				t.Error("sent after the restart to someone who opted out before it")
			}
		}
		for i := range n - 1 {
			if got[fmt.Sprintf("dm-chat:%04d", i)] == 0 {
				t.Errorf("chat:%04d never got the broadcast", i)
			}
		}
		if dups > inFlight {
			t.Errorf("%d duplicates, want at most the %d claimed (in flight) at the kill", dups, inFlight)
		}
		t.Logf("killed after %d sends with %d in flight; %d duplicates", before, inFlight, dups)
		if r, err := bs.Report(context.Background(), id); err != nil || !r.Resolved || r.Pending != 0 {
			t.Errorf("report after restart: %+v, %v", r, err)
		}
	})
}

// A broadcast id is typed by staff and read back in `carebot report ID`
// and in outbox keys: letters, digits, '.', '_' and '-' as faq.yaml's
// entry ids, and short enough that every key made from it fits the
// store. Anything else is refused before anything is queued; a made-up
// id keeps the rules.
func TestBroadcastIDs(t *testing.T) {
	h := newHarness(noon)
	bs := reminders.NewBroadcasts(h.store)
	bs.Clock = h.clock
	ctx := context.Background()
	for _, id := range []string{"my broadcast", " closed", "closed\n", "a/b", "50%", "-closed", ".closed", "_closed", "cerrado-el-día"} {
		_, err := bs.Start(ctx, reminders.Broadcast{ID: id, Purpose: carebot.PurposeAnnouncements, Text: "Closed Friday"})
		if want := fmt.Sprintf("broadcast: id %q: use only ASCII letters (a-z, A-Z, no accents), digits, '.', '_' and '-', starting with a letter or digit, at most %d (such as closed-2026-12-26)", id, reminders.MaxBroadcastID); err == nil || err.Error() != want {
			t.Errorf("id %q: got %v, want %q", id, err, want)
		}
	}
	long := strings.Repeat("x", reminders.MaxBroadcastID+1)
	_, err := bs.Start(ctx, reminders.Broadcast{ID: long, Purpose: carebot.PurposeAnnouncements, Text: "Closed Friday"})
	if want := fmt.Sprintf("broadcast: id %q is %d characters long: at most %d", long, len(long), reminders.MaxBroadcastID); err == nil || err.Error() != want {
		t.Errorf("a long id: got %v, want %q", err, want)
	}
	if n := h.store.Pending(); n != 0 {
		t.Errorf("%d items queued for refused ids, want none", n)
	}
	for _, id := range []string{"closed-2026-12-26", "Flu_2026.v2", "7", strings.Repeat("x", reminders.MaxBroadcastID), ""} {
		got, err := bs.Start(ctx, reminders.Broadcast{ID: id, Purpose: carebot.PurposeAnnouncements, Text: "Closed Friday"})
		if err != nil || reminders.CheckBroadcastID(got) != nil {
			t.Errorf("id %q: got %q, %v; want it started under an id that keeps the rules", id, got, err)
		}
	}
}
