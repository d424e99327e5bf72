package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A database cut short (a full disk, a copy that stopped) crashed carebot
// with SIGBUS or a bbolt panic and a stack trace. It must say in one line
// what is wrong with which file, exit 1, and leave the file alone.
func TestEndToEndTruncatedDatabase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "carebot.db")
	first := exec.Command(carebotBin, "--data", dir, "--console")
	first.Env = cleanEnv()
	first.Stdin = strings.NewReader("hi\n")
	if out, err := first.CombinedOutput(); err != nil {
		t.Fatalf("first run: %v\n%s", err, out)
	}
	// Both header pages stay; every page they point to is gone.
	size := 2 * os.Getpagesize()
	if err := os.Truncate(db, int64(size)); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}

	cmd := exec.Command(carebotBin, "--data", dir, "--console")
	cmd.Env = cleanEnv()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Errorf("exit: %v, want status 1", err)
	}
	msg := stderr.String()
	want := fmt.Sprintf("carebot: open %s: the file is truncated or damaged (%d bytes, its header says it holds ", db, size)
	if !strings.HasPrefix(msg, want) || !strings.HasSuffix(msg, "restore it from a backup; it was left untouched\n") ||
		strings.Count(msg, "\n") != 1 {
		t.Errorf("stderr %q, want one line starting %q", msg, want)
	}
	if strings.Contains(msg, "goroutine") || strings.Contains(msg, "panic") || strings.Contains(msg, "fault") {
		t.Errorf("a crash shown to the operator: %s", msg)
	}
	if stdout.Len() > 0 {
		t.Errorf("stdout %q, want nothing", stdout.String())
	}
	if after, err := os.ReadFile(db); err != nil || !bytes.Equal(after, before) {
		t.Errorf("the truncated database was modified (%v)", err)
	}
}
