package faq

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
	// Set after ranking, for the confidence.
	p, margin float64
}

// rankVector is what the ranking model reads.
func (f *features) rankVector() []float64 {
	return []float64{f.cover, f.weak, f.share, f.qsim, f.spec, f.vrec, f.relShare, f.relQsim, f.relCover}
}

// confVector is what the confidence model reads.
func (f *features) confVector() []float64 {
	return []float64{f.p, f.margin, f.cover, f.spec, f.unknown, f.uspec, f.qsim}
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
	var total, possible, unknown, spec, uspec float64
	for i := range sc.slots {
		s := &sc.slots[i]
		if s.absorbed {
			continue
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
		}
		if sc.qsim[e] > 0 {
			v := sc.bestV[e]
			f.vrec = float64(sc.vsum[v] / ix.vars.total[v])
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
	for i := range cs {
		cs[i].f.p = sigmoid(linear(ix.p.rank, cs[i].f.rankVector()))
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
