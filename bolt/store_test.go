package bolt_test

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/carebot/carebot/bolt"
	"github.com/carebot/carebot/reminders"
	"github.com/carebot/carebot/reminders/reminderstest"
)

// DB is the store main plugs into package reminders.
var (
	_ reminders.Store    = (*bolt.DB)(nil)
	_ reminders.Audience = (*bolt.DB)(nil)
	_ reminders.Consents = (*bolt.DB)(nil)
	_ reminders.Users    = (*bolt.DB)(nil)
)

var storeKey = bytes.Repeat([]byte{0x5a}, bolt.KeySize)

// openStore opens a new store in a test's temporary directory and closes
// it when the test ends.
func openStore(t testing.TB) *bolt.DB {
	t.Helper()
	d, err := bolt.Open(filepath.Join(t.TempDir(), "carebot.db"), storeKey, bolt.Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { _ = d.Close() })
	return d
}

// The bbolt store keeps the whole reminders.Store contract.
func TestStoreContract(t *testing.T) {
	reminderstest.TestStore(t, func(t *testing.T) reminders.Store { return openStore(t) })
}
