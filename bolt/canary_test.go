package bolt

import (
	"bytes"
	"testing"

	"github.com/carebot/carebot"
)

// Nothing personal is in the file in clear: plant distinctive strings in
// every personal field, then grep the raw bytes.
func TestCanaryNotInFile(t *testing.T) {
	d, path := openTemp(t)
	const id = "8812345670" // a platform user id
	u := carebot.User{
		Key:      carebot.UserKey("telegram", id),
		DM:       carebot.Address{Platform: "telegram", ChatID: "CANARYCHAT", UserID: id, Thread: "CANARYTHREAD"},
		Lang:     "CANARYLANG",
		TimeZone: "America/CANARYZONE",
		Created:  t0,
	}
	if err := d.PutUser(t.Context(), u); err != nil {
		t.Fatal(err)
	}
	var evs []carebot.ConsentEvent
	for _, p := range carebot.Purposes() {
		evs = append(evs, carebot.ConsentEvent{User: u.Key, Purpose: p, Action: carebot.OptIn,
			Method: "keyword:CANARYMETHOD", Wording: "CANARYWORDING", At: t0})
	}
	if err := d.RecordConsent(t.Context(), evs...); err != nil {
		t.Fatal(err)
	}
	// Prove the canary went in: read it back before looking for it.
	if got, err := d.User(t.Context(), u.Key); err != nil || got.DM.ChatID != "CANARYCHAT" {
		t.Fatalf("got %+v, %v", got, err)
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	file := readFile(t, path)
	for _, c := range []string{id, "CANARY", "canary", "telegram:"} {
		if i := bytes.Index(file, []byte(c)); i >= 0 {
			t.Errorf("%q is in the file in clear at offset %d", c, i)
		}
	}
}
