package telegram_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/adapters/telegram/telegramtest"
)

// safetyHandler answers like the engine: a message saying "crisis" gets a
// safety line in its chat and the full reply by DM, the rest an answer.
func safetyHandler(m carebot.Message) []carebot.Reply {
	if !strings.Contains(m.Text, "crisis") {
		return []carebot.Reply{{Text: "answer: " + m.Text}}
	}
	line := carebot.Reply{Text: "safety line", Safety: true}
	if !m.From.Group {
		return []carebot.Reply{line}
	}
	return []carebot.Reply{line, {Text: "safety reply", Private: true, IfUnreachable: "safety reply", Safety: true}}
}

// A crisis in a busy group goes out next, not behind the answers already
// waiting in the group's line (paced at 20 a minute, 24 of them took 76
// seconds), and the group's limits still hold.
func TestSafetyReplyJumpsABusyGroupsLine(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		fake, b := localBot(t, handler(safetyHandler))
		fake.Enforce(telegramtest.TelegramLimits)
		const group = -1007
		for i := range 24 {
			fake.QueueGroup(group, 10_000+int64(i), fmt.Sprint("what are your hours? ", i), true)
		}
		fake.QueueGroup(group, 10_100, "crisis", false)
		start := time.Now()
		stop := runLocal(b)
		defer stop()
		if _, err := fake.WaitMessages(context.Background(), 26); err != nil {
			t.Fatal(err)
		}
		var order []string
		at := -1
		for _, m := range fake.Messages() {
			if m.ChatID != group {
				continue
			}
			if m.Text == "safety line" {
				at = len(order)
				t.Logf("the safety line went out %s after the burst, as group message %d of 25", m.At.Sub(start), at+1)
			}
			order = append(order, m.Text)
		}
		// Only the answer already on its way when the crisis came may
		// go before it.
		if at < 0 || at > 1 {
			t.Errorf("the safety line is group message %d of %d, want the first or second", at+1, len(order))
		}
		if n := fake.Throttled(); n != 0 {
			t.Errorf("got %d 429s, want 0", n)
		}
	})
}

// Safety jobs keep their own order: a crisis reply posted in a group in
// place of an unreachable DM comes after the group's safety line, even
// when both jumped a line of answers.
func TestSafetyRepliesKeepTheirOrderInABusyGroup(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		fake, b := localBot(t, handler(safetyHandler))
		fake.Enforce(telegramtest.TelegramLimits)
		const group = -1008
		fake.Refuse(10_100, telegramtest.NotStarted)
		for i := range 10 {
			fake.QueueGroup(group, 10_000+int64(i), fmt.Sprint("question ", i), true)
		}
		fake.QueueGroup(group, 10_100, "crisis", false)
		stop := runLocal(b)
		defer stop()
		if _, err := fake.WaitMessages(context.Background(), 12); err != nil {
			t.Fatal(err)
		}
		var order []string
		for _, m := range fake.Messages() {
			order = append(order, m.Text)
		}
		line, full := -1, -1
		for i, text := range order {
			switch text {
			case "safety line":
				line = i
			case "safety reply":
				full = i
			}
		}
		if line < 0 || full != line+1 || full > 2 {
			t.Errorf("group messages %q: want the safety line, then the safety reply, among the first three", order)
		}
	})
}

// A 429 for one group's flood control pauses that group only: a crisis in
// a DM from someone else is answered at once, not after the group's
// retry_after, and the group is tried again when its retry_after is over.
func TestOneGroupsFloodControlHoldsUpNoOtherChat(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		fake, b := localBot(t, handler(safetyHandler))
		const group, retry = -1009, 40
		fake.Refuse(group, telegramtest.TooManyRequests(retry))
		fake.QueueGroup(group, 10_000, "what are your hours?", true)
		stop := runLocal(b)
		defer stop()
		var tries []time.Time
		wait := func(n int) { // until the group was tried n times
			for len(tries) < n {
				time.Sleep(100 * time.Millisecond) // on the bubble's clock
				tries = tries[:0]
				for _, c := range fake.Rejected() {
					if c.ChatID == group {
						tries = append(tries, c.At)
					}
				}
			}
		}
		wait(1)
		fake.QueueDM(10_200, "crisis")
		if _, err := fake.WaitMessages(context.Background(), 1); err != nil {
			t.Fatal(err)
		}
		wait(2) // the try after the retry_after
		dm := fake.Messages()[0]
		if dm.ChatID != 10_200 || dm.Text != "safety line" {
			t.Fatalf("first message %q to %d, want the DM's safety line", dm.Text, dm.ChatID)
		}
		t.Logf("the group's 429 at +0s, the DM's safety line at +%s, the group tried again at +%s", dm.At.Sub(tries[0]), tries[1].Sub(tries[0]))
		if !dm.At.Before(tries[0].Add(retry * time.Second)) {
			t.Errorf("the DM went out %s after the group's 429, want before the group's retry_after of %ds", dm.At.Sub(tries[0]), retry)
		}
		if got := tries[1].Sub(tries[0]); got < retry*time.Second {
			t.Errorf("the group was tried again %s after its 429, want at least %ds", got, retry)
		}
	})
}

