package bolt

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

func env(vals map[string]string) func(string) string {
	return func(k string) string { return vals[k] }
}

func TestLoadKeyFromEnv(t *testing.T) {
	want := make([]byte, KeySize)
	for i := range want {
		want[i] = byte(i*7 + 0xf0) // bytes that make + / - _ appear in base64
	}
	tests := []struct {
		name, val string
		ok        bool
	}{
		{"base64 std", base64.StdEncoding.EncodeToString(want), true},
		{"base64 std unpadded", base64.RawStdEncoding.EncodeToString(want), true},
		{"base64 url", base64.URLEncoding.EncodeToString(want), true},
		{"base64 url unpadded", base64.RawURLEncoding.EncodeToString(want), true},
		{"hex", hex.EncodeToString(want), true},
		{"hex upper case", strings.ToUpper(hex.EncodeToString(want)), true},
		{"with a newline", base64.StdEncoding.EncodeToString(want) + "\n", true},
		{"passphrase", "correct horse battery staple", false},
		{"16 bytes of base64", base64.StdEncoding.EncodeToString(want[:16]), false},
		{"48 bytes of base64", base64.StdEncoding.EncodeToString(append(want, want[:16]...)), false},
		{"63 hex digits", hex.EncodeToString(want)[:63], false},
		{"hex with a stray letter", "zz" + hex.EncodeToString(want)[2:], false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			keyPath := filepath.Join(t.TempDir(), "carebot.key")
			got, created, err := LoadKey(env(map[string]string{"CAREBOT_KEY": tt.val}), keyPath)
			if !tt.ok {
				if err == nil || !strings.HasPrefix(err.Error(), "CAREBOT_KEY is not a key: want 32 bytes") {
					t.Fatalf("got %v, want an error naming CAREBOT_KEY", err)
				}
				if strings.Contains(err.Error(), strings.TrimSpace(tt.val)) {
					t.Errorf("the error %q echoes the secret", err)
				}
				return
			}
			if err != nil || !bytes.Equal(got, want) || created {
				t.Fatalf("got %x, created %v, %v; want %x", got, created, err, want)
			}
			if _, err := os.Stat(keyPath); !os.IsNotExist(err) {
				t.Errorf("a key file was made although CAREBOT_KEY was set: %v", err)
			}
		})
	}
}

func TestLoadKeyFileCreatedThenReused(t *testing.T) {
	keyPath := filepath.Join(t.TempDir(), "carebot.key")
	first, created, err := LoadKey(env(nil), keyPath)
	if err != nil || !created || len(first) != KeySize {
		t.Fatalf("first run: got %d bytes, created %v, %v", len(first), created, err)
	}
	fi, err := os.Stat(keyPath)
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Mode().Perm(); got != 0o600 {
		t.Errorf("key file mode: got %04o, want 0600", got)
	}
	second, created, err := LoadKey(env(nil), keyPath)
	if err != nil || created || !bytes.Equal(first, second) {
		t.Fatalf("second run: got %x, created %v, %v; want %x, false", second, created, err, first)
	}
	// No temporary file is left beside it.
	if ents, _ := os.ReadDir(filepath.Dir(keyPath)); len(ents) != 1 {
		t.Errorf("got %d files in the key's directory, want 1", len(ents))
	}
	// The file is the same text CAREBOT_KEY takes, so it can be moved there.
	fromEnv, _, err := LoadKey(env(map[string]string{"CAREBOT_KEY": string(readFile(t, keyPath))}), "")
	if err != nil || !bytes.Equal(fromEnv, first) {
		t.Errorf("the key file's text as CAREBOT_KEY: got %x, %v; want %x", fromEnv, err, first)
	}
}

// Two carebots starting at once on a fresh machine must end up with one key.
func TestLoadKeyConcurrentFirstRuns(t *testing.T) {
	keyPath := filepath.Join(t.TempDir(), "carebot.key")
	const n = 8
	keys := make([][]byte, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { keys[i], _, errs[i] = LoadKey(env(nil), keyPath) })
	}
	wg.Wait()
	for i := range n {
		if errs[i] != nil || !bytes.Equal(keys[i], keys[0]) {
			t.Errorf("run %d: got %x, %v; want %x", i, keys[i], errs[i], keys[0])
		}
	}
}

func TestLoadKeyFileRefused(t *testing.T) {
	good := base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{1}, KeySize)) + "\n"
	tests := []struct {
		name    string
		content string
		mode    os.FileMode
		want    string
	}{
		{"world readable", good, 0o644, "may be read or written by group or others (mode 0644): run chmod 600"},
		{"group readable", good, 0o640, "(mode 0640)"},
		{"not a key", "hunter2\n", 0o600, "is not a key: want 32 bytes"},
		{"empty", "", 0o600, "is not a key"},
		{"huge", strings.Repeat("A", 4096), 0o600, "is over 1024 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			keyPath := filepath.Join(t.TempDir(), "carebot.key")
			if err := os.WriteFile(keyPath, []byte(tt.content), 0o600); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(keyPath, tt.mode); err != nil {
				t.Fatal(err)
			}
			_, _, err := LoadKey(env(nil), keyPath)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), keyPath) {
				t.Fatalf("got %v, want an error naming %s and containing %q", err, keyPath, tt.want)
			}
			// Refused, not repaired.
			fi, _ := os.Stat(keyPath)
			if fi.Mode().Perm() != tt.mode || string(readFile(t, keyPath)) != tt.content {
				t.Error("LoadKey changed the refused key file")
			}
		})
	}
	t.Run("directory", func(t *testing.T) {
		dir := t.TempDir()
		if _, _, err := LoadKey(env(nil), dir); err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("got %v, want not a regular file", err)
		}
	})
	t.Run("no key at all", func(t *testing.T) {
		if _, _, err := LoadKey(env(nil), ""); err == nil || !strings.Contains(err.Error(), "set CAREBOT_KEY") {
			t.Errorf("got %v, want advice to set CAREBOT_KEY", err)
		}
	})
	t.Run("missing directory", func(t *testing.T) {
		keyPath := filepath.Join(t.TempDir(), "nope", "carebot.key")
		if _, _, err := LoadKey(env(nil), keyPath); err == nil || !strings.Contains(err.Error(), "create key file") {
			t.Errorf("got %v, want a create key file error", err)
		}
	})
}
