package bot

import (
	"bufio"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// checkSafetyMatchesReference runs the scanner and the reference scanner
// (safety_ref_test.go) over text and requires the same tokens and score,
// not only the same answer.
func checkSafetyMatchesReference(t *testing.T, text string) SafetyKind {
	t.Helper()
	lx := safetyLexiconOnce()
	var got safetyScanner
	got.lx = lx
	got.scan(text)
	var want refSafetyScanner
	want.lx = lx
	want.scan(text)
	if got.score != want.score || got.done != want.done || got.n != want.n || got.sent != want.sent {
		t.Fatalf("%q: score %+v done %v (%d tokens, sentence %d), reference %+v done %v (%d tokens, sentence %d)",
			text, got.score, got.done, got.n, got.sent, want.score, want.done, want.n, want.sent)
	}
	if got.done {
		return got.score.kind() // stopped mid-chunk: the rest of the tokens are not read
	}
	// The words as read: ids, numbers, sentences and commas. The marks of
	// the rules are compared through the score they lead to.
	for i := range got.toks[:got.n] {
		g, w := got.toks[i], want.toks[i]
		g.flags &= safetyFComma
		w.flags &= safetyFComma
		if g != w {
			t.Fatalf("%q: token %d is %+v (%s), reference %+v (%s)", text, i, g, lx.names[g.id], w, lx.names[w.id])
		}
	}
	if k := CheckSafety(text); k != got.score.kind() && (got.score.kind() != SafetyNone && got.score.kind() != SafetyAbuse || k != safetyModelKind(text)) {
		t.Fatalf("%q: CheckSafety %s, its scanner %s", text, k, got.score.kind())
	}
	return got.score.kind()
}

// safetySpell types word as a patient might: capitals, accents, an
// apostrophe, stretched or dropped letters, a dropped final g.
func safetySpell(r *rand.Rand, w string) string {
	accents := map[byte]string{'a': "á", 'e': "é", 'i': "í", 'o': "ó", 'u': "ü", 'n': "ñ", 'c': "ç"}
	switch r.IntN(14) {
	case 0:
		return strings.ToUpper(w)
	case 1:
		return strings.ToUpper(w[:1]) + w[1:]
	case 2:
		i := r.IntN(len(w))
		if a, ok := accents[w[i]]; ok {
			return w[:i] + a + w[i+1:]
		}
	case 3:
		i := r.IntN(len(w))
		return w[:i+1] + strings.Repeat(w[i:i+1], 1+r.IntN(3)) + w[i+1:]
	case 4:
		if len(w) > 4 {
			i := r.IntN(len(w))
			return w[:i] + w[i+1:]
		}
	case 5:
		if len(w) > 3 {
			i := r.IntN(len(w) - 1)
			return w[:i] + w[i+1:i+2] + w[i:i+1] + w[i+2:]
		}
	case 6:
		if len(w) > 2 {
			i := 1 + r.IntN(len(w)-1)
			return w[:i] + []string{"'", "\u2019", "`", "\u0301"}[r.IntN(4)] + w[i:]
		}
	case 7:
		if strings.HasSuffix(w, "ing") {
			return w[:len(w)-1]
		}
	case 8:
		return w + []string{"s", "ed", "ing", "in", "!!", "..."}[r.IntN(6)]
	}
	return w
}

// safetyPhrases writes, for every rule, messages its pattern matches: every
// word of every slot in turn, numbers at the edges of their ranges, gaps
// filled or not, optional slots there or not.
func safetyPhrases(r *rand.Rand, lx *safetyLexicon, rule *safetyRule, n int) [][]string {
	var out [][]string
	for v := range n {
		var ws []string
		for k, s := range rule.slots {
			if s.gap > 0 && r.IntN(2) == 0 {
				for range 1 + r.IntN(int(s.gap)) {
					ws = append(ws, []string{"really", "so", "zzq", "the", "all", "just"}[r.IntN(6)])
				}
			}
			if s.opt && r.IntN(2) == 0 {
				continue
			}
			if s.hasNum && (len(s.ids) == 0 || r.IntN(2) == 0) {
				ws = append(ws, strconv.Itoa(int([]int32{s.lo, s.hi, (s.lo + s.hi) / 2, s.lo + 1}[r.IntN(4)])))
				continue
			}
			if len(s.ids) > 0 {
				ws = append(ws, lx.names[s.ids[(v+k)%len(s.ids)]])
			}
		}
		out = append(out, ws)
	}
	return out
}

// safetyMessages is the generated corpus: every rule's phrases, spelled
// and punctuated in many ways, alone and inside context (other rules'
// phrases, markers of negation, time, jokes and questions); and every
// word the lexicon knows, alone and in pairs.
func safetyMessages() []string {
	lx := safetyLexiconOnce()
	r := rand.New(rand.NewPCG(7, 11))
	seps := []string{" ", " ", " ", "  ", ", ", ". ", "! ", "? ", "; ", "\n", " - ", "\u2026 ", " \U0001F602 ", ": "}
	join := func(ws []string) string {
		var b strings.Builder
		for i, w := range ws {
			if i > 0 {
				if r.IntN(5) == 0 {
					b.WriteString(seps[r.IntN(len(seps))])
				} else {
					b.WriteByte(' ')
				}
			}
			if w != "" {
				b.WriteString(safetySpell(r, w))
			}
		}
		return b.String()
	}
	var phrases [][]string
	for i := range lx.rules {
		phrases = append(phrases, safetyPhrases(r, lx, &lx.rules[i], 12)...)
	}
	var msgs []string
	for _, p := range phrases {
		msgs = append(msgs, join(p), strings.Join(p, " "))
		// In context: another rule's phrase (often a marker) before or after.
		q := phrases[r.IntN(len(phrases))]
		msgs = append(msgs, join(append(append([]string{}, q...), p...)), join(append(append([]string{}, p...), q...)))
	}
	for _, w := range lx.names[2:] {
		msgs = append(msgs, w, safetySpell(r, w), w+" "+lx.names[2+r.IntN(len(lx.names)-2)])
	}
	for i := range lx.table.slots {
		if e := &lx.table.slots[i]; e.id != 0 {
			msgs = append(msgs, lx.table.key(e))
		}
	}
	return msgs
}

// TestSafetyMatchesReference holds the scanner to the reference on the
// generated corpus, on the evaluation messages, and on long messages that
// cross chunks.
func TestSafetyMatchesReference(t *testing.T) {
	msgs := safetyMessages()
	kinds := map[SafetyKind]int{}
	for _, m := range msgs {
		kinds[checkSafetyMatchesReference(t, m)]++
	}
	t.Logf("%d generated messages: %v", len(msgs), kinds)
	if kinds[SafetyCrisis] < len(msgs)/20 || kinds[SafetyEmergency] < len(msgs)/20 {
		t.Errorf("the corpus fires too few rules to test them: %v", kinds)
	}
	// Long messages: many phrases, so rules meet chunk boundaries.
	r := rand.New(rand.NewPCG(3, 5))
	for range 300 {
		var b strings.Builder
		for b.Len() < 3000 {
			b.WriteString(msgs[r.IntN(len(msgs))])
			b.WriteString([]string{" ", ". ", ", ", "\n"}[r.IntN(4)])
		}
		checkSafetyMatchesReference(t, b.String())
	}
	for _, f := range []string{"safety/dev.jsonl", "clinic/queries-dev.jsonl", "public/covid-jhu/queries.jsonl", "public/deepset-covid/queries.jsonl"} {
		fh, err := os.Open(filepath.Join(safetyEvalDir, f))
		if err != nil {
			t.Logf("evaluation data absent: %v", err)
			continue
		}
		sc := bufio.NewScanner(fh)
		for sc.Scan() {
			var l struct{ Q string }
			if json.Unmarshal(sc.Bytes(), &l) == nil {
				checkSafetyMatchesReference(t, l.Q)
			}
		}
		fh.Close()
	}
}

func FuzzSafetyMatchesReference(f *testing.F) {
	for _, s := range []string{"", "i want to die", "my back is killing me lol", "not suicidal. i took all my pills",
		"had a seizure in 2019", "mi bebe no respira", strings.Repeat("kill myself, ", 40), "\xff\U0001F602ok",
		"i'm fine now. it stopped.", "A\u0301B\u2019C 12 3456789012"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkSafetyMatchesReference(t, s) })
}

