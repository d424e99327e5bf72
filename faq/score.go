package faq

import (
	"math"
	"unicode/utf8"
)

// maxQueryBytes bounds the text Match reads: a chat message longer than
// this is a paste, and its first part says what it is about.
const maxQueryBytes = 8 << 10

// Match ranks the entries for a patient's message. langHint is the
// platform's idea of the sender's language ("es", "en-US", or ""); the text
// itself decides, and the hint only breaks ties. Match is safe for
// concurrent use and allocates little.
func (kb *KB) Match(text, langHint string) Result {
	ix := kb.idx
	if len(text) > maxQueryBytes {
		cut := maxQueryBytes
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	sc := ix.getScratch()
	defer ix.putScratch(sc)
	l := ix.analyzeQuery(sc, text, langHint)
	ix.score(sc)
	return ix.result(sc, l)
}

// analyzeQuery splits and analyses a message into sc and returns its
// language.
func (ix *index) analyzeQuery(sc *scratch, text, langHint string) lang {
	sc.tok.split(text)
	sc.text = string(sc.tok.buf)
	sc.qmask = questionMask(&sc.tok, sc.text)
	l := detect(text, sc.text, sc.tok.toks, langHint, ix.kbLang)
	ix.slots(sc, l)
	return l
}

// score adds up, for every entry, each slot's best-matching term (BM25F),
// and for every question variant its Dice with the message.
//
// In a large knowledge base a very common term ("symptoms" among 10,000
// medical questions) has postings for thousands of entries, and walking
// them would cost more than everything else. When the message also has a
// rarer term, only the entries holding one of those can win; the common
// terms are then looked up for those candidates alone, in a dense array.
func (ix *index) score(sc *scratch) {
	sc.maxSlot = sc.maxSlot[:0]
	restrict := ix.candidates(sc)
	var qtotal float32
	defer func() { sc.qtotal = qtotal }()
	for si := range sc.slots {
		s := &sc.slots[si]
		if s.absorbed || s.nalt == 0 {
			sc.maxSlot = append(sc.maxSlot, 0)
			if !s.absorbed && !s.light {
				qtotal += s.cw
			}
			continue
		}
		if !s.light {
			qtotal += s.cw
			ix.scoreVariants(sc, s, restrict)
		}
		sc.slotHit = sc.slotHit[:0]
		for k := uint8(0); k < s.nalt; k++ {
			a := s.alts[k]
			if d := ix.denseOf[a.term]; restrict && d >= 0 {
				for _, e := range sc.cand {
					if v := ix.dense[d].score[e]; v > 0 {
						ix.hit(sc, e, a.w, v, ix.dense[d].strong[e])
					}
				}
				continue
			}
			for _, p := range ix.post[a.term] {
				ix.hit(sc, p.entry, a.w, p.score, p.strong)
			}
		}
		var mx float32
		for _, e := range sc.slotHit {
			v := s.w * sc.best[e]
			if sc.score[e] == 0 {
				sc.touched = append(sc.touched, e)
			}
			sc.score[e] += v
			// Coverage credits the way the word matched: a synonym fully,
			// a related word or a category less.
			if sc.bestStr[e] > 0 {
				if si < 64 {
					sc.strong[e] |= 1 << si
				}
				sc.cover[e] += s.cw * sc.bestStr[e]
				if s.specific() {
					sc.spec[e] += s.cw * sc.bestStr[e]
				}
			} else {
				sc.weak[e] += s.cw * sc.bestWeak[e]
			}
			mx = max(mx, v)
			sc.best[e], sc.bestStr[e], sc.bestWeak[e] = 0, 0, 0
		}
		sc.maxSlot = append(sc.maxSlot, mx)
	}
	for _, e := range sc.cand {
		sc.inCand[e] = false
	}
	sc.cand = sc.cand[:0]
	// The closest variant of each entry: Dice of the idf-weighted words,
	// so a variant must say most of what the message says, and the
	// message most of what the variant says.
	for _, v := range sc.vtouch {
		e := ix.vars.entry[v]
		if d := 2 * sc.vsum[v] / (qtotal + ix.vars.total[v]); d > sc.qsim[e] {
			sc.qsim[e], sc.bestV[e] = d, v
		}
	}
}

// hit records that entry e matches the current slot through an
// alternative of weight w with posting score v.
func (ix *index) hit(sc *scratch, e int32, w, v float32, strong bool) {
	if sc.best[e] == 0 {
		sc.slotHit = append(sc.slotHit, e)
	}
	sc.best[e] = max(sc.best[e], w*v)
	if strong {
		sc.bestStr[e] = max(sc.bestStr[e], w)
	} else {
		sc.bestWeak[e] = max(sc.bestWeak[e], w)
	}
}

// candidates collects, when the message has both common and rarer terms,
// the entries holding a rarer one, and reports whether scoring should be
// restricted to them.
func (ix *index) candidates(sc *scratch) bool {
	if len(ix.dense) == 0 {
		return false
	}
	hasCommon := false
	for si := range sc.slots {
		s := &sc.slots[si]
		if s.absorbed {
			continue
		}
		for k := uint8(0); k < s.nalt; k++ {
			if ix.denseOf[s.alts[k].term] >= 0 {
				hasCommon = true
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
	if hasCommon && len(sc.cand) > 0 {
		return true
	}
	for _, e := range sc.cand {
		sc.inCand[e] = false
	}
	sc.cand = sc.cand[:0]
	return false
}

// scoreVariants adds one slot's best match to every variant it reaches.
//
// When restricted, common terms are left out of the variants' sums: their
// idf is low, so they change a Dice little, and walking them is what the
// restriction avoids.
func (ix *index) scoreVariants(sc *scratch, s *slot, restrict bool) {
	sc.vhit = sc.vhit[:0]
	for k := uint8(0); k < s.nalt; k++ {
		a := s.alts[k]
		if restrict && ix.denseOf[a.term] >= 0 {
			continue
		}
		for _, p := range ix.vars.post[a.term] {
			if sc.vbest[p.v] == 0 {
				sc.vhit = append(sc.vhit, p.v)
			}
			sc.vbest[p.v] = max(sc.vbest[p.v], a.w*p.w)
		}
	}
	for _, v := range sc.vhit {
		if sc.vsum[v] == 0 {
			sc.vtouch = append(sc.vtouch, v)
		}
		sc.vsum[v] += s.w * sc.vbest[v]
		sc.vbest[v] = 0
	}
}

func better(score []float32, a, b int32) bool {
	return score[a] > score[b] || score[a] == score[b] && a < b
}

func sigmoid(x float64) float64 { return 1 / (1 + math.Exp(-x)) }
