package bolt

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/carebot/carebot/secretfile"
)

// KeyEnv is the environment variable that holds the master key.
const KeyEnv = "CAREBOT_KEY"

// KeySize is the size of the master key: AES-256.
const KeySize = 32

// LoadKey returns the 32-byte master key that encrypts the store.
//
// If CAREBOT_KEY is set (read through getenv), the key is its value: base64
// in the standard or URL-safe alphabet, padded or not (43 or 44 characters,
// as `openssl rand -base64 32` prints), or 64 hex digits (`openssl rand -hex
// 32`). Anything else is an error; the value itself is never echoed.
//
// Otherwise the key is read from the file at keyPath, which holds the same
// text. The key lives outside the database on purpose: a copy of the
// database alone reveals nothing personal. A key file that does not exist
// is created with a fresh random key, mode 0600, written to a temporary file,
// fsync'd and linked into place without ever replacing a file that another
// process created meanwhile; created then reports true. A key file that
// group or others may read or write is refused, not repaired: someone may
// already have read it.
func LoadKey(getenv func(string) string, keyPath string) (key []byte, created bool, err error) {
	if s := getenv(KeyEnv); s != "" {
		key, err := parseKey(s)
		if err != nil {
			return nil, false, fmt.Errorf("%s is not a key: %w", KeyEnv, err)
		}
		return key, false, nil
	}
	if keyPath == "" {
		return nil, false, fmt.Errorf("no key: set %s or give a key file", KeyEnv)
	}
	text, created, err := secretfile.Load(keyPath, "key file", func() string {
		key := make([]byte, KeySize)
		rand.Read(key) // never fails: crypto/rand aborts the process instead
		return base64.StdEncoding.EncodeToString(key)
	})
	if err != nil {
		return nil, false, err
	}
	if key, err = parseKey(text); err != nil {
		return nil, false, fmt.Errorf("key file %s is not a key: %w", keyPath, err)
	}
	return key, created, nil
}

// parseKey reads a key written as base64 (any of Go's four alphabets and
// paddings) or hex, around any surrounding whitespace.
func parseKey(s string) ([]byte, error) {
	s = strings.TrimSpace(s)
	if len(s) == 2*KeySize {
		if k, err := hex.DecodeString(s); err == nil {
			return k, nil
		}
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		if k, err := enc.DecodeString(s); err == nil && len(k) == KeySize {
			return k, nil
		}
	}
	return nil, fmt.Errorf("want %d bytes written as base64 (43 or 44 characters) or hex (64 characters), got %d characters that are neither", KeySize, len(s))
}
