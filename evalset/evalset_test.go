package evalset

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "q.jsonl")
	os.WriteFile(path, []byte(`{"q": "when are you open", "want": "hours"}
# a comment

{"q": "abren el sabado?", "want": ["hours", "weekend"], "lang": "es"}
{"q": "tell me a joke", "want": ""}
{"q": "i want to die", "want": "!crisis"}
{"q": "this wait is killing me", "want": "!none"}
`), 0o644)
	qs, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 5 {
		t.Fatalf("got %d queries, want 5", len(qs))
	}
	if q := qs[1]; q.Line != 4 || q.Lang != "es" || !q.Right("weekend") || !q.InScope() {
		t.Errorf("second: %+v", q)
	}
	if q := qs[2]; q.InScope() || q.Label != "" {
		t.Errorf("out of scope: %+v", q)
	}
	if qs[3].Label != Crisis || qs[4].Label != NoSafety || qs[3].InScope() {
		t.Errorf("safety labels: %+v %+v", qs[3], qs[4])
	}
}

func TestReadErrorsNameTheLine(t *testing.T) {
	for body, want := range map[string]string{
		`{"q": "x", "want": "!maybe"}`: `:1: unknown label "!maybe"`,
		`{"want": "hours"}`:            `:1: no "q"`,
		`{"q": "x"}`:                   `:1: no "want"`,
		`{"q": "x", "want": 5}`:        `:1: "want" must be`,
		"\n\n{":                        ":3:",
	} {
		path := filepath.Join(t.TempDir(), "q.jsonl")
		os.WriteFile(path, []byte(body), 0o644)
		if _, err := Read(path); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want an error containing %q", body, err, want)
		}
	}
}
