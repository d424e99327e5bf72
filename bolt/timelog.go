package bolt

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"

	"go.etcd.io/bbolt"
)

// A time log is a bucket of records keyed time | seq (Unix nanoseconds with
// the sign bit flipped, then the bucket's sequence, both big-endian), so a
// cursor reads it oldest first and finds a date with one seek. Records are
// JSON sealed with the file's value key: they belong to no one person. The
// feedback log and the audit log are time logs.

// logKey clamps a time beyond Unix nanoseconds (timeKey) so that a since
// or until typed by staff, such as year 9999, seeks to the end it means
// instead of wrapping around.
func logKey(at time.Time, seq uint64) []byte {
	return binary.BigEndian.AppendUint64(timeKey(at), seq)
}

// appendLog seals rec into the time log name at time at, committed before
// it returns.
func (d *DB) appendLog(ctx context.Context, name string, at time.Time, rec any) error {
	if !fitsUnixNano(at) {
		return fmt.Errorf("time %s is out of range", at.Format(time.RFC3339))
	}
	plain, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	return d.update(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, name)
		if err != nil {
			return err
		}
		seq, err := b.NextSequence()
		if err != nil {
			return err
		}
		k := logKey(at, seq)
		return b.Put(k, sealValue(d.keys.value, name, k, plain))
	})
}

// eachLog calls fn with the key and decoded record of every entry of the
// time log name from since up to (not including) until, oldest first; a
// zero since means from the start, a zero until no end. fn runs inside tx
// and must not keep k.
func eachLog[R any](d *DB, tx *bbolt.Tx, name string, since, until time.Time, fn func(k []byte, r R) error) error {
	b, err := bucket(tx, name)
	if err != nil {
		return err
	}
	var end []byte
	if !until.IsZero() {
		end = logKey(until, 0)
	}
	c := b.Cursor()
	k, v := c.First()
	if !since.IsZero() {
		k, v = c.Seek(logKey(since, 0))
	}
	for ; k != nil && (end == nil || string(k) < string(end)); k, v = c.Next() {
		plain, err := openValue(d.keys.value, name, k, v)
		if err != nil {
			return err
		}
		var r R
		if err := json.Unmarshal(plain, &r); err != nil {
			return fmt.Errorf("%w: %s record: %v", ErrCorrupt, name, err)
		}
		if err := fn(k, r); err != nil {
			return err
		}
	}
	return nil
}

// readLog returns the records of the time log name from since on, read in
// one transaction, so the caller can hand them on outside it.
func readLog[R any](ctx context.Context, d *DB, name string, since time.Time) ([]R, error) {
	var all []R
	err := d.view(ctx, func(tx *bbolt.Tx) error {
		return eachLog(d, tx, name, since, time.Time{}, func(_ []byte, r R) error {
			all = append(all, r)
			return nil
		})
	})
	return all, err
}
