package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/carebot/carebot/adapters/telegram/telegramtest"
)

// A crisis posted in a peer-support group, through the carebot binary and
// the fake Telegram: the member gets the safety replies and the moderators
// (a staff group and one moderator's own chat, from safety.alerts) an alert
// with a link to the message, whatever the hour and though no one opted in
// to anything; a member's repeats within minutes alert no one again; and an
// alert that could not be sent before the bot was killed is sent after the
// restart.
func TestTelegramGroupCrisisAlertsModerators(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the carebot binary")
	}
	const (
		group     = -1001112223334 // a supergroup: its messages have links
		staff     = -1009998887776 // the moderators' staff group
		moderator = 777            // a moderator's own chat
		alone     = 5101           // a member who never wrote to the bot
		known     = 5102           // a member with a private chat with the bot
		later     = 5103           // a member whose crisis comes while the staff chats are down
	)
	fake := telegramtest.NewServer()
	defer fake.Close()
	fake.Enforce(telegramtest.TelegramLimits)
	dir := t.TempDir()
	config := filepath.Join(dir, "carebot.yaml")
	// Quiet hours all day but one minute, so that an alert held by them
	// would show, at whatever hour the test runs.
	os.WriteFile(config, []byte(fmt.Sprintf("reminders:\n  quiet_hours: {from: \"00:01\", to: \"00:00\"}\n"+
		"safety:\n  alerts: [telegram:%d, telegram:%d]\n", staff, moderator)), 0o600)
	env := []string{"TELEGRAM_TOKEN=" + telegramtest.Token, "TELEGRAM_API_ENDPOINT=" + fake.URL}
	bot := startBot(t, dir, env, "--config", config)

	fake.Refuse(alone, telegramtest.NotStarted)
	words := "i can't do this anymore, tonight i end it"
	fake.QueueMessage(telegramtest.Message{Chat: group, From: alone, Text: words, Title: "Riverbend peer support"})
	waitFor(t, fake, "the safety replies and both alerts", func(c []telegramtest.Call) bool {
		return len(sentTo(c, group)) >= 2 && len(sentTo(c, staff)) >= 1 && len(sentTo(c, moderator)) >= 1
	})
	replies := messagesTo(fake, group)
	if len(replies) != 2 || !strings.Contains(replies[0].Text, "911") || !strings.Contains(replies[1].Text, "988") {
		t.Fatalf("the group got %+v, want the safety line and the full reply (the member's DM is closed)", replies)
	}
	msgID := replies[1].ReplyTo
	alert := messagesTo(fake, staff)[0]
	for _, want := range []string{
		"safety alert: a possible suicide or self-harm crisis",
		`"Riverbend peer support" (telegram chat -1001112223334)`,
		fmt.Sprintf("Message: https://t.me/c/1112223334/%d", msgID),
		"never written to carebot privately",
	} {
		if !strings.Contains(alert.Text, want) {
			t.Errorf("the alert does not say %q:\n%s", want, alert.Text)
		}
	}
	for _, never := range []string{"end it", "anymore", "Patient", fmt.Sprint(alone)} {
		if strings.Contains(alert.Text, never) {
			t.Errorf("the alert says %q:\n%s", never, alert.Text)
		}
	}
	if got := messagesTo(fake, moderator); len(got) != 1 || got[0].Text != alert.Text {
		t.Errorf("the moderator got %+v, want the same alert", got)
	}

	// The same member again, a minute on: the safety replies, no alert.
	fake.QueueMessage(telegramtest.Message{Chat: group, From: alone, Text: "nobody would even notice if i was gone, i want to die"})
	bot.expectLog("moderator alert held back")
	waitFor(t, fake, "the second safety replies", func(c []telegramtest.Call) bool { return len(sentTo(c, group)) >= 4 })

	// A member with a private chat: the crisis line by DM, and the alert
	// says so.
	fake.QueueDM(known, "hi")
	waitFor(t, fake, "the welcome", func(c []telegramtest.Call) bool { return len(sentTo(c, known)) >= 1 })
	fake.QueueMessage(telegramtest.Message{Chat: group, From: known, Text: "my husband hits me and i am scared to go home"})
	waitFor(t, fake, "the abuse reply and alert", func(c []telegramtest.Call) bool {
		return len(sentTo(c, known)) >= 2 && len(sentTo(c, staff)) >= 2
	})
	if got := messagesTo(fake, known); len(got) != 2 || !strings.Contains(got[1].Text, "1-800-799-7233") {
		t.Errorf("the member with a DM got %d messages there, want the welcome and the abuse reply", len(got))
	}
	if a := messagesTo(fake, staff)[1].Text; !strings.Contains(a, "possible abuse") || !strings.Contains(a, "By private message carebot sent the member") {
		t.Errorf("the abuse alert:\n%s", a)
	}
	if n := len(messagesTo(fake, staff)); n != 2 {
		t.Errorf("the staff group got %d alerts, want 2: one for each member", n)
	}

	// The staff chats are down when the next crisis comes; the bot is
	// killed after it has tried to alert them, and restarted once they are
	// back: the alert is sent then.
	fake.Refuse(staff, telegramtest.ServerError())
	fake.Refuse(moderator, telegramtest.ServerError())
	fake.Refuse(later, telegramtest.NotStarted)
	fake.QueueMessage(telegramtest.Message{Chat: group, From: later, Text: "I took 30 of my sleeping pills", Title: "Riverbend peer support"})
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if err := fake.Wait(ctx, func(s telegramtest.Snapshot) bool {
		return len(sentTo(s.Rejected, staff)) >= 1 && len(sentTo(s.Rejected, moderator)) >= 1
	}); err != nil {
		t.Fatalf("waiting for the alert to be tried: %v", err)
	}
	if err := bot.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	bot.cmd.Wait()
	fake.Refuse(staff, telegramtest.Fault{})
	fake.Refuse(moderator, telegramtest.Fault{})
	bot = startBot(t, dir, env, "--config", config)
	waitFor(t, fake, "the emergency reply and alert after the restart", func(c []telegramtest.Call) bool {
		return len(sentTo(c, group)) >= 7 && len(sentTo(c, staff)) >= 3 && len(sentTo(c, moderator)) >= 3
	})
	for _, chat := range []int64{staff, moderator} {
		got := messagesTo(fake, chat)
		if len(got) != 3 || !strings.Contains(got[2].Text, "a possible medical emergency") || strings.Contains(got[2].Text, "pills") {
			t.Errorf("chat %d got %d alerts, the last:\n%s\nwant 3, the last the emergency's", chat, len(got), got[len(got)-1].Text)
		}
	}
	// The group: two members' safety lines and full replies, and the
	// line for the member who was answered privately.
	if got := messagesTo(fake, group); len(got) != 7 || !strings.Contains(got[6].Text, "Poison Control") {
		t.Errorf("the group got %d messages, want 7, the last the full emergency reply", len(got))
	}
	bot.mu.Lock()
	logs := bot.logs.String()
	bot.mu.Unlock()
	for _, w := range []string{"end it", "sleeping pills", "husband", "Riverbend"} {
		if strings.Contains(logs, w) {
			t.Errorf("the logs contain %q", w)
		}
	}
}
