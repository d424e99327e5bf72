package telegramtest

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

func newAPI(t *testing.T) (*Server, *tgbotapi.BotAPI) {
	t.Helper()
	s := NewServer()
	t.Cleanup(s.Close)
	api, err := tgbotapi.NewBotAPIWithClient(Token, s.URL+"/bot%s/%s", &http.Client{})
	if err != nil {
		t.Fatalf("getMe: %v", err)
	}
	if api.Self.UserName != BotUsername || api.Self.ID != BotID {
		t.Fatalf("getMe: got %+v", api.Self)
	}
	return s, api
}

func TestGetUpdatesHonoursOffset(t *testing.T) {
	s, api := newAPI(t)
	a := s.QueueDM(1, "a")
	b := s.QueueDM(1, "b")
	got, err := api.GetUpdates(tgbotapi.UpdateConfig{Timeout: 0})
	if err != nil || len(got) != 2 || got[0].UpdateID != int(a) || got[0].Message.Text != "a" {
		t.Fatalf("first poll: got %d updates (%v), want a and b", len(got), err)
	}
	got, _ = api.GetUpdates(tgbotapi.UpdateConfig{Offset: int(a) + 1})
	if len(got) != 1 || got[0].UpdateID != int(b) {
		t.Fatalf("offset past a: got %d updates, want only b", len(got))
	}
	if s.Confirmed() != a+1 || s.Pending() != 1 {
		t.Errorf("got confirmed %d pending %d, want %d and 1", s.Confirmed(), s.Pending(), a+1)
	}
}

