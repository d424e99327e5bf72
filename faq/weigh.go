package faq

import (
	"math"
	"slices"
)

// posting says how well one term matches one entry.
type posting struct {
	entry  int32
	score  float32 // BM25F of the term in the entry, idf included
	strong bool    // the term is in a question, an alternate or a keyword
}

// BM25F parameters. An answer is long and says much besides the
// question, so its words count for a fifth of a question's; alternates
// are many short questions, so their total length says little.
var (
	fieldWeight = [nFields]float32{fQuestion: 1.0, fAlternate: 0.8, fKeyword: 0.8, fAnswer: 0.2}
	fieldB      = [nFields]float32{fQuestion: 0.5, fAlternate: 0.3, fKeyword: 0.3, fAnswer: 0.6}
)

const (
	k1 = 1.2
	// commonAnswer scales a match found only in an answer when the word
	// is everyday English ("tomorrow", "back"): answers are full of them.
	commonAnswer = 0.3
)

func bm25IDF(n, df float64) float32 {
	return float32(math.Log(1 + (n-df+0.5)/(df+0.5)))
}

// weigh computes the idf of every term and the BM25F postings. It counts
// in arrays by term, reset through the list of terms each entry touched,
// rather than in a map per entry: a large knowledge base has hundreds of
// thousands of occurrences.
func (ix *index) weigh(texts []entryText) {
	n := float64(len(texts))
	var avgLen [nFields]float32
	var hasField [nFields]float64
	for _, et := range texts {
		for f := range nFields {
			if et.lens[f] > 0 {
				hasField[f]++
				avgLen[f] += float32(et.lens[f])
			}
		}
	}
	for f := range avgLen {
		avgLen[f] = max(avgLen[f]/float32(max(hasField[f], 1)), 1)
	}
	nt := len(ix.names)
	df := make([]int32, nt)
	last := make([]int32, nt) // entry+1 that last counted the term
	for i, et := range texts {
		for f := range nFields {
			for _, a := range et.terms[f] {
				if last[a.term] != int32(i+1) {
					last[a.term] = int32(i + 1)
					df[a.term]++
				}
			}
		}
	}
	ix.idf = make([]float32, nt)
	for t, d := range df {
		ix.idf[t] = bm25IDF(n, float64(d))
		ix.maxIDF = max(ix.maxIDF, ix.idf[t])
	}
	ix.post = make([][]posting, nt)
	for t, d := range df {
		if d > 0 {
			ix.post[t] = make([]posting, 0, d)
		}
	}
	tf := make([][nFields]float32, nt)
	var touched []int32
	for i := range texts {
		et := &texts[i]
		touched = touched[:0]
		for f := range nFields {
			for _, a := range et.terms[f] {
				c := &tf[a.term]
				if *c == ([nFields]float32{}) {
					touched = append(touched, a.term)
				}
				c[f]++
			}
		}
		// A fixed order keeps the postings, and so ties, the same every run.
		slices.Sort(touched)
		for _, t := range touched {
			c := &tf[t]
			var x float32
			strong := false
			for f := range nFields {
				if c[f] == 0 {
					continue
				}
				norm := 1 - fieldB[f] + fieldB[f]*float32(et.lens[f])/avgLen[f]
				x += fieldWeight[f] * c[f] / norm
				strong = strong || f != fAnswer
			}
			s := ix.idf[t] * x * (k1 + 1) / (k1 + x)
			if !strong && commonStems[ix.names[t]] {
				s *= commonAnswer
			}
			ix.post[t] = append(ix.post[t], posting{entry: int32(i), score: s, strong: strong})
			*c = [nFields]float32{}
		}
	}
}

// denseTerm holds a very common term's postings as arrays by entry, for
// lookups by candidate (see score).
type denseTerm struct {
	score   []float32
	strong  []bool
	variant []float32 // by phrasing: the weight of the unit holding it, 0 if none
}

// commonDF is the document frequency from which a term is stored dense as
// well: only large knowledge bases have any.
func commonDF(n int) int {
	if n < 150 {
		return n + 1 // small: walking every posting costs little
	}
	return max(min(500, n/4), n/20)
}

// buildDense stores dense the very common terms (see score), and, apart,
// the light words' terms (see scoreLight).
func (ix *index) buildDense() {
	light := make(map[int32]bool)
	for l := range ix.vocab {
		for _, r := range ix.vocab[l] {
			if r.kind == kindLight && r.term >= 0 {
				light[r.term] = true
			}
		}
	}
	ix.denseOf = make([]int32, len(ix.names))
	ix.lightOf = make([]int32, len(ix.names))
	for t := range ix.denseOf {
		ix.denseOf[t], ix.lightOf[t] = -1, -1
		if len(ix.post[t]) > commonDF(ix.n) {
			ix.denseOf[t] = int32(len(ix.dense))
			ix.dense = append(ix.dense, ix.denseTerm(int32(t)))
		}
		if light[int32(t)] && len(ix.post[t]) > 0 {
			ix.lightOf[t] = int32(len(ix.light))
			ix.light = append(ix.light, ix.denseTerm(int32(t)))
		}
	}
}

func (ix *index) denseTerm(t int32) denseTerm {
	d := denseTerm{score: make([]float32, ix.n), strong: make([]bool, ix.n)}
	for _, p := range ix.post[t] {
		d.score[p.entry], d.strong[p.entry] = p.score, p.strong
	}
	return d
}

// buildDenseVariants gives the very common terms their phrasings, by
// phrasing (see scoreVariantsDense).
func (ix *index) buildDenseVariants() {
	for t, d := range ix.denseOf {
		if d < 0 {
			continue
		}
		uw := make([]float32, len(ix.vars.entry))
		for _, p := range ix.vars.post[t] {
			uw[p.v] = p.uw
		}
		ix.dense[d].variant = uw
	}
}
