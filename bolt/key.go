package bolt

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// KeyEnv is the environment variable that holds the master key.
const KeyEnv = "CAREBOT_KEY"

// KeySize is the size of the master key: AES-256.
const KeySize = 32

// maxKeyFile bounds what LoadKey reads from a key file: a key is 45 bytes.
const maxKeyFile = 1024

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
	key, err = readKeyFile(keyPath)
	if !errors.Is(err, fs.ErrNotExist) {
		return key, false, err
	}
	if err := createKeyFile(keyPath); err != nil {
		if !errors.Is(err, fs.ErrExist) {
			return nil, false, err
		}
		// Another process created it first: use theirs.
		key, err := readKeyFile(keyPath)
		return key, false, err
	}
	key, err = readKeyFile(keyPath)
	return key, err == nil, err
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

// readKeyFile reads and checks a key file; a missing file is fs.ErrNotExist.
func readKeyFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		return nil, fmt.Errorf("key file: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("key file: %w", err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("key file %s is not a regular file", path)
	}
	// Windows has no such permission bits; its ACLs are the operator's to set.
	if perm := fi.Mode().Perm(); perm&0o077 != 0 && runtime.GOOS != "windows" {
		return nil, fmt.Errorf("key file %s may be read or written by group or others (mode %04o): run chmod 600 %s, and make a new key if others could have read it", path, perm, path)
	}
	b, err := io.ReadAll(io.LimitReader(f, maxKeyFile+1))
	if err != nil {
		return nil, fmt.Errorf("key file: %w", err)
	}
	if len(b) > maxKeyFile {
		return nil, fmt.Errorf("key file %s is not a key: it is over %d bytes", path, maxKeyFile)
	}
	key, err := parseKey(string(b))
	if err != nil {
		return nil, fmt.Errorf("key file %s is not a key: %w", path, err)
	}
	return key, nil
}

// createKeyFile writes a new random key to path, or fails with fs.ErrExist
// if path exists by then. Linking a complete, synced temporary file means
// no reader ever sees a half-written key and no key is ever replaced.
func createKeyFile(path string) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".carebot-key-*")
	if err != nil {
		return fmt.Errorf("create key file: %w", err)
	}
	defer os.Remove(tmp.Name())
	key := make([]byte, KeySize)
	rand.Read(key)
	_, err = tmp.WriteString(base64.StdEncoding.EncodeToString(key) + "\n")
	if err == nil {
		err = tmp.Chmod(0o600)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("create key file: %w", err)
	}
	if err := os.Link(tmp.Name(), path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return err
		}
		return fmt.Errorf("create key file: %w", err)
	}
	return syncDir(dir)
}
