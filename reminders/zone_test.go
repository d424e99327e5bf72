package reminders_test

import (
	"testing"

	"github.com/carebot/carebot/reminders"
)

func TestParseZone(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Chicago", "America/Chicago"},
		{"madrid", "Europe/Madrid"},
		{"America/New_York", "America/New_York"},
		{"america/new_york", "America/New_York"},
		{"New York", "America/New_York"},
		{"Los Angeles", "America/Los_Angeles"},
		{"Ciudad de México", "America/Mexico_City"},
		{"Mexico City", "America/Mexico_City"},
		{"Bogotá", "America/Bogota"},
		{"Pacific time", "America/Los_Angeles"},
		{"EST", "America/New_York"},
		{"Sydney", "Australia/Sydney"},
		{"Lord Howe", "Australia/Lord_Howe"},
		{"Buenos Aires", "America/Argentina/Buenos_Aires"},
		{"London.", "Europe/London"},
		{"pain", ""},
		{"the hospital", ""},
		{"../../etc/passwd", ""},
		{"Local", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got, ok := reminders.ParseZone(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("ParseZone(%q): got %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}
