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
// and for every question variant its cosine with the message.
func (ix *index) score(sc *scratch) {
	sc.maxSlot = sc.maxSlot[:0]
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
			ix.scoreVariants(sc, s)
		}
		sc.slotHit = sc.slotHit[:0]
		for k := uint8(0); k < s.nalt; k++ {
			a := s.alts[k]
			for _, p := range ix.post[a.term] {
				e := p.entry
				if sc.best[e] == 0 {
					sc.slotHit = append(sc.slotHit, e)
				}
				sc.best[e] = max(sc.best[e], a.w*p.score)
				sc.bestStr[e] = sc.bestStr[e] || p.strong
			}
		}
		var mx float32
		for _, e := range sc.slotHit {
			v := s.w * sc.best[e]
			if sc.score[e] == 0 {
				sc.touched = append(sc.touched, e)
			}
			sc.score[e] += v
			if sc.bestStr[e] {
				sc.cover[e] += s.cw
			} else {
				sc.weak[e] += s.cw
			}
			mx = max(mx, v)
			sc.best[e], sc.bestStr[e] = 0, false
		}
		sc.maxSlot = append(sc.maxSlot, mx)
	}
	// The closest variant of each entry: Dice of the idf-weighted words,
	// so a variant must say most of what the message says, and the
	// message most of what the variant says.
	for _, v := range sc.vtouch {
		e := ix.vars.entry[v]
		sc.qsim[e] = max(sc.qsim[e], 2*sc.vsum[v]/(qtotal+ix.vars.total[v]))
	}
}

// scoreVariants adds one slot's best match to every variant it reaches.
func (ix *index) scoreVariants(sc *scratch, s *slot) {
	sc.vhit = sc.vhit[:0]
	for k := uint8(0); k < s.nalt; k++ {
		a := s.alts[k]
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
