package reminders_test

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/teambition/rrule-go"

	"github.com/carebot/carebot/reminders"
)

func TestParseRuleRejects(t *testing.T) {
	tests := []struct{ rule, want string }{
		{"FREQ=HOURLY;BYHOUR=8", "DAILY, WEEKLY"},
		{"FREQ=DAILY", "BYHOUR"},
		{"FREQ=DAILY;BYHOUR=25", "byhour"},
		{"FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;BYHOUR=9", "matches no day"},
		{"FREQ=WEEKLY;BYSETPOS=1;BYHOUR=9", "BYSETPOS"},
		{"DTSTART:20260101T090000Z\nRRULE:FREQ=DAILY", "floating"},
		{"DTSTART;TZID=America/New_York:20260101T090000\nRRULE:FREQ=DAILY", "floating"},
		{"FREQ=DAILY;BYHOUR=9;TZID=UTC", "DTSTART"},
		{"FREQ=DAILY;BYHOUR=9\nFREQ=WEEKLY\nX", "one RRULE line"},
		{"FREQ=DAILY;BYHOUR=9;WHAT=1", "bad rule"},
		{"", "bad rule"},
	}
	for _, tt := range tests {
		_, err := reminders.ParseRule(tt.rule)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseRule(%q): got %v, want an error about %q", tt.rule, err, tt.want)
		}
	}
}

func TestRuleAfter(t *testing.T) {
	tests := []struct {
		rule  string
		after time.Time
		want  []string
	}{
		{"FREQ=DAILY;BYHOUR=8;BYMINUTE=30", wall(2026, 3, 7, 12, 0), []string{"03-08 08:30", "03-09 08:30", "03-10 08:30"}},
		{"RRULE:FREQ=WEEKLY;BYDAY=TU;BYHOUR=10", wall(2026, 9, 1, 10, 0), []string{"09-08 10:00", "09-15 10:00", "09-22 10:00"}},
		{"FREQ=MONTHLY;BYDAY=1TU,3TU;BYHOUR=10", wall(2026, 9, 1, 0, 0), []string{"09-01 10:00", "09-15 10:00", "10-06 10:00"}},
		{"DTSTART:20260105T083000\nRRULE:FREQ=WEEKLY;INTERVAL=2", wall(2026, 1, 5, 9, 0), []string{"01-19 08:30", "02-02 08:30", "02-16 08:30"}},
		{"DTSTART:20260105T083000\nRRULE:FREQ=DAILY;COUNT=2", wall(2026, 1, 1, 0, 0), []string{"01-05 08:30", "01-06 08:30"}},
	}
	for _, tt := range tests {
		r, err := reminders.ParseRule(tt.rule)
		if err != nil {
			t.Fatalf("ParseRule(%q): %v", tt.rule, err)
		}
		var got []string
		at := tt.after
		for range 3 {
			next, ok := r.After(at)
			if !ok {
				break
			}
			got = append(got, next.Format("01-02 15:04"))
			at = next
		}
		if strings.Join(got, ", ") != strings.Join(tt.want, ", ") {
			t.Errorf("%q after %s: got %v, want %v", tt.rule, tt.after.Format("01-02 15:04"), got, tt.want)
		}
	}
}

// A rule's occurrences must not depend on how far from DTSTART we ask
// (Rule moves DTSTART forward to save work; this checks it moves nothing).
func TestRuleAfterFarFromStart(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, rule := range []string{
		"DTSTART:20200103T070000\nRRULE:FREQ=DAILY;INTERVAL=3",
		"DTSTART:20200103T070000\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR",
		"DTSTART:20200131T070000\nRRULE:FREQ=MONTHLY;INTERVAL=5",
		"DTSTART:20200229T070000\nRRULE:FREQ=YEARLY",
		"DTSTART:20200101T000000\nRRULE:FREQ=YEARLY;INTERVAL=3;BYMONTH=3;BYDAY=-1SU;BYHOUR=2",
	} {
		r, err := reminders.ParseRule(rule)
		if err != nil {
			t.Fatal(err)
		}
		// The oracle: rrule-go itself, in UTC, from the original DTSTART.
		oracle, err := rrule.StrToRRuleSet(rule)
		if err != nil {
			t.Fatal(err)
		}
		for range 40 {
			after := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(rng.Int64N(int64(10 * 365 * 24 * time.Hour))))
			got, ok := r.After(after)
			want := oracle.After(after, false)
			if wok := !want.IsZero(); ok != wok || !got.Equal(want) {
				t.Fatalf("%q after %s: got %s, want %s", rule, after, got, want)
			}
		}
	}
}
