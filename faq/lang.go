package faq

import (
	"strings"
	"unicode/utf8"
)

// langVotes says which language a folded word points to: +1 Spanish,
// -1 English. Words both languages use ("me", "a", "doctor") are absent.
var langVotes = buildLangVotes()

func buildLangVotes() map[string]int8 {
	en := make(map[string]bool)
	for w := range englishClass {
		en[w] = true
	}
	for w := range chatEnglish {
		en[w] = true
	}
	for w := range negations {
		en[w] = true
	}
	for _, e := range lexicon {
		for _, p := range e.en {
			for _, w := range strings.Fields(p) {
				en[w] = true
			}
		}
	}
	es := make(map[string]bool)
	for w := range spanishClass {
		es[w] = true
	}
	for w := range chatSpanish {
		es[w] = true
	}
	for _, e := range lexicon {
		es[e.es] = true
	}
	es["no"], es["sin"], es["nunca"], es["tampoco"] = true, true, true, true
	// Words of harm to oneself, in no clinic vocabulary, that are Spanish
	// only: "me mato" alone is answered (988) in Spanish.
	for _, w := range strings.Fields("mato matarme suicido suicidarme ahorco ahorcarme morirme muero cortarme") {
		es[w] = true
	}
	votes := make(map[string]int8)
	for w := range es {
		if !en[w] {
			votes[w] = 1
		}
	}
	for w := range en {
		if !es[w] && !lexiconOnlyEnglish(w) {
			votes[w] = -1
		}
	}
	return votes
}

// lexiconOnlyEnglish keeps English translation words that are also common
// in Spanish-language chat from voting ("app", "video").
func lexiconOnlyEnglish(w string) bool {
	switch w {
	case "app", "video", "virtual", "plan", "control", "hospital", "doctor", "diabetes", "sexual",
		"prenatal", "personal", "id", "ok":
		return true
	}
	return false
}

// spanishMarks are characters only Spanish text has among the two.
var spanishMarks = []string{"ñ", "Ñ", "¿", "¡", "á", "é", "í", "ó", "ú", "Á", "É", "Í", "Ó", "Ú"}

// DetectLang says whether text is Spanish ("es") or English ("en"), from
// its function words, common clinic words and Spanish spelling marks. sure
// is false when the evidence is thin or split; lang is "" when there is
// none at all.
func DetectLang(text string) (lang string, sure bool) {
	es, en := wordVotes(text)
	es += marks(text)
	switch {
	case es > en:
		return "es", es-en >= 2
	case en > es:
		return "en", en-es >= 2
	}
	return "", false
}

// marks is the Spanish vote of the text's spelling: 2 when it has a mark
// only Spanish has.
func marks(raw string) int {
	ascii := true
	for i := 0; i < len(raw); i++ {
		if raw[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return 0
	}
	for _, m := range spanishMarks {
		if strings.Contains(raw, m) {
			return 2
		}
	}
	return 0
}

// singleLetter: a word of one letter casts no vote. "x" and "q" are
// Spanish chat for "por" and "que", but "X" alone is the patient cancelling
// an appointment, and "C" or "R" confirming or rescheduling one: the letter
// says nothing of the language.
func votes(raw, folded string, toks []token) (es, en int) {
	es = marks(raw)
	for _, tk := range toks {
		if tk.end-tk.start < 2 {
			continue // see singleLetter
		}
		switch langVotes[folded[tk.start:tk.end]] {
		case 1:
			es++
		case -1:
			en++
		}
	}
	return es, en
}

// pickLang picks the language to analyse a message in from its votes:
// what the text says, then the hint, then fallback (the knowledge base's
// language).
func pickLang(es, en int, hint string, fallback lang) lang {
	switch {
	case es > en:
		return langES
	case en > es:
		return langEN
	}
	if l := langOf(hint); l != langOther {
		return l
	}
	if fallback == langOther {
		return langEN
	}
	return fallback
}

// wordVotes adds up the language votes of text's words, folded as the
// tokenizer folds them (lower case, no accents, no apostrophes) in a
// buffer on the stack: the engine detects the language of every message.
// Words longer than the buffer, and letters beyond Latin, vote for
// nothing; no vote table holds them.
func wordVotes(text string) (es, en int) {
	var buf [32]byte
	n, over := 0, false
	for i := 0; i <= len(text); {
		var folded string
		if i < len(text) {
			r, size := rune(text[i]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(text[i:])
			}
			i += size
			if r == '\'' || r == '\u2019' || r == '`' {
				continue
			}
			if r < foldTableSize {
				folded = foldTable[r]
			}
			if folded != "" {
				if n+len(folded) > len(buf) {
					over = true
				} else {
					n += copy(buf[n:], folded)
				}
				continue
			}
		} else {
			i++
		}
		if n > 1 && !over { // see singleLetter
			switch langVotes[string(buf[:n])] { // a map index: no allocation
			case 1:
				es++
			case -1:
				en++
			}
		}
		n, over = 0, false
	}
	return es, en
}
