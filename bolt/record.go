package bolt

import (
	"bytes"
	"crypto/cipher"
	"encoding/binary"
	"fmt"
	"math"
	"time"

	"go.etcd.io/bbolt"

	"github.com/carebot/carebot"
)

// A record is how the outbox, the outcomes and the appointments store a
// value: a few fields in clear, so that indexes can be kept in step without
// a key, and the rest sealed.
//
//	[0]       recordV1
//	[1]       owner: ownerNone (sealed with the value key) or ownerPerson
//	[2:34]    the owner's uid, when the owner is a person (their data key seals it)
//	then      the clear header, of a fixed size per bucket (outbox items: seq | due)
//	then      sealValue of the payload
//
// The sealed part is bound to the clear part and the bucket key (its
// additional data is the bucket and clear part | key), so a header edited,
// an owner swapped or a value moved to another key fails to open instead
// of being read with another due time, Seq or owner.
const recordV1 byte = 1

const (
	ownerNone   byte = 0
	ownerPerson byte = 1
)

// maxIDSize bounds outbox, outcome and appointment IDs: they are bucket keys
// (bbolt allows 32 KiB) and prefixes of index keys.
const maxIDSize = 1024

// record is a parsed value; its slices point into the value.
type record struct {
	uid    []byte // nil: the record belongs to nobody
	head   []byte
	clear  []byte // everything before sealed
	sealed []byte
}

// parseRecord splits a stored value without opening it. Any bytes give a
// record or an ErrCorrupt naming bucket.
func parseRecord(bucket string, val []byte, headSize int) (record, error) {
	if len(val) == 0 {
		return record{}, fmt.Errorf("%w: empty value in %s", ErrCorrupt, bucket)
	}
	switch v := val[0]; {
	case v == recordV1:
	case v > recordV1:
		return record{}, fmt.Errorf("%w: a value in %s has format version %d, this carebot reads up to %d (written by a newer carebot?)", ErrUnknownVersion, bucket, v, recordV1)
	default:
		return record{}, fmt.Errorf("%w: a value in %s has format version %d, which never existed", ErrCorrupt, bucket, v)
	}
	if len(val) < 2 {
		return record{}, fmt.Errorf("%w: a value in %s is truncated (%d bytes)", ErrCorrupt, bucket, len(val))
	}
	n := 2
	switch val[1] {
	case ownerNone:
	case ownerPerson:
		n += uidSize
	default:
		return record{}, fmt.Errorf("%w: a value in %s has owner kind %d, which never existed", ErrCorrupt, bucket, val[1])
	}
	if len(val) < n+headSize+sealOverhead {
		return record{}, fmt.Errorf("%w: a value in %s is truncated (%d bytes)", ErrCorrupt, bucket, len(val))
	}
	var r record
	if n > 2 {
		r.uid = val[2:n]
	}
	r.head = val[n : n+headSize]
	r.clear = val[:n+headSize]
	r.sealed = val[n+headSize:]
	return r, nil
}

// sealRecord makes the value stored at key in bucket: owned by the person
// uid (nil for nobody), with head in clear and plain sealed.
func (d *DB) sealRecord(tx *bbolt.Tx, bucket string, key, uid, head, plain []byte) ([]byte, error) {
	a := d.keys.value
	if uid != nil {
		var err error
		if a, err = d.dataKey(tx, uid, true); err != nil {
			return nil, err
		}
	}
	return sealRecordWith(a, bucket, key, uid, head, plain), nil
}

// sealRecordWith is sealRecord with the owner's key already at hand.
func sealRecordWith(a cipher.AEAD, bucket string, key, uid, head, plain []byte) []byte {
	val := make([]byte, 0, 2+len(uid)+len(head)+sealOverhead+len(plain))
	owner := ownerNone
	if uid != nil {
		owner = ownerPerson
	}
	val = append(val, recordV1, owner)
	val = append(val, uid...)
	val = append(val, head...)
	return append(val, sealValue(a, bucket, recordAD(val, key), plain)...)
}

// openRecord opens the sealed part of r, stored at key in bucket.
func (d *DB) openRecord(tx *bbolt.Tx, bucket string, key []byte, r record) ([]byte, error) {
	ad := recordAD(r.clear, key)
	if r.uid == nil {
		return openValue(d.keys.value, bucket, ad, r.sealed)
	}
	return d.openFor(tx, r.uid, bucket, ad, r.sealed)
}

func recordAD(clear, key []byte) []byte {
	ad := make([]byte, 0, len(clear)+len(key))
	return append(append(ad, clear...), key...)
}

