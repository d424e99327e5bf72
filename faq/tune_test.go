package faq

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestTune prints the evaluation figures for variations of the scoring
// parameters; it runs only with FAQ_TUNE=1 and asserts nothing, it is a
// development tool. Decisions are checked on the held-out sets too.
func TestTune(t *testing.T) {
	if os.Getenv("FAQ_TUNE") == "" {
		t.Skip("set FAQ_TUNE=1 to sweep scoring parameters")
	}
	type set struct {
		name string
		kb   *KB
		qs   []evalQuery
	}
	var sets []set
	for _, s := range evalSets() {
		if s.lang != "" {
			continue
		}
		dir := evalDir
		if s.own {
			dir = "testdata"
		} else {
			needEval(t)
		}
		kb, err := Load(filepath.Join(dir, s.kb))
		if err != nil {
			t.Fatal(err)
		}
		sets = append(sets, set{s.name, kb, loadQueries(t, filepath.Join(dir, s.queries))})
	}
	for _, v := range tuneVariants() {
		line := v.name + ":"
		for _, s := range sets {
			s.kb.idx = buildIndex(s.kb, v.p)
			got := evaluate(s.kb, s.qs, nil)
			line += " " + s.name + " p1=" + f3(got.p1)
			if s.name == "clinic" || s.name == "heldout" {
				line += " top1=" + f3(got.top1) + " wrong=" + f3(got.wrong)
			}
		}
		t.Log(line)
	}
}

func f3(x float64) string {
	b := []byte("0.000")
	v := int(x*1000 + 0.5)
	if v >= 1000 {
		return "1.000"
	}
	b[2], b[3], b[4] = byte('0'+v/100), byte('0'+v/10%10), byte('0'+v%10)
	return string(b)
}

type tuneVariant struct {
	name string
	p    params
}

func tuneVariants() []tuneVariant {
	var out []tuneVariant
	base := defaultParams
	out = append(out, tuneVariant{"default", base})
	for _, wa := range []float32{0.1, 0.3, 0.5} {
		p := base
		p.weight[fAnswer] = wa
		out = append(out, tuneVariant{fmt.Sprintf("answer=%.1f", wa), p})
	}
	for _, ba := range []float32{0.3, 0.75} {
		p := base
		p.b[fAnswer] = ba
		out = append(out, tuneVariant{fmt.Sprintf("bAnswer=%.2f", ba), p})
	}
	for _, bq := range []float32{0.3, 0.75} {
		p := base
		p.b[fQuestion] = bq
		out = append(out, tuneVariant{fmt.Sprintf("bQuestion=%.2f", bq), p})
	}
	for _, k1 := range []float32{0.8, 1.6} {
		p := base
		p.k1 = k1
		out = append(out, tuneVariant{fmt.Sprintf("k1=%.1f", k1), p})
	}
	return out
}
