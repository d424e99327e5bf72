package faq

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// validKB is a small faq.yaml that uses every field.
const validKB = `version: 1
language: en
clinic:
  name: Test Clinic
  phone: "+1 555 0100"
  website: https://test.example
  emergency_number: 911
  crisis_line: "988"
synonyms:
  - [appointment, appt]
  - [x-ray, xray]
entries:
  - id: hours
    question: When are you open?
    alternates: ["What are your hours?"]
    keywords: [hours, open]
    tags: [info]
    answer: Nine to five.
    follow_up: [holiday]
    reviewed_by: Dr. Ames
    reviewed_at: 2025-01-31
    review_every: 1m
    translations:
      es:
        question: ¿Cuándo abren?
        alternates: ["¿Cuál es su horario?"]
        answer: De nueve a cinco.
  - id: holiday
    question: Are you open on holidays?
    answer: No.
`

func TestParseValid(t *testing.T) {
	kb, err := Parse("faq.yaml", []byte(validKB))
	if err != nil {
		t.Fatalf("got error %v, want none", err)
	}
	if got, want := kb.Clinic, (Clinic{Name: "Test Clinic", Phone: "+1 555 0100", Website: "https://test.example", EmergencyNumber: "911", CrisisLine: "988"}); got != want {
		t.Errorf("got clinic %+v, want %+v", got, want)
	}
	e, ok := kb.Entry("hours")
	if !ok {
		t.Fatal("entry hours not found")
	}
	if got, want := e.ReviewedAt, time.Date(2025, 1, 31, 0, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("got reviewed_at %v, want %v", got, want)
	}
	if got, want := e.ReviewEvery, (Period{N: 1, Unit: 'm'}); got != want {
		t.Errorf("got review_every %v, want %v", got, want)
	}
	if e.Line != 13 || e.ReviewedBy != "Dr. Ames" || len(e.FollowUp) != 1 || e.Translations["es"].Answer != "De nueve a cinco." {
		t.Errorf("got entry %+v", e)
	}
	if len(kb.Synonyms) != 2 || kb.Synonyms[1][0] != "x-ray" {
		t.Errorf("got synonyms %v", kb.Synonyms)
	}
}

// TestWebsitesPatientsCanOpen: the addresses clinics write, with or
// without a scheme, path or port, are accepted as they are.
func TestWebsitesPatientsCanOpen(t *testing.T) {
	for _, w := range []string{"https://test.example", "http://test.example/contact?x=1", "test.example", "www.test.example/es", "test.example:8443", "https://192.168.1.5"} {
		kb, err := Parse("faq.yaml", []byte(strings.Replace(validKB, "https://test.example", w, 1)))
		if err != nil {
			t.Errorf("website %q: %v", w, err)
		} else if kb.Clinic.Website != w {
			t.Errorf("website %q read as %q", w, kb.Clinic.Website)
		}
	}
}

