package faq

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// generalMessages reads testdata/general: messages no clinic's FAQ
// answers (chit-chat, other businesses, general health questions,
// nonsense), written for this package, one per line, by language.
func generalMessages(t *testing.T) map[string][]string {
	t.Helper()
	out := make(map[string][]string)
	for _, code := range []string{"en", "es"} {
		f, err := os.Open(filepath.Join("testdata/general", code+".txt"))
		if err != nil {
			t.Fatalf("open general messages: %v", err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if line := strings.TrimSpace(sc.Text()); line != "" && line[0] != '#' {
				out[code] = append(out[code], line)
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatalf("read general messages: %v", err)
		}
	}
	return out
}

// TestGeneralMessagesFallBack counts the general messages that get a
// confident answer from our own knowledge bases. Some do, and they are
// wrong answers a patient would get ("how are you today" is not "can I
// be seen today"); the ceilings sit at what the matcher reaches now, so
// that a change that answers more of them fails. Run with -v to list them.
func TestGeneralMessagesFallBack(t *testing.T) {
	msgs := generalMessages(t)
	for _, tt := range []struct {
		kb      string
		ceiling float64 // the most the share of confident answers may be
	}{
		{"testdata/heldout/kb.yaml", 0.09},
		{"../faq.yaml", 0.16},
	} {
		kb, err := Load(tt.kb)
		if err != nil {
			t.Fatalf("load %s: %v", tt.kb, err)
		}
		var n, confident int
		for code, ms := range msgs {
			for _, m := range ms {
				n++
				if r := kb.Match(m, code); r.Confident {
					confident++
					t.Logf("%s: %q answered with %s at %.2f", tt.kb, m, r.Candidates[0].Entry.ID, r.Candidates[0].Confidence)
				}
			}
		}
		got := float64(confident) / float64(n)
		t.Logf("%s: %d of %d general messages answered confidently (%.3f)", tt.kb, confident, n, got)
		if got > tt.ceiling {
			t.Errorf("%s: got %.3f of general messages answered confidently, want at most %.3f", tt.kb, got, tt.ceiling)
		}
	}
}
