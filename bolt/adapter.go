package bolt

import (
	"context"
	"encoding/binary"
	"fmt"

	"go.etcd.io/bbolt"
)

// Each chat adapter that must survive a crash keeps a small durable memory
// here, under adapters/<name>: an opaque cursor (how far it has read the
// platform's updates) and the deliveries it has promised but not yet made,
// keyed by a big-endian sequence number so a cursor reads them in order.
// Both are sealed with the file's value key: they hold reply texts and chat
// ids, but only until delivered, so they are not tied to one person's key.

const (
	bucketAdapters = "adapters"
	adapterOut     = "out"
)

var adapterCursorKey = []byte("cursor")

// Pending is one delivery an adapter has promised.
type Pending struct {
	Seq  uint64
	Data []byte
}

// AdapterState is the durable memory of one adapter. It is safe for
// concurrent use.
type AdapterState struct {
	d    *DB
	name string
}

// AdapterState returns the durable memory of the adapter called name
// ("telegram").
func (d *DB) AdapterState(name string) *AdapterState { return &AdapterState{d: d, name: name} }

func (s *AdapterState) path() string { return bucketAdapters + "/" + s.name }

// Load returns the last committed cursor (nil if none) and every pending
// delivery, in ascending Seq order.
func (s *AdapterState) Load(ctx context.Context) (cursor []byte, pending []Pending, err error) {
	err = s.d.view(ctx, func(tx *bbolt.Tx) error {
		root, err := bucket(tx, bucketAdapters)
		if err != nil {
			return err
		}
		b := root.Bucket([]byte(s.name))
		if b == nil {
			return nil
		}
		if v := b.Get(adapterCursorKey); v != nil {
			if cursor, err = openValue(s.d.keys.value, s.path(), adapterCursorKey, v); err != nil {
				return err
			}
		}
		out := b.Bucket([]byte(adapterOut))
		if out == nil {
			return nil
		}
		return out.ForEach(func(k, v []byte) error {
			if len(k) != 8 {
				return fmt.Errorf("%w: a pending delivery of %s has a %d-byte key", ErrCorrupt, s.name, len(k))
			}
			data, err := openValue(s.d.keys.value, s.path()+"/"+adapterOut, k, v)
			if err != nil {
				return err
			}
			pending = append(pending, Pending{Seq: binary.BigEndian.Uint64(k), Data: data})
			return nil
		})
	})
	if err != nil {
		return nil, nil, fmt.Errorf("load %s state: %w", s.name, err)
	}
	return cursor, pending, nil
}

// Commit replaces the cursor and adds out to the pending deliveries in one
// transaction, fsync'd before it returns: all of it survives a crash, or,
// on error, none of it was stored. A Seq already pending is replaced.
func (s *AdapterState) Commit(ctx context.Context, cursor []byte, out []Pending) error {
	err := s.d.update(ctx, func(tx *bbolt.Tx) error {
		b, ob, err := s.buckets(tx)
		if err != nil {
			return err
		}
		if err := b.Put(adapterCursorKey, sealValue(s.d.keys.value, s.path(), adapterCursorKey, cursor)); err != nil {
			return err
		}
		for _, p := range out {
			k := binary.BigEndian.AppendUint64(nil, p.Seq)
			if err := ob.Put(k, sealValue(s.d.keys.value, s.path()+"/"+adapterOut, k, p.Data)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("commit %s state: %w", s.name, err)
	}
	return nil
}

// Done removes the pending delivery seq; removing one that is not pending
// is not an error.
func (s *AdapterState) Done(ctx context.Context, seq uint64) error {
	err := s.d.update(ctx, func(tx *bbolt.Tx) error {
		_, ob, err := s.buckets(tx)
		if err != nil {
			return err
		}
		return ob.Delete(binary.BigEndian.AppendUint64(nil, seq))
	})
	if err != nil {
		return fmt.Errorf("%s delivery done: %w", s.name, err)
	}
	return nil
}

func (s *AdapterState) buckets(tx *bbolt.Tx) (b, out *bbolt.Bucket, err error) {
	root, err := bucket(tx, bucketAdapters)
	if err != nil {
		return nil, nil, err
	}
	if b, err = root.CreateBucketIfNotExists([]byte(s.name)); err != nil {
		return nil, nil, err
	}
	if out, err = b.CreateBucketIfNotExists([]byte(adapterOut)); err != nil {
		return nil, nil, err
	}
	return b, out, nil
}
