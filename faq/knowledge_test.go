package faq

import (
	"path/filepath"
	"testing"
)

const knowledgeKB = `version: 1
language: en
clinic: {name: Clinic, phone: "555 0100"}
entries:
  - id: shingles-vaccine
    question: Do you give the shingles vaccine?
    keywords: [shingles, shingrix]
    answer: Yes, for adults 50 and older.
  - id: er-or-urgent-care
    question: What's the difference between urgent care and the ER?
    answer: Urgent care is for problems that cannot wait but are not life-threatening.
  - id: pap-smear
    question: How often do I need a pap smear?
    answer: Every three years from 21.
`

func TestKnowledgeQuestion(t *testing.T) {
	kb, err := Parse("faq.yaml", []byte(knowledgeKB))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		msg  string
		want bool
	}{
		{"what causes shingles in the first place", true},
		{"whats the cause of shingles", true},
		{"the leading causes of death in the us", true},
		{"what's the difference between a cold and the flu", true},
		{"cual es la diferencia entre un virus y una bacteria", true},
		{"que causa la culebrilla", true},
		{"why is it called a pap smear", true},
		{"por que se llama papanicolau", true},
		{"what are the early symptoms of shingles", true},
		{"signs of diabetes?", true},
		{"cuales son los sintomas de la culebrilla", true},
		{"how does the flu spread", true},
		{"is bird flu spreading to people now?", true},
		{"como se contagia la gripe", true},
		{"what foods help lower blood pressure", true},
		{"que alimentos tienen mucho hierro", true},
		// About the clinic, or the patient.
		{"can shingles be caused by the vaccine", false},
		{"i have symptoms of the flu, can i come in today", false},
		{"tengo sintomas de gripe, me pueden ver hoy", false},
		{"can i spread the flu to my baby after my shot", false},
		{"can i eat food before my blood test", false},
		{"why was i called by the clinic yesterday", false},
		{"por que me llaman tanto", false},
		{"does it make a difference if i come in the morning", false},
		{"i missed my appointment because of work", false},
	} {
		if _, got := kb.queryFlags(tc.msg); got != tc.want {
			t.Errorf("%q: got %v, want %v", tc.msg, got, tc.want)
		}
	}
	// The clinic asks the question itself: answered.
	if r := kb.Match("so what is the difference between the er and urgent care", ""); !r.Confident || r.Candidates[0].Entry.ID != "er-or-urgent-care" {
		t.Errorf("urgent care or ER: got %s, want er-or-urgent-care confidently", summary(r))
	}
}

// TestKnowledgeNotAnswered checks, on the clinic's knowledge base, that a
// general-knowledge question gets the entries that look close offered,
// never one of them as the answer.
func TestKnowledgeNotAnswered(t *testing.T) {
	needEval(t)
	kb, err := Load(filepath.Join(evalDir, "clinic/kb.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ msg, offered string }{
		{"what causes shingles", "shingles-vaccine"},
		{"what is the difference between type 1 and type 2 diabetes", "diabetes-support-group"},
	} {
		r := kb.Match(tc.msg, "")
		if r.Confident || len(r.Suggestions) == 0 || r.Suggestions[0].Entry.ID != tc.offered {
			t.Errorf("%q: got %s confident=%v, want %s offered, not given", tc.msg, ids(r.Suggestions), r.Confident, tc.offered)
		}
	}
}
