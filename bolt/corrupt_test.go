package bolt

import (
	"errors"
	"strings"
	"testing"

	"go.etcd.io/bbolt"

	"github.com/carebot/carebot"
)

// Damage in the file gives an error saying so, never a panic and never
// someone else's data.
func TestDamagedValues(t *testing.T) {
	const a, b = "telegram:1", "telegram:2"
	setup := func(t *testing.T) (*DB, string) {
		d, path := openTemp(t)
		for _, u := range []string{a, b} {
			if err := d.PutUser(t.Context(), carebot.User{Key: u, Lang: "en"}); err != nil {
				t.Fatal(err)
			}
			if err := d.RecordConsent(t.Context(), optIn(u, carebot.PurposeAwareness)); err != nil {
				t.Fatal(err)
			}
		}
		d.Close()
		return d, path
	}
	users := func(tx *bbolt.Tx) *bbolt.Bucket { return tx.Bucket([]byte(bucketUsers)) }
	firstEvent := func(tx *bbolt.Tx, d *DB, u string) []byte {
		k, _ := tx.Bucket([]byte(bucketConsent)).Cursor().Seek(d.uid(u))
		return k
	}
	tests := []struct {
		name    string
		damage  func(tx *bbolt.Tx, d *DB) error
		read    func(t *testing.T, d *DB) error
		wantErr error
		wantMsg string
	}{
		{"user value truncated", func(tx *bbolt.Tx, d *DB) error {
			v := users(tx).Get(d.uid(a))
			return users(tx).Put(d.uid(a), append([]byte(nil), v[:10]...))
		}, readUser(a), ErrCorrupt, "truncated"},
		{"user value from a newer carebot", func(tx *bbolt.Tx, d *DB) error {
			v := append([]byte(nil), users(tx).Get(d.uid(a))...)
			v[0] = 9
			return users(tx).Put(d.uid(a), v)
		}, readUser(a), ErrUnknownVersion, "read user: unknown format version: a value in users has format version 9, this carebot reads up to 1"},
		{"user value moved to another person", func(tx *bbolt.Tx, d *DB) error {
			return users(tx).Put(d.uid(b), append([]byte(nil), users(tx).Get(d.uid(a))...))
		}, readUser(b), ErrCorrupt, "does not authenticate"},
		{"data key damaged", func(tx *bbolt.Tx, d *DB) error {
			k := tx.Bucket([]byte(bucketKeys))
			v := append([]byte(nil), k.Get(d.uid(a))...)
			v[len(v)-1] ^= 0xff
			return k.Put(d.uid(a), v)
		}, readUser(a), ErrCorrupt, "data key"},
		{"data key deleted", func(tx *bbolt.Tx, d *DB) error {
			return tx.Bucket([]byte(bucketKeys)).Delete(d.uid(a))
		}, readUser(a), ErrCorrupt, "no data key"},
		{"event moved to another person", func(tx *bbolt.Tx, d *DB) error {
			c := tx.Bucket([]byte(bucketConsent))
			return c.Put(firstEvent(tx, d, b), append([]byte(nil), c.Get(firstEvent(tx, d, a))...))
		}, readEvents(b), ErrCorrupt, "does not authenticate"},
		{"event with a short key", func(tx *bbolt.Tx, d *DB) error {
			return tx.Bucket([]byte(bucketConsent)).Put(append(d.uid(a), 1), []byte{1})
		}, readEvents(a), ErrCorrupt, "ledger key of 33 bytes"},
		{"index entry damaged", func(tx *bbolt.Tx, d *DB) error {
			return tx.Bucket([]byte(bucketOptIn)).Bucket([]byte(carebot.PurposeAwareness)).Put(d.uid(a), []byte{1, 0})
		}, func(t *testing.T, d *DB) error {
			return d.OptedIn(t.Context(), carebot.PurposeAwareness, func(string) error { return nil })
		}, ErrCorrupt, "opted in to awareness: corrupt value: a value in optin/awareness is truncated"},
		{"bucket deleted", func(tx *bbolt.Tx, d *DB) error {
			return tx.DeleteBucket([]byte(bucketKeys))
		}, nil, ErrNotCarebot, ""},
		{"salt damaged", func(tx *bbolt.Tx, d *DB) error {
			return tx.Bucket([]byte(bucketMeta)).Put(metaSalt, []byte("short"))
		}, nil, ErrNotCarebot, "key metadata is missing or damaged"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, path := setup(t)
			rawUpdate(t, path, func(tx *bbolt.Tx) error { return tt.damage(tx, d) })
			d, err := Open(path, testKey, Options{})
			if tt.read == nil {
				// Damage Open can see: a deleted bucket is recreated (as for
				// a newer carebot's new bucket), damaged meta is refused.
				if tt.wantMsg == "" {
					if err != nil {
						t.Fatalf("Open: %v", err)
					}
					d.Close()
					return
				}
				if !errors.Is(err, tt.wantErr) || !strings.Contains(err.Error(), tt.wantMsg) {
					t.Fatalf("Open: got %v, want %v containing %q", err, tt.wantErr, tt.wantMsg)
				}
				return
			}
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			defer d.Close()
			err = tt.read(t, d)
			if !errors.Is(err, tt.wantErr) || !strings.Contains(err.Error(), tt.wantMsg) {
				t.Fatalf("got %v, want %v containing %q", err, tt.wantErr, tt.wantMsg)
			}
		})
	}
}

func readUser(key string) func(t *testing.T, d *DB) error {
	return func(t *testing.T, d *DB) error {
		u, err := d.User(t.Context(), key)
		if err == nil {
			t.Errorf("read %+v from a damaged file", u)
		}
		return err
	}
}

func readEvents(key string) func(t *testing.T, d *DB) error {
	return func(t *testing.T, d *DB) error {
		evs, err := d.ConsentEvents(t.Context(), key)
		if err == nil {
			t.Errorf("read %+v from a damaged file", evs)
		}
		return err
	}
}
