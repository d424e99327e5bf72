package main

import (
	"path/filepath"
	"testing"

	"github.com/carebot/carebot/adapters/telegram"
	"github.com/carebot/carebot/adapters/telegram/telegramtest"
	"github.com/carebot/carebot/bolt"
)

// The Telegram adapter's durable state, kept in a real bbolt file, keeps
// the adapter's contract.
func TestTelegramStateInBolt(t *testing.T) {
	telegramtest.TestState(t, func(t *testing.T) (telegram.State, func() telegram.State) {
		path := filepath.Join(t.TempDir(), "carebot.db")
		key := make([]byte, bolt.KeySize)
		var db *bolt.DB
		open := func() telegram.State {
			var err error
			if db, err = bolt.Open(path, key, bolt.Options{}); err != nil {
				t.Fatal(err)
			}
			return telegramState{db.AdapterState(telegram.Platform)}
		}
		t.Cleanup(func() { db.Close() })
		st := open()
		return st, func() telegram.State {
			if err := db.Close(); err != nil {
				t.Fatal(err)
			}
			return open()
		}
	})
}
