package faq

import (
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzParse feeds arbitrary bytes to Parse: it must never panic, must
// return either a KB or Errors with located messages, and a KB it returns
// must answer.
func FuzzParse(f *testing.F) {
	f.Add([]byte(validKB))
	f.Add([]byte(readFile(f, "testdata/heldout/kb.yaml")))
	for _, s := range []string{
		"", "\xff\xfe", "version: 1", "{", "[[[[[[[[", "- - - -", "a: &a [*a]", "version: !!binary AAAA",
		"version: 1\nlanguage: en\nentries:\n  - id: a\n    question: q\n    answer: a\n    translations: {es: {answer: x}}\n",
		"version: 1\nlanguage: es\nentries:\n  - {id: a, question: ¿q?, answer: r, alternates: [*x]}\n",
		"version: 1\nlanguage: en\nsynonyms: [[a, b], [c]]\nentries: [{id: a, question: '🙂', answer: '\x00'}]\n",
		"x: &a [1,2]\ny: &b [*a,*a,*a]\nz: [*b,*b,*b]\n",
		strings.Repeat("- ", 500) + "x",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		kb, err := Parse("faq.yaml", data)
		if err != nil {
			var es Errors
			if !errors.As(err, &es) || len(es) == 0 {
				t.Fatalf("got error %v (%T), want faq.Errors", err, err)
			}
			for _, e := range es {
				if !strings.HasPrefix(e.Error(), "faq.yaml") || e.Line < 0 {
					t.Fatalf("error without location: %q", e.Error())
				}
			}
			return
		}
		if len(kb.Entries) == 0 {
			t.Fatal("a KB without entries parsed")
		}
		kb.Warnings(time.Now())
		for _, e := range kb.Entries {
			e.Localized("es")
			got, ok := kb.Entry(e.ID)
			if !ok || got == nil {
				t.Fatalf("entry %q not found by id", e.ID)
			}
			checkResult(t, e.Question, kb.Match(e.Question, ""))
		}
		checkResult(t, "hello", kb.Match("hello", "es"))
	})
}

// FuzzMatch feeds arbitrary messages and hints to Match on the held-out
// knowledge base: it must never panic and must keep Result's promises.
func FuzzMatch(f *testing.F) {
	kb := heldoutKB(f)
	for _, s := range []string{
		"", " ", "\x00", "\xff\xfe\xfd", "🙂🙂🙂", "👍", "\u200b\u200b", "ＷＨＡＴ ＡＲＥ ＹＯＵＲ ＨＯＵＲＳ",
		"what are your hours", "¿a qué hora abren?", "ﬁll my ﬂu shot", "a\u0301b\u0301c\u0301",
		"11pm 6yo 3rd a1c n95", "don't can't won't", strings.Repeat("x", 1<<17), strings.Repeat("flu ", 3000),
		"\t\n\r\v\f", "İstanbul ǅ ß ﬀ", "İstanbul \xc7z ", "1/2/3 4.5 $6 %7",
	} {
		f.Add(s, "")
		f.Add(s, "es")
	}
	f.Fuzz(func(t *testing.T, msg, hint string) {
		r := kb.Match(msg, hint)
		checkResult(t, msg, r)
		if !utf8.ValidString(r.Lang) {
			t.Fatalf("invalid lang %q", r.Lang)
		}
		Group([]string{msg, hint}, 0)
		DetectLang(msg)
	})
}
