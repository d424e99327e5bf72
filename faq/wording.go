package faq

import "slices"

// The wording features say how much a message is worded like one of an
// entry's phrasings, every word counted, function words included ("how
// does it spread" against "can it spread through food"), and with their
// order (the pairs of neighbouring words). BM25F and the closest
// phrasing weigh the content words only; when an entry has one phrasing
// and a long answer, the wording is much of what tells two entries about
// the same thing apart.
//
// A word is its term (its stem) when it has one, else its folded form; a
// phrasing is the set of its words' buckets and of its pairs' buckets, in
// a table of wordingBuckets. Two words rarely share a bucket in a
// message of a few dozen words, so the overlap is exact but for a rare
// collision, and comparing a phrasing costs one byte load per word.

// wordingBuckets is the size of the bucket tables (a power of two).
const wordingBuckets = 4096

// wordingIndex holds every phrasing's buckets, by entry.
type wordingIndex struct {
	tok   []uint16          // buckets: each phrasing's words, then its pairs
	phr   []wordingPhrasing // by phrasing
	lang  []lang            // phrasing → its language
	first []int32           // entry → its first phrasing; one more at the end
	// own is, by entry, the end of its phrasings in the knowledge base's
	// language (they come first); translations follow.
	own []int32
}

// wordingPhrasing locates one phrasing's buckets in tok: nuni words from
// start, then nbi pairs. One load gives a phrasing's whole extent.
type wordingPhrasing struct {
	start     int32
	nuni, nbi uint16
}

// wordingMarks are a message's buckets, one byte each (1 when set), so
// that testing a phrasing's bucket is one load; listed in setU and setB to
// be cleared after.
type wordingMarks struct {
	tab  [2 * wordingBuckets]uint8 // words' buckets, then pairs' (see pairBucket)
	setU []uint16
	setB []uint16
	cum  []int32 // see wordingOf
}

// pairBucket marks a pair's bucket: pairs' buckets follow words' in
// wordingMarks and in wordingIndex.tok.
const pairBucket = wordingBuckets

// mark sets bucket b in tab, listing it in set the first time.
func mark(tab *[2 * wordingBuckets]uint8, set *[]uint16, b uint16) {
	if p := &tab[b&(2*wordingBuckets-1)]; *p == 0 {
		*p = 1
		*set = append(*set, b)
	}
}

// overlap counts the buckets of bs set in tab.
func overlap(tab *[2 * wordingBuckets]uint8, bs []uint16) int {
	n := 0
	for _, b := range bs {
		n += int(tab[b&(2*wordingBuckets-1)])
	}
	return n
}

// wordTok is a word's identity: its term, or a hash of its folded form
// for a stop word (it has no term).
func wordTok(term int32, w string) uint32 {
	if term >= 0 {
		return uint32(term)
	}
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	return h | 1<<31
}

func uniBucket(t uint32) uint16 { return uint16(t * 0x9E3779B1 >> 20) }

func biBucket(a, b uint32) uint16 { return uint16((a*0x9E3779B1 ^ b*0x85EBCA77) * 0xC2B2AE3D >> 20) }

// buildWording files the buckets of every phrasing: the question, the
// alternates and their translations, in the order analyzeEntry reads them.
func (ix *index) buildWording(entries []*Entry) {
	wi := &ix.wording
	wi.first = make([]int32, 0, len(entries)+1)
	var toks []uint32
	seen := new(wordingMarks)
	add := func(l lang, text string) {
		toks = toks[:0]
		ix.eachWord(l, text, func(w string, r wordRef) { toks = append(toks, wordTok(r.term, w)) })
		if len(toks) == 0 {
			return
		}
		seen.clear()
		for _, t := range toks {
			mark(&seen.tab, &seen.setU, uniBucket(t))
		}
		for i := 1; i < len(toks); i++ {
			mark(&seen.tab, &seen.setB, pairBucket|biBucket(toks[i-1], toks[i]))
		}
		wi.phr = append(wi.phr, wordingPhrasing{start: int32(len(wi.tok)), nuni: uint16(len(seen.setU)), nbi: uint16(len(seen.setB))})
		wi.tok = append(append(wi.tok, seen.setU...), seen.setB...)
		wi.lang = append(wi.lang, l)
	}
	for _, e := range entries {
		wi.first = append(wi.first, int32(len(wi.phr)))
		add(ix.kbLang, e.Question)
		for _, a := range e.Alternates {
			add(ix.kbLang, a)
		}
		wi.own = append(wi.own, int32(len(wi.phr)))
		for _, code := range sortedKeys(e.Translations) {
			tr, l := e.Translations[code], langOf(code)
			add(l, tr.Question)
			for _, a := range tr.Alternates {
				add(l, a)
			}
		}
	}
	wi.first = append(wi.first, int32(len(wi.phr)))
}

