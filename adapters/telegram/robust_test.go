package telegram_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/adapters/telegram"
	"github.com/carebot/carebot/adapters/telegram/telegramtest"
)

// Updates Telegram should never send, and polls that fail, are logged and
// passed over; the loop goes on to answer the next patient.
func TestMalformedUpdatesNeverStopTheLoop(t *testing.T) {
	h := newHarness(t)
	hd := handler(echoText)
	h.run(t, hd, nil)
	bad := []string{
		`{"update_id":%d,"message":{"message_id":1,"from":{"id":42},"chat":{"id":42,"type":"private"},"text":12345}}`,
		`{"update_id":%d,"message":{"message_id":1,"chat":{"id":42,"type":"private"},"text":"no sender"}}`,
		`{"update_id":%d,"message":{"message_id":1,"from":{"id":42},"chat":{"id":42,"type":"private"},"text":"` + strings.Repeat("a", 1<<20) + `"}}`,
		`{"update_id":%d,"poll":{"id":"p"}}`,
		`{"update_id":%d,"callback_query":{"id":"qx","from":{"id":42},"data":"orphan"}}`,
		`{"update_id":"%d"}`,
		`"just a string %d"`,
	}
	for _, raw := range bad {
		if _, err := h.fake.QueueRaw(func(id int64) string { return fmt.Sprintf(raw, id) }); err != nil {
			t.Fatal(err)
		}
	}
	last := h.fake.QueueDM(42, "still there?")
	msgs := waitMessages(t, h, 1)
	if err := h.fake.WaitConfirmed(ctxT(t), last); err != nil {
		t.Fatal(err)
	}
	if len(hd.got()) != 1 || msgs[0].Text != "echo: still there?" {
		t.Errorf("Handler got %d messages and sent %q, want only the good one answered", len(hd.got()), msgs[0].Text)
	}
	logs := h.logs.String()
	for _, reason := range []string{"field message.text is a JSON number", "no sender", "over Telegram's 4096", `unsupported update kind \"poll\"`, "cannot see", "update_id missing"} {
		if !strings.Contains(logs, reason) {
			t.Errorf("no skip logged with reason %q", reason)
		}
	}

	// Polls that fail in every way are retried.
	for _, f := range []telegramtest.Fault{{Body: "<html>502</html>"}, {Body: `{"ok":true,"result":{"not":"a list"}}`}, telegramtest.ServerError(), {Drop: true}, {Code: 409, Description: "Conflict: terminated by other getUpdates request"}} {
		h.fake.FailNext("getUpdates", f)
	}
	// The poll in progress takes this one; the next five fail.
	h.fake.QueueDM(42, "and now?")
	waitMessages(t, h, 2)
	h.fake.QueueDM(42, "after the failures")
	if msgs := waitMessages(t, h, 3); msgs[2].Text != "echo: after the failures" {
		t.Errorf("after failed polls got %q", msgs[2].Text)
	}
	if n := strings.Count(h.logs.String(), "getUpdates failed; retrying"); n != 5 {
		t.Errorf("logged %d failed polls, want 5", n)
	}
}

func TestHandlerPanicDoesNotStopTheBot(t *testing.T) {
	h := newHarness(t)
	hd := handler(func(m carebot.Message) []carebot.Reply {
		if m.Text == "boom" {
			panic("engine bug")
		}
		return echoText(m)
	})
	h.run(t, hd, nil)
	h.fake.QueueDM(42, "boom")
	h.fake.QueueDM(42, "fine")
	if m := waitMessages(t, h, 1)[0]; m.Text != "echo: fine" {
		t.Errorf("got %q, want the next message answered", m.Text)
	}
	if !strings.Contains(h.logs.String(), "handler panicked") {
		t.Error("panic not logged")
	}
}

// Logs say what happened without saying who or what was written: no
// message text, no platform ids, no token, whatever goes wrong.
func TestLogsHoldNoPersonalData(t *testing.T) {
	h := newHarness(t)
	const (
		user  = 987654321
		group = -100424242
		text  = "CANARY my hiv results"
	)
	hd := handler(func(m carebot.Message) []carebot.Reply {
		return []carebot.Reply{{Text: "reply " + text}, {Text: "private " + text, Private: true}}
	})
	h.run(t, hd, nil)
	h.fake.Refuse(user, telegramtest.NotStarted)
	h.fake.FailNext("getUpdates", telegramtest.Fault{Drop: true})
	h.fake.FailNext("sendMessage", telegramtest.ServerError())
	h.fake.QueueRaw(func(id int64) string {
		return fmt.Sprintf(`{"update_id":%d,"message":{"message_id":1,"from":{"id":%d},"chat":{"id":%d,"type":"private"},"text":["%s"]}}`, id, user, user, text)
	})
	h.fake.QueueGroup(group, user, text, true)
	h.fake.QueueDM(user, text)
	waitMessages(t, h, 2)
	logs := h.logs.String()
	if !strings.Contains(logs, "skipped update") || !strings.Contains(logs, "recipient unreachable") {
		t.Fatalf("the scenario did not log what it should:\n%s", logs)
	}
	for _, secret := range []string{"CANARY", "hiv", fmt.Sprint(user), fmt.Sprint(-group), telegramtest.Token, "123456"} {
		if strings.Contains(logs, secret) {
			t.Errorf("logs contain %q:\n%s", secret, logs)
		}
	}
}

func TestNewWithRejectedToken(t *testing.T) {
	h := newHarness(t)
	_, err := telegram.New(ctxT(t), "999:wrong-token", handler(echoText), h.state, h.opts)
	if err == nil || !strings.Contains(err.Error(), "Unauthorized") || strings.Contains(err.Error(), "wrong-token") {
		t.Errorf("got %v, want an Unauthorized error that does not repeat the token", err)
	}
}

func TestNewWithUnreachableEndpointKeepsTokenOutOfError(t *testing.T) {
	h := newHarness(t)
	h.fake.Close()
	_, err := telegram.New(ctxT(t), telegramtest.Token, handler(echoText), h.state, h.opts)
	if err == nil || strings.Contains(err.Error(), telegramtest.Token) {
		t.Errorf("got %v, want an error without the token", err)
	}
}

func TestRunTwiceAtOnce(t *testing.T) {
	h := newHarness(t)
	b, _ := h.run(t, handler(echoText), nil)
	h.fake.QueueDM(42, "hi")
	waitMessages(t, h, 1) // the first Run is running
	if err := b.Run(context.Background()); err == nil {
		t.Error("a second Run at once: got nil, want an error")
	}
}
