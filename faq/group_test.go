package faq

import (
	"reflect"
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
