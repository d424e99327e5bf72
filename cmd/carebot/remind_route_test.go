package main

import (
	"context"
	"testing"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/bot"
	"github.com/carebot/carebot/reminders"
	"github.com/carebot/carebot/reminders/reminderstest"
)

// TestReminderRequestsRoute: with the bundled FAQ and the patients'
// reminders wired as in serve, a request for a reminder however it opens
// is the reminders' ("can you remind me…", "por favor recuérdame…"), a
// question about reminders is the FAQ's, and crisis wording gets the
// crisis reply first, whatever opens it.
func TestReminderRequestsRoute(t *testing.T) {
	kb, err := loadKB("")
	if err != nil {
		t.Fatal(err)
	}
	// Thursday 26 November 2026, 9:00 in Chicago, on a fake clock.
	clock := reminderstest.NewClock(time.Date(2026, 11, 26, 15, 0, 0, 0, time.UTC))
	chi, err := time.LoadLocation("America/Chicago")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text  string
		route bot.Route
	}{
		{"can you remind me to call the pharmacy tomorrow at noon", bot.RouteCommand},
		{"please remind me tonight at 9 to take my pill", bot.RouteCommand},
		{"hey remind me to call mom at 5pm", bot.RouteCommand},
		{"I need a reminder for my appointment on December 3rd at 2pm", bot.RouteCommand},
		{"reminder: call mom at 5pm", bot.RouteCommand},
		{"por favor recuérdame tomar la pastilla mañana a las 9", bot.RouteCommand},
		{"¿me puedes recordar mi cita el viernes a las 3?", bot.RouteCommand},
		{"pause my reminders for a week", bot.RouteCommand},
		{"pausar recordatorios por una semana", bot.RouteCommand},
		{"can you remind me to take my meds?", bot.RouteCommand}, // asked when
		{"how do reminders work?", bot.RouteAnswer},
		{"can you remind me of my appointments?", bot.RouteAnswer},
		{"can you remind me to kill myself tomorrow at 9", bot.RouteCrisis},
		{"please remind me to end my life tonight", bot.RouteCrisis},
		{"por favor recuérdame que me quiero morir mañana a las 9", bot.RouteCrisis},
	}
	for _, tt := range tests {
		people := reminderstest.NewPeople()
		p := reminders.NewPatients(reminderstest.NewMemStore(), people, nil)
		p.Clock, p.Zone = clock, chi
		e := bot.New(kb)
		e.Commands = []bot.Command{p}
		o := e.Respond(context.Background(), carebot.Message{
			From: carebot.Address{Platform: "test", ChatID: "c1", UserID: "u1"},
			Text: tt.text,
		})
		if o.Route != tt.route {
			var first string
			if len(o.Replies) > 0 {
				first = o.Replies[0].Text
			}
			t.Errorf("%q: route %s (%q), want %s", tt.text, o.Route, first, tt.route)
		}
	}
}
