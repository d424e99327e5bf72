package telegram

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// SecretHeader is the header Telegram sends the webhook's secret token in.
const SecretHeader = "X-Telegram-Bot-Api-Secret-Token"

// Webhook configures receiving updates by webhook instead of polling.
type Webhook struct {
	// URL is the public https URL Telegram posts updates to (a reverse
	// proxy in front of the bot terminates TLS). Required.
	URL string
	// Secret is the secret token Telegram sends with every update: 1 to
	// 256 of A-Z a-z 0-9 _ -. Required: a request without it gets 401.
	Secret string
	// Listen, if set, is the address Run serves Bot.Webhook on itself
	// (e.g. "127.0.0.1:8443"); otherwise mount Bot.Webhook on your own
	// server.
	Listen string
	// MaxConnections is how many updates Telegram may post at once;
	// default 1, which keeps each patient's messages in order.
	MaxConnections int
}

func (w *Webhook) validate() error {
	u, err := url.Parse(w.URL)
	if err != nil || u.Scheme != "https" && u.Scheme != "http" || u.Host == "" {
		return errors.New("telegram: webhook URL must be an absolute https URL")
	}
	if len(w.Secret) == 0 || len(w.Secret) > 256 {
		return errors.New("telegram: webhook secret must be 1 to 256 characters")
	}
	for _, r := range w.Secret {
		if !(r == '-' || r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return errors.New("telegram: webhook secret may hold only A-Z a-z 0-9 _ -")
		}
	}
	if w.MaxConnections <= 0 {
		w.MaxConnections = 1
	}
	return nil
}

// maxWebhookBody bounds an update posted to the webhook; Telegram's are a
// few kilobytes.
const maxWebhookBody = 2 << 20

// Webhook returns the http.Handler for Telegram's update posts. It checks
// the secret token in constant time (anything else gets 401), then takes
// the update through the same exactly-once path as polling, answering 200
// only once the update is durably handled (or skipped as malformed), so
// Telegram redelivers whatever a crash interrupted. It answers 503 while
// Run is not running, and 404 unless Options.Webhook was set.
func (b *Bot) Webhook() http.Handler {
	return http.HandlerFunc(b.serveWebhook)
}

func (b *Bot) serveWebhook(w http.ResponseWriter, r *http.Request) {
	if b.opts.Webhook == nil {
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	got, want := r.Header.Get(SecretHeader), b.opts.Webhook.Secret
	if subtle.ConstantTimeCompare([]byte(got), []byte(want)) != 1 {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	if b.out.Load() == nil {
		w.Header().Set("Retry-After", "5")
		http.Error(w, "not running", http.StatusServiceUnavailable)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxWebhookBody))
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		// Answer 200: a redelivery would be just as big.
		b.log.Warn("skipped update", "reason", fmt.Sprintf("webhook body over %d bytes", maxWebhookBody))
		return
	case err != nil:
		http.Error(w, "could not read the update", http.StatusBadRequest)
		return
	}
	in := decodeUpdate(body, b.me, b.now())
	if err := b.handle(r.Context(), in, false); err != nil {
		b.log.Error("webhook update not handled; Telegram will redeliver it", "err", err)
		http.Error(w, "not handled", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// runWebhook registers the webhook with Telegram, serves it if asked to,
// and waits for ctx to end. The webhook stays registered when the bot
// stops: Telegram keeps the updates until it is back.
func (b *Bot) runWebhook(ctx context.Context) error {
	wh := b.opts.Webhook
	wait := backoff{next: time.Second, min: time.Second, max: 30 * time.Second}
	for {
		rctx, cancel := context.WithTimeout(ctx, requestTimeout)
		_, err := b.api(rctx).MakeRequest("setWebhook", tgbotapi.Params{
			"url":             wh.URL,
			"secret_token":    wh.Secret, // WebhookConfig has no field for it
			"max_connections": strconv.Itoa(wh.MaxConnections),
			"allowed_updates": allowedUpdates,
		})
		cancel()
		if err == nil {
			break
		}
		if err := b.retryable(ctx, "setWebhook", classify(err), &wait); err != nil {
			return err
		}
	}
	b.log.Info("receiving updates by webhook", "max_connections", wh.MaxConnections)
	if wh.Listen == "" {
		<-ctx.Done()
		return nil
	}
	ln, err := net.Listen("tcp", wh.Listen)
	if err != nil {
		return fmt.Errorf("telegram: webhook listener: %w", err)
	}
	srv := &http.Server{Handler: b.Webhook(), ReadHeaderTimeout: 10 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("telegram: webhook server: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	srv.Shutdown(sctx)
	<-errc
	return nil
}
