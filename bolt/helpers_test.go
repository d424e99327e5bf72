package bolt

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"go.etcd.io/bbolt"
)

// testKey is a fixed master key: tests need the same key across reopen.
var testKey = bytes.Repeat([]byte{0x42}, KeySize)

// t0 is the clock of the tests; nothing depends on the wall clock.
var t0 = time.Date(2025, 3, 9, 6, 30, 0, 0, time.UTC)

func fixedNow() time.Time { return t0 }

// openTemp opens a new store in a test's temporary directory and closes it
// when the test ends.
func openTemp(t testing.TB) (*DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "carebot.db")
	return reopen(t, path), path
}

// reopen opens the store at path with testKey and the fixed clock.
func reopen(t testing.TB, path string) *DB {
	t.Helper()
	d, err := Open(path, testKey, Options{Now: fixedNow})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { _ = d.Close() })
	return d
}

// rawUpdate edits a closed store's file with bbolt directly, as damage or
// an attacker would.
func rawUpdate(t testing.TB, path string, fn func(tx *bbolt.Tx) error) {
	t.Helper()
	b, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatalf("raw open: %v", err)
	}
	defer b.Close()
	if err := b.Update(fn); err != nil {
		t.Fatalf("raw update: %v", err)
	}
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
