package faq

import (
	"fmt"
	"os"
	"testing"
)

// TestAblate prints, for every set, the P@1 of ranking the preselected
// candidates by each feature alone. A development tool (FAQ_ABLATE=1).
func TestAblate(t *testing.T) {
	if os.Getenv("FAQ_ABLATE") == "" {
		t.Skip("set FAQ_ABLATE=1")
	}
	clinic, others := calSets(t)
	names := []string{"lexN", "nn", "cover", "coverAll", "vrec", "qtype", "clf", "negMis", "wUni", "wBi"}
	for _, s := range append([]calSet{clinic}, others...) {
		hits := make([]int, len(names))
		in := 0
		for _, q := range s.qs {
			if len(q.Want) == 0 {
				continue
			}
			in++
			cs := s.kb.candidatesOf(q.Q, q.Lang)
			for k := range names {
				best, bv := -1, -1.0
				for i, c := range cs {
					if v := c.f.rankVector()[k]; v > bv {
						best, bv = i, v
					}
				}
				if best >= 0 && right(s.kb.idx.entries[cs[best].e], q.Want) {
					hits[k]++
				}
			}
		}
		line := fmt.Sprintf("%-10s", s.name)
		for k, n := range names {
			line += fmt.Sprintf(" %s=%.3f", n, float64(hits[k])/float64(in))
		}
		t.Log(line)
	}
}

// TestConfAUC prints, per set, the ROC AUC of each confidence feature for
// telling a right best candidate from a wrong or out-of-scope one. A
// development tool (FAQ_ABLATE=1).
func TestConfAUC(t *testing.T) {
	if os.Getenv("FAQ_ABLATE") == "" {
		t.Skip("set FAQ_ABLATE=1")
	}
	clinic, others := calSets(t)
	names := []string{"p", "margin", "nn", "cover", "coverAll", "unknown", "missMax", "missSum", "guess", "clf"}
	for _, s := range append([]calSet{clinic}, others[:2]...) {
		var pos, neg [][]float64
		for _, q := range s.qs {
			r := s.kb.matchExplained(q.Q, q.Lang)
			if len(r.Candidates) == 0 {
				continue
			}
			x := r.Candidates[0].f.confVector()
			x = append(x, r.Candidates[0].Confidence)
			if right(r.Candidates[0].Entry, q.Want) {
				pos = append(pos, x)
			} else {
				neg = append(neg, x)
			}
		}
		line := fmt.Sprintf("%-8s", s.name)
		for k, n := range append(names, "CONF") {
			var wins float64
			for _, a := range pos {
				for _, b := range neg {
					switch {
					case a[k] > b[k]:
						wins++
					case a[k] == b[k]:
						wins += 0.5
					}
				}
			}
			line += fmt.Sprintf(" %s=%.2f", n, wins/float64(len(pos)*len(neg)))
		}
		t.Log(line)
	}
}

// TestCurve prints top1 and wrong by threshold on each set. A development
// tool (FAQ_ABLATE=1).
func TestCurve(t *testing.T) {
	if os.Getenv("FAQ_ABLATE") == "" {
		t.Skip("set FAQ_ABLATE=1")
	}
	clinic, others := calSets(t)
	for _, s := range append([]calSet{clinic}, others...) {
		line := fmt.Sprintf("%-10s", s.name)
		for _, th := range []float64{0.55, 0.6, 0.65, 0.7, ConfidentAt, 0.75, 0.8} {
			r := evalAt(s, th)
			line += fmt.Sprintf(" [%.2f %.3f/%.3f]", th, r.top1, r.wrong)
		}
		t.Log(line)
	}
}
