package main

import (
	"bytes"
	"context"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/bolt"
	"github.com/carebot/carebot/reminders"
)

// lineWriter hands each log line written to it to a channel.
type lineWriter chan string

func (w lineWriter) Write(p []byte) (int, error) {
	for _, l := range strings.Split(strings.TrimSpace(string(p)), "\n") {
		w <- l
	}
	return len(p), nil
}

// memory records what it was told to forget.
type memory struct {
	mu     sync.Mutex
	forgot []string
}

func (m *memory) Forget(user string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.forgot = append(m.forgot, user)
}

// A forget drops the person from the bot's memories, takes their
// pseudonym out of the audit log and erases them from the store; and the
// running bot scrubs the file soon after, without waiting for a restart.
func TestEraserAndTheScrubAfter(t *testing.T) {
	db, err := bolt.Open(filepath.Join(t.TempDir(), "carebot.db"), bytes.Repeat([]byte{9}, bolt.KeySize), bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx, cancel := context.WithCancel(t.Context())
	const who = "telegram:77"
	if err := db.RecordConsent(ctx, carebot.ConsentEvent{User: who, Purpose: carebot.PurposeAwareness, Action: carebot.OptIn}); err != nil {
		t.Fatal(err)
	}
	prefix := reminders.PatientPrefix(db.LogSecret(), who)
	if err := db.RecordAudit(ctx, carebot.AuditEntry{Action: "reminders.add", Target: prefix + "0001", Result: "ok"}); err != nil {
		t.Fatal(err)
	}
	forgot := make(chan struct{}, 1)
	mem := &memory{}
	e := &eraser{db: db, secret: db.LogSecret(), memories: []interface{ Forget(string) }{mem}, scrub: forgot}

	logs := make(lineWriter, 100)
	done := make(chan error)
	go func() { done <- maintain(ctx, db, 24*time.Hour, forgot, 0, slog.New(slog.NewTextHandler(logs, nil))) }()

	f, err := e.Forget(ctx, who)
	if err != nil {
		t.Fatal(err)
	}
	if want := (carebot.Forgotten{ConsentEvents: 1, AuditEntries: 1}); f != want {
		t.Errorf("Forget: got %+v, want %+v", f, want)
	}
	if len(mem.forgot) != 1 || mem.forgot[0] != who {
		t.Errorf("the memories were told to forget %q, want %q", mem.forgot, who)
	}
	// The deadline only stops a broken test from hanging; nothing is timed.
	deadline := time.After(time.Minute)
	for scrubbed := false; !scrubbed; {
		select {
		case l := <-logs:
			scrubbed = strings.Contains(l, "scrubbed the database")
		case <-deadline:
			t.Fatal("no scrub after the forget")
		}
	}
	if pending, err := db.ScrubPending(ctx); pending || err != nil {
		t.Errorf("after the scrub: pending %v, %v", pending, err)
	}
	db.Audit(ctx, time.Time{}, func(a carebot.AuditEntry) error {
		if a.Target != forgottenPrefix+"0001" {
			t.Errorf("audit target %q, want %q", a.Target, forgottenPrefix+"0001")
		}
		return nil
	})
	cancel()
	if err := <-done; err != nil {
		t.Errorf("maintain: %v", err)
	}
}
