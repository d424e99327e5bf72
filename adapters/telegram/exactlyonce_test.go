package telegram_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/carebot/carebot"
)

// A crash after the commit and before any send: the restarted bot
// delivers the promised reply and does not ask the Handler again.
func TestCrashAfterCommitDeliversOnRestart(t *testing.T) {
	h := newHarness(t)
	hd := handler(echoText)
	id := h.fake.QueueDM(42, "are you open today?")
	h.runCrashing(t, hd, &crashState{State: h.state, afterCommit: true})
	if n := len(h.fake.Messages()); n != 0 {
		t.Fatalf("before restart: got %d messages, want 0 (crashed before sending)", n)
	}
	h.run(t, hd, nil)
	msgs := waitMessages(t, h, 1)
	if err := h.fake.WaitConfirmed(ctxT(t), id); err != nil {
		t.Fatal(err)
	}
	if msgs[0].Text != "echo: are you open today?" || msgs[0].ChatID != 42 {
		t.Errorf("got %q to %d, want the echo to 42", msgs[0].Text, msgs[0].ChatID)
	}
	if n := len(hd.got()); n != 1 {
		t.Errorf("Handler called %d times, want 1", n)
	}
	if n := len(h.fake.Messages()); n != 1 {
		t.Errorf("got %d messages, want exactly 1", n)
	}
}

// A failed commit (the crash between Handler and commit): nothing is sent,
// the update is polled again, and the patient gets one reply.
func TestFailedCommitHandlesAgainAndRepliesOnce(t *testing.T) {
	h := newHarness(t)
	hd := handler(echoText)
	h.state.FailNextCommit(errors.New("disk full"))
	id := h.fake.QueueDM(42, "hello")
	h.run(t, hd, nil)
	waitMessages(t, h, 1)
	if err := h.fake.WaitConfirmed(ctxT(t), id); err != nil {
		t.Fatal(err)
	}
	if n := len(hd.got()); n != 2 {
		t.Errorf("Handler called %d times, want 2 (once failed to commit, once committed)", n)
	}
	if n := len(h.fake.Messages()); n != 1 {
		t.Errorf("got %d messages, want 1", n)
	}
}

// A crash with a send in flight (sent, not yet marked done): only that
// send is repeated.
func TestCrashMidDeliveryRepeatsOnlyTheSendInFlight(t *testing.T) {
	h := newHarness(t)
	hd := handler(func(m carebot.Message) []carebot.Reply {
		return []carebot.Reply{{Text: "one"}, {Text: "two"}, {Text: "three"}}
	})
	h.fake.QueueDM(42, "tell me everything")
	h.runCrashing(t, hd, &crashState{State: h.state, atDone: true})
	h.run(t, hd, nil)
	msgs := waitMessages(t, h, 4)
	var got []string
	for _, m := range msgs {
		got = append(got, m.Text)
	}
	if fmt.Sprint(got) != "[one one two three]" {
		t.Errorf("got %q, want [one one two three]: one duplicate, the send in flight", got)
	}
	if n := len(hd.got()); n != 1 {
		t.Errorf("Handler called %d times, want 1", n)
	}
}

// Updates already handled are not handled again when Telegram sends them
// again (a webhook retry, or polling from an old offset).
func TestDuplicateUpdatesAreSkipped(t *testing.T) {
	h := newHarness(t)
	hd := handler(echoText)
	raw := `{"update_id":%d,"message":{"message_id":5,"date":1,"from":{"id":42},"chat":{"id":42,"type":"private"},"text":"again"}}`
	first, _ := h.fake.QueueRaw(func(id int64) string { return fmt.Sprintf(raw, id) })
	h.run(t, hd, nil)
	waitMessages(t, h, 1)
	// The same id a second time, then a fresh message to know it was seen.
	h.fake.QueueRaw(func(int64) string { return fmt.Sprintf(raw, first) })
	h.fake.QueueDM(42, "new")
	msgs := waitMessages(t, h, 2)
	if msgs[1].Text != "echo: new" || len(hd.got()) != 2 {
		t.Errorf("got messages %q and %d Handler calls, want the duplicate skipped", []string{msgs[0].Text, msgs[1].Text}, len(hd.got()))
	}
}

// A reply promised before a long outage is not sent days later.
func TestStaleRepliesAreDropped(t *testing.T) {
	h := newHarness(t)
	hd := handler(echoText)
	h.fake.QueueDM(42, "hello")
	h.runCrashing(t, hd, &crashState{State: h.state, afterCommit: true})
	h.clock.Advance(25 * time.Hour)
	h.fake.QueueDM(42, "anyone there?")
	_, stop := h.run(t, hd, nil)
	msgs := waitMessages(t, h, 1)
	stop()
	if msgs[0].Text != "echo: anyone there?" || len(h.fake.Messages()) != 1 {
		t.Errorf("after the outage got %d messages, first %q; want only the answer to the new question", len(h.fake.Messages()), msgs[0].Text)
	}
	if _, pending, _ := h.state.Load(ctxT(t)); len(pending) != 0 {
		t.Errorf("%d deliveries still pending, want none: %s", len(pending), pending[0].Data)
	}
	if !strings.Contains(h.logs.String(), "too old to deliver") {
		t.Errorf("no log of the dropped reply")
	}
}
