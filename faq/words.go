package faq

// wordInfo is everything the matcher needs about one folded word of a
// message in one language, computed once: at build time for every word the
// knowledge base and the built-in resources know, on first sight (and then
// remembered) for any other.
type wordInfo struct {
	kind    wordKind
	common  bool     // an everyday English word
	primary int32    // the word's own term, -1 if no entry holds it
	expand  []string // chat shorthand: the words it stands for
	phrase  bool     // a patient phrase may start with it
	advice  bool     // a medical-advice cue may start with it
	alts    []alt    // the ways it matches, best first
}

// analyzeWord computes the wordInfo of w in l: its own term, the other
// language's vocabulary, related words, its category, the lexicon and, as
// a last resort, typo correction.
func (ix *index) analyzeWord(l lang, w string) *wordInfo {
	info := &wordInfo{primary: -1, expand: expansions[l][w], advice: adviceCues[w] != nil}
	if l < langOther {
		info.phrase = ix.patientN[l][w] != nil
	}
	if info.expand != nil {
		return info
	}
	r, cached := ix.vocab[l][w]
	if !cached {
		r = wordRef{term: -1, kind: kindOf(l, w)}
	}
	info.kind = r.kind
	if r.kind == kindStop {
		return info
	}
	info.common = l == langEN && commonEnglish[w]
	st := ""
	if cached && r.term >= 0 {
		st = ix.names[r.term]
	} else if l != langOther {
		st = stem(l, w)
		if id, ok := ix.terms[st]; ok {
			r.term = id
		}
	}
	if r.term >= 0 && len(ix.post[r.term]) == 0 && len(ix.syn[r.term]) == 0 {
		r.term = -1 // a word only the lexicon or a stop list knows
	}
	var s slot
	info.primary = r.term
	ix.addTerm(&s, r.term, 1)
	// A message mixes languages ("tengo medicaid", "my cita"): the word in
	// the other language's vocabulary.
	if o := l.other(); o != langOther {
		if r2, ok := ix.vocab[o][w]; ok && r2.kind == kindContent {
			ix.addTerm(&s, r2.term, otherLang)
		}
	}
	// Related words: "novel" also looks for "new".
	if l == langEN && st != "" {
		for _, t := range ix.related[st] {
			ix.addTerm(&s, t, relatedWeight)
		}
	}
	// What a patient's word means in a clinic's words.
	if l < langOther {
		for _, a := range ix.patient1[l][w] {
			ix.addTerm(&s, a.term, a.w)
		}
	}
	// What a specific name is: "aetna" → insurance.
	if l == langEN {
		for _, t := range ix.category[w] {
			ix.addTerm(&s, t, categoryWeight)
		}
	}
	// The lexicon bridges a message in the language the KB is not written in.
	if l != ix.kbLang && st != "" {
		for _, a := range ix.lex[st] {
			ix.addTerm(&s, a.term, a.w)
		}
	}
	if s.nalt == 0 && r.kind == kindContent {
		if ref, ok := ix.typos[l].correct(w); ok {
			ix.addTerm(&s, ref.term, typoWeight)
		}
	}
	info.alts = append([]alt(nil), s.alts[:s.nalt]...)
	return info
}

// maxMemo bounds the words remembered after build time, so a stream of
// gibberish cannot grow the index without end.
const maxMemo = 50000

// info returns the wordInfo of w in l.
func (ix *index) info(l lang, w string) *wordInfo {
	if in, ok := ix.known[l][w]; ok {
		return in
	}
	key := string(rune('0'+l)) + w
	if v, ok := ix.memo.m.Load(key); ok {
		return v.(*wordInfo)
	}
	in := ix.analyzeWord(l, w)
	if ix.memo.n.Add(1) <= maxMemo {
		ix.memo.m.Store(key, in)
	}
	return in
}

// buildKnown analyses every word the knowledge base and the built-in
// resources know, so that a message made of them needs no stemming.
func (ix *index) buildKnown() {
	for l := range nLangs {
		ix.known[l] = make(map[string]*wordInfo, len(ix.vocab[l]))
	}
	add := func(l lang, w string) {
		if _, ok := ix.known[l][w]; !ok {
			ix.known[l][w] = ix.analyzeWord(l, w)
		}
	}
	for l := range nLangs {
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
}
