package bolt

import (
	"bytes"
	"crypto/hmac"
	"crypto/rand"
	"encoding/binary"
	"fmt"

	"go.etcd.io/bbolt"
)

// schemaVersion is the format of the file as a whole. Adding a bucket is not a
// format change (older code ignores buckets it does not know); changing what
// an existing bucket's keys or values mean is, and then Open must migrate.
const schemaVersion uint32 = 1

// The meta bucket's keys. Meta values define the format, so they carry no
// version byte of their own: schema says how to read the rest.
var (
	metaSchema = []byte("schema")
	metaSalt   = []byte("salt")
	metaCheck  = []byte("check")
	metaScrub  = []byte("scrub")
)

const saltSize = 32

// initMeta sets up a new file or checks an existing one, and returns the keys
// derived for it. Everything that could refuse the file is decided in a read
// transaction first, so a file we refuse is never written to. Damage that
// makes bbolt panic or fault in either transaction is an error (noPanic).
func initMeta(b *bbolt.DB, master []byte) (derivedKeys, error) {
	var (
		fresh, missing bool
		salt, check    []byte
	)
	err := noPanic(true, func() error {
		return b.View(func(tx *bbolt.Tx) error {
			m := tx.Bucket([]byte(bucketMeta))
			if m == nil {
				if err := tx.ForEach(func(name []byte, _ *bbolt.Bucket) error {
					return fmt.Errorf("%w: it holds buckets but no carebot metadata (left untouched)", ErrNotCarebot)
				}); err != nil {
					return err
				}
				fresh = true
				return nil
			}
			s := m.Get(metaSchema)
			if len(s) != 4 {
				return fmt.Errorf("%w: its schema version is missing or damaged (left untouched)", ErrNotCarebot)
			}
			if v := binary.BigEndian.Uint32(s); v > schemaVersion {
				return fmt.Errorf("%w: the file has data format %d and this carebot knows up to %d; upgrade carebot (file left untouched)", ErrUnknownVersion, v, schemaVersion)
			}
			// Lengths first: a damaged page can claim a value of 4 GiB.
			salt, check = m.Get(metaSalt), m.Get(metaCheck)
			if len(salt) != saltSize || len(check) != checkSize {
				return fmt.Errorf("%w: its key metadata is missing or damaged (left untouched)", ErrNotCarebot)
			}
			salt, check = bytes.Clone(salt), bytes.Clone(check)
			missing = missingBuckets(tx)
			return nil
		})
	})
	if err != nil {
		return derivedKeys{}, err
	}

	if fresh {
		salt = make([]byte, saltSize)
		rand.Read(salt)
	}
	keys, err := deriveKeys(master, salt)
	if err != nil {
		return derivedKeys{}, err
	}
	if !fresh && !hmac.Equal(check, keys.check) {
		return derivedKeys{}, ErrWrongKey
	}
	if !fresh && !missing {
		return keys, nil
	}
	err = noPanic(false, func() error {
		return b.Update(func(tx *bbolt.Tx) error {
			for _, path := range bucketPaths() {
				if err := createBucket(tx, path); err != nil {
					return err
				}
			}
			if !fresh {
				return nil
			}
			m := tx.Bucket([]byte(bucketMeta))
			if err := m.Put(metaSchema, binary.BigEndian.AppendUint32(nil, schemaVersion)); err != nil {
				return err
			}
			if err := m.Put(metaSalt, salt); err != nil {
				return err
			}
			return m.Put(metaCheck, keys.check)
		})
	})
	if err != nil {
		return derivedKeys{}, fmt.Errorf("create buckets: %w", err)
	}
	return keys, nil
}

func missingBuckets(tx *bbolt.Tx) bool {
	for _, path := range bucketPaths() {
		if _, err := bucket(tx, path...); err != nil {
			return true
		}
	}
	return false
}

func createBucket(tx *bbolt.Tx, path []string) error {
	b, err := tx.CreateBucketIfNotExists([]byte(path[0]))
	for _, name := range path[1:] {
		if err != nil {
			break
		}
		b, err = b.CreateBucketIfNotExists([]byte(name))
	}
	if err != nil {
		return fmt.Errorf("bucket %v: %w", path, err)
	}
	return nil
}

// markScrub records in tx that forgotten data may linger in free pages until
// the next Scrub. It lives in the file so a crash before Close does not lose it.
func markScrub(tx *bbolt.Tx) error {
	m, err := bucket(tx, bucketMeta)
	if err != nil {
		return err
	}
	return m.Put(metaScrub, []byte{1})
}

func scrubPending(b *bbolt.DB) (bool, error) {
	var pending bool
	err := b.View(func(tx *bbolt.Tx) error {
		m, err := bucket(tx, bucketMeta)
		if err != nil {
			return err
		}
		pending = m.Get(metaScrub) != nil
		return nil
	})
	return pending, err
}
