package bolt

import (
	"testing"
	"time"

	"github.com/carebot/carebot"
)

func TestAuditIsKeptInOrderAcrossRestarts(t *testing.T) {
	d, path := openTemp(t)
	ctx := t.Context()
	entries := []carebot.AuditEntry{
		{At: t0, Actor: "admin-token", Remote: "127.0.0.1:5000", Action: "appointments.import", Result: "ok", Detail: "2 imported"},
		{At: t0.Add(time.Minute), Actor: "admin-token", Action: "broadcast.start", Target: "flu-2026", Result: "ok"},
	}
	for _, e := range entries {
		if err := d.RecordAudit(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	d = reopen(t, path)
	var got []carebot.AuditEntry
	if err := d.Audit(ctx, t0.Add(time.Second), func(e carebot.AuditEntry) error { got = append(got, e); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0] != entries[1] {
		t.Errorf("audit since t0+1s after reopen: got %+v, want only %+v", got, entries[1])
	}
}
