package faq

import (
	"math"
	"slices"
)

// preselect is how many entries, by a plain score, the ranking model
// orders. Their features are most of a match's cost. Ten cost 13% more
// time than eight for the same P@1 on every evaluation set (to within a
// message or two) and the same threshold-free confidence figures in
// TestCalibrate's cross-validation; six lose some P@1 there (a clinic
// fold 0.919 against 0.929, deepset-covid 0.570 against 0.574).
const preselect = 8

// cand is a candidate under evaluation.
type cand struct {
	e int32
	f features
}

// rankCandidates picks the best entries by a plain score and computes
// their features (not yet p and margin).
func (ix *index) rankCandidates(sc *scratch) []cand {
	possible := sc.possible
	// The best entries by plain score, ties to the lower entry, as keys
	// that order the same way: the score's bits (a float that is never
	// negative or NaN orders as its bits do) above the entry's complement.
	// An entry that beats the last of the row passes down the row by max
	// and min, which compile to conditional moves: where it lands is data
	// the branch predictor could not guess, and the insertion sort this
	// replaces lost much of its time there. An empty place is 0, below
	// every key.
	//
	// The keys are computed first, in a loop of their own: their
	// divisions, independent of each other, then go at the divider's
	// pace, and a mispredicted branch of the row does not wait on one.
	keys := slices.Grow(sc.keys[:0], len(sc.touched))[:len(sc.touched)]
	for i, e := range sc.touched {
		v := sc.ent[e].nn
		if possible > 0 {
			v += sc.ent[e].lex / possible
		}
		keys[i] = uint64(math.Float32bits(v))<<32 | uint64(^uint32(e))
	}
	sc.keys = keys
	var row [preselect]uint64
	for _, x := range keys {
		if x < row[preselect-1] {
			continue
		}
		for i := range row {
			row[i], x = max(row[i], x), min(row[i], x)
		}
	}
	top := sc.top[:0]
	for _, x := range row[:min(preselect, len(sc.touched))] {
		top = append(top, int32(^uint32(x)))
	}
	sc.top = top
	// The features are set whole below: no need to clear them here.
	cs := slices.Grow(sc.cands[:0], len(top))[:len(top)]
	for i, e := range top {
		cs[i].e = e
	}
	qtotal := float64(sc.qtotal)
	ix.classify(sc, cs)
	ix.markWording(sc)
	for i := range cs {
		e := cs[i].e
		f := &cs[i].f
		*f = features{
			lexN:     ratio(float64(sc.ent[e].lex), float64(possible)),
			nn:       sc.ent[e].nn,
			cover:    ratio(float64(sc.ent[e].cover), qtotal),
			coverAll: ratio(float64(sc.ent[e].coverAll), qtotal),
			clf:      sc.clfP[i],
			qtype2:   1,
			wording:  ix.wordingOf(sc, e),
		}
		if sc.ent[e].nn > 0 {
			v := sc.ent[e].bestV
			f.vrec = min(sc.vsum[v]/ix.vars.total[v], 1)
			f.negMis = ix.vars.neg[v] != sc.neg
		}
		if m := ix.vars.mask[e]; m != 0 && sc.qmask != 0 {
			f.qtype2 = 0
			if m&sc.qmask != 0 {
				f.qtype2 = 2
			}
		}
	}
	agreement(cs)
	sc.cands = cs
	return cs
}

// agreement sets each candidate's agree.
func agreement(cs []cand) {
	if len(cs) == 0 {
		return
	}
	var lex, nn, clf int
	for i := range cs {
		if cs[i].f.lexN > cs[lex].f.lexN {
			lex = i
		}
		if cs[i].f.nn > cs[nn].f.nn {
			nn = i
		}
		if cs[i].f.clf > cs[clf].f.clf {
			clf = i
		}
	}
	n := uint8(3)
	if cs[clf].f.clf == 0 { // no classifier
		n, clf = 2, -1
	}
	for i := range cs {
		cs[i].f.agreeN = n
	}
	for _, k := range []int{lex, nn, clf} {
		if k >= 0 {
			cs[k].f.agreeK++
		}
	}
}

