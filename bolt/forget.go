package bolt

import (
	"bytes"
	"context"
	"fmt"

	"go.etcd.io/bbolt"

	"github.com/carebot/carebot"
)

// Forget erases a person: their user record, their whole consent ledger,
// their opted-in index entries, their outbox items (pending or claimed),
// appointments, outcomes and unreachable mark and, last, their data key, in
// one transaction, and says how many of each it erased. It is not an error
// to forget someone the store never knew: the counts are then all zero.
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
func (d *DB) Forget(ctx context.Context, user string) (carebot.Forgotten, error) {
	var f carebot.Forgotten
	err := d.update(ctx, func(tx *bbolt.Tx) error {
		f = carebot.Forgotten{}
		uid := d.uid(user)
		found := false
		// Add the forget step of any new noun holding personal data here;
		// the data key goes last so nothing is left that it could open
		// (and the outbox step still has it, to tell reminders apart).
		for _, forget := range []func(*bbolt.Tx, []byte, *carebot.Forgotten) (bool, error){
			forgetUser, forgetLedger, forgetOptIn, d.forgetOutbox, forgetAppointments,
			forgetOutcomes, forgetUnreachable, forgetDataKey,
		} {
			ok, err := forget(tx, uid, &f)
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
		return carebot.Forgotten{}, fmt.Errorf("forget user: %w", err)
	}
	return f, nil
}

func forgetUser(tx *bbolt.Tx, uid []byte, f *carebot.Forgotten) (bool, error) {
	b, err := bucket(tx, bucketUsers)
	if err != nil || b.Get(uid) == nil {
		return false, err
	}
	f.User = true
	return true, b.Delete(uid)
}

func forgetLedger(tx *bbolt.Tx, uid []byte, f *carebot.Forgotten) (bool, error) {
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
	f.ConsentEvents = len(keys)
	return len(keys) > 0, nil
}

// forgetOptIn walks every purpose bucket in the file, not only the purposes
// this code knows, so a purpose since retired keeps nothing either. What
// it deletes is derived from the ledger, and counted there.
func forgetOptIn(tx *bbolt.Tx, uid []byte, _ *carebot.Forgotten) (bool, error) {
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
