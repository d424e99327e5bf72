package main

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/adapters/telegram/telegramtest"
	"github.com/carebot/carebot/bolt"
	"github.com/carebot/carebot/faq"
)

// sentTo returns the messages among calls sent to chat.
func sentTo(calls []telegramtest.Call, chat int64) []telegramtest.Call {
	var out []telegramtest.Call
	for _, c := range calls {
		if c.Method == "sendMessage" && c.ChatID == chat {
			out = append(out, c)
		}
	}
	return out
}

func messagesTo(fake *telegramtest.Server, chat int64) []telegramtest.Call {
	return sentTo(fake.Messages(), chat)
}

// waitFor waits until done holds of the calls the fake has accepted. The
// deadline only stops a broken test from hanging; nothing is timed.
func waitFor(t *testing.T, fake *telegramtest.Server, what string, done func(calls []telegramtest.Call) bool) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if err := fake.Wait(ctx, func(s telegramtest.Snapshot) bool { return done(s.Calls) }); err != nil {
		t.Fatalf("waiting for %s: %v", what, err)
	}
}

// A patient on Telegram asks a question and gets the answer, presses a
// button under it, and sends STOP; then the bot is SIGKILLed with updates
// pending, and after a restart every update has been handled exactly once.
func TestTelegramEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the carebot binary")
	}
	kb, err := faq.Parse("faq.yaml", carebot.DefaultFAQ)
	if err != nil {
		t.Fatal(err)
	}
	hours, _ := kb.Entry("hours")
	fake := telegramtest.NewServer()
	defer fake.Close()
	fake.Enforce(telegramtest.TelegramLimits)
	dir := t.TempDir()
	env := []string{"TELEGRAM_TOKEN=" + telegramtest.Token, "TELEGRAM_API_ENDPOINT=" + fake.URL}
	bot := startBot(t, dir, env)

	const patient = 1001
	fake.QueueDM(patient, "what are your opening hours?")
	waitFor(t, fake, "the answer", func(c []telegramtest.Call) bool { return len(sentTo(c, patient)) >= 2 })
	got := messagesTo(fake, patient)
	answer := got[len(got)-1]
	if !strings.Contains(answer.Text, strings.TrimSpace(hours.Answer)[:40]) {
		t.Fatalf("answer to the hours question: %q", answer.Text)
	}
	if len(answer.Buttons) == 0 {
		t.Fatal("the answer has no buttons")
	}
	// Press the first follow-up under the answer.
	follow := answer.Buttons[0]
	if _, err := fake.QueuePress(patient, answer, follow.Label); err != nil {
		t.Fatal(err)
	}
	waitFor(t, fake, "the follow-up's answer", func(c []telegramtest.Call) bool { return len(sentTo(c, patient)) >= 3 })
	fake.QueueDM(patient, "STOP")
	waitFor(t, fake, "the opt-out confirmation", func(c []telegramtest.Call) bool { return len(sentTo(c, patient)) >= 4 })
	got = messagesTo(fake, patient)
	if !strings.Contains(got[3].Text, "unsubscribed") {
		t.Errorf("reply to STOP: %q, want the opt-out confirmation", got[3].Text)
	}

	// Thirty new patients write at once; the bot is killed while it works
	// through them, then restarted.
	const first, n = 2000, 30
	for i := range n {
		fake.QueueDM(int64(first+i), fmt.Sprintf("do you take medicaid? (%d)", i))
	}
	waitFor(t, fake, "the bot to be busy", func(c []telegramtest.Call) bool { return len(sentTo(c, first)) >= 1 })
	// Until the crash, the pacing kept every limit.
	if n := fake.Throttled(); n != 0 {
		t.Errorf("Telegram answered 429 %d times before the crash", n)
	}
	if err := bot.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	bot.cmd.Wait()
	bot = startBot(t, dir, env)
	medicaid, _ := kb.Entry("medicaid")
	isAnswer := func(c telegramtest.Call) bool {
		return strings.Contains(c.Text, strings.TrimSpace(medicaid.Answer)[:40])
	}
	answers := func(calls []telegramtest.Call, chat int64) int {
		n := 0
		for _, c := range sentTo(calls, chat) {
			if isAnswer(c) {
				n++
			}
		}
		return n
	}
	waitFor(t, fake, "every patient answered", func(c []telegramtest.Call) bool {
		for i := range n {
			if answers(c, int64(first+i)) == 0 {
				return false
			}
		}
		return true
	})
	for i := range n {
		// Exactly one answer, or two if it was the send in flight when
		// the bot was killed. (A patient handled but not committed before
		// the kill is handled again: the engine already knows them then,
		// so they get the answer without a second welcome.)
		if got := answers(fake.Messages(), int64(first+i)); got > 2 {
			t.Errorf("patient %d got the answer %d times, want once (twice if in flight at the kill)", first+i, got)
		}
		if got := len(messagesTo(fake, int64(first+i))); got > 3 {
			t.Errorf("patient %d got %d messages, want a welcome and the answer, and one duplicate at most", first+i, got)
		}
	}
	// After a restart a 429 or two is expected: the new process cannot
	// know what the killed one sent in its last second. They are waited
	// out, as the counts above show.
	t.Logf("429s after the restart: %d", fake.Throttled())
	if n := len(messagesTo(fake, patient)); n != 4 {
		t.Errorf("the first patient got %d messages after the restart, want their 4 and no repeats", n)
	}

	// Stop the bot as an operator would and read its ledger: the opt-out
	// is there, with its method.
	if err := bot.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := bot.cmd.Wait(); err != nil {
		t.Errorf("carebot did not stop cleanly on SIGTERM: %v", err)
	}
	key, _, err := bolt.LoadKey(func(string) string { return "" }, filepath.Join(dir, "carebot.key"))
	if err != nil {
		t.Fatal(err)
	}
	db, err := bolt.Open(filepath.Join(dir, "carebot.db"), key, bolt.Options{Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	evs, err := db.ConsentEvents(context.Background(), carebot.UserKey("telegram", fmt.Sprint(patient)))
	if err != nil || len(evs) == 0 || evs[0].Action != carebot.OptOut || evs[0].Method != "keyword:STOP" {
		t.Errorf("ledger of the patient who sent STOP: %+v, %v", evs, err)
	}
}

// Members of group chats, as the carebot binary meets them on Telegram:
// crises from members who never opened a chat with the bot, a Spanish
// speaker's opt-out, another bot's /command, a first question, the bot's
// name alone, a message edited into a crisis and a crisis from an
// anonymous admin.
func TestTelegramGroups(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the carebot binary")
	}
	fake := telegramtest.NewServer()
	defer fake.Close()
	fake.Enforce(telegramtest.TelegramLimits)
	env := []string{"TELEGRAM_TOKEN=" + telegramtest.Token, "TELEGRAM_API_ENDPOINT=" + fake.URL}
	startBot(t, t.TempDir(), env)

	const (
		overdose, crisisES, stopES, roll, hello, edit, anon = -7001, -7002, -7003, -7004, -7005, -7006, -7007
	)
	for _, u := range []int64{5001, 5002, 5003} {
		fake.Refuse(u, telegramtest.NotStarted)
	}
	fake.QueueMessage(telegramtest.Message{Chat: overdose, From: 5001, Text: "I took 30 of my sleeping pills"})
	fake.QueueMessage(telegramtest.Message{Chat: crisisES, From: 5002, Lang: "es", Text: "quiero morir, ya no aguanto"})
	fake.QueueMessage(telegramtest.Message{Chat: stopES, From: 5003, Lang: "es", Text: "ya no me escriban", Mention: true})
	fake.QueueMessage(telegramtest.Message{Chat: roll, From: 5004, Text: "/roll"})
	fake.QueueMessage(telegramtest.Message{Chat: roll, From: 5004, Text: "what are your opening hours?", Mention: true})
	fake.QueueMessage(telegramtest.Message{Chat: hello, From: 5005, Text: "", Mention: true})
	now := time.Now().Unix()
	for _, body := range []string{
		fmt.Sprintf(`"edited_message":{"message_id":5,"from":{"id":5006,"is_bot":false,"first_name":"A"},"chat":{"id":%d,"type":"supergroup"},"date":%d,"edit_date":%d,"text":"I want to kill myself"}`, edit, now, now),
		fmt.Sprintf(`"message":{"message_id":7,"from":{"id":1087968824,"is_bot":true,"first_name":"Group","username":"GroupAnonymousBot"},"sender_chat":{"id":%d,"type":"supergroup"},"chat":{"id":%[1]d,"type":"supergroup"},"date":%d,"text":"I want to kill myself"}`, anon, now),
	} {
		if _, err := fake.QueueRaw(func(id int64) string { return fmt.Sprintf(`{"update_id":%d,%s}`, id, body) }); err != nil {
			t.Fatal(err)
		}
	}
	want := map[int64]int{overdose: 2, crisisES: 2, stopES: 2, roll: 1, hello: 1, edit: 1, 5006: 1, anon: 1}
	waitFor(t, fake, "every group's replies", func(c []telegramtest.Call) bool {
		for chat, n := range want {
			if len(sentTo(c, chat)) < n {
				return false
			}
		}
		return true
	})
	texts := func(chat int64) []string {
		var out []string
		for _, m := range messagesTo(fake, chat) {
			out = append(out, m.Text)
		}
		return out
	}
	for chat, n := range want {
		if got := texts(chat); len(got) != n {
			t.Errorf("chat %d got %d messages, want %d: %q", chat, len(got), n, got)
		}
	}
	for _, m := range fake.Messages() {
		if strings.Contains(m.Text, "private message") && m.ChatID < 0 && !strings.Contains(m.Text, "I'll answer") && !strings.Contains(m.Text, "Le responderé") {
			t.Errorf("the group was told %q", m.Text)
		}
	}

	// Their DMs closed, the members in a crisis get the whole safety reply
	// in the group, under their message, after the group's safety line.
	for _, tt := range []struct {
		chat       int64
		line, full string
	}{
		{overdose, "call 911 now", "Poison Control is 1-800-222-1222"},
		{crisisES, "llame al 911 ahora", "Línea de Prevención del Suicidio"},
	} {
		got := messagesTo(fake, tt.chat)
		if len(got) != 2 || !strings.Contains(got[0].Text, tt.line) || !strings.Contains(got[1].Text, tt.full) {
			t.Errorf("group %d got %q, want the safety line, then the reply with %q", tt.chat, texts(tt.chat), tt.full)
			continue
		}
		if got[1].ReplyTo == 0 || got[1].ReplyTo != got[0].ReplyTo {
			t.Errorf("group %d: the safety reply answers message %d, want the member's, %d", tt.chat, got[1].ReplyTo, got[0].ReplyTo)
		}
	}
	// A Spanish speaker's private answer that cannot reach them: the note
	// is in Spanish.
	if got := texts(stopES); len(got) != 2 || !strings.Contains(got[1], "Abra un chat conmigo") {
		t.Errorf("the Spanish speaker's group got %q, want the note in Spanish", got)
	}
	// Another bot's /roll gets nothing, and a first question its answer
	// without a welcome.
	if got := texts(roll); len(got) != 1 || !strings.Contains(got[0], "open Monday") {
		t.Errorf("after /roll and a question the group got %q, want only the answer", got)
	}
	if got := texts(hello); len(got) != 1 || !strings.Contains(got[0], "Mention me") {
		t.Errorf("the bot's name alone got %q, want a hello", got)
	}
	// An edit into a crisis gets the safety reply; an anonymous admin gets
	// the whole of it in the group.
	if got := texts(5006); len(got) != 1 || !strings.Contains(got[0], "988") {
		t.Errorf("the member who edited a message into a crisis got %q by DM, want the crisis reply", got)
	}
	if got := messagesTo(fake, anon); len(got) != 1 || !strings.Contains(got[0].Text, "988") || got[0].ReplyTo != 7 {
		t.Errorf("the anonymous admin's group got %+v, want the crisis reply under message 7", got)
	}
	if allowed := fake.AllowedUpdates(); !slices.Contains(allowed, "edited_message") {
		t.Errorf("the bot asks Telegram for %q, without edited_message", allowed)
	}
}