// 429s for two different chats at once mean the bot as a whole is over
// its limit: then every chat waits, a third one too.
func TestFloodControlOfTheWholeBotPausesEveryChat(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		fake, b := localBot(t, handler(safetyHandler))
		const retry = 5
		fake.Refuse(10_001, telegramtest.TooManyRequests(retry))
		fake.Refuse(10_002, telegramtest.TooManyRequests(retry))
		fake.QueueDM(10_001, "one")
		fake.QueueDM(10_002, "two")
		stop := runLocal(b)
		defer stop()
		for len(fake.Rejected()) < 2 {
			time.Sleep(100 * time.Millisecond) // on the bubble's clock
		}
		second := fake.Rejected()[1].At
		fake.QueueDM(10_003, "three")
		if _, err := fake.WaitMessages(context.Background(), 1); err != nil {
			t.Fatal(err)
		}
		if m := fake.Messages()[0]; m.ChatID != 10_003 || m.At.Sub(second) < retry*time.Second {
			t.Errorf("a third chat got %q %s after the second 429, want it held for the retry_after of %ds", m.Text, m.At.Sub(second), retry)
		}
	})
}

// A message edited into a crisis reaches the Handler, marked as an edit,
// and so does a group's anonymous admin, with no user to write to: a
// private reply to them is posted in the group, as for a member who cannot
// be reached.
func TestEditsAndAnonymousAdminsReachTheHandler(t *testing.T) {
	h := newHarness(t)
	hd := handler(safetyHandler)
	h.run(t, hd, nil)
	now := h.clock.Now().Unix()
	edit := fmt.Sprintf(`"edited_message":{"message_id":5,"from":{"id":7001,"first_name":"A"},"chat":{"id":-1005,"type":"supergroup"},"date":%d,"edit_date":%d,"text":"crisis"}`, now, now)
	anon := fmt.Sprintf(`"message":{"message_id":6,"from":{"id":1087968824,"is_bot":true,"first_name":"Group","username":"GroupAnonymousBot"},"sender_chat":{"id":-1006,"type":"supergroup"},"chat":{"id":-1006,"type":"supergroup"},"date":%d,"text":"crisis"}`, now)
	for _, body := range []string{edit, anon} {
		if _, err := h.fake.QueueRaw(func(id int64) string { return fmt.Sprintf(`{"update_id":%d,%s}`, id, body) }); err != nil {
			t.Fatal(err)
		}
	}
	msgs := waitMessages(t, h, 4) // the edit: a line, the DM; the admin: a line, the reply
	got := hd.got()
	if len(got) != 2 || !got[0].Edited || got[0].From.UserID != "7001" || got[1].Edited || got[1].From.UserID != "" || !got[1].From.Group {
		t.Fatalf("the Handler got %+v, want the edit (marked) and the admin's message (no user)", got)
	}
	var toAdmin []string
	for _, m := range msgs {
		if m.ChatID == -1006 {
			toAdmin = append(toAdmin, m.Text)
			if m.ReplyTo != 6 {
				t.Errorf("%q replies to %d, want the admin's message 6", m.Text, m.ReplyTo)
			}
		}
	}
	if strings.Join(toAdmin, "|") != "safety line|safety reply" {
		t.Errorf("the admin's group got %q, want the safety line and the safety reply", toAdmin)
	}
	if allowed := h.fake.AllowedUpdates(); !slices.Contains(allowed, "edited_message") {
		t.Errorf("the bot asks for %q: without edited_message Telegram sends no edits", allowed)
	}
}
