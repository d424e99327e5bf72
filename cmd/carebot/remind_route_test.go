package main

import (
	"context"
	"fmt"
	"strings"
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

// TestRequestsBesideAQuestion: a reminder asked for beside a question,
// another request or thanks is made, and the question is answered, the
// replies in the order asked. Read whole, these were one reminder whose
// text held the question, "I couldn't tell when", or the FAQ's answer
// with no reminder made.
func TestRequestsBesideAQuestion(t *testing.T) {
	kb, err := loadKB("")
	if err != nil {
		t.Fatal(err)
	}
	clock := reminderstest.NewClock(time.Date(2026, 11, 26, 15, 0, 0, 0, time.UTC)) // 9:00 in Chicago
	chi, err := time.LoadLocation("America/Chicago")
	if err != nil {
		t.Fatal(err)
	}
	const hours = "We're open Monday through Friday"
	tests := []struct {
		text  string
		route bot.Route
		// replies: each reply's start, in order; list: "list my reminders" after
		replies []string
		list    []string
	}{
		{"remind me to take my pill at 8pm. also what are your hours?", bot.RouteAnswer,
			[]string{"OK, I'll remind you on Thursday, November 26 at 8:00 PM: take your pill", hours},
			[]string{"Thursday, November 26 at 8:00 PM: take your pill"}},
		{"what time do you open? can you remind me friday at 9am to call", bot.RouteAnswer,
			[]string{hours, "OK, I'll remind you on Friday, November 27 at 9:00 AM: call"},
			[]string{"Friday, November 27 at 9:00 AM: call"}},
		{"remind me to take my pill at 8pm and what are your hours?", bot.RouteAnswer,
			[]string{"OK, I'll remind you on Thursday, November 26 at 8:00 PM: take your pill", hours},
			[]string{"Thursday, November 26 at 8:00 PM: take your pill"}},
		{"recuérdame tomar la pastilla a las 8 de la noche. ¿a qué hora abren?", bot.RouteAnswer,
			[]string{"Listo, le recordaré el jueves 26 de noviembre a las 20:00: tomar la pastilla", "Abrimos de lunes a viernes"},
			[]string{"Thursday, November 26 at 8:00 PM: tomar la pastilla"}},
		{"remind me to call mom at 3pm. also remind me to walk at 5pm", bot.RouteCommand,
			[]string{"OK, I'll remind you on Thursday, November 26 at 3:00 PM: call mom", "OK, I'll remind you on Thursday, November 26 at 5:00 PM: walk"},
			[]string{"Thursday, November 26 at 3:00 PM: call mom", "Thursday, November 26 at 5:00 PM: walk"}},
		{"remind me to call mom tomorrow at 3pm. thanks!", bot.RouteCommand,
			[]string{"OK, I'll remind you on Friday, November 27 at 3:00 PM: call mom"},
			[]string{"Friday, November 27 at 3:00 PM: call mom"}},
		// A statement beside it is context, unless an entry is sure of it.
		{"my son is 12. remind me to call at 3pm", bot.RouteCommand,
			[]string{"OK, I'll remind you on Thursday, November 26 at 3:00 PM: call"},
			[]string{"Thursday, November 26 at 3:00 PM: call"}},
		// One piece, or no request that says when: whole, as before.
		{"remind me to call Dr. Smith at 3pm", bot.RouteCommand,
			[]string{"OK, I'll remind you on Thursday, November 26 at 3:00 PM: call Dr Smith"},
			[]string{"Thursday, November 26 at 3:00 PM: call Dr Smith"}},
		{"can you remind me about my appointments? what are your hours?", bot.RouteAnswer, nil, nil},
	}
	for _, tt := range tests {
		people := reminderstest.NewPeople()
		p := reminders.NewPatients(reminderstest.NewMemStore(), people, nil)
		p.Clock, p.Zone = clock, chi
		e := bot.New(kb)
		e.Users = people
		e.Commands = []bot.Command{p}
		from := carebot.Address{Platform: "test", ChatID: "c1", UserID: "u1"}
		// A first message gets the welcome before its answer; these are
		// not first.
		e.Respond(t.Context(), carebot.Message{From: from, Text: "hi"})
		o := e.Respond(t.Context(), carebot.Message{From: from, Text: tt.text})
		if o.Route != tt.route {
			t.Errorf("%q: route %s, want %s", tt.text, o.Route, tt.route)
		}
		if tt.replies == nil {
			continue
		}
		var got []string
		for _, r := range o.Replies {
			got = append(got, r.Text)
		}
		if len(got) != len(tt.replies) {
			t.Errorf("%q: %d replies %q, want %d", tt.text, len(got), got, len(tt.replies))
			continue
		}
		for i, want := range tt.replies {
			if !strings.HasPrefix(got[i], want) {
				t.Errorf("%q: reply %d is %q, want it to start %q", tt.text, i, got[i], want)
			}
		}
		l := e.Respond(t.Context(), carebot.Message{From: from, Text: "list my reminders"})
		for i, want := range tt.list {
			if len(l.Replies) != 1 || !strings.Contains(l.Replies[0].Text, fmt.Sprintf("%d. %s", i+1, want)) {
				t.Errorf("%q: the list %v lacks %q", tt.text, l.Replies, want)
			}
		}
	}
}

// TestCancelDeclinesTheQuestion: wired as in serve, CANCEL (or CANCELAR)
// in answer to "When should I remind you?" or "Until when?" drops that
// request and says how to stop every message; it opts out of nothing (QA:
// the patient was unsubscribed from everything). Unasked, it still opts
// out.
func TestCancelDeclinesTheQuestion(t *testing.T) {
	kb, err := loadKB("")
	if err != nil {
		t.Fatal(err)
	}
	clock := reminderstest.NewClock(time.Date(2026, 11, 26, 15, 0, 0, 0, time.UTC))
	for _, tt := range []struct{ ask, cancel, want string }{
		{"remind me to take my meds", "cancel", "OK, I won't set that reminder."},
		{"remind me to take my meds", "CANCEL please", "OK, I won't set that reminder."},
		{"pause my reminders", "cancel", "OK, your reminders stay on."},
		{"recuérdame tomar mi pastilla", "cancelar", "De acuerdo, no crearé ese recordatorio."},
	} {
		people := reminderstest.NewPeople()
		p := reminders.NewPatients(reminderstest.NewMemStore(), people, nil)
		p.Clock = clock
		e := bot.New(kb)
		e.Users = people
		e.Commands = []bot.Command{p}
		from := carebot.Address{Platform: "test", ChatID: "c1", UserID: "u1"}
		e.Respond(t.Context(), carebot.Message{From: from, Text: "hi"})
		e.Respond(t.Context(), carebot.Message{From: from, Text: tt.ask})
		o := e.Respond(t.Context(), carebot.Message{From: from, Text: tt.cancel})
		if o.Route != bot.RouteCommand || len(o.Replies) != 2 || o.Replies[0].Text != tt.want || !strings.Contains(o.Replies[1].Text, "STOP") {
			t.Errorf("%q, then %q: %s %+v, want %q and how to stop every message", tt.ask, tt.cancel, o.Route, o.Replies, tt.want)
		}
		if o := e.Respond(t.Context(), carebot.Message{From: from, Text: tt.cancel}); o.Route != bot.RouteOptOut {
			t.Errorf("%q unasked: %s, want an opt-out", tt.cancel, o.Route)
		}
	}
}
