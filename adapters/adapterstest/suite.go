package adapterstest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/carebot/carebot"
)

// patience bounds every wait for something the adapter should do: it only
// turns a hang into a failure, it is never the thing measured.
const patience = 10 * time.Second

// Run runs the contract suite; newHarness makes a fresh adapter and fake
// for each subtest.
func Run(t *testing.T, newHarness func(t *testing.T) Harness) {
	t.Run("DM", func(t *testing.T) { testDM(t, newHarness(t)) })
	t.Run("GroupMention", func(t *testing.T) { testGroupMention(t, newHarness(t)) })
	t.Run("GroupUnaddressed", func(t *testing.T) { testGroupUnaddressed(t, newHarness(t)) })
	t.Run("PrivateReplyFromGroup", func(t *testing.T) { testPrivateReply(t, newHarness(t)) })
	t.Run("Button", func(t *testing.T) { testButton(t, newHarness(t)) })
	t.Run("Burst", func(t *testing.T) { testBurst(t, newHarness(t)) })
	t.Run("RetryAfter", func(t *testing.T) { testRetryAfter(t, newHarness(t)) })
	t.Run("Unreachable", func(t *testing.T) { testUnreachable(t, newHarness(t)) })
	t.Run("Shutdown", func(t *testing.T) { testShutdown(t, newHarness(t)) })
}

// echo answers typed text with "echo: <text>" and a press with
// "pressed: <payload>", and, like the engine, says nothing to a group
// message that does not address the bot.
func echo(m carebot.Message) []carebot.Reply {
	switch {
	case m.From.Group && !m.Mentioned:
		return nil
	case m.Payload != "":
		return []carebot.Reply{{Text: "pressed: " + m.Payload}}
	default:
		return []carebot.Reply{{Text: "echo: " + m.Text}}
	}
}

// start runs the adapter for the rest of the test.
func start(t *testing.T, h Harness, reply func(carebot.Message) []carebot.Reply) (*recorder, carebot.Sender) {
	t.Helper()
	rec := newRecorder(reply)
	ctx, cancel := context.WithCancel(context.Background())
	sender, done := h.Start(ctx, rec)
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil && !errors.Is(err, context.Canceled) {
				t.Errorf("run loop ended with %v, want nil", err)
			}
		case <-time.After(patience):
			t.Errorf("run loop did not stop within %s of cancel", patience)
		}
	})
	return rec, sender
}

func waitCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), patience)
	t.Cleanup(cancel)
	return ctx
}

func testDM(t *testing.T, h Harness) {
	rec, _ := start(t, h, echo)
	h.DM("alice", "what time do you open on saturday?")
	got, err := rec.wait(waitCtx(t), 1)
	if err != nil {
		t.Fatalf("handler got %d messages, want 1: %v", len(got), err)
	}
	m := got[0]
	if m.From.Platform != h.Platform() || m.From.Group || m.From.UserID == "" || m.From.ChatID == "" {
		t.Errorf("got From %+v, want a %s DM address with chat and user ids", m.From, h.Platform())
	}
	if m.Text != "what time do you open on saturday?" || m.Payload != "" {
		t.Errorf("got Text %q Payload %q, want the typed text and no payload", m.Text, m.Payload)
	}
	if a := h.DMAddress("alice"); a.ChatID != m.From.ChatID || a.UserID != m.From.UserID {
		t.Errorf("DMAddress(alice) is chat %q user %q, the message came from chat %q user %q", a.ChatID, a.UserID, m.From.ChatID, m.From.UserID)
	}
	sent := waitSent(t, h, 1)
	if sent[0].ChatID != m.From.ChatID || sent[0].Text != "echo: "+m.Text {
		t.Errorf("got %q in chat %q, want the echo in the DM chat %q", sent[0].Text, sent[0].ChatID, m.From.ChatID)
	}
}

func testGroupMention(t *testing.T, h Harness) {
	rec, _ := start(t, h, echo)
	h.Group("support", "bob", "when is the flu clinic?", true)
	got, err := rec.wait(waitCtx(t), 1)
	if err != nil {
		t.Fatalf("handler got no message: %v", err)
	}
	m := got[0]
	if !m.From.Group || !m.Mentioned || m.From.ChatID == h.DMAddress("bob").ChatID {
		t.Errorf("got Group %v Mentioned %v chat %q, want a mentioned group message outside bob's DM", m.From.Group, m.Mentioned, m.From.ChatID)
	}
	if m.Text != "when is the flu clinic?" {
		t.Errorf("got Text %q, want the text without the mention", m.Text)
	}
	sent := waitSent(t, h, 1)
	if sent[0].ChatID != m.From.ChatID {
		t.Errorf("reply went to chat %q, want the group %q", sent[0].ChatID, m.From.ChatID)
	}
	if m.From.Thread != "" && sent[0].Thread != m.From.Thread {
		t.Errorf("reply is under %q, want the question's thread %q", sent[0].Thread, m.From.Thread)
	}
}

func testGroupUnaddressed(t *testing.T, h Harness) {
	rec, _ := start(t, h, echo)
	h.Group("support", "carol", "just chatting among ourselves", false)
	h.Group("support", "carol", "are you there?", true)
	got, err := rec.wait(waitCtx(t), 2)
	if err != nil {
		t.Fatalf("handler got %d messages, want both (the safety check needs every group message): %v", len(got), err)
	}
	if !got[0].From.Group || got[0].Mentioned {
		t.Errorf("unaddressed group message: got Group %v Mentioned %v, want true false", got[0].From.Group, got[0].Mentioned)
	}
	sent := waitSent(t, h, 1)
	if len(sent) != 1 || sent[0].Text != "echo: are you there?" {
		t.Errorf("got sent %v, want only the answer to the mention", texts(sent))
	}
}

