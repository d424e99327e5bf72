package bolt

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"github.com/carebot/carebot"
)

// damagedFile makes a store with some people in it and returns its path,
// its bytes, its page size and how many bytes its header says it holds,
// the last two as bbolt itself reports them.
func damagedFile(t *testing.T) (path string, orig []byte, pageSize, holds int) {
	t.Helper()
	d, path := openTemp(t)
	for i := range 40 {
		u := fmt.Sprintf("telegram:%d", i)
		if err := d.PutUser(t.Context(), carebot.User{Key: u, Lang: "en"}); err != nil {
			t.Fatal(err)
		}
		if err := d.RecordConsent(t.Context(), optIn(u, carebot.PurposeAwareness)); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	b, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	pageSize = b.Info().PageSize
	err = b.View(func(tx *bbolt.Tx) error { holds = int(tx.Size()); return nil })
	b.Close()
	if err != nil {
		t.Fatal(err)
	}
	return path, readFile(t, path), pageSize, holds
}

// openDamaged opens a file carebot must refuse and checks that the error
// is ErrDamaged, names the file, says want, and that the file was not
// touched. Open runs twice: a refusal must not leave the file locked.
func openDamaged(t *testing.T, path, want string) {
	t.Helper()
	before := readFile(t, path)
	for range 2 {
		d, err := Open(path, testKey, Options{})
		if err == nil {
			d.Close()
			t.Fatal("Open succeeded")
		}
		if !errors.Is(err, ErrDamaged) || !strings.HasPrefix(err.Error(), "open "+path+": the file is truncated or damaged (") ||
			!strings.Contains(err.Error(), want) || !strings.HasSuffix(err.Error(), "it was left untouched") {
			t.Fatalf("got %v, want ErrDamaged naming the file and saying %q", err, want)
		}
		if strings.Contains(err.Error(), "\n") {
			t.Errorf("the error is more than one line: %q", err)
		}
	}
	if !bytes.Equal(readFile(t, path), before) {
		t.Error("the damaged file was modified")
	}
}

// A file cut short (a full disk, a copy that stopped, a bad restore) made
// bbolt read past its end: a SIGBUS no recover catches, or a panic on the
// zeros. Open must refuse it with a clear error and leave it as it is.
func TestOpenTruncatedFile(t *testing.T) {
	path, orig, ps, holds := damagedFile(t)
	if holds < 8*ps || len(orig) < holds {
		t.Fatalf("the test file holds %d bytes of %d in pages of %d; want at least 8 pages", holds, len(orig), ps)
	}
	// 8192, 16384 and 20000 are the sizes QA saw crash.
	sizes := []int{20, 79, 80, 100, ps - 1, ps, ps + 100, 2*ps - 1, 2 * ps, 8192, 16384, 20000, holds - ps, holds - 1}
	for _, n := range sizes {
		if n >= holds {
			continue
		}
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			if err := os.WriteFile(path, orig[:n], 0o600); err != nil {
				t.Fatal(err)
			}
			want := fmt.Sprintf("(%d bytes, its header says it holds %d)", n, holds)
			if n < 80 { // page 0's header ends at byte 80
				want = fmt.Sprintf("(%d bytes, too short to hold its header)", n)
			}
			openDamaged(t, path, want)
		})
	}
	t.Run("0", func(t *testing.T) {
		// bbolt would make a new database in it: the people and their
		// consent would be gone without a word.
		os.WriteFile(path, nil, 0o600)
		openDamaged(t, path, "(0 bytes): restore it from a backup, or delete it to start a new database")
	})
	// As long as what the header counts is there, the rest is free space.
	for _, n := range []int{holds, len(orig), len(orig) + 3*ps + 5} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			b := append(append([]byte(nil), orig...), make([]byte, max(0, n-len(orig)))...)
			if err := os.WriteFile(path, b[:n], 0o600); err != nil {
				t.Fatal(err)
			}
			d := reopen(t, path)
			if u, err := d.User(t.Context(), "telegram:39"); err != nil || u.Lang != "en" {
				t.Errorf("User after Open of a file of %d bytes: %+v, %v", n, u, err)
			}
		})
	}
}

