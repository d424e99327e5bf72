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
		// Regions, abbreviations and their Spanish names.
		{"Eastern", "America/New_York"},
		{"Eastern Standard Time", "America/New_York"},
		{"eastern time zone", "America/New_York"},
		{"Pacific Daylight Time", "America/Los_Angeles"},
		{"PST", "America/Los_Angeles"},
		{"CST", "America/Chicago"},
		{"MST", "America/Denver"},
		{"US/Eastern", "US/Eastern"},
		{"la hora del este", "America/New_York"},
		{"hora del centro", "America/Chicago"},
		{"hora de la montaña", "America/Denver"},
		{"la hora del pacífico", "America/Los_Angeles"},
		{"hora de Chicago", "America/Chicago"},
		{"La Paz", "America/La_Paz"},
		{"El Salvador", "America/El_Salvador"},
		// India and Newfoundland. IST is India's (see zoneAliases).
		{"India", "Asia/Kolkata"},
		{"Mumbai", "Asia/Kolkata"},
		{"Delhi", "Asia/Kolkata"},
		{"New Delhi", "Asia/Kolkata"},
		{"IST", "Asia/Kolkata"},
		{"Kolkata", "Asia/Kolkata"},
		{"Newfoundland", "America/St_Johns"},
		{"St John's", "America/St_Johns"},
		{"St. John’s", "America/St_Johns"},
		// Offsets: whole hours are Etc/GMT, whose sign is the other way.
		{"UTC+5:30", "Asia/Kolkata"},
		{"GMT-3", "Etc/GMT+3"},
		{"UTC -05:00", "Etc/GMT+5"},
		{"utc+1", "Etc/GMT-1"},
		{"UTC+14", "Etc/GMT-14"},
		{"UTC−3:30", "America/St_Johns"},
		{"UTC+0", "UTC"},
		{"UTC+15", ""},
		{"UTC-13", ""},
		{"UTC+5:17", ""},
		{"UTC+10:30", ""}, // Lord Howe in winter, Adelaide in summer: which?
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
