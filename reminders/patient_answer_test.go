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

// reply sends text (or a button's payload) and returns the whole reply,
// buttons and all; ok is false when self-service says it is not its
// business.
func (c *chat) reply(text string) (carebot.Reply, bool) {
	c.t.Helper()
	u, _ := c.h.people.User(context.Background(), c.u)
	m := carebot.Message{From: u.DM, Text: text, At: c.h.clock.Now()}
	if strings.HasPrefix(text, "appt:") || strings.HasPrefix(text, "rem:") {
		m.Text, m.Payload = "", text
	}
	replies, ok, err := c.p.Handle(context.Background(), m, u)
	if err != nil {
		c.t.Fatalf("Handle(%q): %v", text, err)
	}
	if !ok {
		return carebot.Reply{}, false
	}
	if len(replies) != 1 || !replies[0].Private {
		c.t.Fatalf("Handle(%q): replies %+v, want one private reply", text, replies)
	}
	return replies[0], true
}

func payloads(r carebot.Reply) string {
	var ps []string
	for _, b := range r.Buttons {
		ps = append(ps, b.Payload)
	}
	return strings.Join(ps, " ")
}

// A typed C, X or R answers the appointment of the latest reminder the
// patient got, never merely the soonest one; when that appointment can no
// longer be answered, the patient is told so and asked, never answered for
// another.
func TestPatientsTypedAnswerIsForTheRemindedAppointment(t *testing.T) {
	ny := mustZone(t, "America/New_York")
	at := func(day, hour, min int) time.Time { return time.Date(2026, 11, day, hour, min, 0, 0, ny) }
	tests := []struct {
		name string
		// after the reminder of A-2 was sent
		then      func(t *testing.T, h *harness, as *reminders.Appointments)
		typed     string
		want      []string
		wantBtns  string // payloads of the buttons offered
		wantState map[string]carebot.AppointmentStatus
		wantResp  map[string]carebot.AppointmentResponse
	}{
		{name: "X answers the reminded appointment, not the sooner one",
			typed: "X", want: []string{"Your appointment on Wednesday, November 25 at 12:01 PM is cancelled", "To reach us"},
			wantState: map[string]carebot.AppointmentStatus{"A-1": carebot.AppointmentBooked, "A-2": carebot.AppointmentCancelled},
			wantResp:  map[string]carebot.AppointmentResponse{"A-1": "", "A-2": carebot.ResponseCancelled}},
		{name: "C in Spanish",
			typed: "confirmo", want: []string{"su cita del miércoles 25 de noviembre a las 12:01 está confirmada"},
			wantState: map[string]carebot.AppointmentStatus{"A-1": carebot.AppointmentBooked, "A-2": carebot.AppointmentBooked},
			wantResp:  map[string]carebot.AppointmentResponse{"A-1": "", "A-2": carebot.ResponseConfirmed}},
		{name: "the clinic cancelled it since",
			then:  func(t *testing.T, h *harness, as *reminders.Appointments) { as.Cancel(context.Background(), "A-2") },
			typed: "C", want: []string{"Your appointment on Wednesday, November 25 at 12:01 PM is already cancelled.",
				"Do you mean your appointment on Wednesday, November 25 at 11:00 AM (Main St)? Press it below to confirm it."},
			wantBtns:  "appt:c:A-1",
			wantState: map[string]carebot.AppointmentStatus{"A-1": carebot.AppointmentBooked, "A-2": carebot.AppointmentCancelled},
			wantResp:  map[string]carebot.AppointmentResponse{"A-1": "", "A-2": ""}},
		{name: "it moved since",
			then: func(t *testing.T, h *harness, as *reminders.Appointments) {
				as.Import(context.Background(), carebot.Appointment{ID: "A-2", User: "chat:p", At: at(26, 12, 1)})
			},
			typed: "X", want: []string{"Your appointment on Wednesday, November 25 at 12:01 PM has moved to Thursday, November 26 at 12:01 PM.",
				"Which appointment do you mean? Press one below to cancel it."},
			wantBtns:  "appt:x:A-1 appt:x:A-2",
			wantState: map[string]carebot.AppointmentStatus{"A-1": carebot.AppointmentBooked, "A-2": carebot.AppointmentBooked},
			wantResp:  map[string]carebot.AppointmentResponse{"A-1": "", "A-2": ""}},
		{name: "it is over",
			then:  func(t *testing.T, h *harness, as *reminders.Appointments) { h.runUntil(at(25, 12, 30)) },
			typed: "R", want: []string{"Your appointment on Wednesday, November 25 at 12:01 PM has already passed.", "To reach us: call (555) 010-2030."},
			wantState: map[string]carebot.AppointmentStatus{"A-1": carebot.AppointmentBooked, "A-2": carebot.AppointmentBooked},
			wantResp:  map[string]carebot.AppointmentResponse{"A-1": "", "A-2": ""}},
		{name: "it is over, in Spanish",
			then:  func(t *testing.T, h *harness, as *reminders.Appointments) { h.runUntil(at(25, 12, 30)) },
			typed: "reprogramar", want: []string{"Su cita del miércoles 25 de noviembre a las 12:01 ya pasó.", "Para contactarnos: llame al (555) 010-2030."},
			wantState: map[string]carebot.AppointmentStatus{"A-1": carebot.AppointmentBooked, "A-2": carebot.AppointmentBooked},
			wantResp:  map[string]carebot.AppointmentResponse{"A-1": "", "A-2": ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				ctx := context.Background()
				h := newHarness(at(25, 10, 0))
				c := newChat(t, h, "America/New_York", "en")
				h.people.SetConsent("chat:p", carebot.PurposeAppointments, true, h.clock.Now())
				as := appointments(h)
				// A-1 is too soon for any reminder; A-2's 2-hour one is due at 10:01.
				as.Import(ctx, carebot.Appointment{ID: "A-1", User: "chat:p", At: at(25, 11, 0), Location: "Main St"})
				as.Import(ctx, carebot.Appointment{ID: "A-2", User: "chat:p", At: at(25, 12, 1)})
				stop := h.start(t)
				defer stop()
				h.runUntil(at(25, 10, 5))
				if sent := h.sender.all(); len(sent) != 1 || !strings.Contains(sent[0].Text, "12:01 PM") {
					t.Fatalf("sent %+v, want A-2's reminder alone", sent)
				}
				if tt.then != nil {
					tt.then(t, h, as)
				}
				r, ok := c.reply(tt.typed)
				if !ok {
					t.Fatalf("%q: not handled", tt.typed)
				}
				for _, w := range tt.want {
					if !strings.Contains(r.Text, w) {
						t.Errorf("%q: reply %q\n lacks %q", tt.typed, r.Text, w)
					}
				}
				if got := payloads(r); got != tt.wantBtns {
					t.Errorf("%q: buttons %q, want %q", tt.typed, got, tt.wantBtns)
				}
				for id, st := range tt.wantState {
					a, _ := h.store.Appointment(ctx, id)
					if a.Status != st || a.Response != tt.wantResp[id] {
						t.Errorf("%s after %q: status %q, response %q; want %q, %q", id, tt.typed, a.Status, a.Response, st, tt.wantResp[id])
					}
				}
			})
		})
	}
}

