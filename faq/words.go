package faq

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
)

// wordInfo is everything the matcher needs about one folded word of a
// message in one language, computed once: at build time for every word the
// knowledge base and the built-in resources know, on first sight (and then
// remembered) for any other.
type wordInfo struct {
	// What every message's word reads, first, so that it is one cache
	// line for most words (the struct is 128 bytes, a size class whose
	// objects start on a line).
	adv     adviceClass // its roles in medical-advice questions
	kind    wordKind
	common  bool    // an everyday English word
	head    bool    // its term starts a multi-word synonym (see best)
	w       float32 // its weight by kind (see wordWeight)
	primary int32   // the word's own term, -1 if the knowledge base has none
	light   uint32  // its bit among light words, if it is one
	// joins has the bits of the letters that follow the word in the
	// longer words typo correction knows it begins (see nextLetters and
	// splitWord).
	joins uint32
	// best is the most idf times weight of its first maxAlts ways, a
	// slot's best (see slots); head: its term starts a multi-word synonym
	// in the language, which joinPhrases then looks up (most words start
	// none). Both are the word's own, worked out once.
	best   float32
	tok    uint32       // the word's identity for the wording features (see wordTok)
	expand []string     // chat shorthand: the words it stands for
	pp     *wordPhrases // the patient phrases that start with it, if any
	alts   []alt        // the ways it matches
	// kept is what a slot of this word's own ways adds to the entries
	// and phrasings (see hits.go).
	kept keptHits
	_    [24]byte // to 128 bytes in all: a field added takes from here
}

// wordPhrases are the patient phrases that start with a word.
type wordPhrases struct {
	phrases []patientPhrase
	// nexts are the records of their second words, each once: a message
	// has one of the phrases at a word only if the next word is one of
	// these, which rules most words out before the phrases are compared
	// (2.4% of Match on the clinic set).
	nexts []*wordRecord
}

// Weights of the ways a word can match besides itself.
const (
	otherLang  = 0.9  // an English word in a Spanish message, or the reverse
	typoWeight = 0.75 // a corrected word may be the wrong correction
)

