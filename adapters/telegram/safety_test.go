package telegram_test

import (
	"context"
	"fmt"
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
