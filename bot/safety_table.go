package bot

// safetyTable maps a word to its lexicon id. It is an open-addressing hash
// table probed with the FNV-1a hash that the scanner computes while it reads
// the word, so most lookups cost one slot compare and no hashing pass.
type safetyTable struct {
	slots []safetyEntry
	keys  []byte // every key, back to back
	mask  uint32
}

type safetyEntry struct {
	hash uint32
	off  uint32 // the key is keys[off:off+n]
	n    uint8
	id   uint16 // 0 marks an empty slot
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

// newSafetyTable builds a table of m, at most half full.
func newSafetyTable(m map[string]uint16) *safetyTable {
	size := uint32(16)
	for size < uint32(2*len(m)) {
		size *= 2
	}
	t := &safetyTable{slots: make([]safetyEntry, size), mask: size - 1}
	for w, id := range m {
		if id == 0 || len(w) > safetyWordMax {
			continue
		}
		h := safetyHash([]byte(w))
		i := h & t.mask
		for t.slots[i].id != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = safetyEntry{hash: h, off: uint32(len(t.keys)), n: uint8(len(w)), id: id}
		t.keys = append(t.keys, w...)
	}
	return t
}

// get returns the id of w, whose hash is h, or 0.
func (t *safetyTable) get(h uint32, w []byte) uint16 {
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		e := &t.slots[i]
		if e.id == 0 {
			return 0
		}
		if e.hash == h && int(e.n) == len(w) && string(t.keys[e.off:e.off+uint32(e.n)]) == string(w) {
			return e.id
		}
	}
}