// A patient never reminded of an appointment who types an answer is asked
// which appointment they mean; the buttons offered then answer it.
func TestPatientsTypedAnswerWithoutAReminderAsks(t *testing.T) {
	ctx := context.Background()
	ny := mustZone(t, "America/New_York")
	h := newHarness(wed10(t))
	c := newChat(t, h, "America/New_York", "en")
	as := appointments(h)
	as.Import(ctx, carebot.Appointment{ID: "A1", User: "chat:p", At: time.Date(2026, 12, 4, 15, 0, 0, 0, ny)})
	as.Import(ctx, carebot.Appointment{ID: "A0", User: "chat:p", At: time.Date(2026, 12, 2, 9, 30, 0, 0, ny)})
	as.Import(ctx, carebot.Appointment{ID: "GONE", User: "chat:p", At: time.Date(2026, 12, 1, 9, 30, 0, 0, ny), Status: carebot.AppointmentCancelled})
	r, _ := c.reply("cancel my appointment")
	if !strings.Contains(r.Text, "Which appointment do you mean? Press one below to cancel it.") || payloads(r) != "appt:x:A0 appt:x:A1" {
		t.Errorf("typed cancel with two appointments: %q %q, want a question and A0, A1 as buttons, soonest first", r.Text, payloads(r))
	}
	if r.Buttons[0].Label != "Wednesday, December 2 at 9:30 AM" {
		t.Errorf("button label %q, want the appointment's time", r.Buttons[0].Label)
	}
	for _, id := range []string{"A0", "A1"} {
		if a, _ := h.store.Appointment(ctx, id); a.Status != carebot.AppointmentBooked || a.Response != "" {
			t.Errorf("asking which cancelled %s: %+v", id, a)
		}
	}
	c.expect(r.Buttons[1].Payload, "Your appointment on Friday, December 4 at 3:00 PM is cancelled")
	r, _ = c.reply("reprogramar")
	if !strings.Contains(r.Text, "¿Se refiere a su cita del miércoles 2 de diciembre a las 09:30? Púlsela abajo para pedir otra fecha.") ||
		payloads(r) != "appt:r:A0" {
		t.Errorf("reprogramar with one appointment left: %q %q", r.Text, payloads(r))
	}
}