// TestSafetyCorpusFiresEveryRule: the generated corpus makes every trigger
// rule count at least once, so the differential test would see any rule
// the scanner stopped applying.
func TestSafetyCorpusFiresEveryRule(t *testing.T) {
	lx := safetyLexiconOnce()
	var sc refSafetyScanner
	sc.fired = map[uint16]bool{}
	for _, m := range safetyMessages() {
		fired := sc.fired
		sc = refSafetyScanner{lx: lx, fired: fired}
		sc.scan(m)
	}
	for ri := range lx.rules {
		r := &lx.rules[ri]
		if r.effect < safetyMTopic && !sc.fired[uint16(ri)] {
			t.Errorf("no generated message fires rule %q", r.src)
		}
	}
}

// Every trigger rule has a required slot whose words (and numbers, if it
// takes them) are all anchor words. A match needs a word of every required
// slot, so a chunk without an anchor word matches no trigger: skipping it
// (mayTrigger) cannot lose an alarm.
func TestSafetyAnchorsCoverEveryTrigger(t *testing.T) {
	lx := safetyLexiconOnce()
	for ri := range lx.rules {
		r := &lx.rules[ri]
		if r.effect >= safetyMTopic {
			continue
		}
		covered := false
		for _, s := range r.slots {
			all := !s.opt && (len(s.ids) > 0 || s.hasNum)
			for _, id := range s.ids {
				all = all && lx.wclass[id]&safetyWAnchor != 0
			}
			if s.hasNum {
				all = all && lx.wclass[safetyNumID]&safetyWAnchor != 0
			}
			covered = covered || all
		}
		if !covered {
			t.Errorf("rule %q has no slot of anchor words", r.src)
		}
	}
}

