package admin

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// A refused token most often means the address is another bot's: the
// error names the address, so staff see which bot refused it.
func TestRefusedTokenNamesTheAddress(t *testing.T) {
	c, _ := newTestAPI(t)
	bad := *c
	bad.Token = "another-bots-token-0123"
	err := bad.Do(context.Background(), http.MethodGet, "/v1/health", nil, nil)
	if err == nil || !strings.Contains(err.Error(), "the carebot at "+c.Base+" refused the admin token") {
		t.Errorf("got %v, want the refusal naming %s", err, c.Base)
	}
}

// An import that gets no answer may still be under way in the bot: the
// CLI says so in words (QA saw "context deadline exceeded
// (Client.Timeout exceeded while awaiting headers)"), and that importing
// the same file again is safe.
func TestAnUnansweredImportSaysImportingAgainIsSafe(t *testing.T) {
	hang := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-hang }))
	t.Cleanup(func() { close(hang); srv.Close() })
	broke := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close() // as a bot that crashed
		}
	}))
	t.Cleanup(broke.Close)
	appts := []Appointment{{ID: "A1", Patient: "telegram:1", At: "2026-12-01 14:30"}}
	const safe = "; if it is still running it finishes the import on its own, and 'carebot audit' shows how it went. " +
		"Importing the same file again is safe: what is already imported comes out unchanged"

	slow := &Client{Base: srv.URL, Token: token, HTTP: &http.Client{Timeout: 100 * time.Millisecond}}
	_, err := slow.Import(context.Background(), "a.csv", appts, nil)
	if want := "the bot at " + srv.URL + " did not answer within 100ms" + safe; err == nil || err.Error() != want {
		t.Errorf("timed out: got %v\nwant %s", err, want)
	}

	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	_, err = (&Client{Base: srv.URL, Token: token}).Import(ctx, "a.csv", appts, nil)
	if want := "stopped waiting for the bot at " + srv.URL + safe; err == nil || err.Error() != want || !errors.Is(err, context.Canceled) {
		t.Errorf("stopped waiting: got %v\nwant %s", err, want)
	}

	_, err = (&Client{Base: broke.URL, Token: token}).Import(context.Background(), "a.csv", appts, nil)
	if err == nil || !strings.HasPrefix(err.Error(), "the connection to the bot at "+broke.URL+" broke before it answered (") || !strings.HasSuffix(err.Error(), safe) {
		t.Errorf("the connection broke: got %v", err)
	}

	if got, want := ImportTimeout(50000), 160*time.Second; got != want {
		t.Errorf("ImportTimeout(50000) = %s, want %s", got, want)
	}
}

// An answer that is not a carebot's (a web server's bare 404) says so and
// names the address, not only the status.
func TestNotACarebotSaysSo(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	c := &Client{Base: srv.URL, Token: "some-token-0123456789"}
	_, err := c.Appointments(context.Background(), "")
	if want := "GET /v1/appointments: 404 Not Found, not an answer of a carebot admin API: is " + srv.URL + " a carebot's?"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("got %v, want %q", err, want)
	}
}
