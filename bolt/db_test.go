package bolt

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"github.com/carebot/carebot"
)

// A second carebot on the same file must fail at once with a message an
// operator understands. bbolt's flock belongs to the open file description,
// so a second Open in the same process conflicts just like another process.
func TestOpenLockedFailsFast(t *testing.T) {
	d, path := openTemp(t)
	_, err := Open(path, testKey, Options{Timeout: 60 * time.Millisecond})
	if !errors.Is(err, ErrInUse) {
		t.Fatalf("second Open: got %v, want ErrInUse", err)
	}
	want := "open " + path + ": the database is in use by another carebot process (lock timeout after 60ms)"
	if err.Error() != want {
		t.Errorf("got message %q, want %q", err, want)
	}
	// The first handle is unharmed and the lock goes with Close.
	if err := d.PutUser(t.Context(), carebot.User{Key: "console:local"}); err != nil {
		t.Fatalf("PutUser on the first handle: %v", err)
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	reopen(t, path)
}

func TestOpenDefaultTimeoutIsOneSecond(t *testing.T) {
	_, path := openTemp(t)
	_, err := Open(path, testKey, Options{})
	if err == nil || !strings.HasSuffix(err.Error(), "(lock timeout after 1s)") {
		t.Fatalf("got %v, want the in-use error with a 1s timeout", err)
	}
}

func TestOpenWrongKey(t *testing.T) {
	d, path := openTemp(t)
	if err := d.PutUser(t.Context(), carebot.User{Key: "telegram:1"}); err != nil {
		t.Fatal(err)
	}
	d.Close()
	before := readFile(t, path)
	other := bytes.Repeat([]byte{7}, KeySize)
	_, err := Open(path, other, Options{})
	if !errors.Is(err, ErrWrongKey) {
		t.Fatalf("Open with another key: got %v, want ErrWrongKey", err)
	}
	if !bytes.Equal(readFile(t, path), before) {
		t.Error("Open with the wrong key changed the file")
	}
	if _, err := Open(path, testKey[:16], Options{}); err == nil || !strings.Contains(err.Error(), "key is 16 bytes, want 32") {
		t.Errorf("Open with a short key: got %v", err)
	}
}

// Files carebot must not write to are refused with a clear error and left
// byte for byte as they were.
func TestOpenRefusesForeignFiles(t *testing.T) {
	garbage := bytes.Repeat([]byte("not a database "), 5000)
	tests := []struct {
		name    string
		make    func(t *testing.T, path string)
		wantErr error
		wantMsg string
	}{
		{"text file", func(t *testing.T, path string) {
			os.WriteFile(path, garbage, 0o600)
		}, ErrNotCarebot, "not a bbolt database"},
		{"short file", func(t *testing.T, path string) {
			os.WriteFile(path, []byte("hello"), 0o600)
		}, ErrNotCarebot, "not a bbolt database"},
		{"another program's bbolt file", func(t *testing.T, path string) {
			rawUpdate(t, path, func(tx *bbolt.Tx) error {
				b, err := tx.CreateBucket([]byte("widgets"))
				if err != nil {
					return err
				}
				return b.Put([]byte("a"), []byte("b"))
			})
		}, ErrNotCarebot, "holds buckets but no carebot metadata"},
		{"newer carebot format", func(t *testing.T, path string) {
			d := reopen(t, path)
			d.Close()
			rawUpdate(t, path, func(tx *bbolt.Tx) error {
				return tx.Bucket([]byte(bucketMeta)).Put(metaSchema, binary.BigEndian.AppendUint32(nil, schemaVersion+1))
			})
		}, ErrUnknownVersion, "the file has data format 2 and this carebot knows up to 1; upgrade carebot"},
		{"newer bbolt format", func(t *testing.T, path string) {
			d := reopen(t, path)
			d.Close()
			b := readFile(t, path)
			// The meta pages (0 and 1) hold the format version after a
			// 16-byte page header and the 4-byte magic.
			ps := os.Getpagesize()
			for _, off := range []int{16 + 4, ps + 16 + 4} {
				binary.LittleEndian.PutUint32(b[off:], 3)
			}
			os.WriteFile(path, b, 0o600)
		}, ErrUnknownVersion, "bbolt format"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "carebot.db")
			tt.make(t, path)
			before := readFile(t, path)
			d, err := Open(path, testKey, Options{})
			if err == nil {
				d.Close()
				t.Fatal("Open succeeded")
			}
			if !errors.Is(err, tt.wantErr) || !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("got %v, want %v containing %q", err, tt.wantErr, tt.wantMsg)
			}
			if !strings.HasPrefix(err.Error(), "open "+path+": ") {
				t.Errorf("got %q, want it to name the file", err)
			}
			if !bytes.Equal(readFile(t, path), before) {
				t.Error("the refused file was modified")
			}
		})
	}
}

// A newer carebot adds buckets to bucketPaths; opening an older file must
// create them without touching what is there.
func TestOpenCreatesMissingBuckets(t *testing.T) {
	d, path := openTemp(t)
	u := carebot.User{Key: "slack:U1", Lang: "es", Created: t0}
	if err := d.PutUser(t.Context(), u); err != nil {
		t.Fatal(err)
	}
	d.Close()
	rawUpdate(t, path, func(tx *bbolt.Tx) error {
		return tx.Bucket([]byte(bucketOptIn)).DeleteBucket([]byte(carebot.PurposeAwareness))
	})
	d = reopen(t, path)
	err := d.OptedIn(t.Context(), carebot.PurposeAwareness, func(string) error { return nil })
	if err != nil {
		t.Errorf("OptedIn after the bucket was recreated: %v", err)
	}
	got, err := d.User(t.Context(), u.Key)
	if err != nil || got != u {
		t.Errorf("got %+v, %v, want %+v", got, err, u)
	}
}

func TestClosedAndCancelled(t *testing.T) {
	d, _ := openTemp(t)
	cctx, cancel := context.WithCancel(t.Context())
	cancel()
	if err := d.PutUser(cctx, carebot.User{Key: "console:local"}); !errors.Is(err, context.Canceled) {
		t.Errorf("PutUser with a cancelled context: got %v, want context.Canceled", err)
	}
	if _, err := d.User(t.Context(), "console:local"); !errors.Is(err, carebot.ErrNotFound) {
		t.Errorf("after a cancelled PutUser: got %v, want ErrNotFound", err)
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	if err := d.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := d.User(t.Context(), "console:local"); !errors.Is(err, ErrClosed) {
		t.Errorf("User after Close: got %v, want ErrClosed", err)
	}
}
