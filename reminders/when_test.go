package reminders_test

import (
	"testing"
	"time"

	"github.com/carebot/carebot/reminders"
)

func TestParseWhen(t *testing.T) {
	ny := mustZone(t, "America/New_York")
	// Wednesday 25 November 2026, 10:00 in New York.
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, ny)
	tests := []struct {
		text string
		want string // on the patient's clock; "" means not a time
		rule string // the rule of a repeating time
	}{
		{"friday 3pm", "Fri Nov 27 15:00", ""},
		{"Friday at 3 PM", "Fri Nov 27 15:00", ""},
		{"fri 3:30p.m.", "Fri Nov 27 15:30", ""},
		{"tomorrow at 9", "Thu Nov 26 09:00", ""},
		{"tomorrow 9am", "Thu Nov 26 09:00", ""},
		{"tomorrow", "Thu Nov 26 09:00", ""},
		{"el lunes a las 10", "Mon Nov 30 10:00", ""},
		{"lunes a las 4 de la tarde", "Mon Nov 30 16:00", ""},
		{"mañana a las 9", "Thu Nov 26 09:00", ""},
		{"mañana a las 9 de la mañana", "Thu Nov 26 09:00", ""},
		{"pasado mañana a las 8:15", "Fri Nov 27 08:15", ""},
		{"dec 3 14:30", "Thu Dec 3 14:30", ""},
		{"December 3rd at 2:30pm", "Thu Dec 3 14:30", ""},
		{"3 de diciembre a las 14:30", "Thu Dec 3 14:30", ""},
		{"el 3 de diciembre", "Thu Dec 3 09:00", ""},
		{"jan 5", "Tue Jan 5 09:00", ""},   // next year's
		{"may 20", "Thu May 20 09:00", ""}, // over six months ago: next year's
		{"mañana al mediodía", "Thu Nov 26 12:00", ""},
		{"el viernes al mediodía", "Fri Nov 27 12:00", ""},
		{"2026-12-24 18:00", "Thu Dec 24 18:00", ""},
		{"in 2 hours", "Wed Nov 25 12:00", ""},
		{"in an hour", "Wed Nov 25 11:00", ""},
		{"in half an hour", "Wed Nov 25 10:30", ""},
		{"in 90 min", "Wed Nov 25 11:30", ""},
		{"in 2h", "Wed Nov 25 12:00", ""},
		{"en 2 horas", "Wed Nov 25 12:00", ""},
		{"en media hora", "Wed Nov 25 10:30", ""},
		{"dentro de una hora y media", "Wed Nov 25 11:30", ""},
		{"in 3 days", "Sat Nov 28 10:00", ""},
		{"in 1 hour and 30 minutes", "Wed Nov 25 11:30", ""},
		{"in 2 hours 30 minutes", "Wed Nov 25 12:30", ""},
		{"in 1.5 hours", "Wed Nov 25 11:30", ""},
		{"in 1.5h", "Wed Nov 25 11:30", ""},
		{"en 1,5 horas", "Wed Nov 25 11:30", ""},
		{"in 1,5h", "Wed Nov 25 11:30", ""},
		{"in 1,2,3 hours", "", ""},
		// A comma between an hour and its minutes after "at", "a las":
		// a time.
		{"a las 8,30", "Thu Nov 26 08:30", ""},
		{"a las 20,15", "Wed Nov 25 20:15", ""},
		{"at 8,30", "Thu Nov 26 08:30", ""},
		{"at 8,30pm", "Wed Nov 25 20:30", ""},
		{"a la 1,30", "Wed Nov 25 13:30", ""},
		{"a las 8,30 y 20,15", "Wed Nov 25 20:15", ""},
		{"a las 8,12 y 20", "", ""}, // 8, 12 and 20, or 8:12 and 20?
		{"a las 8,15 y 20,30", "Wed Nov 25 20:30", ""},
		{"a las 8,30,45", "", ""},
		{"a las 8,5", "", ""},
		{"at 8,75", "", ""},
		{"in 1h30", "Wed Nov 25 11:30", ""},
		{"in one and a half hours", "Wed Nov 25 11:30", ""},
		{"in 2 hours and a half", "Wed Nov 25 12:30", ""},
		{"en 2 horas y 15 minutos", "Wed Nov 25 12:15", ""},
		{"en una hora y media", "Wed Nov 25 11:30", ""},
		{"in 2 weeks and 3 days", "Sat Dec 12 10:00", ""},
		{"1 hour 30 minutes from now", "Wed Nov 25 11:30", ""},
		{"in 6 months", "Tue May 25 10:00", ""},
		{"en un año y medio", "Thu May 25 10:00", ""},
		{"in 500 days", "Sat Apr 8 10:00", ""}, // within two years; the same time of day, after a change of clocks
		{"in 1.5 days", "Thu Nov 26 22:00", ""},
		{"at 3pm", "Wed Nov 25 15:00", ""},
		{"at 9", "Thu Nov 26 09:00", ""}, // 9:00 today has passed
		{"noon", "Wed Nov 25 12:00", ""},
		{"a mediodía", "Wed Nov 25 12:00", ""},
		{"tonight", "Wed Nov 25 20:00", ""},
		{"tonight at 8", "Wed Nov 25 20:00", ""},
		{"esta noche a las 9", "Wed Nov 25 21:00", ""},
		{"wednesday 9am", "Wed Dec 2 09:00", ""}, // today's has passed
		{"wednesday 4pm", "Wed Nov 25 16:00", ""},
		{"next wednesday 4pm", "Wed Dec 2 16:00", ""},
		{"next friday at 3", "Fri Nov 27 15:00", ""},
		{"on friday at noon", "Fri Nov 27 12:00", ""},
		{"at 10 next monday", "Mon Nov 30 10:00", ""},
		{"next", "", ""},
		{"el viernes que viene a las 3", "Fri Nov 27 15:00", ""},
		{"every day at 8am", "Thu Nov 26 08:00", "FREQ=DAILY"},
		{"daily at 20:00", "Wed Nov 25 20:00", "FREQ=DAILY"},
		{"todos los días a las 8", "Thu Nov 26 08:00", "FREQ=DAILY"},
		{"every monday at 9", "Mon Nov 30 09:00", "FREQ=WEEKLY;BYDAY=MO"},
		{"cada lunes a las 10", "Mon Nov 30 10:00", "FREQ=WEEKLY;BYDAY=MO"},
		{"todos los sábados", "Sat Nov 28 09:00", "FREQ=WEEKLY;BYDAY=SA"},
		// Not times, or not whole times.
		{"", "", ""},
		{"take 2", "", ""},
		{"friday friday", "", ""},
		{"feb 30", "", ""},
		{"at 25", "", ""},
		{"13pm", "", ""},
		{"in 2 hours tomorrow", "", ""},
		{"in 2 hours and 3 days", "", ""}, // each part smaller than the last, or it is not one length
		{"in 3 years", "", ""},
		{"in 0 hours", "", ""},
		{"call mom", "", ""},
		{"today at 8am", "", ""},  // passed
		{"nov 20 at 3pm", "", ""}, // five days ago: a slip, not next year
		{"11/20", "", ""},
		{"el 20 de noviembre", "", ""},
	}
	for _, tt := range tests {
		got, err := reminders.ParseWhen(tt.text, now, ny)
		if tt.want == "" {
			if err == nil {
				t.Errorf("ParseWhen(%q): got %s, want an error", tt.text, got.At.In(ny).Format("Mon Jan 2 15:04"))
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseWhen(%q): %v, want %s", tt.text, err, tt.want)
			continue
		}
		if s := got.At.In(ny).Format("Mon Jan 2 15:04"); s != tt.want {
			t.Errorf("ParseWhen(%q): got %s, want %s", tt.text, s, tt.want)
		}
		if r := got.Rule.String(); tt.rule == "" && r != "" || tt.rule != "" && !containsStr(r, tt.rule) {
			t.Errorf("ParseWhen(%q): rule %q, want %q", tt.text, r, tt.rule)
		}
	}
}

