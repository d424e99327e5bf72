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
	"unicode/utf8"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/reminders"
	"github.com/carebot/carebot/reminders/reminderstest"
)

// night is 03:00 in New York: inside every quiet hours.
var night = time.Date(2026, 11, 26, 8, 0, 0, 0, time.UTC)

// staff are the moderators' chats of the tests: a staff group and one
// moderator's own chat.
var staff = []carebot.Address{{Platform: "chat", ChatID: "staff", Group: true}, {Platform: "chat", ChatID: "mod-1"}}

// groupCrisis is an alert about member 5001's message 4521 in a Telegram
// supergroup, at.
func groupCrisis(at time.Time) carebot.Alert {
	return carebot.Alert{Kind: carebot.AlertCrisis, At: at, Message: "4521", Reply: carebot.AlertPrivate, Crisis: "988", Emergency: "911",
		Group: carebot.Address{Platform: "telegram", ChatID: "-1001234567890", UserID: "5001", Group: true, Thread: "4521"}}
}

// alertItems are the alert messages waiting in store.
func alertItems(t *testing.T, store reminders.Outbox) []carebot.OutboxItem {
	t.Helper()
	var out []carebot.OutboxItem
	if err := store.Items(context.Background(), "alert/", func(it carebot.OutboxItem) error {
		out = append(out, it)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func newAlerts(store reminders.Outbox, clock reminders.Clock) *reminders.Alerts {
	a := reminders.NewAlerts(store, staff)
	a.Clock, a.Secret = clock, []byte("test secret")
	a.Zone, _ = time.LoadLocation("America/New_York")
	return a
}

// An alert says what was found, in which group, when, where the message
// is and what the member was sent where; never who (no id, no name) and
// never the words, which it does not have.
func TestAlertSaysWhatWhereWhenNeverWho(t *testing.T) {
	basic := groupCrisis(night)
	basic.Group.ChatID = "-4001"
	tests := []struct {
		name   string
		alert  func(carebot.Alert) carebot.Alert
		want   []string
		unwant []string
	}{
		{"crisis, sent privately", func(a carebot.Alert) carebot.Alert { a.Title = "Riverbend peer support"; return a }, []string{
			"safety alert: a possible suicide or self-harm crisis",
			`Group: "Riverbend peer support" (telegram chat -1001234567890)`,
			"Posted: Thu 26 Nov 2026, 03:00 EST",
			"Message: https://t.me/c/1234567890/4521",
			"By private message carebot sent the member the crisis line (988) and 911 for immediate danger; the group got a short line with 911 and 988.",
			"If the member's private chat with carebot is closed",
			"keeps no copy of the message",
		}, nil},
		{"emergency, no private chat", func(a carebot.Alert) carebot.Alert {
			a.Kind, a.Reply = carebot.AlertEmergency, carebot.AlertNoChat
			return a
		}, []string{"a possible medical emergency", "911 to call now", "never written to carebot privately", "most likely went under their message"},
			[]string{"If the member's private chat"}},
		{"abuse, anonymous admin, edited", func(a carebot.Alert) carebot.Alert {
			a.Kind, a.Reply, a.Edited, a.Group.UserID = carebot.AlertAbuse, carebot.AlertInGroup, true, ""
			return a
		}, []string{"possible abuse", "posted 911, the domestic violence and sexual assault hotlines and the crisis line (988) under the message",
			"posted anonymously", "Edited into this: Thu 26 Nov 2026, 03:00 EST"},
			[]string{"private message"}},
		{"a basic group has no link", func(carebot.Alert) carebot.Alert { return basic },
			[]string{"Group: telegram chat -4001", "Message: number 4521 in the group"}, []string{"https://"}},
		{"a title on one line", func(a carebot.Alert) carebot.Alert { a.Title = "Peer\nsupport\x00 "; return a },
			[]string{`Group: "Peer support" (telegram`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store := reminderstest.NewMemStore()
			a := newAlerts(store, reminderstest.NewClock(night))
			if ok, err := a.Schedule(context.Background(), tt.alert(groupCrisis(night))); !ok || err != nil {
				t.Fatalf("Schedule: %v, %v", ok, err)
			}
			items := alertItems(t, store)
			if len(items) != len(staff) {
				t.Fatalf("got %d items, want one per address (%d)", len(items), len(staff))
			}
			text := items[0].Text
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("the alert does not say %q:\n%s", w, text)
				}
			}
			for _, w := range append(tt.unwant, "5001", "Patient") {
				if strings.Contains(text, w) {
					t.Errorf("the alert says %q:\n%s", w, text)
				}
			}
			for i, it := range items {
				if it.Kind != carebot.KindAlert || it.To != staff[i] || it.User != "" || it.Purpose != "" || it.Text != text ||
					!it.Due.Equal(night) || !it.Expires.Equal(night.Add(reminders.AlertLate)) {
					t.Errorf("item %d: %+v, want an alert to %+v due now, expiring in %v, for no patient", i, it, staff[i], reminders.AlertLate)
				}
				if strings.Contains(it.ID, "5001") || strings.Contains(it.ID, "1234567890") {
					t.Errorf("item ID %q names the member or the group in clear", it.ID)
				}
			}
		})
	}
}

// A member who posts several crisis messages in a few minutes gets the
// moderators one alert; a message handled again after a crash gets none;
// another kind, another member, another group, or a later message once the
// window has passed, gets its own, and so does one after an alert that
// was never sent.
func TestAlertsHoldBackRepeats(t *testing.T) {
	ctx := context.Background()
	store := reminderstest.NewMemStore()
	clock := reminderstest.NewClock(night)
	a := newAlerts(store, clock)
	other := func(f func(*carebot.Alert)) carebot.Alert {
		al := groupCrisis(night.Add(2 * time.Minute))
		al.Message = "4600"
		f(&al)
		return al
	}
	steps := []struct {
		name  string
		alert carebot.Alert
		want  bool
	}{
		{"the first", groupCrisis(night), true},
		{"the same message again", groupCrisis(night), false},
		{"another message 2 min later", other(func(*carebot.Alert) {}), false},
		{"an emergency 2 min later", other(func(a *carebot.Alert) { a.Kind = carebot.AlertEmergency }), true},
		{"another member", other(func(a *carebot.Alert) { a.Group.UserID = "5002" }), true},
		{"another group", other(func(a *carebot.Alert) { a.Group.ChatID = "-1009" }), true},
		{"an anonymous admin", other(func(a *carebot.Alert) { a.Group.UserID = "" }), true},
		{"9 min after the first", other(func(a *carebot.Alert) { a.At = night.Add(9 * time.Minute) }), false},
		{"10 min after the first", other(func(a *carebot.Alert) { a.At, a.Message = night.Add(10*time.Minute), "4700" }), true},
	}
	for _, s := range steps {
		ok, err := a.Schedule(ctx, s.alert)
		if err != nil {
			t.Fatal(err)
		}
		if ok != s.want {
			t.Errorf("%s: scheduled %v, want %v", s.name, ok, s.want)
		}
	}
	// Once sent (the outbox keeps only the outcome), the first still
	// holds back its member's repeats, and its message is never alerted
	// again; once expired unsent, it holds back nothing.
	items := alertItems(t, store)
	claimed, err := store.Claim(ctx, night, len(items))
	if err != nil || len(claimed) != len(items) {
		t.Fatalf("claim: %d of %d, %v", len(claimed), len(items), err)
	}
	var done []carebot.OutboxDone
	for _, it := range claimed {
		r := carebot.ResultSent
		if it.Slot.Equal(night.Add(10 * time.Minute)) {
			r = carebot.ResultExpired
		}
		done = append(done, carebot.OutboxDone{ID: it.ID, Seq: it.Seq, Outcome: &carebot.Outcome{ID: it.ID, Kind: it.Kind, Ref: it.Ref, Slot: it.Slot, Result: r, At: night}})
	}
	if err := store.Finish(ctx, done...); err != nil {
		t.Fatal(err)
	}
	clock.Set(night.Add(time.Hour))
	for _, s := range []struct {
		name  string
		alert carebot.Alert
		want  bool
	}{
		{"the first message, handled again an hour later", groupCrisis(night), false},
		{"5 min after one that expired", other(func(a *carebot.Alert) { a.At, a.Message = night.Add(15*time.Minute), "4800" }), true},
	} {
		if ok, err := a.Schedule(ctx, s.alert); err != nil || ok != s.want {
			t.Errorf("%s: scheduled %v (%v), want %v", s.name, ok, err, s.want)
		}
	}
}

// Alerts go to staff: a crisis at 3 am is alerted at 3 am, with no one
// opted in to anything, to a group chat (the moderators'), while a
// patient's announcement due then waits for the morning.
func TestAlertIgnoresQuietHoursAndConsent(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := newHarness(night)
		h.d.Zone = mustZone(t, "America/New_York")
		h.person("chat:1", "America/New_York", "en", carebot.PurposeAnnouncements)
		h.schedule(t, announcement("b/1", "chat:1", night))
		a := newAlerts(h.store, h.clock)
		a.Wake = h.d.Notify
		stop := h.start(t)
		if ok, err := a.Schedule(context.Background(), groupCrisis(night)); !ok || err != nil {
			t.Fatalf("Schedule: %v, %v", ok, err)
		}
		h.runUntil(night.Add(time.Minute))
		stop()
		got := h.sender.all()
		if len(got) != 2 {
			t.Fatalf("sent %+v, want the two alerts and not the announcement", got)
		}
		to := map[carebot.Address]bool{}
		for _, s := range got {
			to[s.To] = true
			if !s.At.Equal(night) || s.R.Private || !strings.Contains(s.Text, "safety alert") {
				t.Errorf("send %+v, want the alert at once, not private", s)
			}
		}
		if !to[staff[0]] || !to[staff[1]] {
			t.Errorf("sent to %v, want %v", to, staff)
		}
		for id, o := range h.outcomes(t, "alert/") {
			if o.Result != carebot.ResultSent || o.User != "" {
				t.Errorf("%s: %+v, want sent, for no patient", id, o)
			}
		}
		if o, ok := h.outcomes(t, "b/")["b/1"]; ok {
			t.Errorf("the announcement was settled at night: %+v", o)
		}
	})
}

