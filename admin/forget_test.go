package admin

import (
	"bytes"
	"context"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/bolt"
	"github.com/carebot/carebot/reminders"
)

// Staff erase a patient over the API, on the real store: the answer counts
// what went, and the audit entry names no one.
func TestForgetPatient(t *testing.T) {
	db, err := bolt.Open(filepath.Join(t.TempDir(), "carebot.db"), bytes.Repeat([]byte{0x5a}, bolt.KeySize), bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	appts := reminders.NewAppointments(db, db)
	s := &Server{Token: token, Appointments: appts, List: db, Audit: db, Forget: db}
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	c := &Client{Base: srv.URL, Token: token}
	ctx := context.Background()

	const who = "telegram:4242"
	if err := db.RecordConsent(ctx, carebot.ConsentEvent{User: who, Purpose: carebot.PurposeAppointments, Action: carebot.OptIn, At: now},
		carebot.ConsentEvent{User: who, Purpose: carebot.PurposeAwareness, Action: carebot.OptIn, At: now}); err != nil {
		t.Fatal(err)
	}
	if err := db.PutUser(ctx, carebot.User{Key: who, Lang: "es"}); err != nil {
		t.Fatal(err)
	}
	at := time.Now().Add(30 * 24 * time.Hour).UTC().Format(time.RFC3339)
	if _, err := c.Import(ctx, "a.csv", []Appointment{{ID: "A-1", Patient: "Telegram:4242", At: at}}, nil); err != nil {
		t.Fatal(err)
	}

	got, err := c.Forget(ctx, "Telegram:4242") // as carebot keys it: telegram:4242
	if err != nil {
		t.Fatal(err)
	}
	if want := "user record, consent history (2 events), 1 appointment (3 reminders waiting)"; got.Summary() != want {
		t.Errorf("forget: got %q (%+v), want %q", got.Summary(), got, want)
	}
	if list, err := c.Appointments(ctx, who); err != nil || len(list) != 0 {
		t.Errorf("appointments after the forget: %+v, %v; want none", list, err)
	}
	got, err = c.Forget(ctx, who)
	if err != nil || !got.Nothing() || got.Summary() != "nothing stored" {
		t.Errorf("a second forget: got %+v, %v; want nothing stored", got, err)
	}
	entries, err := c.Audit(ctx, "1d")
	if err != nil {
		t.Fatal(err)
	}
	var forgets []AuditEntry
	for _, e := range entries {
		if strings.Contains(e.Target+e.Detail+e.Result, "4242") {
			t.Errorf("audit entry %+v names the patient", e)
		}
		if e.Action == "patients.forget" {
			forgets = append(forgets, e)
		}
	}
	if len(forgets) != 2 || forgets[0].Detail != "user record, consent history (2 events), 1 appointment (3 reminders waiting)" ||
		forgets[0].Result != "ok" || forgets[1].Detail != "nothing stored" {
		t.Errorf("the forgets' audit entries: %+v", forgets)
	}

	// Addresses checked as every patient staff name.
	for _, bad := range []string{"", "telegram:abc", "telegram:-100123", "whatsapp:1", "12345", "telegram:"} {
		if _, err := c.Forget(ctx, bad); err == nil || !strings.Contains(err.Error(), "patient") {
			t.Errorf("forget %q: got %v, want the patient refused", bad, err)
		}
	}
	if n := len(entries); n != 3 {
		t.Errorf("%d audit entries, want the import and the two forgets", n)
	}
}

func TestForgottenSummary(t *testing.T) {
	for _, tt := range []struct {
		f    Forgotten
		want string
	}{
		{Forgotten{}, "nothing stored"},
		{Forgotten{User: true}, "user record"},
		{Forgotten{ConsentEvents: 1, Reminders: 1}, "consent history (1 event), 1 reminder"},
		{Forgotten{AppointmentReminders: 2, Messages: 1, Deliveries: 5, Unreachable: true, AuditEntries: 2},
			"2 appointment reminders waiting, 1 other message waiting, 5 delivery records, the mark that they blocked the bot, their pseudonym taken out of 2 audit entries"},
		{Forgotten{Appointments: 2}, "2 appointments"},
	} {
		if got := tt.f.Summary(); got != tt.want {
			t.Errorf("%+v: got %q, want %q", tt.f, got, tt.want)
		}
	}
}

func TestForgetUnavailable(t *testing.T) {
	c, _ := newTestAPI(t)
	if _, err := c.Forget(context.Background(), "telegram:1"); err == nil || !strings.Contains(err.Error(), "not available") {
		t.Errorf("got %v, want not available", err)
	}
}
