package faq

import (
	"fmt"
	"strings"
	"testing"
)

func TestWordTable(t *testing.T) {
	m := make(map[string]*wordRecord)
	var words []string
	for i := range 500 { // enough words for probe chains to form
		words = append(words, fmt.Sprintf("w%d", i))
	}
	// Around the inline limit, and words that share a prefix.
	words = append(words, "a", strings.Repeat("x", inlineWord), strings.Repeat("x", inlineWord+1),
		"appointment", "appointments", "appointmentss", "", "é",
		// Long words (hashed 8 bytes at a time), alike but for one byte.
		strings.Repeat("ab", 12), strings.Repeat("ab", 12)+"c", "https://example.com/a/very/long/path",
		"https://example.com/a/vary/long/path", strings.Repeat("y", 17), strings.Repeat("y", 33))
	for _, w := range words {
		m[w] = &wordRecord{}
	}
	tab := newWordTable(m)
	for _, w := range words {
		if got := tab.get(w); got != m[w] {
			t.Errorf("get(%q): got %p, want %p", w, got, m[w])
		}
	}
	for _, w := range []string{"w500", "x", strings.Repeat("x", inlineWord-1), strings.Repeat("x", inlineWord+2),
		"appointmen", "appointmentsss", "b", "w1 ", strings.Repeat("ab", 11) + "ba", strings.Repeat("y", 18),
		"https://example.com/a/very/lang/path"} {
		if got := tab.get(w); got != nil {
			t.Errorf("get(%q) of a word not in the table: got %p, want nil", w, got)
		}
	}
	var empty wordTable
	if got := empty.get("a"); got != nil {
		t.Errorf("get on an empty table: got %p, want nil", got)
	}
}
