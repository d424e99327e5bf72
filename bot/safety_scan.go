package bot

import (
	"unicode"
	"unicode/utf8"
)

const (
	safetyChunk   = 128 // tokens judged together
	safetyCarry   = 24  // tokens carried into the next chunk, so no phrase is cut in two
	safetyWordMax = 24  // bytes; a longer word cannot be in the lexicon
	safetyNumMax  = 1_000_000
)

// safetyTok is one word of the message, looked up in the lexicon.
type safetyTok struct {
	id    uint16 // lexicon id; 0 for a word the lexicon does not know
	flags uint16 // safetyF* marks set by the marker rules
	sent  uint16 // sentence number within the chunk
	class uint8  // the id's word classes, wclass[id]
	num   int32  // the value of a number token
}

// Token marks, set by marker rules and read by the guards of trigger rules.
const (
	safetyFTopic    uint16 = 1 << iota // a word that makes a nearby trigger a topic ("prevention")
	safetyFIdiom                       // part of an idiom ("dying to", "through my nose")
	safetyFConsumed                    // used by a resolved-marker ("fine now"): not an acute "now"
	safetyFNeg                         // in the scope of a negation
	safetyFFut                         // in the scope of intent ("want to", "going to")
	safetyFPost                        // after "after"/"since": the trigger names a past event
	safetyFSvc                         // in the scope of a question about services
	safetyFHypo                        // in the scope of a hypothetical ("if someone")
	safetyFComma                       // the token follows a comma: a negation's scope ends before it
)

// Sentence marks.
const (
	safetySPast     uint8 = 1 << iota // far past: "years ago", "in 2019", "history of"
	safetySRecent                     // recent past: "yesterday", "last night"
	safetySAcute                      // happening now: "right now", "an hour ago", "just had"
	safetySChronic                    // habitual: "every month", "for weeks"
	safetySResolved                   // over: "fine now", "it stopped"
	safetySJoke                       // laughed at, in it or just after it: "kill me now, another form? lol"
)

// safetyScanner turns text into tokens chunk by chunk and judges each chunk.
// It lives on the caller's stack: nothing escapes, nothing is allocated.
type safetyScanner struct {
	lx     *safetyLexicon
	score  safetyScore
	toks   [safetyChunk]safetyTok
	n      int
	sent   uint16              // sentence number of the next token
	frames safetyFrames        // time marks, by frame of a sentence
	word   [safetyWordMax]byte // the word being read
	wn     int                 // its length; may exceed safetyWordMax
	hash   uint32              // safetyHash of the word so far
	double bool                // it has a letter twice in a row
	comma  uint16              // safetyFComma when a comma came before the next token, else 0
	digits bool                // it is a number
	bad    bool                // it has letters we cannot fold to a-z
	done   bool                // an emergency is certain: stop reading
	judged bool                // a trigger rule matched and its guards cancelled it
	model  *safetyModel        // the model that reads behind the rules; nil reads nothing
	read   safetyReading       // what the model has read
}

// scan reads text once, left to right, and judges what it read.
func (sc *safetyScanner) scan(text string) {
	sc.feed(text)
	if !sc.done {
		sc.endWord()
		sc.judge()
	}
}

// feed turns text into tokens, judging each chunk as it fills.
func (sc *safetyScanner) feed(text string) {
	for i := 0; i < len(text) && !sc.done; {
		c := text[i]
		if c < utf8.RuneSelf {
			if safetyLower[c] != 0 {
				i = sc.letters(text, i)
				continue
			}
			i++
			switch {
			case '0' <= c && c <= '9':
				sc.digit(c)
			case c == '\'' || c == '`':
				// Dropped inside a word: "don't" reads as "dont", as many type it.
			case c == '.' || c == '!' || c == '?' || c == ';' || c == '\n' || c == '\r':
				sc.endWord()
				sc.endSentence()
			case c == ',' || c == ':':
				sc.endWord()
				sc.comma = safetyFComma
			default:
				sc.endWord()
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		sc.other(r)
	}
}

// other handles a non-ASCII rune: accented letters fold to a-z, laughing
// emoji become "lol", sentence marks end a sentence, the rest separates.
func (sc *safetyScanner) other(r rune) {
	if b := safetyFold(r); b != 0 {
		sc.letter(b)
		return
	}
	switch {
	case r == '\u2019' || r == '\u2018' || r == '\u02bc' || r == '\u00b4' ||
		(r >= 0x300 && r <= 0x36f): // apostrophes and combining accents stay inside the word
		return
	case r == '\U0001F602' || r == '\U0001F923' || r == '\U0001F639' || r == '\U0001F606' || r == '\U0001F480':
		sc.endWord()
		sc.emit(sc.lx.lol, sc.lx.wclass[sc.lx.lol], 0)
	case r == '\u2026' || r == '\u203c' || r == '\u2049' || r == '\uff1f' || r == '\uff01' || r == '\u3002':
		sc.endWord()
		sc.endSentence()
	case unicode.IsLetter(r):
		if sc.digits {
			sc.endWord()
		}
		sc.bad = true
		sc.wn++
	default:
		sc.endWord()
	}
}

// safetyLower maps an ASCII letter to its lower case, and every other
// byte to 0.
var safetyLower = func() (t [256]byte) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = byte(c), byte(c)
	}
	return t
}()

