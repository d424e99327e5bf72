package faq

import (
	"slices"
	"strings"
	"testing"
)

func TestQuestions(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"what are your hours and do you take aetna", []string{"what are your hours", "and do you take aetna"}},
		{"what are your hours? also do you take aetna?", []string{"what are your hours?", "also do you take aetna?"}},
		{"Hi! What are your hours? Do you take Aetna?", []string{"What are your hours?", "Do you take Aetna?"}},
		{"hi, what time do you open, and where do i park", []string{"hi, what time do you open,", "and where do i park"}},
		{"do you take aetna, where do i park", []string{"do you take aetna,", "where do i park"}},
		{"¿Dónde estaciono? ¿Aceptan Medicaid?", []string{"¿Dónde estaciono?", "¿Aceptan Medicaid?"}},
		{"a que hora abren y donde me estaciono", []string{"a que hora abren", "y donde me estaciono"}},
		{"My son is 12. Does he need a physical? And do you do sports forms?", []string{"Does he need a physical?", "And do you do sports forms?"}},
		{"I don't know what time you open and I can't find parking", nil},
		{"we just moved here and are looking for a doctor, are you taking new patients", nil},
		{"what are your hours", nil},
		{"do you open at 8 a.m. on saturday", nil},
		{"can Dr. Smith see me and my kids", nil},
		{"where is the clinic and how do i get there", []string{"where is the clinic", "and how do i get there"}},
		{"my husband and i are wondering if you take aetna", nil},
		{"", nil},
		{"?? ?", nil},
		{"hi? hello?", nil},
	} {
		var got []string
		for _, q := range Questions(c.text) {
			got = append(got, q.Text)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("Questions(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestQuestionsLean(t *testing.T) {
	for _, c := range []struct {
		text  string
		leans []bool
	}{
		{"do you take aetna? where do i park?", []bool{false, false}},
		{"Do you do microneedling? What does it cost?", []bool{false, true}},
		{"hacen pruebas de ets? es confidencial? cuanto cuesta eso?", []bool{false, false, true}},
		{"Is she old enough for a flu shot, and would she need one or two?", []bool{true, true}},
	} {
		var got []bool
		for _, q := range Questions(c.text) {
			got = append(got, q.Leans)
		}
		if !slices.Equal(got, c.leans) {
			t.Errorf("Questions(%q) lean %v, want %v", c.text, got, c.leans)
		}
	}
}

func TestQuestionsAllocatesOnlyForMore(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { Questions("What TIME do you open Saturday? I'm NOT sure.") }); n != 0 {
		t.Errorf("one question: %v allocations, want 0", n)
	}
}

func BenchmarkQuestions(b *testing.B) {
	texts := []string{
		"what time u guys open tmrw morning",
		"hi so my daughter is 12 and her school nurse mentioned the hpv vaccine, do you give it and how many shots is it",
		"¿Aceptan Medicaid?",
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		Questions(texts[i%len(texts)])
	}
}

func BenchmarkQuestionsOne(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Questions("what time u guys open tmrw morning")
	}
}

// FuzzQuestions: every question is a piece of the message, and mayCut
// lets no message that asks more than one skip the scan.
// TestPieces: statements are pieces too, without the joint that opens
// them; one piece is none.
func TestPieces(t *testing.T) {
	tests := []struct {
		text string
		want []Piece
	}{
		{"remind me to take my pill at 8pm. also what are your hours?", []Piece{{"remind me to take my pill at 8pm.", false}, {"what are your hours?", true}}},
		{"what are your hours? and remind me to call at 3pm", []Piece{{"what are your hours?", true}, {"remind me to call at 3pm", false}}},
		{"remind me at 8pm and also, what are your hours", []Piece{{"remind me at 8pm", false}, {"what are your hours", true}}},
		{"recuérdame a las 8. ¿a qué hora abren?", []Piece{{"recuérdame a las 8.", false}, {"¿a qué hora abren?", true}}},
		{"remind me to call Dr. Smith at 3pm", nil},
		{"what are your hours", nil},
		{"and. also", nil},
	}
	for _, tt := range tests {
		if got := Pieces(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("Pieces(%q) = %+v, want %+v", tt.text, got, tt.want)
		}
	}
}

func FuzzQuestions(f *testing.F) {
	for _, s := range []string{
		"what are your hours and do you take aetna", "¿Dónde estaciono? ¿Aceptan Medicaid?",
		"do you take aetna, where do i park", "hours\tand do you park", "a.m. and is there",
		"TAMBIÉN ¿dónde?", "y donde, e cuando", "what?and where?", "'and' do you",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, q := range Questions(s) {
			if q.Text == "" || !strings.Contains(s, q.Text) {
				t.Fatalf("Questions(%q): %q is not a piece of it", s, q.Text)
			}
		}
		ps := Pieces(s)
		if len(ps) == 1 {
			t.Fatalf("Pieces(%q) is one piece", s)
		}
		for _, p := range ps {
			if p.Text == "" || !strings.Contains(s, p.Text) {
				t.Fatalf("Pieces(%q): %q is not a piece of it", s, p.Text)
			}
		}
		if len(s) > maxQueryBytes || mayCut(s) {
			return
		}
		var q questionScan
		q.scan(s)
		n := 0
		for _, p := range q.parts[:q.n] {
			if p.question {
				n++
			}
		}
		if n > 1 {
			t.Fatalf("mayCut(%q) = false, but it asks %d questions", s, n)
		}
	})
}
