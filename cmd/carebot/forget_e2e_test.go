package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/adapters/telegram/telegramtest"
	"github.com/carebot/carebot/bolt"
	"github.com/carebot/carebot/reminders"
)

// A patient on Telegram with a reminder of their own, a reminder staff set
// for them, an appointment and their opt-ins asks in a group to be
// forgotten, gets the question privately, and presses "Delete my data":
// they are told their data is gone, though they have no consent any more,
// and nothing of them is left, in the store (the staff command finds
// nothing), in the audit log, or in the file after the bot stops. Writing
// again, they start afresh.
func TestForgetOnTelegram(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the carebot binary")
	}
	fake := telegramtest.NewServer()
	defer fake.Close()
	fake.Enforce(telegramtest.TelegramLimits)
	dir := t.TempDir()
	env := []string{"TELEGRAM_TOKEN=" + telegramtest.Token, "TELEGRAM_API_ENDPOINT=" + fake.URL}
	bot := startBot(t, dir, env)
	staff := staffFor(t, dir)
	const patient, group = 918273645, -1005550001
	const who = "telegram:918273645"
	say := func(text, want string) telegramtest.Call {
		t.Helper()
		n := len(messagesTo(fake, patient))
		fake.QueueDM(patient, text)
		var got telegramtest.Call
		waitFor(t, fake, want, func(c []telegramtest.Call) bool {
			for _, m := range sentTo(c, patient)[n:] {
				if strings.Contains(m.Text, want) {
					got = m
					return true
				}
			}
			return false
		})
		return got
	}
	say("START", "subscribed")
	say("my time zone is Chicago", "Chicago")
	say("remind me in 3 months to renew my prescription", "renew your prescription")
	at := time.Now().Add(7 * 24 * time.Hour).UTC().Format("2006-01-02 15:04")
	appts := filepath.Join(dir, "appointments.csv")
	os.WriteFile(appts, []byte("id,patient,at,timezone,location\nF-1,"+who+","+at+",UTC,Main Street\n"), 0o600)
	staff("appointments", "import", appts)
	staff("remind", "add", "--to", who, "--at", time.Now().Add(48*time.Hour).UTC().Format(time.RFC3339), "--text", "Your lab results are in")

	// In the group: the question goes privately.
	n := len(messagesTo(fake, patient))
	fake.QueueGroup(group, patient, "forget me", true)
	var question telegramtest.Call
	waitFor(t, fake, "the question in private", func(c []telegramtest.Call) bool {
		for _, m := range sentTo(c, patient)[n:] {
			if strings.HasPrefix(m.Text, "Do you want me to delete your data?") {
				question = m
				return true
			}
		}
		return false
	})
	if got := messagesTo(fake, group); len(got) != 1 || got[0].Text != "I'll answer you in a private message." {
		t.Errorf("the group got %+v, want only the line that the answer is private", got)
	}
	if len(question.Buttons) != 2 {
		t.Fatalf("the question's buttons: %+v", question.Buttons)
	}
	n = len(messagesTo(fake, patient))
	if _, err := fake.QueuePress(patient, question, "Delete my data"); err != nil {
		t.Fatal(err)
	}
	waitFor(t, fake, "the deletion confirmed", func(c []telegramtest.Call) bool {
		for _, m := range sentTo(c, patient)[n:] {
			if strings.HasPrefix(m.Text, "Your data has been deleted") {
				return true
			}
		}
		return false
	})

	if out := staff("patients", "forget", who); out != "carebot had nothing stored for "+who+"\n" {
		t.Errorf("patients forget after the patient's own: %q, want nothing stored", out)
	}
	audit := staff("audit")
	if !strings.Contains(audit, "self/forgotten/") || !strings.Contains(audit, "patients.forget") {
		t.Errorf("audit: want the staff reminder's entry with the pseudonym taken out, and the forget:\n%s", audit)
	}

	// Writing again, they are someone new: welcomed, and the clinic's
	// time zone assumed.
	say("hi", "virtual assistant")
	say("remind me to stretch tomorrow at 9am", "I used ")

	if err := bot.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := bot.cmd.Wait(); err != nil {
		t.Errorf("carebot did not stop cleanly: %v", err)
	}
	db := openData(t, dir)
	ctx := context.Background()
	if pending, err := db.ScrubPending(ctx); pending || err != nil {
		t.Errorf("after the stop: a scrub is still due (%v, %v)", pending, err)
	}
	if list, err := db.AppointmentsOf(ctx, who); len(list) != 0 || err != nil {
		t.Errorf("the forgotten patient's appointments: %+v, %v", list, err)
	}
	evs, err := db.ConsentEvents(ctx, who)
	if len(evs) != 0 || err != nil {
		t.Errorf("the forgotten patient's consent history: %+v, %v; want none (they did not opt in again)", evs, err)
	}
	var texts []string
	db.Items(ctx, "", func(it carebot.OutboxItem) error { texts = append(texts, it.Text); return nil })
	if strings.Contains(strings.Join(texts, "|"), "prescription") || strings.Contains(strings.Join(texts, "|"), "lab results") {
		t.Errorf("the outbox still holds the forgotten reminders: %q", texts)
	}
	pseudonym := reminders.PatientPrefix(db.LogSecret(), who)
	db.Audit(ctx, time.Time{}, func(e carebot.AuditEntry) error {
		if strings.Contains(e.Target+e.Detail, strings.TrimSuffix(strings.TrimPrefix(pseudonym, "self/"), "/")) {
			t.Errorf("audit entry %+v holds the forgotten patient's pseudonym", e)
		}
		return nil
	})
	logs := bot.logText()
	for _, secret := range []string{"918273645", "prescription", "lab results", "Main Street"} {
		if strings.Contains(logs, secret) {
			t.Errorf("the logs hold %q", secret)
		}
	}
}

