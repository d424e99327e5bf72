package bot

import (
	"sync"
	"unicode"
	"unicode/utf8"
)

// This file keeps the safety scanner as it was before it was made faster:
// the reference the differential tests and FuzzSafetyMatchesReference hold
// the fast one to, token by token. It shares the lexicon's words and rules
// with the fast one, and keeps its own word table; change it only with the
// behaviour.

// refCheckSafety is CheckSafety with the reference scanner.
func refCheckSafety(text string) SafetyKind {
	var sc refSafetyScanner
	sc.lx = safetyLexiconOnce()
	sc.scan(text)
	return sc.score.kind()
}

// refTable is the reference word table, built from the lexicon's words
// and collapsed forms as safetyBuild built it.
var refTable = sync.OnceValue(func() *refSafetyTable {
	lx := safetyLexiconOnce()
	all := make(map[string]uint16, len(lx.words)+len(lx.collapsed))
	for w, id := range lx.collapsed {
		all[w] = id
	}
	for w, id := range lx.words {
		all[w] = id
	}
	return refNewSafetyTable(all)
})

// refLookup is safetyLexicon.lookup over the reference table.
func refLookup(lx *safetyLexicon, w []byte, h uint32, double bool) uint16 {
	t := refTable()
	if id := t.get(h, w); id != 0 {
		return id
	}
	if double {
		var buf [safetyWordMax]byte
		c := safetyCollapse(buf[:0], w)
		if id := t.get(safetyHash(c), c); id != 0 {
			return id
		}
	}
	if n := len(w); n >= 4 && n < safetyWordMax && w[n-2] == 'i' && w[n-1] == 'n' {
		var buf [safetyWordMax]byte
		g := append(append(buf[:0], w...), 'g')
		if id := t.get(safetyHash(g), g); id != 0 {
			return id
		}
	}
	if safetyIsLaugh(w) {
		return lx.lol
	}
	return 0
}

// refSafetyTable is the open-addressing table the lexicon used, keys
// stored apart from the slots.
type refSafetyTable struct {
	slots []refSafetyEntry
	keys  []byte
	mask  uint32
}

type refSafetyEntry struct {
	hash uint32
	off  uint32
	n    uint8
	id   uint16
}

func refNewSafetyTable(m map[string]uint16) *refSafetyTable {
	size := uint32(16)
	for size < uint32(2*len(m)) {
		size *= 2
	}
	t := &refSafetyTable{slots: make([]refSafetyEntry, size), mask: size - 1}
	for w, id := range m {
		if id == 0 || len(w) > safetyWordMax {
			continue
		}
		h := safetyHash([]byte(w))
		i := h & t.mask
		for t.slots[i].id != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = refSafetyEntry{hash: h, off: uint32(len(t.keys)), n: uint8(len(w)), id: id}
		t.keys = append(t.keys, w...)
	}
	return t
}

func (t *refSafetyTable) get(h uint32, w []byte) uint16 {
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		e := &t.slots[i]
		if e.id == 0 {
			return 0
		}
		if e.hash == h && int(e.n) == len(w) && string(t.keys[e.off:e.off+uint32(e.n)]) == string(w) {
			return e.id
		}
	}
}

// refSafetyScanner turns text into tokens chunk by chunk and judges each chunk.
// It lives on the caller's stack: nothing escapes, nothing is allocated.
type refSafetyScanner struct {
	lx     *safetyLexicon
	score  safetyScore
	toks   [safetyChunk]safetyTok
	n      int
	sent   uint16              // sentence number of the next token
	frames safetyFrames        // time marks, by frame of a sentence
	word   [safetyWordMax]byte // the word being read
	wn     int                 // its length; may exceed safetyWordMax
	hash   uint32              // safetyHash of the word so far
	double bool                // it has a letter twice in a row
	comma  bool                // a comma came before the next token
	digits bool                // it is a number
	bad    bool                // it has letters we cannot fold to a-z
	done   bool                // an emergency is certain: stop reading
	fired  map[uint16]bool     // if not nil, the trigger rules that counted
}

// scan reads text once, left to right, and judges what it read.
func (sc *refSafetyScanner) scan(text string) {
	sc.feed(text)
	if !sc.done {
		sc.endWord()
		sc.judge()
	}
}

// feed turns text into tokens, judging each chunk as it fills.
func (sc *refSafetyScanner) feed(text string) {
	for i := 0; i < len(text) && !sc.done; {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z':
				sc.letter(c)
			case 'A' <= c && c <= 'Z':
				sc.letter(c + 'a' - 'A')
			case '0' <= c && c <= '9':
				sc.digit(c)
			case c == '\'' || c == '`':
				// Dropped inside a word: "don't" reads as "dont", as many type it.
			case c == '.' || c == '!' || c == '?' || c == ';' || c == '\n' || c == '\r':
				sc.endWord()
				sc.endSentence()
			case c == ',' || c == ':':
				sc.endWord()
				sc.comma = true
			default:
				sc.endWord()
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		sc.other(r)
	}
}

