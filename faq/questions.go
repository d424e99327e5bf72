package faq

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxQuestions is the most questions Questions finds in one message; a
// message asking more is a list, and its first ones are kept.
const maxQuestions = 4

// Questions returns the questions a message asks, in order, when it asks
// more than one ("what are your hours and do you take aetna?", "¿Dónde
// estacionan? ¿Aceptan Medicaid?"); nil when it asks one, or none.
//
// A message is cut at the end of each sentence (. ! ? ; a new line, and
// before ¿), and before "and", "also", "y", "además"... or a comma when a
// question opens after it: a question word ("what", "where", "cuándo"),
// or a verb asking about someone ("do you", "is there", "can i"). A piece
// is a question when it ends with "?", opens with "¿", or opens (after
// "hi", "and", "so"...) as a question does. Statements around the
// questions ("my son is 12.") are left out: they are context, not
// something to answer.
//
// Each question is a piece of text, for the matcher to answer on its
// own. One that leans on what was said before it ("do you do
// microneedling? what does it cost?") is marked so: on its own it asks
// about something else.
// Questions allocates only when it finds more than one.
func Questions(text string) []Question {
	if len(text) > maxQueryBytes || !mayCut(text) {
		return nil
	}
	var q questionScan
	q.scan(text)
	n := 0
	for _, p := range q.parts[:q.n] {
		if p.question {
			n++
		}
	}
	if n < 2 {
		return nil
	}
	out := make([]Question, 0, n)
	var tok tokenizer
	for _, p := range q.parts[:q.n] {
		if p.question {
			s := strings.TrimSpace(text[p.start:p.end])
			out = append(out, Question{Text: s, Leans: leans(s), Words: topicWords(&tok, s)})
		}
	}
	return out
}

// Piece is one sentence or clause of a message as Questions cuts it: a
// question, or a statement ("remind me to call mom at 3pm.").
type Piece struct {
	// Text is the piece without the joint that opens it ("and", "also",
	// "y", "también") or the spaces around it.
	Text     string
	Question bool
}

