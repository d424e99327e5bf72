package reminders_test

import (
	"testing"
	"time"

	"github.com/carebot/carebot/reminders"
)

func mustZone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatalf("load %s: %v", name, err)
	}
	return loc
}

func wall(y int, m time.Month, d, h, mi int) time.Time {
	return time.Date(y, m, d, h, mi, 0, 0, time.UTC)
}

func TestResolve(t *testing.T) {
	tests := []struct {
		zone string
		wall time.Time
		want string // the instant in UTC
		why  string
	}{
		{"America/New_York", wall(2026, 3, 8, 2, 30), "2026-03-08 07:00", "gap: the first minute after it, 03:00 EDT"},
		{"America/New_York", wall(2026, 3, 8, 3, 0), "2026-03-08 07:00", "the gap's end itself"},
		{"America/New_York", wall(2026, 3, 8, 1, 59), "2026-03-08 06:59", "just before the gap"},
		{"America/New_York", wall(2026, 11, 1, 1, 30), "2026-11-01 05:30", "repeated hour: the first, 01:30 EDT"},
		{"America/New_York", wall(2026, 11, 1, 0, 59), "2026-11-01 04:59", "before the repeated hour"},
		{"America/New_York", wall(2026, 11, 1, 2, 0), "2026-11-01 07:00", "after the repeated hour, EST"},
		{"Europe/London", wall(2026, 3, 29, 1, 30), "2026-03-29 01:00", "gap: 02:00 BST"},
		{"Europe/London", wall(2026, 10, 25, 1, 30), "2026-10-25 00:30", "repeated hour: 01:30 BST"},
		{"Australia/Sydney", wall(2026, 10, 4, 2, 30), "2026-10-03 16:00", "gap: 03:00 AEDT"},
		{"Australia/Sydney", wall(2026, 4, 5, 2, 30), "2026-04-04 15:30", "repeated hour: 02:30 AEDT"},
		{"Australia/Lord_Howe", wall(2026, 10, 4, 2, 15), "2026-10-03 15:30", "30-minute gap: 02:30 +11"},
		{"Australia/Lord_Howe", wall(2026, 4, 5, 1, 45), "2026-04-04 14:45", "repeated half hour: 01:45 +11"},
		{"Australia/Lord_Howe", wall(2026, 4, 5, 2, 0), "2026-04-04 15:30", "after the repeated half hour, +10:30"},
		{"Asia/Tokyo", wall(2026, 6, 1, 9, 0), "2026-06-01 00:00", "no daylight saving"},
	}
	for _, tt := range tests {
		t.Run(tt.zone+" "+tt.why, func(t *testing.T) {
			loc := mustZone(t, tt.zone)
			got := reminders.Resolve(tt.wall, loc)
			if s := got.UTC().Format("2006-01-02 15:04"); s != tt.want {
				t.Errorf("Resolve(%s) in %s: got %s UTC (%s local), want %s UTC", tt.wall.Format("01-02 15:04"), tt.zone, s, got.In(loc).Format("15:04 MST"), tt.want)
			}
		})
	}
}

func TestFloatingRoundTrip(t *testing.T) {
	// Every instant of a DST year reads back to itself, except the second
	// pass of a repeated hour, which resolves to the first.
	for _, zone := range []string{"America/New_York", "Australia/Lord_Howe"} {
		loc := mustZone(t, zone)
		for at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC); at.Year() == 2026; at = at.Add(15 * time.Minute) {
			w := reminders.Floating(at, loc)
			got := reminders.Resolve(w, loc)
			if !got.Equal(at) && !(got.Before(at) && reminders.Floating(got, loc).Equal(w)) {
				t.Fatalf("%s: %s reads %s, which resolves to %s", zone, at, w.Format("01-02 15:04"), got)
			}
		}
	}
}
