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
	sc.tok.split(text)
	sc.text = string(sc.tok.buf)
	l := detect(text, sc.text, sc.tok.toks, langHint)
	ix.slots(sc, l)
	ix.score(sc)
	return ix.result(sc, l)
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
				sc.cover[e] += s.cw * sc.bestStr[e]
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
		sc.qsim[e] = max(sc.qsim[e], 2*sc.vsum[v]/(qtotal+ix.vars.total[v]))
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

// features of a candidate that the confidence is computed from.
type features struct {
	cover   float64 // share of the message's weight matched in question fields
	weak    float64 // share matched only in the answer
	share   float64 // share of the best score each slot could get anywhere
	qsim    float64 // cosine with the entry's closest question variant
	margin  float64 // how far ahead of the next candidate, relative
	matched int     // slots it matched
	unknown float64 // share of the message's weight the KB has never seen
}

// vector is the features as the confidence model reads them.
func (f features) vector() []float64 {
	return []float64{f.cover, f.weak, f.share, f.qsim, f.margin, f.unknown}
}

func (ix *index) result(sc *scratch, l lang) Result {
	res := Result{Lang: l.code()}
	if res.Lang == "" {
		res.Lang = ix.kbLang.code()
	}
	var total, possible, unknown float64
	for i := range sc.slots {
		s := &sc.slots[i]
		if s.absorbed {
			continue
		}
		total += float64(s.cw)
		possible += float64(sc.maxSlot[i])
		if s.unknown {
			unknown += float64(s.cw)
		}
	}
	for _, e := range sc.touched {
		sc.final[e] = float32(float64(sc.score[e])/possible) + ix.p.qsim*sc.qsim[e]
	}
	// The best MaxCandidates, by score then entry order.
	top := sc.top[:0]
	for _, e := range sc.touched {
		pos := len(top)
		for pos > 0 && better(sc.final, e, top[pos-1]) {
			pos--
		}
		if pos >= MaxCandidates {
			continue
		}
		if len(top) < MaxCandidates {
			top = append(top, 0)
		}
		copy(top[pos+1:], top[pos:len(top)-1])
		top[pos] = e
	}
	sc.top = top
	if len(top) == 0 {
		return res
	}
	res.Candidates = make([]Candidate, len(top))
	for i, e := range top {
		f := features{
			cover:   float64(sc.cover[e]) / total,
			weak:    float64(sc.weak[e]) / total,
			share:   float64(sc.score[e]) / possible,
			qsim:    float64(sc.qsim[e]),
			unknown: unknown / total,
		}
		next := float64(0)
		if i+1 < len(top) {
			next = float64(sc.final[top[i+1]])
		}
		if i == 0 {
			f.margin = 1 - next/float64(sc.final[e])
		}
		res.Candidates[i] = Candidate{Entry: ix.entries[e], Score: float64(sc.final[e]), Confidence: confidence(f), f: f}
	}
	ix.decide(&res)
	return res
}

func better(score []float32, a, b int32) bool {
	return score[a] > score[b] || score[a] == score[b] && a < b
}

func sigmoid(x float64) float64 { return 1 / (1 + math.Exp(-x)) }
