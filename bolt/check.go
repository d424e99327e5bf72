package bolt

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"runtime/debug"
	"strings"
	"time"
)

// bbolt maps the whole file into memory and trusts its header: a file cut
// short makes it read pages past the end, which the kernel answers with
// SIGBUS, a crash no recover can catch, or with zeros that bbolt panics on.
// So Open reads the header itself first, with plain reads, and refuses a
// file bbolt would fall over on.
//
// The header is two meta pages, 0 and 1, each a 16-byte page header and
// then this (go.etcd.io/bbolt internal/common/meta.go, v1.5.0), in the
// machine's byte order:
//
//	 0 magic    uint32  0xED0CDAED
//	 4 version  uint32  2
//	 8 pageSize uint32
//	12 flags    uint32
//	16 root     uint64  page of the root bucket, and 8 bytes of its sequence
//	32 freelist uint64  page of the freelist, or ^0 when it is not stored
//	40 pgid     uint64  high-water mark: pages 0..pgid-1 are the file's
//	48 txid     uint64
//	56 checksum uint64  FNV-1a 64 of bytes 0..55
//
// bbolt writes the two in turn and uses the valid one with the higher txid,
// falling back to the other when one is damaged. It grows the file before
// it writes a meta page that counts the new pages, and never shrinks it, so
// a healthy file is at least pgid pages long (usually longer).
const (
	boltMagic      = 0xED0CDAED
	boltVersion    = 2
	pageHeaderSize = 16
	metaSize       = 64
	noFreelist     = ^uint64(0)
	// The page header's flags of a freelist page.
	freelistPageFlag = 0x10
	// bbolt looks for the second meta page at 1 KiB to 16 MiB.
	minPageSize, maxPageSize = 1 << 10, 1 << 24
)

type metaState int

const (
	metaNone metaState = iota // not read
	metaValid
	metaShort   // the file ends before the meta does
	metaNotBolt // no bbolt magic
	metaNewer   // bbolt magic, another format version
	metaBadSum  // bbolt magic and version, wrong checksum
)

type boltMeta struct {
	state                      metaState
	pageSize                   uint32
	root, freelist, pgid, txid uint64
	magic                      bool // the magic is there, even if the rest is cut off
}

// readMeta reads the meta page at off.
func readMeta(r io.ReaderAt, off int64) boltMeta {
	var buf [pageHeaderSize + metaSize]byte
	n, _ := r.ReadAt(buf[:], off)
	b, ne := buf[pageHeaderSize:], binary.NativeEndian
	var m boltMeta
	m.magic = n >= pageHeaderSize+4 && ne.Uint32(b) == boltMagic
	switch {
	case n < len(buf):
		m.state = metaShort
		return m
	case !m.magic:
		m.state = metaNotBolt
		return m
	case ne.Uint32(b[4:]) != boltVersion:
		m.state = metaNewer
		return m
	}
	h := fnv.New64a()
	h.Write(b[:56])
	if h.Sum64() != ne.Uint64(b[56:]) {
		m.state = metaBadSum
		return m
	}
	m.pageSize = ne.Uint32(b[8:])
	m.root, m.freelist = ne.Uint64(b[16:]), ne.Uint64(b[32:])
	m.pgid, m.txid = ne.Uint64(b[40:]), ne.Uint64(b[48:])
	m.state = metaValid
	return m
}

// errLocked means checkFile could not take its shared lock in time.
var errLocked = errors.New("locked")

// checkFile refuses a file at path that bbolt would crash on or write to
// although it holds nothing bbolt can read. It only reads, under a shared
// lock (where the platform has flock, as bbolt uses) so that a carebot
// writing the file is not caught half way. No file, or something that is
// not a regular file, is left to bbolt.
func checkFile(path string, timeout time.Duration) error {
	if fi, err := os.Stat(path); err != nil || !fi.Mode().IsRegular() {
		return nil
	}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close() // and so unlock
	if err := lockShared(f, timeout); err != nil {
		return err
	}
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	return checkHeader(f, fi.Size())
}

