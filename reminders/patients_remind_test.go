package reminders_test

import (
	"context"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/reminders"
)

// TestPatientsRepeatsAreSent: a weekday reminder comes on weekdays only,
// at its time, and goes on.
func TestPatientsRepeatsAreSent(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		chi := mustZone(t, "America/Chicago")
		h := newHarness(qaNow)
		c := newChat(t, h, "America/Chicago", "en")
		c.expect("remind me to take my pills every weekday at 7am", "every weekday at 7:00 AM")
		c.expect("remind me to call mom twice a day at 8am and 8pm until saturday", "every day at 8:00 AM and 8:00 PM, until Saturday, November 28")
		stop := h.start(t)
		defer stop()
		h.runUntil(time.Date(2026, 12, 2, 12, 0, 0, 0, chi))
		var got []string
		for _, s := range h.sender.all() {
			got = append(got, s.At.In(chi).Format("Mon 15:04 ")+strings.TrimPrefix(s.Text, "⏰ Reminder: "))
		}
		want := []string{
			"Thu 20:00 call mom",
			"Fri 07:00 take my pills", "Fri 08:00 call mom", "Fri 20:00 call mom",
			"Sat 08:00 call mom", "Sat 20:00 call mom",
			"Mon 07:00 take my pills", "Tue 07:00 take my pills", "Wed 07:00 take my pills",
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("sent\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if n := h.store.Pending(); n != 1 {
			t.Errorf("%d reminders pending, want 1: the weekday one goes on, the other ended", n)
		}
	})
}

// TestPatientsListRepeats: the list says each rule as made, and rules
// stored before carebot read repeats (a DTSTART with the time, no BYHOUR)
// or that it did not make read sensibly too.
func TestPatientsListRepeats(t *testing.T) {
	ctx := context.Background()
	h := newHarness(qaNow)
	c := newChat(t, h, "America/Chicago", "en")
	chi := mustZone(t, "America/Chicago")
	for _, s := range []string{
		"remind me to weigh in every other monday at 9",
		"remind me to pay rent on the 1st of every month",
		"remind me to renew every year on dec 3",
		"remind me to water plants every 3 days at 6pm",
		"remind me to walk every 3 weeks on tuesday and saturday at 8am",
		"remind me to take antibiotics every weekday at 7am until dec 15",
	} {
		c.say(s)
	}
	old := func(id, rule string, wall time.Time) carebot.OutboxItem {
		return carebot.OutboxItem{ID: reminders.PatientPrefix(nil, c.u) + id, Kind: carebot.KindPatient, User: c.u, Asked: true, Text: id,
			Rule: rule, Wall: wall, Due: reminders.Resolve(wall, chi), Created: qaNow.Add(-48 * time.Hour)}
	}
	h.store.Schedule(ctx,
		old("old-daily", "DTSTART:20261120T083000\nRRULE:FREQ=DAILY", time.Date(2026, 11, 27, 8, 30, 0, 0, time.UTC)),
		old("old-weekly", "DTSTART:20261120T170000\nRRULE:FREQ=WEEKLY;BYDAY=FR", time.Date(2026, 11, 27, 17, 0, 0, 0, time.UTC)),
		old("staff-style", "FREQ=MONTHLY;BYDAY=1TU;BYHOUR=10", time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)))
	for _, want := range []string{
		". every other Monday at 9:00 AM, starting Monday, November 30: weigh in",
		". on the 1st of every month at 9:00 AM: pay rent",
		". every year on December 3 at 9:00 AM: renew",
		". every 3 days at 6:00 PM (next: Thursday, November 26): water plants",
		". every 3 weeks on Tuesday and Saturday at 8:00 AM, starting Saturday, November 28: walk",
		". every weekday at 7:00 AM, until Tuesday, December 15: take antibiotics",
		". every day at 8:30 AM: old-daily",
		". every Friday at 5:00 PM: old-weekly",
		". repeating (next: Tuesday, December 1 at 10:00 AM): staff-style",
	} {
		c.expect("list my reminders", want)
	}
	for _, want := range []string{
		". cada dos semanas, el lunes a las 09:00, a partir del lunes 30 de noviembre: weigh in",
		". el día 1 de cada mes a las 09:00: pay rent",
		". cada año el 3 de diciembre a las 09:00: renew",
		". cada 3 días a las 18:00 (el próximo: jueves 26 de noviembre): water plants",
		". cada 3 semanas: martes y sábado a las 08:00, a partir del sábado 28 de noviembre: walk",
		". de lunes a viernes a las 07:00, hasta el martes 15 de diciembre: take antibiotics",
		". periódicamente (el próximo: martes 1 de diciembre a las 10:00): staff-style",
	} {
		c.expect("mis recordatorios", want)
	}
}
