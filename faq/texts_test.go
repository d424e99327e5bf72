package faq

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// editErrors parses validKB with from replaced by to, and returns every
// error reported, as staff read them.
func editErrors(t *testing.T, from, to string) []string {
	t.Helper()
	if !strings.Contains(validKB, from) {
		t.Fatalf("validKB has no %q", from)
	}
	_, err := Parse("faq.yaml", []byte(strings.Replace(validKB, from, to, 1)))
	if err == nil {
		return nil
	}
	var es Errors
	if !errors.As(err, &es) {
		t.Fatalf("got %v, want faq.Errors", err)
	}
	var got []string
	for _, e := range es {
		got = append(got, e.Error())
	}
	return got
}

type textCase struct {
	name     string
	from, to string // replace from with to in validKB
	want     []string
}

func checkTextCases(t *testing.T, cases []textCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := editErrors(t, tc.from, tc.to)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got errors\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestTextCutByComment: an unquoted " #" in a text patients read or are
// matched by starts a YAML comment, which silently cut the text short
// (QA: "Suite #200" became "Suite"); it is an error at the comment's line.
// A comment after quoted text, a | block or a field that is not text is
// the author's, and allowed.
func TestTextCutByComment(t *testing.T) {
	checkTextCases(t, []textCase{
		{"answer", "answer: Nine to five.", "answer: 100 Main St, Suite #200, Springfield", []string{
			`faq.yaml:18: entry "hours": answer: an unquoted " #" starts a YAML comment, so "#200, Springfield" is cut off and the text stops at "100 Main St, Suite"; put the text in quotes, or write it on the lines below "answer: |"`}},
		{"answer over two lines", "answer: Nine to five.", "answer: Call us and\n      press #3 for billing.", []string{
			`faq.yaml:19: entry "hours": answer: an unquoted " #" starts a YAML comment, so "#3 for billing." is cut off and the text stops at "Call us and press"; put the text in quotes, or write it on the lines below "answer: |"`}},
		{"question", "question: Are you open on holidays?", "question: Are you open on the 4th? #july", []string{
			`faq.yaml:29: entry "holiday": question: an unquoted " #" starts a YAML comment, so "#july" is cut off and the text stops at "Are you open on the 4th?"; put the text in quotes, or write it on the lines below "question: |"`}},
		{"alternate", `alternates: ["What are your hours?"]`, "alternates:\n      - What are your hours?\n      - Is door #2 open", []string{
			`faq.yaml:17: entry "hours": alternates item 2: an unquoted " #" starts a YAML comment, so "#2 open" is cut off and the text stops at "Is door"; put the text in quotes, or write it on the lines below "- |"`}},
		{"translated answer", "answer: De nueve a cinco.", "answer: Marque #3, por favor", []string{
			`faq.yaml:27: entry "hours": translations.es.answer: an unquoted " #" starts a YAML comment, so "#3, por favor" is cut off and the text stops at "Marque"; put the text in quotes, or write it on the lines below "answer: |"`}},
		{"long texts are shortened", "answer: Nine to five.", "answer: We are open from nine in the morning to five in the afternoon, every weekday #except holidays, when the nurse line answers instead", []string{
			`faq.yaml:18: entry "hours": answer: an unquoted " #" starts a YAML comment, so "#except holidays, when the nurse line an…" is cut off and the text stops at "…to five in the afternoon, every weekday"; put the text in quotes, or write it on the lines below "answer: |"`}},
		{"quoted answer", "answer: Nine to five.", `answer: "Suite #200" # the new suite`, nil},
		{"block answer", "answer: Nine to five.", "answer: | # the new suite\n      Suite #200, Springfield", nil},
		{"a note after a list", `alternates: ["What are your hours?"]`, `alternates: [What are your hours] # more to come`, nil},
		{"a note after an id", "id: holiday", "id: holiday # since 2024", nil},
		{"a note after keywords", "keywords: [hours, open]", "keywords:\n      - hours # the main one\n      - open", nil},
	})
}

// TestAnswerSwallowsEntry: an entry indented a step too far under an
// answer written with | became part of that answer, and faq check said
// ok (QA); a line of a block answer that reads as an entry or a field is
// an error at that line, not at "answer:".
func TestAnswerSwallowsEntry(t *testing.T) {
	const entry = "answer: |\n      We're open 9 to 5.\n\n      - id: parking\n        question: Where do I park?\n        answer: Behind the building."
	checkTextCases(t, []textCase{
		{"an entry", "answer: Nine to five.", entry, []string{
			`faq.yaml:21: entry "hours": answer: "- id: parking" is part of the answer (every line indented under "answer: |" is): the entry below is probably indented too far; start its "- id:" in line with the other entries' "-"`}},
		{"a field, folded", "answer: Nine to five.", "answer: >\n      We're open\n      9 to 5.\n      alternates:", []string{
			`faq.yaml:21: entry "hours": answer: "alternates:" is part of the answer (every line indented under "answer: >" is): the field below is probably indented too far; line it up with "answer:"`}},
		{"a translation", "answer: De nueve a cinco.", "answer: |\n          De nueve a cinco.\n          question: ¿Abren?", []string{
			`faq.yaml:29: entry "hours": translations.es.answer: "question: ¿Abren?" is part of the answer (every line indented under "answer: |" is): the field below is probably indented too far; line it up with "answer:"`}},
		{"words that are not fields", "answer: Nine to five.", "answer: |\n      Your question: we answer it.\n      - bring your id\n      Answer: yes.", nil},
		{"plain text over lines", "answer: Nine to five.", "answer: We answer\n      question marks", nil},
	})
}

// TestAnswerLength: a 10 MB answer passed faq check (QA). An answer
// longer than a Telegram message is a warning that says in how many
// messages patients get it; one over MaxAnswerLen is an error.
func TestAnswerLength(t *testing.T) {
	words := func(n int) string { return strings.Repeat("a", n) }
	for _, tc := range []struct {
		name     string
		from, to string
		warning  string
		err      string
	}{
		{"one message", "answer: No.", "answer: " + words(4096), "", ""},
		{"two messages", "answer: No.", "answer: " + words(4097),
			`faq.yaml:30: entry "holiday": warning: answer is 4,097 characters long: a Telegram message holds at most 4,096, so patients get it split into at least 2 messages; shorten it, or split it into several entries`, ""},
		{"characters, not bytes", "answer: No.", "answer: " + strings.Repeat("ñ", 4096), "", ""},
		{"at the limit", "answer: No.", "answer: " + words(MaxAnswerLen),
			`faq.yaml:30: entry "holiday": warning: answer is 20,000 characters long: a Telegram message holds at most 4,096, so patients get it split into at least 5 messages; shorten it, or split it into several entries`, ""},
		{"over the limit", "answer: No.", "answer: " + words(MaxAnswerLen+1), "",
			`faq.yaml:30: entry "holiday": answer is 20,001 characters long, more than the 20,000 an answer may have (patients would get it in at least 5 chat messages): split it into several entries, or put the text on the clinic's website and link to it`},
		{"a translation", "answer: De nueve a cinco.", "answer: " + words(5000),
			`faq.yaml:27: entry "hours": warning: translations.es.answer is 5,000 characters long: a Telegram message holds at most 4,096, so patients get it split into at least 2 messages; shorten it, or split it into several entries`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			kb, err := Parse("faq.yaml", []byte(strings.Replace(validKB, tc.from, tc.to, 1)))
			if tc.err != "" {
				if err == nil || err.Error() != tc.err {
					t.Errorf("got error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, w := range kb.Warnings(time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC)) {
				got = append(got, w.String())
			}
			if want := tc.warning; strings.Join(got, "\n") != want {
				t.Errorf("got warnings\n%s\nwant\n%s", strings.Join(got, "\n"), want)
			}
		})
	}
	if got, want := thousands(2441), "2,441"; got != want {
		t.Errorf("thousands(2441): got %q, want %q", got, want)
	}
}

// TestUnsupportedLanguage: carebot speaks English and Spanish; a file in
// French passed and got Spanish replies, and a French translation was
// counted as translated but never shown (QA). Both are errors.
func TestUnsupportedLanguage(t *testing.T) {
	checkTextCases(t, []textCase{
		{"the file's", "language: en", "language: fr", []string{
			`faq.yaml:2: language: carebot does not speak "fr": it answers patients in en (English) and es (Spanish); write the entries in one of them`}},
		{"with a region", "language: en", "language: pt-BR", []string{
			`faq.yaml:2: language: carebot does not speak "pt-BR": it answers patients in en (English) and es (Spanish); write the entries in one of them`}},
		{"a translation", "      es:", "      fr:", []string{
			`faq.yaml:24: entry "hours": translations: carebot does not speak "fr": it answers patients in en (English) and es (Spanish), so no patient would ever get this translation; remove it`}},
		{"Spanish with a region", "      es:", "      es-419:", nil},
		{"a Spanish file", "language: en", "language: es-MX", []string{
			`faq.yaml:24: entry "hours": translations.es: es is the knowledge base's own language; put that text in question and answer`}},
	})
}

// TestWordlessPhrasing: a question, an alternate or a keyword with no
// word in it ("?", "!!!", "👍") passed (QA), though the matcher compares
// words and no message can ever match it.
func TestWordlessPhrasing(t *testing.T) {
	checkTextCases(t, []textCase{
		{"question", "question: Are you open on holidays?", `question: "?"`, []string{
			`faq.yaml:29: entry "holiday": question: "?" has no word in it, so no patient's message can ever match it; write the question in words`}},
		{"alternate", `alternates: ["What are your hours?"]`, `alternates: ["What are your hours?", "!!!"]`, []string{
			`faq.yaml:15: entry "hours": alternates: "!!!" has no word in it, so no patient's message can ever match it; write it in words, or remove it`}},
		{"keyword", "keywords: [hours, open]", "keywords:\n      - hours\n      - \"👍\"", []string{
			`faq.yaml:18: entry "hours": keywords: "👍" has no word in it, so no patient's message can ever match it; write it in words, or remove it`}},
		{"translated question", "question: ¿Cuándo abren?", `question: "¿?"`, []string{
			`faq.yaml:25: entry "hours": translations.es.question: "¿?" has no word in it, so no patient's message can ever match it; write the question in words`}},
		{"translated alternate", `alternates: ["¿Cuál es su horario?"]`, `alternates: ["¿Cuál es su horario?", "…"]`, []string{
			`faq.yaml:26: entry "hours": translations.es.alternates: "…" has no word in it, so no patient's message can ever match it; write it in words, or remove it`}},
		{"numbers and short words are words", "keywords: [hours, open]", "keywords: [24/7, x, A1C, ñ]", nil},
	})
}
