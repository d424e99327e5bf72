package bolt

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/carebot/carebot"
)

// The acceptance: after STOP the ledger shows the opt-out with its
// method and time, readable after a restart.
func TestConsentSurvivesRestart(t *testing.T) {
	d, path := openTemp(t)
	const who = "telegram:555"
	in := carebot.ConsentEvent{User: who, Purpose: carebot.PurposeAwareness, Action: carebot.OptIn,
		Method: "button", Wording: "optin-v3", At: t0.Add(-24 * time.Hour)}
	var stop []carebot.ConsentEvent
	for _, p := range carebot.Purposes() {
		stop = append(stop, carebot.ConsentEvent{User: who, Purpose: p, Action: carebot.OptOut,
			Method: "keyword:STOP", Wording: "help-v2", At: t0})
	}
	if err := d.RecordConsent(t.Context(), in); err != nil {
		t.Fatal(err)
	}
	if err := d.RecordConsent(t.Context(), stop...); err != nil {
		t.Fatal(err)
	}
	d.Close()

	d = reopen(t, path)
	got, err := d.ConsentEvents(t.Context(), who)
	if err != nil {
		t.Fatal(err)
	}
	want := append([]carebot.ConsentEvent{in}, stop...)
	if !sameEvents(got, want) {
		t.Fatalf("after restart got\n%+v\nwant\n%+v", got, want)
	}
	st, err := d.Consent(t.Context(), who)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range carebot.Purposes() {
		c := st[p]
		if c.OptedIn || c.Method != "keyword:STOP" || !c.Since.Equal(t0) {
			t.Errorf("Consent[%s]: got %+v, want opted out by keyword:STOP at %v", p, c, t0)
		}
	}
	if got := optedIn(t, d, carebot.PurposeAwareness); len(got) != 0 {
		t.Errorf("OptedIn(awareness) after STOP: got %q, want nobody", got)
	}
}

// sameEvents compares events by value, times with Equal.
func sameEvents(got, want []carebot.ConsentEvent) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		g, w := got[i], want[i]
		if !g.At.Equal(w.At) {
			return false
		}
		g.At, w.At = time.Time{}, time.Time{}
		if g != w {
			return false
		}
	}
	return true
}

func optedIn(t *testing.T, d *DB, p carebot.Purpose) []string {
	t.Helper()
	var got []string
	if err := d.OptedIn(t.Context(), p, func(u string) error { got = append(got, u); return nil }); err != nil {
		t.Fatalf("OptedIn(%s): %v", p, err)
	}
	slices.Sort(got)
	return got
}

// State is the latest event by time, even when events arrive out of order
// (an import of older paper consents after a recent STOP), and the index
// must agree with it.
func TestConsentOrderAndIndex(t *testing.T) {
	d, _ := openTemp(t)
	ev := func(user string, a carebot.ConsentAction, at time.Duration) carebot.ConsentEvent {
		return carebot.ConsentEvent{User: user, Purpose: carebot.PurposeAnnouncements, Action: a, Method: "m", At: t0.Add(at)}
	}
	steps := []struct {
		name   string
		events []carebot.ConsentEvent
		want   []string // opted in to announcements afterwards
	}{
		{"two opt in", []carebot.ConsentEvent{ev("a", carebot.OptIn, 0), ev("b", carebot.OptIn, 0)}, []string{"a", "b"}},
		{"b stops", []carebot.ConsentEvent{ev("b", carebot.OptOut, time.Hour)}, []string{"a"}},
		{"an older opt-in of b is imported", []carebot.ConsentEvent{ev("b", carebot.OptIn, 30*time.Minute)}, []string{"a"}},
		{"an older opt-out of a is imported", []carebot.ConsentEvent{ev("a", carebot.OptOut, -time.Hour)}, []string{"a"}},
		{"a stops and restarts in one call", []carebot.ConsentEvent{ev("a", carebot.OptOut, 2*time.Hour), ev("a", carebot.OptIn, 3*time.Hour)}, []string{"a"}},
		{"same instant: the later recorded wins", []carebot.ConsentEvent{ev("a", carebot.OptOut, 3*time.Hour)}, nil},
		{"other purposes untouched", []carebot.ConsentEvent{{User: "a", Purpose: carebot.PurposeAwareness, Action: carebot.OptIn, At: t0}}, nil},
	}
	for _, s := range steps {
		if err := d.RecordConsent(t.Context(), s.events...); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if got := optedIn(t, d, carebot.PurposeAnnouncements); !reflect.DeepEqual(got, s.want) {
			t.Errorf("%s: OptedIn got %q, want %q", s.name, got, s.want)
		}
		for _, u := range []string{"a", "b"} {
			st, err := d.Consent(t.Context(), u)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := st[carebot.PurposeAnnouncements].OptedIn, slices.Contains(s.want, u); got != want {
				t.Errorf("%s: Consent(%s) opted in: got %v, want %v", s.name, u, got, want)
			}
		}
	}
	evs, err := d.ConsentEvents(t.Context(), "b")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.IsSortedFunc(evs, func(x, y carebot.ConsentEvent) int { return x.At.Compare(y.At) }) {
		t.Errorf("events not oldest first: %+v", evs)
	}
	if n, err := d.RebuildOptIn(t.Context()); n != 0 || err != nil {
		t.Errorf("RebuildOptIn after consistent writes: got %d changes, %v; want 0", n, err)
	}
}

