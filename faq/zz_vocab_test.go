package faq

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

func TestZZVocab(t *testing.T) {
	if os.Getenv("ZZ") == "" {
		t.Skip()
	}
	kb, _ := Load(filepath.Join(evalDir, "clinic/kb.yaml"))
	ix := kb.idx
	var out []string
	for w, r := range ix.vocab[langES] {
		if r.kind != kindContent || r.term < 0 || len(ix.post[r.term]) == 0 {
			continue
		}
		if len(ix.lex[stem(langES, w)]) > 0 || spanishKnown[w] {
			continue
		}
		if _, ok := ix.vocab[langEN][w]; ok {
			continue
		}
		out = append(out, fmt.Sprintf("%s(%d)", w, len(ix.post[r.term])))
	}
	sort.Strings(out)
	fmt.Println(len(out), out)
}
