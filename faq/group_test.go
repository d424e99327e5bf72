package faq

import (
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestGroup(t *testing.T) {
	texts := []string{
		"Do you do dental cleanings?",
		"do you do dental cleaning appointments",
		"dental cleaning price?",
		"can I bring my dog",
		"Can I bring my dog to the appointment?",
		"what is the wifi password",
		"¿Tienen estacionamiento para bicicletas?",
		"tienen estacionamiento de bicicletas",
		"???",
		"🙂🙂",
	}
	got := Group(texts, 0)
	want := []MissGroup{
		{Representative: "Do you do dental cleanings?", Count: 3, Texts: []string{"Do you do dental cleanings?", "dental cleaning price?", "do you do dental cleaning appointments"}, Members: []int{0, 2, 1}},
		{Representative: "can I bring my dog", Count: 2, Texts: []string{"can I bring my dog", "Can I bring my dog to the appointment?"}, Members: []int{3, 4}},
		{Representative: "tienen estacionamiento de bicicletas", Count: 2, Texts: []string{"tienen estacionamiento de bicicletas", "¿Tienen estacionamiento para bicicletas?"}, Members: []int{7, 6}},
		{Representative: "what is the wifi password", Count: 1, Texts: []string{"what is the wifi password"}, Members: []int{5}},
		{Representative: "???", Count: 2, Texts: []string{"???", "🙂🙂"}, Members: []int{8, 9}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got groups\n%+v\nwant\n%+v", got, want)
	}
}

// TestGroupOneTopic: a group is one topic. Questions that share only a
// place ("at the glow studio") or an everyday word ("offer") stay apart,
// even when a chain of questions each like the next links them; true
// paraphrases join, in English and in Spanish.
func TestGroupOneTopic(t *testing.T) {
	want := [][]string{
		{"do you do laser tattoo removal", "do you do tattoo removal", "do you do tattoo removal at the glow studio"},
		{"Do you offer a military discount?", "do you offer military discounts at the glow studio"},
		{"can I get my ears pierced there", "can i get my ears pierced at the glow studio"},
		{"do you accept aetna insurance", "do you take aetna", "is aetna accepted"},
		{"do you offer teeth whitening", "do you offer teeth whitening at the glow studio"},
		{"aceptan aetna?", "¿aceptan el seguro aetna?", "¿trabajan con seguro aetna?"},
		{"¿hacen eliminación de tatuajes en el glow studio?", "¿hacen eliminación de tatuajes?"},
		{"do you do massages at the glow studio"},
		{"¿hacen masajes en el glow studio?"},
	}
	slices.SortFunc(want, byFirst)
	var texts []string
	for _, g := range want {
		texts = append(texts, g...)
	}
	// Both orders: the groups do not depend on the order of the texts.
	for _, order := range []string{"given", "reversed"} {
		in := slices.Clone(texts)
		if order == "reversed" {
			slices.Reverse(in)
		}
		var got [][]string
		for _, g := range Group(in, 0) {
			got = append(got, slices.Sorted(slices.Values(g.Texts)))
		}
		slices.SortFunc(got, byFirst)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("texts in %s order: got groups\n%q\nwant\n%q", order, got, want)
		}
	}
}

func byFirst(a, b []string) int { return strings.Compare(a[0], b[0]) }

func TestGroupThreshold(t *testing.T) {
	texts := []string{"flu shot for kids", "flu shot for adults"}
	if got := Group(texts, 0.9); len(got) != 2 {
		t.Errorf("at similarity 0.9: got %d groups, want 2", len(got))
	}
	if got := Group(texts, 0.3); len(got) != 1 {
		t.Errorf("at similarity 0.3: got %d groups, want 1", len(got))
	}
}

func TestGroupEmpty(t *testing.T) {
	if got := Group(nil, 0); len(got) != 0 {
		t.Errorf("got %v, want no groups", got)
	}
}

// groupBenchTexts are maxGroupTexts realistic questions: the blind sets'
// messages, in- and out-of-scope, repeated with a number where they run
// out so that every text is distinct (the worst case: nothing collapses).
func groupBenchTexts(b *testing.B) []string {
	b.Helper()
	files, err := filepath.Glob("testdata/blind/*.jsonl")
	if err != nil || len(files) == 0 {
		b.Fatalf("no blind sets: %v", err)
	}
	var qs []string
	for _, f := range files {
		for _, q := range loadQueries(b, f) {
			qs = append(qs, q.Q)
		}
	}
	texts := make([]string, 0, maxGroupTexts)
	for i := 0; len(texts) < maxGroupTexts; i++ {
		q := qs[i%len(qs)]
		if i >= len(qs) {
			q = fmt.Sprintf("%s %d", q, i/len(qs))
		}
		texts = append(texts, q)
	}
	return texts
}

// BenchmarkGroup groups as many questions as Group compares pairwise.
func BenchmarkGroup(b *testing.B) {
	texts := groupBenchTexts(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Group(texts, 0)
	}
}
