package reminders_test

import (
	"testing"
	"time"
)

// QA: after "Until when?" or "When should I remind you?", a bare "for a
// week" or "tomorrow at 3pm" was read afresh and got the FAQ's fallback.
// The next message answers the question when it is a time; anything else
// is read as usual, and the question forgotten.
func TestPatientsAnswerTheBotsQuestion(t *testing.T) {
	h := newHarness(wed10(t))
	c := newChat(t, h, "America/New_York", "en")
	c.say("remind me to stretch every day at 6pm")

	for _, tt := range []struct{ answer, want string }{
		{"for a week", "Your reminders are paused until Wednesday, December 2 at 10:00 AM."},
		{"a week", "Your reminders are paused until Wednesday, December 2 at 10:00 AM."},
		{"3 days", "Your reminders are paused until Saturday, November 28 at 10:00 AM."},
		{"until monday", "Your reminders are paused until Monday, November 30 at 9:00 AM."},
		{"monday", "Your reminders are paused until Monday, November 30 at 9:00 AM."},
		{"dec 20", "Your reminders are paused until Sunday, December 20 at 9:00 AM."},
		{"for 3 years", "I can only pause your reminders up to two years ahead."},
	} {
		c.say("resume")
		c.expect("pause my reminders", "Until when?")
		c.expect(tt.answer, tt.want)
	}
	c.say("resume")
	c.expect("pausar recordatorios", "¿Hasta cuándo?")
	c.expect("hasta el lunes", "en pausa hasta el lunes 30 de noviembre")

	// Not an answer: read as usual, and the question forgotten.
	c.say("resume")
	c.expect("pause my reminders", "Until when?")
	if r, ok := c.reply("what are your hours?"); ok {
		t.Errorf("a question after \"Until when?\": answered %q, want it left to the FAQ", r.Text)
	}
	if r, ok := c.reply("for a week"); ok {
		t.Errorf("\"for a week\" two messages after the question: answered %q, want it left alone", r.Text)
	}
	// A command asked instead is the command.
	c.expect("pause my reminders", "Until when?")
	c.expect("list my reminders", "every day at 6:00 PM")
	if _, ok := c.reply("for a week"); ok {
		t.Error("\"for a week\" after another command was taken as the pause's answer")
	}

	// When to remind.
	c.expect("remind me to call mom", "When should I remind you?")
	c.expect("tomorrow at 3pm", "OK, I'll remind you on Thursday, November 26 at 3:00 PM: call mom")
	c.expect("remind me to take my meds", "When should I remind you?")
	c.expect("every day at 8am", "every day at 8:00 AM", "take your meds")
	c.expect("recuérdame llamar a la farmacia", "¿Cuándo se lo recuerdo?")
	c.expect("mañana a las 10", "el jueves 26 de noviembre a las 10:00: llamar a la farmacia")
	// Too late: ten minutes, then the question is forgotten.
	c.expect("remind me to water the plants", "When should I remind you?")
	h.clock.Advance(11 * time.Minute)
	if r, ok := c.reply("tomorrow at 3pm"); ok {
		t.Errorf("an answer 11 minutes late: %q, want it read afresh", r.Text)
	}
}

// A patient forgotten ("delete my data") leaves no question waiting: the
// words of the reminder it was about go with them.
func TestForgetDropsTheQuestion(t *testing.T) {
	h := newHarness(wed10(t))
	c := newChat(t, h, "America/New_York", "en")
	c.expect("remind me to call mom", "When should I remind you?")
	c.p.Forget(c.u)
	if r, ok := c.reply("tomorrow at 3pm"); ok {
		t.Errorf("the answer after Forget: %q, want it read afresh (no question waiting)", r.Text)
	}
	c.p.Forget("chat:nobody") // no question waiting: nothing to do
}