// A bare CANCEL typed under the card of one appointment ("my
// appointments") answers that card, as its Cancel button would, and the
// engine is told it waits for an answer (QA: it opted the patient out of
// every message and left the appointment booked). The card waits for the
// next message only.
func TestPatientsCancelTypedUnderTheCard(t *testing.T) {
	ctx := context.Background()
	ny := mustZone(t, "America/New_York")
	h := newHarness(wed10(t))
	c := newChat(t, h, "America/New_York", "en")
	u, _ := h.people.User(ctx, c.u)
	as := appointments(h)
	as.Import(ctx, carebot.Appointment{ID: "A1", User: "chat:p", At: time.Date(2026, 12, 4, 15, 0, 0, 0, ny)})
	if waits, _ := c.p.AwaitsAnswer(ctx, u); waits {
		t.Fatal("awaits an answer before anything was asked or sent")
	}
	if r, _ := c.reply("my appointments"); payloads(r) != "appt:c:A1 appt:x:A1 appt:r:A1" {
		t.Fatalf("my appointments: %q %q, want A1's card", r.Text, payloads(r))
	}
	if waits, _ := c.p.AwaitsAnswer(ctx, u); !waits {
		t.Error("the card shown: AwaitsAnswer is false, so CANCEL would opt the patient out")
	}
	c.expect("x", "Your appointment on Friday, December 4 at 3:00 PM is cancelled")
	if a, _ := h.store.Appointment(ctx, "A1"); a.Response != carebot.ResponseCancelled {
		t.Errorf("A1 after X under its card: %+v, want cancelled", a)
	}
	if waits, _ := c.p.AwaitsAnswer(ctx, u); waits {
		t.Error("the card was answered, yet AwaitsAnswer is still true")
	}

	// The card is for the next message: after another, X asks which.
	as.Import(ctx, carebot.Appointment{ID: "A2", User: "chat:p", At: time.Date(2026, 12, 9, 9, 0, 0, 0, ny)})
	c.reply("my appointments")
	c.say("what are your hours?")
	if r, _ := c.reply("x"); !strings.Contains(r.Text, "Do you mean your appointment on Wednesday, December 9") {
		t.Errorf("X a message after the card: %q, want the question which", r.Text)
	}
	if a, _ := h.store.Appointment(ctx, "A2"); a.Status != carebot.AppointmentBooked || a.Response != "" {
		t.Errorf("A2 after a late X: %+v, want it untouched", a)
	}
	// In Spanish, "cancelo" under the card.
	c.reply("mis citas")
	c.expect("cancelo", "Su cita del miércoles 9 de diciembre a las 09:00 está cancelada")
}

// "When should I remind you?" and "Until when?" are declined with CANCEL
// (passed on by the engine as X), "never mind" or "olvídalo": the request
// is dropped, and said to be (QA: CANCEL opted the patient out of every
// message; "never mind" got the fallback).
func TestPatientsDeclineTheQuestion(t *testing.T) {
	ctx := context.Background()
	h := newHarness(wed10(t))
	c := newChat(t, h, "America/New_York", "en")
	u, _ := h.people.User(ctx, c.u)
	for _, no := range []string{"x", "never mind", "forget it", "no", "nvm"} {
		c.expect("remind me to take my meds", "When should I remind you?")
		if waits, _ := c.p.AwaitsAnswer(ctx, u); !waits {
			t.Errorf("%q: AwaitsAnswer false while the bot asks when", no)
		}
		c.expect(no, "OK, I won't set that reminder.")
	}
	// Declined, the question is gone: a time now is no answer to it.
	if got := c.say("tomorrow at 9am"); strings.Contains(got, "I'll remind you") {
		t.Errorf("a time after the question was declined made a reminder: %q", got)
	}
	c.expect("pause my reminders", "Until when?")
	c.expect("x", "OK, your reminders stay on.")
	c.expect("recuérdame tomar mi pastilla", "¿Cuándo se lo recuerdo?")
	c.expect("olvídalo", "De acuerdo, no crearé ese recordatorio.")
	if got := c.say("list my reminders"); !strings.Contains(got, "You have no reminders") {
		t.Errorf("after every request was declined: %q, want no reminders", got)
	}
}
