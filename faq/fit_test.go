package faq

import "math"

// The model fitting TestCalibrate uses: plain Newton iterations, small
// enough to read, and no dependency.

// fitLogistic fits a logistic regression by Newton's method with a small
// ridge penalty; it returns the weights, intercept first.
func fitLogistic(xs [][]float64, ys []bool, ridge float64) []float64 {
	dim := len(xs[0]) + 1
	w := make([]float64, dim)
	row := func(x []float64) []float64 { return append([]float64{1}, x...) }
	for it := 0; it < 50; it++ {
		h := make([][]float64, dim)
		for i := range h {
			h[i] = make([]float64, dim)
			if i > 0 {
				h[i][i] = ridge
			}
		}
		g := make([]float64, dim)
		for i := 1; i < dim; i++ {
			g[i] = -ridge * w[i]
		}
		for n, x := range xs {
			r := row(x)
			p := sigmoid(linear(w, x))
			y := 0.0
			if ys[n] {
				y = 1
			}
			for i := range r {
				g[i] += (y - p) * r[i]
				for j := range r {
					h[i][j] += p * (1 - p) * r[i] * r[j]
				}
			}
		}
		step := solve(h, g)
		for i := range w {
			w[i] += step[i]
		}
	}
	return w
}

// solve solves a·x = b by Gaussian elimination with partial pivoting.
func solve(a [][]float64, b []float64) []float64 {
	n := len(b)
	for c := 0; c < n; c++ {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(a[r][c]) > math.Abs(a[p][c]) {
				p = r
			}
		}
		a[c], a[p], b[c], b[p] = a[p], a[c], b[p], b[c]
		if a[c][c] == 0 {
			continue
		}
		for r := c + 1; r < n; r++ {
			f := a[r][c] / a[c][c]
			for k := c; k < n; k++ {
				a[r][k] -= f * a[c][k]
			}
			b[r] -= f * b[c]
		}
	}
	x := make([]float64, n)
	for r := n - 1; r >= 0; r-- {
		s := b[r]
		for k := r + 1; k < n; k++ {
			s -= a[r][k] * x[k]
		}
		if a[r][r] != 0 {
			x[r] = s / a[r][r]
		}
	}
	return x
}

// fitConditionalLogit fits the weights w of P(candidate) = softmax(w·x)
// over each group of candidates, maximizing the likelihood of the right
// one (Newton's method, ridge penalty): a model of which candidate is
// right, not of whether each is. groups[i] are candidates' vectors and
// rightIdx[i] the right one's index. w[0] (an intercept) cancels in a
// softmax and stays 0.
func fitConditionalLogit(groups [][][]float64, rightIdx []int, ridge float64) []float64 {
	dim := len(groups[0][0])
	w := make([]float64, dim)
	for it := 0; it < 50; it++ {
		g := make([]float64, dim)
		h := make([][]float64, dim)
		for i := range h {
			h[i] = make([]float64, dim)
			h[i][i] = ridge
			g[i] = -ridge * w[i]
		}
		for gi, cs := range groups {
			ps := make([]float64, len(cs))
			var z, mx float64
			mx = math.Inf(-1)
			for i, x := range cs {
				ps[i] = linear(append([]float64{0}, w...), x)
				mx = max(mx, ps[i])
			}
			for i := range ps {
				ps[i] = math.Exp(ps[i] - mx)
				z += ps[i]
			}
			mean := make([]float64, dim)
			for i, x := range cs {
				ps[i] /= z
				for k := range x {
					mean[k] += ps[i] * x[k]
				}
			}
			for k := range mean {
				g[k] += cs[rightIdx[gi]][k] - mean[k]
			}
			for i, x := range cs {
				for a := range x {
					for b := range x {
						h[a][b] += ps[i] * (x[a] - mean[a]) * (x[b] - mean[b])
					}
				}
			}
		}
		step := solve(h, g)
		for i := range w {
			w[i] += step[i]
		}
	}
	return append([]float64{0}, w...)
}
