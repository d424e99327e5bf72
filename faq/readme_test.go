package faq

import (
	"os"
	"strings"
	"testing"
)

// The README's faq.yaml example must be what the loader takes: QA copied it
// and got a syntax error.
func TestFAQDocExample(t *testing.T) {
	doc, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(doc)
	from := strings.Index(s, "\n## faq.yaml\n")
	if from < 0 {
		t.Fatal("the README has no faq.yaml section")
	}
	s = s[from+1:]
	start := strings.Index(s, "```yaml\n")
	if start < 0 {
		t.Fatal("the README's faq.yaml section has no yaml example")
	}
	end := strings.Index(s[start+8:], "```")
	if end < 0 {
		t.Fatal("the README's faq.yaml example is not closed")
	}
	kb, err := Parse("faq.yaml", []byte(s[start+8:start+8+end]))
	if err != nil {
		t.Fatalf("the example in the README: %v", err)
	}
	e, ok := kb.Entry("hours")
	if !ok {
		t.Fatal("the example has no hours entry")
	}
	if q, _, got := e.Localized("es-MX"); got != "es" || !strings.HasPrefix(q, "¿") {
		t.Errorf("the example's hours entry for es-MX: %q in %q, want its Spanish translation", q, got)
	}
}

// A translation written with a region ("es-US") is the entry's Spanish,
// served to every Spanish speaker; a second Spanish one is an error, not
// a translation silently never shown.
func TestTranslationWithARegion(t *testing.T) {
	const src = `version: 1
language: en
clinic: {name: Test Clinic, phone: "+1 555 0100"}
entries:
  - id: hours
    question: What are your opening hours?
    alternates: ["When are you open?"]
    answer: We're open Monday to Friday.
    translations:
      es-US:
        question: ¿Cuál es su horario?
        answer: Abrimos de lunes a viernes.
`
	kb, err := Parse("faq.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	e, _ := kb.Entry("hours")
	for _, lang := range []string{"es", "es-MX", "es-US"} {
		if _, a, got := e.Localized(lang); got != "es" || a != "Abrimos de lunes a viernes." {
			t.Errorf("Localized(%q): %q in %q, want the es-US translation", lang, a, got)
		}
	}
	if r := kb.Match("¿cuál es su horario?", "es"); !r.Confident || r.Candidates[0].Entry.ID != "hours" {
		t.Errorf("the Spanish question: got %+v, want hours, confidently", r.Candidates)
	}
	two := src + "      es:\n        answer: Abrimos.\n"
	_, err = Parse("faq.yaml", []byte(two))
	if want := `faq.yaml:13: entry "hours": translations.es: a translation into es is already given at line 10; the bot answers by language, not region, so keep one`; err == nil || err.Error() != want {
		t.Errorf("two Spanish translations: got %v, want %q", err, want)
	}
}