// letters reads the run of ASCII letters that starts at text[i] and
// returns where it ends. It is letter for each of them, with the word's
// state kept in registers rather than in the scanner: most of a message
// is such runs.
func (sc *safetyScanner) letters(text string, i int) int {
	if sc.digits {
		sc.endWord()
	}
	wn, h, double := sc.wn, sc.hash, sc.double
	if wn == 0 {
		h = safetyFNVOffset
	}
	// prev is the letter before, where letter would compare it; no letter
	// is 0. Past safetyWordMax, letter stops comparing and this goes on,
	// which changes nothing: a word that long is no word of the lexicon,
	// and double is read only to look a word up.
	var prev byte
	if wn > 0 && wn <= safetyWordMax {
		prev = sc.word[wn-1]
	}
	for ; i < len(text); i++ {
		c := safetyLower[text[i]]
		if c == 0 {
			break
		}
		if prev == c {
			double = true
		}
		if wn < safetyWordMax {
			sc.word[wn] = c
		}
		prev = c
		h = (h ^ uint32(c)) * safetyFNVPrime
		wn++
	}
	sc.wn, sc.hash, sc.double = wn, h, double
	return i
}

func (sc *safetyScanner) letter(c byte) {
	if sc.digits {
		sc.endWord()
	}
	if sc.wn == 0 {
		sc.hash = safetyFNVOffset
	} else if sc.wn <= safetyWordMax && sc.word[sc.wn-1] == c {
		sc.double = true
	}
	if sc.wn < safetyWordMax {
		sc.word[sc.wn] = c
	}
	sc.hash = (sc.hash ^ uint32(c)) * safetyFNVPrime
	sc.wn++
}

func (sc *safetyScanner) digit(c byte) {
	if sc.wn > 0 && !sc.digits {
		sc.endWord()
	}
	sc.digits = true
	if sc.wn < safetyWordMax {
		sc.word[sc.wn] = c
	}
	sc.wn++
}

// endWord looks the word up and emits it as a token.
func (sc *safetyScanner) endWord() {
	if sc.wn == 0 {
		return
	}
	var id uint16
	var class uint8
	var num int32
	switch {
	case sc.bad || sc.wn > safetyWordMax:
	case sc.digits:
		id, class = safetyNumID, sc.lx.wclass[safetyNumID]
		for _, d := range sc.word[:sc.wn] {
			if num < safetyNumMax {
				num = num*10 + int32(d-'0')
			}
		}
	default:
		id, class = sc.lx.lookup(sc.word[:sc.wn], sc.hash, sc.double)
	}
	if !sc.bad && (sc.model != nil || sc.read.feats != nil) {
		f := sc.hash
		if sc.digits {
			f = safetyFeatNum
		}
		sc.read.word(sc.model, f)
	}
	sc.wn, sc.digits, sc.bad, sc.double = 0, false, false, false
	sc.emit(id, class, num)
}

func (sc *safetyScanner) endSentence() {
	if sc.n > 0 && sc.toks[sc.n-1].sent == sc.sent {
		sc.sent++
	}
}

// emit adds a token, marked if a comma came before it.
func (sc *safetyScanner) emit(id uint16, class uint8, num int32) {
	sc.toks[sc.n] = safetyTok{id: id, flags: sc.comma, sent: sc.sent, class: class, num: num}
	sc.comma = 0
	sc.n++
	if sc.n == safetyChunk {
		sc.next()
	}
}

// next judges the full chunk and starts the next one.
func (sc *safetyScanner) next() {
	if sc.read.feats == nil {
		sc.judge()
	}
	// Carry the tail into the next chunk so a phrase across the cut is seen.
	copy(sc.toks[:safetyCarry], sc.toks[sc.n-safetyCarry:sc.n])
	sc.n = safetyCarry
	base := sc.toks[0].sent
	for i := range sc.toks[:sc.n] {
		sc.toks[i].sent -= base
	}
	sc.sent -= base
}

// safetyFold maps a Latin letter with a diacritic to its base letter a-z,
// and returns 0 for anything else.
func safetyFold(r rune) byte {
	if r < 0xc0 || r > 0x17f {
		return 0
	}
	r = unicode.ToLower(r)
	switch r {
	case 'à', 'á', 'â', 'ã', 'ä', 'å', 'ā', 'ă', 'ą', 'æ':
		return 'a'
	case 'ç', 'ć', 'č':
		return 'c'
	case 'ď', 'đ':
		return 'd'
	case 'è', 'é', 'ê', 'ë', 'ē', 'ė', 'ę', 'ě':
		return 'e'
	case 'ğ':
		return 'g'
	case 'ì', 'í', 'î', 'ï', 'ī', 'į', 'ı':
		return 'i'
	case 'ł':
		return 'l'
	case 'ñ', 'ń', 'ň':
		return 'n'
	case 'ò', 'ó', 'ô', 'õ', 'ö', 'ø', 'ō', 'ő', 'œ':
		return 'o'
	case 'ř':
		return 'r'
	case 'ß', 'ś', 'š', 'ş':
		return 's'
	case 'ť':
		return 't'
	case 'ù', 'ú', 'û', 'ü', 'ū', 'ů', 'ű', 'ų':
		return 'u'
	case 'ý', 'ÿ':
		return 'y'
	case 'ź', 'ż', 'ž':
		return 'z'
	}
	return 0
}