// An alert whose send fails is retried, soon and more often than a
// reminder, until it expires; one that cannot reach its chat is not
// retried, and marks no one unreachable.
func TestAlertRetriedUntilItExpires(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := newHarness(night)
		h.sender.fail = func(to carebot.Address, try int) error {
			switch {
			case to.ChatID == "mod-1": // the moderator never started the bot
				return fmt.Errorf("telegram: 403 bot can't initiate conversation: %w", carebot.ErrUnreachable)
			case to.ChatID == "staff" && try < 2:
				return errors.New("502 bad gateway")
			}
			return nil
		}
		a := newAlerts(h.store, h.clock)
		a.Wake = h.d.Notify
		stop := h.start(t)
		a.Schedule(context.Background(), groupCrisis(night))
		h.runUntil(night.Add(time.Minute))
		got := h.sender.all()
		if len(got) != 1 || got[0].To.ChatID != "staff" || got[0].At.Sub(night) > 30*time.Second {
			t.Fatalf("sent %+v, want the staff alert within 30 s, after two failures", got)
		}
		if n := h.sender.tries["mod-1"]; n != 1 {
			t.Errorf("the unreachable chat was tried %d times, want once", n)
		}
		for id, o := range h.outcomes(t, "alert/") {
			want := carebot.ResultSent
			if strings.HasSuffix(id, "/1") {
				want = carebot.ResultUnreachable
			}
			if o.Result != want {
				t.Errorf("%s: %+v, want %s", id, o, want)
			}
		}
		if since, _ := h.store.Unreachable(context.Background(), ""); !since.IsZero() {
			t.Errorf("an alert marked someone unreachable")
		}

		// A platform that is down for good: tried until the alert expires.
		h.sender.mu.Lock()
		h.sender.fail = func(carebot.Address, int) error { return errors.New("502 bad gateway") }
		h.sender.mu.Unlock()
		later := groupCrisis(night.Add(time.Minute))
		later.Message, later.Kind = "4999", carebot.AlertEmergency
		a.Schedule(context.Background(), later)
		h.runUntil(night.Add(3 * time.Hour))
		stop()
		var expired []carebot.Outcome
		for _, o := range h.outcomes(t, "alert/") {
			if o.Ref == string(carebot.AlertEmergency) {
				expired = append(expired, o)
			}
		}
		if len(expired) != 2 {
			t.Fatalf("outcomes of the second alert: %+v, want two", expired)
		}
		for _, o := range expired {
			if o.Result != carebot.ResultExpired || o.Attempts <= 5 || !o.At.After(night.Add(reminders.AlertLate)) {
				t.Errorf("%+v: want expired after an hour of more attempts than a reminder gets (5)", o)
			}
		}
	})
}

