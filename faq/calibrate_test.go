package faq

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// TestCalibrate fits the confidence model (a logistic regression on the
// candidate features) on one half of the clinic set and reports it on the
// other half and on the held-out set. A development tool: it runs only with
// FAQ_CALIBRATE=1, and its printed weights are copied by hand into
// confidence.go.
func TestCalibrate(t *testing.T) {
	if os.Getenv("FAQ_CALIBRATE") == "" {
		t.Skip("set FAQ_CALIBRATE=1 to fit the confidence model")
	}
	needEval(t)
	type sample struct {
		x     []float64
		right bool // top candidate right
		in    bool // in scope
	}
	collect := func(kb *KB, qs []evalQuery) []sample {
		var out []sample
		for _, q := range qs {
			r := kb.Match(q.Q, q.Lang)
			s := sample{in: len(q.Want) > 0}
			if len(r.Candidates) > 0 {
				s.x = r.Candidates[0].f.vector()
				s.right = right(r.Candidates[0].Entry, q.Want)
			} else {
				s.x = features{}.vector()
			}
			out = append(out, s)
		}
		return out
	}
	clinic, err := Load(filepath.Join(evalDir, "clinic/kb.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	held, err := Load("testdata/heldout/kb.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cq := loadQueries(t, filepath.Join(evalDir, "clinic/queries-dev.jsonl"))
	var a, b []evalQuery
	for i, q := range cq {
		if i%2 == 0 {
			a = append(a, q)
		} else {
			b = append(b, q)
		}
	}
	sets := map[string][]sample{
		"clinic-a": collect(clinic, a),
		"clinic-b": collect(clinic, b),
		"heldout":  collect(held, loadQueries(t, "testdata/heldout/queries.jsonl")),
	}
	fit := func(train []sample) []float64 {
		dim := len(train[0].x) + 1
		w := make([]float64, dim)
		for it := 0; it < 20000; it++ {
			g := make([]float64, dim)
			for _, s := range train {
				z := w[0]
				for j, v := range s.x {
					z += w[j+1] * v
				}
				p := 1 / (1 + math.Exp(-z))
				y := 0.0
				if s.right {
					y = 1
				}
				g[0] += p - y
				for j, v := range s.x {
					g[j+1] += (p - y) * v
				}
			}
			for j := range w {
				reg := 0.0
				if j > 0 {
					reg = 0.01 * w[j]
				}
				w[j] -= 0.05 * (g[j]/float64(len(train)) + reg)
			}
		}
		return w
	}
	report := func(name string, w []float64, ss []sample) {
		ps := make([]float64, len(ss))
		for i, s := range ss {
			z := w[0]
			for j, v := range s.x {
				z += w[j+1] * v
			}
			ps[i] = 1 / (1 + math.Exp(-z))
		}
		var ths []float64
		for _, p := range ps {
			ths = append(ths, p)
		}
		sort.Float64s(ths)
		line := name + ":"
		for _, th := range []float64{0.3, 0.4, 0.5, 0.6, 0.7, 0.8} {
			var top1, wrong, in int
			for i, s := range ss {
				if s.in {
					in++
				}
				if ps[i] >= th {
					if s.right {
						top1++
					} else {
						wrong++
					}
				}
			}
			line += fmt.Sprintf(" [t=%.1f top1=%.3f wrong=%.3f]", th, float64(top1)/float64(in), float64(wrong)/float64(len(ss)))
		}
		t.Log(line)
	}
	for _, train := range []string{"clinic-a", "clinic-b"} {
		w := fit(sets[train])
		t.Logf("trained on %s: weights %.2f", train, w)
		for _, name := range []string{"clinic-a", "clinic-b", "heldout"} {
			report("  "+name, w, sets[name])
		}
	}
	all := append(append([]sample(nil), sets["clinic-a"]...), sets["clinic-b"]...)
	w := fit(all)
	t.Logf("trained on all clinic: weights %.3f", w)
	report("  heldout", w, sets["heldout"])
}