// TestWarningsSharedPhrasing: a phrasing in two entries (as written, or
// differing only in case, accents and punctuation) is named at the second,
// with the first's entry and line; one in two languages is not.
func TestWarningsSharedPhrasing(t *testing.T) {
	src := strings.Replace(validKB, "    question: Are you open on holidays?\n", "    question: Are you open on holidays?\n    alternates: [\"Open on Christmas?\", \"what are your HOURS\"]\n", 1)
	src = strings.Replace(src, `        alternates: ["¿Cuál es su horario?"]`, `        alternates: ["¿Cuál es su horario?", "Are you open on holidays?"]`, 1)
	got := warningsOf(t, src)
	want := `faq.yaml:30: entry "holiday": warning: "what are your HOURS" is also a phrasing of entry "hours" (line 15): ` +
		`the bot cannot tell the two apart by it; keep it in the entry that answers it`
	if strings.Join(got, "\n") != want {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
}

// warningsOf parses src as faq.yaml and returns its warnings on 1
// February 2025, as faq check prints them.
func warningsOf(t *testing.T, src string) []string {
	t.Helper()
	kb, err := Parse("faq.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range kb.Warnings(time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC)) {
		got = append(got, w.String())
	}
	return got
}

// TestWarningsShrunkSynonym: a synonym whose other words carebot ignores
// is one common word, which would pull every message holding it to the
// group; one word left of several is named, each at its line.
func TestWarningsShrunkSynonym(t *testing.T) {
	src := strings.Replace(validKB, "  - [x-ray, xray]", "  - [x-ray, xray]\n  - [checkup, well child, well-child visit, \"the visit\", well baby exam]", 1)
	got := warningsOf(t, src)
	want := []string{
		`faq.yaml:12: warning: synonyms group 3: "well child" is read as "child", because carebot ignores "well" in any message: ` +
			`every "child" a patient writes would count as this group; write a phrase whose words all say something, or leave it out`,
		`faq.yaml:12: warning: synonyms group 3: "the visit" is read as "visit", because carebot ignores "the" in any message: ` +
			`every "visit" a patient writes would count as this group; write a phrase whose words all say something, or leave it out`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestLocalized(t *testing.T) {
	kb, err := Parse("faq.yaml", []byte(validKB))
	if err != nil {
		t.Fatal(err)
	}
	hours, _ := kb.Entry("hours")
	holiday, _ := kb.Entry("holiday")
	for _, tc := range []struct {
		e                 *Entry
		lang              string
		wantQ, wantA, got string
	}{
		{hours, "es", "¿Cuándo abren?", "De nueve a cinco.", "es"},
		{hours, "es-MX", "¿Cuándo abren?", "De nueve a cinco.", "es"},
		{hours, "en", "When are you open?", "Nine to five.", "en"},
		{hours, "", "When are you open?", "Nine to five.", "en"},
		{holiday, "es", "Are you open on holidays?", "No.", "en"},
	} {
		q, a, l := tc.e.Localized(tc.lang)
		if q != tc.wantQ || a != tc.wantA || l != tc.got {
			t.Errorf("%s in %q: got (%q, %q, %q), want (%q, %q, %q)", tc.e.ID, tc.lang, q, a, l, tc.wantQ, tc.wantA, tc.got)
		}
	}
}

// TestParseErrors edits validKB and checks every error Parse reports, in
// order, with its line.
func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		name     string
		from, to string // replace from with to in validKB
		want     []string
	}{
		{"version", "version: 1", "version: 2", []string{"faq.yaml:1: version 2 is not supported: this carebot reads version 1"}},
		{"version type", "version: 1", "version: one", []string{`faq.yaml:1: version: want a whole number, got "one"`}},
		{"no version", "version: 1\n", "", []string{"faq.yaml:1: version is missing: add `version: 1`"}},
		{"language", "language: en", "language: xx", []string{`faq.yaml:2: language: "xx" is not a known language code; use a code such as en, es or es-MX`}},
		{"unknown top field", "clinic:", "clinik:", []string{
			`faq.yaml:3: unknown field "clinik" (want version, language, clinic, synonyms, entries)`}},
		{"unknown clinic field", "  website:", "  web:", []string{
			`faq.yaml:6: clinic: unknown field "web" (want name, phone, website, emergency_number, crisis_line)`}},
		{"website words", "https://test.example", "call the front desk", []string{
			`faq.yaml:6: clinic.website "call the front desk" is not a web address patients can open: it has spaces (such as https://clinic.example)`}},
		{"website scheme", "https://test.example", "ftp://test.example", []string{
			`faq.yaml:6: clinic.website "ftp://test.example" is not a web address patients can open: ftp:// is not a web address, want https:// (such as https://clinic.example)`}},
		{"website mailto", "https://test.example", "mailto:front@test.example", []string{
			`faq.yaml:6: clinic.website "mailto:front@test.example" is not a web address patients can open: mailto: is not a web address (such as https://clinic.example)`}},
		{"website host", "https://test.example", "https://frontdesk", []string{
			`faq.yaml:6: clinic.website "https://frontdesk" is not a web address patients can open: "frontdesk" is not a host name (such as https://clinic.example)`}},
		{"empty synonym group", "  - [x-ray, xray]", "  - []", []string{"faq.yaml:11: synonyms group 2 is empty"}},
		{"one-word synonym group", "  - [x-ray, xray]", "  - [x-ray]", []string{"faq.yaml:11: synonyms group 2 has one word: a group needs at least two"}},
		{"follow_up missing", "follow_up: [holiday]", "follow_up: [holidays]", []string{`faq.yaml:19: entry "hours": follow_up "holidays" does not exist`}},
		{"follow_up itself", "follow_up: [holiday]", "follow_up: [hours]", []string{`faq.yaml:19: entry "hours": follow_up "hours" is the entry itself`}},
		{"follow_up itself twice", "follow_up: [holiday]", "follow_up: [hours, hours]", []string{`faq.yaml:19: entry "hours": follow_up "hours" is the entry itself`}},
		{"follow_up listed twice", "follow_up: [holiday]", "follow_up: [holiday, holiday]", []string{`faq.yaml:19: entry "hours": follow_up "holiday" is listed twice`}},
		{"duplicate id", "id: holiday", "id: hours", []string{
			`faq.yaml:19: entry "hours": follow_up "holiday" does not exist`,
			`faq.yaml:28: entry "hours": the id is used twice (first at line 13)`}},
		{"empty question", "question: Are you open on holidays?", `question: ""`, []string{`faq.yaml:29: entry "holiday": question is empty`}},
		{"answer is a list", "answer: No.", "answer: [a, b]", []string{`faq.yaml:30: entry "holiday": answer: want text, got a list`}},
		{"answer missing", "    answer: No.\n", "", []string{`faq.yaml:28: entry "holiday": answer is missing`}},
		{"empty entry", "  - id: holiday\n", "  -\n  - id: holiday\n", []string{
			"faq.yaml:28: an empty entry (a - with nothing after it): remove it, or give it an id, a question and an answer"}},
		{"unknown entry field", "tags: [info]", "tag: [info]", []string{
			`faq.yaml:17: entry "hours": unknown field "tag" (want id, question, alternates, keywords, tags, answer, follow_up, translations, reviewed_by, reviewed_at, review_every)`}},
		{"translation without answer", "        answer: De nueve a cinco.\n", "", []string{`faq.yaml:24: entry "hours": translations.es has no answer`}},
		{"translation language", "      es:", "      e$:", []string{`faq.yaml:24: entry "hours": translations: "e$" is not a known language code; use a code such as en, es or es-MX`}},
		{"translation in own language", "      es:", "      en:", []string{`faq.yaml:24: entry "hours": translations.en: en is the knowledge base's own language; put that text in question and answer`}},
		{"review_every", "review_every: 1m", "review_every: 6 months", []string{`faq.yaml:22: entry "hours": review_every "6 months": unit must be d (days), w (weeks), m (months) or y (years)`}},
		{"reviewed_at", "reviewed_at: 2025-01-31", "reviewed_at: 31/01/2025", []string{`faq.yaml:21: entry "hours": reviewed_at "31/01/2025": want a date such as 2025-01-31`}},
		// QA: "" and ~ were taken silently as no review; 2026-02-29 was
		// said not to be "a date such as 2025-01-31".
		{"review_every empty", "review_every: 1m", `review_every: ""`, []string{`faq.yaml:22: entry "hours": review_every is empty: give a period such as 90d, 6m or 1y, or remove the line if the entry needs no review`}},
		{"review_every null", "review_every: 1m", "review_every: ~", []string{`faq.yaml:22: entry "hours": review_every is empty: give a period such as 90d, 6m or 1y, or remove the line if the entry needs no review`}},
		{"reviewed_at not a day", "reviewed_at: 2025-01-31", "reviewed_at: 2026-02-29", []string{`faq.yaml:21: entry "hours": reviewed_at "2026-02-29": there is no February 29 in 2026`}},
		{"reviewed_at year 1", "reviewed_at: 2025-01-31", "reviewed_at: 0001-01-01", []string{`faq.yaml:21: entry "hours": reviewed_at 0001-01-01 is not a review date: want a date such as 2025-01-31`}},
		{"bad id", "id: holiday", "id: holiday hours", []string{
			`faq.yaml:19: entry "hours": follow_up "holiday" does not exist`,
			`faq.yaml:28: entry "holiday hours": id may use only ASCII letters (a-z, A-Z, no accents), digits, '.', '_' and '-', and must start with a letter or a digit`}},
		// QA: "horário-día" was refused for using "only letters".
		{"accented id", "id: holiday", "id: horário-día", []string{
			`faq.yaml:19: entry "hours": follow_up "holiday" does not exist`,
			`faq.yaml:28: entry "horário-día": id may use only ASCII letters (a-z, A-Z, no accents), digits, '.', '_' and '-', and must start with a letter or a digit`}},
		{"long id", "id: holiday\n", "id: holiday-hours-on-every-public-and-religious-holiday-xyz\n", []string{
			`faq.yaml:19: entry "hours": follow_up "holiday" does not exist`,
			`faq.yaml:28: entry "holiday-hours-on-every-public-and-religious-holiday-xyz": id is 55 characters long: at most 54 fit in the buttons that ask for and rate the entry`}},
		{"alternates type", `alternates: ["What are your hours?"]`, "alternates: {a: b}", []string{
			`faq.yaml:15: entry "hours": alternates: want a list of text, such as [a, b], got a mapping (key: value)`}},
		{"duplicate key", "    tags: [info]\n", "    tags: [info]\n    tags: [more]\n", []string{`faq.yaml:18: entry "hours": "tags" is given twice (first at line 17)`}},
		{"crisis line not a number", `crisis_line: "988"`, `crisis_line: "call 988"`, []string{
			`faq.yaml:8: clinic.crisis_line "call 988" is not a number to dial: the crisis reply tells patients to call it (digits, spaces and + - . ( ) only)`}},
		{"emergency number not a number", "emergency_number: 911", "emergency_number: abc", []string{
			`faq.yaml:7: clinic.emergency_number "abc" is not a number to dial: the emergency reply tells patients to call it (digits, spaces and + - . ( ) only)`}},
		{"phone without digits", `phone: "+1 555 0100"`, `phone: "ask reception"`, []string{
			`faq.yaml:5: clinic.phone "ask reception" is not a phone number: the fallback reply tells patients to call it`}},
		{"syntax", "    keywords: [hours, open]", "    keywords: [hours, open", []string{`faq.yaml:16: not valid YAML: did not find expected ',' or ']' (in a list written [like, this], put quotes around each text with ? : , # [ ] { } in it, or write one "- text" per line)`}},
		{"colon in a text", "answer: No.", "answer: No: we are closed.", []string{`faq.yaml:30: not valid YAML: mapping values are not allowed in this context (the text after "answer:" has ": " in it, which YAML reads as another key: put the whole text in quotes, answer: "...")`}},
		{"tab", "    tags: [info]", "\ttags: [info]", []string{"faq.yaml:17: not valid YAML: found character that cannot start any token (the line is indented with a tab: indent with spaces)"}},
		{"several at once", "language: en", "language: zz", []string{
			`faq.yaml:2: language: "zz" is not a known language code; use a code such as en, es or es-MX`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(validKB, tc.from) {
				t.Fatalf("validKB has no %q", tc.from)
			}
			_, err := Parse("faq.yaml", []byte(strings.Replace(validKB, tc.from, tc.to, 1)))
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("got %v, want faq.Errors", err)
			}
			var got []string
			for _, e := range es {
				got = append(got, e.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got errors\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			var first *Error
			if !errors.As(err, &first) || first.Error() != tc.want[0] {
				t.Errorf("errors.As *Error: got %v, want %q", first, tc.want[0])
			}
		})
	}
}

func TestParseWholeFileErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		data string
		want string
	}{
		{"empty", "", "faq.yaml: the file is empty"},
		{"blank", "  \n\n", "faq.yaml: the file is empty"},
		{"comments only", "# nothing\n", "faq.yaml: the file has no content (only comments?)"},
		{"not utf-8", "version: 1\nlanguage: en\nentries: \xff\xfe\n", "faq.yaml:3: the file is not valid UTF-8 text; save it as UTF-8"},
		{"not a mapping", "- a\n- b\n", "faq.yaml:1: the top level: want a mapping (key: value), got a list"},
		{"two documents", validKB + "---\nversion: 1\n", "faq.yaml:31: a second YAML document (after ---): put everything in one"},
		{"unknown anchor", "version: 1\nlanguage: *x\n", "faq.yaml:2: not valid YAML: unknown anchor 'x' referenced"},
		{"too large", strings.Repeat("#", MaxFileSize+1), "faq.yaml: the file is larger than 10 MB; is it the right file?"},
		{"no entries", "version: 1\nlanguage: en\nentries: []\n", "faq.yaml: entries is empty: the file has no questions and answers"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("faq.yaml", []byte(tc.data))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want %q", err, tc.want)
			}
		})
	}
}