// markWording fills sc.marks with the message's buckets, from the words
// and analyses slots left in sc.
func (ix *index) markWording(sc *scratch) {
	m := &sc.marks
	m.clear()
	var prev uint32
	n := 0
	tok := func(t uint32) {
		mark(&m.tab, &m.setU, uniBucket(t))
		if n > 0 {
			mark(&m.tab, &m.setB, pairBucket|biBucket(prev, t))
		}
		prev, n = t, n+1
	}
	for _, info := range sc.infos {
		if info.expand == nil {
			tok(info.tok)
			continue
		}
		for _, x := range info.expand {
			tok(wordTok(ix.info(sc.lang, x).primary, x))
		}
	}
}

// wording is the best Dice of a message's words, and of its pairs of
// words, with a phrasing, as the fractions' terms: 2·bu/du and 2·bb/db.
// Each term is at most 2·wordingBuckets.
type wording struct{ bu, du, bb, db uint16 }

func (w wording) uni() float64 { return 2 * float64(w.bu) / float64(w.du) }
func (w wording) bi() float64  { return 2 * float64(w.bb) / float64(w.db) }

// wordingOf returns the best Dice of the message's words, and of its
// pairs of words, with a phrasing of entry e in the message's language.
func (ix *index) wordingOf(sc *scratch, e int32) wording {
	wi, m := &ix.wording, &sc.marks
	nqu, nqb := len(m.setU), len(m.setB)
	if nqu == 0 {
		return wording{du: 1, db: 1}
	}
	// The entry's own phrasings, all in its language, or its
	// translations in the message's.
	lo, hi, own := wi.first[e], wi.own[e], sc.lang == ix.kbLang
	if !own {
		lo, hi = wi.own[e], wi.first[e+1]
	}
	switch {
	case lo == hi:
		return wording{du: 1, db: 1}
	case hi-lo == 1 && own: // one phrasing (as in most FAQs): no running count
		ph := wi.phr[lo]
		nu, nb := int(ph.nuni), int(ph.nbi)
		toks := wi.tok[ph.start:][:nu+nb]
		bu, du, bb, db := overlap(&m.tab, toks[:nu]), nqu+nu, overlap(&m.tab, toks[nu:]), nqb+nb
		if bu == 0 {
			du = 1
		}
		if bb == 0 {
			db = 1
		}
		return wording{bu: uint16(bu), du: uint16(du), bb: uint16(bb), db: uint16(db)}
	}
	// How many of the range's buckets the message has, running: a
	// phrasing's words' count is the difference across its words, its
	// pairs' across its pairs. One loop for all the entry's phrasings,
	// where one per phrasing and kind lost its end to the branch
	// predictor each time (2% of Match on the clinic set).
	p0 := &wi.phr[lo]
	toks := wi.tok[p0.start : wi.phr[hi-1].start+int32(wi.phr[hi-1].nuni)+int32(wi.phr[hi-1].nbi)]
	cum := slices.Grow(m.cum[:0], len(toks)+1)[:len(toks)+1]
	m.cum = cum
	n := int32(0)
	for i, b := range toks {
		cum[i] = n
		n += int32(m.tab[b&(2*wordingBuckets-1)])
	}
	cum[len(toks)] = n
	// The best fractions, compared by cross products: no division in
	// the loop.
	bu, du, bb, db := 0, 1, 0, 1
	for p := lo; p < hi; p++ {
		if !own && wi.lang[p] != sc.lang {
			continue
		}
		ph := wi.phr[p]
		nu, nb := int(ph.nuni), int(ph.nbi)
		at := int(ph.start - p0.start)
		cu, cb := int(cum[at+nu]-cum[at]), int(cum[at+nu+nb]-cum[at+nu])
		if d := nqu + nu; cu*du > bu*d {
			bu, du = cu, d
		}
		if d := nqb + nb; cb*db > bb*d {
			bb, db = cb, d
		}
	}
	return wording{bu: uint16(bu), du: uint16(du), bb: uint16(bb), db: uint16(db)}
}

// clear empties the tables through their lists.
func (m *wordingMarks) clear() {
	for _, b := range m.setU {
		m.tab[b&(2*wordingBuckets-1)] = 0
	}
	for _, b := range m.setB {
		m.tab[b&(2*wordingBuckets-1)] = 0
	}
	m.setU, m.setB = m.setU[:0], m.setB[:0]
}
