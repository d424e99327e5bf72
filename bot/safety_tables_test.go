package bot

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestSafetyTables(t *testing.T) {
	lx := safetyLexiconOnce()
	for _, e := range lx.errs {
		t.Error(e)
	}
	t.Logf("%d words, %d rules", len(lx.names), len(lx.rules))
}

func TestSafetyTraceDebug(t *testing.T) {
	for _, q := range strings.Split(os.Getenv("SAFETY_TRACE"), "|") {
		if q != "" {
			t.Logf("%q -> %s\n\t%s", q, CheckSafety(q), strings.Join(safetyTrace(q), "\n\t"))
		}
	}
}

// safetyTrace lists the rules that match text (one chunk), each with
// whether its guards cancelled it: the explanation a failing test prints.
func safetyTrace(text string) []string {
	var sc safetyScanner
	sc.lx = safetyLexiconOnce()
	var out []string
	sc.feed(text)
	sc.endWord()
	toks := sc.toks[:sc.n]
	lx := sc.lx
	for i := range toks {
		for _, ri := range lx.markers[toks[i].id] {
			r := &lx.rules[ri]
			if end := r.match(lx, toks, i); end >= 0 {
				sc.mark(r, i, end)
			}
		}
	}
	for i := range toks {
		for _, ri := range lx.triggers[toks[i].id] {
			r := &lx.rules[ri]
			if end := r.match(lx, toks, i); end >= 0 {
				g := ""
				if sc.guarded(r, i, end) {
					g = " (guarded)"
				}
				out = append(out, r.src+g)
			}
		}
	}
	var words []string
	for _, t := range toks {
		words = append(words, fmt.Sprintf("%s/%d/%x", lx.names[t.id], t.sent, t.flags))
	}
	return append(out, "tokens: "+strings.Join(words, " "))
}
