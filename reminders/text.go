package reminders

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// TextProblem says what is wrong with a message staff send patients (a
// broadcast, a staff reminder), as words that follow "the text", or "":
// more than MaxText bytes, no visible character (spaces, or only
// zero-width ones: it would arrive blank), a control character other than
// a line break or tab (a bell, an escape sequence, a NUL), or text that is
// not UTF-8.
func TextProblem(text string) string {
	if len(text) > MaxText {
		return fmt.Sprintf("is %d bytes; at most %d fit in one message", len(text), MaxText)
	}
	if !utf8.ValidString(text) {
		return "is not UTF-8"
	}
	visible := false
	for _, r := range text {
		switch {
		case r == '\n' || r == '\t' || r == '\r':
		case unicode.IsControl(r):
			return fmt.Sprintf("has a control character (%U), which patients' apps would show as garbage or drop", r)
		case !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r):
			visible = true
		}
	}
	if !visible {
		return "is empty or only spaces (or characters that show nothing)"
	}
	return ""
}