// TestParseAliasBomb checks that a "billion laughs" file (ten levels of
// aliases, each ten times the one before) fails with a bounded list of
// errors instead of expanding: the schema walk never follows an alias
// deeper than a list of words, and a visit budget backs that up.
func TestParseAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("version: 1\nlanguage: en\nsynonyms:\n  - &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i < 10; i++ {
		b.WriteString("  - &a" + itoa(i) + " [")
		for j := 0; j < 10; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*a" + itoa(i-1))
		}
		b.WriteString("]\n")
	}
	b.WriteString("entries:\n  - id: a\n    question: q\n    answer: a\n    alternates: *a9\n    keywords: *a9\n")
	_, err := Parse("faq.yaml", []byte(b.String()))
	var es Errors
	if !errors.As(err, &es) {
		t.Fatalf("got %v, want errors", err)
	}
	if len(es) > 200 {
		t.Errorf("got %d errors, want a bounded list", len(es))
	}
	if !strings.Contains(err.Error(), "synonyms group 2 item 1: want text, got a list") {
		t.Errorf("got %v, want an error about the nested list", err)
	}
}

// TestDecoderVisitBudget checks the budget faq.yaml is read with:
// following many aliases stops with one clear error, located in the file.
func TestDecoderVisitBudget(t *testing.T) {
	d := newDecoder("faq.yaml")
	before := &yaml.Node{Kind: yaml.ScalarNode, Line: 6}
	for range maxNodeVisits - 2 {
		d.w.Node(before)
	}
	n := d.w.Node(&yaml.Node{Kind: yaml.ScalarNode, Line: 7})
	n2 := d.w.Node(&yaml.Node{Kind: yaml.ScalarNode, Line: 7})
	n3 := d.w.Node(&yaml.Node{Kind: yaml.ScalarNode, Line: 8})
	if n == nil || n2 == nil || n3 != nil {
		t.Errorf("got nodes %v %v %v, want the third refused", n, n2, n3)
	}
	if errs := d.errs(); len(errs) != 1 || !strings.Contains(errs[0].Error(), "faq.yaml:8: the file expands to too many values") {
		t.Errorf("got %v, want one error about expansion on line 8", errs)
	}
}

