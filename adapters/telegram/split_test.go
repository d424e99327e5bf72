package telegram

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestSplit(t *testing.T) {
	para := strings.Repeat("word ", 15) // 75 bytes
	tests := []struct {
		name string
		text string
		max  int
		want []string
	}{
		{"fits", "Open 8 to 5.", 20, []string{"Open 8 to 5."}},
		{"empty", "  \n ", 20, nil},
		{"paragraphs first", "First para.\n\nSecond para is here.", 25, []string{"First para.", "Second para is here."}},
		{"then lines", "line one\nline two\nline three", 20, []string{"line one\nline two", "line three"}},
		{"then sentences", "We open at 8. We close at 5. Call us.", 30, []string{"We open at 8. We close at 5.", "Call us."}},
		{"then words", "alpha beta gamma delta", 12, []string{"alpha beta", "gamma delta"}},
		{"a word longer than max is cut", "abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"never inside a surrogate pair", "😀😀😀", 3, []string{"😀", "😀", "😀"}},
		{"counts UTF-16 units, not bytes", "ééééé ééééé", 5, []string{"ééééé", "ééééé"}},
		{"emoji count twice", "😀😀 ab", 4, []string{"😀😀", "ab"}},
		{"no tiny first part from an early paragraph break", "Hi.\n\n" + para, 60, nil /* checked below */},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := split(tt.text, tt.max)
			checkParts(t, tt.text, got, tt.max)
			if tt.want == nil && tt.text != "  \n " {
				if len(got[0]) < tt.max/4 {
					t.Errorf("first part %q is under a quarter of max", got[0])
				}
				return
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSplitLongReply(t *testing.T) {
	var b strings.Builder
	for i := 0; b.Len() < 10000; i++ {
		b.WriteString("Our clinic offers flu shots every weekday. 💉 Bring your card.\n\n")
	}
	parts := split(b.String(), MaxText)
	checkParts(t, b.String(), parts, MaxText)
	if len(parts) < 3 {
		t.Fatalf("got %d parts for %d UTF-16 units, want at least 3", len(parts), utf16Len(b.String()))
	}
	for i, p := range parts {
		if !strings.HasSuffix(p, "Bring your card.") {
			t.Errorf("part %d ends %q, want a paragraph end", i, p[len(p)-20:])
		}
	}
}

// checkParts checks what every split must keep: parts within max, none
// empty or padded with space, and nothing but whitespace lost.
func checkParts(t *testing.T, text string, parts []string, max int) {
	t.Helper()
	for i, p := range parts {
		if n := utf16Len(p); n > max || n == 0 {
			t.Errorf("part %d is %d UTF-16 units, want 1 to %d", i, n, max)
		}
		if p != strings.TrimSpace(p) {
			t.Errorf("part %d %q has space at an edge", i, p)
		}
		if !utf8.ValidString(p) && utf8.ValidString(text) {
			t.Errorf("part %d is not valid UTF-8: cut inside a character", i)
		}
	}
	if got, want := squash(strings.Join(parts, "")), squash(text); got != want {
		t.Errorf("parts lose or change text:\ngot  %q\nwant %q", got, want)
	}
}

func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func FuzzSplit(f *testing.F) {
	f.Add("We open at 8. We close at 5.\n\nCall us 😀 anytime", 7)
	f.Add("abc", 1)
	f.Add("é😀\n\n\n x", 2)
	f.Fuzz(func(t *testing.T, text string, max int) {
		if max < 2 || max > 5000 || !utf8.ValidString(text) {
			return // a part must be able to hold any one character
		}
		checkParts(t, text, split(text, max), max)
	})
}
