package bolt

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"go.etcd.io/bbolt"

	"github.com/carebot/carebot"
)

// The audit bucket is the admin API's log of changes, a time log
// (timelog.go). It is append-only: nothing deletes from it, and only
// RedactAudit changes an entry, to take out a forgotten person's pseudonym.

const bucketAudit = "audit"

type auditRecord struct {
	At     int64  `json:"t"`
	Actor  string `json:"a"`
	Remote string `json:"r,omitempty"`
	Action string `json:"x"`
	Target string `json:"g,omitempty"`
	Result string `json:"o"`
	Detail string `json:"d,omitempty"`
}

// RecordAudit appends e to the audit log, committed before it returns. A
// zero At is stamped with the store's clock.
func (d *DB) RecordAudit(ctx context.Context, e carebot.AuditEntry) error {
	if e.At.IsZero() {
		e.At = d.opts.Now()
	}
	rec := auditRecord{At: e.At.UnixNano(), Actor: e.Actor, Remote: e.Remote, Action: e.Action,
		Target: e.Target, Result: e.Result, Detail: e.Detail}
	if err := d.appendLog(ctx, bucketAudit, e.At, rec); err != nil {
		return fmt.Errorf("record audit: %w", err)
	}
	return nil
}

// Audit calls fn with every entry recorded at or after since, oldest
// first, until fn returns an error (which Audit returns).
func (d *DB) Audit(ctx context.Context, since time.Time, fn func(carebot.AuditEntry) error) error {
	all, err := readLog[auditRecord](ctx, d, bucketAudit, since)
	if err != nil {
		return fmt.Errorf("read audit: %w", err)
	}
	for _, r := range all {
		e := carebot.AuditEntry{At: time.Unix(0, r.At).UTC(), Actor: r.Actor, Remote: r.Remote,
			Action: r.Action, Target: r.Target, Result: r.Result, Detail: r.Detail}
		if err := fn(e); err != nil {
			return err
		}
	}
	return nil
}

// RedactAudit replaces old with new in the target and detail of every
// audit entry that holds it, and returns how many entries it changed. It
// takes a forgotten person's pseudonym (in the ID of a reminder staff set
// for them, "self/<pseudonym>/...") out of the log: the entries stay, so
// the trail of what staff did keeps every step, but none of them can be
// tied back to the person any more, even by the holder of the master key.
// When it changes any it marks the file for a scrub, as Forget does, so
// the old entries do not linger in free pages.
func (d *DB) RedactAudit(ctx context.Context, old, new string) (int, error) {
	if old == "" {
		return 0, errors.New("redact audit: nothing to redact")
	}
	n := 0
	err := d.update(ctx, func(tx *bbolt.Tx) error {
		n = 0
		type change struct {
			k   []byte
			rec auditRecord
		}
		// Collect first: writing while a cursor walks can skip entries.
		var changes []change
		err := eachLog(d, tx, bucketAudit, time.Time{}, time.Time{}, func(k []byte, r auditRecord) error {
			if strings.Contains(r.Target, old) || strings.Contains(r.Detail, old) {
				r.Target = strings.ReplaceAll(r.Target, old, new)
				r.Detail = strings.ReplaceAll(r.Detail, old, new)
				changes = append(changes, change{bytes.Clone(k), r})
			}
			return nil
		})
		if err != nil || len(changes) == 0 {
			return err
		}
		b, err := bucket(tx, bucketAudit)
		if err != nil {
			return err
		}
		for _, c := range changes {
			plain, err := json.Marshal(c.rec)
			if err != nil {
				return err
			}
			if err := b.Put(c.k, sealValue(d.keys.value, bucketAudit, c.k, plain)); err != nil {
				return err
			}
		}
		n = len(changes)
		return markScrub(tx)
	})
	if err != nil {
		return 0, fmt.Errorf("redact audit: %w", err)
	}
	return n, nil
}
