package faq

import (
	"math"
	"slices"
)

// answerCover is how much a word found only in an entry's answer explains
// of a message, against one found in its questions: an answer talks about
// much more than the question it answers.
const answerCover = 0.5

// sureWeight is the weight from which a way to match is the word itself,
// a synonym or a translation rather than a guess (a typo fix, a related
// word, a category).
const sureWeight = 0.8

// score adds up, for every entry, each slot's best-matching term (BM25F)
// and the coverage of the message's weight, and for every phrasing the
// weight it shares with the message.
//
// In a large knowledge base a very common term ("symptoms" among 10,000
// medical questions) has postings for thousands of entries, and walking
// them would cost more than everything else. When the message also has a
// rarer term, only the entries holding one of those can win; the common
// terms are then looked up for those candidates alone, in a dense array.
func (ix *index) score(sc *scratch) {
	restrict := ix.candidates(sc)
	sc.qtotal, sc.possible = 0, 0
	lightOnly := true
	for si := range sc.slots {
		s := &sc.slots[si]
		if s.absorbed {
			continue
		}
		sc.qtotal += s.cw
		if s.nalt > 0 && !s.light {
			lightOnly = false
			ix.scoreSlot(sc, si, restrict)
		}
	}
	if restrict {
		// The very common terms' phrasings, among those the rarer ones
		// reached.
		for si := range sc.slots {
			if s := &sc.slots[si]; !s.absorbed && !s.light && ix.hasDense(s) {
				ix.scoreVariantsDense(sc, s)
			}
		}
	}
	if lightOnly { // "where r u guys": the question word is all there is
		for si := range sc.slots {
			if s := &sc.slots[si]; !s.absorbed && s.nalt > 0 {
				ix.scoreSlot(sc, si, restrict)
			}
		}
		var bits uint32 // the message's light words
		for si := range sc.slots {
			if !sc.slots[si].absorbed {
				bits |= sc.slots[si].lbit
			}
		}
		for v, vb := range ix.vars.light {
			if vb&bits == 0 { // none of them: no slot below adds
				continue
			}
			for si := range sc.slots {
				if s := &sc.slots[si]; !s.absorbed && ix.vars.light[v]&s.lbit != 0 {
					if sc.vsum[v] == 0 {
						sc.vtouch = append(sc.vtouch, int32(v))
					}
					sc.vsum[v] += s.cw
				}
			}
		}
	}
	for _, e := range sc.cand {
		sc.inCand[e] = false
	}
	sc.cand = sc.cand[:0]
	ix.scoreLight(sc, lightOnly)
	// The closest phrasing of each entry, by Dice: a phrasing must say most
	// of what the message says, and the message most of what it says.
	// Selects, not branches (see scoreSlot); nn is selected by its bits,
	// which keeps a NaN out as the comparison does.
	nt := len(sc.touched)
	touched := room(sc.touched, nt, len(sc.vtouch))
	for _, v := range sc.vtouch {
		e := ix.vars.entry[v]
		a := &sc.ent[e]
		// A unit may be matched by two words of the message ("texts" and
		// "reminders" both reach "reminders"): a phrasing is matched at
		// most fully, and so is the message.
		m := min(sc.vsum[v], ix.vars.total[v], sc.qtotal)
		d := 2 * m / (sc.qtotal + ix.vars.total[v])
		var take uint32 // all ones when d is the closest so far
		if d > a.nn {
			take = ^uint32(0)
		}
		nn := math.Float32bits(a.nn)
		a.nn = math.Float32frombits(nn ^ (nn^math.Float32bits(d))&take)
		a.bestV ^= (a.bestV ^ v) & int32(take)
		touched[nt] = e
		if !a.seen {
			nt++
		}
		a.seen = true
	}
	sc.touched = touched[:nt]
}

