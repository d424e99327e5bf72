package reminders_test

import (
	"testing"
	"time"

	"github.com/carebot/carebot/reminders"
)

func TestHours(t *testing.T) {
	ny := mustZone(t, "America/New_York")
	at := func(d, h, m int) time.Time { return time.Date(2026, 11, d, h, m, 0, 0, ny) }
	night := reminders.Hours{From: 20 * time.Hour, To: 6 * time.Hour}
	tests := []struct {
		name       string
		h          reminders.Hours
		t          time.Time
		allows     bool
		next, last time.Time
	}{
		{"default, morning", reminders.Hours{}, at(25, 7, 59), false, at(25, 8, 0), at(24, 20, 59)},
		{"default, opening", reminders.Hours{}, at(25, 8, 0), true, at(25, 8, 0), at(25, 8, 0)},
		{"default, last minute", reminders.Hours{}, at(25, 20, 59), true, at(25, 20, 59), at(25, 20, 59)},
		{"default, closing", reminders.Hours{}, at(25, 21, 0), false, at(26, 8, 0), at(25, 20, 59)},
		{"night shift, evening", night, at(25, 22, 0), true, at(25, 22, 0), at(25, 22, 0)},
		{"night shift, noon", night, at(25, 12, 0), false, at(25, 20, 0), at(25, 5, 59)},
	}
	for _, tt := range tests {
		if got := tt.h.Allows(tt.t, ny); got != tt.allows {
			t.Errorf("%s: Allows: got %v, want %v", tt.name, got, tt.allows)
		}
		if got := tt.h.Next(tt.t, ny); !got.Equal(tt.next) {
			t.Errorf("%s: Next: got %s, want %s", tt.name, got.In(ny), tt.next)
		}
		if got := tt.h.Last(tt.t, ny); !got.Equal(tt.last) {
			t.Errorf("%s: Last: got %s, want %s", tt.name, got.In(ny), tt.last)
		}
	}
	// Opening on the spring-forward morning is 08:00 EDT, not 08:00 EST.
	sydney := mustZone(t, "Australia/Sydney")
	early := time.Date(2026, 10, 4, 1, 30, 0, 0, sydney)
	if got := (reminders.Hours{}).Next(early, sydney); got.In(sydney).Format("15:04") != "08:00" {
		t.Errorf("Next on a DST morning: got %s, want 08:00", got.In(sydney).Format("15:04 MST"))
	}
	if err := (reminders.Hours{From: 9 * time.Hour, To: 9 * time.Hour}).Validate(); err == nil {
		t.Error("an empty window validated")
	}
}
