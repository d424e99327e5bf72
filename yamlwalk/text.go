package yamlwalk

import (
	"bytes"
	"unicode/utf8"
)

// NotUTF8 is the problem of a file that is not UTF-8 text, in the words
// staff read for every file carebot reads.
const NotUTF8 = "the file is not valid UTF-8 text; save it as UTF-8"

// Text readies a staff-edited file for yaml.v3: it drops the byte-order
// mark some editors add, and when the file is not UTF-8 text (saved as
// Latin-1 or Windows-1252) it records NotUTF8 at the first line that is
// not, where yaml.v3 would say only "invalid leading UTF-8 octet". ok is
// false then, and the file should not be parsed.
func (w *Walker) Text(data []byte) (text []byte, ok bool) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		w.Errorf(badUTF8Line(data), "", "%s", NotUTF8)
		return nil, false
	}
	return data, true
}

// badUTF8Line is the line of the first byte that is not UTF-8.
func badUTF8Line(data []byte) int {
	line := 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		i += size
	}
	return line
}
