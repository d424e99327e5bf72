package faq

import (
	"slices"
	"unsafe"
)

// maxAlts bounds the ways one query word can match (itself, its synonym
// groups, translations, a typo fix); more add noise, not recall.
const maxAlts = 10

// unknownIDF is the weight, as a share of the rarest term's idf, of a word
// the knowledge base has never seen: a specific thing ("costco",
// "amoxicillin") no entry talks about.
const unknownIDF = 1.0

// slot is one meaning unit of a query: a word, or a synonym phrase, with
// the terms it may match.
type slot struct {
	alts     [maxAlts]alt
	nalt     uint8
	w        float32 // how much the slot counts in scores
	cw       float32 // its informative weight: w times its best idf
	primary  int32   // the word's own term, -1 if none
	clause   int16
	question bool   // in a clause that ends with "?"
	absorbed bool   // merged into an earlier slot (phrase, repeated word)
	light    bool   // a light word (question words and the like)
	lbit     uint32 // its bit (see lightBits)
	common   bool   // an everyday English word
	unknown  bool   // no term of the knowledge base matched it
	phrase   bool   // a multi-word synonym: alts[0] is its concept
	medical  bool   // a medicine or an illness (see adviceWords)
	// info is the analysis the slot's alternatives are all from, as they
	// are there (its first maxAlts); nil when they were changed or added
	// to (a phrase, a child's age).
	info *wordInfo
	// kept is where what the slot adds to the entries and phrasings is
	// kept (see hits.go): its word's when info is set, else found by its
	// alternatives when it is first scored; nil when over the budget.
	kept *keptHits
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

// slots turns the tokenized query into slots.
func (ix *index) slots(sc *scratch, l lang) {
	sc.slots = sc.slots[:0]
	sc.neg = false
	sc.words, sc.advc = sc.words[:0], sc.advc[:0]
	var trigger adviceClass
	t := &sc.tok
	sc.infos = sc.infos[:0]
	for i := range t.toks {
		w := sc.text[t.toks[i].start:t.toks[i].end]
		info := sc.recs[i].get(ix, l, w)
		sc.infos = append(sc.infos, info)
		sc.words, sc.advc = append(sc.words, w), append(sc.advc, info.adv)
		trigger |= info.adv
	}
	sc.advice = trigger&adviceTrigger != 0 && isAdvice(sc.words, sc.advc)
	sc.told = trigger&(acReading|acSymptom) != 0 && isTold(sc.words, sc.advc)
	sc.others = trigger&(acBusiness|acPet|acNext|acUtility) != 0 && aboutOthers(sc.words, sc.advc)
	sc.knowledge = trigger&acKnowledge != 0 && isKnowledge(sc.words, sc.advc)
	for i := 0; i < len(t.toks); i++ {
		tk := t.toks[i]
		info := sc.infos[i]
		if info.pp != nil && l < langOther && i+1 < len(sc.recs) && slices.Contains(info.pp.nexts, sc.recs[i+1]) {
			if p, ok := patientPhraseAt(sc, info.pp.phrases, i); ok {
				ix.addPhraseSlot(sc, p, i)
				i += len(p.words) - 1
				continue
			}
		}
		if i+1 < len(t.toks) {
			if j := ix.splitWord(sc, l, i); j != nil { // "medic aid"
				ix.addSlot(sc, j, tk)
				i++
				continue
			}
		}
		if info.expand == nil {
			ix.addSlot(sc, info, tk)
			if i+1 < len(t.toks) && len(ix.childAlts) > 0 && isDigit(sc.words[i][0]) && childAge(sc.words[i], sc.words[i+1]) {
				// "my 6 yr old", "mi hijo de 3 años": a child.
				s := &sc.slots[len(sc.slots)-1]
				for _, a := range ix.childAlts {
					s.add(a)
				}
				s.w, s.info, s.kept = 1, nil, nil
			}
			continue
		}
		for _, x := range info.expand { // chat shorthand: what it stands for
			ix.addSlot(sc, ix.info(l, x), tk)
			sc.neg = sc.neg || x == "not"
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
		best := float32(0)
		if s.info != nil { // the word's own ways (see wordInfo)
			best = s.info.best
		}
		for k := uint8(0); s.info == nil && k < s.nalt; k++ {
			best = max(best, ix.idf[s.alts[k].term]*s.alts[k].w)
			if s.phrase {
				break
			}
		}
		if s.nalt == 0 {
			s.unknown = true
			best = unknownIDF * ix.maxIDF
			if s.common { // an everyday word, not a specific thing
				s.w = min(s.w, commonWeight)
			}
		}
		s.cw = s.w * best
	}
}

// splitWord returns the analysis of the words at i and i+1 written as
// one, when the patient split a word of the knowledge base in two
// ("medic aid" for "medicaid", "pass word"), and nil when their join is
// not a word its questions, keywords or synonyms hold (the words typo
// correction aims at).
func (ix *index) splitWord(sc *scratch, l lang, i int) *wordInfo {
	a, b := sc.infos[i], sc.infos[i+1]
	if a.joins == 0 || a.expand != nil || b.expand != nil || l >= langOther || len(sc.words[i+1]) < 2 {
		return nil
	}
	// Most pairs are ruled out here, without a look-up: the second word
	// must go on with a letter that follows the first in a known word.
	if c := sc.words[i+1][0]; c < 'a' || c > 'z' || a.joins&(1<<(c-'a')) == 0 {
		return nil
	}
	if sc.tok.toks[i+1].clause != sc.tok.toks[i].clause {
		return nil
	}
	sc.join = append(append(sc.join[:0], sc.words[i]...), sc.words[i+1]...)
	// The table of known words, not the vocabulary's map: it is cheaper
	// to look up, and the words a pair may join into are known words
	// (see wordRecord.joinTo). The join is not kept: their analyses were
	// made at build time.
	w := unsafe.String(unsafe.SliceData(sc.join), len(sc.join))
	r := ix.known.get(w)
	if r == nil || r.joinTo&(1<<l) == 0 {
		return nil
	}
	return r.get(ix, l, w)
}

// addPhraseSlot adds one slot for a patient phrase at token i: it matches
// through the phrase's clinic words and through its own content words.
func (ix *index) addPhraseSlot(sc *scratch, p patientPhrase, i int) {
	tk := sc.tok.toks[i]
	sc.slots = append(sc.slots, slot{primary: -1, w: 1, clause: tk.clause, question: tk.question})
	s := &sc.slots[len(sc.slots)-1]
	for _, a := range p.alts {
		s.add(a)
	}
	for k := range p.words {
		info := sc.infos[i+k]
		if info.kind != kindContent {
			continue
		}
		for _, a := range info.alts {
			s.add(a)
		}
	}
}

func (ix *index) addSlot(sc *scratch, info *wordInfo, tk token) {
	if info.kind == kindStop || info.expand != nil {
		return
	}
	sc.slots = append(sc.slots, slot{primary: info.primary, w: info.w, clause: tk.clause, question: tk.question,
		// A word asking to stop or skip a medicine counts as one for an
		// advice message: "can i stop taking my blood pressure pills" is
		// answered only by an entry that asks that too, not by one that
		// asks about taking medicines ("can i take my meds before my
		// blood draw").
		medical: info.adv&(acDrug|acCondition) != 0 || sc.advice && stopsMedicineVerb(string(sc.tok.buf[tk.start:tk.end])),
		light:   info.kind == kindLight, lbit: info.light, common: info.common, info: info, kept: &info.kept})
	s := &sc.slots[len(sc.slots)-1]
	s.nalt = uint8(copy(s.alts[:], info.alts))
}

// joinPhrases finds the multi-word synonyms in the query: the first slot
// of a phrase gains the concept, the others merge into it.
func (ix *index) joinPhrases(slots []slot, l lang) {
	if l >= langOther { // no phrases: see addSynonyms
		return
	}
	for i := range slots {
		s := &slots[i]
		// A slot of a word's own ways starts a phrase only if the word
		// does (see wordInfo.head); others are looked up.
		if s.primary < 0 || s.absorbed || s.info != nil && !s.info.head {
			continue
		}
		var best *phrase
		for k, p := range ix.phrases[l][slots[i].primary] {
			if i+len(p.terms) > len(slots) || best != nil && len(p.terms) <= len(best.terms) {
				continue
			}
			match := true
			for j, t := range p.terms {
				if slots[i+j].primary != t || slots[i+j].absorbed {
					match = false
					break
				}
			}
			if match {
				best = &ix.phrases[l][slots[i].primary][k]
			}
		}
		if best == nil || len(ix.post[best.concept]) == 0 {
			continue
		}
		members := *s
		s.nalt, s.info, s.kept = 0, nil, nil
		s.add(alt{term: best.concept, w: ix.conceptWeight(best.concept)})
		for j := range best.terms {
			o := &slots[i+j]
			if j == 0 {
				o = &members
			} else {
				o.absorbed = true
			}
			for a := uint8(0); a < o.nalt; a++ {
				s.add(alt{term: o.alts[a].term, w: o.alts[a].w * memberWeight})
			}
		}
		s.w, s.light, s.common, s.phrase = 1, false, false, true
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

// ageUnits are the words that make a number an age.
var ageUnits = map[string]bool{
	"yr": true, "yrs": true, "year": true, "years": true, "yo": true, "month": true, "months": true,
	"mo": true, "mos": true, "week": true, "weeks": true, "ano": true, "anos": true, "mes": true,
	"meses": true, "semanas": true,
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// childAge reports whether a number and the word after it are a child's
// age: under 18 years, or counted in months or weeks.
func childAge(num, unit string) bool {
	if !isNumber(num) || len(num) > 2 || !ageUnits[unit] {
		return false
	}
	n := int(num[0] - '0')
	if len(num) == 2 {
		n = n*10 + int(num[1]-'0')
	}
	return n < 18 || unit[0] == 'm' || unit[0] == 'w' || unit == "semanas"
}
