package admin

import (
	"testing"
	"time"
)

func TestParseSince(t *testing.T) {
	now := time.Date(2026, 11, 25, 15, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		in   string
		want time.Time
	}{
		{"", now.AddDate(0, 0, -30)},
		{"7d", now.AddDate(0, 0, -7)},
		{" 0d ", now},
		{"2026-11-01", time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)},
		{"2026-11-01T08:00:00-05:00", time.Date(2026, 11, 1, 13, 0, 0, 0, time.UTC)},
	} {
		got, err := ParseSince(tt.in, now, 30)
		if err != nil || !got.Equal(tt.want) {
			t.Errorf("%q: got %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	for _, in := range []string{"7", "last week", "-3d", "3651d", "2026-13-01", "7dd"} {
		if _, err := ParseSince(in, now, 30); err == nil {
			t.Errorf("%q: got no error", in)
		}
	}
}
