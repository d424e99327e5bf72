package reminders_test

import (
	"strings"
	"testing"
	"testing/synctest"
	"time"
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
