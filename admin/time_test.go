package admin

import (
	"testing"
	"time"
)

// A local time the clocks skip is the end of the gap, and one they show
// twice is the first, as carebot reads every local time (reminders.Resolve).
func TestParseTimeAcrossClockChanges(t *testing.T) {
	ny, _ := time.LoadLocation("America/New_York")
	lordHowe, _ := time.LoadLocation("Australia/Lord_Howe") // moves its clocks by 30 minutes
	for _, tt := range []struct {
		at   string
		loc  *time.Location
		want string
	}{
		{"2027-03-14 02:30", ny, "2027-03-14T03:00:00-04:00"},
		{"2027-03-14T02:00:00", ny, "2027-03-14T03:00:00-04:00"},
		{"2027-03-14 03:00", ny, "2027-03-14T03:00:00-04:00"},
		{"2027-03-14 01:59", ny, "2027-03-14T01:59:00-05:00"},
		{"2027-11-07 01:30", ny, "2027-11-07T01:30:00-04:00"}, // the first 01:30, EDT
		{"2026-10-04 02:15", lordHowe, "2026-10-04T02:30:00+11:00"},
		{"2027-03-14T02:30:00-05:00", ny, "2027-03-14T03:30:00-04:00"}, // an instant is an instant
	} {
		got, err := parseTime(tt.at, tt.loc)
		if err != nil || got.In(tt.loc).Format(time.RFC3339) != tt.want {
			t.Errorf("parseTime(%q, %s) = %s, %v; want %s", tt.at, tt.loc, got.In(tt.loc).Format(time.RFC3339), err, tt.want)
		}
	}
}
