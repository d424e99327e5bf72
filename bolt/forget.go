package bolt

import (
	"bytes"
	"context"
	"fmt"

	"go.etcd.io/bbolt"
)

// Forget erases a person: their user record, their whole consent ledger,
// their opted-in index entries, their outbox items (pending or claimed),
// appointments, outcomes and unreachable mark and, last, their data key, in
// one transaction. It is not an error to forget someone the store never knew.
//
// Deleting is not enough on its own: bbolt never zeroes the pages it frees,
// and copy-on-write leaves old copies of a page behind on every write, so
// deleted bytes stay in the file until a page happens to be reused. That is
// why everything of a person's is sealed with their own data key: without it
// those leftovers are noise. But the data key's own old copies are sealed
// under a key derived from the master key, so someone holding the master key
// and the file could still find them. Forget therefore marks the file for a
// scrub, and Close (or an earlier Scrub) rewrites it with live data only;
// after that nothing of the person is readable, even with the master key.
func (d *DB) Forget(ctx context.Context, user string) error {
	err := d.update(ctx, func(tx *bbolt.Tx) error {
		uid := d.uid(user)
		found := false
		// Add the forget step of any new noun holding personal data here;
		// the data key goes last so nothing is left that it could open.
		for _, forget := range []func(*bbolt.Tx, []byte) (bool, error){
			forgetUser, forgetLedger, forgetOptIn, forgetOutbox, forgetAppointments,
			forgetOutcomes, forgetUnreachable, forgetDataKey,
		} {
			ok, err := forget(tx, uid)
			if err != nil {
				return err
			}
			found = found || ok
		}
		if !found {
			return nil
		}
		return markScrub(tx)
	})
	if err != nil {
		return fmt.Errorf("forget user: %w", err)
	}
	return nil
}

func forgetUser(tx *bbolt.Tx, uid []byte) (bool, error) {
	b, err := bucket(tx, bucketUsers)
	if err != nil || b.Get(uid) == nil {
		return false, err
	}
	return true, b.Delete(uid)
}

func forgetLedger(tx *bbolt.Tx, uid []byte) (bool, error) {
	b, err := bucket(tx, bucketConsent)
	if err != nil {
		return false, err
	}
	// Collect first: deleting under a live cursor can skip entries.
	var keys [][]byte
	c := b.Cursor()
	for k, _ := c.Seek(uid); k != nil && bytes.HasPrefix(k, uid); k, _ = c.Next() {
		keys = append(keys, append([]byte(nil), k...))
	}
	for _, k := range keys {
		if err := b.Delete(k); err != nil {
			return false, err
		}
	}
	return len(keys) > 0, nil
}

// forgetOptIn walks every purpose bucket in the file, not only the purposes
// this code knows, so a purpose since retired keeps nothing either.
func forgetOptIn(tx *bbolt.Tx, uid []byte) (bool, error) {
	idx, err := bucket(tx, bucketOptIn)
	if err != nil {
		return false, err
	}
	var hold []*bbolt.Bucket
	err = idx.ForEachBucket(func(name []byte) error {
		if b := idx.Bucket(name); b.Get(uid) != nil {
			hold = append(hold, b)
		}
		return nil
	})
	if err != nil {
		return false, err
	}
	for _, b := range hold {
		if err := b.Delete(uid); err != nil {
			return false, err
		}
	}
	return len(hold) > 0, nil
}
