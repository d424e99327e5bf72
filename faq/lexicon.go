package faq

import (
	"strings"
)

// lexEntry is one line of the bilingual lexicon.
type lexEntry struct {
	es string   // folded Spanish word
	en []string // English words or phrases, best first
}

// lexicon is spanishEnglish parsed once; it is only read afterwards.
var lexicon = parseLexicon(spanishEnglish)

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
	add := func(key string, a alt) {
		if a.term < 0 || len(ix.post[a.term]) == 0 {
			return
		}
		for i, x := range ix.lex[key] {
			if x.term == a.term {
				if a.w > x.w {
					ix.lex[key][i].w = a.w
				}
				return
			}
		}
		ix.lex[key] = append(ix.lex[key], a)
	}
	var buf []int32
	switch ix.kbLang {
	case langEN:
		for _, e := range lexicon {
			key := stem(langES, e.es)
			for rank, p := range e.en {
				w := float32(lexFirst - lexStep*float64(min(rank, 3)))
				buf = ix.analyzeQuiet(langEN, p, buf[:0])
				ix.addTranslation(buf, w, func(a alt) { add(key, a) })
			}
		}
	case langES:
		for _, e := range lexicon {
			buf = ix.analyzeQuiet(langES, e.es, buf[:0])
			for rank, p := range e.en {
				if strings.Contains(p, " ") {
					continue
				}
				w := float32(lexFirst - lexStep*float64(min(rank, 3)))
				key := stem(langEN, p)
				for _, t := range buf {
					add(key, alt{term: t, w: w})
				}
			}
		}
	}
}

// addTranslation emits the alternatives of one translated word or phrase:
// a phrase that is a synonym group matches as its concept; otherwise each
// of its words matches at a lower weight.
func (ix *index) addTranslation(terms []int32, w float32, emit func(alt)) {
	words := 0
	for _, t := range terms {
		if !strings.HasPrefix(ix.names[t], "~syn") {
			words++
		}
	}
	for _, t := range terms {
		switch {
		case strings.HasPrefix(ix.names[t], "~syn"):
			emit(alt{term: t, w: w})
		case words == 1:
			emit(alt{term: t, w: w})
		default:
			emit(alt{term: t, w: w * lexPhraseWord})
		}
	}
}

// analyzeQuiet analyses without adding words to the vocabulary cache, so
// the lexicon does not pollute it with words no entry contains.
func (ix *index) analyzeQuiet(l lang, text string, out []int32) []int32 {
	start := len(out)
	var t tokenizer
	t.split(text)
	for i := range t.toks {
		w0 := string(t.word(i))
		ws := expand(l, w0)
		if ws == nil {
			ws = []string{w0}
		}
		for _, w := range ws {
			if kindOf(l, w) == kindStop {
				continue
			}
			if id, ok := ix.terms[stem(l, w)]; ok {
				out = append(out, id)
			}
		}
	}
	return ix.concepts(l, out, start)
}