// stuckOutbox is an outbox whose reads wait for release, or fail while
// failing is set, as a busy or broken database would.
type stuckOutbox struct {
	*reminderstest.MemStore
	release chan struct{}
	mu      sync.Mutex
	failing int // reads that fail before one succeeds
}

func (s *stuckOutbox) Items(ctx context.Context, prefix string, fn func(carebot.OutboxItem) error) error {
	<-s.release
	s.mu.Lock()
	fail := s.failing > 0
	s.failing--
	s.mu.Unlock()
	if fail {
		return errors.New("disk on fire")
	}
	return s.MemStore.Items(ctx, prefix, fn)
}

// Alert returns at once whatever the store does, so the member's safety
// reply never waits on it; Run writes the alert once the store answers,
// retrying while it fails, and what is still queued at a stop is written
// before Run returns.
func TestAlertNeverWaitsOnTheStore(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		clock := reminderstest.NewClock(night)
		store := &stuckOutbox{MemStore: reminderstest.NewMemStore(), release: make(chan struct{}), failing: 2}
		a := newAlerts(store, clock)
		woken := 0
		a.Wake = func() { woken++ }
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- a.Run(ctx) }()
		a.Alert(ctx, groupCrisis(night)) // Run takes it and waits on the store
		synctest.Wait()
		second := groupCrisis(night)
		second.Group.UserID = "5002"
		a.Alert(ctx, second) // returns though the store is stuck
		close(store.release)
		for range 3 { // the two failures, each followed by a wait
			synctest.Wait()
			clock.Advance(30 * time.Second)
		}
		synctest.Wait()
		if got := len(alertItems(t, store.MemStore)); got != 4 {
			t.Errorf("%d alert items after the store recovered, want 4 (two alerts to two chats)", got)
		}
		third := groupCrisis(night)
		third.Group.UserID = "5003"
		a.Alert(ctx, third)
		cancel()
		if err := <-done; err != nil {
			t.Fatalf("Run: %v", err)
		}
		if got := len(alertItems(t, store.MemStore)); got != 6 {
			t.Errorf("%d alert items after the stop, want 6: every alert queued before it written", got)
		}
		if woken != 3 {
			t.Errorf("the dispatcher was woken %d times, want once per alert (3)", woken)
		}
	})
}

