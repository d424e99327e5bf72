package bolt

import (
	"bytes"
	"context"
	"crypto/cipher"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"go.etcd.io/bbolt"

	"github.com/carebot/carebot"
)

// The consent bucket is the ledger: append-only, one entry per event, keyed
// uid | time | seq (see ledgerKey) so one cursor prefix scan reads a person's
// history oldest first, sealed with their data key. Nothing but Forget ever
// deletes from it. Who is opted in now is derived from it (optin.go).

type eventRecord struct {
	User    string `json:"u"`
	Purpose string `json:"p"`
	Action  string `json:"a"`
	Method  string `json:"m,omitempty"`
	Wording string `json:"w,omitempty"`
	At      int64  `json:"t"` // Unix nanoseconds
}

// ledgerKeySize is uid, time and sequence.
const ledgerKeySize = uidSize + 8 + 8

// ledgerKey orders a person's events by time, then by the order they were
// recorded. The time's sign bit is flipped so times before 1970 sort first.
func ledgerKey(uid []byte, at time.Time, seq uint64) []byte {
	k := make([]byte, 0, ledgerKeySize)
	k = append(k, uid...)
	k = binary.BigEndian.AppendUint64(k, uint64(at.UnixNano())^(1<<63))
	return binary.BigEndian.AppendUint64(k, seq)
}

// RecordConsent appends events to the ledger and updates who is opted in, all
// in one transaction that is committed and fsync'd before it returns: once it
// returns nil the change survives a crash, so the caller may confirm it. An
// event with a zero At is stamped with the store's clock. Events need a user,
// a known purpose and OptIn or OptOut; if any is invalid nothing is recorded.
func (d *DB) RecordConsent(ctx context.Context, events ...carebot.ConsentEvent) error {
	if len(events) == 0 {
		return nil
	}
	evs := make([]carebot.ConsentEvent, len(events))
	for i, e := range events {
		if e.At.IsZero() {
			e.At = d.opts.Now()
		}
		if err := validEvent(e); err != nil {
			return fmt.Errorf("record consent: event %d: %w", i, err)
		}
		evs[i] = e
	}
	err := d.update(ctx, func(tx *bbolt.Tx) error {
		ledger, err := bucket(tx, bucketConsent)
		if err != nil {
			return err
		}
		for _, e := range evs {
			uid := d.uid(e.User)
			a, err := d.dataKey(tx, uid, true)
			if err != nil {
				return err
			}
			seq, err := ledger.NextSequence()
			if err != nil {
				return err
			}
			k := ledgerKey(uid, e.At, seq)
			plain, err := json.Marshal(eventRecord{User: e.User, Purpose: string(e.Purpose),
				Action: string(e.Action), Method: e.Method, Wording: e.Wording, At: e.At.UnixNano()})
			if err != nil {
				return err
			}
			if err := ledger.Put(k, sealValue(a, bucketConsent, k, plain)); err != nil {
				return err
			}
			if err := d.indexEvent(tx, ledger, a, k, e); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("record consent: %w", err)
	}
	return nil
}

func validEvent(e carebot.ConsentEvent) error {
	switch {
	case e.User == "":
		return errors.New("empty user key")
	case !knownPurpose(e.Purpose):
		return fmt.Errorf("unknown purpose %q", e.Purpose)
	case e.Action != carebot.OptIn && e.Action != carebot.OptOut:
		return fmt.Errorf("unknown action %q (want %q or %q)", e.Action, carebot.OptIn, carebot.OptOut)
	case !fitsUnixNano(e.At):
		return fmt.Errorf("time %s is out of range", e.At.Format(time.RFC3339))
	}
	return nil
}

func knownPurpose(p carebot.Purpose) bool {
	for _, q := range carebot.Purposes() {
		if p == q {
			return true
		}
	}
	return false
}

// ConsentEvents returns a person's ledger, oldest first; none if they never
// consented to anything (or were forgotten).
func (d *DB) ConsentEvents(ctx context.Context, user string) ([]carebot.ConsentEvent, error) {
	var evs []carebot.ConsentEvent
	err := d.view(ctx, func(tx *bbolt.Tx) error {
		var err error
		evs, err = d.ledger(tx, d.uid(user), nil)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read consent: %w", err)
	}
	for _, e := range evs {
		if e.User != user {
			return nil, fmt.Errorf("read consent: %w: an event holds another user key", ErrCorrupt)
		}
	}
	return evs, nil
}

// Consent returns a person's current consent for every purpose, derived from
// their ledger (carebot.ConsentState): the ledger is the truth, not the index.
func (d *DB) Consent(ctx context.Context, user string) (map[carebot.Purpose]carebot.Consent, error) {
	evs, err := d.ConsentEvents(ctx, user)
	if err != nil {
		return nil, err
	}
	return carebot.ConsentState(evs), nil
}

// ledger reads the events of uid from key from on (nil: all), oldest first.
func (d *DB) ledger(tx *bbolt.Tx, uid, from []byte) ([]carebot.ConsentEvent, error) {
	b, err := bucket(tx, bucketConsent)
	if err != nil {
		return nil, err
	}
	if from == nil {
		from = uid
	}
	c := b.Cursor()
	k, v := c.Seek(from)
	if k == nil || !bytes.HasPrefix(k, uid) {
		return nil, nil
	}
	a, err := d.dataKey(tx, uid, false)
	if errors.Is(err, errNoDataKey) {
		return nil, fmt.Errorf("%w: consent events of a person with no data key", ErrCorrupt)
	}
	if err != nil {
		return nil, err
	}
	var evs []carebot.ConsentEvent
	for ; k != nil && bytes.HasPrefix(k, uid); k, v = c.Next() {
		e, err := openEvent(a, k, v)
		if err != nil {
			return nil, err
		}
		evs = append(evs, e)
	}
	return evs, nil
}

func openEvent(a cipher.AEAD, k, v []byte) (carebot.ConsentEvent, error) {
	if len(k) != ledgerKeySize {
		return carebot.ConsentEvent{}, fmt.Errorf("%w: ledger key of %d bytes, want %d", ErrCorrupt, len(k), ledgerKeySize)
	}
	plain, err := openValue(a, bucketConsent, k, v)
	if err != nil {
		return carebot.ConsentEvent{}, err
	}
	return decodeEvent(plain)
}

// decodeEvent reads a ledger event's payload; any bytes give an event or an error.
func decodeEvent(plain []byte) (carebot.ConsentEvent, error) {
	var r eventRecord
	if err := json.Unmarshal(plain, &r); err != nil {
		return carebot.ConsentEvent{}, fmt.Errorf("%w: consent event: %v", ErrCorrupt, err)
	}
	if r.User == "" || r.Purpose == "" || r.Action == "" {
		return carebot.ConsentEvent{}, fmt.Errorf("%w: consent event lacks a user, purpose or action", ErrCorrupt)
	}
	return carebot.ConsentEvent{User: r.User, Purpose: carebot.Purpose(r.Purpose),
		Action: carebot.ConsentAction(r.Action), Method: r.Method, Wording: r.Wording,
		At: time.Unix(0, r.At).UTC()}, nil
}
