package bot

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// safetyLexicon is the compiled form of the word classes and rule tables:
// a word-to-id map and, per id, the rules whose first slot holds that id. It
// is built once, on first use, and only read after that.
type safetyLexicon struct {
	words     map[string]uint16 // exact words, aliases and typo variants
	collapsed map[string]uint16 // words with repeated letters collapsed ("kil" for "kill")
	table     *safetyTable      // words and collapsed forms together, for the scanner
	wclass    []uint8           // safetyW* bits per id
	lol       uint16
	rules     []safetyRule
	markers   [][]uint16 // marker rules by the id of their first word
	triggers  [][]uint16 // trigger rules by the id of their first word
	names     []string   // id to word, for tests
	errs      []string   // problems in the tables; a test requires none
}

// safetyNumID is the id of every number token.
const safetyNumID uint16 = 1

// Word classes the scanner itself needs.
const (
	safetyWNeg   uint8 = 1 << iota // a negation: gaps never skip it
	safetyWBut                     // ends a negation's scope
	safetyWFirst                   // "i": ends a question's scope ("do you have x, i want to die")
)

// safetyLexiconOnce builds the lexicon on first use and returns the same one
// ever after.
var safetyLexiconOnce = sync.OnceValue(safetyBuild)

// lookup returns the id of a word as typed, or 0. h is the word's
// safetyHash, and double says whether it has a letter twice in a row.
func (lx *safetyLexicon) lookup(w []byte, h uint32, double bool) uint16 {
	if id := lx.table.get(h, w); id != 0 {
		return id
	}
	// "killl", "pleeease": compare with every double letter collapsed. The
	// table also holds the collapsed form of every word, so a dropped double
	// ("pils", "stil") is found by the first lookup.
	if double {
		var buf [safetyWordMax]byte
		c := safetyCollapse(buf[:0], w)
		if id := lx.table.get(safetyHash(c), c); id != 0 {
			return id
		}
	}
	// "cuttin", "bleedin", "dyin": the dropped g of speech.
	if n := len(w); n >= 4 && n < safetyWordMax && w[n-2] == 'i' && w[n-1] == 'n' {
		var buf [safetyWordMax]byte
		g := append(append(buf[:0], w...), 'g')
		if id := lx.table.get(safetyHash(g), g); id != 0 {
			return id
		}
	}
	if safetyIsLaugh(w) {
		return lx.lol
	}
	return 0
}

// safetyCollapse appends w to dst with every run of a letter cut to one.
func safetyCollapse(dst, w []byte) []byte {
	for i, c := range w {
		if i == 0 || c != w[i-1] {
			dst = append(dst, c)
		}
	}
	return dst
}

// safetyIsLaugh recognises typed laughter: "hahaha", "jajaja", "jejeje", "lolol".
func safetyIsLaugh(w []byte) bool {
	if len(w) < 4 {
		return false
	}
	var hj, ae, lo int
	for _, c := range w {
		switch c {
		case 'h', 'j':
			hj++
		case 'a', 'e':
			ae++
		case 'l', 'o':
			lo++
		default:
			return false
		}
	}
	return (lo == 0 && hj >= 2 && ae >= 2) || (lo == len(w) && w[0] == 'l')
}

// safetyBuilder compiles the tables into a lexicon.
type safetyBuilder struct {
	lx      *safetyLexicon
	aliases map[string]string
	classes map[string][]uint16
}

func safetyBuild() *safetyLexicon {
	b := &safetyBuilder{
		lx:      &safetyLexicon{words: map[string]uint16{}, collapsed: map[string]uint16{}, names: []string{"", "#"}},
		aliases: map[string]string{},
		classes: map[string][]uint16{},
	}
	for _, f := range strings.Fields(safetyAliases) {
		alias, canon, ok := strings.Cut(f, "=")
		if !ok {
			b.errorf("alias %q: want alias=word", f)
			continue
		}
		b.aliases[alias] = canon
	}
	names := make([]string, 0, len(safetyClasses))
	for name := range safetyClasses {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		var ids []uint16
		for _, w := range strings.Fields(safetyClasses[name]) {
			ids = append(ids, b.word(w))
		}
		slices.Sort(ids)
		b.classes[name] = slices.Compact(ids)
	}
	b.lx.lol = b.word("lol")
	for _, w := range strings.Fields(safetyNeutralWords) {
		b.word(w)
	}
	for _, table := range [][]string{safetyMarkerRules, safetyLookalikeRules, safetyCrisisRules, safetyEmergencyRules} {
		for _, src := range table {
			b.rule(src)
		}
	}
	for alias, canon := range b.aliases {
		b.lx.words[alias] = b.word(canon)
	}
	b.collapse()
	b.fuzzy()
	b.index()
	all := make(map[string]uint16, len(b.lx.words)+len(b.lx.collapsed))
	for w, id := range b.lx.collapsed {
		all[w] = id
	}
	for w, id := range b.lx.words {
		all[w] = id
	}
	b.lx.table = newSafetyTable(all)
	return b.lx
}

func (b *safetyBuilder) errorf(format string, args ...any) {
	b.lx.errs = append(b.lx.errs, fmt.Sprintf(format, args...))
}

