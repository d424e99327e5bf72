package reminders_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/carebot/carebot/reminders"
)

// qaNow is the moment QA reproduced the dropped dates and repeats at:
// Thursday 26 November 2026, 14:50 UTC (8:50 in Chicago).
var qaNow = time.Date(2026, 11, 26, 14, 50, 0, 0, time.UTC)

// TestParseWhenDatesAndParts: numeric dates, days of the month and parts
// of the day, each made for the day it names.
func TestParseWhenDatesAndParts(t *testing.T) {
	chi := mustZone(t, "America/Chicago")
	tests := []struct{ text, want string }{
		{"on 12/1 at 3pm", "Tue Dec 1 15:00"},
		{"12/01/2026 at 3pm", "Tue Dec 1 15:00"},
		{"12/1/26 3pm", "Tue Dec 1 15:00"},
		{"25/12 at 9am", "Fri Dec 25 09:00"}, // reads only as day/month
		{"1/2 at 9am", "Sat Jan 2 09:00"},    // month/day, next year's
		{"el 1/12 a las 3", "Tue Dec 1 15:00"},
		{"el 1.12.2026 a las 10", "Tue Dec 1 10:00"},
		{"on the 1st", "Tue Dec 1 09:00"},
		{"on the 1st at 3pm", "Tue Dec 1 15:00"},
		{"the first at noon", "Tue Dec 1 12:00"},
		{"the 26th at 10", "Thu Nov 26 10:00"},
		{"the 26th at 8am", "Sat Dec 26 08:00"}, // today's has passed
		{"the 3rd of december at 2pm", "Thu Dec 3 14:00"},
		{"el día 1 a las 10", "Tue Dec 1 10:00"},
		{"el primero a las 10", "Tue Dec 1 10:00"},
		{"el 15 a las 10", "Tue Dec 15 10:00"},
		{"el 1 de diciembre a las 3", "Tue Dec 1 15:00"},
		{"tomorrow morning", "Fri Nov 27 09:00"},
		{"tomorrow night", "Fri Nov 27 20:00"},
		{"tomorrow evening at 7", "Fri Nov 27 19:00"},
		{"this afternoon", "Thu Nov 26 15:00"},
		{"tonight at 12", "Fri Nov 27 00:00"},
		{"in the morning", "Thu Nov 26 09:00"},
		{"tomorrow in the morning", "Fri Nov 27 09:00"},
		{"at night", "Thu Nov 26 20:00"},
		{"friday night at 10", "Fri Nov 27 22:00"},
		{"esta tarde", "Thu Nov 26 15:00"},
		{"mañana por la noche", "Fri Nov 27 20:00"},
		{"mañana en la mañana a las 7", "Fri Nov 27 07:00"},
		{"half past 3", "Thu Nov 26 15:30"},
		{"quarter to 9", "Fri Nov 27 08:45"},
		{"quarter past 10", "Thu Nov 26 10:15"},
		{"a las 8 y media", "Fri Nov 27 08:30"},
		{"a las 10 y cuarto", "Thu Nov 26 10:15"},
		{"a las 11 menos cuarto", "Thu Nov 26 10:45"},
		{"a las 8 y 20 de la noche", "Thu Nov 26 20:20"},
		{"a las ocho de la noche", "Thu Nov 26 20:00"},
		{"at eight", "Fri Nov 27 08:00"},
		{"3.30pm", "Thu Nov 26 15:30"},
		{"12-01-2026 at 3pm", "Tue Dec 1 15:00"},
		{"tuesday dec 1 at 3pm", "Tue Dec 1 15:00"},
		{"el martes 1 de diciembre a las 3", "Tue Dec 1 15:00"},
		{"tomorrow friday at 9", "Fri Nov 27 09:00"},
		{"2 hours from now", "Thu Nov 26 10:50"},
		{"a week from now", "Thu Dec 3 08:50"},
		{"at 0700", "Fri Nov 27 07:00"},
		{"at 1930", "Thu Nov 26 19:30"},
		{"at 3pm sharp", "Thu Nov 26 15:00"},
		// Not times.
		{"friday dec 1", ""},
		{"12-1", ""}, // "2-3" is an amount
		{"13/13", ""},
		{"the 32nd", ""},
		{"on the 31st of november", ""},
		{"monday and thursday", ""}, // once each, or every week?
		{"starting monday", ""},
		{"every morning at 8pm", ""},
	}
	for _, tt := range tests {
		got, err := reminders.ParseWhen(tt.text, qaNow, chi)
		switch {
		case tt.want == "" && err == nil:
			t.Errorf("ParseWhen(%q): got %s (rule %q), want an error", tt.text, got.At.In(chi).Format("Mon Jan 2 15:04"), got.Rule)
		case tt.want == "":
		case err != nil:
			t.Errorf("ParseWhen(%q): %v, want %s", tt.text, err, tt.want)
		case got.At.In(chi).Format("Mon Jan 2 15:04") != tt.want || !got.Rule.IsZero():
			t.Errorf("ParseWhen(%q): got %s (rule %q), want %s once", tt.text, got.At.In(chi).Format("Mon Jan 2 15:04"), got.Rule, tt.want)
		}
	}
}

