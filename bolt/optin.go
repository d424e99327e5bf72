package bolt

import (
	"bytes"
	"context"
	"crypto/cipher"
	"errors"
	"fmt"

	"go.etcd.io/bbolt"

	"github.com/carebot/carebot"
)

// The optin/<purpose> buckets are an index derived from the ledger: uid ->
// the person's user key sealed with their data key, present exactly when
// their latest event for that purpose is an opt-in. RecordConsent updates it
// in the ledger's transaction, so the two agree; if they ever do not (a bug,
// a file edited by hand), the ledger wins: Consent reads the ledger, and
// RebuildOptIn makes the index match it again.

// optInPage is how many people OptedIn reads per read transaction. Reading
// in pages keeps every transaction short and lets fn write to the store.
const optInPage = 1024

func optInBucket(p carebot.Purpose) string { return bucketOptIn + "/" + string(p) }

// OptedIn calls fn with the user key of everyone opted in to purpose, in
// uid order (which reveals nothing), until fn returns an error, which
// OptedIn returns as it is. fn runs outside any transaction, so it may call
// the store; people who opt in or out meanwhile may or may not be visited,
// never twice. The index is a candidate list: a sender still checks Consent
// at send time.
func (d *DB) OptedIn(ctx context.Context, purpose carebot.Purpose, fn func(userKey string) error) error {
	if !knownPurpose(purpose) {
		return fmt.Errorf("opted in: unknown purpose %q", purpose)
	}
	var after []byte
	for {
		var users []string
		var more bool
		err := d.view(ctx, func(tx *bbolt.Tx) error {
			var err error
			users, after, more, err = d.readOptIn(tx, purpose, after, optInPage)
			return err
		})
		if err != nil {
			return fmt.Errorf("opted in to %s: %w", purpose, err)
		}
		for _, u := range users {
			if err := fn(u); err != nil {
				return err
			}
		}
		if !more {
			return nil
		}
	}
}

// indexEvent brings the index up to date with event e, just stored at ledger
// key k: e decides the person's state for its purpose unless the ledger
// already holds a later event for that purpose (events can arrive out of
// time order, as in an import).
func (d *DB) indexEvent(tx *bbolt.Tx, ledger *bbolt.Bucket, a cipher.AEAD, k []byte, e carebot.ConsentEvent) error {
	uid := k[:uidSize]
	c := ledger.Cursor()
	c.Seek(k)
	for nk, nv := c.Next(); nk != nil && bytes.HasPrefix(nk, uid); nk, nv = c.Next() {
		later, err := openEvent(a, nk, nv)
		if err != nil {
			return err
		}
		if later.Purpose == e.Purpose {
			return nil
		}
	}
	return setOptIn(tx, a, uid, e.User, e.Purpose, e.Action == carebot.OptIn)
}

func setOptIn(tx *bbolt.Tx, a cipher.AEAD, uid []byte, user string, p carebot.Purpose, in bool) error {
	b, err := bucket(tx, bucketOptIn, string(p))
	if err != nil {
		return err
	}
	if !in {
		return b.Delete(uid)
	}
	return b.Put(uid, sealValue(a, optInBucket(p), uid, []byte(user)))
}

// RebuildOptIn makes the opted-in index agree with the ledger, in one
// transaction, and returns how many index entries it had to add, fix or
// remove: zero when they agreed. Run it after restoring a file by hand or
// when Consent and OptedIn are seen to disagree.
func (d *DB) RebuildOptIn(ctx context.Context) (int, error) {
	changed := 0
	err := d.update(ctx, func(tx *bbolt.Tx) error {
		changed = 0
		ledger, err := bucket(tx, bucketConsent)
		if err != nil {
			return err
		}
		type fix struct {
			uid  []byte
			user string
			p    carebot.Purpose
			in   bool
		}
		var fixes []fix
		// Every person with a ledger: their index entries must match their latest events.
		c := ledger.Cursor()
		for k, _ := c.First(); k != nil; {
			if len(k) != ledgerKeySize {
				return fmt.Errorf("%w: ledger key of %d bytes, want %d", ErrCorrupt, len(k), ledgerKeySize)
			}
			uid := append([]byte(nil), k[:uidSize]...)
			evs, err := d.ledger(tx, uid, nil)
			if err != nil {
				return err
			}
			for p, st := range carebot.ConsentState(evs) {
				present, right, err := d.indexEntry(tx, uid, p, evs[0].User)
				if err != nil {
					return err
				}
				if st.OptedIn && !right || !st.OptedIn && present {
					fixes = append(fixes, fix{uid, evs[0].User, p, st.OptedIn})
				}
			}
			next := nextPrefix(uid)
			if next == nil {
				break
			}
			k, _ = c.Seek(next)
		}
		// Index entries of people with no ledger at all must go.
		for _, p := range carebot.Purposes() {
			b, err := bucket(tx, bucketOptIn, string(p))
			if err != nil {
				return err
			}
			err = b.ForEach(func(uid, _ []byte) error {
				if k, _ := ledger.Cursor().Seek(uid); k == nil || !bytes.HasPrefix(k, uid) {
					fixes = append(fixes, fix{uid: append([]byte(nil), uid...), p: p})
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		for _, f := range fixes {
			var a cipher.AEAD
			if f.in {
				if a, err = d.dataKey(tx, f.uid, false); err != nil {
					return err
				}
			}
			if err := setOptIn(tx, a, f.uid, f.user, f.p, f.in); err != nil {
				return err
			}
		}
		changed = len(fixes)
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("rebuild opt-in index: %w", err)
	}
	return changed, nil
}

// indexEntry reports whether the index has an entry for uid under p, and
// whether it is right: it opens to user. A damaged entry is present but not
// right, so it gets rewritten or removed.
func (d *DB) indexEntry(tx *bbolt.Tx, uid []byte, p carebot.Purpose, user string) (present, right bool, err error) {
	b, err := bucket(tx, bucketOptIn, string(p))
	if err != nil {
		return false, false, err
	}
	v := b.Get(uid)
	if v == nil {
		return false, false, nil
	}
	plain, err := d.openFor(tx, uid, optInBucket(p), uid, v)
	if errors.Is(err, ErrCorrupt) {
		return true, false, nil
	}
	return true, err == nil && string(plain) == user, err
}

// nextPrefix returns the smallest key after every key starting with p.
func nextPrefix(p []byte) []byte {
	n := append([]byte(nil), p...)
	for i := len(n) - 1; i >= 0; i-- {
		if n[i]++; n[i] != 0 {
			return n[:i+1]
		}
	}
	return nil // p is all 0xff: nothing comes after
}
