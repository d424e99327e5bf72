package faq

import (
	"math/bits"
	"math/rand/v2"
)

// wordTable maps the words the index knows to their records, for the
// lookup of every word of every message. It does what a map does with
// fewer cache misses: open addressing with linear probing, at most two
// thirds full, and a short word's bytes kept in its slot, so that a
// lookup reads one slot, not a map group, its key's header and the key's
// bytes. It is built once and only read after, so it is safe for
// concurrent use.
type wordTable struct {
	seed  uint64
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
	t := wordTable{seed: rand.Uint64(), mask: uint64(size - 1), slots: make([]wordSlot, size)}
	for w, r := range m {
		h := wordHash(t.seed, w)
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
	h := wordHash(t.seed, w)
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

// wordHash hashes a word for a wordTable, with its seed. A message's
// words are short: up to 16 bytes are read as two 8- or 4-byte loads,
// which may overlap, and mixed by one wide multiplication (as wyhash
// does), inline; maphash's call into the runtime was most of a lookup
// (3% of Match on the clinic set). Longer words are read 8 bytes at a
// time. The seed is drawn at random for each table, so which words
// collide cannot be known in advance.
func wordHash(seed uint64, w string) uint64 {
	const k0, k1 = 0xa0761d6478bd642f, 0xe7037ed1a0b428db
	n := len(w)
	var a, b uint64
	switch {
	case n > 16:
		h := seed
		for ; len(w) > 16; w = w[8:] {
			h = mix(h^le64(w), k1^le64(w[8:]))
		}
		a, b = le64(w)^h, le64(w[len(w)-8:]) // 9 to 16 bytes left
	case n >= 8:
		a, b = le64(w), le64(w[n-8:])
	case n >= 4:
		a, b = uint64(le32(w)), uint64(le32(w[n-4:]))
	case n > 0:
		a = uint64(w[0])<<16 | uint64(w[n>>1])<<8 | uint64(w[n-1])
	}
	return mix(a^seed^k0, b^uint64(n)^k1)
}

// mix folds the 128-bit product of a and b to 64 bits.
func mix(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}

func le64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

func le32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}
