package faq

import (
	"math"
	"testing"
)

const wordingKB = `version: 1
language: en
clinic:
  name: Test clinic
entries:
  - id: spread
    question: "How does the virus spread?"
    answer: "Mostly through droplets."
    translations:
      es:
        question: "¿Cómo se propaga el virus?"
        answer: "Sobre todo por gotas."
  - id: food
    question: "Can the virus spread through food?"
    answer: "There is no evidence of it."
`

// TestWording checks the wording features of rank.go against Dice
// counted by hand.
func TestWording(t *testing.T) {
	kb, err := Parse("wording.yaml", []byte(wordingKB))
	if err != nil {
		t.Fatal(err)
	}
	ix := kb.idx
	for _, tc := range []struct {
		msg, entry string
		uni, bi    float64
	}{
		// The question itself: every word and pair.
		{"How does the virus spread?", "spread", 1, 1},
		// 4 of its 5 words (how, the, virus, spread; not does) and of the
		// message's 4; 2 pairs (the virus, virus spread) of 4 and of 3.
		{"how the virus spread", "spread", 8.0 / 9, 4.0 / 7},
		// Against the other entry: the, virus, spread of its 6 words; the
		// virus and virus spread of its 5 pairs.
		{"how the virus spread", "food", 6.0 / 10, 4.0 / 8},
		// Nothing in common.
		{"opening hours", "spread", 0, 0},
		// A Spanish message is compared with the Spanish phrasing only.
		{"¿Cómo se propaga el virus?", "spread", 1, 1},
		{"¿Cómo se propaga el virus?", "food", 0, 0},
	} {
		sc := ix.getScratch()
		ix.analyzeQuery(sc, tc.msg, "")
		ix.markWording(sc)
		e, _ := kb.Entry(tc.entry)
		w := ix.wordingOf(sc, int32(e.pos))
		uni, bi := w.uni(), w.bi()
		ix.putScratch(sc)
		if math.Abs(uni-tc.uni) > 1e-9 || math.Abs(bi-tc.bi) > 1e-9 {
			t.Errorf("wording of %q with %s: got %.3f/%.3f, want %.3f/%.3f", tc.msg, tc.entry, uni, bi, tc.uni, tc.bi)
		}
	}
}
