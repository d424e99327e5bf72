package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestProfileIsCarebots guards default.pgo. The go command rejects a
// corrupt profile, but a profile of another program, or one taken before
// the hot paths were renamed, builds silently and optimises nothing.
func TestProfileIsCarebots(t *testing.T) {
	f, err := os.Open("default.pgo")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("default.pgo: not a pprof profile: %v", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("default.pgo: %v", err)
	}
	// Hot functions: where the source declares them, and the name the
	// profile knows them by.
	for _, h := range []struct{ dir, decl, name string }{
		{"bot", "func (e *Engine) Respond(", "bot.(*Engine).Respond"},
		{"bot", "func CheckSafety(", "bot.CheckSafety"},
		{"faq", "func (ix *index) rankCandidates(", "faq.(*index).rankCandidates"},
		{"faq", "func (ix *index) analyzeQuery(", "faq.(*index).analyzeQuery"},
		{"faq", "func buildIndex(", "faq.buildIndex"},
	} {
		if !declared(t, filepath.Join("..", "..", h.dir), h.decl) {
			t.Errorf("%s no longer declares %q: update this list, and refresh the profile with go generate ./cmd/carebot", h.dir, h.decl)
			continue
		}
		if !bytes.Contains(raw, []byte("github.com/carebot/carebot/"+h.name)) {
			t.Errorf("default.pgo has no samples in %s: refresh it with go generate ./cmd/carebot", h.name)
		}
	}
}

// declared reports whether a Go file in dir has the declaration.
func declared(t *testing.T, dir, decl string) bool {
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(src, []byte(decl)) {
			return true
		}
	}
	return false
}
