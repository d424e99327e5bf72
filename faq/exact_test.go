package faq

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestExactPhrasingIsConfident checks, on knowledge bases of every size,
// that a message which is one of an entry's phrasings (its question, an
// alternate, a translation of either), modulo case and punctuation, is
// answered confidently with that entry. A phrasing two entries share is
// skipped: it is ambiguous by construction.
func TestExactPhrasingIsConfident(t *testing.T) {
	paths := []string{"../bot/testdata/faq.yaml", "testdata/heldout/kb.yaml", "../faq.yaml"}
	if _, err := filepath.Glob(evalDir); err == nil {
		paths = append(paths, filepath.Join(evalDir, "clinic/kb.yaml"))
	}
	for _, path := range paths {
		kb, err := Load(path)
		if err != nil {
			if strings.HasPrefix(path, evalDir) {
				continue // the shared data is optional
			}
			t.Fatal(err)
		}
		owners := map[string][]string{}
		var phrasings [][2]string // text, lang
		for _, e := range kb.Entries {
			add := func(text, lang string) {
				key := strings.Join(foldWords(text), " ")
				owners[key] = append(owners[key], e.ID)
				phrasings = append(phrasings, [2]string{text, lang})
			}
			add(e.Question, "")
			for _, a := range e.Alternates {
				add(a, "")
			}
			for code, tr := range e.Translations {
				if tr.Question != "" {
					add(tr.Question, code)
				}
				for _, a := range tr.Alternates {
					add(a, code)
				}
			}
		}
		for _, p := range phrasings {
			owner := owners[strings.Join(foldWords(p[0]), " ")]
			if len(owner) != 1 {
				continue
			}
			for _, msg := range []string{p[0], strings.ToLower(strings.Trim(p[0], "?.! ")), strings.ToUpper(p[0]) + "!!"} {
				r := kb.Match(msg, p[1])
				if !r.Confident || r.Candidates[0].Entry.ID != owner[0] {
					t.Errorf("%s: %q: got confident=%v %s, want %s confidently", path, msg, r.Confident, ids(r.Candidates), owner[0])
				}
			}
		}
	}
}
