package bolt

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"go.etcd.io/bbolt"

	"github.com/carebot/carebot"
)

// The outbox is the durable queue of reminders and jobs (reminders.Outbox),
// in three buckets under outbox/:
//
//	items     ID -> record (clear header seq | due), the item sealed with
//	          its User's data key, or the value key when it has none
//	due       due | ID -> seq, for pending items only: "what is due" and
//	          NextDue are one cursor seek, earliest first, then by ID
//	claimed   ID -> seq, for claimed items only: Claim never reads them
//	          again, Recover reads only them
//
// IDs are plaintext keys: the contract keeps people out of them (a person
// appears only as a keyed pseudonym), and Items and Cancel by prefix are
// then one cursor prefix scan. An item is pending when its due entry
// exists and claimed when its claimed entry does; every method keeps the
// three in step in one transaction.
//
// There is deliberately no per-person index: its keys (uid | ID) land at
// random over the file, so keeping one in step cost each dispatch a page
// write of its own (BenchmarkClaimFinish at batch 256: about 20k
// dispatches/s with it, 37k to 54k without, on a shared machine). Forget
// reads every item's clear owner instead (forgetScan): a pass over the
// bucket that decrypts nothing, about 22 ms for 200,000 items and 200,000
// outcomes (BenchmarkForgetScan).

const (
	bucketOutbox = "outbox"
	outboxItems  = "items"
	outboxDue    = "due"
	outboxClaim  = "claimed"
	// outboxDamaged holds items that no longer open, set aside by Claim
	// (ID -> the stored bytes, still sealed) for someone to look at.
	outboxDamaged = "damaged"

	// itemsBucket names the items bucket in sealed values' additional data.
	itemsBucket = bucketOutbox + "/" + outboxItems
	// itemHeadSize is an item record's clear header: seq | due.
	itemHeadSize = 8 + 8
)

type outbox struct{ items, due, claimed, damaged *bbolt.Bucket }

func outboxOf(tx *bbolt.Tx) (outbox, error) {
	var o outbox
	for _, b := range []struct {
		name string
		dst  **bbolt.Bucket
	}{{outboxItems, &o.items}, {outboxDue, &o.due}, {outboxClaim, &o.claimed}, {outboxDamaged, &o.damaged}} {
		var err error
		if *b.dst, err = bucket(tx, bucketOutbox, b.name); err != nil {
			return o, err
		}
	}
	return o, nil
}

// itemRecord is an item's sealed payload. ID, Seq and Due are in the key
// and the clear header. The JSON names are the stored format.
type itemRecord struct {
	Kind      string         `json:"k,omitempty"`
	Expires   *int64         `json:"x,omitempty"`
	User      string         `json:"u,omitempty"`
	To        *addressRecord `json:"to,omitempty"`
	Purpose   string         `json:"p,omitempty"`
	Asked     bool           `json:"a,omitempty"`
	Text      string         `json:"t,omitempty"`
	Ref       string         `json:"r,omitempty"`
	Slot      *int64         `json:"s,omitempty"`
	Wall      *int64         `json:"w,omitempty"`
	Rule      string         `json:"rr,omitempty"`
	Fixed     bool           `json:"f,omitempty"`
	TimeOfDay bool           `json:"td,omitempty"`
	Cursor    string         `json:"c,omitempty"`
	Attempts  int            `json:"n,omitempty"`
	Created   *int64         `json:"cr,omitempty"`
	Sent      *int64         `json:"se,omitempty"`
}

func encodeItem(it carebot.OutboxItem) ([]byte, error) {
	r := itemRecord{Kind: string(it.Kind), Expires: nanos(it.Expires), User: it.User, Purpose: string(it.Purpose),
		Asked: it.Asked, Text: it.Text, Ref: it.Ref, Slot: nanos(it.Slot), Wall: nanos(it.Wall), Rule: it.Rule, Fixed: it.Fixed, TimeOfDay: it.TimeOfDay,
		Cursor: it.Cursor, Attempts: it.Attempts, Created: nanos(it.Created), Sent: nanos(it.Sent), To: addressOf(it.To)}
	return json.Marshal(r)
}