func checkID(what, id string) error {
	if id == "" {
		return fmt.Errorf("%s without an ID", what)
	}
	if len(id) > maxIDSize {
		return fmt.Errorf("%s ID of %d bytes, at most %d", what, len(id), maxIDSize)
	}
	return nil
}

// checkTimes checks that every non-zero time fits the store's Unix
// nanoseconds (years 1678 to 2262).
func checkTimes(what string, times map[string]time.Time) error {
	for name, t := range times {
		if !t.IsZero() && !fitsUnixNano(t) {
			return fmt.Errorf("%s: %s time %s is out of range", what, name, t.Format(time.RFC3339))
		}
	}
	return nil
}

// timeKey is t as 8 big-endian bytes that sort in time order: Unix
// nanoseconds with the sign bit flipped. A time beyond what Unix
// nanoseconds hold clamps to the nearer end.
func timeKey(t time.Time) []byte {
	n := t.UnixNano()
	if !fitsUnixNano(t) {
		n = math.MaxInt64
		if t.Before(time.Unix(0, 0)) {
			n = math.MinInt64
		}
	}
	return binary.BigEndian.AppendUint64(make([]byte, 0, 8), uint64(n)^(1<<63))
}

// keyTime reads a timeKey.
func keyTime(k []byte) time.Time {
	return time.Unix(0, int64(binary.BigEndian.Uint64(k)^(1<<63))).UTC()
}

// nanos is a time as JSON stores it: Unix nanoseconds, nil for the zero time.
func nanos(t time.Time) *int64 {
	if t.IsZero() {
		return nil
	}
	n := t.UnixNano()
	return &n
}

func fromNanos(n *int64) time.Time {
	if n == nil {
		return time.Time{}
	}
	return time.Unix(0, *n).UTC()
}

// ownedKey is an index entry's key, uid | id: the value at id belongs to
// the person uid, so Forget finds all of theirs with one prefix scan.
func ownedKey(uid []byte, id []byte) []byte {
	k := make([]byte, 0, len(uid)+len(id))
	return append(append(k, uid...), id...)
}

// present is the value of index entries whose key says it all: bbolt
// cannot tell an empty value from a missing one.
var present = []byte{1}

// forgetOwned deletes everything of the person uid that index lists (keys
// uid | id), calling remove for each id, a page at a time, and returns how
// many it found: the index entry is deleted here, so remove need not, and
// may find its value gone.
func forgetOwned(index *bbolt.Bucket, uid []byte, remove func(id []byte) error) (int, error) {
	n := 0
	for {
		// Collect first: deleting under a live cursor can skip entries.
		var keys [][]byte
		c := index.Cursor()
		for k, _ := c.Seek(uid); k != nil && bytes.HasPrefix(k, uid) && len(keys) < 1024; k, _ = c.Next() {
			keys = append(keys, bytes.Clone(k))
		}
		if len(keys) == 0 {
			return n, nil
		}
		n += len(keys)
		for _, k := range keys {
			if err := index.Delete(k); err != nil {
				return n, err
			}
			if err := remove(k[len(uid):]); err != nil {
				return n, err
			}
		}
	}
}

// forgetScan calls remove with the key of every record in b owned by the
// person uid, found by reading each record's clear owner: one pass over
// the bucket that decrypts nothing and holds only that person's keys. It
// returns how many it removed. Damaged records are passed over; they
// belong to no one it can tell.
func forgetScan(b *bbolt.Bucket, uid []byte, remove func(id []byte) error) (int, error) {
	var ids [][]byte
	c := b.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if len(v) >= 2+uidSize && v[0] == recordV1 && v[1] == ownerPerson && bytes.Equal(v[2:2+uidSize], uid) {
			ids = append(ids, bytes.Clone(k))
		}
	}
	for _, id := range ids {
		if err := remove(id); err != nil {
			return 0, err
		}
	}
	return len(ids), nil
}

// addressOf is a as the outbox and appointments store it: nil when zero.
func addressOf(a carebot.Address) *addressRecord {
	if a == (carebot.Address{}) {
		return nil
	}
	return &addressRecord{Platform: a.Platform, ChatID: a.ChatID, UserID: a.UserID, Group: a.Group, Thread: a.Thread}
}

func (r *addressRecord) address() carebot.Address {
	if r == nil {
		return carebot.Address{}
	}
	return carebot.Address{Platform: r.Platform, ChatID: r.ChatID, UserID: r.UserID, Group: r.Group, Thread: r.Thread}
}
