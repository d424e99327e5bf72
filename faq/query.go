package faq

// maxAlts bounds the ways one query word can match (itself, its synonym
// groups, translations, a typo fix); more add noise, not recall.
const maxAlts = 8

// Weights of query words by kind.
const (
	lightWeight  = 0.3  // question words: "where" vs "when"
	numberWeight = 0.25 // numbers are specifics (ages, times), rarely the topic
	typoWeight   = 0.75 // a corrected word may be the wrong correction
	otherLang    = 0.9  // an English word in a Spanish message, or the reverse
	// unknownIDF is the coverage weight, as a share of the rarest term's
	// idf, of a word the knowledge base has never seen: a specific thing
	// ("costco", "amoxicillin") the entry does not talk about.
	unknownIDF = 0.6
)

// slot is one meaning unit of a query: a word, or a synonym phrase, with
// the terms it may match.
type slot struct {
	alts     [maxAlts]alt
	nalt     uint8
	w        float32 // how much the slot counts in the score
	cw       float32 // how much it counts in coverage
	primary  int32   // the word's own term, -1 if none; phrases and duplicates use it
	clause   int16
	question bool // in a clause that ends with "?"
	absorbed bool // merged into an earlier slot (phrase, duplicate)
	light    bool // a question word
	common   bool // an everyday English word, less likely the topic
	unknown  bool // no term of the knowledge base matched it
}

// specific reports a content word that is not everyday English nor a
// number: the words a message is about.
func (s *slot) specific() bool {
	return !s.light && !s.common && s.w >= 1
}

// exact reports a slot that matches through the word itself, a synonym
// group or a translation, not only through a guess (a typo fix, a related
// word, a category).
func (s *slot) exact() bool {
	for i := uint8(0); i < s.nalt; i++ {
		if s.alts[i].w >= 0.8 {
			return true
		}
	}
	return false
}

func (s *slot) add(a alt) {
	if a.term < 0 {
		return
	}
	for i := uint8(0); i < s.nalt; i++ {
		if s.alts[i].term == a.term {
			s.alts[i].w = max(s.alts[i].w, a.w)
			return
		}
	}
	if s.nalt < maxAlts {
		s.alts[s.nalt] = a
		s.nalt++
	}
}

// addTerm adds a term, or the concepts of the synonym groups it is in
// (the index holds those instead of the word).
func (ix *index) addTerm(s *slot, t int32, w float32) {
	if t < 0 {
		return
	}
	cs := ix.syn[t]
	if len(cs) == 0 {
		s.add(alt{term: t, w: w})
	}
	for _, c := range cs {
		s.add(alt{term: c, w: w})
	}
}

// slots turns the tokenized query into slots.
func (ix *index) slots(sc *scratch, l lang) {
	sc.slots = sc.slots[:0]
	sc.advice = false
	t := &sc.tok
	for i := 0; i < len(t.toks); i++ {
		tk := t.toks[i]
		w := sc.text[tk.start:tk.end]
		info := ix.info(l, w)
		if info.advice && !sc.advice {
			sc.advice = hasAdviceCue(sc.text, t.toks[i:i+min(len(t.toks)-i, maxCueLen)])
		}
		if info.phrase {
			if p, ok := ix.patientPhraseAt(sc, l, i); ok {
				ix.addPhraseSlot(sc, l, p, i)
				i += len(p.words) - 1
				continue
			}
		}
		if info.expand == nil {
			ix.addSlot(sc, w, info, tk)
			continue
		}
		for _, x := range info.expand { // chat shorthand: what it stands for
			ix.addSlot(sc, x, ix.info(l, x), t.toks[i])
		}
	}
	ix.joinPhrases(sc.slots, l)
	focusQuestion(sc.slots)
	for i := range sc.slots {
		s := &sc.slots[i]
		if s.absorbed {
			continue
		}
		for j := 0; j < i; j++ { // a repeated word counts once
			if o := &sc.slots[j]; !o.absorbed && s.primary >= 0 && o.primary == s.primary {
				s.absorbed = true
				break
			}
		}
		var best float32
		for k := uint8(0); k < s.nalt; k++ {
			best = max(best, ix.idf[s.alts[k].term]*s.alts[k].w)
		}
		if s.nalt == 0 {
			s.unknown = true
			best = unknownIDF * ix.maxIDF
		}
		s.cw = s.w * best
	}
}

// addPhraseSlot adds one slot for a patient phrase at token i: it matches
// through the phrase's clinic words and through its own content words.
func (ix *index) addPhraseSlot(sc *scratch, l lang, p patientPhrase, i int) {
	tk := sc.tok.toks[i]
	sc.slots = append(sc.slots, slot{primary: -1, w: 1, clause: tk.clause, question: tk.question})
	s := &sc.slots[len(sc.slots)-1]
	for _, a := range p.alts {
		ix.addTerm(s, a.term, a.w)
	}
	for k := range p.words {
		tk := sc.tok.toks[i+k]
		info := ix.info(l, sc.text[tk.start:tk.end])
		if info.kind != kindContent {
			continue
		}
		for _, a := range info.alts {
			s.add(a)
		}
	}
}

func (ix *index) addSlot(sc *scratch, w string, info *wordInfo, tk token) {
	if info.kind == kindStop || info.expand != nil {
		return
	}
	sc.slots = append(sc.slots, slot{primary: info.primary, w: 1, clause: tk.clause, question: tk.question})
	s := &sc.slots[len(sc.slots)-1]
	s.nalt = uint8(copy(s.alts[:], info.alts))
	switch {
	case info.kind == kindLight:
		s.w, s.light = lightWeight, true
	case isNumber(w):
		s.w = numberWeight
	case info.common:
		s.w, s.common = ix.p.commonWeight, true
	}
}

// joinPhrases finds the KB's multi-word synonyms in the query: the first
// slot of a phrase gains the concept, the others merge into it.
func (ix *index) joinPhrases(slots []slot, l lang) {
	for i := range slots {
		if slots[i].primary < 0 {
			continue
		}
		for _, p := range ix.phrases[l][slots[i].primary] {
			if i+len(p.terms) > len(slots) {
				continue
			}
			match := true
			for k, t := range p.terms {
				if slots[i+k].primary != t {
					match = false
					break
				}
			}
			if !match {
				continue
			}
			slots[i].add(alt{term: p.concept, w: 1})
			for k := 1; k < len(p.terms); k++ {
				o := &slots[i+k]
				o.absorbed = true
				for a := uint8(0); a < o.nalt; a++ {
					slots[i].add(o.alts[a])
				}
			}
			slots[i].w = 1
		}
	}
}

// contextWeight is the weight of words outside the question of a message
// that asks one among other sentences ("we just moved here, my husband
// and I ... are you taking new patients?"): the question says what the
// patient wants; the rest is context.
const contextWeight = 0.5

// focusQuestion lowers the words outside the clauses that end with a
// question mark, when there are both.
func focusQuestion(slots []slot) {
	var inQ, outQ int
	for i := range slots {
		if slots[i].light {
			continue
		}
		if slots[i].question {
			inQ++
		} else {
			outQ++
		}
	}
	if inQ == 0 || outQ == 0 {
		return
	}
	for i := range slots {
		if !slots[i].question {
			slots[i].w *= contextWeight
		}
	}
}