// checkHeader checks the header of a bbolt file of size bytes, read through
// r, as described at the top of this file.
func checkHeader(r io.ReaderAt, size int64) error {
	damaged := func(format string, a ...any) error {
		return fmt.Errorf("%w (%d bytes, %s): restore it from a backup; it was left untouched", ErrDamaged, size, fmt.Sprintf(format, a...))
	}
	if size == 0 {
		return fmt.Errorf("%w (0 bytes): restore it from a backup, or delete it to start a new database; it was left untouched", ErrDamaged)
	}
	// Where meta page 1 is depends on the page size, which meta page 0
	// gives; when page 0 is not valid, look where bbolt looks and take the
	// first valid one. Invalid ones say what the file is.
	m0 := readMeta(r, 0)
	seen := map[metaState]bool{m0.state: true}
	var m1 boltMeta
	pageSize := int64(m0.pageSize)
	if m0.state == metaValid {
		if pageSize >= minPageSize && pageSize <= maxPageSize {
			m1 = readMeta(r, pageSize)
		}
	} else {
		for off := int64(minPageSize); off <= maxPageSize && off < size; off <<= 1 {
			if m := readMeta(r, off); m.state == metaValid {
				m1, pageSize = m, off
				break
			} else if m.magic {
				seen[m.state] = true
			}
		}
	}

	var use boltMeta
	switch {
	case m0.state == metaValid && m1.state == metaValid:
		use = m0
		if m1.txid > m0.txid {
			use = m1
		}
	case m0.state == metaValid:
		use = m0
	case m1.state == metaValid:
		use = m1
	case seen[metaBadSum]:
		return damaged("both of its headers fail their checksum")
	case seen[metaNewer]:
		return fmt.Errorf("%w: the file's bbolt format is not the one this carebot writes (left untouched)", ErrUnknownVersion)
	case m0.magic:
		return damaged("too short to hold its header")
	default:
		return fmt.Errorf("%w: the file is not a bbolt database (left untouched)", ErrNotCarebot)
	}

	ps := int64(use.pageSize)
	switch {
	case ps < minPageSize || ps > maxPageSize:
		return damaged("its header gives a page size of %d", ps)
	case ps != pageSize:
		return damaged("its headers disagree on the page size")
	case use.root < 2 || use.root >= use.pgid || use.freelist != noFreelist && (use.freelist < 2 || use.freelist >= use.pgid):
		return damaged("its header points outside its pages")
	case use.pgid > uint64(size/ps):
		// Checked in pages first: pgid*ps may not fit in an int64.
		if use.pgid > 1<<62/uint64(ps) {
			return damaged("its header says it holds %d pages of %d bytes", use.pgid, ps)
		}
		return damaged("its header says it holds %d", int64(use.pgid)*ps)
	}
	if use.freelist != noFreelist && !freelistOK(r, use, ps) {
		return damaged("its list of free pages is damaged")
	}
	return nil
}

// freelistOK checks the freelist, the one page (with its overflow) besides
// the meta pages that bbolt reads as it opens the file. bbolt allocates as
// many ids as the page says it holds, and later writes to the pages it
// lists as free. A freelist page is a page header (id uint64, flags
// uint16, count uint16, overflow uint32) then count page ids, uint64 each;
// a count of 0xFFFF means the real count is the first uint64.
func freelistOK(r io.ReaderAt, m boltMeta, ps int64) bool {
	off := int64(m.freelist) * ps
	var h [pageHeaderSize + 8]byte
	if _, err := r.ReadAt(h[:], off); err != nil {
		return false
	}
	ne := binary.NativeEndian
	n, at, overflow := uint64(ne.Uint16(h[10:])), int64(pageHeaderSize), uint64(ne.Uint32(h[12:]))
	if n == 0xFFFF {
		n, at = ne.Uint64(h[16:]), at+8
	}
	if ne.Uint64(h[:]) != m.freelist || ne.Uint16(h[8:]) != freelistPageFlag ||
		overflow >= m.pgid-m.freelist || n >= m.pgid || at+int64(n)*8 > int64(overflow+1)*ps {
		return false
	}
	ids := make([]byte, n*8)
	if _, err := r.ReadAt(ids, off+at); err != nil {
		return false
	}
	for i := 0; i < len(ids); i += 8 {
		if id := ne.Uint64(ids[i:]); id < 2 || id >= m.pgid {
			return false
		}
	}
	return true
}

// noPanic runs fn, which reads the file through bbolt (or writes it, if
// not reading), and turns a panic into ErrDamaged: bbolt panics on some
// damage it meets, and faults reading a mapped page that the file does not
// back, which debug.SetPanicOnFault makes a panic too (for this goroutine,
// while fn runs). checkFile keeps the known causes out; this is for the
// rest. A write that panics has not reached bbolt's meta page, but may
// have written pages it thought free, so only a read claims the file is
// untouched.
func noPanic(reading bool, fn func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			msg, _, _ := strings.Cut(fmt.Sprint(r), "\n")
			if reading {
				err = fmt.Errorf("%w (bbolt failed reading it: %s): restore it from a backup; it was left untouched", ErrDamaged, msg)
			} else {
				err = fmt.Errorf("%w (bbolt failed writing to it: %s): restore it from a backup", ErrDamaged, msg)
			}
		}
	}()
	return fn()
}
