package faq

// A slot adds the same to the entries and phrasings every time it has the
// same alternatives: what it adds depends on them and the index alone
// (and, for the phrasings, on the slot's weights). scoreSlot and
// scoreVariants keep it the first time, and read it back after instead of
// walking the postings and merging them entry by entry again: with the
// word's analysis for a slot of its word's own ways, else (a phrase, a
// child's age) in the index, by the alternatives.

import (
	"encoding/binary"
	"math"
	"sync/atomic"
)

// keptHits is what a slot adds to the entries and to the phrasings, each
// nil until kept.
type keptHits struct {
	hits  atomic.Pointer[entryHits]
	vhits atomic.Pointer[variantHits]
}

// keptFor returns where the hits of slot s, whose alternatives are not a
// word's own, are kept; nil when over the budget.
func (ix *index) keptFor(s *slot) *keptHits {
	var buf [maxAlts * 8]byte
	key := buf[:0]
	for _, a := range s.alts[:s.nalt] {
		key = binary.LittleEndian.AppendUint32(key, uint32(a.term))
		key = binary.LittleEndian.AppendUint32(key, math.Float32bits(a.w))
	}
	ak := &ix.altsKept
	ak.mu.RLock()
	kh := ak.m[string(key)]
	ak.mu.RUnlock()
	if kh != nil || ix.hitsBytes.Load() >= maxHitsBytes {
		return kh
	}
	ak.mu.Lock()
	defer ak.mu.Unlock()
	if kh := ak.m[string(key)]; kh != nil {
		return kh
	}
	if ak.m == nil {
		ak.m = make(map[string]*keptHits)
	}
	kh = new(keptHits)
	ak.m[string(key)] = kh
	ix.hitsBytes.Add(int64(len(key)) + 64) // the key, the holder, the map's share
	return kh
}

// maxHitsBytes bounds the memory the words' kept hits take (see
// wordInfo.hits): a large knowledge base's common words reach thousands of
// entries, and a stream of new words must not grow the index without end.
// Past it, slots are scored from the postings, as the first time.
const maxHitsBytes = 4 << 20

// entryHit is what one slot's alternatives add up to for one entry, as
// credit reads it, computed once: the best posting (alternative's weight
// times score), the best alternative's weight in a question field (str)
// and counting the answer at answerCover (all), and whether the entry
// matches surely (1) or through a guess (0). The entry and sure share a
// word, sure in its top bit: 16 bytes a hit, not 20, for the hits a
// message streams through, and more of them within maxHitsBytes (on
// 10,000 medical questions, Match's mean fell 8% and its p99 15%).
type entryHit struct {
	es       uint32 // the entry, and sure<<31
	best     float32
	str, all float32
}

const entryHitBytes = 16 // the size of an entryHit

// newEntryHit is the entryHit of entry e whose best posting is best and
// best ways way (see entryAcc).
func newEntryHit(e int32, best float32, way [2]float32) entryHit {
	str, ans := way[1], way[0]
	h := entryHit{es: uint32(e), best: best, str: str, all: max(str, answerCover*ans)}
	if max(str, ans) >= sureWeight {
		h.es |= 1 << 31
	}
	return h
}

// entry is the entry of h.
func (h *entryHit) entry() int32 { return int32(h.es &^ (1 << 31)) }

// entryHits are a slot's kept hits, and the best of their best postings.
type entryHits struct {
	hs   []entryHit
	best float32
}

// keepHits keeps hs as kept's hits.
func (ix *index) keepHits(kept *keptHits, hs []entryHit) {
	kh := &entryHits{hs: hs}
	for _, h := range hs {
		kh.best = max(kh.best, h.best)
	}
	if kept.hits.CompareAndSwap(nil, kh) {
		ix.hitsBytes.Add(int64(len(hs)) * entryHitBytes)
	}
}

// creditHits adds slot s (bit its bit) to the entries of kh, as scoreSlot
// does from the postings, and the slot to the phrasings.
func (ix *index) creditHits(sc *scratch, s *slot, bit uint64, kh *entryHits) {
	ent, hs := sc.ent, kh.hs
	nt := len(sc.touched)
	touched := room(sc.touched, nt, len(hs))
	for i := range hs {
		h := &hs[i]
		e := h.entry()
		a := &ent[e]
		touched[nt] = e
		if !a.seen {
			nt++
		}
		a.seen = true
		h.credit(a, s, bit)
	}
	sc.touched = touched[:nt]
	// The best of the v above, without a max carried from each entry to
	// the next (a chain of dependent instructions the loop waited on):
	// multiplying by s.w ≥ 0 keeps the order, rounding included, so the
	// best v is s.w times the best posting.
	sc.possible += s.w * kh.best
	ix.scoreVariants(sc, s)
}

// credit adds slot s (bit its bit) to entry a, which it hits as h, and
// returns what it added to the entry's BM25F. scoreSlot and creditHits
// both add through it.
func (h *entryHit) credit(a *entryAcc, s *slot, bit uint64) float32 {
	v := s.w * h.best
	a.lex += v
	a.cover += s.cw * h.str
	a.coverAll += s.cw * h.all
	a.matched |= bit
	a.sure |= bit * uint64(h.es>>31)
	return v
}

// variantHits is what a slot of weights w and cw adds to each phrasing it
// reaches, in the order scoreVariants lists them.
type variantHits struct {
	w, cw float32
	hs    []variantHit
}

// variantHit is a phrasing and the slot's best match in it.
type variantHit struct {
	v    int32
	best float32
}

const variantHitBytes = 8 // the size of a variantHit

// keepVariants keeps hs, slot s's, as kept's phrasings' hits.
func (ix *index) keepVariants(kept *keptHits, s *slot, hs []variantHit) {
	if kept.vhits.CompareAndSwap(nil, &variantHits{w: s.w, cw: s.cw, hs: hs}) {
		ix.hitsBytes.Add(int64(len(hs)) * variantHitBytes)
	}
}

// creditVariants adds a slot to the phrasings of hs, as scoreVariants
// does from the postings.
func creditVariants(sc *scratch, hs []variantHit) {
	vsum := sc.vsum
	nt := len(sc.vtouch)
	vtouch := room(sc.vtouch, nt, len(hs))
	for _, h := range hs {
		vtouch[nt] = h.v
		if vsum[h.v] == 0 {
			nt++
		}
		vsum[h.v] += h.best
	}
	sc.vtouch = vtouch[:nt]
}
