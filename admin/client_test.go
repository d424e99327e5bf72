package admin

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
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
