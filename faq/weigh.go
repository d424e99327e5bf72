package faq

import (
	"math"
	"sort"
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

type tfKey struct {
	term  int32
	field uint8
}

// weigh computes the idf of every term and the BM25F postings.
func (ix *index) weigh(texts []entryText) {
	n := float64(len(texts))
	var avgLen [nFields]float32
	var hasField [nFields]float64
	for _, et := range texts {
		for f := range nFields {
			if len(et.fields[f]) > 0 {
				hasField[f]++
				avgLen[f] += float32(len(et.fields[f]))
			}
		}
	}
	for f := range avgLen {
		avgLen[f] = max(avgLen[f]/float32(max(hasField[f], 1)), 1)
	}
	tfs := make([]map[tfKey]float32, len(texts))
	df := make([]int32, len(ix.names))
	for i, et := range texts {
		tf := make(map[tfKey]float32)
		seen := make(map[int32]bool)
		for f := range nFields {
			for _, u := range et.fields[f] {
				for _, a := range u.alts {
					tf[tfKey{a.term, uint8(f)}]++
					if !seen[a.term] {
						seen[a.term] = true
						df[a.term]++
					}
				}
			}
		}
		tfs[i] = tf
	}
	ix.idf = make([]float32, len(ix.names))
	for t, d := range df {
		ix.idf[t] = bm25IDF(n, float64(d))
		ix.maxIDF = max(ix.maxIDF, ix.idf[t])
	}
	ix.post = make([][]posting, len(ix.names))
	for t, d := range df {
		if d > 0 {
			ix.post[t] = make([]posting, 0, d)
		}
	}
	keys := make([]tfKey, 0, 64)
	for i, tf := range tfs {
		keys = keys[:0]
		for k := range tf {
			keys = append(keys, k)
		}
		// A fixed order keeps float sums, and so ties, the same every run.
		sort.Slice(keys, func(a, b int) bool {
			return keys[a].term < keys[b].term || keys[a].term == keys[b].term && keys[a].field < keys[b].field
		})
		var x float32
		strong := false
		for j, k := range keys {
			f := k.field
			norm := 1 - fieldB[f] + fieldB[f]*float32(len(texts[i].fields[f]))/avgLen[f]
			x += fieldWeight[f] * tf[k] / norm
			strong = strong || f != fAnswer
			if j+1 < len(keys) && keys[j+1].term == k.term {
				continue
			}
			s := ix.idf[k.term] * x * (k1 + 1) / (k1 + x)
			if !strong && commonStems[ix.names[k.term]] {
				s *= commonAnswer
			}
			ix.post[k.term] = append(ix.post[k.term], posting{entry: int32(i), score: s, strong: strong})
			x, strong = 0, false
		}
	}
}

// denseTerm holds a very common term's postings as arrays by entry, for
// lookups by candidate (see score).
type denseTerm struct {
	score  []float32
	strong []bool
}

// commonDF is the document frequency from which a term is stored dense as
// well: only large knowledge bases have any.
func commonDF(n int) int { return max(500, n/20) }

func (ix *index) buildDense() {
	ix.denseOf = make([]int32, len(ix.names))
	for t := range ix.denseOf {
		ix.denseOf[t] = -1
		if len(ix.post[t]) <= commonDF(ix.n) {
			continue
		}
		d := denseTerm{score: make([]float32, ix.n), strong: make([]bool, ix.n)}
		for _, p := range ix.post[t] {
			d.score[p.entry], d.strong[p.entry] = p.score, p.strong
		}
		ix.denseOf[t] = int32(len(ix.dense))
		ix.dense = append(ix.dense, d)
	}
}
