package faq

import (
	"cmp"
	"container/heap"
	"slices"
)

// simEdge is the similarity of two questions (a < b) that share a word.
type simEdge struct {
	a, b int32
	sim  float64
}

// similarities returns the weighted Jaccard index of every two compared
// questions that share a word; the others are 0. Going through the
// questions of each word, not every pair, keeps 5,000 questions fast.
func similarities(qs []question) []simEdge {
	ids := make(map[string]int32)
	var posting [][]int32
	for i, q := range qs {
		if !q.compared {
			continue
		}
		for _, t := range q.terms {
			id, ok := ids[t]
			if !ok {
				id = int32(len(posting))
				ids[t] = id
				posting = append(posting, nil)
			}
			posting[id] = append(posting[id], int32(i))
		}
	}
	shared := make([]float64, len(qs))
	var touched []int32
	var edges []simEdge
	for i, q := range qs {
		if !q.compared {
			continue
		}
		for k, t := range q.terms {
			for _, j := range posting[ids[t]] {
				if j <= int32(i) {
					continue
				}
				if shared[j] == 0 {
					touched = append(touched, j)
				}
				shared[j] += q.weights[k]
			}
		}
		for _, j := range touched {
			s := shared[j]
			edges = append(edges, simEdge{int32(i), j, s / (q.total + qs[j].total - s)})
			shared[j] = 0
		}
		touched = touched[:0]
	}
	return edges
}

// linkage joins clusters of questions by average linkage.
type linkage struct {
	size    []float64
	version []uint32
	parent  []int32 // the cluster a cluster joined; itself while alive
	// link[c] holds, for the clusters c has a similarity with, the sum of
	// the similarities of every two texts, one in each. A cluster is named
	// as it was when the entry was made: root gives its name now.
	link  [][]linkTo
	pairs pairHeap
}

type linkTo struct {
	c int32
	w float64
}

func newLinkage(qs []question, edges []simEdge) *linkage {
	l := &linkage{
		size:    make([]float64, len(qs)),
		version: make([]uint32, len(qs)),
		parent:  make([]int32, len(qs)),
		link:    make([][]linkTo, len(qs)),
	}
	for i, q := range qs {
		l.size[i] = float64(len(q.texts))
		l.parent[i] = int32(i)
	}
	deg := make([]int, len(qs))
	for _, e := range edges {
		deg[e.a]++
		deg[e.b]++
	}
	all := make([]linkTo, 2*len(edges))
	for i, d := range deg {
		l.link[i], all = all[:0:d], all[d:]
	}
	for _, e := range edges {
		w := e.sim * l.size[e.a] * l.size[e.b]
		l.link[e.a] = append(l.link[e.a], linkTo{e.b, w})
		l.link[e.b] = append(l.link[e.b], linkTo{e.a, w})
	}
	return l
}

// run joins the two clusters of the highest average similarity, while it is
// ≥ floor. Ties go to the clusters first in order, so the result depends on
// the questions only.
func (l *linkage) run(floor float64) {
	floor -= 1e-9 // an average of exactly floor joins despite rounding
	for c, to := range l.link {
		for _, t := range to {
			if int32(c) < t.c {
				l.offer(int32(c), t.c, t.w, floor)
			}
		}
	}
	for l.pairs.Len() > 0 {
		p := heap.Pop(&l.pairs).(pair)
		if l.parent[p.c] != p.c || l.parent[p.d] != p.d || l.version[p.c] != p.vc || l.version[p.d] != p.vd {
			continue // one of them has joined another since
		}
		c, d := p.c, p.d
		l.parent[d] = c
		l.size[c] += l.size[d]
		l.version[c]++
		// The other clusters' lists still name d; root resolves it when
		// they join in turn.
		to := append(l.link[c], l.link[d]...)
		l.link[d] = nil
		for i := range to {
			to[i].c = int32(l.root(int(to[i].c)))
		}
		slices.SortFunc(to, func(a, b linkTo) int { return cmp.Compare(a.c, b.c) })
		out := to[:0]
		for _, t := range to {
			switch {
			case t.c == c:
			case len(out) > 0 && out[len(out)-1].c == t.c:
				out[len(out)-1].w += t.w
			default:
				out = append(out, t)
			}
		}
		l.link[c] = out
		for _, t := range out {
			l.offer(min(c, t.c), max(c, t.c), t.w, floor)
		}
	}
}

func (l *linkage) offer(c, d int32, w, floor float64) {
	if avg := w / (l.size[c] * l.size[d]); avg >= floor {
		heap.Push(&l.pairs, pair{avg: avg, c: c, d: d, vc: l.version[c], vd: l.version[d]})
	}
}

// root returns the cluster question i is in now.
func (l *linkage) root(i int) int {
	for int(l.parent[i]) != i {
		l.parent[i] = l.parent[l.parent[i]]
		i = int(l.parent[i])
	}
	return i
}

// pair is two clusters (c < d) that may join, as they were when offered.
type pair struct {
	avg    float64
	c, d   int32
	vc, vd uint32
}

// pairHeap puts the highest average first, then the first clusters.
type pairHeap []pair

func (h pairHeap) Len() int { return len(h) }
func (h pairHeap) Less(i, j int) bool {
	if h[i].avg != h[j].avg {
		return h[i].avg > h[j].avg
	}
	if h[i].c != h[j].c {
		return h[i].c < h[j].c
	}
	return h[i].d < h[j].d
}
func (h pairHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *pairHeap) Push(x any)   { *h = append(*h, x.(pair)) }
func (h *pairHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
