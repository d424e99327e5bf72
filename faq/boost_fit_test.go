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
	n := len(xs)
	var pos float64
	for _, y := range ys {
		if y {
			pos++
		}
	}
	m := boostModel{depth: depth, base: math.Log(max(pos, 1) / max(float64(n)-pos, 1))}
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
	z := make([]float64, n) // each example's log odds so far
	for i := range z {
		z[i] = m.base
	}
	r, h := make([]float64, n), make([]float64, n)
	node := make([]int, n) // the node each example is at, within its level
	inner := 1<<depth - 1
	for range trees {
		for i := range n {
			p := sigmoid(z[i])
			r[i], h[i] = -p, p*(1-p)
			if ys[i] {
				r[i]++
			}
			node[i] = 0
		}
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