func containsStr(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

func FuzzParseWhen(f *testing.F) {
	for _, s := range []string{"friday 3pm", "tomorrow at 9", "el lunes a las 10", "dec 3 14:30", "in 2 hours",
		"every day at 8am", "cada lunes a las 10", "en media hora", "en 1,5 horas", "3 de diciembre", "2026-02-29", "next fri 12am"} {
		f.Add(s, int64(0))
	}
	zones := []*time.Location{mustZone(f, "America/New_York"), mustZone(f, "Australia/Lord_Howe"), mustZone(f, "Europe/London")}
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, text string, offset int64) {
		now := base.Add(time.Duration(offset % int64(3*365*24*time.Hour)))
		loc := zones[uint64(offset)%3]
		got, err := reminders.ParseWhen(text, now, loc)
		if err != nil {
			return
		}
		if !got.At.After(now) {
			t.Fatalf("ParseWhen(%q) at %s: %s is not in the future", text, now, got.At)
		}
		if got.At.After(now.AddDate(2, 0, 1)) {
			t.Fatalf("ParseWhen(%q) at %s: %s is too far", text, now, got.At)
		}
		if back := reminders.Resolve(got.Wall, loc); !back.Equal(got.At) && got.Rule.IsZero() {
			t.Fatalf("ParseWhen(%q): wall %s resolves to %s, not %s", text, got.Wall, back, got.At)
		}
	})
}