func (ix *index) result(sc *scratch, l lang, explained bool) Result {
	res := Result{Lang: l.code(), Advice: sc.advice || sc.told}
	if res.Lang == "" {
		res.Lang = ix.kbLang.code()
	}
	cs := ix.rankCandidates(sc)
	if len(cs) == 0 {
		ix.decide(&res, sc)
		return res
	}
	// The ranking model is a conditional logit: the chance of each
	// candidate is the softmax of its linear score over the candidates.
	// The reranking trees then add to the best ones' scores what the
	// linear model missed, and the chances that order the candidates and
	// decide which are offered (prob) are taken again. The confidence
	// reads the linear chances (f.p), which say how clearly the features
	// single one entry out: the reranker was trained on messages with a
	// right entry to find, and sharpens the chances of any message's best
	// candidate alike. Fed its chances, the confidence answered more of
	// the blind sets' out-of-scope messages.
	score := make([]float64, len(cs), preselect) // does not escape
	prob := make([]float64, len(cs), preselect)  // does not escape
	order := make([]int8, len(cs))               // does not escape
	rankLinear(cs, score, prob, order)
	if len(rerankModel.leaf) > 0 {
		// The softmax of the new scores is the linear chances with the
		// reranked ones times e^margin, normalized again: three
		// exponentials instead of one per candidate.
		var xs [rerankK][boostDim]float64
		z := 1.0
		for r := range rerankInputs(cs, order, &xs) {
			k := order[r]
			m := rerankModel.margin(&xs[r])
			score[k] += m
			z -= prob[k]
			prob[k] *= math.Exp(m)
			z += prob[k]
		}
		for i := range prob {
			prob[i] /= z
		}
		sortBy(prob, order)
	}
	// The two best linear chances, for each candidate's margin over the
	// others.
	var top, second float64
	for i := range cs {
		top, second = max(top, cs[i].f.p), max(second, min(top, cs[i].f.p))
	}
	n := min(len(cs), MaxCandidates)
	res.Candidates = make([]Candidate, n)
	var kept []features
	if explained {
		kept = make([]features, n)
	}
	for i := range n {
		k := order[i]
		f := &cs[k].f
		f.margin = f.p - top
		if f.p == top {
			f.margin = f.p - second
		}
		conf := prob[k]
		if i == 0 { // only the best one's confidence decides anything
			ix.scopeFeatures(sc, f, cs[k].e)
			var runner *features
			if len(cs) > 1 {
				runner = &cs[order[1]].f
			}
			conf = confidenceOf(f, runner, ix.clf == nil)
		}
		if f.advice || i == 0 && sc.told && !ix.asksAdvice(sc, cs[k].e) {
			conf = min(conf, adviceCap)
		}
		// In a bare knowledge base (no classifier) an entry's one phrasing
		// often shares no word with a message its answer answers; its own
		// confidence model learned from such matches (see lightCap).
		noPhrasing := f.nn == 0 && ix.clf != nil
		if i == 0 && (f.lightOnly || noPhrasing || sc.others || sc.knowledge && !ix.vars.knowledge[sc.ent[cs[k].e].bestV]) {
			conf = min(conf, lightCap)
		}
		res.Candidates[i] = Candidate{Entry: ix.entries[cs[k].e], Score: score[k], Confidence: conf, p: prob[k]}
		if explained {
			kept[i] = *f
			res.Candidates[i].f = &kept[i]
		}
	}
	ix.decide(&res, sc)
	return res
}

// rankLinear sets each candidate's score by the linear ranking model,
// its chance in prob and in its p, and order to the candidates by chance.
func rankLinear(cs []cand, score, prob []float64, order []int8) {
	for i := range cs {
		score[i] = linear(rankWeights, cs[i].f.rankVector())
	}
	softmax(score, prob)
	for i := range cs {
		cs[i].f.p = prob[i]
	}
	sortBy(prob, order)
}

