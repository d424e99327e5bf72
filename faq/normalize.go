package faq

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// token is one word of a text after folding: lower case, no accents,
// compatibility forms (full-width letters, ligatures) replaced by their
// plain letters (NFKD), apostrophes removed ("don't" → "dont").
type token struct {
	start, end int32 // in the folded buffer
	clause     int16 // which clause of the text (split at . ! ? ; and newlines)
	question   bool  // the clause ends with a question mark
}

// tokenizer folds and splits text. It reuses its buffers across calls, so
// one tokenizer serves one goroutine.
type tokenizer struct {
	buf  []byte
	toks []token
	// hasID: "id", a card or "I'd", is among toks (see readID).
	hasID bool
}

// foldTable maps runes below foldTableSize to their folded form; it is
// computed once and only read afterwards.
const foldTableSize = 0x250

var foldTable = buildFoldTable()

func buildFoldTable() [foldTableSize]string {
	var t [foldTableSize]string
	for r := rune(0); r < foldTableSize; r++ {
		t[r] = string(foldSlow(nil, r))
	}
	return t
}

// foldSlow decomposes r (NFKD), drops combining marks and lower-cases it.
// It returns nil for a rune that is not part of a word.
func foldSlow(out []byte, r rune) []byte {
	var src [utf8.UTFMax]byte
	n := utf8.EncodeRune(src[:], r)
	var dec [32]byte
	d := norm.NFKD.Append(dec[:0], src[:n]...)
	for len(d) > 0 {
		c, size := utf8.DecodeRune(d)
		d = d[size:]
		switch {
		case unicode.Is(unicode.Mn, c):
		case unicode.IsLetter(c) || unicode.IsDigit(c):
			out = utf8.AppendRune(out, unicode.ToLower(c))
		}
	}
	return out
}

// isApostrophe reports the marks that join the parts of "don't".
func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' || r == '`' }

// split folds s into t.buf and records its words in t.toks.
func (t *tokenizer) split(s string) {
	t.buf, t.toks, t.hasID = t.buf[:0], t.toks[:0], false
	var clause int16
	inWord := false
	start := 0
	// afterNumber: the current word follows a number without a space
	// ("5th", "11pm").
	afterNumber := false
	// digits: the current word so far is all digits (kept as the word
	// grows, rather than scanning it at every letter).
	digits := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case '0' <= c && c <= '9':
			case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				// "11pm", "6yo", "3rd": a number with a unit is two words.
				// (Letters then digits, as in "a1c" or "n95", stay one.)
				if inWord && digits {
					clause = t.endWord(true, start, clause, afterNumber)
					inWord, afterNumber = false, true
				}
				if !inWord {
					inWord, start = true, len(t.buf)
				}
				digits = false
				// The rest of a run of ASCII letters, most of a message,
				// needs no more than lower-casing: it is copied in a loop
				// of its own, with the buffer in a local (the one in t is
				// written back to memory at every append).
				buf := append(t.buf, c)
				for i < len(s) {
					// c|0x20 is a lower-case letter for exactly the
					// letters of either case.
					lc := s[i] | 0x20
					if lc < 'a' || lc > 'z' {
						break
					}
					buf = append(buf, lc)
					i++
				}
				t.buf = buf
				continue
			case c == '\'' || c == '`':
				continue // inside a word it joins; elsewhere it is nothing
			case c == '?':
				clause = t.endClause(inWord, start, clause, afterNumber, true)
				inWord, afterNumber = false, false
				continue
			case c == '.' || c == '!' || c == ';' || c == '\n':
				clause = t.endClause(inWord, start, clause, afterNumber, false)
				inWord, afterNumber = false, false
				continue
			default:
				clause = t.endWord(inWord, start, clause, afterNumber)
				inWord, afterNumber = false, false
				continue
			}
			if !inWord { // a digit (letters continue above)
				inWord, start, digits = true, len(t.buf), true
			}
			t.buf = append(t.buf, c)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if isApostrophe(r) {
			continue
		}
		if r == '¿' || r == '¡' {
			clause = t.endWord(inWord, start, clause, afterNumber)
			inWord, afterNumber = false, false
			continue
		}
		before := len(t.buf)
		if r < foldTableSize {
			t.buf = append(t.buf, foldTable[r]...)
		} else if r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)) {
			t.buf = foldSlow(t.buf, r)
		}
		if len(t.buf) == before {
			if !unicode.Is(unicode.Mn, r) { // a lone combining mark continues the word
				clause = t.endWord(inWord, start, clause, afterNumber)
				inWord, afterNumber = false, false
			}
			continue
		}
		if !inWord {
			inWord, start, digits = true, before, true
		}
		digits = digits && allDigits(t.buf[before:])
	}
	t.endClause(inWord, start, clause, afterNumber, false)
	if t.hasID {
		t.readID()
	}
}

// endWord records the word from start in t.buf, if inWord and there is
// one, and returns the clause what follows is in. afterNumber: the word
// follows a number without a space. Its caller then has no current word. (split's
// state is in its locals, not in a closure's, which kept it in memory:
// 0.6% of Match on the clinic set.)
func (t *tokenizer) endWord(inWord bool, start int, clause int16, afterNumber bool) int16 {
	if inWord && len(t.buf) > start {
		if afterNumber && isOrdinal(t.buf[start:]) {
			// "5th", "2nd": the ordinal's suffix is no word.
			t.buf = t.buf[:start]
		} else {
			t.toks = append(t.toks, token{start: int32(start), end: int32(len(t.buf)), clause: clause})
			t.hasID = t.hasID || isID(t.buf[start:])
			// "... i am so stressed with work, anyway do you have
			// anything today?": what follows is another clause.
			if isTopicTurn(t.buf[start:]) && clause < 1<<14 {
				clause++
			}
		}
	}
	return clause
}

// endClause ends the current word, if inWord, and the clause, a question
// if question, and returns the clause what follows is in.
func (t *tokenizer) endClause(inWord bool, start int, clause int16, afterNumber, question bool) int16 {
	clause = t.endWord(inWord, start, clause, afterNumber)
	if question {
		for i := len(t.toks) - 1; i >= 0 && t.toks[i].clause == clause; i-- {
			t.toks[i].question = true
		}
	}
	if len(t.toks) > 0 && t.toks[len(t.toks)-1].clause == clause && clause < 1<<14 {
		clause++
	}
	return clause
}

// word returns the folded text of token i; it aliases t.buf.
func (t *tokenizer) word(i int) []byte { return t.buf[t.toks[i].start:t.toks[i].end] }

// foldString returns s folded into words joined by single spaces; the index
// uses it at build time.
func foldWords(s string) []string {
	var t tokenizer
	t.split(s)
	out := make([]string, len(t.toks))
	for i := range t.toks {
		out[i] = string(t.word(i))
	}
	return out
}

// isTopicTurn reports the words after which a patient turns from the
// story to the question.
func isTopicTurn(w []byte) bool {
	switch string(w) {
	case "anyway", "anyways", "anyhow":
		return true
	}
	return false
}

// isOrdinal reports the suffixes of English ordinal numbers.
func isOrdinal(b []byte) bool {
	if len(b) != 2 {
		return false
	}
	switch string(b) {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

func allDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(b) > 0
}
