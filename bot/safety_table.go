package bot

import "encoding/binary"

// safetyTable maps a word to its lexicon id. It is an open-addressing hash
// table probed with the FNV-1a hash that the scanner computes while it reads
// the word, so most lookups cost one slot compare and no hashing pass. A
// word of up to eight letters, which is most of them, is kept in its slot:
// looking it up reads one cache line, which matters because the table is
// cold by the time the next message comes, after the FAQ matcher ran.
type safetyTable struct {
	slots []safetyEntry
	keys  []byte // the keys longer than eight bytes, back to back
	mask  uint32
}

type safetyEntry struct {
	key   uint64 // the key's bytes, little-endian and zero-padded; past eight, its offset in keys
	hash  uint32
	id    uint16 // 0 marks an empty slot
	n     uint8
	class uint8 // wclass[id]
}

const (
	safetyFNVOffset uint32 = 2166136261
	safetyFNVPrime  uint32 = 16777619
)

func safetyHash(w []byte) uint32 {
	h := safetyFNVOffset
	for _, c := range w {
		h = (h ^ uint32(c)) * safetyFNVPrime
	}
	return h
}

// safetyPack returns w, at most eight bytes, as the key field holds it.
// Every buffer the scanner looks words up from has room for eight bytes,
// so it reads them in one load and masks off what is not w.
func safetyPack(w []byte) uint64 {
	if cap(w) < 8 {
		var x uint64
		for i, c := range w {
			x |= uint64(c) << (8 * i)
		}
		return x
	}
	return binary.LittleEndian.Uint64(w[:8]) & (1<<(8*len(w)) - 1)
}

// newSafetyTable builds a table of m, at most half full, with the word
// classes of each id.
func newSafetyTable(m map[string]uint16, wclass []uint8) *safetyTable {
	size := uint32(16)
	for size < uint32(2*len(m)) {
		size *= 2
	}
	t := &safetyTable{slots: make([]safetyEntry, size), mask: size - 1}
	for w, id := range m {
		if id == 0 || len(w) > safetyWordMax {
			continue
		}
		e := safetyEntry{hash: safetyHash([]byte(w)), n: uint8(len(w)), id: id, class: wclass[id]}
		if len(w) <= 8 {
			e.key = safetyPack([]byte(w))
		} else {
			e.key = uint64(len(t.keys))
			t.keys = append(t.keys, w...)
		}
		i := e.hash & t.mask
		for t.slots[i].id != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = e
	}
	return t
}

// get returns the entry of w, whose hash is h, or nil.
func (t *safetyTable) get(h uint32, w []byte) *safetyEntry {
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		e := &t.slots[i]
		if e.id == 0 {
			return nil
		}
		if e.hash == h && int(e.n) == len(w) && t.equal(e, w) {
			return e
		}
	}
}

// equal reports whether e's key is w, of e's length.
func (t *safetyTable) equal(e *safetyEntry, w []byte) bool {
	if len(w) <= 8 {
		return e.key == safetyPack(w)
	}
	return string(t.keys[e.key:e.key+uint64(len(w))]) == string(w)
}

// key returns e's key, for tests.
func (t *safetyTable) key(e *safetyEntry) string {
	if e.n <= 8 {
		var b [8]byte
		binary.LittleEndian.PutUint64(b[:], e.key)
		return string(b[:e.n])
	}
	return string(t.keys[e.key : e.key+uint64(e.n)])
}
