package bolt

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"go.etcd.io/bbolt"

	"github.com/carebot/carebot"
)

// Outcomes say what became of outbox items (the delivery report of a
// broadcast, who was unreachable), in two buckets under outcomes/:
//
//	ids       item ID -> record (no clear header), the outcome sealed with
//	          its User's data key, or the value key when it has none
//	people    uid | ID -> 1, for outcomes with a User: Forget's index
//
// An outcome outlives its item; a later outcome with the same ID replaces it.

const (
	bucketOutcomes = "outcomes"
	outcomeIDs     = "ids"
	outcomePeople  = "people"

	outcomesBucket = bucketOutcomes + "/" + outcomeIDs
)

type outcomes struct{ ids, people *bbolt.Bucket }

func outcomesOf(tx *bbolt.Tx) (outcomes, error) {
	ids, err := bucket(tx, bucketOutcomes, outcomeIDs)
	if err != nil {
		return outcomes{}, err
	}
	people, err := bucket(tx, bucketOutcomes, outcomePeople)
	return outcomes{ids, people}, err
}

type outcomeRecord struct {
	Kind     string `json:"k,omitempty"`
	User     string `json:"u,omitempty"`
	Ref      string `json:"r,omitempty"`
	Result   string `json:"res"`
	At       *int64 `json:"t,omitempty"`
	Attempts int    `json:"n,omitempty"`
	Reason   string `json:"why,omitempty"`
}

func checkOutcome(o carebot.Outcome) error {
	if err := checkID("outcome", o.ID); err != nil {
		return err
	}
	return checkTimes(fmt.Sprintf("outcome %q", o.ID), map[string]time.Time{"at": o.At})
}

// putOutcome records o, replacing any outcome with its ID, unless o names
// a person the store does not know (forgotten).
func (d *DB) putOutcome(tx *bbolt.Tx, outs outcomes, o carebot.Outcome) error {
	id := []byte(o.ID)
	var uid []byte
	if o.User != "" {
		uid = d.uid(o.User)
		switch known, err := d.hasDataKey(tx, uid); {
		case err != nil:
			return err
		case !known:
			return nil // forgotten: see Finish
		}
	}
	if err := outs.remove(id); err != nil {
		return err
	}
	plain, err := json.Marshal(outcomeRecord{Kind: string(o.Kind), User: o.User, Ref: o.Ref, Result: string(o.Result),
		At: nanos(o.At), Attempts: o.Attempts, Reason: o.Reason})
	if err != nil {
		return fmt.Errorf("outcome %q: %w", o.ID, err)
	}
	val, err := d.sealRecord(tx, outcomesBucket, id, uid, nil, plain)
	if err != nil {
		return err
	}
	if err := outs.ids.Put(id, val); err != nil {
		return err
	}
	if uid != nil {
		return outs.people.Put(ownedKey(uid, id), present)
	}
	return nil
}

// remove deletes the outcome id and its index entry, if any.
func (outs outcomes) remove(id []byte) error {
	v := outs.ids.Get(id)
	if v == nil {
		return nil
	}
	if r, err := parseRecord(outcomesBucket, v, 0); err == nil && r.uid != nil {
		if err := outs.people.Delete(ownedKey(r.uid, id)); err != nil {
			return err
		}
	}
	return outs.ids.Delete(id)
}

func (d *DB) readOutcome(tx *bbolt.Tx, id, v []byte) (carebot.Outcome, error) {
	r, err := parseRecord(outcomesBucket, v, 0)
	if err != nil {
		return carebot.Outcome{}, fmt.Errorf("outcome %q: %w", id, err)
	}
	plain, err := d.openRecord(tx, outcomesBucket, id, r)
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
		Result: carebot.Result(r.Result), At: fromNanos(r.At), Attempts: r.Attempts, Reason: r.Reason}, nil
}

// Outcomes implements reminders.Outbox. Like Items, it reads a page per
// read transaction and calls fn outside them.
func (d *DB) Outcomes(ctx context.Context, prefix string, fn func(carebot.Outcome) error) error {
	return scan(ctx, d, "read outcomes", []string{bucketOutcomes, outcomeIDs}, []byte(prefix), d.readOutcome, fn)
}

// forgetOutcomes removes every outcome about the person uid.
func forgetOutcomes(tx *bbolt.Tx, uid []byte) (bool, error) {
	outs, err := outcomesOf(tx)
	if err != nil {
		return false, err
	}
	return forgetOwned(outs.people, uid, outs.remove)
}
