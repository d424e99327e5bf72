package faq

import (
	"fmt"
	"os"
	"testing"
)

// TestTune sweeps the BM25F field weights: for each setting it rebuilds
// the indexes, fits the ranking model on each clinic half and reports
// P@1 on the other half and on every other set. A development tool
// (FAQ_TUNE=1); it asserts nothing.
func TestTune(t *testing.T) {
	if os.Getenv("FAQ_TUNE") == "" {
		t.Skip("set FAQ_TUNE=1 to sweep scoring parameters")
	}
	saveW, saveB := fieldWeight, fieldB
	saveR := rankWeights
	defer func() { fieldWeight, fieldB, rankWeights = saveW, saveB, saveR }()
	type setting struct {
		name string
		set  func()
	}
	var settings []setting
	for _, aw := range []float32{0.1, 0.2, 0.35, 0.5} {
		for _, altw := range []float32{0.6, 0.8, 1.0} {
			settings = append(settings, setting{fmt.Sprintf("ans=%.2f alt=%.1f", aw, altw), func() {
				fieldWeight = saveW
				fieldWeight[fAnswer], fieldWeight[fAlternate] = aw, altw
			}})
		}
	}
	for _, st := range settings {
		st.set()
		clinic, others := calSets(t)
		line := st.name + ":"
		var sum float64
		for k := range 2 {
			rankWeights = fitRank([]calSet{clinic.fold(k)}, 1)
			r := evaluate(clinic.kb, clinic.fold(1-k).qs, nil)
			line += fmt.Sprintf(" c%d=%.3f", 1-k, r.p1)
			sum += r.p1
			for _, s := range others {
				r := evaluate(s.kb, s.qs, nil)
				line += fmt.Sprintf(" %s=%.3f", s.name[:4], r.p1)
				sum += r.p1
			}
		}
		t.Logf("%s avg=%.3f", line, sum/10)
	}
}
