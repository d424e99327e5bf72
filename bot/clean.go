package bot

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// clean makes any input safe to work on: valid UTF-8, no control
// characters, trimmed. Invisible format characters (zero-width space and
// joiner, soft hyphen, bidi marks: Unicode's Cf) are removed, not spaced:
// text pasted from the web carries them inside words, and "k\u200bill"
// must read as "kill" to the safety check and the FAQ.
func clean(s string) string {
	// Nearly every message is clean already: prove it in one pass over the
	// bytes, eight at a time while they are printable ASCII.
	for i := 0; i < len(s); {
		if i = printableBlocks(s, i); i == len(s) {
			break
		}
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			return cleanSlow(s) // a control character
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if size == 1 || r < 0xa0 || unicode.Is(unicode.Cf, r) { // invalid UTF-8, a C1 control or a format character
			return cleanSlow(s)
		}
		i += size
	}
	return strings.TrimSpace(s)
}

// printableBlocks returns where the run of printable ASCII bytes (0x20 to
// 0x7e) from s[i] ends, read eight bytes at a time: it may stop up to
// seven bytes early.
func printableBlocks(s string, i int) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for ; i+8 <= len(s); i += 8 {
		b := s[i : i+8]
		_ = b[7] // one bounds check for the eight
		x := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		below := (x - 0x20*ones) &^ x & highs // some byte is under 0x20
		above := (x + ones | x) & highs       // some byte is 0x7f or over
		if below|above != 0 {
			break
		}
	}
	return i
}

// cleanSlow is clean for a message that needs changing.
func cleanSlow(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, " ")
	}
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return ' '
		}
		if unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

// truncate cuts s to at most n bytes without splitting a character.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