// decodeItem reads an item's payload; any bytes give an item or an error.
func decodeItem(plain []byte) (carebot.OutboxItem, error) {
	var r itemRecord
	if err := json.Unmarshal(plain, &r); err != nil {
		return carebot.OutboxItem{}, fmt.Errorf("%w: outbox item: %v", ErrCorrupt, err)
	}
	it := carebot.OutboxItem{Kind: carebot.ReminderKind(r.Kind), Expires: fromNanos(r.Expires), User: r.User,
		Purpose: carebot.Purpose(r.Purpose), Asked: r.Asked, Text: r.Text, Ref: r.Ref, Slot: fromNanos(r.Slot),
		Wall: fromNanos(r.Wall), Rule: r.Rule, Fixed: r.Fixed, TimeOfDay: r.TimeOfDay, Cursor: r.Cursor, Attempts: r.Attempts,
		Created: fromNanos(r.Created), Sent: fromNanos(r.Sent), To: r.To.address()}
	return it, nil
}

func checkItem(it carebot.OutboxItem) error {
	if err := checkID("outbox item", it.ID); err != nil {
		return err
	}
	what := fmt.Sprintf("outbox item %q", it.ID)
	if it.Due.IsZero() {
		return fmt.Errorf("%s has no due time", what)
	}
	return checkTimes(what, map[string]time.Time{"due": it.Due, "expiry": it.Expires, "slot": it.Slot,
		"wall": it.Wall, "created": it.Created, "sent": it.Sent})
}

func dueKey(due, id []byte) []byte {
	k := make([]byte, 0, len(due)+len(id))
	return append(append(k, due...), id...)
}

// put stores it as pending with a new Seq, replacing any item with its ID.
func (d *DB) put(tx *bbolt.Tx, o outbox, it carebot.OutboxItem) error {
	id := []byte(it.ID)
	if _, err := o.remove(id); err != nil {
		return err
	}
	seq, err := o.items.NextSequence()
	if err != nil {
		return err
	}
	head := binary.BigEndian.AppendUint64(make([]byte, 0, itemHeadSize), seq)
	head = append(head, timeKey(it.Due)...)
	var uid []byte
	if it.User != "" {
		uid = d.uid(it.User)
	}
	plain, err := encodeItem(it)
	if err != nil {
		return fmt.Errorf("outbox item %q: %w", it.ID, err)
	}
	val, err := d.sealRecord(tx, itemsBucket, id, uid, head, plain)
	if err != nil {
		return err
	}
	if err := o.items.Put(id, val); err != nil {
		return err
	}
	return o.due.Put(dueKey(head[8:], id), head[:8])
}

// putAll puts every item, in order.
func (d *DB) putAll(tx *bbolt.Tx, o outbox, items []carebot.OutboxItem) error {
	for _, it := range items {
		if err := d.put(tx, o, it); err != nil {
			return err
		}
	}
	return nil
}

// remove deletes the item id, pending or claimed, with its index entries,
// and reports whether it was there. A damaged item goes too (that is how
// an operator clears one): the due entry it leaves, if any, Claim drops.
func (o outbox) remove(id []byte) (bool, error) {
	v := o.items.Get(id)
	if v == nil {
		return false, nil
	}
	if r, err := parseRecord(itemsBucket, v, itemHeadSize); err == nil {
		if err := o.due.Delete(dueKey(r.head[8:], id)); err != nil {
			return false, err
		}
	}
	if err := o.claimed.Delete(id); err != nil {
		return false, err
	}
	return true, o.items.Delete(id)
}

// cancel removes every item whose ID starts with prefix, a page at a time
// so that cancelling a large broadcast does not hold all its IDs at once.
func (o outbox) cancel(prefix []byte) (int, error) {
	n := 0
	for {
		var ids [][]byte
		c := o.items.Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix) && len(ids) < 1024; k, _ = c.Next() {
			ids = append(ids, bytes.Clone(k))
		}
		if len(ids) == 0 {
			return n, nil
		}
		for _, id := range ids {
			if _, err := o.remove(id); err != nil {
				return n, err
			}
		}
		n += len(ids)
	}
}

