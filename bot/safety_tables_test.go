package bot

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestSafetyTables: every rule, class and alias compiles, and every rule
// can be reached through the index.
func TestSafetyTables(t *testing.T) {
	lx := safetyLexiconOnce()
	for _, e := range lx.errs {
		t.Error(e)
	}
	indexed := 0
	for id := range lx.names {
		indexed += len(lx.markers.of(uint16(id))) + len(lx.triggers.of(uint16(id)))
	}
	if indexed < len(lx.rules) {
		t.Errorf("index holds %d rule entries, want at least one per rule (%d)", indexed, len(lx.rules))
	}
	if got := safetyEmergencyKinds[0]; got != "bleed" {
		t.Errorf("first emergency clue kind: got %q, want \"bleed\" (safetyBleedBit)", got)
	}
	t.Logf("%d words, %d rules", len(lx.names), len(lx.rules))
}

// TestSafetyTypoVariantsAreNotWords: a one-slip variant or a collapsed form
// must not be a real word that patients write for something else ("none"
// is "noone" collapsed). Checked against the words of the public medical
// texts in ../shared/eval, when they are there.
func TestSafetyTypoVariantsAreNotWords(t *testing.T) {
	var text []byte
	for _, p := range []string{"public/medquad-10k/kb.yaml", "public/deepset-covid/kb.yaml", "clinic/kb.yaml"} {
		b, err := os.ReadFile(safetyEvalDir + "/" + p)
		if err != nil {
			t.Skipf("shared evaluation texts absent: %v", err)
		}
		text = append(text, b...)
	}
	counts := map[string]int{}
	for _, w := range regexp.MustCompile(`[a-z]+`).FindAllString(strings.ToLower(string(text)), -1) {
		counts[w]++
	}
	lx := safetyLexiconOnce()
	deliberate := map[string]bool{}
	for _, n := range lx.names {
		deliberate[n] = true
	}
	for _, f := range strings.Fields(safetyAliases) {
		alias, _, _ := strings.Cut(f, "=")
		deliberate[alias] = true
	}
	for _, m := range []map[string]uint16{lx.words, lx.collapsed} {
		for w, id := range m {
			if !deliberate[w] && counts[w] >= 3 {
				t.Errorf("%q reads as %q but is a word of its own (%d times in the medical texts): add it to safetyNeutralWords or safetyFuzzyStop", w, lx.names[id], counts[w])
			}
		}
	}
}

// safetyTrace lists the rules that match text (one chunk), each with
// whether its guards cancelled it, and the tokens with their marks: the
// explanation a failing test prints.
func safetyTrace(text string) []string {
	var sc safetyScanner
	sc.lx = safetyLexiconOnce()
	sc.feed(text)
	sc.endWord()
	toks := sc.toks[:sc.n]
	lx := sc.lx
	sc.frames.split(lx, toks)
	for i := range toks {
		for _, en := range lx.markers.of(toks[i].id) {
			r := &lx.rules[en.rule]
			if end := r.match(lx, toks, i); end >= 0 {
				sc.mark(r, i, end)
			}
		}
	}
	var out []string
	for i := range toks {
		for _, en := range lx.triggers.of(toks[i].id) {
			r := &lx.rules[en.rule]
			if end := r.match(lx, toks, i); end >= 0 {
				g := ""
				if sc.guarded(r, i, end) {
					g = " (cancelled by its guards)"
				}
				out = append(out, r.src+g)
			}
		}
	}
	var words []string
	for _, t := range toks {
		words = append(words, fmt.Sprintf("%s/s%d/f%x", lx.names[t.id], t.sent, t.flags))
	}
	return append(out, "tokens: "+strings.Join(words, " "))
}
