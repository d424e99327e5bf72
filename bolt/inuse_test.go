package bolt

import (
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// InUse tells a store a carebot has open from one it left, however it
// left it, and never holds up an Open.
func TestInUse(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no flock: InUse cannot tell, and says true")
	}
	path := filepath.Join(t.TempDir(), "carebot.db")
	if inUse, err := InUse(path); inUse || err != nil {
		t.Fatalf("no file: got %v, %v; want false", inUse, err)
	}
	d, err := Open(path, testKey, Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	if inUse, err := InUse(path); !inUse || err != nil {
		t.Errorf("open: got %v, %v; want true", inUse, err)
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	if inUse, err := InUse(path); inUse || err != nil {
		t.Errorf("closed: got %v, %v; want false", inUse, err)
	}
	// InUse lets the lock go at once: an Open right after it does not wait.
	start := time.Now()
	d = reopen(t, path)
	if inUse, _ := InUse(path); !inUse {
		t.Errorf("reopened: InUse is false")
	}
	if waited := time.Since(start); waited > 500*time.Millisecond {
		t.Errorf("Open after InUse took %s", waited)
	}
}