// TestParseWhenRepeats: every repeat QA found made once is a rule, and the
// ones carebot cannot keep are errors, never a one-off.
func TestParseWhenRepeats(t *testing.T) {
	chi := mustZone(t, "America/Chicago")
	const (
		today    = "DTSTART:20261126T000000\nRRULE:"
		weekdays = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;"
		at       = ";BYMINUTE=0;BYSECOND=0"
	)
	tests := []struct{ text, first, rule string }{
		{"every night at 10pm", "Thu Nov 26 22:00", today + "FREQ=DAILY;BYHOUR=22" + at},
		{"every night", "Thu Nov 26 20:00", today + "FREQ=DAILY;BYHOUR=20" + at},
		{"nightly at 10", "Thu Nov 26 22:00", today + "FREQ=DAILY;BYHOUR=22" + at},
		{"every night at 12", "Fri Nov 27 00:00", today + "FREQ=DAILY;BYHOUR=0" + at},
		{"every morning at 7", "Fri Nov 27 07:00", today + "FREQ=DAILY;BYHOUR=7" + at},
		{"every day", "Thu Nov 26 09:00", today + "FREQ=DAILY;BYHOUR=9" + at},
		{"each day at 8:15am", "Fri Nov 27 08:15", today + "FREQ=DAILY;BYHOUR=8;BYMINUTE=15;BYSECOND=0"},
		{"mornings at 7", "Fri Nov 27 07:00", today + "FREQ=DAILY;BYHOUR=7" + at},
		{"every weekday at 7am", "Fri Nov 27 07:00", today + weekdays + "BYHOUR=7" + at},
		{"weekdays at 7am", "Fri Nov 27 07:00", today + weekdays + "BYHOUR=7" + at},
		{"on weekdays at 7", "Thu Nov 26 19:00", today + weekdays + "BYHOUR=19" + at}, // clinic hours
		{"every weekday morning at 7", "Fri Nov 27 07:00", today + weekdays + "BYHOUR=7" + at},
		{"monday through friday at 7am", "Fri Nov 27 07:00", today + weekdays + "BYHOUR=7" + at},
		{"mon-fri at 7am", "Fri Nov 27 07:00", today + weekdays + "BYHOUR=7" + at},
		{"every weekend at 10", "Sat Nov 28 10:00", today + "FREQ=WEEKLY;BYDAY=SA,SU;BYHOUR=10" + at},
		{"every monday and thursday", "Thu Nov 26 09:00", today + "FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=9" + at},
		{"every monday and thursday at 6pm", "Thu Nov 26 18:00", today + "FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=18" + at},
		{"mondays and thursdays at 6pm", "Thu Nov 26 18:00", today + "FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=18" + at},
		{"on fridays at 3", "Fri Nov 27 15:00", today + "FREQ=WEEKLY;BYDAY=FR;BYHOUR=15" + at},
		{"every monday, wednesday and friday at 8am", "Fri Nov 27 08:00", today + "FREQ=WEEKLY;BYDAY=MO,WE,FR;BYHOUR=8" + at},
		{"every other day at 8am", "Fri Nov 27 08:00", "DTSTART:20261127T000000\nRRULE:FREQ=DAILY;INTERVAL=2;BYHOUR=8" + at},
		{"every other day at 10am", "Thu Nov 26 10:00", today + "FREQ=DAILY;INTERVAL=2;BYHOUR=10" + at},
		{"every third day at 9", "Thu Nov 26 09:00", today + "FREQ=DAILY;INTERVAL=3;BYHOUR=9" + at},
		{"every 2nd week on monday", "Mon Nov 30 09:00", "DTSTART:20261130T000000\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;BYHOUR=9" + at},
		{"3x a day at 8am, 2pm and 8pm", "Thu Nov 26 14:00", today + "FREQ=DAILY;BYHOUR=8,14,20" + at},
		{"every 3 days at 9", "Thu Nov 26 09:00", today + "FREQ=DAILY;INTERVAL=3;BYHOUR=9" + at},
		{"every two days at 9", "Thu Nov 26 09:00", today + "FREQ=DAILY;INTERVAL=2;BYHOUR=9" + at},
		{"every other monday at 9", "Mon Nov 30 09:00", "DTSTART:20261130T000000\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;BYHOUR=9" + at},
		{"every 2 weeks on friday at 5pm", "Fri Nov 27 17:00", "DTSTART:20261127T000000\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=FR;BYHOUR=17" + at},
		{"twice a day at 8am and 8pm", "Thu Nov 26 20:00", today + "FREQ=DAILY;BYHOUR=8,20" + at},
		{"every day at 8am and 8pm", "Thu Nov 26 20:00", today + "FREQ=DAILY;BYHOUR=8,20" + at},
		{"at 8am and 8pm every day", "Thu Nov 26 20:00", today + "FREQ=DAILY;BYHOUR=8,20" + at},
		{"3 times a day at 8am, 2pm and 8pm", "Thu Nov 26 14:00", today + "FREQ=DAILY;BYHOUR=8,14,20" + at},
		{"twice daily at 9 and 9pm", "Thu Nov 26 09:00", today + "FREQ=DAILY;BYHOUR=9,21" + at},
		{"on the 1st of every month", "Tue Dec 1 09:00", today + "FREQ=MONTHLY;BYMONTHDAY=1;BYHOUR=9" + at},
		{"every month on the 15th at 10am", "Tue Dec 15 10:00", today + "FREQ=MONTHLY;BYMONTHDAY=15;BYHOUR=10" + at},
		{"monthly on the 1st", "Tue Dec 1 09:00", today + "FREQ=MONTHLY;BYMONTHDAY=1;BYHOUR=9" + at},
		{"every 1st of the month at 8am", "Tue Dec 1 08:00", today + "FREQ=MONTHLY;BYMONTHDAY=1;BYHOUR=8" + at},
		{"every year on dec 3", "Thu Dec 3 09:00", today + "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=3;BYHOUR=9" + at},
		{"every year on dec 3 2027", "Fri Dec 3 09:00", "DTSTART:20271203T000000\nRRULE:FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=3;BYHOUR=9" + at},
		{"every month on dec 15", "Tue Dec 15 09:00", today + "FREQ=MONTHLY;BYMONTHDAY=15;BYHOUR=9" + at},
		{"every day at 8am until dec 15", "Fri Nov 27 08:00", today + "FREQ=DAILY;BYHOUR=8" + at + ";UNTIL=20261215T235959"},
		{"every day at 8am for 10 days", "Fri Nov 27 08:00", today + "FREQ=DAILY;BYHOUR=8" + at + ";UNTIL=20261206T235959"},
		{"at 8am for a week", "Fri Nov 27 08:00", today + "FREQ=DAILY;BYHOUR=8" + at + ";UNTIL=20261203T235959"},
		{"every day at 8am starting monday", "Mon Nov 30 08:00", "DTSTART:20261130T000000\nRRULE:FREQ=DAILY;BYHOUR=8" + at},
		{"every monday starting dec 7", "Mon Dec 7 09:00", "DTSTART:20261207T000000\nRRULE:FREQ=WEEKLY;BYDAY=MO;BYHOUR=9" + at},
		// Spanish.
		{"de lunes a viernes a las 7", "Thu Nov 26 19:00", today + weekdays + "BYHOUR=19" + at}, // clinic hours
		{"de lunes a viernes a las 7 de la mañana", "Fri Nov 27 07:00", today + weekdays + "BYHOUR=7" + at},
		{"entre semana a las 7 de la mañana", "Fri Nov 27 07:00", today + weekdays + "BYHOUR=7" + at},
		{"los fines de semana a las 10", "Sat Nov 28 10:00", today + "FREQ=WEEKLY;BYDAY=SA,SU;BYHOUR=10" + at},
		{"todas las noches a las 10", "Thu Nov 26 22:00", today + "FREQ=DAILY;BYHOUR=22" + at},
		{"cada noche a las 10", "Thu Nov 26 22:00", today + "FREQ=DAILY;BYHOUR=22" + at},
		{"todas las mañanas a las 7", "Fri Nov 27 07:00", today + "FREQ=DAILY;BYHOUR=7" + at},
		{"cada mañana", "Thu Nov 26 09:00", today + "FREQ=DAILY;BYHOUR=9" + at},
		{"los lunes y jueves a las 6 de la tarde", "Thu Nov 26 18:00", today + "FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=18" + at},
		{"todos los lunes y jueves a las 9", "Thu Nov 26 09:00", today + "FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=9" + at},
		{"los sábados a las 10", "Sat Nov 28 10:00", today + "FREQ=WEEKLY;BYDAY=SA;BYHOUR=10" + at},
		{"los lunes", "Mon Nov 30 09:00", today + "FREQ=WEEKLY;BYDAY=MO;BYHOUR=9" + at},
		{"cada dos días a las 8", "Fri Nov 27 08:00", "DTSTART:20261127T000000\nRRULE:FREQ=DAILY;INTERVAL=2;BYHOUR=8" + at},
		{"un día sí y otro no a las 10", "Thu Nov 26 10:00", today + "FREQ=DAILY;INTERVAL=2;BYHOUR=10" + at},
		{"día por medio a las 10", "Thu Nov 26 10:00", today + "FREQ=DAILY;INTERVAL=2;BYHOUR=10" + at},
		{"dos veces al día a las 8 y a las 20", "Thu Nov 26 20:00", today + "FREQ=DAILY;BYHOUR=8,20" + at},
		{"el día 1 de cada mes", "Tue Dec 1 09:00", today + "FREQ=MONTHLY;BYMONTHDAY=1;BYHOUR=9" + at},
		{"todos los días a las 8 hasta el 15 de diciembre", "Fri Nov 27 08:00", today + "FREQ=DAILY;BYHOUR=8" + at + ";UNTIL=20261215T235959"},
		{"todos los días a las 8 durante 10 días", "Fri Nov 27 08:00", today + "FREQ=DAILY;BYHOUR=8" + at + ";UNTIL=20261206T235959"},
		{"todos los días a las 8 a partir del lunes", "Mon Nov 30 08:00", "DTSTART:20261130T000000\nRRULE:FREQ=DAILY;BYHOUR=8" + at},
		// Repeats carebot cannot keep: not a time, never a one-off.
		{"twice a day", "", ""},
		{"twice a day at 8am", "", ""},
		{"every week", "", ""},
		{"every month", "", ""},
		{"every 4 hours", "", ""},
		{"every hour", "", ""},
		{"hourly", "", ""},
		{"every monday on the 1st", "", ""},
		{"every other day until yesterday", "", ""},
		{"cada 8 horas", "", ""},
		{"cada semana", "", ""},
	}
	for _, tt := range tests {
		got, err := reminders.ParseWhen(tt.text, qaNow, chi)
		first := got.At.In(chi).Format("Mon Jan 2 15:04")
		switch {
		case tt.first == "" && err == nil:
			t.Errorf("ParseWhen(%q): got %s (rule %q), want an error", tt.text, first, got.Rule)
		case tt.first == "":
		case err != nil:
			t.Errorf("ParseWhen(%q): %v, want %s", tt.text, err, tt.first)
		case first != tt.first || got.Rule.String() != tt.rule:
			t.Errorf("ParseWhen(%q):\n got %s %q\nwant %s %q", tt.text, first, got.Rule, tt.first, tt.rule)
		case !reminders.Floating(got.At, chi).Equal(got.Wall):
			t.Errorf("ParseWhen(%q): wall %s is not the first time %s", tt.text, got.Wall, got.At)
		}
	}
}