func testPrivateReply(t *testing.T, h Harness) {
	start(t, h, func(m carebot.Message) []carebot.Reply {
		return []carebot.Reply{{Text: "public answer"}, {Text: "private answer", Private: true}}
	})
	h.Group("support", "dana", "remind me about my appointment", true)
	sent := waitSent(t, h, 2)
	dm := h.DMAddress("dana").ChatID
	for _, s := range sent {
		switch s.Text {
		case "private answer":
			if s.ChatID != dm {
				t.Errorf("private reply went to chat %q, want dana's DM %q", s.ChatID, dm)
			}
		case "public answer":
			if s.ChatID == dm {
				t.Errorf("public reply went to dana's DM, want the group")
			}
		default:
			t.Errorf("unexpected message %q", s.Text)
		}
	}
}

func testButton(t *testing.T, h Harness) {
	rec, _ := start(t, h, func(m carebot.Message) []carebot.Reply {
		if m.Payload != "" {
			return echo(m)
		}
		return []carebot.Reply{{Text: "Confirm your visit?", Buttons: []carebot.Button{{Label: "Yes", Payload: "confirm:yes"}, {Label: "No", Payload: "confirm:no"}}}}
	})
	h.DM("erin", "confirm")
	sent := waitSent(t, h, 1)
	if !slices.Equal(sent[0].Labels, []string{"Yes", "No"}) {
		t.Fatalf("got buttons %q, want [Yes No]", sent[0].Labels)
	}
	if err := h.Press("erin", sent[0], "Yes"); err != nil {
		t.Fatal(err)
	}
	got, err := rec.wait(waitCtx(t), 2)
	if err != nil {
		t.Fatalf("handler got no press: %v", err)
	}
	if p := got[1]; p.Payload != "confirm:yes" || p.From.ChatID != got[0].From.ChatID || p.From.UserID != got[0].From.UserID {
		t.Errorf("press: got Payload %q from %+v, want confirm:yes from %+v", p.Payload, p.From, got[0].From)
	}
	sent = waitSent(t, h, 2)
	if sent[1].Text != "pressed: confirm:yes" || sent[1].ChatID != sent[0].ChatID {
		t.Errorf("got %q in chat %q, want the answer to the press in the same chat", sent[1].Text, sent[1].ChatID)
	}
}

func testBurst(t *testing.T, h Harness) {
	_, sender := start(t, h, echo)
	h.Enforce()
	const users, each = 20, 3
	ctx := waitCtx(t)
	for i := range users * each {
		to := h.DMAddress(fmt.Sprint("user", i%users))
		if err := sender.Send(ctx, to, carebot.Reply{Text: fmt.Sprint("notice ", i)}); err != nil {
			t.Fatalf("send %d: %v", i, err)
		}
	}
	if n := len(h.Throttled()); n != 0 {
		t.Errorf("the platform answered 429 %d times, want 0", n)
	}
	if n := len(h.Sent()); n != users*each {
		t.Errorf("platform received %d messages, want %d", n, users*each)
	}
}

func testRetryAfter(t *testing.T, h Harness) {
	_, sender := start(t, h, echo)
	h.Throttle(3 * time.Second)
	ctx := waitCtx(t)
	to := h.DMAddress("frank")
	var rl *carebot.RateLimitError
	if err := sender.Send(ctx, to, carebot.Reply{Text: "first"}); err != nil && !errors.As(err, &rl) {
		t.Fatalf("Send after a 429: got %v, want nil or a *carebot.RateLimitError", err)
	} else if err != nil {
		if err := sender.Send(ctx, to, carebot.Reply{Text: "first"}); err != nil {
			t.Fatalf("second Send after a 429: %v", err)
		}
	}
	throttled := h.Throttled()
	sent := h.Sent()
	if len(throttled) != 1 || len(sent) != 1 {
		t.Fatalf("got %d 429s and %d messages, want 1 and 1", len(throttled), len(sent))
	}
	if wait := sent[0].At.Sub(throttled[0]); wait < 3*time.Second {
		t.Errorf("sent again %s after the 429, want at least its retry-after of 3s", wait)
	}
}

func testUnreachable(t *testing.T, h Harness) {
	_, sender := start(t, h, echo)
	h.Block("gina")
	err := sender.Send(waitCtx(t), h.DMAddress("gina"), carebot.Reply{Text: "your reminder"})
	if !errors.Is(err, carebot.ErrUnreachable) {
		t.Errorf("Send to a user who blocked the bot: got %v, want carebot.ErrUnreachable", err)
	}
}

func testShutdown(t *testing.T, h Harness) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	rec := newRecorder(echo)
	_, done := h.Start(ctx, rec)
	h.DM("hank", "hello")
	waitSent(t, h, 1)
	if err := h.WaitIdle(waitCtx(t)); err != nil {
		t.Fatalf("adapter never went back to waiting for events: %v", err)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil && !errors.Is(err, context.Canceled) {
			t.Errorf("run loop ended with %v, want nil", err)
		}
	case <-time.After(time.Second):
		t.Fatal("run loop still running a second after cancel")
	}
	if stacks := leftover(h.Packages()); len(stacks) > 0 {
		t.Errorf("%d goroutines of the adapter still running after it stopped:\n%s", len(stacks), strings.Join(stacks, "\n\n"))
	}
}

func waitSent(t *testing.T, h Harness, n int) []Sent {
	t.Helper()
	sent, err := h.WaitSent(waitCtx(t), n)
	if err != nil {
		t.Fatalf("platform received %d messages (%q), want %d: %v", len(sent), texts(sent), n, err)
	}
	return sent
}

func texts(sent []Sent) []string {
	var out []string
	for _, s := range sent {
		out = append(out, s.Text)
	}
	return out
}
