package faq

import "sort"

// wordInfo is everything the matcher needs about one folded word of a
// message in one language, computed once: at build time for every word the
// knowledge base and the built-in resources know, on first sight (and then
// remembered) for any other.
type wordInfo struct {
	kind    wordKind
	w       float32     // its weight by kind (see wordWeight)
	common  bool        // an everyday English word
	primary int32       // the word's own term, -1 if the knowledge base has none
	expand  []string    // chat shorthand: the words it stands for
	phrase  bool        // a patient phrase may start with it
	adv     adviceClass // its roles in medical-advice questions
	alts    []alt       // the ways it matches
}

// Weights of the ways a word can match besides itself.
const (
	otherLang  = 0.9  // an English word in a Spanish message, or the reverse
	typoWeight = 0.75 // a corrected word may be the wrong correction
)

// analyzeWord computes the wordInfo of w in l: its own term, the other
// language's vocabulary, related words, its category, the lexicon and, as
// a last resort, typo correction.
func (ix *index) analyzeWord(l lang, w string) *wordInfo {
	info := &wordInfo{primary: -1, expand: expansions[l][w], adv: adviceWords[w]}
	if l < langOther {
		info.phrase = ix.patientN[l][w] != nil
	}
	if info.expand != nil {
		return info
	}
	r := ix.lookup(l, w)
	info.kind = r.kind
	if r.kind == kindStop {
		return info
	}
	info.w = wordWeight(l, r.kind, w)
	info.common = l == langEN && commonEnglish[w]
	info.primary = r.term
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
	if len(keep) == 0 && r.kind == kindContent {
		if ref, ok := ix.typos[l].correct(w); ok {
			u.alts = keep
			ix.meaning(&u, ref.term, typoWeight)
			keep = u.alts
		}
	}
	// Best first: a slot keeps the first maxAlts.
	sort.SliceStable(keep, func(i, j int) bool { return keep[i].w > keep[j].w })
	info.alts = append([]alt(nil), keep...)
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