// other handles a non-ASCII rune: accented letters fold to a-z, laughing
// emoji become "lol", sentence marks end a sentence, the rest separates.
func (sc *refSafetyScanner) other(r rune) {
	if b := safetyFold(r); b != 0 {
		sc.letter(b)
		return
	}
	switch {
	case r == '\u2019' || r == '\u2018' || r == '\u02bc' || r == '\u00b4' ||
		(r >= 0x300 && r <= 0x36f): // apostrophes and combining accents stay inside the word
		return
	case r == '\U0001F602' || r == '\U0001F923' || r == '\U0001F639' || r == '\U0001F606' || r == '\U0001F480':
		sc.endWord()
		sc.emit(safetyTok{id: sc.lx.lol})
	case r == '\u2026' || r == '\u203c' || r == '\u2049' || r == '\uff1f' || r == '\uff01' || r == '\u3002':
		sc.endWord()
		sc.endSentence()
	case unicode.IsLetter(r):
		if sc.digits {
			sc.endWord()
		}
		sc.bad = true
		sc.wn++
	default:
		sc.endWord()
	}
}

func (sc *refSafetyScanner) letter(c byte) {
	if sc.digits {
		sc.endWord()
	}
	if sc.wn == 0 {
		sc.hash = safetyFNVOffset
	} else if sc.wn <= safetyWordMax && sc.word[sc.wn-1] == c {
		sc.double = true
	}
	if sc.wn < safetyWordMax {
		sc.word[sc.wn] = c
	}
	sc.hash = (sc.hash ^ uint32(c)) * safetyFNVPrime
	sc.wn++
}

func (sc *refSafetyScanner) digit(c byte) {
	if sc.wn > 0 && !sc.digits {
		sc.endWord()
	}
	sc.digits = true
	if sc.wn < safetyWordMax {
		sc.word[sc.wn] = c
	}
	sc.wn++
}

// endWord looks the word up and emits it as a token.
func (sc *refSafetyScanner) endWord() {
	if sc.wn == 0 {
		return
	}
	t := safetyTok{}
	switch {
	case sc.bad || sc.wn > safetyWordMax:
	case sc.digits:
		t.id = safetyNumID
		for _, d := range sc.word[:sc.wn] {
			if t.num < safetyNumMax {
				t.num = t.num*10 + int32(d-'0')
			}
		}
	default:
		t.id = refLookup(sc.lx, sc.word[:sc.wn], sc.hash, sc.double)
	}
	sc.wn, sc.digits, sc.bad, sc.double = 0, false, false, false
	sc.emit(t)
}

func (sc *refSafetyScanner) endSentence() {
	if sc.n > 0 && sc.toks[sc.n-1].sent == sc.sent {
		sc.sent++
	}
}

func (sc *refSafetyScanner) emit(t safetyTok) {
	t.class = sc.lx.wclass[t.id] // the shared rule matcher reads it from the token
	t.sent = sc.sent
	if sc.comma {
		t.flags = safetyFComma
		sc.comma = false
	}
	sc.toks[sc.n] = t
	sc.n++
	if sc.n < safetyChunk {
		return
	}
	sc.judge()
	// Carry the tail into the next chunk so a phrase across the cut is seen.
	copy(sc.toks[:safetyCarry], sc.toks[sc.n-safetyCarry:sc.n])
	sc.n = safetyCarry
	base := sc.toks[0].sent
	for i := range sc.toks[:sc.n] {
		sc.toks[i].sent -= base
	}
	sc.sent -= base
}

// judge runs the marker rules, then the trigger rules, over the chunk.
func (sc *refSafetyScanner) judge() {
	toks := sc.toks[:sc.n]
	lx := sc.lx
	for i := range toks {
		toks[i].flags &= safetyFComma
	}
	sc.frames.split(lx, toks)
	var chunk safetyBloom
	for i := range toks {
		chunk.add(toks[i].id)
	}
	for i := range toks {
		for _, en := range lx.markers.of(toks[i].id) {
			r := &lx.rules[en.rule]
			if !r.possible(&chunk) {
				continue
			}
			if end := r.match(lx, toks, i); end >= 0 {
				sc.mark(r, i, end)
			}
		}
	}
	for i := range toks {
		for _, en := range lx.triggers.of(toks[i].id) {
			ri, r := en.rule, &lx.rules[en.rule]
			if !r.possible(&chunk) {
				continue
			}
			if end := r.match(lx, toks, i); end >= 0 && !sc.guarded(r, i, end) {
				if sc.fired != nil {
					sc.fired[ri] = true
				}
				sc.apply(r)
				if sc.score.emergency {
					sc.done = true
					return
				}
			}
		}
	}
}

