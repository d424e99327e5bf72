package secretfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

func TestLoadCreatesOnceAndKeeps(t *testing.T) {
	path := filepath.Join(t.TempDir(), "admin.token")
	n := 0
	gen := func() string { n++; return strings.Repeat("s", n) }
	first, created, err := Load(path, "token file", gen)
	if err != nil || !created || first != "s" {
		t.Fatalf("first Load: got %q, created %v, %v; want a new secret", first, created, err)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("secret file mode: %v, %v; want 0600", fi.Mode(), err)
	}
	again, created, err := Load(path, "token file", gen)
	if err != nil || created || again != first {
		t.Errorf("second Load: got %q, created %v, %v; want the same secret, not a new one", again, created, err)
	}
}

func TestReadRefusesLooseFiles(t *testing.T) {
	dir := t.TempDir()
	loose := filepath.Join(dir, "loose")
	os.WriteFile(loose, []byte("secret\n"), 0o644)
	if _, err := Read(loose, "token file"); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Errorf("world-readable secret: got %v, want a refusal saying how to fix it", err)
	}
	if _, err := Read(filepath.Join(dir, "none"), "token file"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: got %v, want fs.ErrNotExist", err)
	}
	if _, err := Read(dir, "token file"); err == nil {
		t.Error("a directory was read as a secret")
	}
	big := filepath.Join(dir, "big")
	os.WriteFile(big, make([]byte, 5000), 0o600)
	if _, err := Read(big, "token file"); err == nil {
		t.Error("a 5 KB file was read as a secret")
	}
}

// Two processes starting at once end up with one secret between them.
func TestConcurrentCreatorsAgree(t *testing.T) {
	path := filepath.Join(t.TempDir(), "key")
	var wg sync.WaitGroup
	got := make([]string, 8)
	for i := range got {
		wg.Go(func() {
			s, _, err := Load(path, "key file", func() string { return strings.Repeat("k", i+1) })
			if err != nil {
				t.Error(err)
			}
			got[i] = s
		})
	}
	wg.Wait()
	for _, s := range got[1:] {
		if s != got[0] {
			t.Fatalf("creators disagree: %q", got)
		}
	}
}