// Pieces returns every piece of a message that Questions would cut it
// into, statements too, in order; nil when it has fewer than two, or no
// words. Unlike Questions it needs no question at all.
func Pieces(text string) []Piece {
	if len(text) > maxQueryBytes || !mayCut(text) {
		return nil
	}
	var q questionScan
	q.scan(text)
	if q.n < 2 {
		return nil
	}
	out := make([]Piece, 0, q.n)
	for _, p := range q.parts[:q.n] {
		if s := dropJoints(text[p.start:p.end]); s != "" {
			out = append(out, Piece{Text: s, Question: p.question})
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// dropJoints trims s and the joints and commas that open or end it: "and
// also, remind me" and "remind me and also," are "remind me".
func dropJoints(s string) string {
	var b [maxKnownWord]byte
	for {
		s = strings.TrimLeft(s, " \t\r\n,")
		if !jointAt(s) {
			break
		}
		_, j := rawWordAt(s, 0, &b)
		s = s[j:]
	}
	for {
		s = strings.TrimRight(s, " \t\r\n,")
		k := len(s)
		for k > 0 {
			r, size := utf8.DecodeLastRuneInString(s[:k])
			if !isWordRune(r) {
				break
			}
			k -= size
		}
		if k == 0 || k == len(s) || !jointAt(s[k:]) {
			return s
		}
		s = s[:k]
	}
}

// Question is one of the questions of a message.
type Question struct {
	Text string
	// Leans: it has a word that points back to something said before it
	// ("it", "that", "their", "eso"). A question that names its topic by
	// nothing at all ("and how much?") has few Words instead.
	Leans bool
	// Words counts its words that say what it is about: neither function
	// words ("do", "i", "tengo") nor question words nor negations, in
	// English or Spanish. "what paperwork do i need" has one; "cuanto
	// cuesta sin seguro" two.
	Words int
}

// topicWords counts the words of s that are not function words of
// either language.
func topicWords(tok *tokenizer, s string) int {
	tok.split(s)
	n := 0
	for _, t := range tok.toks {
		w := string(tok.buf[t.start:t.end])
		if englishClass[w] == content && spanishClass[w] == content && negations[w] == "" && !isQuestionFiller(tok.buf[t.start:t.end]) {
			n++
		}
	}
	return n
}

// leans reports whether the question s points back to something said
// before it.
func leans(s string) bool {
	var b [maxKnownWord]byte
	for i := skipNonWord(s, 0); i < len(s); i = skipNonWord(s, i) {
		var w []byte
		w, i = rawWordAt(s, i, &b)
		if isPointer(w) {
			return true
		}
	}
	return false
}

// isPointer reports the words that point back to something said before.
func isPointer(w []byte) bool {
	switch string(w) {
	case "it", "its", "that", "those", "these", "them", "they", "their", "theirs", "this", "one", "he", "she", "him", "her",
		"lo", "la", "los", "las", "le", "les", "eso", "esto", "ello", "ese", "esa", "este", "esta", "ahi", "ahí",
		"alli", "allí", "alla", "allá", "el", "ella", "ellos", "ellas":
		return true
	}
	return false
}

// mayCut reports whether text has a place where scan could cut it: a
// mark before its last word, or a joint. It errs towards yes, and is
// there to let most messages, which ask one question, skip the scan.
func mayCut(text string) bool {
	t := strings.TrimRight(text, " \t\r\n?!.")
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c < utf8.RuneSelf && asciiWord[c] != 0 {
			continue
		}
		switch c {
		case '?', '!', ';', '\n', '.', ',':
			return true
		case 0xc2: // "¿" is c2 bf
			if i+1 < len(t) && t[i+1] == 0xbf {
				return true
			}
		}
		if i+1 < len(t) && jointFirst[t[i+1]] && jointAt(t[i+1:]) {
			return true
		}
	}
	return false
}

// jointFirst marks the bytes a joint can start with.
var jointFirst = func() (t [256]bool) {
	for _, c := range "aAyYeEpPtT" {
		t[c] = true
	}
	return t
}()

// jointAt reports whether s starts with a joint ("and", "y", "también"),
// or may.
func jointAt(s string) bool {
	var b [5]byte
	n := 0
	for n < len(s) && n < len(b) && s[n] < utf8.RuneSelf && asciiWord[s[n]] != 0 {
		b[n] = asciiWord[s[n]]
		n++
	}
	end := n == len(s) || (s[n] < utf8.RuneSelf && asciiWord[s[n]] == 0)
	if !end && s[n] >= utf8.RuneSelf { // "and—", or a byte that is no UTF-8, as scan reads it
		r, _ := utf8.DecodeRuneInString(s[n:])
		end = !isWordRune(r)
	}
	switch w := string(b[:n]); {
	case end && (w == "and" || w == "also" || w == "plus" || w == "y" || w == "e"):
		return true
	case w == "tambi" || w == "adema" || (w == "adem" && !end):
		return true
	}
	return false
}

// questionPart is one piece of a message: text[start:end].
type questionPart struct {
	start, end int
	question   bool
}

// questionScan cuts a message into at most maxQuestions*2 pieces; what
// is left after the last is part of it.
type questionScan struct {
	parts [maxQuestions * 2]questionPart
	n     int
}

// scan reads text word by word.
func (q *questionScan) scan(text string) {
	start := 0      // where the current piece starts
	words := 0      // its words
	opened := false // it opens as a question does
	leading := true // its words so far are greetings and joints
	joint := -1     // where a question opening here would start its piece: before "and", after a comma
	prev := 0       // the length of the word before; a number counts as long
	var wb, nb [maxKnownWord]byte
	end := func(at int, mark bool) {
		if words > 0 && q.n < len(q.parts) {
			q.parts[q.n] = questionPart{start: start, end: at, question: words >= 2 && (mark || opened)}
			q.n++
		}
		start, words, opened, leading, joint = at, 0, false, true, -1
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			switch r {
			case '?':
				end(i+size, true)
			case '¿':
				end(i, false)
				opened = true
			case '!', ';', '\n':
				end(i+size, false)
			case '.':
				// "Dr." and "a.m." do not end a sentence.
				if (i+size == len(text) || text[i+size] == ' ' || text[i+size] == '\n') && prev > 2 {
					end(i+size, false)
				}
			case ',':
				if !leading {
					joint = i + size
				}
			}
			i += size
			continue
		}
		w, j := rawWordAt(text, i, &wb)
		opens := isQuestionWord(w)
		if !opens && isAsking(w) {
			next, _ := rawWordAt(text, skipNonWord(text, j), &nb)
			opens = isSubject(next)
		}
		switch {
		case opens && joint >= 0:
			// A question opens after "and" or a comma: the piece before
			// ends there, and this one starts with its joint.
			at := joint
			end(at, false)
			words = countWords(text[at:i])
			opened, leading = true, false
		case opens && leading:
			opened, leading = true, false
		case isJoint(w):
			if !leading && joint < 0 {
				joint = i
			}
		case leading && isQuestionFiller(w):
		default:
			leading, joint = false, -1
		}
		words++
		prev = j - i
		if r >= '0' && r <= '9' {
			prev = len(text)
		}
		i = j
	}
	end(len(text), false)
}

// maxKnownWord is the longest word the question words' lists hold, in
// bytes; a longer word is read as "".
const maxKnownWord = 16

// rawWordAt returns the word starting at text[i], lower case and without
// apostrophes, in buf ("" when it is longer than buf), and where it ends.
func rawWordAt(text string, i int, buf *[maxKnownWord]byte) ([]byte, int) {
	n, long := 0, false
	j := i
	for j < len(text) {
		if c := text[j]; c < utf8.RuneSelf && c != '\'' && c != '`' {
			l := asciiWord[c]
			if l == 0 {
				break
			}
			if n < len(buf) {
				buf[n] = l
				n++
			} else {
				long = true
			}
			j++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[j:])
		if isApostrophe(r) && j > i && j+size < len(text) {
			j += size
			continue
		}
		if !isWordRune(r) {
			break
		}
		r = unicode.ToLower(r)
		if !long && n+utf8.RuneLen(r) <= len(buf) {
			n += utf8.EncodeRune(buf[n:], r)
		} else {
			long = true
		}
		j += size
	}
	if long {
		n = 0
	}
	return buf[:n], j
}

// skipNonWord returns where the next word after text[i] starts.
func skipNonWord(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			break
		}
		i += size
	}
	return i
}

