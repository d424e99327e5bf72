package bolt

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"go.etcd.io/bbolt"

	"github.com/carebot/carebot"
)

// The audit bucket is the admin API's log of changes: time | seq (as in the
// feedback bucket, so reading since a date is one seek), sealed with the
// file's value key. It is append-only; nothing deletes from it.

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
	if !fitsUnixNano(e.At) {
		return fmt.Errorf("record audit: time %s is out of range", e.At.Format(time.RFC3339))
	}
	plain, err := json.Marshal(auditRecord{At: e.At.UnixNano(), Actor: e.Actor, Remote: e.Remote, Action: e.Action,
		Target: e.Target, Result: e.Result, Detail: e.Detail})
	if err != nil {
		return fmt.Errorf("record audit: %w", err)
	}
	err = d.update(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketAudit)
		if err != nil {
			return err
		}
		seq, err := b.NextSequence()
		if err != nil {
			return err
		}
		k := feedbackKey(e.At, seq)
		return b.Put(k, sealValue(d.keys.value, bucketAudit, k, plain))
	})
	if err != nil {
		return fmt.Errorf("record audit: %w", err)
	}
	return nil
}

// Audit calls fn with every entry recorded at or after since, oldest
// first, until fn returns an error (which Audit returns).
func (d *DB) Audit(ctx context.Context, since time.Time, fn func(carebot.AuditEntry) error) error {
	var all []carebot.AuditEntry
	err := d.view(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketAudit)
		if err != nil {
			return err
		}
		c := b.Cursor()
		for k, v := c.Seek(feedbackKey(since, 0)); k != nil; k, v = c.Next() {
			plain, err := openValue(d.keys.value, bucketAudit, k, v)
			if err != nil {
				return err
			}
			var r auditRecord
			if err := json.Unmarshal(plain, &r); err != nil {
				return fmt.Errorf("%w: audit record: %v", ErrCorrupt, err)
			}
			all = append(all, carebot.AuditEntry{At: time.Unix(0, r.At).UTC(), Actor: r.Actor, Remote: r.Remote,
				Action: r.Action, Target: r.Target, Result: r.Result, Detail: r.Detail})
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("read audit: %w", err)
	}
	for _, e := range all {
		if err := fn(e); err != nil {
			return err
		}
	}
	return nil
}
