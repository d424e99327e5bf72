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

// lookup analyses one folded query word in language l: the cached
// vocabulary first, then the stemmer, then the other language, the
// lexicon and typo correction.
func (ix *index) lookup(s *slot, l lang, w string) (kind wordKind) {
	s.primary = -1
	r, cached := ix.vocab[l][w]
	if !cached {
		r = wordRef{term: -1, kind: kindOf(l, w)}
	}
	if r.kind == kindStop {
		return kindStop
	}
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
	s.primary = r.term
	ix.addTerm(s, r.term, 1)
	// A message mixes languages ("tengo medicaid", "my cita"): the word in
	// the other language's vocabulary.
	if o := l.other(); o != langOther {
		if r2, ok := ix.vocab[o][w]; ok && r2.kind == kindContent {
			ix.addTerm(s, r2.term, otherLang)
		}
	}
	// Related words: "novel" also looks for "new".
	if l == langEN && st != "" {
		for _, t := range ix.related[st] {
			ix.addTerm(s, t, relatedWeight)
		}
	}
	// The lexicon bridges a message in the language the KB is not written in.
	if l != ix.kbLang && st != "" {
		for _, a := range ix.lex[st] {
			ix.addTerm(s, a.term, a.w)
		}
	}
	if s.nalt == 0 && r.kind == kindContent {
		if ref, ok := ix.typos.correct(w); ok {
			ix.addTerm(s, ref.term, typoWeight)
		}
	}
	return r.kind
}

// slots turns the tokenized query into slots.
func (ix *index) slots(sc *scratch, l lang) {
	sc.slots = sc.slots[:0]
	t := &sc.tok
	for i := range t.toks {
		w0 := sc.text[t.toks[i].start:t.toks[i].end]
		ws := expansions[l][w0]
		if ws == nil {
			one := [1]string{w0}
			ws = one[:]
		}
		for _, w := range ws {
			sc.slots = append(sc.slots, slot{})
			s := &sc.slots[len(sc.slots)-1]
			kind := ix.lookup(s, l, w)
			if kind == kindStop {
				sc.slots = sc.slots[:len(sc.slots)-1]
				continue
			}
			s.w = 1
			switch {
			case kind == kindLight:
				s.w, s.light = lightWeight, true
			case isNumber(w):
				s.w = numberWeight
			case l == langEN && commonEnglish[w]:
				s.w, s.common = ix.p.commonWeight, true
			}
			s.clause, s.question = t.toks[i].clause, t.toks[i].question
		}
	}
	ix.joinPhrases(sc.slots, l)
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
