package admin

import (
	"context"
	"net/http"
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
