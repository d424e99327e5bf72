package bolt

import (
	"bytes"
	"encoding/json"
	"reflect"
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

// A forgotten person's pseudonym leaves the audit log: the entries stay,
// rewritten, and the old ones are scrubbed out of the file.
func TestRedactAudit(t *testing.T) {
	d, path := openTemp(t)
	ctx := t.Context()
	const pseudonym = "self/0123456789abcdef0123456789abcdef/"
	entries := []carebot.AuditEntry{
		{At: t0, Actor: "admin-token", Action: "reminders.add", Target: pseudonym + "00001", Result: "ok", Detail: "due 2026-12-01T14:00:00Z"},
		{At: t0.Add(time.Minute), Actor: "admin-token", Action: "reminders.add", Target: "self/ffffffffffffffffffffffffffffffff/00002", Result: "ok"},
		{At: t0.Add(2 * time.Minute), Actor: "admin-token", Action: "appointments.cancel", Target: "A-1", Result: "ok"},
	}
	for _, e := range entries {
		if err := d.RecordAudit(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	// The old entry's sealed value, as someone with the file and the master
	// key would look for it among the free pages: its key and its length.
	oldKey := logKey(t0, 1)
	plain, _ := json.Marshal(auditRecord{At: t0.UnixNano(), Actor: entries[0].Actor, Action: entries[0].Action,
		Target: entries[0].Target, Result: entries[0].Result, Detail: entries[0].Detail})
	oldSize := sealOverhead + len(plain)
	n, err := d.RedactAudit(ctx, pseudonym, "self/forgotten/")
	if err != nil || n != 1 {
		t.Fatalf("RedactAudit: got %d, %v; want 1 entry changed", n, err)
	}
	// bbolt does not zero the page it freed: the old entry is there until
	// the scrub, which shows that the search below finds what it seeks.
	if !valueIn(d, readFile(t, path), oldKey, oldSize) {
		t.Error("the old entry is not in the file's free pages before the scrub; the search is broken")
	}
	var got []carebot.AuditEntry
	if err := d.Audit(ctx, time.Time{}, func(e carebot.AuditEntry) error { got = append(got, e); return nil }); err != nil {
		t.Fatal(err)
	}
	want := append([]carebot.AuditEntry(nil), entries...)
	want[0].Target = "self/forgotten/00001"
	if !reflect.DeepEqual(got, want) {
		t.Errorf("after RedactAudit:\n got %+v\nwant %+v", got, want)
	}
	if pending, err := d.ScrubPending(ctx); !pending || err != nil {
		t.Errorf("ScrubPending after a redaction: got %v, %v; want true", pending, err)
	}
	if n, err := d.RedactAudit(ctx, pseudonym, "self/forgotten/"); n != 0 || err != nil {
		t.Errorf("a second RedactAudit: got %d, %v; want 0", n, err)
	}
	if _, err := d.RedactAudit(ctx, "", "x"); err == nil {
		t.Error("RedactAudit of nothing: got no error")
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	// The old entry was sealed with the value key, which the master key
	// derives: after the scrub no copy of it is left to open.
	d = reopen(t, path)
	if pending, err := d.ScrubPending(ctx); pending || err != nil {
		t.Errorf("ScrubPending after Close: got %v, %v; want false", pending, err)
	}
	if bytes.Contains(readFile(t, path), []byte(pseudonym)) {
		t.Error("the pseudonym is in the file in clear")
	}
	if valueIn(d, readFile(t, path), oldKey, oldSize) {
		t.Error("an old copy of the redacted entry still opens")
	}
}

// valueIn reports whether file holds, anywhere, a value of size bytes
// sealed with the value key for the audit entry at key.
func valueIn(d *DB, file, key []byte, size int) bool {
	for i := 0; i+size <= len(file); i++ {
		if file[i] != valueV1 {
			continue
		}
		if _, err := openValue(d.keys.value, bucketAudit, key, file[i:i+size]); err == nil {
			return true
		}
	}
	return false
}
