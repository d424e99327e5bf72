package faq

import (
	"math"
	"math/rand/v2"
	"strings"
)

// classifier is a multinomial logistic regression from a message's terms
// to the entry it asks for, trained when the index is built on the
// knowledge base's own phrasings (each question, alternate and
// translation, labelled with its entry) and, at a lower weight, its
// answers. It learns which words tell similar entries apart ("toddler"
// for the children's flu shot, not the adults'), which BM25's idf cannot:
// idf says how rare a word is, not which entry it points to.
//
// Its features are the terms of the index: a synonym group's concept,
// a translation or a typo fix reach the same feature as the word itself.
type classifier struct {
	nc   int       // classes: entries
	row  []int32   // term → row of w, -1 when no phrasing holds it
	w    []float32 // rows × nc
	bias []float32
	// foreign marks the terms of the language the knowledge base is not
	// written in (see foreignWeight).
	foreign []bool
}

// maxClassifierEntries bounds the knowledge bases that get a classifier:
// training and the weights grow with entries × terms, and a large
// knowledge base has few phrasings per entry to learn from anyway.
const maxClassifierEntries = 600

// minPhrasingsPerEntry is how many phrasings an entry has on average, at
// least, for a classifier to be worth training.
const minPhrasingsPerEntry = 2

// Training parameters. With inputs of unit length, a fixed number of
// epochs of plain SGD with a decaying rate converges well enough; the
// order of examples is shuffled with a fixed seed, so a knowledge base
// always gets the same model.
const (
	clfEpochs = 30
	// clfBudget bounds the multiply-adds of training, so that a large
	// knowledge base loads in a fraction of a second: fewer epochs then.
	clfBudget   = 150e6
	clfRate     = 0.5
	clfL2       = 1e-4
	answerShare = 1.0 // how much an answer counts as a training example
	// foreignWeight is how much a term of the other language counts,
	// in training and in a message. Only the entries with a translation
	// have such terms, so at full weight a Spanish word like "vacuna" or
	// "abre" was evidence for them alone: "mi mamá tuvo culebrilla, le
	// pueden poner la vacuna?" went to the translated childhood vaccines
	// over the untranslated shingles vaccine, whose "shingles" the
	// message names. At half weight the words' English meanings, which
	// every entry's phrasings share, count for more. On the Spanish
	// messages of the sets the models were not fitted on, the right entry
	// is ranked first as often or more often: 0.863 → 0.922 on blind5's
	// 90, 0.943 → 0.971, 0.911 → 0.933 and 0.889 → 0.889 on the first
	// three blind sets. From 0.35 to 0.5 the figures barely move; at 0.65
	// most of the gain is gone.
	foreignWeight = 0.5
)

type example struct {
	x  []alt // term and value, unit length
	y  int32
	sw float32
}

// trainClassifier trains the classifier on texts' phrasings, or returns
// nil: for too few or too many entries, or, with few set, too few
// phrasings.
func trainClassifier(ix *index, texts []entryText) (c *classifier, few bool) {
	if len(texts) < 2 || len(texts) > maxClassifierEntries {
		return nil, false
	}
	// With one phrasing per entry there is nothing to learn that the
	// closest phrasing does not already say, and a model of one example
	// per class is overconfident.
	var phrasings int
	for _, et := range texts {
		phrasings += len(et.phrasings)
	}
	if phrasings < minPhrasingsPerEntry*len(texts) {
		return nil, true
	}
	c = &classifier{nc: len(texts), row: make([]int32, len(ix.names)), foreign: ix.foreignTerms()}
	for i := range c.row {
		c.row[i] = -1
	}
	var rows int32
	var exs []example
	add := func(x []alt, y int, sw float32) {
		c.weighForeign(x)
		normalize(x)
		if len(x) == 0 {
			return
		}
		for _, a := range x {
			if c.row[a.term] < 0 {
				c.row[a.term] = rows
				rows++
			}
		}
		exs = append(exs, example{x: x, y: int32(y), sw: sw})
	}
	for e, et := range texts {
		for _, p := range et.phrasings {
			add(unitFeatures(p.units), e, 1)
		}
		add(termFeatures(et.terms[fKeyword]), e, 1)
		add(termFeatures(et.terms[fAnswer]), e, answerShare)
	}
	if int64(rows)*int64(c.nc) > math.MaxInt32 {
		return nil, false // classify addresses the weights with int32 offsets
	}
	c.w = make([]float32, int(rows)*c.nc)
	c.bias = make([]float32, c.nc)
	rng := rand.New(rand.NewPCG(1, 2))
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	p := make([]float32, c.nc)
	step := 0
	var perEpoch float64
	for _, ex := range exs {
		perEpoch += float64((len(ex.x) + 1) * c.nc)
	}
	epochs := clfEpochs
	if perEpoch > 0 {
		epochs = max(min(clfEpochs, int(clfBudget/perEpoch)), 3)
	}
	for range epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			ex := &exs[i]
			c.probs(ex.x, p)
			step++
			lr := float32(clfRate / math.Sqrt(1+float64(step)/float64(len(exs))))
			p[ex.y]--
			for k := range p {
				g := lr * ex.sw * p[k]
				c.bias[k] -= g
			}
			for _, a := range ex.x {
				r := c.w[int(c.row[a.term])*c.nc:][:c.nc]
				for k := range r {
					r[k] -= lr * (ex.sw*p[k]*a.w + clfL2*r[k])
				}
			}
		}
	}
	return c, false
}