func TestParseDeepNesting(t *testing.T) {
	data := "version: 1\nlanguage: en\nentries: " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "\n"
	if _, err := Parse("faq.yaml", []byte(data)); err == nil {
		t.Error("got no error for 20000 nested lists")
	}
}

func TestLoad(t *testing.T) {
	path := filepath.Join(t.TempDir(), "faq.yaml")
	if err := os.WriteFile(path, []byte(strings.Replace(validKB, "version: 1", "version: 3", 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Load(path)
	if err == nil || !strings.HasPrefix(err.Error(), path+":1: version 3") {
		t.Errorf("got %v, want an error naming %s:1", err, path)
	}
	if _, err := Load(filepath.Join(t.TempDir(), "missing.yaml")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("got %v, want not-exist", err)
	}
}

func TestWarnings(t *testing.T) {
	kb, err := Parse("faq.yaml", []byte(strings.Replace(validKB, "    answer: No.\n", "    answer: No.\n    review_every: 1y\n", 1)))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		now  time.Time
		want []string
	}{
		{time.Date(2025, 2, 27, 0, 0, 0, 0, time.UTC), []string{
			`faq.yaml:28: entry "holiday": warning: review_every is 1y but reviewed_at is missing: it has never been reviewed`}},
		{time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), []string{
			`faq.yaml:21: entry "hours": warning: past its review date: reviewed 2025-01-31 by Dr. Ames, review every 1m, due 2025-03-03`,
			`faq.yaml:28: entry "holiday": warning: review_every is 1y but reviewed_at is missing: it has never been reviewed`}[1:]},
		// QA: on the day it fell due, it was already "past" its date.
		{time.Date(2025, 3, 3, 15, 0, 0, 0, time.UTC), []string{
			`faq.yaml:21: entry "hours": warning: due for review today (2025-03-03): reviewed 2025-01-31 by Dr. Ames, review every 1m`,
			`faq.yaml:28: entry "holiday": warning: review_every is 1y but reviewed_at is missing: it has never been reviewed`}},
		{time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC), []string{
			`faq.yaml:21: entry "hours": warning: past its review date: reviewed 2025-01-31 by Dr. Ames, review every 1m, due 2025-03-03`,
			`faq.yaml:28: entry "holiday": warning: review_every is 1y but reviewed_at is missing: it has never been reviewed`}},
		{time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), []string{
			`faq.yaml:21: entry "hours": warning: reviewed_at 2025-01-31 is in the future`,
			`faq.yaml:28: entry "holiday": warning: review_every is 1y but reviewed_at is missing: it has never been reviewed`}},
	} {
		var got []string
		for _, w := range kb.Warnings(tc.now) {
			got = append(got, w.String())
		}
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("at %s: got\n%s\nwant\n%s", tc.now.Format(time.DateOnly), strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
	}
}

