package telegram

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxText is the most a Telegram message may hold, in UTF-16 code units
// (Telegram counts those: an emoji outside the BMP takes two).
const MaxText = 4096

// utf16Len is the length of s in UTF-16 code units.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16Units(r)
	}
	return n
}

func utf16Units(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}

// split cuts text into parts of at most max UTF-16 units, each cut at the
// best boundary the part offers: a paragraph, then a line, then a
// sentence, then a word, and only if a single word is longer than max, in
// the middle of it (never inside a character). The whitespace at a cut is
// dropped; nothing else is lost or reordered. An empty text has no parts.
func split(text string, max int) []string {
	text = strings.TrimSpace(text)
	var parts []string
	for text != "" {
		head := prefixUnits(text, max)
		if len(head) == len(text) {
			parts = append(parts, text)
			break
		}
		cut := bestCut(text, len(head))
		parts = append(parts, strings.TrimRightFunc(text[:cut], unicode.IsSpace))
		text = strings.TrimLeftFunc(text[cut:], unicode.IsSpace)
	}
	return parts
}

// prefixUnits is the longest prefix of s of at most max UTF-16 units.
func prefixUnits(s string, max int) string {
	n := 0
	for i, r := range s {
		n += utf16Units(r)
		if n > max {
			return s[:i]
		}
	}
	return s
}

// bestCut returns where to cut s so the first part is s[:cut] with cut <=
// limit, preferring the strongest boundary that leaves the first part at
// least a quarter full (a cut right at the start would make a uselessly
// short part).
func bestCut(s string, limit int) int {
	window := s[:limit]
	floor := limit / 4
	// A boundary is the index just after its separator; the part before it
	// keeps the sentence's punctuation.
	for _, sep := range []string{"\n\n", "\n"} {
		if i := strings.LastIndex(window, sep); i > 0 && i >= floor {
			return i + len(sep)
		}
	}
	if i := lastSentenceEnd(window); i > 0 && i >= floor {
		return i
	}
	if i := strings.LastIndexFunc(window, unicode.IsSpace); i > 0 && i >= floor {
		_, size := utf8.DecodeRuneInString(window[i:])
		return i + size
	}
	if limit == 0 {
		// max is smaller than the first character: take it whole rather
		// than loop forever.
		_, size := utf8.DecodeRuneInString(s)
		return size
	}
	return limit
}

// lastSentenceEnd is the index just after the last ". ", "! ", "? " (or
// their CJK full-width forms) in s, or -1.
func lastSentenceEnd(s string) int {
	best := -1
	for i, r := range s {
		switch r {
		case '.', '!', '?', '…':
			next := i + utf8.RuneLen(r)
			if next < len(s) && (s[next] == ' ' || s[next] == '\n') {
				best = next
			}
		case '。', '！', '？':
			best = i + utf8.RuneLen(r)
		}
	}
	return best
}
