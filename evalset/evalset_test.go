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

// Files saved by Windows editors start with a byte order mark; a line of
// JSON that is not an object, or a field of the wrong type, must say so in
// the file's words, not Go's.
func TestReadAsStaffSaveIt(t *testing.T) {
	path := filepath.Join(t.TempDir(), "q.jsonl")
	os.WriteFile(path, []byte("\ufeff{\"q\": \"when are you open\", \"want\": \"hours\"}\r\n"), 0o644)
	qs, err := Read(path)
	if err != nil || len(qs) != 1 || qs[0].Q != "when are you open" {
		t.Fatalf("a file with a BOM: got %+v, %v; want its one query", qs, err)
	}
	for body, want := range map[string]string{
		`[1, 2]`:                             `:1: want a JSON object such as {"q": "...", "want": "entry-id"}`,
		`"hours"`:                            `:1: want a JSON object`,
		`{"q": 5, "want": "hours"}`:          `:1: "q" must be a string`,
		`{"q": "x", "want": "a", "lang": 7}`: `:1: "lang" must be a string`,
		"{\"q\": \"x\", \"want\": \"a\"}\n" + `{"q": "` + strings.Repeat("a", 2<<20) + `"}`: `:2: the line is longer than 1 MB`,
	} {
		path := filepath.Join(t.TempDir(), "q.jsonl")
		os.WriteFile(path, []byte(body), 0o644)
		_, err := Read(path)
		if err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "Go ") {
			t.Errorf("%.40q: got %v, want an error containing %q", body, err, want)
		}
	}
}