// TestWarningsAlternates: a knowledge base with too few phrasings for a
// classifier says so, and one with enough does not.
func TestWarningsAlternates(t *testing.T) {
	noAlts := strings.NewReplacer(`    alternates: ["What are your hours?"]`+"\n", "", `        alternates: ["¿Cuál es su horario?"]`+"\n", "").Replace(validKB)
	for _, tc := range []struct {
		name, src string
		want      string
	}{
		{"with alternates", validKB, ""},
		{"without", noAlts, `faq.yaml: warning: 2 of 2 entries have no alternates, and the entries have fewer than 2 phrasings each on average: ` +
			`the bot will answer fewer questions with confidence and offer "did you mean" instead; add the ways patients ask each question as alternates`},
	} {
		kb, err := Parse("faq.yaml", []byte(tc.src))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, w := range kb.Warnings(time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC)) {
			if !strings.Contains(w.Msg, "review") {
				got = append(got, w.String())
			}
		}
		if strings.Join(got, "\n") != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestParsePeriod(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Period
		err  bool
	}{
		{"180d", Period{180, 'd'}, false},
		{"12w", Period{12, 'w'}, false},
		{"6m", Period{6, 'm'}, false},
		{"1y", Period{1, 'y'}, false},
		{"0d", Period{}, true},
		{"d", Period{}, true},
		{"6", Period{}, true},
		{"-1y", Period{}, true},
		{"1.5y", Period{}, true},
		{"99999999999999999999d", Period{}, true},
		{"6 m", Period{}, true},
	} {
		got, err := ParsePeriod(tc.in)
		if (err != nil) != tc.err || got != tc.want {
			t.Errorf("ParsePeriod(%q): got %v, %v; want %v, error %v", tc.in, got, err, tc.want, tc.err)
		}
	}
	if got, want := (Period{1, 'm'}).AddTo(time.Date(2025, 1, 31, 0, 0, 0, 0, time.UTC)), time.Date(2025, 3, 3, 0, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("1m after 2025-01-31: got %v, want %v", got, want)
	}
}

