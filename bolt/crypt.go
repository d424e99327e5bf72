package bolt

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"fmt"
)

// valueV1 is the format of every sealed value written today:
//
//	[0]     format version, 1
//	[1:13]  random 96-bit GCM nonce
//	[13:]   AES-256-GCM ciphertext of the payload, 16-byte tag appended
//
// The additional data binds the value to its place: the bucket path, a zero
// byte, the key, and the version byte. A value copied to another key or
// bucket, or with its version byte edited, fails to open instead of being
// read as someone else's. A later format takes the next version byte and
// openValue keeps reading the older ones.
const valueV1 byte = 1

const (
	nonceSize = 12
	tagSize   = 16
	// sealOverhead is how much longer a sealed value is than its payload.
	sealOverhead = 1 + nonceSize + tagSize
)

// sealValue seals plain for bucket/key under a (a data key, the wrap key or
// the file's value key). Every encrypted value in the store goes through it.
func sealValue(a cipher.AEAD, bucket string, key, plain []byte) []byte {
	var nonce [nonceSize]byte
	rand.Read(nonce[:]) // never fails: crypto/rand aborts the process instead
	out := make([]byte, 0, sealOverhead+len(plain))
	out = append(out, valueV1)
	out = append(out, nonce[:]...)
	return a.Seal(out, nonce[:], plain, valueAD(bucket, key, valueV1))
}

// openValue opens a value sealed by sealValue for the same bucket and key.
// It never panics on bad input: a damaged value is ErrCorrupt, one from a
// newer carebot is ErrUnknownVersion.
func openValue(a cipher.AEAD, bucket string, key, val []byte) ([]byte, error) {
	if len(val) == 0 {
		return nil, fmt.Errorf("%w: empty value in %s", ErrCorrupt, bucket)
	}
	switch v := val[0]; {
	case v == valueV1:
	case v > valueV1:
		return nil, fmt.Errorf("%w: a value in %s has format version %d, this carebot reads up to %d (written by a newer carebot?)", ErrUnknownVersion, bucket, v, valueV1)
	default:
		return nil, fmt.Errorf("%w: a value in %s has format version %d, which never existed", ErrCorrupt, bucket, v)
	}
	if len(val) < sealOverhead {
		return nil, fmt.Errorf("%w: a value in %s is truncated (%d bytes, at least %d needed)", ErrCorrupt, bucket, len(val), sealOverhead)
	}
	plain, err := a.Open(nil, val[1:1+nonceSize], val[1+nonceSize:], valueAD(bucket, key, val[0]))
	if err != nil {
		return nil, fmt.Errorf("%w: a value in %s does not authenticate (damaged, moved, or sealed with another key)", ErrCorrupt, bucket)
	}
	return plain, nil
}

func valueAD(bucket string, key []byte, version byte) []byte {
	ad := make([]byte, 0, len(bucket)+len(key)+2)
	ad = append(ad, bucket...)
	ad = append(ad, 0)
	ad = append(ad, key...)
	return append(ad, version)
}

func newAEAD(key []byte) (cipher.AEAD, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

// derivedKeys are the sub-keys of one file, derived from the master key and
// the file's salt with HKDF-SHA256, each for one job, so no key is used for
// two purposes and the master key itself never touches data.
type derivedKeys struct {
	index []byte      // HMAC key turning a user key into its bucket key (uid)
	wrap  cipher.AEAD // seals each person's data key in the keys bucket
	value cipher.AEAD // seals values that belong to no one person
	check []byte      // stored in meta: proves the key at Open
	log   []byte      // the secret for carebot.LogID
}

const checkSize = 32

func deriveKeys(master, salt []byte) (derivedKeys, error) {
	derive := func(info string) ([]byte, error) {
		return hkdf.Key(sha256.New, master, salt, "carebot/bolt "+info, 32)
	}
	var k derivedKeys
	var err error
	if k.index, err = derive("index v1"); err != nil {
		return k, fmt.Errorf("derive keys: %w", err)
	}
	if k.check, err = derive("key check v1"); err != nil {
		return k, fmt.Errorf("derive keys: %w", err)
	}
	if k.log, err = derive("log id v1"); err != nil {
		return k, fmt.Errorf("derive keys: %w", err)
	}
	for _, a := range []struct {
		info string
		dst  *cipher.AEAD
	}{{"wrap v1", &k.wrap}, {"value v1", &k.value}} {
		raw, err := derive(a.info)
		if err != nil {
			return k, fmt.Errorf("derive keys: %w", err)
		}
		if *a.dst, err = newAEAD(raw); err != nil {
			return k, fmt.Errorf("derive keys: %w", err)
		}
	}
	return k, nil
}

// uidSize is the length of a uid, the bucket key standing for a person.
const uidSize = sha256.Size

// uid returns the bucket key of a person: an HMAC of their user key, so the
// file never holds a platform id and one person's keys still sort together.
func (d *DB) uid(userKey string) []byte {
	m := hmac.New(sha256.New, d.keys.index)
	m.Write([]byte(userKey))
	return m.Sum(nil)
}

// LogSecret returns the secret to pass to carebot.LogID: derived from the
// master key and this file, so log ids are stable across restarts but mean
// nothing to someone without the key.
func (d *DB) LogSecret() []byte {
	return append([]byte(nil), d.keys.log...)
}