// TestParseWhenRepeatsGoOn: a rule's later times are the ones asked for.
func TestParseWhenRepeatsGoOn(t *testing.T) {
	chi := mustZone(t, "America/Chicago")
	tests := []struct {
		text string
		want string // the first five times
	}{
		{"every weekday at 7am", "Fri 27 07:00, Mon 30 07:00, Tue 1 07:00, Wed 2 07:00, Thu 3 07:00"},
		{"every other day at 8am", "Fri 27 08:00, Sun 29 08:00, Tue 1 08:00, Thu 3 08:00, Sat 5 08:00"},
		{"twice a day at 8am and 8pm", "Thu 26 20:00, Fri 27 08:00, Fri 27 20:00, Sat 28 08:00, Sat 28 20:00"},
		{"every other monday at 9", "Mon 30 09:00, Mon 14 09:00, Mon 28 09:00, Mon 11 09:00, Mon 25 09:00"},
		{"every day at 8am until nov 30", "Fri 27 08:00, Sat 28 08:00, Sun 29 08:00, Mon 30 08:00"},
	}
	for _, tt := range tests {
		w, err := reminders.ParseWhen(tt.text, qaNow, chi)
		if err != nil {
			t.Fatalf("ParseWhen(%q): %v", tt.text, err)
		}
		got := []string{w.Wall.Format("Mon 2 15:04")}
		for next, ok := w.Rule.After(w.Wall); ok && len(got) < 5; next, ok = w.Rule.After(next) {
			got = append(got, next.Format("Mon 2 15:04"))
		}
		if s := strings.Join(got, ", "); s != tt.want {
			t.Errorf("ParseWhen(%q) repeats at\n %s\nwant\n %s", tt.text, s, tt.want)
		}
	}
}

