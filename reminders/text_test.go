package reminders

import (
	"strings"
	"testing"
)

// TestTextProblem: what staff send patients has something to see, and
// nothing a patient's app would show as garbage; line breaks, tabs and
// emoji are text.
func TestTextProblem(t *testing.T) {
	for text, want := range map[string]string{
		"Closed Monday for the holiday.":           "",
		"Flu shots are in! 💉\n\nWalk in\tany day.": "",
		"Cerrado el lunes.\r\n¡Feliz año!":         "",
		"":                                         "is empty or only spaces",
		" \t\n":                                    "is empty or only spaces",
		"\u200b\u200b\ufeff":                       "is empty or only spaces",
		"bell\x07":                                 "has a control character (U+0007)",
		"\x1b[31mred":                              "has a control character (U+001B)",
		"a\x00b":                                   "has a control character (U+0000)",
		"a\u0085b":                                 "has a control character (U+0085)",
		"caf\xe9":                                  "is not UTF-8",
		strings.Repeat("x", MaxText+1):             "is 2001 bytes; at most 2000",
	} {
		if got := TextProblem(text); want == "" && got != "" || !strings.HasPrefix(got, want) {
			t.Errorf("TextProblem(%q) = %q, want %q", text, got, want)
		}
	}
}