func TestRecordConsentInvalidRecordsNothing(t *testing.T) {
	d, _ := openTemp(t)
	good := carebot.ConsentEvent{User: "telegram:1", Purpose: carebot.PurposeAwareness, Action: carebot.OptIn}
	tests := []struct {
		name string
		bad  carebot.ConsentEvent
		want string
	}{
		{"no user", carebot.ConsentEvent{Purpose: carebot.PurposeAwareness, Action: carebot.OptIn}, "event 1: empty user key"},
		{"unknown purpose", carebot.ConsentEvent{User: "u", Purpose: "marketing", Action: carebot.OptIn}, `unknown purpose "marketing"`},
		{"unknown action", carebot.ConsentEvent{User: "u", Purpose: carebot.PurposeAwareness, Action: "maybe"}, `unknown action "maybe"`},
		{"time out of range", carebot.ConsentEvent{User: "u", Purpose: carebot.PurposeAwareness, Action: carebot.OptIn, At: time.Date(2500, 1, 1, 0, 0, 0, 0, time.UTC)}, "out of range"},
	}
	for _, tt := range tests {
		err := d.RecordConsent(t.Context(), good, tt.bad)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want an error containing %q", tt.name, err, tt.want)
		}
	}
	evs, err := d.ConsentEvents(t.Context(), "telegram:1")
	if err != nil || len(evs) != 0 {
		t.Errorf("after rejected calls: got %+v, %v; want no events", evs, err)
	}
	// A zero time is stamped with the store's clock.
	if err := d.RecordConsent(t.Context(), good); err != nil {
		t.Fatal(err)
	}
	evs, err = d.ConsentEvents(t.Context(), "telegram:1")
	if err != nil || len(evs) != 1 || !evs[0].At.Equal(t0) {
		t.Errorf("got %+v, %v; want one event at %v", evs, err, t0)
	}
	if err := d.RecordConsent(t.Context()); err != nil {
		t.Errorf("RecordConsent with no events: %v", err)
	}
}

func TestConsentOfStranger(t *testing.T) {
	d, _ := openTemp(t)
	st, err := d.Consent(t.Context(), "telegram:404")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range carebot.Purposes() {
		if st[p].OptedIn {
			t.Errorf("a stranger is opted in to %s", p)
		}
	}
	if err := d.OptedIn(t.Context(), "marketing", func(string) error { return nil }); err == nil {
		t.Error("OptedIn accepted an unknown purpose")
	}
	if _, err := d.User(t.Context(), "telegram:404"); !errors.Is(err, carebot.ErrNotFound) {
		t.Errorf("got %v, want ErrNotFound", err)
	}
}
