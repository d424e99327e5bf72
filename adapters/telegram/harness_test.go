package telegram_test

import (
	"bytes"
	"context"
	"log/slog"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/adapters/adapterstest"
	"github.com/carebot/carebot/adapters/telegram"
	"github.com/carebot/carebot/adapters/telegram/telegramtest"
)

func TestContract(t *testing.T) {
	adapterstest.Run(t, func(t *testing.T) adapterstest.Harness { return newHarness(t) })
}

// harness runs the adapter against telegramtest.Server for adapterstest
// and for this package's own tests.
type harness struct {
	t     testing.TB
	fake  *telegramtest.Server
	clock *telegramtest.Clock
	state *telegramtest.MemState
	logs  *syncBuffer
	opts  telegram.Options

	mu     sync.Mutex
	users  map[string]int64
	groups map[string]int64
}

func newHarness(t testing.TB) *harness {
	fake := telegramtest.NewServer()
	t.Cleanup(fake.Close)
	clock := telegramtest.NewClock(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	fake.SetClock(clock.Now)
	logs := &syncBuffer{}
	return &harness{
		t: t, fake: fake, clock: clock, state: telegramtest.NewMemState(), logs: logs,
		opts: telegram.Options{
			Endpoint:    fake.URL,
			Logger:      slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
			LogSecret:   []byte("test secret"),
			PollTimeout: time.Minute, // long, so shutdown must cancel the poll
			Now:         clock.Now,
			Sleep:       clock.Sleep,
		},
		users:  make(map[string]int64),
		groups: make(map[string]int64),
	}
}

func (h *harness) Platform() string { return telegram.Platform }

func (h *harness) Start(ctx context.Context, hd carebot.Handler) (carebot.Sender, <-chan error) {
	b := h.newBot(ctx, hd)
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }()
	return b, done
}

func (h *harness) newBot(ctx context.Context, hd carebot.Handler) *telegram.Bot {
	h.t.Helper()
	b, err := telegram.New(ctx, telegramtest.Token, hd, h.state, h.opts)
	if err != nil {
		h.t.Fatalf("New: %v", err)
	}
	return b
}

func (h *harness) user(name string) int64 {
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, ok := h.users[name]; !ok {
		h.users[name] = int64(5000 + len(h.users))
	}
	return h.users[name]
}

func (h *harness) group(name string) int64 {
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, ok := h.groups[name]; !ok {
		h.groups[name] = int64(-1001000 - len(h.groups))
	}
	return h.groups[name]
}

func (h *harness) DM(user, text string) { h.fake.QueueDM(h.user(user), text) }

func (h *harness) Group(group, user, text string, mention bool) {
	h.fake.QueueGroup(h.group(group), h.user(user), text, mention)
}

func (h *harness) Press(user string, m adapterstest.Sent, label string) error {
	chat, _ := strconv.ParseInt(m.ChatID, 10, 64)
	id, _ := strconv.Atoi(m.Ref)
	_, err := h.fake.QueuePress(h.user(user), telegramtest.Call{ChatID: chat, MessageID: id}, label)
	return err
}

func (h *harness) DMAddress(user string) carebot.Address {
	id := strconv.FormatInt(h.user(user), 10)
	return carebot.Address{Platform: telegram.Platform, ChatID: id, UserID: id}
}

func (h *harness) Sent() []adapterstest.Sent { return toSent(h.fake.Messages()) }

func (h *harness) WaitSent(ctx context.Context, n int) ([]adapterstest.Sent, error) {
	calls, err := h.fake.WaitMessages(ctx, n)
	return toSent(calls), err
}

func (h *harness) WaitIdle(ctx context.Context) error {
	return h.fake.Wait(ctx, func(st telegramtest.Snapshot) bool { return st.Polling > 0 })
}

func (h *harness) Block(user string) { h.fake.Refuse(h.user(user), telegramtest.Blocked) }

func (h *harness) Enforce() { h.fake.Enforce(telegramtest.TelegramLimits) }

func (h *harness) Throttle(d time.Duration) {
	h.fake.FailNext("sendMessage", telegramtest.TooManyRequests(int(d/time.Second)))
}

func (h *harness) Throttled() []time.Time {
	var at []time.Time
	for _, c := range h.fake.Rejected() {
		if c.Code == 429 {
			at = append(at, c.At)
		}
	}
	return at
}

func (h *harness) Packages() []string {
	return []string{"github.com/carebot/carebot/adapters/telegram"}
}

func toSent(calls []telegramtest.Call) []adapterstest.Sent {
	var out []adapterstest.Sent
	for _, c := range calls {
		s := adapterstest.Sent{ChatID: strconv.FormatInt(c.ChatID, 10), Text: c.Text, At: c.At, Ref: strconv.Itoa(c.MessageID)}
		if c.ReplyTo != 0 {
			s.Thread = strconv.Itoa(c.ReplyTo)
		}
		for _, b := range c.Buttons {
			s.Labels = append(s.Labels, b.Label)
		}
		out = append(out, s)
	}
	return out
}

// syncBuffer collects log output from several goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
