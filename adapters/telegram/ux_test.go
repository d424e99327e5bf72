package telegram_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/adapters/telegram"
	"github.com/carebot/carebot/adapters/telegram/telegramtest"
)

func TestPressIsAnsweredAndKeyboardCleared(t *testing.T) {
	h := newHarness(t)
	hd := handler(func(m carebot.Message) []carebot.Reply {
		if m.Payload != "" {
			return echoText(m)
		}
		return []carebot.Reply{{Text: "Keep your appointment?", Buttons: []carebot.Button{{Label: "Yes", Payload: "appt:keep"}, {Label: "Cancel it", Payload: "appt:cancel"}}}}
	})
	h.run(t, hd, nil)
	h.fake.QueueDM(42, "my appointment")
	menu := waitMessages(t, h, 1)[0]
	if _, err := h.fake.QueuePress(42, menu, "Cancel it"); err != nil {
		t.Fatal(err)
	}
	err := h.fake.Wait(ctxT(t), func(st telegramtest.Snapshot) bool {
		return count(st.Calls, "answerCallbackQuery") == 1 && count(st.Calls, "editMessageReplyMarkup") == 1 && count(st.Calls, "sendMessage") == 2
	})
	if err != nil {
		t.Fatalf("got calls %v, want the press answered, the keyboard cleared and a reply", methods(h.fake.Calls()))
	}
	for _, c := range h.fake.Calls() {
		if c.Method == "editMessageReplyMarkup" && (c.ChatID != 42 || c.MessageID != menu.MessageID || len(c.Buttons) != 0) {
			t.Errorf("cleared message %d in chat %d to %v, want message %d in 42 without buttons", c.MessageID, c.ChatID, c.Buttons, menu.MessageID)
		}
	}
	if got := hd.got()[1]; got.Payload != "appt:cancel" {
		t.Errorf("Handler got Payload %q, want appt:cancel", got.Payload)
	}
	if _, err := h.fake.QueuePress(42, menu, "Yes"); err == nil {
		t.Error("the used keyboard can still be pressed")
	}
}

// A private reply to a member who never opened a chat with the bot turns
// into a public note asking them to, which says nothing of the reply.
func TestPrivateReplyToMemberWhoNeverStartedTheBot(t *testing.T) {
	h := newHarness(t)
	const secret = "Your appointment is on Tuesday at 3pm"
	hd := handler(func(m carebot.Message) []carebot.Reply {
		return []carebot.Reply{{Text: secret, Private: true}}
	})
	h.run(t, hd, nil)
	h.fake.Refuse(77, telegramtest.NotStarted)
	h.fake.QueueGroup(-1005, 77, "when is my appointment?", true)
	note := waitMessages(t, h, 1)[0]
	asked := hd.got()[0]
	if note.ChatID != -1005 || note.Text == "" || strings.Contains(note.Text, "Tuesday") {
		t.Errorf("got %q in chat %d, want a note in the group without the private text", note.Text, note.ChatID)
	}
	if asked.ID == "" || note.ReplyTo == 0 || asked.ID != itoa(note.ReplyTo) {
		t.Errorf("note replies to message %d, want the member's message %s", note.ReplyTo, asked.ID)
	}
	for _, c := range h.fake.Rejected() {
		if c.ChatID != 77 || c.Code != 403 {
			t.Errorf("unexpected rejected call %+v", c)
		}
	}
}

// A private reply that cannot reach the member is replaced in the group by
// the text the Handler gave for that case, in the group's line: a crisis
// reply is posted whole, under the member's message, after the group's
// safety line, and no note asks someone in a crisis to say it again.
func TestUnreachablePrivateReplyIsPostedInTheGroupAsTheHandlerSaid(t *testing.T) {
	h := newHarness(t)
	const line = "If anyone here is in danger, call 911 now."
	const full = "Please call or text 988, free and open 24/7."
	hd := handler(func(m carebot.Message) []carebot.Reply {
		return []carebot.Reply{{Text: line}, {Text: full, Private: true, IfUnreachable: full}}
	})
	h.run(t, hd, nil)
	h.fake.Refuse(77, telegramtest.NotStarted)
	h.fake.QueueGroup(-1005, 77, "i want to end it all", false)
	msgs := waitMessages(t, h, 2)
	asked := hd.got()[0]
	var got []string
	for _, m := range msgs {
		got = append(got, m.Text)
		if m.ChatID != -1005 || itoa(m.ReplyTo) != asked.ID {
			t.Errorf("%q went to chat %d replying to %d, want the group under message %s", m.Text, m.ChatID, m.ReplyTo, asked.ID)
		}
	}
	if want := []string{line, full}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("the group got %q, want %q", got, want)
	}
}

