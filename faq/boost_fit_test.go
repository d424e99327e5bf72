package faq

import (
	"math"
	"slices"
)

// fitBoost fits a boostModel to xs and ys by gradient boosting on the
// log loss (Friedman's, without subsampling, so that the same data make
// the same model): each tree is grown on the residuals y - p by the
// split that most reduces their squared error, with at least minLeaf
// examples on either side, and its leaves take a Newton step, Σr / Σp(1-p),
// times rate.
func fitBoost(xs [][boostDim]float64, ys []bool, trees, depth int, rate float64, minLeaf int) boostModel {
	var pos float64
	for _, y := range ys {
		if y {
			pos++
		}
	}
	base := math.Log(max(pos, 1) / max(float64(len(xs))-pos, 1))
	z := make([]float64, len(xs))
	for i := range z {
		z[i] = base
	}
	m := growBoost(xs, z, trees, depth, rate, minLeaf, func(z, r, h []float64) {
		for i := range z {
			p := sigmoid(z[i])
			r[i], h[i] = -p, p*(1-p)
			if ys[i] {
				r[i]++
			}
		}
	})
	m.base = base
	return m
}

// fitRerank fits a boostModel that adds to the scores z of groups of
// candidates, one group per message, so that the softmax over each group
// puts its right candidates first: boosting on the log loss of the
// conditional logit, as fitBoost on the logistic one. xs and ys are the
// groups' candidates one after another, group[i] says which group each
// is in, and every group has a right candidate.
func fitRerank(xs [][boostDim]float64, ys []bool, group []int, z []float64, trees, depth int, rate float64, minLeaf int) boostModel {
	return growBoost(xs, slices.Clone(z), trees, depth, rate, minLeaf, func(z, r, h []float64) {
		for i := 0; i < len(z); {
			j, mx, right := i, math.Inf(-1), 0.0
			for ; j < len(z) && group[j] == group[i]; j++ {
				mx = max(mx, z[j])
				if ys[j] {
					right++
				}
			}
			var sum float64
			for k := i; k < j; k++ {
				sum += math.Exp(z[k] - mx)
			}
			for k := i; k < j; k++ {
				p := math.Exp(z[k]-mx) / sum
				r[k], h[k] = -p, max(p*(1-p), 1e-6)
				if ys[k] {
					r[k] += 1 / right
				}
			}
			i = j
		}
	})
}

// growBoost grows trees on the gradients grad sets from the examples'
// scores z, which it updates: r, the negative gradient, and h, the
// second derivative, of the loss at each example. The model's base is 0.
func growBoost(xs [][boostDim]float64, z []float64, trees, depth int, rate float64, minLeaf int, grad func(z, r, h []float64)) boostModel {
	n := len(xs)
	m := boostModel{depth: depth}
	// Every feature's examples in ascending order, once.
	var sorted [boostDim][]int32
	for f := range boostDim {
		idx := make([]int32, n)
		for i := range idx {
			idx[i] = int32(i)
		}
		slices.SortStableFunc(idx, func(a, b int32) int {
			switch {
			case xs[a][f] < xs[b][f]:
				return -1
			case xs[a][f] > xs[b][f]:
				return 1
			}
			return 0
		})
		sorted[f] = idx
	}
	r, h := make([]float64, n), make([]float64, n)
	node := make([]int, n) // the node each example is at, within its level
	inner := 1<<depth - 1
	for range trees {
		grad(z, r, h)
		clear(node)
		feat := make([]uint8, inner)
		thr := make([]float64, inner)
		for lvl := range depth {
			width := 1 << lvl
			sum, cnt := make([]float64, width), make([]int, width)
			for i := range n {
				sum[node[i]] += r[i]
				cnt[node[i]]++
			}
			best := make([]float64, width)
			bf := make([]int, width)
			bt := make([]float64, width)
			for k := range width {
				bt[k] = math.Inf(1)
				if cnt[k] > 0 {
					best[k] = sum[k] * sum[k] / float64(cnt[k])
				}
			}
			ls, lc := make([]float64, width), make([]int, width)
			last := make([]float64, width)
			for f := range boostDim {
				clear(ls)
				clear(lc)
				for _, i := range sorted[f] {
					k, v := node[i], xs[i][f]
					if lc[k] >= minLeaf && cnt[k]-lc[k] >= minLeaf && v > last[k] {
						rs := sum[k] - ls[k]
						g := ls[k]*ls[k]/float64(lc[k]) + rs*rs/float64(cnt[k]-lc[k])
						if g > best[k]+1e-12 {
							best[k], bf[k], bt[k] = g, f, (last[k]+v)/2
						}
					}
					ls[k] += r[i]
					lc[k]++
					last[k] = v
				}
			}
			for k := range width {
				feat[width-1+k], thr[width-1+k] = uint8(bf[k]), bt[k]
			}
			for i := range n {
				j := width - 1 + node[i]
				node[i] *= 2
				if xs[i][feat[j]] > thr[j] {
					node[i]++
				}
			}
		}
		num, den := make([]float64, inner+1), make([]float64, inner+1)
		for i := range n {
			num[node[i]] += r[i]
			den[node[i]] += h[i]
		}
		leaf := make([]float64, inner+1)
		for k := range leaf {
			if den[k] > 0 {
				leaf[k] = rate * num[k] / den[k]
			}
		}
		for i := range n {
			z[i] += leaf[node[i]]
		}
		m.feat = append(m.feat, feat...)
		m.thr = append(m.thr, thr...)
		m.leaf = append(m.leaf, leaf...)
	}
	return m
}
