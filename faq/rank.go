package faq

import "math"

// features describe how one candidate entry matches a message, each on a
// scale that means the same in any knowledge base (shares and
// similarities, not raw scores).
type features struct {
	lexN     float64 // BM25F as a share of the best each word got anywhere
	nn       float64 // Dice with the closest phrasing
	cover    float64 // share of the message's weight found in question fields
	coverAll float64 // the same, answers included at answerCover
	vrec     float64 // share of the closest phrasing's weight the message says
	qtype    float64 // 1: asks with the same question words; 0: others; 0.5: unknown
	clf      float64 // the classifier's chance
	// wUni and wBi are the best Dice of the message's words, and of its
	// pairs of words, with a phrasing (see wording.go).
	wUni, wBi float64
	// negMis is 1 when the message has a negation and the closest
	// phrasing has none, or the reverse: "a visit with my insurance" is
	// not "a visit without insurance".
	negMis float64
	// For the confidence, set after ranking.
	p       float64 // the ranking model's chance
	margin  float64 // p minus the next candidate's
	unknown float64 // share of the message's weight no entry knows
	missMax float64 // the weightiest word the entry does not match, over the rarest term's idf
	missSum float64 // share of the message's weight the entry does not match
	guess   float64 // share matched only through guesses (typo, related word, category)
	// keyHit is 1 when the entry matches the message's weightiest word
	// surely (not through a guess); nspec is how many content words it
	// matches surely, over three, at most 1.
	keyHit, nspec float64
	// agree is the share of the three rankings (BM25F, closest phrasing,
	// classifier) that put this entry first among the candidates.
	agree float64
	// lightOnly: the entry matches only light words of the
	// message ("thank you so much" matches "how much" and nothing else).
	lightOnly bool
	advice    float64 // 1 when the message asks for individual medical advice and the entry's closest phrasing does not
}

func (f *features) rankVector() []float64 {
	return []float64{f.lexN, f.nn, f.cover, f.coverAll, f.vrec, f.qtype, f.clf, f.negMis, f.wUni, f.wBi}
}

// scopeVector is what the in-scope model reads: how much of the message
// the entry explains.
func (f *features) scopeVector() []float64 {
	return []float64{f.nn, f.cover, f.coverAll, f.unknown, f.missMax, f.missSum, f.guess, f.keyHit, f.nspec}
}

// rightVector is what the right-entry model reads: how clearly the entry
// beats the others.
func (f *features) rightVector() []float64 {
	return []float64{f.p, f.margin, f.clf, f.nn, f.cover, f.agree}
}

// confVector is every confidence feature, for diagnostics.
func (f *features) confVector() []float64 {
	return []float64{f.p, f.margin, f.nn, f.cover, f.coverAll, f.unknown, f.missMax, f.missSum, f.guess, f.clf}
}

// preselect is how many entries, by a plain score, the ranking model
// orders.
const preselect = 10

// cand is a candidate under evaluation.
type cand struct {
	e int32
	f features
}