func (sc *refSafetyScanner) apply(r *safetyRule) {
	switch r.effect {
	case safetyCrisis:
		sc.score.crisis = true
	case safetyEmergency:
		sc.score.emergency = true
	case safetyCrisisClue:
		sc.score.cweak |= 1 << r.arg
	case safetyEmergClue:
		sc.score.eweak |= 1 << r.arg
	case safetySelfHarm:
		sc.score.selfHarmDone = true
	case safetyAbuse:
		sc.score.abuse = true
	}
}

// mark applies a marker rule matched at toks[i:end].
func (sc *refSafetyScanner) mark(r *safetyRule, i, end int) {
	toks := sc.toks[:sc.n]
	if r.guard&safetyGFresh != 0 {
		for j := i; j < end; j++ {
			if toks[j].flags&safetyFConsumed != 0 {
				return
			}
		}
	}
	if r.guard&safetyGConsume != 0 {
		for j := i; j < end; j++ {
			toks[j].flags |= safetyFConsumed
		}
	}
	switch r.effect {
	case safetyMTopic, safetyMIdiom:
		f := safetyFTopic
		if r.effect == safetyMIdiom {
			f = safetyFIdiom
		}
		for j := i; j < end; j++ {
			toks[j].flags |= f
		}
	case safetyMNeg:
		sc.scope(end, 3, safetyFNeg|safetyFComma, safetyWBut)
	case safetyMFut:
		sc.scope(end, 3, safetyFFut, safetyWBut)
	case safetyMPost:
		sc.scope(end, 3, safetyFPost, 0)
	case safetyMSvc:
		sc.scope(end, 8, safetyFSvc, safetyWFirst)
	case safetyMHypo:
		sc.scope(end, 8, safetyFHypo, 0)
	case safetyMPast:
		sc.frames.mark(toks, i, safetySPast)
	case safetyMRecent:
		sc.frames.mark(toks, i, safetySRecent)
	case safetyMAcute:
		sc.frames.mark(toks, i, safetySAcute)
	case safetyMChronic:
		sc.frames.mark(toks, i, safetySChronic)
	case safetyMResolved:
		sc.frames.mark(toks, i, safetySResolved)
	case safetyMJoke:
		// Laughter follows the joke: it marks its sentence and the one before.
		sc.frames.mark(toks, i, safetySJoke)
	}
}

// scope marks up to n tokens from start, within the sentence, with flag,
// stopping at a word of class stop ("but" ends a negation, "i" ends a
// question about services). If flag includes safetyFComma, a comma stops
// it too: "can't eat, just want to end it" negates only the eating.
func (sc *refSafetyScanner) scope(start, n int, flag uint16, stop uint8) {
	toks := sc.toks[:sc.n]
	if start >= len(toks) || start == 0 {
		return
	}
	byComma := flag&safetyFComma != 0
	flag &^= safetyFComma
	sent := toks[start-1].sent
	for j := start; j < len(toks) && j < start+n && toks[j].sent == sent; j++ {
		if sc.lx.wclass[toks[j].id]&stop != 0 || (byComma && toks[j].flags&safetyFComma != 0) {
			return
		}
		toks[j].flags |= flag
	}
}

// guarded reports whether the context of a match at toks[i:end] cancels it.
func (sc *refSafetyScanner) guarded(r *safetyRule, i, end int) bool {
	g := r.guard
	if g == 0 {
		return false
	}
	t := &sc.toks[i]
	for _, c := range [...]struct {
		g uint16
		f uint16
	}{{safetyGNeg, safetyFNeg}, {safetyGFut, safetyFFut}, {safetyGPost, safetyFPost}, {safetyGSvc, safetyFSvc}, {safetyGHypo, safetyFHypo}} {
		if g&c.g != 0 && t.flags&c.f != 0 {
			return true
		}
	}
	sf := sc.frames.of(sc.toks[:sc.n], i)
	acute := sf&safetySAcute != 0
	switch {
	case g&safetyGPast != 0 && sf&safetySPast != 0 && !acute,
		g&safetyGRecent != 0 && sf&(safetySPast|safetySRecent) != 0 && !acute,
		g&safetyGChronic != 0 && sf&safetySChronic != 0 && !acute,
		g&safetyGResolved != 0 && sf&safetySResolved != 0,
		g&safetyGJoke != 0 && sf&safetySJoke != 0,
		g&safetyGTopic != 0 && sc.near(i, end, 2, safetyFTopic),
		g&safetyGIdiom != 0 && sc.near(i, end, 0, safetyFIdiom),
		g&safetyGFresh != 0 && sc.near(i, end, 0, safetyFConsumed):
		return true
	}
	return false
}

// near reports whether a token within d of toks[i:end], in its sentence,
// has flag.
func (sc *refSafetyScanner) near(i, end, d int, flag uint16) bool {
	toks := sc.toks[:sc.n]
	sent := toks[i].sent
	for j := max(i-d, 0); j < end+d && j < len(toks); j++ {
		if toks[j].sent == sent && toks[j].flags&flag != 0 {
			return true
		}
	}
	return false
}