// The meta pages, as bbolt v1.5.0 lays them out (internal/common/meta.go):
// page 0 and page 1, each a 16-byte page header and then magic, version,
// page size, flags (4 bytes each), the root bucket (16), freelist, high
// water mark, txid and checksum (8 each), in the machine's byte order.
const (
	metaFlagsAt    = 16 + 12
	metaRootAt     = 16 + 16
	metaFreelistAt = 16 + 32
	metaTxidAt     = 16 + 48
)

// newerMeta returns the offset of the meta page bbolt reads (the one with
// the higher txid) and of the other.
func newerMeta(b []byte, ps int) (newer, older int) {
	ne := binary.NativeEndian
	if ne.Uint64(b[ps+metaTxidAt:]) > ne.Uint64(b[metaTxidAt:]) {
		return ps, 0
	}
	return 0, ps
}

// bbolt writes the two meta pages in turn and falls back to the other when
// one is damaged (a torn write): that file still opens. Only both damaged
// is refused.
func TestOpenOneMetaPageDamaged(t *testing.T) {
	path, orig, ps, _ := damagedFile(t)
	newer, older := newerMeta(orig, ps)
	for _, tt := range []struct {
		name  string
		pages []int
	}{{"newer", []int{newer}}, {"older", []int{older}}, {"both", []int{newer, older}}} {
		t.Run(tt.name, func(t *testing.T) {
			b := append([]byte(nil), orig...)
			for _, p := range tt.pages {
				b[p+metaFlagsAt] ^= 0x40 // covered by the checksum
			}
			if err := os.WriteFile(path, b, 0o600); err != nil {
				t.Fatal(err)
			}
			if len(tt.pages) == 2 {
				openDamaged(t, path, "both of its headers fail their checksum")
				return
			}
			d := reopen(t, path)
			// Falling back to the older page loses the last commit, at
			// most: the first people were written long before.
			if u, err := d.User(t.Context(), "telegram:0"); err != nil || u.Lang != "en" {
				t.Errorf("User: %+v, %v", u, err)
			}
		})
	}
}

// bbolt reads the list of free pages as it opens the file: it allocates
// as many ids as the list says it holds, and would later write over the
// pages it lists. A damaged list is refused before bbolt sees it.
func TestOpenDamagedFreelist(t *testing.T) {
	ne := binary.NativeEndian
	for _, tt := range []struct {
		name   string
		damage func(page []byte, holds, ps int)
	}{
		{"a count of 2^40", func(page []byte, _, _ int) {
			ne.PutUint16(page[10:], 0xFFFF) // the count is in the first id
			ne.PutUint64(page[16:], 1<<40)
		}},
		{"a free page past the end", func(page []byte, holds, ps int) {
			ne.PutUint16(page[10:], 1)
			ne.PutUint64(page[16:], uint64(holds/ps))
		}},
		{"a meta page listed as free", func(page []byte, _, _ int) {
			ne.PutUint16(page[10:], 1)
			ne.PutUint64(page[16:], 1)
		}},
		{"not a freelist page", func(page []byte, _, _ int) {
			ne.PutUint16(page[8:], 0x02) // a leaf
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path, orig, ps, holds := damagedFile(t)
			newer, _ := newerMeta(orig, ps)
			free := int(ne.Uint64(orig[newer+metaFreelistAt:]))
			b := append([]byte(nil), orig...)
			tt.damage(b[free*ps:(free+1)*ps], holds, ps)
			os.WriteFile(path, b, 0o600)
			openDamaged(t, path, "its list of free pages is damaged")
		})
	}
}