// rankCandidates picks the best entries by a plain score and computes
// their features (not yet p and margin).
func (ix *index) rankCandidates(sc *scratch) []cand {
	possible := sc.possible
	top, plain := sc.top[:0], sc.plain[:0]
	for _, e := range sc.touched {
		v := sc.ent[e].nn
		if possible > 0 {
			v += sc.ent[e].lex / possible
		}
		n := len(top)
		if n == preselect && (v < plain[n-1] || v == plain[n-1] && e > top[n-1]) {
			continue
		}
		if n < preselect {
			top, plain = append(top, e), append(plain, v)
		} else {
			n--
		}
		pos := n
		for pos > 0 && (v > plain[pos-1] || v == plain[pos-1] && e < top[pos-1]) {
			top[pos], plain[pos] = top[pos-1], plain[pos-1]
			pos--
		}
		top[pos], plain[pos] = e, v
	}
	sc.top, sc.plain = top, plain
	cs := sc.cands[:0]
	for _, e := range top {
		cs = append(cs, cand{e: e})
	}
	qtotal := float64(sc.qtotal)
	ix.classify(sc, cs)
	ix.markWording(sc)
	for i := range cs {
		e := cs[i].e
		f := &cs[i].f
		*f = features{
			lexN:     ratio(float64(sc.ent[e].lex), float64(possible)),
			nn:       float64(sc.ent[e].nn),
			cover:    ratio(float64(sc.ent[e].cover), qtotal),
			coverAll: ratio(float64(sc.ent[e].coverAll), qtotal),
			clf:      float64(sc.clfP[i]),
			qtype:    0.5,
		}
		f.wUni, f.wBi = ix.wordingOf(sc, e)
		if sc.ent[e].nn > 0 {
			v := sc.ent[e].bestV
			f.vrec = float64(min(sc.vsum[v]/ix.vars.total[v], 1))
			if ix.vars.neg[v] != sc.neg {
				f.negMis = 1
			}
		}
		if m := ix.vars.mask[e]; m != 0 && sc.qmask != 0 {
			f.qtype = 0
			if m&sc.qmask != 0 {
				f.qtype = 1
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
	n := 3.0
	if cs[clf].f.clf == 0 { // no classifier
		n, clf = 2, -1
	}
	for _, k := range []int{lex, nn, clf} {
		if k >= 0 {
			cs[k].f.agree += 1 / n
		}
	}
}

func (ix *index) result(sc *scratch, l lang) Result {
	res := Result{Lang: l.code()}
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
	mx := math.Inf(-1)
	score := make([]float64, 0, preselect) // does not escape
	for i := range cs {
		score = append(score, linear(rankWeights, cs[i].f.rankVector()))
		mx = max(mx, score[i])
	}
	var z float64
	for i := range cs {
		cs[i].f.p = math.Exp(score[i] - mx)
		z += cs[i].f.p
	}
	for i := range cs {
		cs[i].f.p /= z
	}
	// Insertion sort of indexes: ten items, stable, no allocation, and
	// no copying of features.
	order := make([]int8, len(cs)) // does not escape
	for i := range order {
		order[i] = int8(i)
		for j := i; j > 0 && cs[order[j]].f.p > cs[order[j-1]].f.p; j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
	n := min(len(cs), MaxCandidates)
	res.Candidates = make([]Candidate, n)
	for i := range n {
		k := order[i]
		f := &cs[k].f
		if i+1 < len(cs) {
			f.margin = f.p - cs[order[i+1]].f.p
		} else {
			f.margin = f.p
		}
		conf := f.p
		if i == 0 { // only the best one's confidence decides anything
			ix.scopeFeatures(sc, f, cs[k].e)
			conf = sigmoid(linear(scopeWeights, f.scopeVector())) * sigmoid(linear(rightWeights, f.rightVector()))
		}
		if f.advice > 0 {
			conf = min(conf, adviceCap)
		}
		if i == 0 && f.lightOnly {
			conf = min(conf, lightCap)
		}
		res.Candidates[i] = Candidate{Entry: ix.entries[cs[k].e], Score: score[k], Confidence: conf, f: *f}
	}
	ix.decide(&res, sc)
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

func sigmoid(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

// answersAdvice reports whether entry e may answer an advice-like message:
// its closest phrasing asks that kind of question, and it matches every
// medicine and illness the message names ("can i drink alcohol after
// filler" answers "can i drink alcohol", not "alcohol on amoxicillin").
func (ix *index) answersAdvice(sc *scratch, e int32) bool {
	if sc.ent[e].nn == 0 || !ix.vars.advice[sc.ent[e].bestV] {
		return false
	}
	for si := range sc.slots {
		if s := &sc.slots[si]; s.medical && !s.absorbed && (si >= 64 || sc.ent[e].sure&(1<<si) == 0) {
			return false
		}
	}
	return true
}

// scopeFeatures sets the features of how much of the message entry e
// explains, for the confidence.
func (ix *index) scopeFeatures(sc *scratch, f *features, e int32) {
	qtotal := float64(sc.qtotal)
	if sc.advice && !ix.answersAdvice(sc, e) {
		f.advice = 1
	}
	var unknown, missMax, missSum, guess, keyW float32
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
		case sc.ent[e].sure&bit == 0:
			guess += s.cw
		}
	}
	f.unknown = ratio(float64(unknown), qtotal)
	f.missMax = float64(missMax / ix.maxIDF)
	f.missSum = ratio(float64(missSum), qtotal)
	f.guess = ratio(float64(guess), qtotal)
	f.nspec = min(float64(nspec)/3, 1)
	f.lightOnly = !heavy
	if key {
		f.keyHit = 1
	}
}
