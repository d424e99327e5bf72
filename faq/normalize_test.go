package faq

import (
	"strings"
	"testing"
)

func TestFoldWords(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Don't CAN'T", "dont cant"},
		{"Año Pediátrico", "ano pediatrico"},
		// A number with a unit is two words; an ordinal is its number.
		{"at 11pm, my 6yo", "at 11 pm my 6 yo"},
		{"the 5th floor on 2nd ave, 3rd visit, 21st", "the 5 floor on 2 ave 3 visit 21"},
		// Letters then digits stay one word; a lone suffix is a word.
		{"a1c n95 th st", "a1c n95 th st"},
		{"5thx", "5 thx"},
	}
	for _, tt := range tests {
		if got := strings.Join(foldWords(tt.in), " "); got != tt.want {
			t.Errorf("foldWords(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