// softmax sets prob to the softmax of score.
func softmax(score, prob []float64) {
	mx := math.Inf(-1)
	for _, v := range score {
		mx = max(mx, v)
	}
	var z float64
	for i, v := range score {
		prob[i] = math.Exp(v - mx)
		z += prob[i]
	}
	for i := range prob {
		prob[i] /= z
	}
}

// sortBy sets order to the indexes of prob, highest first: an insertion
// sort, stable, of at most preselect items, with no allocation.
func sortBy(prob []float64, order []int8) {
	for i := range order {
		order[i] = int8(i)
		for j := i; j > 0 && prob[order[j]] > prob[order[j-1]]; j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
}

// rerankK is how many of the linear ranking's best candidates the
// reranking trees reorder: in cross-validation five were ordered no
// better than three, at more cost.
const rerankK = 3

// rerankInputs sets xs to what the reranking trees read about the best
// candidates by order, up to rerankK of them, and returns how many.
func rerankInputs(cs []cand, order []int8, xs *[rerankK][boostDim]float64) int {
	var b best
	for i := range cs {
		b.add(&cs[i].f)
	}
	n := min(rerankK, len(cs))
	for r := range n {
		xs[r] = cs[order[r]].f.rerankVector(r, &b)
	}
	return n
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

func sigmoid(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

// answersAdvice reports whether entry e may answer an advice-like message:
// its closest phrasing asks that kind of question, and it matches every
// medicine and illness the message names ("can i drink alcohol after
// filler" answers "can i drink alcohol", not "alcohol on amoxicillin").
func (ix *index) answersAdvice(sc *scratch, e int32) bool {
	if !ix.asksAdvice(sc, e) {
		return false
	}
	for si := range sc.slots {
		if s := &sc.slots[si]; s.medical && !s.absorbed && (si >= 64 || sc.ent[e].sure&(1<<si) == 0) {
			return false
		}
	}
	return true
}

// asksAdvice reports whether entry e's phrasing closest to the message
// asks for advice or tells a reading or a symptom: the clinic chose to
// answer that kind of message.
func (ix *index) asksAdvice(sc *scratch, e int32) bool {
	return sc.ent[e].nn != 0 && ix.vars.advice[sc.ent[e].bestV]
}

// scopeFeatures sets the features of how much of the message entry e
// explains, for the confidence.
func (ix *index) scopeFeatures(sc *scratch, f *features, e int32) {
	qtotal := float64(sc.qtotal)
	if sc.advice && !ix.answersAdvice(sc, e) {
		f.advice = true
	}
	var unknown, missMax, missSum, guess, keyW, missRare float32
	key, nspec, heavy := false, 0, false
	for si := range sc.slots {
		s := &sc.slots[si]
		if s.absorbed || si >= 64 {
			continue
		}
		if s.unknown {
			unknown += s.cw
		}
		sure := sc.ent[e].sure&(1<<si) != 0
		if s.cw > keyW {
			keyW, key = s.cw, sure
		}
		if sure && !s.light && s.w > numberWeight {
			nspec++
		}
		if !s.light && sc.ent[e].matched&(1<<si) != 0 {
			heavy = true
		}
		switch bit := uint64(1) << si; {
		case sc.ent[e].matched&bit == 0:
			missMax, missSum = max(missMax, s.cw), missSum+s.cw
			if !s.common {
				missRare += s.cw
			}
		case sc.ent[e].sure&bit == 0:
			guess += s.cw
		}
	}
	f.unknown = ratio(float64(unknown), qtotal)
	f.missMax = missMax / ix.maxIDF
	f.missSum = ratio(float64(missSum), qtotal)
	f.missRare = float32(ratio(float64(missRare), qtotal))
	f.guess = ratio(float64(guess), qtotal)
	f.nspec = uint8(min(nspec, 3))
	f.lightOnly = !heavy
	f.keyHit = key
}
