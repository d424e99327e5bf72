package faq

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// explain describes how Match saw a message: its slots and their terms,
// and each top candidate's features. A development aid.
func (kb *KB) explain(text, hint string) string {
	ix := kb.idx
	r := kb.matchExplained(text, hint)
	sc := ix.getScratch()
	defer ix.putScratch(sc)
	l := ix.analyzeQuery(sc, text, hint)
	var b strings.Builder
	fmt.Fprintf(&b, "%q lang=%s advice=%v others=%v\n", text, l.code(), sc.advice, sc.others)
	for _, s := range sc.slots {
		if s.absorbed {
			continue
		}
		fmt.Fprintf(&b, "  slot w=%.2f cw=%.2f unk=%v common=%v:", s.w, s.cw, s.unknown, s.common)
		for k := uint8(0); k < s.nalt; k++ {
			a := s.alts[k]
			fmt.Fprintf(&b, " %s(%.2f idf=%.2f df=%d)", ix.names[a.term], a.w, ix.idf[a.term], len(ix.post[a.term]))
		}
		b.WriteByte('\n')
	}
	for _, c := range r.Candidates {
		f := c.f
		fmt.Fprintf(&b, "  %-28s s=%.2f conf=%.2f p=%.2f lexN=%.2f nn=%.2f cov=%.2f covA=%.2f vrec=%.2f qt=%.1f unk=%.2f\n",
			c.Entry.ID, c.Score, c.Confidence, f.p, f.lexN, f.nn, f.cover, f.coverAll, f.vrec, f.qtype(), f.unknown)
		fmt.Fprintf(&b, "  %-28s scope=%.2f right=%.2f missMax=%.2f missSum=%.2f missRare=%.2f guess=%.2f keyHit=%v nspec=%d clf=%.2f margin=%.2f\n",
			"", sigmoid(linear(scopeWeights, f.scopeVector())), sigmoid(linear(rightWeights, f.rightVector())),
			f.missMax, f.missSum, f.missRare, f.guess, f.keyHit, f.nspec, f.clf, f.margin)
	}
	fmt.Fprintf(&b, "  confident=%v suggestions=%d\n", r.Confident, len(r.Suggestions))
	return b.String()
}

// TestExplain prints explain for FAQ_EXPLAIN="message|message" against
// FAQ_KB (default: the clinic set). A development aid; it asserts nothing.
func TestExplain(t *testing.T) {
	q := os.Getenv("FAQ_EXPLAIN")
	if q == "" {
		t.Skip("set FAQ_EXPLAIN to a message (and FAQ_KB to a kb.yaml) to see how it is matched")
	}
	path := os.Getenv("FAQ_KB")
	if path == "" {
		needEval(t)
		path = filepath.Join(evalDir, "clinic/kb.yaml")
	}
	kb, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range strings.Split(q, "|") {
		t.Log("\n" + kb.explain(m, os.Getenv("FAQ_LANG")))
	}
}