func TestLongReplyIsSplitWithButtonsOnTheLastPart(t *testing.T) {
	h := newHarness(t)
	long := strings.Repeat("Flu shots are free for patients over 65. 💉 Walk in any weekday.\n\n", 160)
	hd := handler(func(m carebot.Message) []carebot.Reply {
		return []carebot.Reply{{Text: long, Buttons: []carebot.Button{{Label: "More", Payload: "faq:flu"}}}}
	})
	h.run(t, hd, nil)
	h.fake.QueueGroup(-1005, 43, "tell me about flu shots", true)
	msgs := waitMessages(t, h, 3)
	var joined strings.Builder
	for i, m := range msgs {
		if n := len(utf16.Encode([]rune(m.Text))); n > telegram.MaxText {
			t.Errorf("part %d is %d UTF-16 units", i, n)
		}
		if m.ChatID != -1005 || m.ReplyTo == 0 {
			t.Errorf("part %d went to %d replying to %d, want the group thread", i, m.ChatID, m.ReplyTo)
		}
		if wantButtons := i == len(msgs)-1; (len(m.Buttons) > 0) != wantButtons {
			t.Errorf("part %d of %d has buttons %v", i+1, len(msgs), m.Buttons)
		}
		if !strings.HasSuffix(m.Text, "weekday.") {
			t.Errorf("part %d does not end at a paragraph: ...%q", i, m.Text[len(m.Text)-15:])
		}
		joined.WriteString(m.Text + "\n\n")
	}
	if joined.String() != long {
		t.Error("the parts do not add up to the reply")
	}
}

func TestButtonWithOverlongPayloadIsLeftOut(t *testing.T) {
	h := newHarness(t)
	hd := handler(func(m carebot.Message) []carebot.Reply {
		return []carebot.Reply{{Text: "Pick one", Buttons: []carebot.Button{
			{Label: "Hours", Payload: "faq:hours"},
			{Label: "Too long", Payload: strings.Repeat("x", telegram.MaxPayload+1)},
		}}}
	})
	h.run(t, hd, nil)
	h.fake.QueueDM(42, "menu")
	m := waitMessages(t, h, 1)[0]
	if len(m.Buttons) != 1 || m.Buttons[0].Data != "faq:hours" {
		t.Errorf("got buttons %v, want only Hours", m.Buttons)
	}
	if !strings.Contains(h.logs.String(), "button left out") {
		t.Error("the dropped button was not logged")
	}
}

// Commands reach the engine as its words. In a group only a command that
// names the bot (or replies to it) is addressed to it: a bare /roll, /stop
// or /start there may be another bot's, and is not.
func TestCommandsReachTheEngineAsItsWords(t *testing.T) {
	h := newHarness(t)
	hd := handler(func(carebot.Message) []carebot.Reply { return nil })
	h.run(t, hd, nil)
	for _, text := range []string{"/start", "/help", "/stop", "/roll", "/help@" + telegramtest.BotUsername} {
		h.fake.QueueMessage(telegramtest.Message{Chat: -1005, From: 43, Text: text})
	}
	h.fake.QueueMessage(telegramtest.Message{Chat: -1005, From: 43, Text: "/stop", ReplyTo: 3})
	last := h.fake.QueueDM(42, "/start")
	if err := h.fake.WaitConfirmed(ctxT(t), last); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range hd.got()[:7] {
		word := m.Text
		if !m.Mentioned {
			word = "(" + word + ")"
		}
		got = append(got, word)
	}
	if want := "(/start) (HELP) (STOP) (/roll) HELP STOP /start"; strings.Join(got, " ") != want {
		t.Errorf("got %q, want %q (unaddressed in parentheses)", strings.Join(got, " "), want)
	}
}

func TestReplyFollowsGroupMigration(t *testing.T) {
	h := newHarness(t)
	h.run(t, handler(echoText), nil)
	h.fake.FailNext("sendMessage", telegramtest.Migrated(-1009999))
	h.fake.QueueGroup(-1005, 43, "hello", true)
	if m := waitMessages(t, h, 1)[0]; m.ChatID != -1009999 {
		t.Errorf("sent to %d, want the supergroup -1009999", m.ChatID)
	}
}