// TestParseWhenDateOrder: numeric dates are month/day unless the words
// are Spanish.
func TestParseWhenDateOrder(t *testing.T) {
	chi := mustZone(t, "America/Chicago")
	for _, tt := range []struct{ text, want string }{
		{"on 1/12 at 10", "Tue Jan 12 10:00"},
		{"el 1/12 a las 10", "Tue Dec 1 10:00"},
		{"1/12 10am", "Tue Jan 12 10:00"},
		{"1/12 a las 10", "Tue Dec 1 10:00"},
	} {
		got, err := reminders.ParseWhen(tt.text, qaNow, chi)
		if err != nil || got.At.In(chi).Format("Mon Jan 2 15:04") != tt.want {
			t.Errorf("ParseWhen(%q): got %s, %v, want %s", tt.text, got.At.In(chi).Format("Mon Jan 2 15:04"), err, tt.want)
		}
	}
}

// TestParseWhenSeveralTimes: times a single rule or day cannot hold
// become one reminder each, in order.
func TestParseWhenSeveralTimes(t *testing.T) {
	chi := mustZone(t, "America/Chicago")
	for _, tt := range []struct {
		text string
		want []string // each reminder's first time, and its rule's BYHOUR/BYMINUTE
	}{
		{"every day at 8am and 8:30pm", []string{"Thu Nov 26 20:30 BYHOUR=20;BYMINUTE=30", "Fri Nov 27 08:00 BYHOUR=8;BYMINUTE=0"}},
		{"twice a day at 8am and 8:30pm", []string{"Thu Nov 26 20:30 BYHOUR=20;BYMINUTE=30", "Fri Nov 27 08:00 BYHOUR=8;BYMINUTE=0"}},
		{"every day at 8am, 2pm and 8:30pm", []string{"Thu Nov 26 14:00 BYHOUR=8,14;BYMINUTE=0", "Thu Nov 26 20:30 BYHOUR=20;BYMINUTE=30"}},
		{"tomorrow at 8am and 8pm", []string{"Fri Nov 27 08:00", "Fri Nov 27 20:00"}},
		{"at 8am and 8pm", []string{"Thu Nov 26 20:00", "Fri Nov 27 08:00"}},
		{"every day at 8am and 8pm", []string{"Thu Nov 26 20:00 BYHOUR=8,20;BYMINUTE=0"}},
		// Each time with its own am, pm or part of the day.
		{"every day at 8 am and 8 pm", []string{"Thu Nov 26 20:00 BYHOUR=8,20;BYMINUTE=0"}},
		{"twice a day at 8 am and 8 pm", []string{"Thu Nov 26 20:00 BYHOUR=8,20;BYMINUTE=0"}},
		{"tomorrow at 9 am and 5:30 pm", []string{"Fri Nov 27 09:00", "Fri Nov 27 17:30"}},
		{"every day at 8 in the morning and 8:30 at night", []string{"Thu Nov 26 20:30 BYHOUR=20;BYMINUTE=30", "Fri Nov 27 08:00 BYHOUR=8;BYMINUTE=0"}},
		{"todos los días a las 8 de la mañana y a las 8:30 de la noche", []string{"Thu Nov 26 20:30 BYHOUR=20;BYMINUTE=30", "Fri Nov 27 08:00 BYHOUR=8;BYMINUTE=0"}},
		{"todos los días a las 8 am y 8 pm", []string{"Thu Nov 26 20:00 BYHOUR=8,20;BYMINUTE=0"}},
		{"mañana a las 9 de la mañana y a las 5 de la tarde", []string{"Fri Nov 27 09:00", "Fri Nov 27 17:00"}},
	} {
		w, err := reminders.ParseWhen(tt.text, qaNow, chi)
		if err != nil {
			t.Errorf("ParseWhen(%q): %v", tt.text, err)
			continue
		}
		var got []string
		for _, one := range w.All() {
			s := one.At.In(chi).Format("Mon Jan 2 15:04")
			if r := one.Rule.String(); r != "" {
				_, by, _ := strings.Cut(r, "BYHOUR")
				s += " BYHOUR" + strings.TrimSuffix(by, ";BYSECOND=0")
			}
			got = append(got, s)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("ParseWhen(%q):\n got  %q\n want %q", tt.text, got, tt.want)
		}
	}
	if _, err := reminders.ParseWhen("today at 8am and 8pm", qaNow, chi); err == nil {
		t.Errorf("today at 8am and 8pm, with 8am passed: want an error, not the 8pm alone")
	}
}
