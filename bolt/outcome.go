package bolt

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"go.etcd.io/bbolt"

	"github.com/carebot/carebot"
)

// Outcomes say what became of outbox items (the delivery report of a
// broadcast, who was unreachable), in one bucket:
//
//	outcomes  item ID -> record (no clear header), the outcome sealed with
//	          its User's data key, or the value key when it has none
//
// An outcome outlives its item; a later outcome with the same ID replaces
// it. Like the outbox, it has no per-person index (see outbox.go): Forget
// reads every outcome's clear owner.

const bucketOutcomes = "outcomes"

func outcomesOf(tx *bbolt.Tx) (*bbolt.Bucket, error) { return bucket(tx, bucketOutcomes) }

type outcomeRecord struct {
	Kind     string `json:"k,omitempty"`
	User     string `json:"u,omitempty"`
	Ref      string `json:"r,omitempty"`
	Result   string `json:"res"`
	At       *int64 `json:"t,omitempty"`
	Attempts int    `json:"n,omitempty"`
	Reason   string `json:"why,omitempty"`
	Slot     *int64 `json:"s,omitempty"` // absent in outcomes recorded before it was kept
}

func checkOutcome(o carebot.Outcome) error {
	if err := checkID("outcome", o.ID); err != nil {
		return err
	}
	return checkTimes(fmt.Sprintf("outcome %q", o.ID), map[string]time.Time{"at": o.At, "slot": o.Slot})
}

// putOutcome records o, replacing any outcome with its ID, unless o names
// a person the store does not know (forgotten).
func (d *DB) putOutcome(tx *bbolt.Tx, outs *bbolt.Bucket, o carebot.Outcome) error {
	id := []byte(o.ID)
	var uid []byte
	a := d.keys.value
	if o.User != "" {
		uid = d.uid(o.User)
		var err error
		switch a, err = d.dataKey(tx, uid, false); {
		case errors.Is(err, errNoDataKey):
			return nil // forgotten: see Finish
		case err != nil:
			return err
		}
	}
	plain, err := json.Marshal(outcomeRecord{Kind: string(o.Kind), User: o.User, Ref: o.Ref, Result: string(o.Result),
		At: nanos(o.At), Attempts: o.Attempts, Reason: o.Reason, Slot: nanos(o.Slot)})
	if err != nil {
		return fmt.Errorf("outcome %q: %w", o.ID, err)
	}
	return outs.Put(id, sealRecordWith(a, bucketOutcomes, id, uid, nil, plain))
}

func (d *DB) readOutcome(tx *bbolt.Tx, id, v []byte) (carebot.Outcome, error) {
	r, err := parseRecord(bucketOutcomes, v, 0)
	if err != nil {
		return carebot.Outcome{}, fmt.Errorf("outcome %q: %w", id, err)
	}
	plain, err := d.openRecord(tx, bucketOutcomes, id, r)
	if err != nil {
		return carebot.Outcome{}, fmt.Errorf("outcome %q: %w", id, err)
	}
	return decodeOutcome(id, plain)
}

// decodeOutcome reads an outcome's payload; any bytes give an outcome or
// an error.
func decodeOutcome(id, plain []byte) (carebot.Outcome, error) {
	var r outcomeRecord
	if err := json.Unmarshal(plain, &r); err != nil {
		return carebot.Outcome{}, fmt.Errorf("outcome %q: %w: %v", id, ErrCorrupt, err)
	}
	return carebot.Outcome{ID: string(id), Kind: carebot.ReminderKind(r.Kind), User: r.User, Ref: r.Ref,
		Result: carebot.Result(r.Result), At: fromNanos(r.At), Attempts: r.Attempts, Reason: r.Reason,
		Slot: fromNanos(r.Slot)}, nil
}

// Outcomes implements reminders.Outbox. Like Items, it reads a page per
// read transaction and calls fn outside them.
func (d *DB) Outcomes(ctx context.Context, prefix string, fn func(carebot.Outcome) error) error {
	return scan(ctx, d, "read outcomes", []string{bucketOutcomes}, []byte(prefix), d.readOutcome, fn)
}

// forgetOutcomes removes every outcome about the person uid.
func forgetOutcomes(tx *bbolt.Tx, uid []byte, f *carebot.Forgotten) (bool, error) {
	outs, err := outcomesOf(tx)
	if err != nil {
		return false, err
	}
	f.Deliveries, err = forgetScan(outs, uid, outs.Delete)
	return f.Deliveries > 0, err
}