// The prefilter never says "nothing can match" when the reference scanner
// applies a rule, on every generated message; and it says so for most
// ordinary questions.
func TestSafetyPrefilterIsConservative(t *testing.T) {
	lx := safetyLexiconOnce()
	check := func(text string) bool {
		var sc safetyScanner
		sc.lx = lx
		sc.feed(text)
		sc.endWord()
		if sc.done || sc.n < 1 {
			return true
		}
		var chunk safetyBloom
		first, _ := sc.firstTrigger(&chunk)
		may := first >= 0
		ref := refSafetyScanner{lx: lx, fired: map[uint16]bool{}}
		ref.scan(text)
		if !may && (len(ref.fired) > 0 || ref.score != (safetyScore{})) {
			t.Fatalf("%q: the prefilter says no rule can match, the reference applies %d", text, len(ref.fired))
		}
		return may
	}
	n := 0
	for _, m := range safetyMessages() {
		if len(m) < 400 { // one chunk
			check(m)
			n++
		}
	}
	t.Logf("%d generated messages", n)
	for _, f := range []string{"clinic/queries-dev.jsonl", "public/covid-jhu/queries.jsonl", "public/deepset-covid/queries.jsonl"} {
		fh, err := os.Open(filepath.Join(safetyEvalDir, f))
		if err != nil {
			t.Logf("evaluation data absent: %v", err)
			continue
		}
		total, skipped := 0, 0
		sc := bufio.NewScanner(fh)
		for sc.Scan() {
			var l struct{ Q string }
			if json.Unmarshal(sc.Bytes(), &l) == nil && len(l.Q) < 400 {
				total++
				if !check(l.Q) {
					skipped++
				}
			}
		}
		fh.Close()
		t.Logf("%s: %d of %d questions need no rule read", f, skipped, total)
	}
}