// word returns the id of w, registering it on first sight.
func (b *safetyBuilder) word(w string) uint16 {
	if canon, ok := b.aliases[w]; ok {
		w = canon
	}
	if id, ok := b.lx.words[w]; ok {
		return id
	}
	for _, c := range []byte(w) {
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			b.errorf("word %q: only a-z and 0-9, as the scanner folds them", w)
			break
		}
	}
	if len(w) == 0 || len(w) > safetyWordMax {
		b.errorf("word %q: length must be 1..%d", w, safetyWordMax)
	}
	id := uint16(len(b.lx.names))
	b.lx.names = append(b.lx.names, w)
	b.lx.words[w] = id
	return id
}

// rule compiles one line: "EFFECT[/GUARDS] SLOT [*N] SLOT ...".
func (b *safetyBuilder) rule(src string) {
	fields := strings.Fields(src)
	if len(fields) < 2 {
		b.errorf("rule %q: want an effect and at least one slot", src)
		return
	}
	r := safetyRule{src: src}
	eff, guards, _ := strings.Cut(fields[0], "/")
	if !b.effect(&r, eff) {
		return
	}
	for _, g := range guards {
		i := strings.IndexRune(safetyGuardLetters, g)
		if i < 0 {
			b.errorf("rule %q: unknown guard %q", src, g)
			return
		}
		r.guard |= 1 << i
	}
	gap := 0
	for k, f := range fields[1:] {
		switch {
		case f == "^" && k == 0:
			r.atStart = true
		case f == "$" && k == len(fields)-2:
			r.atEnd = true
		case f[0] == '*':
			n, err := strconv.Atoi(f[1:])
			if err != nil || n < 0 || n > 12 {
				b.errorf("rule %q: bad gap %q", src, f)
				return
			}
			gap = n
		default:
			s := b.slot(src, f)
			s.gap = uint8(gap)
			gap = 0
			r.slots = append(r.slots, s)
		}
	}
	if len(r.slots) == 0 || r.slots[0].opt || r.slots[0].gap != 0 {
		b.errorf("rule %q: the first slot must be a plain, required slot", src)
		return
	}
	for _, s := range r.slots[1:] {
		if s.opt {
			continue
		}
		var bl safetyBloom
		for _, id := range s.ids {
			bl.add(id)
		}
		if s.hasNum {
			bl.add(safetyNumID)
		}
		r.need = append(r.need, bl)
	}
	b.lx.rules = append(b.lx.rules, r)
}

// safetyGuardLetters spells the guard bits in order: n f a s h p q o r j t i x k.
const safetyGuardLetters = "nfashpqorjtixk"

func (b *safetyBuilder) effect(r *safetyRule, eff string) bool {
	markers := map[string]uint8{
		"!topic": safetyMTopic, "!idiom": safetyMIdiom, "!neg": safetyMNeg, "!fut": safetyMFut,
		"!post": safetyMPost, "!svc": safetyMSvc, "!hypo": safetyMHypo, "!past": safetyMPast,
		"!recent": safetyMRecent, "!acute": safetyMAcute, "!chronic": safetyMChronic,
		"!resolved": safetyMResolved, "!joke": safetyMJoke, "!skip": safetyMSkip,
	}
	switch {
	case eff == "C":
		r.effect = safetyCrisis
	case eff == "E":
		r.effect = safetyEmergency
	case eff == "S":
		r.effect = safetySelfHarm
	case strings.HasPrefix(eff, "c."):
		r.effect = safetyCrisisClue
		return b.kind(r, safetyCrisisKinds, eff[2:])
	case strings.HasPrefix(eff, "e."):
		r.effect = safetyEmergClue
		return b.kind(r, safetyEmergencyKinds, eff[2:])
	case markers[eff] != 0:
		r.effect = markers[eff]
	default:
		b.errorf("rule %q: unknown effect %q", r.src, eff)
		return false
	}
	return true
}

func (b *safetyBuilder) kind(r *safetyRule, kinds []string, name string) bool {
	i := slices.Index(kinds, name)
	if i < 0 || i >= 32 {
		b.errorf("rule %q: unknown clue kind %q", r.src, name)
		return false
	}
	r.arg = uint8(i)
	return true
}

// slot compiles "a|b|@class|#8|#1-60" with an optional trailing "?".
func (b *safetyBuilder) slot(src, f string) safetySlot {
	var s safetySlot
	if strings.HasSuffix(f, "?") {
		s.opt = true
		f = f[:len(f)-1]
	}
	for _, alt := range strings.Split(f, "|") {
		switch {
		case strings.HasPrefix(alt, "@"):
			ids, ok := b.classes[alt[1:]]
			if !ok {
				b.errorf("rule %q: unknown class %q", src, alt)
			}
			s.ids = append(s.ids, ids...)
		case strings.HasPrefix(alt, "#"):
			lo, hi, ok := strings.Cut(alt[1:], "-")
			l, err1 := strconv.Atoi(lo)
			h, err2 := safetyNumMax, error(nil)
			if ok {
				h, err2 = strconv.Atoi(hi)
			}
			if err1 != nil || err2 != nil || l > h {
				b.errorf("rule %q: bad number range %q", src, alt)
			}
			s.hasNum, s.lo, s.hi = true, int32(l), int32(h)
		default:
			s.ids = append(s.ids, b.word(alt))
		}
	}
	slices.Sort(s.ids)
	s.ids = slices.Compact(s.ids)
	return s
}
