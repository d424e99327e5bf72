package faq

import (
	"fmt"
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
		// "id" is the card where its neighbours say so, else "I'd".
		{"is a green card ok for id", "is a green card ok for identification"},
		{"Do I need ID? I'd like to come today", "do i need identification id like to come today"},
		{"si no tengo ID me atienden", "si no tengo identification me atienden"},
		{"my id card expired", "my identification card expired"},
		{"id be more comfortable with a woman doctor", "id be more comfortable with a woman doctor"},
		{"id", "identification"},
	}
	for _, tt := range tests {
		if got := strings.Join(foldWords(tt.in), " "); got != tt.want {
			t.Errorf("foldWords(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// The clauses a message is split into: a question mark or a full stop
// ends one, and so does the word a patient turns from a story to the
// question with.
func TestTokenizerClauses(t *testing.T) {
	for _, tc := range []struct {
		text string
		want string // each word's clause, and ? when in a question
	}{
		{"we moved here. are you taking patients?", "0 0 0 1? 1? 1? 1?"},
		{"stressed with work, anyway do you have appointments today?", "0 0 0 0 1? 1? 1? 1? 1?"},
		{"anyways, when are you open", "0 1 1 1 1"},
		{"is it any way to book online?", "0? 0? 0? 0? 0? 0? 0?"},
	} {
		var tk tokenizer
		tk.split(tc.text)
		var got []string
		for _, x := range tk.toks {
			s := fmt.Sprint(x.clause)
			if x.question {
				s += "?"
			}
			got = append(got, s)
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("%q: got %s, want %s", tc.text, g, tc.want)
		}
	}
}