// The word table answers as the reference table does for every key it
// holds, and for words that are one letter off a key, a prefix or an
// extension of one, in buffers of every capacity the scanner uses.
func TestSafetyTableMatchesReference(t *testing.T) {
	lx := safetyLexiconOnce()
	ref := refTable()
	keys := 0
	check := func(w string) {
		for _, c := range []int{len(w), safetyWordMax, 64} {
			buf := make([]byte, len(w), max(c, len(w)))
			copy(buf, w)
			copy(buf[len(buf):cap(buf)], "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz") // stale bytes after the word
			var got uint16
			if e := lx.table.get(safetyHash(buf), buf); e != nil {
				got = e.id
				if e.class != lx.wclass[e.id] {
					t.Fatalf("get(%q): class %b, want wclass %b", w, e.class, lx.wclass[e.id])
				}
			}
			if want := ref.get(safetyHash(buf), buf); got != want {
				t.Fatalf("get(%q) with capacity %d: got %d, want %d", w, cap(buf), got, want)
			}
		}
	}
	for i := range lx.table.slots {
		e := &lx.table.slots[i]
		if e.id == 0 {
			continue
		}
		w := lx.table.key(e)
		keys++
		check(w)
		check(w[:len(w)-1])
		check(w + "s")
		check("x" + w)
		check(w[:len(w)/2] + "q" + w[len(w)/2+1:])
	}
	n := 0
	for i := range ref.slots {
		if ref.slots[i].id != 0 {
			n++
		}
	}
	if keys != n {
		t.Errorf("the table holds %d keys, the reference %d", keys, n)
	}
}

// The index files every rule under each id of its first slot (and the
// number id if it takes numbers), in the order of the tables, markers and
// triggers apart; the id's word class says whether it has any, as the
// scanner skips the index for a word without; and the need an entry
// carries is one its rule has, so checking it first rules out only rules
// that possible would.
func TestSafetyIndex(t *testing.T) {
	lx := safetyLexiconOnce()
	for _, ix := range []struct {
		name    string
		index   *safetyIndex
		markers bool
		class   uint8
	}{{"markers", &lx.markers, true, safetyWMark}, {"triggers", &lx.triggers, false, safetyWTrig}} {
		want := make([][]uint16, len(lx.names))
		for ri := range lx.rules {
			r := &lx.rules[ri]
			if (r.effect >= safetyMTopic) != ix.markers {
				continue
			}
			for _, id := range r.slots[0].ids {
				want[id] = append(want[id], uint16(ri))
			}
			if r.slots[0].hasNum {
				want[safetyNumID] = append(want[safetyNumID], uint16(ri))
			}
		}
		for id := range lx.names {
			entries := ix.index.of(uint16(id))
			if len(entries) != len(want[id]) {
				t.Fatalf("%s of %q: %d rules, want %d", ix.name, lx.names[id], len(entries), len(want[id]))
			}
			if got, want := lx.wclass[id]&ix.class != 0, len(entries) > 0; got != want {
				t.Errorf("%s of %q: the class bit says %v, want %v", ix.name, lx.names[id], got, want)
			}
			for k, en := range entries {
				r := &lx.rules[en.rule]
				if en.rule != want[id][k] {
					t.Errorf("%s of %q, entry %d: rule %q, want %q", ix.name, lx.names[id], k, r.src, lx.rules[want[id][k]].src)
				}
				ok := len(r.need) == 0 && en.need == safetyHalf{^uint64(0), ^uint64(0)}
				for _, nb := range r.need {
					ok = ok || nb.fold() == en.need
				}
				if !ok {
					t.Errorf("%s of %q: rule %q carries a need it does not have", ix.name, lx.names[id], r.src)
				}
			}
		}
	}
}
