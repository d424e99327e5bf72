package bot

import "bytes"

// The keyword steps (consent, small talk, language) read a short message
// as a list of words: lower-cased, accents folded, apostrophes dropped
// ("Don't" is "dont"), everything else a separator. The list is built in
// the caller's buffer as the words joined by single spaces, so that a
// message that turns out to be no keyword costs no allocation, and a
// whole phrase is looked up in a map without building a string.

// appendWords appends the words of text to dst, joined by single spaces,
// leaving out the words in drop (which may be nil). It returns dst and how
// many words it appended.
func appendWords(dst []byte, text string, drop map[string]bool) ([]byte, int) {
	n := 0
	start := -1 // where the word being read starts in dst; -1 between words
	for _, r := range text {
		r = fold(r)
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if start < 0 {
				if n > 0 {
					dst = append(dst, ' ')
				}
				start = len(dst)
			}
			dst = append(dst, byte(r))
		case r == '\'': // inside a word and dropped: "don't" is "dont"
		default:
			dst, n = endWord(dst, start, n, drop)
			start = -1
		}
	}
	return endWord(dst, start, n, drop)
}

// endWord counts the word dst[start:], or takes it (and the space before
// it) out again when it is in drop.
func endWord(dst []byte, start, n int, drop map[string]bool) ([]byte, int) {
	if start < 0 {
		return dst, n
	}
	if drop != nil && drop[string(dst[start:])] {
		if n > 0 {
			start-- // the space before it
		}
		return dst[:start], n
	}
	return dst, n + 1
}

// nextWord splits the first word off a list made by appendWords.
func nextWord(list []byte) (word, rest []byte) {
	if i := bytes.IndexByte(list, ' '); i >= 0 {
		return list[:i], list[i+1:]
	}
	return list, nil
}

// firstWordIn reports, without allocating, whether the first word of text
// not in skip, folded as appendWords folds it, is in set, or every word of
// text is in skip ("got it", "hasta luego": the gate lets the caller read
// the whole message).
func firstWordIn(text string, set, skip *wordSet) bool {
	var buf [24]byte
	n := 0
	for i, r := range text {
		r = fold(r)
		letter := r >= 'a' && r <= 'z' || r >= '0' && r <= '9'
		switch {
		case letter && n < len(buf):
			buf[n] = byte(r)
			n++
		case letter: // longer than any word of set
			return false
		case r == '\'':
		case n > 0:
			if w := buf[:n]; !skip.has(w) {
				return set.has(w)
			}
			n = 0
		case i > 64:
			return false
		}
	}
	return set.has(buf[:n]) || n > 0 && skip.has(buf[:n])
}

// wordSet is a set of words with a 1024-bit bloom filter in front of its
// map. The gates ask it about the first word of every message, and the
// answer is nearly always no: the filter (two cache lines) tells most of
// those without reading the map, which is cold by the time a message
// comes, after the FAQ matcher ran.
type wordSet struct {
	bloom [16]uint64
	words map[string]bool
}

func newWordSet(words map[string]bool) *wordSet {
	s := &wordSet{words: words}
	for w, in := range words {
		if in {
			a, b := wordBits(safetyHash([]byte(w)))
			s.bloom[a>>6] |= 1 << (a & 63)
			s.bloom[b>>6] |= 1 << (b & 63)
		}
	}
	return s
}

// wordBits are the two filter bits of a word with hash h.
func wordBits(h uint32) (uint32, uint32) { return h & 1023, h >> 16 & 1023 }

func (s *wordSet) has(w []byte) bool {
	a, b := wordBits(safetyHash(w))
	if s.bloom[a>>6]&(1<<(a&63)) == 0 || s.bloom[b>>6]&(1<<(b&63)) == 0 {
		return false
	}
	return s.words[string(w)]
}

// fold is foldRune with the ASCII case inline, which is nearly every rune.
func fold(r rune) rune {
	if r < 0x80 {
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	return foldRune(r)
}

// foldRune lower-cases an ASCII letter and folds the accented letters of
// English and Spanish to plain ASCII ("Á" is "a"); curly apostrophes
// become '. Other runes are kept.
func foldRune(r rune) rune {
	switch r {
	case 'á', 'à', 'â', 'ä', 'Á', 'À', 'Â', 'Ä':
		r = 'a'
	case 'é', 'è', 'ê', 'ë', 'É', 'È', 'Ê', 'Ë':
		r = 'e'
	case 'í', 'ì', 'î', 'ï', 'Í', 'Ì', 'Î', 'Ï':
		r = 'i'
	case 'ó', 'ò', 'ô', 'ö', 'Ó', 'Ò', 'Ô', 'Ö':
		r = 'o'
	case 'ú', 'ù', 'û', 'ü', 'Ú', 'Ù', 'Û', 'Ü':
		r = 'u'
	case 'ñ', 'Ñ':
		r = 'n'
	case '’', '‘':
		r = '\''
	default:
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
	}
	return r
}
