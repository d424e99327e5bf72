package bolt

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/carebot/carebot"
)

// pages walks the audience of purpose with OptedInPage, limit at a time.
func pages(t *testing.T, d *DB, p carebot.Purpose, cursor string, limit int) (users []string, calls int) {
	t.Helper()
	for {
		got, next, err := d.OptedInPage(t.Context(), p, cursor, limit)
		if err != nil {
			t.Fatalf("OptedInPage(%q, %d): %v", cursor, limit, err)
		}
		calls++
		if len(got) > limit {
			t.Fatalf("page of %d, limit %d", len(got), limit)
		}
		users = append(users, got...)
		if next == "" {
			return users, calls
		}
		if len(got) == 0 {
			t.Fatalf("an empty page with cursor %q after it", next)
		}
		cursor = next
	}
}

// Paging through the audience visits everyone opted in once, in the same
// order as OptedIn, and says it is done with the page that exhausts it.
func TestOptedInPage(t *testing.T) {
	d, _ := openTemp(t)
	var evs []carebot.ConsentEvent
	for i := range 10 {
		evs = append(evs, optIn(fmt.Sprintf("telegram:%d", i), carebot.PurposeAwareness))
	}
	evs = append(evs, optIn("slack:U1", carebot.PurposeAnnouncements))
	if err := d.RecordConsent(t.Context(), evs...); err != nil {
		t.Fatal(err)
	}
	var want []string
	d.OptedIn(t.Context(), carebot.PurposeAwareness, func(u string) error { want = append(want, u); return nil })
	if len(want) != 10 {
		t.Fatalf("OptedIn: got %d people, want 10", len(want))
	}
	for _, tt := range []struct{ limit, calls int }{{1, 10}, {3, 4}, {5, 2}, {10, 1}, {11, 1}} {
		got, calls := pages(t, d, carebot.PurposeAwareness, "", tt.limit)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("limit %d: got %v, want %v", tt.limit, got, want)
		}
		if calls != tt.calls {
			t.Errorf("limit %d: took %d calls, want %d (the last full page says it is the last)", tt.limit, calls, tt.calls)
		}
	}
	if got, next, err := d.OptedInPage(t.Context(), carebot.PurposeAppointments, "", 5); len(got) != 0 || next != "" || err != nil {
		t.Errorf("nobody opted in: got %v, %q, %v; want nothing", got, next, err)
	}
}

// A fan-out resumes after a restart from the cursor it saved, and people
// who opt out before their turn are not listed.
func TestOptedInPageResumes(t *testing.T) {
	d, path := openTemp(t)
	var evs []carebot.ConsentEvent
	for i := range 6 {
		evs = append(evs, optIn(fmt.Sprintf("discord:%d", i), carebot.PurposeAnnouncements))
	}
	if err := d.RecordConsent(t.Context(), evs...); err != nil {
		t.Fatal(err)
	}
	first, cursor, err := d.OptedInPage(t.Context(), carebot.PurposeAnnouncements, "", 2)
	if err != nil || len(first) != 2 || cursor == "" {
		t.Fatalf("first page: %v %q %v", first, cursor, err)
	}
	for _, c := range []string{"discord:", "telegram"} {
		if strings.Contains(cursor, c) {
			t.Errorf("the cursor %q reveals a user key", cursor)
		}
	}
	all, _ := pages(t, d, carebot.PurposeAnnouncements, "", 6)
	leaver := all[4]
	out := optIn(leaver, carebot.PurposeAnnouncements)
	out.Action = carebot.OptOut
	if err := d.RecordConsent(t.Context(), out); err != nil {
		t.Fatal(err)
	}
	d.Close()
	d = reopen(t, path)
	rest, _ := pages(t, d, carebot.PurposeAnnouncements, cursor, 2)
	if want := []string{all[2], all[3], all[5]}; !reflect.DeepEqual(rest, want) {
		t.Errorf("resumed after a restart: got %v, want %v", rest, want)
	}
}

func TestOptedInPageRejects(t *testing.T) {
	d, _ := openTemp(t)
	for _, tt := range []struct {
		purpose carebot.Purpose
		cursor  string
		limit   int
		want    string
	}{
		{"surveys", "", 5, `unknown purpose "surveys"`},
		{carebot.PurposeAwareness, "", 0, "page size 0"},
		{carebot.PurposeAwareness, "telegram:1", 5, "the cursor is not one this store made"},
		{carebot.PurposeAwareness, "abcd", 5, "the cursor is not one this store made"},
	} {
		_, _, err := d.OptedInPage(t.Context(), tt.purpose, tt.cursor, tt.limit)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("OptedInPage(%q, %q, %d): got %v, want an error containing %q", tt.purpose, tt.cursor, tt.limit, err, tt.want)
		}
	}
}
