package faq

import "math"

// features describe how one candidate entry matches a message. A linear
// model (rankWeights) turns them into the probability that the entry is
// the one the patient meant; a second one (params.conf) decides
// whether the best is sure enough to be given as the answer.
type features struct {
	cover   float64 // share of the message's weight matched in question fields
	weak    float64 // share matched only in the answer
	share   float64 // share of the best score each slot could get anywhere
	qsim    float64 // Dice with the entry's closest question variant
	spec    float64 // share of the message's specific words matched in question fields
	vrec    float64 // share of the closest variant's weight the message matched
	unknown float64 // share of the message's weight the KB has never seen
	uspec   float64 // the same, for specific words only
	// Relative to the best candidate on each: 1 for the best.
	relShare, relQsim, relCover float64
	// qtype is 1 when the entry's questions ask with the message's
	// question words (when/where/how much...), 0 when they ask with
	// others, 0.5 when either has none.
	qtype float64
	// key is 1 when the entry matches the message's weightiest word in a
	// question field.
	key float64
	// Set after ranking, for the confidence.
	p, margin float64
	// novel is the share of the message's specific words the knowledge
	// base does not hold as such: unknown, or found only through a typo
	// fix, a related word or a category ("walgreens" → pharmacy).
	novel float64
	// nspec is how many specific words the entry matches in a question
	// field, over 3, at most 1.
	nspec float64
	// advice is 1 when the message asks for individual medical advice.
	advice float64
}

// rankVector is what the ranking model reads.
func (f *features) rankVector() []float64 {
	return []float64{f.cover, f.weak, f.share, f.qsim, f.spec, f.vrec, f.relShare, f.relQsim, f.relCover, f.qtype, f.key}
}

// confVector is what the confidence model reads.
func (f *features) confVector() []float64 {
	return []float64{f.p, f.margin, f.cover, f.spec, f.unknown, f.novel, f.qsim, f.nspec, f.advice}
}

// preselect is how many entries, by the plain score, the model re-ranks.
const preselect = 10

// cand is a candidate under evaluation.
type cand struct {
	e int32
	f features
}

// candidates picks the best entries by the plain score and computes their
// features (not yet p and margin).
func (ix *index) rankCandidates(sc *scratch) []cand {
	var total, possible, unknown, spec, uspec, novel float64
	keySlot, keyW := -1, float32(0)
	for i := range sc.slots {
		s := &sc.slots[i]
		if s.absorbed {
			continue
		}
		if !s.unknown && s.cw > keyW && i < 64 {
			keySlot, keyW = i, s.cw
		}
		total += float64(s.cw)
		possible += float64(sc.maxSlot[i])
		if s.specific() {
			spec += float64(s.cw)
		}
		if s.unknown {
			unknown += float64(s.cw)
			if s.specific() {
				uspec += float64(s.cw)
			}
		}
		if s.specific() && !s.exact() {
			novel += float64(s.cw)
		}
	}
	advice := 0.0
	if sc.advice {
		advice = 1
	}
	for _, e := range sc.touched {
		sc.final[e] = float32(float64(sc.score[e])/possible) + ix.p.qsim*sc.qsim[e]
	}
	top := sc.top[:0]
	for _, e := range sc.touched {
		pos := len(top)
		for pos > 0 && better(sc.final, e, top[pos-1]) {
			pos--
		}
		if pos >= preselect {
			continue
		}
		if len(top) < preselect {
			top = append(top, 0)
		}
		copy(top[pos+1:], top[pos:len(top)-1])
		top[pos] = e
	}
	sc.top = top
	cs := sc.cands[:0]
	var maxShare, maxQsim, maxCover float64
	for _, e := range top {
		f := features{
			cover:   ratio(float64(sc.cover[e]), total),
			weak:    ratio(float64(sc.weak[e]), total),
			share:   ratio(float64(sc.score[e]), possible),
			qsim:    float64(sc.qsim[e]),
			spec:    ratio(float64(sc.spec[e]), spec),
			unknown: ratio(unknown, total),
			uspec:   ratio(uspec, total),
			novel:   ratio(novel, spec),
			advice:  advice,
		}
		var nspec int
		for si := range sc.slots {
			if si < 64 && sc.strong[e]&(1<<si) != 0 && sc.slots[si].specific() {
				nspec++
			}
		}
		f.nspec = min(float64(nspec)/3, 1)
		if sc.qsim[e] > 0 {
			v := sc.bestV[e]
			f.vrec = float64(sc.vsum[v] / ix.vars.total[v])
		}
		f.qtype = 0.5
		if m := ix.vars.mask[e]; m != 0 && sc.qmask != 0 {
			f.qtype = 0
			if m&sc.qmask != 0 {
				f.qtype = 1
			}
		}
		if keySlot >= 0 && sc.strong[e]&(1<<keySlot) != 0 {
			f.key = 1
		}
		maxShare, maxQsim, maxCover = max(maxShare, f.share), max(maxQsim, f.qsim), max(maxCover, f.cover)
		cs = append(cs, cand{e: e, f: f})
	}
	for i := range cs {
		f := &cs[i].f
		f.relShare, f.relQsim, f.relCover = ratio(f.share, maxShare), ratio(f.qsim, maxQsim), ratio(f.cover, maxCover)
	}
	sc.cands = cs
	return cs
}

func (ix *index) result(sc *scratch, l lang) Result {
	res := Result{Lang: l.code()}
	if res.Lang == "" {
		res.Lang = ix.kbLang.code()
	}
	cs := ix.rankCandidates(sc)
	if len(cs) == 0 {
		return res
	}
	// The ranking model is a conditional logit: the chance of each
	// candidate is the softmax of its linear score over the candidates.
	var mx float64 = math.Inf(-1)
	for i := range cs {
		cs[i].f.p = linear(ix.p.rank, cs[i].f.rankVector())
		mx = max(mx, cs[i].f.p)
	}
	var z float64
	for i := range cs {
		cs[i].f.p = math.Exp(cs[i].f.p - mx)
		z += cs[i].f.p
	}
	for i := range cs {
		cs[i].f.p /= z
	}
	// Insertion sort: ten items, stable, and no allocation.
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && cs[j].f.p > cs[j-1].f.p; j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
	n := min(len(cs), MaxCandidates)
	res.Candidates = make([]Candidate, n)
	for i := range n {
		f := &cs[i].f
		next := 0.0
		if i+1 < len(cs) {
			next = cs[i+1].f.p
		}
		f.margin = f.p - next
		conf := f.p
		if i == 0 {
			conf = sigmoid(linear(ix.p.conf, f.confVector()))
		}
		res.Candidates[i] = Candidate{Entry: ix.entries[cs[i].e], Score: float64(sc.final[cs[i].e]), Confidence: conf, f: *f}
	}
	ix.decide(&res)
	return res
}

// linear is w[0] + Σ w[i+1]·x[i].
func linear(w, x []float64) float64 {
	z := w[0]
	for i, v := range x {
		z += w[i+1] * v
	}
	return z
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}