func TestDeliveryRetriesTransientFailures(t *testing.T) {
	h := newHarness(t)
	h.run(t, handler(echoText), nil)
	h.fake.FailNext("sendMessage", telegramtest.ServerError())
	h.fake.FailNext("sendMessage", telegramtest.Fault{Drop: true})
	h.fake.FailNext("sendMessage", telegramtest.TooManyRequests(2))
	h.fake.QueueDM(42, "hello")
	waitMessages(t, h, 1)
	h.fake.QueueDM(42, "sentinel")
	msgs := waitMessages(t, h, 2)
	if msgs[0].Text != "echo: hello" || msgs[1].Text != "echo: sentinel" {
		t.Errorf("got %q, %q, want each reply once", msgs[0].Text, msgs[1].Text)
	}
}

func TestSend(t *testing.T) {
	h := newHarness(t)
	b, _ := h.run(t, handler(echoText), nil)
	ctx := ctxT(t)
	group := carebot.Address{Platform: "telegram", ChatID: "-1005", UserID: "43", Group: true, Thread: "17"}
	must(t, b.Send(ctx, group, carebot.Reply{Text: "public"}))
	must(t, b.Send(ctx, group, carebot.Reply{Text: "private", Private: true}))
	msgs := waitMessages(t, h, 2)
	if msgs[0].ChatID != -1005 || msgs[0].ReplyTo != 17 || msgs[1].ChatID != 43 || msgs[1].ReplyTo != 0 {
		t.Errorf("got %+v then %+v, want the group thread then the member's DM", msgs[0], msgs[1])
	}
	if msgs[0].ParseMode != "" {
		t.Errorf("sent with parse mode %q, want plain text", msgs[0].ParseMode)
	}

	for range 3 {
		h.fake.FailNext("sendMessage", telegramtest.TooManyRequests(1))
	}
	var rl *carebot.RateLimitError
	if err := b.Send(ctx, h.DMAddress("zoe"), carebot.Reply{Text: "x"}); !errors.As(err, &rl) || rl.RetryAfter.Seconds() != 1 {
		t.Errorf("Send through three 429s: got %v, want a *carebot.RateLimitError of 1s", err)
	}
	for _, f := range []telegramtest.Fault{telegramtest.ChatNotFound, telegramtest.Deactivated, telegramtest.NotStarted} {
		h.fake.FailNext("sendMessage", f)
		if err := b.Send(ctx, h.DMAddress("zoe"), carebot.Reply{Text: "x"}); !errors.Is(err, carebot.ErrUnreachable) {
			t.Errorf("Send answered %q: got %v, want ErrUnreachable", f.Description, err)
		}
	}
	for _, tt := range []struct {
		to carebot.Address
		r  carebot.Reply
	}{
		{carebot.Address{Platform: "slack", ChatID: "1"}, carebot.Reply{Text: "x"}},
		{carebot.Address{ChatID: "C123"}, carebot.Reply{Text: "x"}},
		{carebot.Address{ChatID: "-5", Group: true}, carebot.Reply{Text: "x", Private: true}},
		{carebot.Address{ChatID: "5"}, carebot.Reply{Text: " "}},
	} {
		if err := b.Send(ctx, tt.to, tt.r); err == nil || errors.Is(err, carebot.ErrUnreachable) {
			t.Errorf("Send(%+v, %+v): got %v, want a plain error", tt.to, tt.r, err)
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func count(calls []telegramtest.Call, method string) int {
	n := 0
	for _, c := range calls {
		if c.Method == method {
			n++
		}
	}
	return n
}

func methods(calls []telegramtest.Call) []string {
	var out []string
	for _, c := range calls {
		out = append(out, c.Method)
	}
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestReadsGroupsAsGetMeSays: with BotFather's privacy mode on, Telegram
// hands the bot only the group messages addressed to it, and a crisis
// posted to the group never reaches the safety check; the bot says which
// at start (carebot logs a warning).
func TestReadsGroupsAsGetMeSays(t *testing.T) {
	for _, privacy := range []bool{false, true} {
		h := newHarness(t)
		h.fake.Privacy = privacy
		b := h.newBot(t.Context(), &handlerFunc{f: echoText})
		if b.ReadsGroups() == privacy {
			t.Errorf("privacy mode %v: ReadsGroups %v", privacy, b.ReadsGroups())
		}
	}
}