// scoreSlot adds slot si to the entries and phrasings its terms reach.
//
// The branches the predictor loses most are written as selects the
// compiler turns into conditional moves: whether a posting is an entry's
// first, in a question or an answer, and the entry's updates after. max
// of two float32s is the comparison it replaces, since no weight or score
// here is a NaN or a negative zero.
func (ix *index) scoreSlot(sc *scratch, si int, restrict bool) {
	s := &sc.slots[si]
	var bit uint64
	if si < 64 {
		bit = 1 << si
	}
	// What the slot adds to each entry depends on its alternatives and
	// the index alone: it is kept the first time, and read back after
	// (see hits.go). (The restricted walk reaches only some entries: it
	// is not kept.)
	if s.kept == nil {
		s.kept = ix.keptFor(s)
	}
	keep := false
	if s.kept != nil && !restrict {
		if kh := s.kept.hits.Load(); kh != nil {
			ix.creditHits(sc, s, bit, kh)
			return
		}
		keep = ix.hitsBytes.Load() < maxHitsBytes
	}
	// Locals, not the scratch's fields, in the loops: a slice appended
	// through a pointer is written back to memory at every step.
	hit, ent := sc.hit, sc.ent
	n := 0
	for k := uint8(0); k < s.nalt; k++ {
		a := s.alts[k]
		if d := ix.denseOf[a.term]; restrict && d >= 0 {
			dt := &ix.dense[d]
			hit = room(hit, n, len(sc.cand))
			for _, e := range sc.cand {
				if v := dt.score[e]; v > 0 {
					n = hitEntry(hit, n, &ent[e], e, a.w, v, dt.strong[e])
				}
			}
			continue
		}
		post := ix.post[a.term]
		hit = room(hit, n, len(post))
		for _, p := range post {
			n = hitEntry(hit, n, &ent[p.entry], p.entry, a.w, p.score, p.strong)
		}
	}
	sc.hit = hit
	var hs []entryHit
	if keep {
		hs = make([]entryHit, n)
	}
	var mx float32
	nt := len(sc.touched)
	touched := room(sc.touched, nt, n)
	for i, e := range hit[:n] {
		a := &ent[e]
		h := newEntryHit(e, a.best, a.way)
		if keep {
			// An entry listed twice (its first postings scored 0) is
			// kept twice, the second time with the zeros it then adds.
			hs[i] = h
		}
		touched[nt] = e
		if !a.seen {
			nt++
		}
		a.seen = true
		mx = max(mx, h.credit(a, s, bit))
		a.best, a.way = 0, [2]float32{}
	}
	sc.touched = touched[:nt]
	sc.possible += mx
	if keep {
		ix.keepHits(s.kept, hs)
	}
	if !restrict || !ix.hasDense(s) {
		ix.scoreVariants(sc, s)
	}
}

// room returns s, at its full length, with room for more items after the
// first n (and one spare, for the writes that are kept or not).
func room(s []int32, n, more int) []int32 {
	if cap(s) < n+more+1 {
		s = slices.Grow(s[:n], more+1)
	}
	return s[:cap(s)]
}

// hitEntry records that entry e (at a) matches the current slot through
// an alternative of weight w with posting score v. hit[:n] lists the
// entries the slot reached; e is written at hit[n] and kept (n+1
// returned) if it is the entry's first posting.
func hitEntry(hit []int32, n int, a *entryAcc, e int32, w, v float32, strong bool) int {
	hit[n] = e
	if a.best == 0 {
		n++
	}
	// max, not a branch on the comparison: whether a posting beats the
	// entry's earlier ones is a coin toss the predictor loses.
	a.best = max(a.best, w*v)
	k := 0
	if strong {
		k = 1
	}
	a.way[k] = max(a.way[k], w)
	return n
}

// candidates collects, when the message has both very common and rarer
// terms, the entries holding a rarer one, and reports whether scoring
// should be restricted to them.
func (ix *index) candidates(sc *scratch) bool {
	if len(ix.dense) == 0 {
		return false
	}
	hasCommon := false
	for si := range sc.slots {
		s := &sc.slots[si]
		for k := uint8(0); !s.absorbed && !s.light && k < s.nalt; k++ {
			hasCommon = hasCommon || ix.denseOf[s.alts[k].term] >= 0
		}
	}
	if !hasCommon {
		return false
	}
	for si := range sc.slots {
		s := &sc.slots[si]
		if s.absorbed || s.light {
			continue
		}
		for k := uint8(0); k < s.nalt; k++ {
			if ix.denseOf[s.alts[k].term] >= 0 {
				continue
			}
			for _, p := range ix.post[s.alts[k].term] {
				if !sc.inCand[p.entry] {
					sc.inCand[p.entry] = true
					sc.cand = append(sc.cand, p.entry)
				}
			}
		}
	}
	if len(sc.cand) > 0 {
		return true
	}
	return false
}
