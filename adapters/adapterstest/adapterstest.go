// Package adapterstest is the contract every chat adapter passes, run
// against that platform's local fake server. Each adapter's tests call
//
//	adapterstest.Run(t, func(t *testing.T) adapterstest.Harness { ... })
//
// with a Harness that starts the adapter on a fresh fake and lets the
// suite act as patients (send DMs and group messages, press buttons) and
// observe what the platform received.
package adapterstest

import (
	"context"
	"sync"
	"time"

	"github.com/carebot/carebot"
)

// Harness is one adapter running against its platform's fake. A new one
// is made for every subtest; it must clean up after itself (t.Cleanup).
//
// People and groups are named by the suite ("alice", "support-group");
// the harness maps each name to a stable platform identity of its own.
type Harness interface {
	// Platform is the adapter's carebot.Address.Platform.
	Platform() string
	// Start runs the adapter, handing incoming messages to h, until ctx
	// ends. It returns the adapter's Sender and a channel that receives
	// the run loop's result once it has stopped. The adapter and the fake
	// share the harness's clock, on which pacing waits pass at once.
	Start(ctx context.Context, h carebot.Handler) (carebot.Sender, <-chan error)
	// DM has user send text to the bot in a private chat.
	DM(user, text string)
	// Group has user send text in group, addressing the bot the
	// platform's way (an @mention) if mention is set.
	Group(group, user, text string, mention bool)
	// Press has user press the button labelled label under message m.
	Press(user string, m Sent, label string) error
	// DMAddress is the address that reaches user privately.
	DMAddress(user string) carebot.Address
	// Sent returns the messages the platform received from the bot.
	Sent() []Sent
	// WaitSent waits until the platform has received at least n messages
	// from the bot, and returns them all.
	WaitSent(ctx context.Context, n int) ([]Sent, error)
	// WaitIdle waits until the adapter is waiting on the platform for
	// events (a long poll, an open socket) with nothing else to do.
	WaitIdle(ctx context.Context) error
	// Block makes the platform refuse every message to user, as when
	// they blocked the bot or closed their DMs.
	Block(user string)
	// Enforce makes the fake apply the platform's documented rate limits,
	// answering 429 to a send over them.
	Enforce()
	// Throttle makes the fake answer the bot's next message with a 429
	// asking it to wait retryAfter.
	Throttle(retryAfter time.Duration)
	// Throttled returns when the fake answered a 429, deliberate or not.
	Throttled() []time.Time
	// Packages are the import paths whose goroutines belong to the
	// adapter (and must all end when it stops).
	Packages() []string
}

// Sent is one message the platform received from the bot.
type Sent struct {
	ChatID string
	// Thread is the message or thread it answers under, if any.
	Thread string
	Text   string
	// Labels are the labels of its buttons, in order.
	Labels []string
	At     time.Time
	// Ref is the platform's id of the message (what Press needs).
	Ref string
}

// recorder is a Handler that records what it receives and answers with
// what the test told it to.
type recorder struct {
	mu     sync.Mutex
	got    []carebot.Message
	signal chan struct{}
	reply  func(carebot.Message) []carebot.Reply
}

func newRecorder(reply func(carebot.Message) []carebot.Reply) *recorder {
	return &recorder{signal: make(chan struct{}, 1), reply: reply}
}

func (r *recorder) Handle(ctx context.Context, m carebot.Message) []carebot.Reply {
	r.mu.Lock()
	r.got = append(r.got, m)
	r.mu.Unlock()
	select {
	case r.signal <- struct{}{}:
	default:
	}
	return r.reply(m)
}

// wait blocks until the handler has received n messages and returns them.
func (r *recorder) wait(ctx context.Context, n int) ([]carebot.Message, error) {
	for {
		r.mu.Lock()
		got := append([]carebot.Message(nil), r.got...)
		r.mu.Unlock()
		if len(got) >= n {
			return got, nil
		}
		select {
		case <-r.signal:
		case <-ctx.Done():
			return got, ctx.Err()
		}
	}
}