// A clinic whose faq.yaml is in Spanish gets its alerts in Spanish: the
// same facts, and still never who or what.
func TestAlertInTheClinicsLanguage(t *testing.T) {
	store := reminderstest.NewMemStore()
	a := newAlerts(store, reminderstest.NewClock(night))
	a.Lang = "es"
	al := groupCrisis(night)
	al.Title = "Apoyo entre pares"
	if ok, err := a.Schedule(context.Background(), al); !ok || err != nil {
		t.Fatalf("Schedule: %v, %v", ok, err)
	}
	text := alertItems(t, store)[0].Text
	for _, w := range []string{
		"⚠️ Alerta de seguridad de carebot: una posible crisis de suicidio o autolesión",
		`Grupo: "Apoyo entre pares" (chat de telegram -1001234567890)`,
		"Publicado: jueves 26 de noviembre de 2026, 03:00 EST",
		"Mensaje: https://t.me/c/1234567890/4521",
		"En un mensaje privado carebot le envió al miembro la línea de crisis (988) y el 911 en caso de peligro inmediato; el grupo recibió una línea breve con el 911 y el 988.",
		"no guarda copia del mensaje",
		"en los próximos 10 minutos",
	} {
		if !strings.Contains(text, w) {
			t.Errorf("the alert does not say %q:\n%s", w, text)
		}
	}
	if strings.Contains(text, "5001") || !utf8.ValidString(text) {
		t.Errorf("the alert names the member, or is not UTF-8:\n%s", text)
	}
}