// countWords counts the words of s.
func countWords(s string) int {
	var b [maxKnownWord]byte
	n := 0
	for i := skipNonWord(s, 0); i < len(s); i = skipNonWord(s, i) {
		_, i = rawWordAt(s, i, &b)
		n++
	}
	return n
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r] != 0
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// asciiWord maps the ASCII letters and digits to their lower case, and
// the other bytes below utf8.RuneSelf to 0.
var asciiWord = func() (t [utf8.RuneSelf]byte) {
	for c := byte('0'); c <= '9'; c++ {
		t[c] = c
	}
	for c := byte('a'); c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = c, c
	}
	return t
}()

// isQuestionFiller reports the words before a question that do not make
// it a statement.
func isQuestionFiller(w []byte) bool {
	switch string(w) {
	case "hi", "hello", "hey", "ok", "okay", "so", "but", "oh", "um", "well", "please", "pls", "thanks",
		"hola", "buenas", "buenos", "dias", "días", "tardes", "pero", "ah", "bueno", "oye", "gracias",
		"one", "more", "question", "another", "otra", "pregunta",
		// "a qué hora", "hasta cuándo", "para qué"
		"a", "en", "de", "para", "por", "desde", "hasta":
		return true
	}
	return false
}

// isJoint reports the words that join two questions.
func isJoint(w []byte) bool {
	switch string(w) {
	case "and", "also", "plus", "y", "e", "tambien", "también", "ademas", "además":
		return true
	}
	return false
}

// isQuestionWord reports the words that open a question on their own.
func isQuestionWord(w []byte) bool {
	switch string(w) {
	case "what", "whats", "where", "wheres", "when", "whens", "how", "hows", "who", "whos", "which", "why",
		"que", "qué", "cual", "cuál", "cuales", "cuáles", "cuando", "cuándo", "donde", "dónde", "adonde",
		"adónde", "como", "cómo", "cuanto", "cuánto", "cuanta", "cuánta", "cuantos", "cuántos",
		"cuantas", "cuántas", "quien", "quién", "quienes", "quiénes", "hay", "puedo", "pueden",
		"aceptan", "tienen", "atienden", "ofrecen":
		return true
	}
	return false
}

// isAsking reports the verbs that open an English question when someone
// follows them ("do you", "is there", "can i").
func isAsking(w []byte) bool {
	switch string(w) {
	case "do", "does", "did", "are", "is", "can", "could", "will", "would", "should", "shall", "may",
		"have", "has", "am", "was", "were", "must", "dont", "doesnt", "cant", "isnt", "arent":
		return true
	}
	return false
}

// isSubject reports the words that make an asking verb a question.
func isSubject(w []byte) bool {
	switch string(w) {
	case "you", "u", "ya", "yall", "i", "we", "they", "it", "there", "he", "she", "my", "your",
		"our", "his", "her", "the", "this", "that", "someone", "anyone", "anybody", "somebody", "me":
		return true
	}
	return false
}