// Damage the header checks cannot see makes bbolt panic, or fault on a
// page the file does not back. Open turns both into ErrDamaged, leaves the
// file as it is, and lets go of it.
func TestOpenBboltPanicIsAnError(t *testing.T) {
	ne := binary.NativeEndian
	t.Run("freelist page zeroed", func(t *testing.T) {
		// bbolt reads the freelist while it opens the file. The header
		// check reads it too; without that, bbolt panics, after it has
		// locked and mapped the file.
		path, orig, ps, _ := damagedFile(t)
		newer, _ := newerMeta(orig, ps)
		free := int(ne.Uint64(orig[newer+metaFreelistAt:]))
		b := append([]byte(nil), orig...)
		clear(b[free*ps : (free+1)*ps])
		os.WriteFile(path, b, 0o600)
		openDamaged(t, path, "its list of free pages is damaged")
		precheck = func(string, time.Duration) error { return nil }
		defer func() { precheck = checkFile }()
		openDamaged(t, path, "(bbolt failed reading it: invalid freelist page")
	})
	t.Run("bucket past the end of the file", func(t *testing.T) {
		// The meta bucket's entry in the root page points at a page past
		// the end of the file but inside bbolt's mapping, which bbolt maps
		// in sizes of 32 KiB, 64 KiB...: reading it is a SIGBUS, in
		// initMeta's read transaction.
		path, orig, ps, holds := damagedFile(t)
		os.WriteFile(path, bucketPastTheEnd(t, orig, ps, holds, bucketMeta), 0o600)
		openDamaged(t, path, "(bbolt failed reading it: ")
	})
}

// bucketPastTheEnd returns a copy of the file orig (of page size ps,
// holding holds bytes) whose top-level bucket name has its root at a page
// past the end of the file but inside bbolt's mapping, which bbolt maps in
// sizes of 32 KiB, 64 KiB...: reading it is a SIGBUS.
func bucketPastTheEnd(t *testing.T, orig []byte, ps, holds int, name string) []byte {
	t.Helper()
	ne := binary.NativeEndian
	size := holds
	if size&(size-1) == 0 { // the mapping would end with the file
		size += ps
	}
	b := make([]byte, size)
	copy(b, orig)
	newer, _ := newerMeta(b, ps)
	root := int(ne.Uint64(b[newer+metaRootAt:]))
	page := b[root*ps : (root+1)*ps]
	if flags := ne.Uint16(page[8:]); flags != 0x02 { // a leaf, with the top-level buckets
		t.Fatalf("root page %d has flags %#x, want a leaf", root, flags)
	}
	for i := range int(ne.Uint16(page[10:])) {
		e := page[16+16*i:] // flags, pos, ksize, vsize: 4 bytes each
		key := e[ne.Uint32(e[4:]):][:ne.Uint32(e[8:])]
		if string(key) == name {
			// The value starts with the bucket's root page.
			ne.PutUint64(e[ne.Uint32(e[4:])+ne.Uint32(e[8:]):], uint64(size/ps))
			return b
		}
	}
	t.Fatalf("no %s bucket in the root page", name)
	return nil
}

// Damage Open cannot see, met later by a read or a write, is an
// ErrDamaged error for that call, not a crash of the bot: bbolt's
// transaction rolls back, and the store can still be closed.
func TestDamageMetAfterOpenIsAnError(t *testing.T) {
	path, orig, ps, holds := damagedFile(t)
	os.WriteFile(path, bucketPastTheEnd(t, orig, ps, holds, bucketUsers), 0o600)
	d, err := Open(path, testKey, Options{})
	if err != nil {
		t.Fatalf("Open: %v, want the damage found only when the users are read", err)
	}
	if _, err := d.User(t.Context(), "telegram:1"); !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "bbolt failed reading it") {
		t.Errorf("User: got %v, want ErrDamaged from a read", err)
	}
	if err := d.PutUser(t.Context(), carebot.User{Key: "telegram:1", Lang: "es"}); !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "bbolt failed writing to it") {
		t.Errorf("PutUser: got %v, want ErrDamaged from a write", err)
	}
	if err := d.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
}
