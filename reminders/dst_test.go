package reminders_test

import (
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/reminders"
)

// repeating is a patient's repeating reminder as self-service makes it:
// its first occurrence after start, on the patient's clock.
func repeating(t *testing.T, user, rule string, start time.Time, loc *time.Location) carebot.OutboxItem {
	t.Helper()
	r, err := reminders.ParseRule(rule)
	if err != nil {
		t.Fatalf("ParseRule(%q): %v", rule, err)
	}
	first, ok := r.After(reminders.Floating(start, loc))
	if !ok {
		t.Fatalf("%q has no occurrence after %s", rule, start)
	}
	due := reminders.Resolve(first, loc)
	return carebot.OutboxItem{ID: reminders.PatientPrefix(nil, user) + "0000000000000001", Kind: carebot.KindPatient, User: user,
		Purpose: carebot.PurposeAppointments, Asked: true, Text: "take the pills", Rule: rule,
		Wall: first, Due: due, Expires: due.Add(reminders.PatientLate), Created: start}
}

// TestRepeatingAcrossDST runs daily and weekly reminders through the
// Dispatcher on a fake clock across both daylight-saving transitions of
// four zones, and lists every firing on the patient's clock: nothing
// missed, nothing doubled, nothing shifted by an hour.
func TestRepeatingAcrossDST(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 12, 0, 0, 0, time.UTC) }
	tests := []struct {
		name, zone, rule string
		from, to         time.Time
		want             string
	}{
		{"NY spring, daily in the gap", "America/New_York", "FREQ=DAILY;BYHOUR=2;BYMINUTE=30", day(2026, 3, 5), day(2026, 3, 10),
			"03-06 02:30 EST, 03-07 02:30 EST, 03-08 03:00 EDT, 03-09 02:30 EDT, 03-10 02:30 EDT"},
		{"NY fall, daily in the repeated hour", "America/New_York", "FREQ=DAILY;BYHOUR=1;BYMINUTE=30", day(2026, 10, 30), day(2026, 11, 3),
			"10-31 01:30 EDT, 11-01 01:30 EDT, 11-02 01:30 EST, 11-03 01:30 EST"},
		{"NY spring, daily at 9", "America/New_York", "FREQ=DAILY;BYHOUR=9", day(2026, 3, 6), day(2026, 3, 9),
			"03-06 09:00 EST, 03-07 09:00 EST, 03-08 09:00 EDT, 03-09 09:00 EDT"},
		{"NY fall, daily at 9", "America/New_York", "FREQ=DAILY;BYHOUR=9", day(2026, 10, 30), day(2026, 11, 2),
			"10-30 09:00 EDT, 10-31 09:00 EDT, 11-01 09:00 EST, 11-02 09:00 EST"},
		{"NY spring, weekly on Sunday in the gap", "America/New_York", "FREQ=WEEKLY;BYDAY=SU;BYHOUR=2;BYMINUTE=30", day(2026, 2, 27), day(2026, 3, 16),
			"03-01 02:30 EST, 03-08 03:00 EDT, 03-15 02:30 EDT"},
		{"NY fall, weekly on Sunday in the repeated hour", "America/New_York", "FREQ=WEEKLY;BYDAY=SU;BYHOUR=1;BYMINUTE=30", day(2026, 10, 24), day(2026, 11, 9),
			"10-25 01:30 EDT, 11-01 01:30 EDT, 11-08 01:30 EST"},
		{"London spring, daily in the gap", "Europe/London", "FREQ=DAILY;BYHOUR=1;BYMINUTE=30", day(2026, 3, 27), day(2026, 3, 30),
			"03-28 01:30 GMT, 03-29 02:00 BST, 03-30 01:30 BST"},
		{"London fall, daily in the repeated hour", "Europe/London", "FREQ=DAILY;BYHOUR=1;BYMINUTE=30", day(2026, 10, 23), day(2026, 10, 26),
			"10-24 01:30 BST, 10-25 01:30 BST, 10-26 01:30 GMT"},
		{"London, weekly on Sunday at 9", "Europe/London", "FREQ=WEEKLY;BYDAY=SU;BYHOUR=9", day(2026, 3, 20), day(2026, 4, 6),
			"03-22 09:00 GMT, 03-29 09:00 BST, 04-05 09:00 BST"},
		{"Sydney spring, daily in the gap", "Australia/Sydney", "FREQ=DAILY;BYHOUR=2;BYMINUTE=30", day(2026, 10, 2), day(2026, 10, 5),
			"10-03 02:30 AEST, 10-04 03:00 AEDT, 10-05 02:30 AEDT, 10-06 02:30 AEDT"},
		{"Sydney fall, daily in the repeated hour", "Australia/Sydney", "FREQ=DAILY;BYHOUR=2;BYMINUTE=30", day(2026, 4, 2), day(2026, 4, 5),
			"04-03 02:30 AEDT, 04-04 02:30 AEDT, 04-05 02:30 AEDT, 04-06 02:30 AEST"},
		{"Sydney fall, weekly on Sunday at 8", "Australia/Sydney", "FREQ=WEEKLY;BYDAY=SU;BYHOUR=8", day(2026, 3, 27), day(2026, 4, 13),
			"03-29 08:00 AEDT, 04-05 08:00 AEST, 04-12 08:00 AEST"},
		{"Lord Howe spring, daily in the half-hour gap", "Australia/Lord_Howe", "FREQ=DAILY;BYHOUR=2;BYMINUTE=15", day(2026, 10, 2), day(2026, 10, 5),
			"10-03 02:15 +1030, 10-04 02:30 +11, 10-05 02:15 +11, 10-06 02:15 +11"},
		{"Lord Howe fall, daily in the repeated half hour", "Australia/Lord_Howe", "FREQ=DAILY;BYHOUR=1;BYMINUTE=45", day(2026, 4, 2), day(2026, 4, 5),
			"04-03 01:45 +11, 04-04 01:45 +11, 04-05 01:45 +11, 04-06 01:45 +1030"},
		{"Lord Howe spring, weekly on Sunday in the gap", "Australia/Lord_Howe", "FREQ=WEEKLY;BYDAY=SU;BYHOUR=2;BYMINUTE=15", day(2026, 9, 25), day(2026, 10, 12),
			"09-27 02:15 +1030, 10-04 02:30 +11, 10-11 02:15 +11"},
		{"Lord Howe fall, daily at 9", "Australia/Lord_Howe", "FREQ=DAILY;BYHOUR=9", day(2026, 4, 3), day(2026, 4, 6),
			"04-04 09:00 +11, 04-05 09:00 +1030, 04-06 09:00 +1030, 04-07 09:00 +1030"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				loc := mustZone(t, tt.zone)
				h := newHarness(tt.from)
				h.person("chat:p", tt.zone, "en")
				h.schedule(t, repeating(t, "chat:p", tt.rule, tt.from, loc))
				stop := h.start(t)
				h.runUntil(tt.to.Add(12 * time.Hour)) // to the end of the day in every zone here
				stop()
				var got []string
				for _, s := range h.sender.all() {
					got = append(got, s.At.In(loc).Format("01-02 15:04 MST"))
				}
				if g := strings.Join(got, ", "); g != tt.want {
					t.Errorf("firings:\n got  %s\n want %s", g, tt.want)
				}
			})
		})
	}
}

