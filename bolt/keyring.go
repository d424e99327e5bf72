package bolt

import (
	"crypto/cipher"
	"crypto/rand"
	"errors"
	"fmt"

	"go.etcd.io/bbolt"

	"github.com/carebot/carebot"
)

// The keys bucket holds one random 256-bit data key per person, sealed under
// the wrap key with the person's uid as its key. Everything personal about
// someone is sealed with their data key, so deleting this one entry (and
// scrubbing the file, see Scrub) leaves nothing of theirs readable.

// errNoDataKey says a person has no data key yet, so nothing of theirs is stored.
var errNoDataKey = errors.New("no data key")

const dataKeySize = 32

// dataKey returns the AEAD of the person with this uid. With create set (tx
// must be writable) it makes and stores a key for a person who has none;
// without, it returns errNoDataKey for them.
func (d *DB) dataKey(tx *bbolt.Tx, uid []byte, create bool) (cipher.AEAD, error) {
	b, err := bucket(tx, bucketKeys)
	if err != nil {
		return nil, err
	}
	var raw []byte
	if v := b.Get(uid); v != nil {
		if raw, err = openValue(d.keys.wrap, bucketKeys, uid, v); err != nil {
			return nil, fmt.Errorf("data key: %w", err)
		}
		if len(raw) != dataKeySize {
			return nil, fmt.Errorf("data key: %w: %d bytes, want %d", ErrCorrupt, len(raw), dataKeySize)
		}
	} else if !create {
		return nil, errNoDataKey
	} else {
		raw = make([]byte, dataKeySize)
		rand.Read(raw)
		if err := b.Put(uid, sealValue(d.keys.wrap, bucketKeys, uid, raw)); err != nil {
			return nil, fmt.Errorf("store data key: %w", err)
		}
	}
	return newAEAD(raw)
}

// sealFor seals plain for bucket/key with the data key of the person whose
// uid is given, creating their key if needed. Use it for any value that is
// about one person (an outbox item, a reminder): Forget then shreds it too.
func (d *DB) sealFor(tx *bbolt.Tx, uid []byte, bucket string, key, plain []byte) ([]byte, error) {
	a, err := d.dataKey(tx, uid, true)
	if err != nil {
		return nil, err
	}
	return sealValue(a, bucket, key, plain), nil
}

// openFor opens a value sealed by sealFor. A value whose owner has no data
// key any more (forgotten) is ErrCorrupt: it should have been deleted with them.
func (d *DB) openFor(tx *bbolt.Tx, uid []byte, bucket string, key, val []byte) ([]byte, error) {
	a, err := d.dataKey(tx, uid, false)
	if errors.Is(err, errNoDataKey) {
		return nil, fmt.Errorf("%w: a value in %s belongs to a person with no data key", ErrCorrupt, bucket)
	}
	if err != nil {
		return nil, err
	}
	return openValue(a, bucket, key, val)
}

// forgetDataKey destroys a person's data key: the last step of Forget. It
// is no thing of theirs staff would count, so it counts nothing.
func forgetDataKey(tx *bbolt.Tx, uid []byte, _ *carebot.Forgotten) (bool, error) {
	b, err := bucket(tx, bucketKeys)
	if err != nil {
		return false, err
	}
	if b.Get(uid) == nil {
		return false, nil
	}
	return true, b.Delete(uid)
}