// analyzeWord computes the wordInfo of w in l: its own term, the other
// language's vocabulary, related words, its category, the lexicon and, as
// a last resort, typo correction when correct is set. A word the
// knowledge base or the built-in resources know is no typo ("sushi" is
// not "sugar"): buildKnown analyses those without it.
func (ix *index) analyzeWord(l lang, w string, correct bool) *wordInfo {
	info := &wordInfo{primary: -1, tok: wordTok(-1, w), expand: expansions[l][w], adv: adviceWords[w] | otherWords[w]}
	if l < langOther {
		if ps := ix.patientN[l][w]; len(ps) > 0 {
			pp := &wordPhrases{phrases: ps}
			for _, p := range ps { // every phrase has two words or more
				if next := p.recs[1]; !slices.Contains(pp.nexts, next) {
					pp.nexts = append(pp.nexts, next)
				}
			}
			info.pp = pp
		}
		if len(w) >= 2 {
			info.joins = ix.typos[l].nextLetters(w)
		}
	}
	if info.expand != nil {
		return info
	}
	r := ix.lookup(l, w)
	if l == langES && correct && r.term < 0 && r.kind == kindContent && !spanishKnown[w] && info.adv == 0 {
		// "kiero", "aser", "nesesito": a function word spelled as it
		// sounds is that word, not an unknown one.
		if f, ok := spanishFunctionWord(w); ok && len(w) >= minTypoLen {
			return ix.analyzeWord(l, f, correct)
		}
	}
	info.kind = r.kind
	if r.kind == kindStop {
		return info
	}
	info.w = wordWeight(l, r.kind, w)
	if r.kind == kindLight {
		info.light = lightBits[w]
	}
	// Everyday words: the English list, and for Spanish any word the
	// bilingual lexicon knows (a word it knows and no entry holds is an
	// everyday word, not a specific thing the clinic does not do).
	info.common = l == langEN && commonEnglish[w] || l == langES && spanishKnown[w]
	info.primary, info.tok = r.term, wordTok(r.term, w)
	info.head = r.term >= 0 && len(ix.phrases[l][r.term]) > 0
	if info.adv&(acBusiness|acPet) != 0 && r.term >= 0 && ix.strongTerm(r.term) {
		info.adv &^= acBusiness | acAccount | acPet // the clinic talks about it (see others.go)
	}
	var u unit
	if r.term >= 0 {
		ix.meaning(&u, r.term, 1)
	}
	// A message mixes languages ("tengo medicaid", "my cita"): the word in
	// the other language's vocabulary.
	if o := l.other(); o != langOther {
		if r2, ok := ix.vocab[o][w]; ok && r2.kind == kindContent && r2.term >= 0 {
			ix.meaning(&u, r2.term, otherLang)
		}
	}
	st := ""
	if l != langOther {
		st = stem(l, w)
	}
	// Related words: "novel" also looks for "new".
	if l == langEN {
		for _, t := range ix.related[st] {
			ix.meaning(&u, t, relatedWeight)
		}
	}
	// What a patient's word means in a clinic's words.
	if l < langOther {
		for _, a := range ix.patient1[l][w] {
			u.add(a)
		}
	}
	// What a specific name is: "aetna" → insurance.
	if l == langEN {
		for _, t := range ix.category[w] {
			ix.meaning(&u, t, categoryWeight)
		}
	}
	// The lexicon bridges a message in the language the KB is not written in.
	if l != ix.kbLang && st != "" {
		for _, a := range ix.lex[st] {
			u.add(a)
		}
	}
	keep := u.alts[:0]
	for _, a := range u.alts {
		if len(ix.post[a.term]) > 0 {
			keep = append(keep, a)
		}
	}
	if correct && len(keep) == 0 && r.kind == kindContent {
		if ref, ok := ix.typos[l].correct(w); ok {
			u.alts = keep
			ix.meaning(&u, ref.term, typoWeight)
			keep = u.alts
		}
	}
	if l != ix.kbLang && l != langOther && r.term >= 0 {
		ix.capTranslated(keep, r.term)
	}
	// Best first: a slot keeps the first maxAlts.
	sort.SliceStable(keep, func(i, j int) bool { return keep[i].w > keep[j].w })
	info.alts = append([]alt(nil), keep...)
	for _, a := range info.alts[:min(len(info.alts), maxAlts)] {
		info.best = max(info.best, ix.idf[a.term]*a.w)
	}
	return info
}

// wordRecord is what the index knows about one folded word: which
// language it points to, and its analysis in each language the matcher
// reads, computed when first needed (at build time for every word the
// knowledge base and the built-in resources know).
type wordRecord struct {
	vote int8 // +1 Spanish, -1 English, 0 either (see langVotes)
	// joinTo has bit l set when two words of a message in language l
	// written as this one are this word split in two (see splitWord):
	// it is a word typo correction aims at, and a word of at least
	// minTypoLen letters is the join of two of at least two.
	joinTo uint8
	qbit   uint16 // its bit among question words (see questionBits)
	word   string // the word, when too long to keep in its wordTable slot
	info   [langOther]atomic.Pointer[wordInfo]
}

// get returns the analysis of w in l, computing it on first use. Two
// goroutines may both compute it; they get equal results.
func (r *wordRecord) get(ix *index, l lang, w string) *wordInfo {
	if l >= langOther {
		l = langEN
	}
	if in := r.info[l].Load(); in != nil {
		return in
	}
	in := ix.analyzeWord(l, w, true)
	if !r.info[l].CompareAndSwap(nil, in) {
		return r.info[l].Load()
	}
	return in
}

// maxMemo bounds the words remembered after build time, so a stream of
// gibberish cannot grow the index without end.
const maxMemo = 50000

// memo remembers the words first seen in messages.
type memo struct {
	mu sync.RWMutex
	m  map[string]*wordRecord
}

// record returns the record of folded word w.
func (ix *index) record(w string) *wordRecord {
	if r := ix.known.get(w); r != nil {
		return r
	}
	ix.memo.mu.RLock()
	r, ok := ix.memo.m[w]
	ix.memo.mu.RUnlock()
	if ok {
		return r
	}
	r = &wordRecord{vote: langVotes[w], qbit: questionBits[w]}
	ix.memo.mu.Lock()
	defer ix.memo.mu.Unlock()
	if old, ok := ix.memo.m[w]; ok {
		return old
	}
	if len(ix.memo.m) < maxMemo {
		if ix.memo.m == nil {
			ix.memo.m = make(map[string]*wordRecord)
		}
		ix.memo.m[strings.Clone(w)] = r // w may alias a message's buffer
	}
	return r
}

