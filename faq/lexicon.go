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
