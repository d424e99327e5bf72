package bolt

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"time"

	"go.etcd.io/bbolt"

	"github.com/carebot/carebot"
)

// The unreachable bucket remembers who cannot be reached
// (reminders.Reachability): uid -> the time they were marked, as 8
// big-endian bytes of Unix nanoseconds sealed with their data key. A
// person who is reachable has no entry.

const bucketUnreachable = "unreachable"

// SetUnreachable implements reminders.Reachability: it marks user
// unreachable since the given time, or clears the mark for a zero time.
func (d *DB) SetUnreachable(ctx context.Context, user string, since time.Time) error {
	if user == "" {
		return errors.New("set unreachable: empty user key")
	}
	if err := checkTimes("set unreachable", map[string]time.Time{"since": since}); err != nil {
		return err
	}
	err := d.update(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketUnreachable)
		if err != nil {
			return err
		}
		uid := d.uid(user)
		if since.IsZero() {
			return b.Delete(uid)
		}
		plain := binary.BigEndian.AppendUint64(nil, uint64(since.UnixNano()))
		val, err := d.sealFor(tx, uid, bucketUnreachable, uid, plain)
		if err != nil {
			return err
		}
		return b.Put(uid, val)
	})
	if err != nil {
		return fmt.Errorf("set unreachable: %w", err)
	}
	return nil
}

// Unreachable implements reminders.Reachability: when user was marked
// unreachable, or the zero time.
func (d *DB) Unreachable(ctx context.Context, user string) (time.Time, error) {
	var since time.Time
	err := d.view(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketUnreachable)
		if err != nil {
			return err
		}
		uid := d.uid(user)
		v := b.Get(uid)
		if v == nil {
			return nil
		}
		plain, err := d.openFor(tx, uid, bucketUnreachable, uid, v)
		if err != nil {
			return err
		}
		if len(plain) != 8 {
			return fmt.Errorf("%w: unreachable mark of %d bytes, want 8", ErrCorrupt, len(plain))
		}
		since = time.Unix(0, int64(binary.BigEndian.Uint64(plain))).UTC()
		return nil
	})
	if err != nil {
		return time.Time{}, fmt.Errorf("read unreachable: %w", err)
	}
	return since, nil
}

func forgetUnreachable(tx *bbolt.Tx, uid []byte, f *carebot.Forgotten) (bool, error) {
	b, err := bucket(tx, bucketUnreachable)
	if err != nil || b.Get(uid) == nil {
		return false, err
	}
	f.Unreachable = true
	return true, b.Delete(uid)
}