// info returns the wordInfo of w in l.
func (ix *index) info(l lang, w string) *wordInfo { return ix.record(w).get(ix, l, w) }

// buildKnown analyses every word the knowledge base and the built-in
// resources know, so that a message made of them needs no stemming.
func (ix *index) buildKnown() {
	known := make(map[string]*wordRecord, len(ix.vocab[langEN])+len(ix.vocab[langES]))
	defer func() { ix.known = newWordTable(known) }()
	rec := func(w string) *wordRecord {
		r := known[w]
		if r == nil {
			r = &wordRecord{vote: langVotes[w], qbit: questionBits[w]}
			known[w] = r
		}
		return r
	}
	// Every word of a patient phrase gets a record first, so that a
	// message's word is the phrase's when its record is.
	for l := range ix.patientN {
		for _, ps := range ix.patientN[l] {
			for k := range ps {
				p := &ps[k]
				p.recs = make([]*wordRecord, len(p.words))
				for j, w := range p.words {
					p.recs[j] = rec(w)
				}
			}
		}
	}
	add := func(l lang, w string) {
		r := rec(w)
		if l < langOther && r.info[l].Load() == nil {
			r.info[l].Store(ix.analyzeWord(l, w, false))
		}
	}
	for l := range langOther {
		for w := range ix.vocab[l] {
			add(l, w)
		}
		for w := range expansions[l] {
			add(l, w)
		}
		for w := range langResources[l].class {
			add(l, w)
		}
	}
	for w := range commonEnglish {
		add(langEN, w)
	}
	for _, g := range relatedGroups {
		for _, w := range g {
			add(langEN, w)
		}
	}
	for w := range categoryOf {
		add(langEN, w)
	}
	for _, e := range lexicon {
		add(langES, e.es)
	}
	for l := range langOther {
		for _, w := range ix.typos[l].words {
			rec(w).joinTo |= 1 << l
		}
	}
}

// newRef is a word's kind and weight in l, with no term yet.
func newRef(l lang, w string) wordRef {
	r := wordRef{term: -1, kind: kindOf(l, w)}
	r.w = wordWeight(l, r.kind, w)
	return r
}

// lookup analyses a folded word without growing the vocabulary: its term
// is -1 when no text of the knowledge base holds its stem.
func (ix *index) lookup(l lang, w string) wordRef {
	if r, ok := ix.vocab[l][w]; ok {
		return r
	}
	r := newRef(l, w)
	if r.kind != kindStop {
		if id, ok := ix.terms[termName(l, w)]; ok {
			r.term = id
		}
	}
	return r
}

// matchable reports whether matching term t can reach an entry.
func (ix *index) matchable(t int32) bool {
	if len(ix.post[t]) > 0 {
		return true
	}
	for _, c := range ix.kbSyn[t] {
		if len(ix.post[c]) > 0 {
			return true
		}
	}
	for _, c := range ix.biSyn[t] {
		if len(ix.post[c]) > 0 {
			return true
		}
	}
	return false
}

// meaningOf returns the terms text matches as, for the built-in
// resources: one alternative per term some entry holds, at weight w, and
// at w·split for each word of a text of several units.
func (ix *index) meaningOf(l lang, text string, w, split float32) []alt {
	us := ix.units(l, text, false)
	if len(us) > 1 {
		w *= split
	}
	var out []alt
	for _, u := range us {
		for _, a := range u.alts {
			if len(ix.post[a.term]) > 0 {
				out = appendAlt(out, alt{term: a.term, w: w * a.w})
			}
		}
	}
	return out
}

// appendAlt adds a to as, or raises the weight of the same term.
func appendAlt(as []alt, a alt) []alt {
	for i := range as {
		if as[i].term == a.term {
			as[i].w = max(as[i].w, a.w)
			return as
		}
	}
	return append(as, a)
}
