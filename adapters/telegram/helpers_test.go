package telegram_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/adapters/telegram"
	"github.com/carebot/carebot/adapters/telegram/telegramtest"
)

// handlerFunc is a carebot.Handler from a function; it counts its calls.
type handlerFunc struct {
	mu    sync.Mutex
	calls []carebot.Message
	f     func(carebot.Message) []carebot.Reply
}

func handler(f func(carebot.Message) []carebot.Reply) *handlerFunc { return &handlerFunc{f: f} }

func (h *handlerFunc) Handle(ctx context.Context, m carebot.Message) []carebot.Reply {
	h.mu.Lock()
	h.calls = append(h.calls, m)
	h.mu.Unlock()
	return h.f(m)
}

func (h *handlerFunc) got() []carebot.Message {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]carebot.Message(nil), h.calls...)
}

func echoText(m carebot.Message) []carebot.Reply {
	if m.Payload != "" {
		return []carebot.Reply{{Text: "pressed " + m.Payload}}
	}
	return []carebot.Reply{{Text: "echo: " + m.Text}}
}

// run starts a Bot with st (the harness's MemState if nil) and stops it
// when the test ends. It returns the Bot and a stop function that cancels
// it and waits for Run to return.
func (h *harness) run(t *testing.T, hd carebot.Handler, st telegram.State) (*telegram.Bot, func()) {
	t.Helper()
	if st == nil {
		st = h.state
	}
	ctx, cancel := context.WithCancel(context.Background())
	b, err := telegram.New(ctx, telegramtest.Token, hd, st, h.opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }()
	var once sync.Once
	stop := func() {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("Run: %v", err)
				}
			case <-time.After(10 * time.Second):
				t.Errorf("Run did not return after cancel")
			}
		})
	}
	t.Cleanup(stop)
	return b, stop
}

func ctxT(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func waitMessages(t *testing.T, h *harness, n int) []telegramtest.Call {
	t.Helper()
	msgs, err := h.fake.WaitMessages(ctxT(t), n)
	if err != nil {
		t.Fatalf("got %d messages, want %d: %v", len(msgs), n, err)
	}
	return msgs
}

// crashState is a State that "crashes" the bot at a chosen moment: it
// cancels the bot's context, as a SIGKILL would stop everything, right
// after a commit or instead of recording a delivery.
type crashState struct {
	telegram.State
	crash       context.CancelFunc
	afterCommit bool // crash once a Commit is durable
	atDone      bool // crash before a Done is recorded
}

func (c *crashState) Commit(ctx context.Context, cur telegram.Cursor, out []telegram.Outgoing) error {
	err := c.State.Commit(ctx, cur, out)
	if err == nil && c.afterCommit {
		c.crash()
	}
	return err
}

func (c *crashState) Done(ctx context.Context, seq uint64) error {
	if c.atDone {
		c.crash()
		return errors.New("crashed")
	}
	return c.State.Done(ctx, seq)
}

// runCrashing runs a Bot on cs until cs crashes it, and waits for Run to
// return.
func (h *harness) runCrashing(t *testing.T, hd carebot.Handler, cs *crashState) {
	t.Helper()
	bound, stop := context.WithTimeout(context.Background(), 15*time.Second)
	defer stop()
	ctx, cancel := context.WithCancel(bound)
	defer cancel()
	cs.crash = cancel
	b, err := telegram.New(ctx, telegramtest.Token, hd, cs, h.opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	if err := b.Run(ctx); err != nil {
		t.Fatalf("Run: %v", err)
	}
	if bound.Err() != nil {
		t.Fatal("the bot never reached the crash point")
	}
}
