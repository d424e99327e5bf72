package reminders_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/carebot/carebot"
)

// A patient asking after their own appointments is told the ones the
// clinic sent, privately, with the buttons of a reminder under the next
// one; a general question that names an appointment stays the FAQ's.
func TestPatientsAskTheirAppointments(t *testing.T) {
	ctx := context.Background()
	ny := mustZone(t, "America/New_York")
	h := newHarness(wed10(t))
	c := newChat(t, h, "America/New_York", "en")

	// Nothing on file: said honestly, with the clinic's number.
	r, ok := c.reply("when is my next appointment?")
	if !ok || !strings.Contains(r.Text, "I don't have an upcoming appointment on file for you") || !strings.Contains(r.Text, "(555) 010-2030") {
		t.Fatalf("no appointment: %v %q, want that none is on file and the clinic's phone", ok, r.Text)
	}

	as := appointments(h)
	as.Import(ctx, carebot.Appointment{ID: "A1", User: "chat:p", At: time.Date(2026, 12, 4, 15, 0, 0, 0, ny)})
	as.Import(ctx, carebot.Appointment{ID: "GONE", User: "chat:p", At: time.Date(2026, 12, 1, 9, 30, 0, 0, ny), Status: carebot.AppointmentCancelled})
	as.Import(ctx, carebot.Appointment{ID: "OTHER", User: "chat:someone-else", At: time.Date(2026, 12, 1, 8, 0, 0, 0, ny)})
	for _, q := range []string{"when is my next appointment?", "When's my appointment", "what time is my appointment",
		"do i have any appointments coming up", "is my appointment still on?",
		"my appointments", "please tell me when my appointment is", "can you tell me when my appointment is",
		"when is my appointment this week", "do i have an appointment next friday",
		"where is my appointment", "did I miss my appointment?"} {
		r, ok := c.reply(q)
		if !ok || r.Text != "Your next appointment is on Friday, December 4 at 3:00 PM. Press a button below to confirm it, cancel it or ask for another time." ||
			payloads(r) != "appt:c:A1 appt:x:A1 appt:r:A1" {
			t.Errorf("%q: %v %q %q, want A1 alone with its buttons", q, ok, r.Text, payloads(r))
		}
	}
	// QA: asked about one day, the answer was every appointment to come.
	for _, q := range []string{"do I have an appointment tomorrow?", "what time is my appt tomorrow?", "is my appointment today?", "what time is my appt tmrw"} {
		day := map[bool]string{true: "today", false: "tomorrow"}[strings.Contains(q, "today")]
		r, ok := c.reply(q)
		if want := "I don't have an appointment on file for you " + day + ". Your next one is on Friday, December 4 at 3:00 PM."; !ok || !strings.HasPrefix(r.Text, want) ||
			!strings.Contains(r.Text, "check with the clinic") || len(r.Buttons) != 0 {
			t.Errorf("%q: %v %q %q, want %q and no buttons", q, ok, r.Text, payloads(r), want)
		}
	}
	// A weekday is the coming one: this Friday has none; the next is named.
	for _, q := range []string{"do i have an appointment on friday", "what time is my appointment friday?"} {
		if r, ok := c.reply(q); !ok || !strings.HasPrefix(r.Text, "I don't have an appointment on file for you on Friday, November 27. Your next one is on Friday, December 4 at 3:00 PM.") {
			t.Errorf("%q: %v %q, want none on the coming Friday and A1 named", q, ok, r.Text)
		}
	}
	c.expect("appt:c:A1", "Thank you, your appointment on Friday, December 4 at 3:00 PM is confirmed.")
	// QA: confirmed, it was still offered to be confirmed.
	if r, _ := c.reply("when is my appointment"); r.Text != "Your next appointment is on Friday, December 4 at 3:00 PM (you've confirmed it). To cancel it or ask for another time, press a button below." ||
		payloads(r) != "appt:x:A1 appt:r:A1" {
		t.Errorf("confirmed: %q %q, want no Confirm", r.Text, payloads(r))
	}

	as.Import(ctx, carebot.Appointment{ID: "A0", User: "chat:p", At: time.Date(2026, 12, 2, 9, 30, 0, 0, ny), Location: "Main St"})
	r, _ = c.reply("¿cuándo es mi próxima cita?")
	want := "Sus próximas citas:\n• miércoles 2 de diciembre a las 09:30 en Main St\n• viernes 4 de diciembre a las 15:00 (ya la confirmó)"
	if r.Text != want || len(r.Buttons) != 0 {
		t.Errorf("two appointments, in Spanish: %q %q, want\n%q", r.Text, payloads(r), want)
	}
	for _, q := range []string{"¿a qué hora es mi cita?", "mis citas", "mi cita sigue en pie?", "tengo cita la próxima semana"} {
		if r, ok := c.reply(q); !ok || !strings.HasPrefix(r.Text, "Sus próximas citas:") {
			t.Errorf("%q: %v %q, want the list in Spanish", q, ok, r.Text)
		}
	}

	for q, want := range map[string]string{
		"tengo cita mañana":                  "No tengo ninguna cita registrada para usted mañana. Su próxima cita es el miércoles 2 de diciembre a las 09:30 en Main St.",
		"tengo una cita hoy":                 "No tengo ninguna cita registrada para usted hoy.",
		"¿tengo cita esta mañana?":           "No tengo ninguna cita registrada para usted hoy.",
		"a qué hora es mi cita el miércoles": "No tengo ninguna cita registrada para usted el miércoles 25 de noviembre. Su próxima cita es el miércoles 2 de diciembre",
	} {
		if r, ok := c.reply(q); !ok || !strings.HasPrefix(r.Text, want) {
			t.Errorf("%q: %v %q, want %q", q, ok, r.Text, want)
		}
	}
	as.Import(ctx, carebot.Appointment{ID: "F1", User: "chat:p", At: time.Date(2026, 11, 27, 15, 0, 0, 0, ny)})
	as.Import(ctx, carebot.Appointment{ID: "F2", User: "chat:p", At: time.Date(2026, 11, 27, 16, 0, 0, 0, ny), Location: "Lab"})
	as.Import(ctx, carebot.Appointment{ID: "M1", User: "chat:p", At: time.Date(2026, 11, 30, 8, 0, 0, 0, ny)})
	r, _ = c.reply("do I have an appointment friday")
	if want := "Yes, you have these appointments that day:\n• Friday, November 27 at 3:00 PM\n• Friday, November 27 at 4:00 PM at Lab"; r.Text != want || len(r.Buttons) != 0 {
		t.Errorf("two on friday: %q, want\n%q", r.Text, want)
	}
	if r, _ := c.reply("is my appointment on monday?"); r.Text != "Yes, you have an appointment on Monday, November 30 at 8:00 AM. Press a button below to confirm it, cancel it or ask for another time." ||
		payloads(r) != "appt:c:M1 appt:x:M1 appt:r:M1" {
		t.Errorf("monday: %q %q, want M1 with its buttons", r.Text, payloads(r))
	}

	// Questions for the clinic, not about the patient's own appointments.
	for _, q := range []string{"when is my first prenatal appointment?", "do i have an appointment for a flu shot or can i walk in",
		"what time is my appointment reminder sent", "how do i check my appointment online", "tengo cita para vacunas o puedo llegar sin cita"} {
		if r, ok := c.reply(q); ok {
			t.Errorf("%q: answered %q, want it left to the FAQ", q, r.Text)
		}
	}
}
