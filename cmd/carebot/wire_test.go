package main

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/carebot/carebot"
)

type reachability map[string]time.Time

type silent struct{}

func (silent) Handle(context.Context, carebot.Message) []carebot.Reply { return nil }

func (r reachability) SetUnreachable(_ context.Context, user string, since time.Time) error {
	r[user] = since
	return nil
}

func (r reachability) Unreachable(_ context.Context, user string) (time.Time, error) {
	return r[user], nil
}

// TestUnreachableClearedOnlyByADirectMessage: a member who blocked the bot
// can still post in a group; only their own message to the bot says they
// can be reached again (group QA: any group post cleared the mark, and the
// next send was refused again).
func TestUnreachableClearedOnlyByADirectMessage(t *testing.T) {
	since := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	store := reachability{"telegram:7": since}
	c := clearUnreachable{next: silent{},
		store: store, log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	c.Handle(context.Background(), carebot.Message{From: carebot.Address{Platform: "telegram", ChatID: "-100", UserID: "7", Group: true}, Text: "hi all"})
	if !store["telegram:7"].Equal(since) {
		t.Fatalf("a group post cleared the mark")
	}
	c.Handle(context.Background(), carebot.Message{From: carebot.Address{Platform: "telegram", ChatID: "7", UserID: "7"}, Text: "hello"})
	if !store["telegram:7"].IsZero() {
		t.Errorf("a DM left the mark %v", store["telegram:7"])
	}
}
