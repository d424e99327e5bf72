package bolt

import (
	"context"
	"fmt"
	"time"

	"github.com/carebot/carebot"
)

// The audit bucket is the admin API's log of changes, a time log
// (timelog.go). It is append-only; nothing deletes from it.

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
