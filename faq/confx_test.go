package faq

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestConfX(t *testing.T) {
	if os.Getenv("FAQ_CONFX") == "" {
		t.Skip()
	}
	clinic, others := calSets(t)
	sets := map[string]calSet{"clinic": clinic}
	for _, s := range others {
		sets[s.name] = s
	}
	if p := os.Getenv("FAQ_CONFX_B3"); p != "" {
		sets["b3"] = loadCalSet(t, "b3", filepath.Join(evalDir, "clinic/kb.yaml"), p)
	}
	defer func(s, c []float64) { scopeWeights, rightWeights = s, c }(scopeWeights, rightWeights)
	cfgs := [][]string{{"clinic"}, {"clinic", "blind"}, {"clinic", "blind2"}, {"blind", "blind2"}, {"clinic", "blind", "blind2"}}
	for _, cfg := range cfgs {
		var tr []calSet
		for _, n := range cfg {
			tr = append(tr, sets[n])
		}
		ridge := 1.0
		scopeWeights, rightWeights = fitConf(tr, ridge)
		var all calSet
		for _, s := range tr {
			all.kb = s.kb
			all.qs = append(all.qs, s.qs...)
		}
		th := pickThreshold(all, 0.025)
		line := fmt.Sprintf("%v th=%.2f\n", cfg, th)
		for _, n := range []string{"clinic", "blind", "blind2", "b3", "heldout", "demo"} {
			s, ok := sets[n]
			if !ok {
				continue
			}
			r := evalAt(s, th)
			r7 := evalAt(s, 0.70)
			line += fmt.Sprintf("   %-8s t1=%.3f w=%.3f fb=%.3f | @.70 t1=%.3f w=%.3f fb=%.3f | best@3%%=%.3f auc=%.3f\n", n, r.top1, r.wrong, r.fallback, r7.top1, r7.wrong, r7.fallback, bestTop1(s, 0.03), confAUC(s))
		}
		t.Log(line)
	}
}
