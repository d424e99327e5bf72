package telegram_test

import (
	"context"
	"fmt"
	"log/slog"
	"os"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/adapters/telegram"
	"github.com/carebot/carebot/adapters/telegram/telegramtest"
)

// How main wires the adapter: the token turns it on, the endpoint (if
// set) points it at a self-hosted Bot API server or a fake, the engine is
// the Handler, and the bolt store is the State. The same *Bot is the
// telegram Sender for the reminders dispatcher.
func ExampleNew() {
	fake := telegramtest.NewServer() // in main: nothing; Telegram itself
	defer fake.Close()
	getenv := map[string]string{"TELEGRAM_TOKEN": telegramtest.Token, "TELEGRAM_API_ENDPOINT": fake.URL}

	var engine carebot.Handler = handler(echoText) // in main: the bot.Engine
	var store telegram.State = telegramtest.NewMemState()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	b, err := telegram.New(ctx, getenv["TELEGRAM_TOKEN"], engine, store, telegram.Options{
		Endpoint:  getenv["TELEGRAM_API_ENDPOINT"], // "" means https://api.telegram.org
		Logger:    slog.New(slog.NewTextHandler(os.Stderr, nil)),
		LogSecret: []byte("the secret the rest of carebot uses for carebot.LogID"),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	var _ carebot.Sender = b // for reminders and broadcasts
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }() // polls until ctx ends

	fake.QueueDM(42, "hello")
	msgs, _ := fake.WaitMessages(ctx, 1)
	fmt.Println(b.Username(), msgs[0].ChatID, msgs[0].Text)
	cancel()
	fmt.Println(<-done)
	// Output:
	// carebot_test_bot 42 echo: hello
	// <nil>
}