// unitFeatures turns a phrasing into the classifier's input (before
// scaling to unit length): each term at the weight of its word times the
// weight of the way it matches.
func unitFeatures(us []unit) []alt {
	var x []alt
	for _, u := range us {
		for _, a := range u.alts {
			x = appendAlt(x, alt{term: a.term, w: u.w * a.w})
		}
	}
	return x
}

// termFeatures does the same for a field's terms, a repeated term
// counting once: an answer says "appointment" often, and means it once.
func termFeatures(ts []alt) []alt {
	var x []alt
	seen := make(map[int32]bool, len(ts))
	for _, a := range ts {
		if !seen[a.term] {
			seen[a.term] = true
			x = append(x, a)
		}
	}
	return x
}

func normalize(x []alt) {
	var n float32
	for _, a := range x {
		n += a.w * a.w
	}
	if n == 0 {
		return
	}
	n = float32(1 / math.Sqrt(float64(n)))
	for i := range x {
		x[i].w *= n
	}
}

// probs writes the softmax of the classes' scores for x into p.
func (c *classifier) probs(x []alt, p []float32) {
	copy(p, c.bias)
	for _, a := range x {
		r := c.row[a.term]
		if r < 0 {
			continue
		}
		for k, v := range c.w[int(r)*c.nc:][:c.nc] {
			p[k] += a.w * v
		}
	}
	mx := p[0]
	for _, v := range p {
		mx = max(mx, v)
	}
	var z float32
	for k, v := range p {
		p[k] = float32(math.Exp(float64(v - mx)))
		z += p[k]
	}
	for k := range p {
		p[k] /= z
	}
}

// classify computes the classifier's chance of each candidate, among
// the candidates: a softmax over ten entries costs a tenth of one over a
// hundred, and the others are not in the running.
func (ix *index) classify(sc *scratch, cs []cand) {
	sc.clfP = append(sc.clfP[:0], make([]float32, len(cs))...)
	if ix.clf == nil || len(cs) == 0 {
		return
	}
	c := ix.clf
	// The message's terms' rows, looked up once for all the candidates:
	// the terms the classifier knows, in the order of the input, each as
	// the offset of its row and its value.
	rows := sc.qrows[:0]
	for _, a := range ix.queryFeatures(sc, c) {
		if r := c.row[a.term]; r >= 0 {
			rows = append(rows, alt{term: r * int32(c.nc), w: a.w})
		}
	}
	sc.qrows = rows
	// Four candidates at a time: each one's sum is a chain of dependent
	// additions, in the order of the input, and four chains advance
	// together where one waited on each addition (2-3% of Match on the
	// clinic set).
	z := sc.clfP
	i := 0
	for ; i+4 <= len(cs); i += 4 {
		e0, e1, e2, e3 := cs[i].e, cs[i+1].e, cs[i+2].e, cs[i+3].e
		z0, z1, z2, z3 := c.bias[e0], c.bias[e1], c.bias[e2], c.bias[e3]
		for _, a := range rows {
			r := c.w[a.term:]
			z0 += a.w * r[e0]
			z1 += a.w * r[e1]
			z2 += a.w * r[e2]
			z3 += a.w * r[e3]
		}
		z[i], z[i+1], z[i+2], z[i+3] = z0, z1, z2, z3
	}
	for ; i < len(cs); i++ {
		e := cs[i].e
		zi := c.bias[e]
		for _, a := range rows {
			zi += a.w * c.w[a.term+e]
		}
		z[i] = zi
	}
	mx := float32(math.Inf(-1))
	for _, v := range z {
		mx = max(mx, v)
	}
	var sum float32
	for i := range sc.clfP {
		sc.clfP[i] = float32(math.Exp(float64(sc.clfP[i] - mx)))
		sum += sc.clfP[i]
	}
	for i := range sc.clfP {
		sc.clfP[i] /= sum
	}
}

// queryFeatures returns c's input for the analysed message in sc: each
// term at the weight of its slot times the weight of the way it matches,
// at unit length. It aliases sc.qx.
func (ix *index) queryFeatures(sc *scratch, c *classifier) []alt {
	x := sc.qx[:0]
	// As appendAlt would, with each term's place in x looked up in
	// sc.qpos rather than searched for: a message of a few dozen
	// alternatives made the search 1.5% of Match on the clinic set.
	if len(sc.qpos) != len(ix.names) {
		sc.qpos = make([]int32, len(ix.names))
	}
	pos := sc.qpos
	for si := range sc.slots {
		s := &sc.slots[si]
		if s.absorbed {
			continue
		}
		for k := uint8(0); k < s.nalt; k++ {
			a := alt{term: s.alts[k].term, w: s.w * s.alts[k].w}
			if p := pos[a.term]; p > 0 {
				x[p-1].w = max(x[p-1].w, a.w)
				continue
			}
			x = append(x, a)
			pos[a.term] = int32(len(x))
		}
	}
	for _, a := range x {
		pos[a.term] = 0
	}
	c.weighForeign(x)
	normalize(x)
	sc.qx = x
	return x
}

// foreignTerms marks the terms of the language the knowledge base is not
// written in: for an English one the Spanish stems, for a Spanish one the
// English stems. Synonym concepts belong to both.
func (ix *index) foreignTerms() []bool {
	f := make([]bool, len(ix.names))
	for t, n := range ix.names {
		es, concept := strings.HasPrefix(n, "es:"), strings.HasPrefix(n, "~")
		f[t] = ix.kbLang == langEN && es || ix.kbLang == langES && !es && !concept
	}
	return f
}

// weighForeign scales the other language's terms of x by foreignWeight.
func (c *classifier) weighForeign(x []alt) {
	for i := range x {
		if c.foreign[x[i].term] {
			x[i].w *= foreignWeight
		}
	}
}
