package bot

import (
	"fmt"
	"slices"
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
	and, y    uint16 // the ids of "and" and "y", which a safetyWThen word follows
	rules     []safetyRule
	markers   safetyIndex // marker rules by the id of their first word
	triggers  safetyIndex // trigger rules by the id of their first word
	gate      safetyGate  // trigger rules by the ids of their anchor slot, to rule a chunk out
	names     []string    // id to word, for tests
	errs      []string    // problems in the tables; a test requires none
}

// safetyNumID is the id of every number token.
const safetyNumID uint16 = 1

// Word classes the scanner itself needs.
const (
	safetyWNeg    uint8 = 1 << iota // a negation: gaps never skip it
	safetyWBut                      // ends a negation's scope
	safetyWFirst                    // "i": ends a question's scope ("do you have x, i want to die")
	safetyWAnchor                   // a word of the anchor slot of some trigger rule
	safetyWTrig                     // the first word of some trigger rule: triggers.of(id) is not empty
	safetyWMark                     // the first word of some marker rule: markers.of(id) is not empty
	safetyWShift                    // starts a new time frame: "now", "today", "hoy"
	safetyWThen                     // starts one after "and"/"y": "im", "estoy"
)

// safetyLexiconOnce builds the lexicon on first use and returns the same one
// ever after.
var safetyLexiconOnce = sync.OnceValue(safetyBuild)

// lookup returns the id of a word as typed, or 0, with the id's word
// classes (wclass), which the table keeps beside it: the scanner reads
// them from the token rather than from wclass, a cold array by the time a
// message comes. h is the word's safetyHash, and double says whether it
// has a letter twice in a row.
func (lx *safetyLexicon) lookup(w []byte, h uint32, double bool) (uint16, uint8) {
	if e := lx.table.get(h, w); e != nil {
		return e.id, e.class
	}
	// "killl", "pleeease": compare with every double letter collapsed. The
	// table also holds the collapsed form of every word, so a dropped double
	// ("pils", "stil") is found by the first lookup.
	if double {
		var buf [safetyWordMax]byte
		c := safetyCollapse(buf[:0], w)
		if e := lx.table.get(safetyHash(c), c); e != nil {
			return e.id, e.class
		}
	}
	// "cuttin", "bleedin", "dyin": the dropped g of speech.
	if n := len(w); n >= 4 && n < safetyWordMax && w[n-2] == 'i' && w[n-1] == 'n' {
		var buf [safetyWordMax]byte
		g := append(append(buf[:0], w...), 'g')
		if e := lx.table.get(safetyHash(g), g); e != nil {
			return e.id, e.class
		}
	}
	if safetyIsLaugh(w) {
		return lx.lol, lx.wclass[lx.lol]
	}
	return 0, 0
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
	common  map[string]int // the cost of the common and frequent words
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
	b.lx.and, b.lx.y = b.word("and"), b.word("y")
	for _, w := range strings.Fields(safetyNeutralWords) {
		b.word(w)
	}
	for _, table := range [][]string{safetyMarkerRules, safetyLookalikeRules, safetyCrisisRules, safetyEmergencyRules, safetyAbuseRules, safetyOrdinaryRules} {
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
	b.pack()
	all := make(map[string]uint16, len(b.lx.words)+len(b.lx.collapsed))
	for w, id := range b.lx.collapsed {
		all[w] = id
	}
	for w, id := range b.lx.words {
		all[w] = id
	}
	b.lx.table = newSafetyTable(all, b.lx.wclass)
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