func TestGetUpdatesBlocksUntilAnUpdateArrives(t *testing.T) {
	s, api := newAPI(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	got := make(chan []tgbotapi.Update, 1)
	go func() {
		u, _ := api.GetUpdates(tgbotapi.UpdateConfig{Timeout: 60})
		got <- u
	}()
	if err := s.Wait(ctx, func(st Snapshot) bool { return st.Polling == 1 }); err != nil {
		t.Fatal("the poll never started waiting")
	}
	select {
	case u := <-got:
		t.Fatalf("poll returned %d updates before any was queued", len(u))
	default:
	}
	s.QueueGroup(-5, 2, "hi", true)
	select {
	case u := <-got:
		if len(u) != 1 || u[0].Message.Chat.ID != -5 || u[0].Message.Entities[0].Type != "mention" {
			t.Errorf("got %+v, want the group mention", u)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("poll still blocked after an update was queued")
	}
}

func TestEnforceRejectsAnUnpacedBurst(t *testing.T) {
	s, api := newAPI(t)
	clock := NewClock(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	s.SetClock(clock.Now)
	s.Enforce(TelegramLimits)
	send := func(chat int64) error {
		_, err := api.Send(tgbotapi.NewMessage(chat, "x"))
		return err
	}
	if err := send(1); err != nil {
		t.Fatal(err)
	}
	var te *tgbotapi.Error
	if err := send(1); !errors.As(err, &te) || te.Code != 429 || te.RetryAfter != 1 {
		t.Errorf("second message to a chat in the same second: got %v, want 429 retry after 1", err)
	}
	clock.Advance(time.Second)
	if err := send(1); err != nil {
		t.Errorf("a second later: %v", err)
	}
	for chat := int64(100); chat < 129; chat++ { // 29 more chats: 30 in this second
		if err := send(chat); err != nil {
			t.Fatalf("chat %d: %v", chat, err)
		}
	}
	if err := send(500); !errors.As(err, &te) || te.Code != 429 {
		t.Errorf("31st message in a second: got %v, want 429", err)
	}
	clock.Advance(time.Second)
	for i := range 20 {
		clock.Advance(time.Second)
		if err := send(-7); err != nil {
			t.Fatalf("group message %d: %v", i, err)
		}
	}
	clock.Advance(time.Second)
	if err := send(-7); !errors.As(err, &te) || te.Code != 429 || te.RetryAfter < 1 {
		t.Errorf("21st group message in a minute: got %v, want 429", err)
	}
	if s.Throttled() != 3 {
		t.Errorf("got %d throttled, want 3", s.Throttled())
	}
}

func TestFaultsAndRefusals(t *testing.T) {
	s, api := newAPI(t)
	s.FailNext("sendMessage", TooManyRequests(7))
	s.FailNext("sendMessage", ServerError())
	s.FailNext("sendMessage", Fault{Drop: true})
	s.FailNext("sendMessage", Fault{Body: "not json"})
	s.Refuse(9, Blocked)
	var te *tgbotapi.Error
	if _, err := api.Send(tgbotapi.NewMessage(1, "x")); !errors.As(err, &te) || te.RetryAfter != 7 {
		t.Errorf("got %v, want 429 retry after 7", err)
	}
	if _, err := api.Send(tgbotapi.NewMessage(1, "x")); !errors.As(err, &te) || te.Code != 502 {
		t.Errorf("got %v, want 502", err)
	}
	if _, err := api.Send(tgbotapi.NewMessage(1, "x")); err == nil || errors.As(err, &te) {
		t.Errorf("dropped connection: got %v, want a transport error", err)
	}
	var syn *json.SyntaxError
	if _, err := api.Send(tgbotapi.NewMessage(1, "x")); !errors.As(err, &syn) {
		t.Errorf("garbage: got %v, want a JSON syntax error", err)
	}
	if _, err := api.Send(tgbotapi.NewMessage(9, "x")); !errors.As(err, &te) || te.Code != 403 {
		t.Errorf("blocked: got %v, want 403", err)
	}
	if _, err := api.Send(tgbotapi.NewMessage(1, "x")); err != nil {
		t.Errorf("after the faults: %v", err)
	}
	if n := len(s.Messages()); n != 1 {
		t.Errorf("recorded %d messages, want 1", n)
	}
}

func TestPressAndClearKeyboard(t *testing.T) {
	s, api := newAPI(t)
	msg := tgbotapi.NewMessage(1, "pick")
	msg.ReplyMarkup = tgbotapi.NewInlineKeyboardMarkup(tgbotapi.NewInlineKeyboardRow(tgbotapi.NewInlineKeyboardButtonData("A", "a")))
	if _, err := api.Send(msg); err != nil {
		t.Fatal(err)
	}
	sent := s.Messages()[0]
	if _, err := s.QueuePress(1, sent, "B"); err == nil {
		t.Error("pressed a button that is not there")
	}
	id, err := s.QueuePress(1, sent, "A")
	if err != nil {
		t.Fatal(err)
	}
	ups, _ := api.GetUpdates(tgbotapi.UpdateConfig{})
	q := ups[0].CallbackQuery
	if ups[0].UpdateID != int(id) || q.Data != "a" || q.Message.MessageID != sent.MessageID {
		t.Fatalf("got %+v", ups[0])
	}
	if _, err := api.Request(tgbotapi.NewCallback(q.ID, "")); err != nil {
		t.Errorf("answer: %v", err)
	}
	if _, err := api.Request(tgbotapi.NewCallback(q.ID, "")); err == nil {
		t.Error("answered the same query twice")
	}
	clear := tgbotapi.NewEditMessageReplyMarkup(1, sent.MessageID, tgbotapi.InlineKeyboardMarkup{InlineKeyboard: [][]tgbotapi.InlineKeyboardButton{}})
	if _, err := api.Request(clear); err != nil {
		t.Errorf("clear: %v", err)
	}
	if _, err := api.Request(clear); err == nil {
		t.Error("cleared twice without 'message is not modified'")
	}
	if _, err := s.QueuePress(1, sent, "A"); err == nil {
		t.Error("pressed a cleared keyboard")
	}
}

func TestWaitEndsWithContext(t *testing.T) {
	s := NewServer()
	defer s.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.WaitMessages(ctx, 1); !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}
