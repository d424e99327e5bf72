package faq

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"testing"
)

// candidatesOf runs the pipeline up to the ranking model and returns the
// preselected candidates with their features.
func (kb *KB) candidatesOf(text, hint string) []cand {
	ix := kb.idx
	sc := ix.getScratch()
	defer ix.putScratch(sc)
	ix.analyzeQuery(sc, text, hint)
	ix.score(sc)
	return append([]cand(nil), ix.rankCandidates(sc)...)
}

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

type calSet struct {
	name string
	kb   *KB
	qs   []evalQuery
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

// fitModels fits the ranking model on the preselected candidates of the
// in-scope queries, then the confidence model on the top candidate of
// every query once ranked.
func fitModels(sets []calSet, ridge float64) (rank, conf []float64) {
	var groups [][][]float64
	var rightIdx []int
	for _, s := range sets {
		for _, q := range s.qs {
			if len(q.Want) == 0 {
				continue
			}
			cs := s.kb.candidatesOf(q.Q, q.Lang)
			ri := -1
			var xs [][]float64
			for i, c := range cs {
				xs = append(xs, c.f.rankVector())
				if ri < 0 && right(s.kb.idx.entries[c.e], q.Want) {
					ri = i
				}
			}
			if ri >= 0 && len(cs) > 1 {
				groups = append(groups, xs)
				rightIdx = append(rightIdx, ri)
			}
		}
	}
	rank = fitConditionalLogit(groups, rightIdx, ridge)
	var xs [][]float64
	var ys []bool
	for _, s := range sets {
		p := s.kb.idx.p
		p.rank = rank
		s.kb.idx = buildIndex(s.kb, p)
		for _, q := range s.qs {
			r := s.kb.Match(q.Q, q.Lang)
			if len(r.Candidates) == 0 {
				continue
			}
			xs = append(xs, r.Candidates[0].f.confVector())
			ys = append(ys, right(r.Candidates[0].Entry, q.Want))
		}
	}
	conf = fitLogistic(xs, ys, ridge)
	return rank, conf
}

// TestCalibrate fits the ranking and confidence models on one half of the
// clinic set, reports them on the other half and on the held-out set, then
// fits on all of it. A development tool: it runs only with
// FAQ_CALIBRATE=1, and its printed weights are copied by hand into
// confidence.go.
func TestCalibrate(t *testing.T) {
	if os.Getenv("FAQ_CALIBRATE") == "" {
		t.Skip("set FAQ_CALIBRATE=1 to fit the ranking and confidence models")
	}
	needEval(t)
	load := func(name, kbPath, qPath string) calSet {
		kb, err := Load(kbPath)
		if err != nil {
			t.Fatal(err)
		}
		return calSet{name, kb, loadQueries(t, qPath)}
	}
	clinic := load("clinic", filepath.Join(evalDir, "clinic/kb.yaml"), filepath.Join(evalDir, "clinic/queries-dev.jsonl"))
	held := load("heldout", "testdata/heldout/kb.yaml", "testdata/heldout/queries.jsonl")
	jhu := load("covid-jhu", filepath.Join(evalDir, "public/covid-jhu/kb.yaml"), filepath.Join(evalDir, "public/covid-jhu/queries.jsonl"))
	deep := load("deepset", filepath.Join(evalDir, "public/deepset-covid/kb.yaml"), filepath.Join(evalDir, "public/deepset-covid/queries.jsonl"))
	half := func(k int) calSet {
		s := calSet{name: fmt.Sprintf("clinic-%d", k), kb: clinic.kb}
		for i, q := range clinic.qs {
			if i%2 == k {
				s.qs = append(s.qs, q)
			}
		}
		return s
	}
	ridge := 0.5
	report := func(rank, conf []float64, sets ...calSet) {
		for _, s := range sets {
			p := s.kb.idx.p
			p.rank, p.conf = rank, conf
			s.kb.idx = buildIndex(s.kb, p)
			line := fmt.Sprintf("  %-10s", s.name)
			for _, th := range []float64{0.4, 0.5, 0.6, 0.7, 0.8} {
				var top1, wrong, in, p1 int
				for _, q := range s.qs {
					r := s.kb.Match(q.Q, q.Lang)
					if len(q.Want) > 0 {
						in++
					}
					if len(r.Candidates) == 0 {
						continue
					}
					ok := right(r.Candidates[0].Entry, q.Want)
					if ok {
						p1++
					}
					if r.Candidates[0].Confidence >= th {
						if ok {
							top1++
						} else {
							wrong++
						}
					}
				}
				if th == 0.4 {
					line += fmt.Sprintf(" p1=%.3f", float64(p1)/float64(in))
				}
				line += fmt.Sprintf(" [%.1f: top1=%.3f wrong=%.3f]", th, float64(top1)/float64(in), float64(wrong)/float64(len(s.qs)))
			}
			t.Log(line)
		}
	}
	for k := range 2 {
		train, test := half(k), half(1-k)
		rank, conf := fitModels([]calSet{train, held}[:1], ridge)
		t.Logf("fit on %s: rank %.2f conf %.2f", train.name, rank, conf)
		report(rank, conf, train, test, held, jhu, deep)
	}
	rank, conf := fitModels([]calSet{clinic}, ridge)
	t.Logf("fit on all clinic:\n\tdefaultRank = %#v\n\tdefaultConfidence = %#v", round3(rank), round3(conf))
	report(rank, conf, clinic, held, jhu, deep)
}

func round3(w []float64) []float64 {
	out := make([]float64, len(w))
	for i, v := range w {
		out[i] = math.Round(v*1000) / 1000
	}
	return out
}
