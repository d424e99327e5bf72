package main

import (
	"strings"
	"testing"
)

// STOP APPOINTMENTS leaves the reminders a patient set themselves, and says
// so; a full STOP holds them, and "list my reminders" says so; START
// brings them back. (That the dispatcher sends and holds them accordingly
// is tested on a fake clock in package reminders.)
func TestOwnRemindersThroughStopAndStart(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the carebot binary")
	}
	dir := t.TempDir()
	bot := startBot(t, dir, nil)
	list := func() string {
		t.Helper()
		bot.say("list my reminders")
		return bot.await(bot.lines, &bot.seen, "say", []string{"take your meds"})
	}
	bot.say("my time zone is Chicago")
	bot.expect("Chicago time")
	bot.say("remind me to take my meds every day at 8am")
	bot.expect("every day at 8:00 AM: take your meds")

	bot.say("STOP APPOINTMENTS")
	bot.expect("Reminders you set yourself still come")
	if line := list(); strings.Contains(line, "stopped") {
		t.Errorf("after STOP APPOINTMENTS: %q, want the patient's own reminder on", line)
	}
	bot.say("STOP")
	bot.expect("unsubscribed")
	if line := list(); !strings.Contains(line, "take your meds (stopped: you're unsubscribed; reply START to get it again)") {
		t.Errorf("after STOP: %q, want it shown as stopped", line)
	}
	bot.say("START")
	bot.expect("subscribed")
	if line := list(); strings.Contains(line, "stopped") {
		t.Errorf("after START: %q, want it on again", line)
	}
}
