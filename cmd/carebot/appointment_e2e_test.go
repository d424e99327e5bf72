package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/carebot/carebot/admin"
)

// noQuietHours is a config under which reminders go out at any hour, so
// that a test runs at any time of day.
func noQuietHours(t *testing.T, dir string) string {
	t.Helper()
	config := filepath.Join(dir, "carebot.yaml")
	if err := os.WriteFile(config, []byte("reminders:\n  quiet_hours: {from: \"24:00\", to: \"00:00\"}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return config
}

// An X typed under a reminder cancels the appointment that reminder was
// about, not the patient's soonest one, even when the bot was restarted
// in between.
func TestTypedAnswerIsForTheRemindedAppointment(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the carebot binary")
	}
	dir := t.TempDir()
	config := noQuietHours(t, dir)
	bot := startBot(t, dir, nil, "--config", config)
	bot.say("START")
	bot.expect("subscribed")

	// A-1 is too soon for any reminder; A-2's 2-hour reminder is due in
	// a few seconds.
	now := time.Now().UTC()
	a1 := now.Add(time.Hour).Format(time.RFC3339)
	a2 := now.Add(2*time.Hour + 5*time.Second).Format(time.RFC3339)
	csv := filepath.Join(dir, "appointments.csv")
	os.WriteFile(csv, []byte("id,patient,at,timezone,location\nA-1,console:local,"+a1+",UTC,Main Street\nA-2,console:local,"+a2+",UTC,Main Street\n"), 0o600)
	if code, out, errs := runCmd(t, nil, "", "appointments", "import", "--data", dir, csv); code != 0 {
		t.Fatalf("import: exit %d: %s%s", code, out, errs)
	}
	// The clinic's phone from faq.yaml, as the texts word it.
	bot.await(bot.lines, &bot.seen, "say", []string{"a reminder of your appointment on", "To reach us: call +1 555 0100."})

	// A clean stop and a new process: what was reminded is on disk.
	bot.in.Close()
	if err := bot.cmd.Wait(); err != nil {
		t.Fatalf("carebot at end of input: %v", err)
	}
	bot = startBot(t, dir, nil, "--config", config)
	// QA: "cancel please" under the reminder opted out of everything; it
	// answers the reminder, and says how to stop messages instead.
	bot.say("cancel please")
	bot.expect("is cancelled")
	bot.expect("To stop all messages from us instead, reply STOP.")
	// Asked after, the patient is told the one still on.
	bot.say("when is my next appointment?")
	bot.await(bot.lines, &bot.seen, "say", []string{"Your next appointment is on", "at Main Street. Press a button below"})

	code, out, errs := runCmd(t, nil, "", "appointments", "list", "--json", "--data", dir)
	if code != 0 {
		t.Fatalf("list: exit %d: %s%s", code, out, errs)
	}
	var list []admin.Appointment
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("list --json: %v\n%s", err, out)
	}
	got := map[string]string{}
	for _, a := range list {
		got[a.ID] = a.Status + "/" + a.Response
	}
	if got["A-1"] != "booked/" || got["A-2"] != "cancelled/cancelled" {
		t.Errorf("after X under A-2's reminder: %v, want A-1 booked and unanswered, A-2 cancelled by the patient", got)
	}
}
