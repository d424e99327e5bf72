package faq

import (
	"slices"
	"strings"
)

// lexEntry is one line of the bilingual lexicon.
type lexEntry struct {
	es string   // folded Spanish word
	en []string // English words or phrases, best first
}

// everydayLexicon is spanishEnglish parsed once; lexicon adds
// spanishSpecific. Both are only read afterwards.
var (
	everydayLexicon = parseLexicon(spanishEnglish)
	lexicon         = slices.Concat(everydayLexicon, parseLexicon(spanishSpecific))
)

// spanishKnown holds the everyday Spanish words of the lexicon.
var spanishKnown = func() map[string]bool {
	m := make(map[string]bool, len(everydayLexicon))
	for _, e := range everydayLexicon {
		m[e.es] = true
	}
	return m
}()

func parseLexicon(src string) []lexEntry {
	var out []lexEntry
	for _, line := range strings.Split(src, "\n") {
		es, en, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		e := lexEntry{es: strings.TrimSpace(es)}
		for _, p := range strings.Split(en, ",") {
			if p = strings.TrimSpace(p); p != "" {
				e.en = append(e.en, p)
			}
		}
		out = append(out, e)
	}
	return out
}

// Weights of a translated word: the first sense of a lexicon line counts
// most; a word of a multi-word translation counts less than the phrase.
const (
	lexFirst      = 0.85
	lexStep       = 0.05
	lexPhraseWord = 0.6
	// A word in the message's own language earns at most capBoost times
	// its best translation, keeping at least capFloor (see capTranslated).
	capBoost = 1.3
	capFloor = 0.5
)

// buildLexicon maps words of the language the KB is not written in to the
// KB's terms: for an English KB, Spanish stems to English terms; for a
// Spanish KB, English stems to Spanish terms. Only terms some entry holds
// are kept.
func (ix *index) buildLexicon() {
	ix.lex = make(map[string][]alt)
	for _, e := range lexicon {
		for rank, p := range e.en {
			w := float32(lexFirst - lexStep*float64(min(rank, 3)))
			switch ix.kbLang {
			case langEN:
				key := stem(langES, e.es)
				ix.lex[key] = appendAlts(ix.lex[key], ix.meaningOf(langEN, p, w, lexPhraseWord))
			case langES:
				if strings.Contains(p, " ") {
					continue
				}
				key := stem(langEN, p)
				ix.lex[key] = appendAlts(ix.lex[key], ix.meaningOf(langES, e.es, w, 1))
			}
		}
	}
}

// capTranslated caps the credit of a word's own term, in a message written
// in the language the knowledge base is not, at capBoost times what its
// best translation earns (its weight no lower than capFloor). Only the
// translated entries hold Spanish terms, so each looks rare: "vacuna",
// in the one entry with a Spanish text, drew "ponen la vacuna contra la
// culebrilla" to the childhood schedule over the untranslated shingles
// entry. On the clinic sets this moved the Spanish lines' top1 on blind1
// 0.829 → 0.857, blind2 0.800 → 0.844, blind3 0.711 (confident wrong 0.096
// → 0.058), and cost one dev line (0.951 → 0.927). Boosts of 1.0-1.5 and
// floors of 0.3-0.7 were within a line of each other.
func (ix *index) capTranslated(alts []alt, own int32) {
	var other float32
	for _, a := range alts {
		if a.term != own {
			other = max(other, capBoost*ix.idf[a.term]*a.w)
		}
	}
	if other == 0 {
		return
	}
	for i := range alts {
		if alts[i].term == own && ix.idf[own]*alts[i].w > other {
			alts[i].w = max(other/ix.idf[own], capFloor)
		}
	}
}