// TestParseSharedKBs checks that every shared knowledge base loads.
func TestParseSharedKBs(t *testing.T) {
	needEval(t)
	for _, p := range []string{"clinic/kb.yaml", "public/covid-jhu/kb.yaml", "public/deepset-covid/kb.yaml", "public/medquad-10k/kb.yaml"} {
		if _, err := Load(filepath.Join(evalDir, p)); err != nil {
			t.Errorf("load %s: %v", p, err)
		}
	}
}

// TestDuplicateIDByAlias: an entry repeated by an alias (- *e) was
// reported at the anchor's line twice, "line 6 ... first at line 6" (QA);
// the second use is the alias's line.
func TestDuplicateIDByAlias(t *testing.T) {
	const head = "version: 1\nlanguage: en\nclinic: {name: T, phone: \"1 555 0100\"}\nentries:\n" +
		"  - &e\n    id: a\n    question: What are your hours?\n    alternates: [When are you open]\n    answer: 9 to 5\n"
	for _, tc := range []struct {
		name, src, want string
	}{
		{"an alias", head + "  - *e\n",
			`faq.yaml:10: entry "a": the id is used twice (first at line 6): *e repeats the entry at line 5; write a new entry here instead of the alias`},
		{"an alias after another entry", head + "  - id: b\n    question: Where are you?\n    answer: Here.\n  - *e\n",
			`faq.yaml:13: entry "a": the id is used twice (first at line 6): *e repeats the entry at line 5; write a new entry here instead of the alias`},
		{"written twice", head + "  - id: a\n    question: Where are you?\n    answer: Here.\n",
			`faq.yaml:10: entry "a": the id is used twice (first at line 6)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Parse("faq.yaml", []byte(tc.src)); err == nil || err.Error() != tc.want {
				t.Errorf("got %v, want %q", err, tc.want)
			}
		})
	}
}