// Staff erase a patient of the terminal chat with the real binary: it says
// what went, a second time that nothing is stored, and the patient's
// reminders are gone.
func TestStaffForgetsAPatient(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the carebot binary")
	}
	dir := t.TempDir()
	bot := startBot(t, dir, nil)
	staff := staffFor(t, dir)
	bot.say("START")
	bot.expect("subscribed")
	bot.say("remind me in 3 months to renew my prescription")
	bot.expect("renew your prescription")
	at := time.Now().Add(7 * 24 * time.Hour).UTC().Format("2006-01-02 15:04")
	appts := filepath.Join(dir, "appointments.csv")
	os.WriteFile(appts, []byte("id,patient,at,timezone,location\nS-1,console:local,"+at+",UTC,Main Street\n"), 0o600)
	staff("appointments", "import", appts)
	staff("remind", "add", "--to", "console:local", "--at", time.Now().Add(48*time.Hour).UTC().Format(time.RFC3339), "--text", "Lab results")

	want := "forgot console:local: user record, consent history (3 events), 2 reminders, 1 appointment (3 reminders waiting), their pseudonym taken out of 1 audit entry\n"
	if out := staff("patients", "forget", "Console:local"); out != want {
		t.Errorf("patients forget:\n got %q\nwant %q", out, want)
	}
	if out := staff("patients", "forget", "console:local"); out != "carebot had nothing stored for console:local\n" {
		t.Errorf("patients forget again: %q", out)
	}
	if out := staff("appointments", "list"); strings.Contains(out, "S-1") {
		t.Errorf("appointments after the forget:\n%s", out)
	}
	bot.say("list my reminders")
	bot.expect("You have no reminders")
}

// logText is what the bot has logged so far.
func (b *botProcess) logText() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.logs.String()
}

// openData opens the store of a stopped bot's data directory.
func openData(t *testing.T, dir string) *bolt.DB {
	t.Helper()
	key, _, err := bolt.LoadKey(func(string) string { return "" }, filepath.Join(dir, "carebot.key"))
	if err != nil {
		t.Fatal(err)
	}
	db, err := bolt.Open(filepath.Join(dir, "carebot.db"), key, bolt.Options{Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}
