package admin

import (
	"bytes"
	"context"
	"errors"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/bolt"
	"github.com/carebot/carebot/reminders"
)

// newStoreAPI serves the API over the real reminders and bbolt store, as
// main wires them, with reminders offset by offsets.
func newStoreAPI(t testing.TB, offsets ...time.Duration) (*Client, *bolt.DB) {
	t.Helper()
	db, err := bolt.Open(filepath.Join(t.TempDir(), "carebot.db"), bytes.Repeat([]byte{0x5a}, bolt.KeySize), bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	appts := reminders.NewAppointments(db, db)
	appts.Offsets = offsets
	s := &Server{Token: token, Appointments: appts, List: db, Audit: db}
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	return &Client{Base: srv.URL, Token: token}, db
}

func countAppointments(t testing.TB, db *bolt.DB) int {
	t.Helper()
	n := 0
	if err := db.Appointments(context.Background(), func(carebot.Appointment) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	return n
}

// QA's file: an id the store refuses, between two good rows. Nothing is
// stored, and the audit log does not say ok.
func TestAnImportTheStoreWouldRefuseInPartStoresNothing(t *testing.T) {
	c, db := newStoreAPI(t)
	ctx := context.Background()
	at := time.Now().Add(30 * 24 * time.Hour).UTC().Format(time.RFC3339)
	appts := []Appointment{
		{ID: "A-1", Patient: "telegram:100", At: at},
		{ID: strings.Repeat("I", 2000), Patient: "telegram:200", At: at},
		{ID: "A-3", Patient: "telegram:300", At: at},
	}
	_, err := c.Import(ctx, "p.csv", appts, []int{2, 3, 4})
	var probs *Problems
	if !errors.As(err, &probs) || len(probs.List) != 1 || probs.List[0].Line != 3 {
		t.Fatalf("got %v; want the id on line 3 refused", err)
	}
	if n := countAppointments(t, db); n != 0 {
		t.Errorf("%d appointments stored; want none", n)
	}
	entries, err := c.Audit(ctx, "1d")
	if err != nil || len(entries) != 1 || entries[0].Result == "ok" {
		t.Errorf("audit: %+v, %v; want the import recorded as refused", entries, err)
	}
}

// The longest id and patient the API takes (the largest Telegram id), of
// characters that escape to three bytes in the reminders' IDs, with a long
// reminder offset and the latest year, are stored with their reminders:
// what passes the checks passes the store.
func TestTheLargestAppointmentTheAPITakesFitsTheStore(t *testing.T) {
	c, db := newStoreAPI(t, 87600*time.Hour)
	a := Appointment{ID: strings.Repeat("/", maxIDBytes), Patient: "telegram:9223372036854775807",
		To: "telegram:9223372036854775806", At: "2199-12-31 23:59", TimeZone: "America/Argentina/ComodRivadavia",
		Location: strings.Repeat("é", maxLocationRunes), Status: "booked"}
	rep, err := c.Import(context.Background(), "big.json", []Appointment{a}, []int{1})
	if err != nil || rep.Imported != 1 {
		t.Fatalf("got %+v, %v", rep, err)
	}
	list, err := c.Appointments(context.Background(), "")
	if err != nil || len(list) != 1 || list[0].ID != a.ID || list[0].Location != a.Location {
		t.Errorf("list: %+v, %v", list, err)
	}
	if n := countAppointments(t, db); n != 1 {
		t.Errorf("%d stored", n)
	}
}

// A blank text (spaces only) is refused by the API itself, not only by the
// CLI: a patient would get an empty message. Nothing is queued.
func TestBlankTextsAreRefused(t *testing.T) {
	db, err := bolt.Open(filepath.Join(t.TempDir(), "carebot.db"), bytes.Repeat([]byte{0x5a}, bolt.KeySize), bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	s := &Server{Token: token, Reminders: reminders.NewPatients(db, db, nil), Broadcasts: reminders.NewBroadcasts(db), Audit: db}
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	c := &Client{Base: srv.URL, Token: token}
	ctx := context.Background()
	at := time.Now().Add(time.Hour).UTC().Format(time.RFC3339)
	for _, text := range []string{"", "   ", " \t\n"} {
		if id, err := c.Broadcast(ctx, Broadcast{Purpose: "announcements", Text: text}); err == nil || !strings.Contains(err.Error(), "text") {
			t.Errorf("broadcast %q: got id %q, error %v; want the text refused", text, id, err)
		}
		if added, err := c.AddReminder(ctx, Reminder{To: "telegram:5", At: at, Text: text}); err == nil || !strings.Contains(err.Error(), "text") {
			t.Errorf("reminder %q: got id %q, error %v; want the text refused", text, added.ID, err)
		}
	}
	// Too long for one message: refused, with its length.
	long := strings.Repeat("x", reminders.MaxText+1)
	if _, err := c.Broadcast(ctx, Broadcast{Purpose: "announcements", Text: long}); err == nil || !strings.Contains(err.Error(), "the text is 2001 bytes; at most 2000") {
		t.Errorf("broadcast of 2001 bytes: got %v, want its length", err)
	}
	if _, err := c.AddReminder(ctx, Reminder{To: "telegram:5", At: at, Text: long}); err == nil || !strings.Contains(err.Error(), "the text is 2001 bytes; at most 2000") {
		t.Errorf("reminder of 2001 bytes: got %v, want its length", err)
	}
	n := 0
	if err := db.Items(ctx, "", func(carebot.OutboxItem) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("got %d items queued, want none", n)
	}
}

// The longest broadcast id the API takes fits the store in every key a
// broadcast makes: its fan-out item (written when it starts) and each
// message's, "bcast/ID/" and a 32-digit pseudonym, written as it fans out.
func TestTheLongestBroadcastIDFitsTheStore(t *testing.T) {
	db, err := bolt.Open(filepath.Join(t.TempDir(), "carebot.db"), bytes.Repeat([]byte{0x5a}, bolt.KeySize), bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	s := &Server{Token: token, Broadcasts: reminders.NewBroadcasts(db), Audit: db}
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	c := &Client{Base: srv.URL, Token: token}
	ctx := context.Background()
	long := strings.Repeat("x", reminders.MaxBroadcastID)
	if id, err := c.Broadcast(ctx, Broadcast{ID: long, Purpose: "announcements", Text: "Closed Friday"}); err != nil || id != long {
		t.Fatalf("got %q, %v; want the longest id started", id, err)
	}
	now := time.Now()
	msg := carebot.OutboxItem{ID: reminders.BroadcastPrefix(long) + strings.Repeat("f", 32), Kind: carebot.KindBroadcast,
		Due: now, Expires: now.Add(time.Hour), User: "telegram:1", Purpose: carebot.PurposeAnnouncements, Text: "Closed Friday", Ref: long}
	if err := db.Schedule(ctx, msg); err != nil {
		t.Errorf("a message of the longest broadcast id: %v", err)
	}
}

// A staff reminder for a patient who has not opted in to appointment
// reminders is scheduled, and the answer says so: it will not be sent
// unless they opt in (QA: "scheduled", and then silence). One opted in
// gets no such word.
func TestReminderSaysWhenNotOptedIn(t *testing.T) {
	db, err := bolt.Open(filepath.Join(t.TempDir(), "carebot.db"), bytes.Repeat([]byte{0x5a}, bolt.KeySize), bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	s := &Server{Token: token, Reminders: reminders.NewPatients(db, db, nil), Consent: db, Audit: db}
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	c := &Client{Base: srv.URL, Token: token}
	ctx := context.Background()
	at := time.Now().Add(time.Hour).UTC().Format(time.RFC3339)
	if err := db.RecordConsent(ctx, carebot.ConsentEvent{User: "telegram:7", Purpose: carebot.PurposeAppointments, Action: carebot.OptIn,
		Method: "keyword:START", Wording: "test", At: time.Now()}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		to         string
		notOptedIn bool
	}{{"telegram:5", true}, {"telegram:7", false}} {
		added, err := c.AddReminder(ctx, Reminder{To: tt.to, At: at, Text: "Your lab results are in the portal."})
		if err != nil || added.ID == "" || added.NotOptedIn != tt.notOptedIn {
			t.Errorf("%s: %+v, %v; want scheduled, not opted in %v", tt.to, added, err, tt.notOptedIn)
		}
	}
}
