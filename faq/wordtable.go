package faq

import "hash/maphash"

// wordTable maps the words the index knows to their records, for the
// lookup of every word of every message. It does what a map does with
// fewer cache misses: open addressing with linear probing, at most two
// thirds full, and a short word's bytes kept in its slot, so that a
// lookup reads one slot, not a map group, its key's header and the key's
// bytes. It is built once and only read after, so it is safe for
// concurrent use.
type wordTable struct {
	seed  maphash.Seed
	mask  uint64
	slots []wordSlot
}

// inlineWord is the longest word kept in its slot; longer ones are
// compared through their record.
const inlineWord = 11

// wordSlot is one word of a wordTable: empty when rec is nil.
type wordSlot struct {
	rec  *wordRecord
	tag  uint32 // the hash's high bits
	n    uint8  // the word's length, or longWord
	word [inlineWord]byte
}

const longWord = 255

// newWordTable builds the table of the words in m.
func newWordTable(m map[string]*wordRecord) wordTable {
	size := 8
	for size < len(m)+len(m)/2 { // at most two thirds full
		size *= 2
	}
	t := wordTable{seed: maphash.MakeSeed(), mask: uint64(size - 1), slots: make([]wordSlot, size)}
	for w, r := range m {
		h := maphash.String(t.seed, w)
		i := h & t.mask
		for t.slots[i].rec != nil {
			i = (i + 1) & t.mask
		}
		s := &t.slots[i]
		s.rec, s.tag, s.n = r, uint32(h>>32), longWord
		if len(w) <= inlineWord {
			s.n = uint8(copy(s.word[:], w))
		} else {
			r.word = w
		}
	}
	return t
}

// get returns the record of w, or nil.
func (t *wordTable) get(w string) *wordRecord {
	if len(t.slots) == 0 {
		return nil
	}
	h := maphash.String(t.seed, w)
	tag := uint32(h >> 32)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.rec == nil {
			return nil
		}
		if s.tag != tag {
			continue
		}
		if len(w) <= inlineWord {
			if int(s.n) == len(w) && string(s.word[:len(w)]) == w {
				return s.rec
			}
		} else if s.n == longWord && s.rec.word == w {
			return s.rec
		}
	}
}
