// Package secretfile keeps a secret in a file of its own: readable by its
// owner only, created once, atomically, and never replaced. carebot keeps
// two such secrets: the database key (bolt.LoadKey) and the admin API's
// bearer token.
package secretfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// maxSize bounds what Read reads: secrets are short.
const maxSize = 1024

// Read returns the text of the secret file at path, trimmed. A missing
// file is an error wrapping fs.ErrNotExist. A file that group or others may
// read or write is refused, not repaired: someone may already have read it.
// what names the secret in errors ("key file", "admin token file").
func Read(path, what string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		return "", fmt.Errorf("%s: %w", what, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return "", fmt.Errorf("%s: %w", what, err)
	}
	if !fi.Mode().IsRegular() {
		return "", fmt.Errorf("%s %s is not a regular file", what, path)
	}
	// Windows has no such permission bits; its ACLs are the operator's to set.
	if perm := fi.Mode().Perm(); perm&0o077 != 0 && runtime.GOOS != "windows" {
		return "", fmt.Errorf("%s %s may be read or written by group or others (mode %04o): run chmod 600 %s, and make a new one if others could have read it", what, path, perm, path)
	}
	b, err := io.ReadAll(io.LimitReader(f, maxSize+1))
	if err != nil {
		return "", fmt.Errorf("%s: %w", what, err)
	}
	if len(b) > maxSize {
		return "", fmt.Errorf("%s %s is over %d bytes", what, path, maxSize)
	}
	return strings.TrimSpace(string(b)), nil
}

// Create writes text to a new file at path, mode 0600, or fails with an
// error wrapping fs.ErrExist if path exists by then. The text goes to a
// temporary file that is synced and then linked into place, so no reader
// ever sees half a secret and no secret is ever replaced (a rename could
// overwrite one another process created meanwhile, and lose it).
func Create(path, what, text string) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".carebot-secret-*")
	if err != nil {
		return fmt.Errorf("create %s: %w", what, err)
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.WriteString(text + "\n")
	if err == nil {
		err = tmp.Chmod(0o600)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("create %s: %w", what, err)
	}
	if err := os.Link(tmp.Name(), path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return err
		}
		return fmt.Errorf("create %s: %w", what, err)
	}
	return SyncDir(dir)
}

// Load reads the secret file at path, creating it with generate() first if
// it does not exist; created reports that it did. When two processes race
// to create it, both end up with the one that won.
func Load(path, what string, generate func() string) (text string, created bool, err error) {
	text, err = Read(path, what)
	if !errors.Is(err, fs.ErrNotExist) {
		return text, false, err
	}
	if err := Create(path, what, generate()); err != nil {
		if !errors.Is(err, fs.ErrExist) {
			return "", false, err
		}
		text, err = Read(path, what) // another process created it first: use theirs
		return text, false, err
	}
	text, err = Read(path, what)
	return text, err == nil, err
}

// SyncDir makes a rename or link in dir durable. Windows cannot sync a
// directory and needs nothing more.
func SyncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("sync directory %s: %w", dir, err)
	}
	return nil
}