// readItem opens the item stored at id as v.
func (d *DB) readItem(tx *bbolt.Tx, id, v []byte) (carebot.OutboxItem, error) {
	r, err := parseRecord(itemsBucket, v, itemHeadSize)
	if err != nil {
		return carebot.OutboxItem{}, fmt.Errorf("outbox item %q: %w", id, err)
	}
	plain, err := d.openRecord(tx, itemsBucket, id, r)
	if err != nil {
		return carebot.OutboxItem{}, fmt.Errorf("outbox item %q: %w", id, err)
	}
	it, err := decodeItem(plain)
	if err != nil {
		return carebot.OutboxItem{}, fmt.Errorf("outbox item %q: %w", id, err)
	}
	it.ID = string(id)
	it.Seq = binary.BigEndian.Uint64(r.head[:8])
	it.Due = keyTime(r.head[8:])
	return it, nil
}

// Schedule implements reminders.Outbox: it stores items as pending, each
// replacing any item with its ID, all or none.
func (d *DB) Schedule(ctx context.Context, items ...carebot.OutboxItem) error {
	for _, it := range items {
		if err := checkItem(it); err != nil {
			return fmt.Errorf("schedule: %w", err)
		}
	}
	err := d.update(ctx, func(tx *bbolt.Tx) error {
		o, err := outboxOf(tx)
		if err != nil {
			return err
		}
		return d.putAll(tx, o, items)
	})
	if err != nil {
		return fmt.Errorf("schedule: %w", err)
	}
	return nil
}

// Cancel implements reminders.Outbox: it removes every item, pending or
// claimed, whose ID starts with prefix.
func (d *DB) Cancel(ctx context.Context, prefix string) (int, error) {
	n := 0
	err := d.update(ctx, func(tx *bbolt.Tx) error {
		o, err := outboxOf(tx)
		if err != nil {
			return err
		}
		if n, err = o.cancel([]byte(prefix)); err == nil && n == 0 {
			return errUnchanged
		}
		return err
	})
	if err != nil && !errors.Is(err, errUnchanged) {
		return 0, fmt.Errorf("cancel outbox items: %w", err)
	}
	return n, nil
}

// Items implements reminders.Outbox. It reads a page of items per read
// transaction and calls fn outside them (see scan), so fn may call the
// store, though the contract does not promise that of every Outbox.
func (d *DB) Items(ctx context.Context, prefix string, fn func(carebot.OutboxItem) error) error {
	return scan(ctx, d, "read outbox items", []string{bucketOutbox, outboxItems}, []byte(prefix), d.readItem, fn)
}

// NextDue implements reminders.Outbox: one cursor First on the due index.
func (d *DB) NextDue(ctx context.Context) (time.Time, bool, error) {
	var due time.Time
	var ok bool
	err := d.view(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketOutbox, outboxDue)
		if err != nil {
			return err
		}
		k, _ := b.Cursor().First()
		if k == nil {
			return nil
		}
		if len(k) <= 8 {
			return fmt.Errorf("%w: outbox due key of %d bytes", ErrCorrupt, len(k))
		}
		due, ok = keyTime(k[:8]), true
		return nil
	})
	if err != nil {
		return time.Time{}, false, fmt.Errorf("next due: %w", err)
	}
	return due, ok, nil
}

// forgetOutbox removes every item of the person uid, pending or claimed,
// counting each by its kind, which it opens their data key to read (an
// item that no longer opens counts among the messages).
func (d *DB) forgetOutbox(tx *bbolt.Tx, uid []byte, f *carebot.Forgotten) (bool, error) {
	o, err := outboxOf(tx)
	if err != nil {
		return false, err
	}
	n, err := forgetScan(o.items, uid, func(id []byte) error {
		kind := carebot.ReminderKind("")
		if it, err := d.readItem(tx, id, o.items.Get(id)); err == nil {
			kind = it.Kind
		}
		switch kind {
		case carebot.KindPatient:
			f.Reminders++
		case carebot.KindAppointment:
			f.AppointmentReminders++
		default:
			f.Messages++
		}
		_, err := o.remove(id)
		return err
	})
	return n > 0, err
}
