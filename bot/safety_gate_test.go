package bot

import (
	"bufio"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// checkSafetyGate reads text into one chunk and requires firstTrigger,
// gate and all, to find what the search without the gate finds. It
// reports whether the gate let the chunk through, and false for a text
// that takes more than one chunk (judged by the diff test instead).
func checkSafetyGate(t *testing.T, text string) (open, judged bool) {
	t.Helper()
	if safetyMaxTokens(text) >= safetyChunk {
		return false, false
	}
	var sc safetyScanner
	sc.lx = safetyLexiconOnce()
	sc.feed(text)
	sc.endWord()
	if sc.done || sc.n == 0 {
		return false, false
	}
	var gated, all safetyBloom
	gotI, gotK := sc.firstTrigger(&gated)
	for i := range sc.toks[:sc.n] {
		all.add(sc.toks[i].id)
	}
	wantI, wantK := sc.search(&all)
	if gotI != wantI || gotK != wantK {
		t.Fatalf("%q: with the gate the first trigger is at token %d (entry %d), without it at %d (entry %d)", text, gotI, gotK, wantI, wantK)
	}
	if gated != all {
		t.Fatalf("%q: firstTrigger left the chunk bloom %x, want %x", text, gated, all)
	}
	return sc.lx.gate.open(sc.toks[:sc.n], &all), true
}

// safetyMaxTokens bounds the number of tokens the scanner makes of text:
// a token is a run of ASCII letters or of digits, or comes from a
// non-ASCII rune.
func safetyMaxTokens(text string) int {
	kind := func(c byte) int {
		switch {
		case safetyLower[c] != 0:
			return 1
		case '0' <= c && c <= '9':
			return 2
		case c >= 0x80:
			return 3
		}
		return 0
	}
	n, prev := 0, 0
	for i := 0; i < len(text); i++ {
		k := kind(text[i])
		if k == 3 || (k != 0 && k != prev) {
			n++
		}
		prev = k
	}
	return n
}

// safetyEvalQueries reads the questions of the evaluation files that exist.
func safetyEvalQueries(t *testing.T, files ...string) [][]string {
	var out [][]string
	for _, f := range files {
		fh, err := os.Open(filepath.Join(safetyEvalDir, f))
		if err != nil {
			t.Logf("evaluation data absent: %v", err)
			out = append(out, nil)
			continue
		}
		var qs []string
		sc := bufio.NewScanner(fh)
		for sc.Scan() {
			var l struct{ Q string }
			if json.Unmarshal(sc.Bytes(), &l) == nil {
				qs = append(qs, l.Q)
			}
		}
		fh.Close()
		out = append(out, qs)
	}
	return out
}

// TestSafetyGateIsConservative: the gate never turns away a chunk in
// which the search finds a trigger, on the generated corpus (which fires
// every rule), on the evaluation questions, on every run of up to eight
// of their words, and on questions joined in pairs; and it turns away most
// ordinary clinic questions, which is what it is for.
func TestSafetyGateIsConservative(t *testing.T) {
	n := 0
	for _, m := range safetyMessages() {
		if _, ok := checkSafetyGate(t, m); ok {
			n++
		}
	}
	t.Logf("%d generated messages", n)
	files := []string{"clinic/queries-dev.jsonl", "safety/dev.jsonl", "public/covid-jhu/queries.jsonl", "public/deepset-covid/queries.jsonl"}
	sets := safetyEvalQueries(t, files...)
	var all []string
	runs := 0
	for fi, qs := range sets {
		closed, judged := 0, 0
		for _, q := range qs {
			all = append(all, q)
			if open, ok := checkSafetyGate(t, q); ok {
				judged++
				if !open {
					closed++
				}
			}
			ws := strings.Fields(q)
			for i := range ws {
				for j := i + 1; j <= len(ws) && j <= i+8; j++ {
					checkSafetyGate(t, strings.Join(ws[i:j], " "))
					runs++
				}
			}
		}
		t.Logf("%s: the gate turns away %d of %d questions", files[fi], closed, judged)
		if fi == 0 && judged > 0 && closed < judged/2 {
			t.Errorf("%s: the gate turns away %d of %d ordinary questions, want at least half", files[fi], closed, judged)
		}
	}
	r := rand.New(rand.NewPCG(5, 8))
	for range min(len(all)*3, 6000) {
		a, b := all[r.IntN(len(all))], all[r.IntN(len(all))]
		checkSafetyGate(t, a+[]string{" ", ". ", ", ", "\n"}[r.IntN(4)]+b)
	}
	t.Logf("%d runs of words, %d joined pairs", runs, min(len(all)*3, 6000))
}

func FuzzSafetyGate(f *testing.F) {
	for _, s := range []string{"", "i want to die", "do you take insurance", "took all my pills 20 minutes ago",
		"no puedo respirar", "my back is killing me lol", "how long is the wait at 4 pm", "\xff\U0001F602 kys"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkSafetyGate(t, s) })
}

// TestSafetyGateBlocks: every trigger rule has a required slot whose every
// word (and the number, if the slot takes numbers) is an anchor word with,
// among its blocks, one that lists exactly the rule's other required
// slots. So a chunk that holds a word of each required slot of a rule
// opens the gate, whichever slot the builder chose.
func TestSafetyGateBlocks(t *testing.T) {
	lx := safetyLexiconOnce()
	g := &lx.gate
	key := func(slots [][]uint16) string {
		var ks []string
		for _, s := range slots {
			s = slices.Sorted(slices.Values(s))
			var b strings.Builder
			for _, id := range s {
				b.WriteString(lx.names[id])
				b.WriteByte('|')
			}
			ks = append(ks, b.String())
		}
		slices.Sort(ks)
		return strings.Join(ks, " ")
	}
	blocks := func(id uint16) map[string]bool {
		out := map[string]bool{}
		for _, off := range g.offset[g.start[id]:g.start[id+1]] {
			c := g.checks[off:]
			n := int(c[0])
			c = c[1:]
			var slots [][]uint16
			for range n {
				k := int(c[0])
				slots = append(slots, c[1:1+k])
				c = c[1+k:]
			}
			out[key(slots)] = true
		}
		return out
	}
	for ri := range lx.rules {
		r := &lx.rules[ri]
		if r.effect >= safetyMTopic {
			continue
		}
		found := false
		for a := range r.slots {
			if r.slots[a].opt {
				continue
			}
			var others [][]uint16
			for k := range r.slots {
				if k != a && !r.slots[k].opt {
					others = append(others, safetySlotIDs(&r.slots[k]))
				}
			}
			want := key(others)
			ok := true
			for _, id := range safetySlotIDs(&r.slots[a]) {
				ok = ok && lx.wclass[id]&safetyWAnchor != 0 && blocks(id)[want]
			}
			found = found || ok
		}
		if !found {
			t.Errorf("rule %q: no required slot files it in the gate with its other slots", r.src)
		}
	}
}
