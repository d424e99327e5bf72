package reminders_test

import (
	"context"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/carebot/carebot"
)

// A snooze is one however "it" is said ("snooze it 10 min", "posponlo"),
// and among polite words ("please snooze", "snooze 10 min please", "pospón
// por favor"); polite words alone are not one (want ""). "remind me later
// to call mom", which names something new to remind of, is a request for
// a reminder (asked when), not a snooze. A snooze far ahead is said with
// its year, as a new reminder's time is.
func TestPatientsSnoozePhrasings(t *testing.T) {
	const hour, tenMin = "again on Wednesday, November 25 at 12:05 PM", "again on Wednesday, November 25 at 11:15 AM"
	const hora, diezMin = "otra vez el miércoles 25 de noviembre a las 12:05", "otra vez el miércoles 25 de noviembre a las 11:15"
	const when, cuando = "When should I remind you?", "¿Cuándo se lo recuerdo?"
	for _, tt := range []struct{ text, want string }{
		{"remind me later to call mom", when},
		{"remind me again later to call mom", when},
		{"please remind me later to call mom", when},
		{"recuérdame más tarde llamar a mamá", cuando},
		{"remind me later", hour},
		{"remind me later 10 min", tenMin},
		{"snooze it", hour},
		{"snooze it 10 min", tenMin},
		{"snooze that for 10 minutes", tenMin},
		{"please snooze it for 10 minutes", tenMin},
		{"snooze this 10 min", tenMin},
		{"posponlo 10 minutos", diezMin},
		{"pospónlo", hora},
		{"pospóngalo", hora},
		{"pospóngalo 10 minutos, por favor", diezMin},
		{"posponerlo 10 minutos", diezMin},
		{"¿puede posponerlo media hora?", "otra vez el miércoles 25 de noviembre a las 11:35"},
		{"snooze it, 10 min", tenMin},
		{"snooze 11 months", "again on Monday, October 25, 2027 at 12:05 PM"},
		{"posponer 11 meses", "otra vez el lunes 25 de octubre de 2027 a las 12:05"},
		{"snooze 9 months", "again on Wednesday, August 25 at 12:05 PM"},
		{"please snooze", hour},
		{"snooze please", hour},
		{"Snooze, please!", hour},
		{"snooze 10 min please", tenMin},
		{"please snooze for 10 minutes", tenMin},
		{"can you please snooze 10 min", tenMin},
		{"snooze 10 min, thanks", tenMin},
		{"please remind me later", hour},
		{"later please", hour},
		{"por favor pospón", hora},
		{"pospón por favor", hora},
		{"posponer 10 minutos por favor", diezMin},
		{"porfa pospón 10 minutos", diezMin},
		{"pospón 10 minutos, gracias", diezMin},
		{"please", ""},
		{"thanks", ""},
		{"y luego", ""}, // "and then?": not polite words before "luego"
	} {
		t.Run(tt.text, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				h := newHarness(wed10(t))
				c := newChat(t, h, "America/New_York", "en")
				c.say("remind me to call the pharmacy at 11am")
				stop := h.start(t)
				defer stop()
				h.runUntil(time.Date(2026, 11, 25, 11, 5, 0, 0, mustZone(t, "America/New_York")))
				if got := c.say(tt.text); tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
					t.Errorf("%q: %q, want %q", tt.text, got, tt.want)
				}
			})
		})
	}
}

// QA: "snooze 1h" under the clinic's reminder of an appointment said
// there was no recent reminder. It now brings that appointment's reminder
// back as one of the patient's own, before the visit, and a second snooze
// moves it rather than adding one.
func TestPatientsSnoozeTheClinicsAppointmentReminder(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx := context.Background()
		ny := mustZone(t, "America/New_York")
		at := func(day, hour, min int) time.Time { return time.Date(2026, 11, day, hour, min, 0, 0, ny) }
		h := newHarness(at(25, 10, 0))
		c := newChat(t, h, "America/New_York", "en")
		h.people.SetConsent("chat:p", carebot.PurposeAppointments, true, h.clock.Now())
		as := appointments(h)
		as.Import(ctx, carebot.Appointment{ID: "A-2", User: "chat:p", At: at(25, 14, 1)}) // its 2-hour reminder: 12:01
		stop := h.start(t)
		defer stop()
		h.runUntil(at(25, 12, 5))
		if sent := h.sender.all(); len(sent) != 1 {
			t.Fatalf("sent %+v, want the appointment's reminder", sent)
		}
		c.expect("snooze 30 min", "OK, I'll remind you again on Wednesday, November 25 at 12:35 PM.")
		c.expect("snooze 1h", "OK, I'll remind you again on Wednesday, November 25 at 1:05 PM.") // moves the first
		c.expect("list my reminders", "1. Wednesday, November 25 at 1:05 PM: your appointment on Wednesday, November 25 at 2:01 PM")
		if got := c.say("list my reminders"); strings.Count(got, "your appointment") != 1 {
			t.Errorf("two snoozes left %q, want one reminder", got)
		}
		c.expect("snooze 2h", "That's after your appointment on Wednesday, November 25 at 2:01 PM")
		h.runUntil(at(25, 13, 10))
		if sent := h.sender.all(); len(sent) != 2 || !strings.Contains(sent[1].Text, "your appointment on Wednesday, November 25 at 2:01 PM") {
			t.Errorf("sent %+v, want the snoozed reminder at 1:05 PM", sent)
		}
		// A cancelled appointment is not snoozed.
		as.Import(ctx, carebot.Appointment{ID: "A-3", User: "chat:p", At: at(26, 14, 0)})
		h.runUntil(at(26, 12, 5))
		c.expect("X", "is cancelled")
		c.expect("snooze 10 min", "There's no recent reminder to snooze.")
	})
}
