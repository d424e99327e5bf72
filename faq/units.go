package faq

// unit is one meaning unit of a text: a word, or a multi-word synonym
// ("video visit"), with the terms it matches as.
type unit struct {
	alts   []alt
	w      float32 // how much the word counts (see wordWeight)
	phrase bool    // a multi-word synonym: alts[0] is its concept
	light  bool    // a light word (see lightBits)
}

// memberWeight is how much the words of a multi-word synonym count on
// their own: "video visit" is mostly the concept, a little "visit".
const memberWeight = 0.6

func (u *unit) add(a alt) {
	for i := range u.alts {
		if u.alts[i].term == a.term {
			u.alts[i].w = max(u.alts[i].w, a.w)
			return
		}
	}
	u.alts = append(u.alts, a)
}

// phrasing is one way an entry's question is written: the question, an
// alternate, or a translation of either.
type phrasing struct {
	units []unit
	qmask uint16 // its question words (what, when, ...)
	light uint32 // its light words (see lightBits)
	neg   bool   // it has a negation ("without insurance")
	// advice: it asks what looks like individual medical advice, so the
	// clinic chose to answer that kind of question; knowledge, the same for
	// a general-knowledge question (see knowledge.go).
	advice, knowledge bool
}

// entryText is an entry analysed: the units of each field, and its
// phrasings apart.
type entryText struct {
	// terms holds, per field, the terms of every unit (a unit's terms
	// once each), at the unit's weight times the way's; lens counts the
	// units.
	terms     [nFields][]alt
	lens      [nFields]int32
	phrasings []phrasing
}

// Weights of words by kind, the same in an entry and in a message.
const (
	lightWeight  = 0.3  // question words: "where" vs "when"
	numberWeight = 0.25 // numbers are specifics (ages, times), rarely the topic
	// commonWeight is the weight of an everyday English word ("night",
	// "meeting") against a specific one ("diabetes"): less likely the
	// topic of a question.
	commonWeight = 0.6
)

func wordWeight(l lang, kind wordKind, w string) float32 {
	switch {
	case kind == kindLight:
		return lightWeight
	case isNumber(w):
		return numberWeight
	case l == langEN && commonEnglish[w]:
		return commonWeight
	}
	return 1
}

// conceptWeight is how much matching through concept t counts.
func (ix *index) conceptWeight(t int32) float32 {
	if len(ix.names[t]) > 2 && ix.names[t][:3] == "~bi" {
		return builtinWeight
	}
	return 1
}

// meaning adds to u the terms word term t matches as, at weight w: its
// knowledge-base concepts instead of itself, and its built-in concepts
// besides.
func (ix *index) meaning(u *unit, t int32, w float32) {
	if cs := ix.kbSyn[t]; len(cs) > 0 {
		for _, c := range cs {
			u.add(alt{term: c, w: w})
		}
	} else {
		u.add(alt{term: t, w: w})
	}
	for _, c := range ix.biSyn[t] {
		u.add(alt{term: c, w: w * builtinWeight})
	}
}

// analyzeEntry analyses every text of an entry. Build time only.
func (ix *index) analyzeEntry(e *Entry) entryText {
	var et entryText
	add := func(l lang, f int, text string) {
		phr := f == fQuestion || f == fAlternate
		var p phrasing
		if phr {
			p.advice, p.knowledge = asksIn(text)
		}
		n := ix.analyzeText(l, text, true, func(u *unit) {
			for _, a := range u.alts {
				et.terms[f] = append(et.terms[f], alt{term: a.term, w: u.w * a.w})
			}
			if phr {
				p.units = append(p.units, unit{alts: append([]alt(nil), u.alts...), w: u.w, phrase: u.phrase, light: u.light})
			}
		})
		et.lens[f] += int32(n)
		if phr && n > 0 {
			p.qmask, p.light, p.neg = ix.b.qmask, ix.b.light, ix.b.neg
			et.phrasings = append(et.phrasings, p)
		}
	}
	add(ix.kbLang, fQuestion, e.Question)
	for _, a := range e.Alternates {
		add(ix.kbLang, fAlternate, a)
	}
	for _, k := range e.Keywords {
		add(ix.kbLang, fKeyword, k)
	}
	add(ix.kbLang, fAnswer, e.Answer)
	for _, code := range sortedKeys(e.Translations) {
		tr, l := e.Translations[code], langOf(code)
		add(l, fQuestion, tr.Question)
		for _, a := range tr.Alternates {
			add(l, fAlternate, a)
		}
		add(l, fAnswer, tr.Answer)
	}
	return et
}

// builder holds the buffers of analyzeText, reused while an index is
// built and dropped afterwards.
type builder struct {
	tok     tokenizer
	words   []builderWord
	oneWord []string
	unit    unit
	qmask   uint16 // of the last text analysed
	light   uint32 // of the last text analysed
	neg     bool   // the last text analysed has a negation
}

type builderWord struct {
	term  int32
	w     float32
	light bool
}

// units splits text into meaning units. grow adds its words to the
// vocabulary; without it, words no entry holds are left out (the built-in
// resources must not pollute the vocabulary).
func (ix *index) units(l lang, text string, grow bool) []unit {
	var out []unit
	ix.analyzeText(l, text, grow, func(u *unit) {
		out = append(out, unit{alts: append([]alt(nil), u.alts...), w: u.w, phrase: u.phrase, light: u.light})
	})
	return out
}

// analyzeText calls emit with each meaning unit of text (valid during the
// call only), and returns how many there were; ix.b.qmask and ix.b.light
// are then the text's question and light words.
func (ix *index) analyzeText(l lang, text string, grow bool, emit func(*unit)) int {
	b := ix.b
	b.tok.split(text)
	t := &b.tok
	folded := string(t.buf)
	b.qmask, b.light, b.neg = 0, 0, false
	ws := b.words[:0]
	for i := range t.toks {
		w0 := folded[t.toks[i].start:t.toks[i].end]
		xs := expand(l, w0)
		if xs == nil {
			b.oneWord = append(b.oneWord[:0], w0)
			xs = b.oneWord
		}
		for _, x := range xs {
			var r wordRef
			if grow {
				r = ix.word(l, x)
			} else {
				r = ix.lookup(l, x)
			}
			if len(x) <= 7 { // every question word is short
				b.qmask |= questionBits[x]
			}
			if r.term < 0 {
				continue
			}
			b.neg = b.neg || x == "not"
			if r.kind == kindLight {
				b.light |= lightBits[x]
			}
			ws = append(ws, builderWord{r.term, r.w, r.kind == kindLight})
		}
	}
	b.words = ws
	n := 0
	u := &b.unit
	for i := 0; i < len(ws); i++ {
		var best *phrase
		for k, p := range ix.phrases[l][ws[i].term] {
			if i+len(p.terms) > len(ws) || best != nil && len(p.terms) <= len(best.terms) {
				continue
			}
			ok := true
			for j, pt := range p.terms {
				if ws[i+j].term != pt {
					ok = false
					break
				}
			}
			if ok {
				best = &ix.phrases[l][ws[i].term][k]
			}
		}
		u.alts = u.alts[:0]
		if best == nil {
			u.w, u.phrase, u.light = ws[i].w, false, ws[i].light
			ix.meaning(u, ws[i].term, 1)
		} else {
			u.w, u.phrase, u.light = 1, true, false
			u.add(alt{term: best.concept, w: ix.conceptWeight(best.concept)})
			for j := range best.terms {
				ix.meaning(u, ws[i+j].term, memberWeight)
			}
			i += len(best.terms) - 1
		}
		emit(u)
		n++
	}
	return n
}