// A repeating reminder after downtime skips what it missed by more than
// PatientLate and goes on: no burst of old reminders.
func TestRepeatingAfterDowntime(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ny := mustZone(t, "America/New_York")
		start := time.Date(2026, 11, 20, 12, 0, 0, 0, ny)
		h := newHarness(start)
		h.person("chat:p", "America/New_York", "en")
		h.schedule(t, repeating(t, "chat:p", "FREQ=DAILY;BYHOUR=8", start, ny))
		// The bot was down from the 20th at noon to the 24th at 8:30.
		h.clock.Set(time.Date(2026, 11, 24, 8, 30, 0, 0, ny))
		stop := h.start(t)
		h.runUntil(time.Date(2026, 11, 25, 12, 0, 0, 0, ny))
		stop()
		var got []string
		for _, s := range h.sender.all() {
			got = append(got, s.At.In(ny).Format("01-02 15:04"))
		}
		if g, want := strings.Join(got, ", "), "11-24 08:30, 11-25 08:00"; g != want {
			t.Errorf("firings after downtime: got %s, want %s (the 21st to 23rd missed, the 24th half an hour late)", g, want)
		}
		if o := h.outcomes(t, "self/")[reminders.PatientPrefix(nil, "chat:p")+"0000000000000001"]; o.Result != carebot.ResultSent {
			t.Errorf("last outcome %+v, want sent", o)
		}
	})
}

// A patient's one-off reminder is sent up to PatientLate late after
// downtime, and dropped after that.
func TestOneOffAfterDowntime(t *testing.T) {
	for _, tt := range []struct {
		down time.Duration
		want carebot.Result
	}{{30 * time.Minute, carebot.ResultSent}, {reminders.PatientLate + time.Minute, carebot.ResultExpired}} {
		t.Run(tt.down.String()+" late", func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				h := newHarness(noon)
				h.person("chat:p", "America/New_York", "en")
				it := carebot.OutboxItem{ID: reminders.PatientPrefix(nil, "chat:p") + "one", Kind: carebot.KindPatient, User: "chat:p",
					Purpose: carebot.PurposeAppointments, Asked: true, Text: "call the pharmacy", Due: noon.Add(time.Hour),
					Wall: reminders.Floating(noon.Add(time.Hour), mustZone(t, "America/New_York")), Expires: noon.Add(time.Hour + reminders.PatientLate), Created: noon}
				h.schedule(t, it)
				h.clock.Set(noon.Add(time.Hour + tt.down)) // the bot comes back late
				stop := h.start(t)
				h.runUntil(noon.Add(5 * time.Hour))
				stop()
				if got := h.outcomes(t, "self/")[it.ID].Result; got != tt.want {
					t.Errorf("%s late: got %q, want %q", tt.down, got, tt.want)
				}
			})
		})
	}
}
