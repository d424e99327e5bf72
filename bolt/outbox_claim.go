package bolt

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"time"

	"go.etcd.io/bbolt"

	"github.com/carebot/carebot"
)

// Claim implements reminders.Outbox: it moves up to limit pending items
// due at or before now from the due index to claimed, earliest first and
// then by ID, in one transaction, and returns them. It reads only the due
// entries it takes: a cursor from the index's first key, stopping at now.
//
// A due entry that disagrees with its item (the item is gone or has
// another Seq or due time, which only damage can cause) is an index entry
// out of date: Claim drops it. An item that does not open (damaged, or
// written by a newer carebot) is set aside in outbox/damaged, bytes
// unchanged, and the claim goes on: one bad record must not stop every
// reminder behind it. Damaged reports how many are set aside.
func (d *DB) Claim(ctx context.Context, now time.Time, limit int) ([]carebot.OutboxItem, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("claim: %w", err)
	}
	if limit <= 0 {
		return nil, nil
	}
	var out []carebot.OutboxItem
	err := d.update(ctx, func(tx *bbolt.Tx) error {
		out = out[:0]
		o, err := outboxOf(tx)
		if err != nil {
			return err
		}
		end := timeKey(now)
		// Collect first: deleting under a live cursor can skip entries.
		var taken, stale, damaged [][]byte
		c := o.due.Cursor()
		for k, v := c.First(); k != nil && len(out) < limit; k, v = c.Next() {
			if len(k) <= 8 || len(v) != 8 {
				return fmt.Errorf("%w: outbox due entry of %d+%d bytes", ErrCorrupt, len(k), len(v))
			}
			if bytes.Compare(k[:8], end) > 0 {
				break
			}
			id := k[8:]
			val := o.items.Get(id)
			if val == nil {
				stale = append(stale, bytes.Clone(k))
				continue
			}
			// Open it first: a header edited by damage fails here rather
			// than pass for a newer item.
			it, err := d.readItem(tx, id, val)
			if errors.Is(err, ErrCorrupt) || errors.Is(err, ErrUnknownVersion) {
				damaged = append(damaged, bytes.Clone(k))
				continue
			}
			if err != nil {
				return err
			}
			if binary.BigEndian.Uint64(v) != it.Seq || !bytes.Equal(timeKey(it.Due), k[:8]) {
				stale = append(stale, bytes.Clone(k))
				continue
			}
			out = append(out, it)
			taken = append(taken, bytes.Clone(k))
		}
		if len(taken) == 0 && len(stale) == 0 && len(damaged) == 0 {
			return errUnchanged
		}
		for _, k := range damaged {
			id := k[8:]
			if err := o.damaged.Put(id, bytes.Clone(o.items.Get(id))); err != nil {
				return err
			}
			if err := o.items.Delete(id); err != nil {
				return err
			}
			if err := o.due.Delete(k); err != nil {
				return err
			}
		}
		for _, k := range stale {
			if err := o.due.Delete(k); err != nil {
				return err
			}
		}
		for i, k := range taken {
			if err := o.due.Delete(k); err != nil {
				return err
			}
			if err := o.claimed.Put(k[8:], binary.BigEndian.AppendUint64(nil, out[i].Seq)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil && !errors.Is(err, errUnchanged) {
		return nil, fmt.Errorf("claim: %w", err)
	}
	return out, nil
}

// Damaged reports how many outbox items Claim has set aside because they
// no longer open.
func (d *DB) Damaged(ctx context.Context) (int, error) {
	n := 0
	err := d.view(ctx, func(tx *bbolt.Tx) error {
		o, err := outboxOf(tx)
		if err != nil {
			return err
		}
		n = o.damaged.Stats().KeyN
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("damaged: %w", err)
	}
	return n, nil
}

// errUnchanged rolls back a write transaction that found nothing to do:
// bbolt's commit writes a freelist and a meta page and syncs twice even
// when nothing changed, and a dispatcher woken early claims nothing often.
var errUnchanged = errors.New("nothing to change")

// holds reports whether the claim of id with seq still holds: the item is
// claimed, and with that Seq (a replaced or cancelled item's claimed entry
// goes with it).
func (o outbox) holds(id []byte, seq uint64) bool {
	c := o.claimed.Get(id)
	return len(c) == 8 && binary.BigEndian.Uint64(c) == seq
}

// Finish implements reminders.Outbox: it settles every item of done in one
// transaction, a group commit. If any is invalid (a Next with another ID, an
// item without a due time), nothing is written.
//
// An outcome naming a person the store has no data key for (forgotten
// while the send was in flight) is not recorded: it would bring back their
// key and user key, and its ID their pseudonym, which the holder of the
// master key could match to them.
func (d *DB) Finish(ctx context.Context, done ...carebot.OutboxDone) error {
	for _, dn := range done {
		if dn.Next != nil {
			if dn.Next.ID != dn.ID {
				return fmt.Errorf("finish %q: its next item has another ID, %q", dn.ID, dn.Next.ID)
			}
			if err := checkItem(*dn.Next); err != nil {
				return fmt.Errorf("finish %q: %w", dn.ID, err)
			}
		}
		for _, it := range dn.Spawn {
			if err := checkItem(it); err != nil {
				return fmt.Errorf("finish %q: spawn: %w", dn.ID, err)
			}
		}
		if dn.Outcome != nil {
			if err := checkOutcome(*dn.Outcome); err != nil {
				return fmt.Errorf("finish %q: %w", dn.ID, err)
			}
		}
	}
	err := d.update(ctx, func(tx *bbolt.Tx) error {
		o, err := outboxOf(tx)
		if err != nil {
			return err
		}
		outs, err := outcomesOf(tx)
		if err != nil {
			return err
		}
		for _, dn := range done {
			if dn.Outcome != nil {
				if err := d.putOutcome(tx, outs, *dn.Outcome); err != nil {
					return err
				}
			}
			id := []byte(dn.ID)
			if !o.holds(id, dn.Seq) {
				continue // whoever replaced or cancelled it decided its future
			}
			if _, err := o.remove(id); err != nil {
				return err
			}
			if dn.Next != nil {
				if err := d.put(tx, o, *dn.Next); err != nil {
					return err
				}
			}
			if err := d.putAll(tx, o, dn.Spawn); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("finish: %w", err)
	}
	return nil
}

// Recover implements reminders.Outbox: it returns every claimed item to
// pending, unchanged (same Seq), in one transaction, reading only the
// claimed bucket. A claimed entry whose item is gone is dropped, uncounted.
func (d *DB) Recover(ctx context.Context) (int, error) {
	n := 0
	err := d.update(ctx, func(tx *bbolt.Tx) error {
		n = 0
		changed := false
		o, err := outboxOf(tx)
		if err != nil {
			return err
		}
		for {
			var ids [][]byte
			c := o.claimed.Cursor()
			for k, _ := c.First(); k != nil && len(ids) < 1024; k, _ = c.Next() {
				ids = append(ids, bytes.Clone(k))
			}
			if len(ids) == 0 && !changed {
				return errUnchanged
			}
			if len(ids) == 0 {
				return nil
			}
			changed = true
			for _, id := range ids {
				if val := o.items.Get(id); val != nil {
					r, err := parseRecord(itemsBucket, val, itemHeadSize)
					if err != nil {
						return fmt.Errorf("outbox item %q: %w", id, err)
					}
					if err := o.due.Put(dueKey(r.head[8:], id), bytes.Clone(r.head[:8])); err != nil {
						return err
					}
					n++
				}
				if err := o.claimed.Delete(id); err != nil {
					return err
				}
			}
		}
	})
	if err != nil && !errors.Is(err, errUnchanged) {
		return 0, fmt.Errorf("recover claimed items: %w", err)
	}
	return n, nil
}
