package faq

import (
	"math"
	"sort"
)

// tfKey is a term in one field of an entry.
type tfKey struct {
	term  int32
	field uint8
}

func bm25IDF(n, df float64) float32 {
	return float32(math.Log(1 + (n-df+0.5)/(df+0.5)))
}

// weigh turns term frequencies into postings.
func (ix *index) weigh(tfs []map[tfKey]float32, fieldLen [][nFields]float32, totalLen [nFields]float64) {
	p := &ix.p
	n := float64(len(tfs))
	var avgLen [nFields]float32
	var hasField [nFields]float64
	for i := range fieldLen {
		for f := range nFields {
			if fieldLen[i][f] > 0 {
				hasField[f]++
			}
		}
	}
	for f := range avgLen {
		avgLen[f] = float32(math.Max(totalLen[f]/math.Max(hasField[f], 1), 1))
	}
	df := make([]int32, len(ix.names))
	fdf := make([][nFields]int32, len(ix.names))
	keys := make([]tfKey, 0, 64)
	for _, tf := range tfs {
		seen := make(map[int32]bool, len(tf))
		for k := range tf {
			fdf[k.term][k.field]++
			if !seen[k.term] {
				seen[k.term] = true
				df[k.term]++
			}
		}
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
	type acc struct {
		tf, score float32
		strong    bool
	}
	for i, tf := range tfs {
		keys = keys[:0]
		for k := range tf {
			keys = append(keys, k)
		}
		// A fixed order keeps float sums, and so ties, the same every run.
		sort.Slice(keys, func(a, b int) bool {
			return keys[a].term < keys[b].term || keys[a].term == keys[b].term && keys[a].field < keys[b].field
		})
		var cur acc
		flush := func(t int32) {
			s := cur.score
			if !p.fieldIDF {
				s = ix.idf[t] * cur.tf * (p.k1 + 1) / (p.k1 + cur.tf)
			}
			if !cur.strong && commonStems[ix.names[t]] {
				s *= p.commonAnswer
			}
			ix.post[t] = append(ix.post[t], posting{entry: int32(i), score: s, strong: cur.strong})
			cur = acc{}
		}
		for j, k := range keys {
			f := k.field
			norm := 1 - p.b[f] + p.b[f]*fieldLen[i][f]/avgLen[f]
			if p.fieldIDF {
				x := tf[k] / norm
				cur.score += p.weight[f] * bm25IDF(hasField[f], float64(fdf[k.term][f])) * x * (p.k1 + 1) / (p.k1 + x)
			} else {
				cur.tf += p.weight[f] * tf[k] / norm
			}
			cur.strong = cur.strong || f != fAnswer
			if j+1 == len(keys) || keys[j+1].term != k.term {
				flush(k.term)
			}
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
