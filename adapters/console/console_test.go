package console

import (
	"context"
	"errors"
	"io"
	"strings"
	"sync"
	"testing"

	"github.com/carebot/carebot"
)

// recorder answers every message with its text and two buttons, and keeps
// what it got.
type recorder struct {
	mu  sync.Mutex
	got []carebot.Message
}

func (r *recorder) Handle(ctx context.Context, m carebot.Message) []carebot.Reply {
	r.mu.Lock()
	r.got = append(r.got, m)
	r.mu.Unlock()
	return []carebot.Reply{{Text: "you said " + m.Text, Buttons: []carebot.Button{{Label: "Yes", Payload: "p:yes"}, {Label: "No", Payload: "p:no"}}}}
}

func TestRunNumbersButtonsAndEndsAtEOF(t *testing.T) {
	var out strings.Builder
	h := &recorder{}
	c := New(strings.NewReader("hello\n\n2\n7\n"+strings.Repeat("x", 100<<10)+"\nlast line without newline"), &out)
	if err := c.Run(context.Background(), h); err != nil {
		t.Fatalf("Run: %v", err)
	}
	if len(h.got) != 5 {
		t.Fatalf("handled %d messages, want 5 (the empty line is skipped)", len(h.got))
	}
	if m := h.got[1]; m.Payload != "p:no" || m.Text != "No" {
		t.Errorf("typing 2 after two buttons: got payload %q text %q, want the No button", m.Payload, m.Text)
	}
	if m := h.got[2]; m.Payload != "" || m.Text != "7" {
		t.Errorf("a number with no such button: got %+v, want the text 7 (numbers refer to the latest replies' two buttons)", m)
	}
	if got := len(h.got[3].Text); got != maxLine {
		t.Errorf("a 100 KB line came through as %d bytes, want it cut to %d", got, maxLine)
	}
	if h.got[4].Text != "last line without newline" {
		t.Errorf("last line: %q", h.got[4].Text)
	}
	if m := h.got[0]; m.From != Address() || m.From.UserKey() != "console:local" {
		t.Errorf("from %+v, want console:local", m.From)
	}
	if !strings.Contains(out.String(), "you said hello\n  [1] Yes\n  [2] No\n") {
		t.Errorf("output:\n%s", out.String())
	}
}

func TestSendReachesOnlyTheLocalUser(t *testing.T) {
	var out strings.Builder
	c := New(strings.NewReader(""), &out)
	if err := c.Send(context.Background(), Address(), carebot.Reply{Text: "Your appointment is tomorrow at 9:00."}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "tomorrow at 9:00") {
		t.Errorf("output: %q", out.String())
	}
	err := c.Send(context.Background(), carebot.Address{Platform: "telegram", ChatID: "1"}, carebot.Reply{Text: "x"})
	if !errors.Is(err, carebot.ErrUnreachable) {
		t.Errorf("send to telegram: got %v, want ErrUnreachable", err)
	}
}

func TestRunStopsWithContext(t *testing.T) {
	r, w := io.Pipe()
	defer w.Close()
	c := New(r, io.Discard)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- c.Run(ctx, &recorder{}) }()
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run after cancel: %v", err)
	}
}

// Button numbers refer to the buttons of the latest replies only: after a
// second question, 3 is not a button of the first answer.
func TestButtonNumbersRestartWithEachAnswer(t *testing.T) {
	h := &recorder{}
	c := New(strings.NewReader("hello\nagain\n3\n1\n"), io.Discard)
	if err := c.Run(context.Background(), h); err != nil {
		t.Fatal(err)
	}
	if m := h.got[2]; m.Payload != "" || m.Text != "3" {
		t.Errorf("3 after two answers of two buttons each: got %+v, want plain text", m)
	}
	if m := h.got[3]; m.Payload != "p:yes" {
		t.Errorf("1 after the last answer: got %+v, want its first button", m)
	}
}
