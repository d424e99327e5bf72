package telegram_test

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/carebot/carebot/adapters/telegram"
	"github.com/carebot/carebot/adapters/telegram/telegramtest"
)

// webhookBot runs a bot in webhook mode behind an httptest server and
// returns that server.
func webhookBot(t *testing.T, h *harness, hd *handlerFunc) *httptest.Server {
	t.Helper()
	var b *telegram.Bot
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { b.Webhook().ServeHTTP(w, r) }))
	t.Cleanup(srv.Close)
	h.opts.Webhook = &telegram.Webhook{URL: srv.URL + "/telegram", Secret: "s3cret_Token-1"}
	b, _ = h.run(t, hd, nil)
	err := h.fake.Wait(ctxT(t), func(st telegramtest.Snapshot) bool { return count(st.Calls, "setWebhook") == 1 })
	if err != nil {
		t.Fatal("the bot never set its webhook")
	}
	return srv
}

func TestWebhookSetsSecretAndHandlesUpdates(t *testing.T) {
	h := newHarness(t)
	hd := handler(echoText)
	srv := webhookBot(t, h, hd)
	url, params := h.fake.Webhook()
	if url != srv.URL+"/telegram" || params.Get("secret_token") != "s3cret_Token-1" || params.Get("max_connections") != "1" {
		t.Errorf("setWebhook got url %q secret %q max_connections %q", url, params.Get("secret_token"), params.Get("max_connections"))
	}
	h.fake.QueueDM(42, "by webhook")
	h.fake.QueueGroup(-1005, 43, "in the group", true)
	if n, err := h.fake.DeliverWebhook(ctxT(t), srv.Client()); err != nil || n != 2 {
		t.Fatalf("delivered %d updates: %v", n, err)
	}
	// Replies to different chats are delivered concurrently: only each
	// chat's own order is promised.
	byChat := map[int64]string{}
	for _, m := range waitMessages(t, h, 2) {
		byChat[m.ChatID] = m.Text
	}
	if byChat[42] != "echo: by webhook" || byChat[-1005] != "echo: in the group" {
		t.Errorf("got %v", byChat)
	}
}

func TestWebhookRejectsWhatIsNotTelegram(t *testing.T) {
	h := newHarness(t)
	hd := handler(echoText)
	srv := webhookBot(t, h, hd)
	body := `{"update_id":5000,"message":{"message_id":1,"date":1,"from":{"id":42},"chat":{"id":42,"type":"private"},"text":"hi"}}`
	tests := []struct {
		name, method, secret string
		want                 int
	}{
		{"no secret", "POST", "", 401},
		{"wrong secret", "POST", "s3cret_Token-2", 401},
		{"secret prefix", "POST", "s3cret", 401},
		{"GET", "GET", "s3cret_Token-1", 405},
		{"good", "POST", "s3cret_Token-1", 200},
		{"redelivered", "POST", "s3cret_Token-1", 200},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest(tt.method, srv.URL+"/telegram", strings.NewReader(body))
		if tt.secret != "" {
			req.Header.Set(telegram.SecretHeader, tt.secret)
		}
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tt.want {
			t.Errorf("%s: got %d, want %d", tt.name, resp.StatusCode, tt.want)
		}
	}
	waitMessages(t, h, 1)
	if n := len(hd.got()); n != 1 {
		t.Errorf("Handler called %d times, want 1 (the redelivery is a duplicate)", n)
	}
}

// Telegram may deliver out of order with several connections; every id is
// still handled once.
func TestWebhookOutOfOrderAndRetried(t *testing.T) {
	h := newHarness(t)
	hd := handler(echoText)
	srv := webhookBot(t, h, hd)
	post := func(id int) int {
		body := fmt.Sprintf(`{"update_id":%d,"message":{"message_id":%d,"date":1,"from":{"id":42},"chat":{"id":42,"type":"private"},"text":"m%d"}}`, id, id, id)
		req, _ := http.NewRequest("POST", srv.URL, strings.NewReader(body))
		req.Header.Set(telegram.SecretHeader, "s3cret_Token-1")
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	h.state.FailNextCommit(fmt.Errorf("disk hiccup"))
	if code := post(7003); code != 500 {
		t.Errorf("update whose commit failed: got %d, want 500 so Telegram redelivers", code)
	}
	for _, id := range []int{7001, 7003, 7002, 7003, 7001, 7004} {
		if code := post(id); code != 200 {
			t.Errorf("update %d: got %d", id, code)
		}
	}
	waitMessages(t, h, 4)
	var got []string
	for _, m := range hd.got() {
		got = append(got, m.Text)
	}
	if strings.Join(got, " ") != "m7003 m7001 m7003 m7002 m7004" {
		t.Errorf("Handler saw %q, want each id once after the failed first try", got)
	}
}

func TestWebhookUnavailableUntilRun(t *testing.T) {
	h := newHarness(t)
	h.opts.Webhook = &telegram.Webhook{URL: "https://bot.example/tg", Secret: "abc"}
	b, err := telegram.New(ctxT(t), telegramtest.Token, handler(echoText), h.state, h.opts)
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest("POST", "/tg", strings.NewReader(`{}`))
	req.Header.Set(telegram.SecretHeader, "abc")
	w := httptest.NewRecorder()
	b.Webhook().ServeHTTP(w, req)
	if w.Code != 503 {
		t.Errorf("before Run: got %d, want 503", w.Code)
	}
}

func TestWebhookOptionsValidated(t *testing.T) {
	h := newHarness(t)
	for _, wh := range []telegram.Webhook{{URL: "", Secret: "a"}, {URL: "ftp://x/y", Secret: "a"}, {URL: "https://x/y"}, {URL: "https://x/y", Secret: "has space"}, {URL: "https://x/y", Secret: strings.Repeat("a", 257)}} {
		h.opts.Webhook = &wh
		if _, err := telegram.New(context.Background(), telegramtest.Token, handler(echoText), h.state, h.opts); err == nil {
			t.Errorf("New with webhook %+v: got nil, want an error", wh)
		}
	}
}

// Going back to polling after a webhook: the bot deletes the webhook
// (getUpdates fails while one is set) and polls.
func TestPollingDeletesAWebhookLeftBehind(t *testing.T) {
	h := newHarness(t)
	webhookBot(t, h, handler(echoText))
	h2 := newHarness(t)
	h2.fake, h2.opts.Endpoint = h.fake, h.fake.URL
	h2.run(t, handler(echoText), nil)
	h.fake.QueueDM(42, "polling again")
	waitMessages(t, h, 1)
	if url, _ := h.fake.Webhook(); url != "" {
		t.Errorf("webhook still set to %q", url)
	}
}

func TestWebhookServedByRun(t *testing.T) {
	h := newHarness(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	h.opts.Webhook = &telegram.Webhook{URL: "http://" + addr + "/tg", Secret: "abc", Listen: addr}
	_, stop := h.run(t, handler(echoText), nil)
	if err := h.fake.Wait(ctxT(t), func(st telegramtest.Snapshot) bool { return count(st.Calls, "setWebhook") == 1 }); err != nil {
		t.Fatal(err)
	}
	h.fake.QueueDM(42, "hello")
	// Run listens after setWebhook: retry until the listener is up.
	ctx := ctxT(t)
	for {
		if _, err := h.fake.DeliverWebhook(ctx, http.DefaultClient); err == nil {
			break
		} else if ctx.Err() != nil {
			t.Fatal(err)
		}
	}
	waitMessages(t, h, 1)
	stop()
	if _, err := net.Dial("tcp", addr); err == nil {
		t.Error("webhook listener still open after Run returned")
	}
}
