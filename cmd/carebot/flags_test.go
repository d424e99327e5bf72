package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"testing"
)

func TestFlagsAnywhere(t *testing.T) {
	tests := []struct {
		args     []string
		wantData string
		wantArgs []string
	}{
		{[]string{"FILE", "--data", "D"}, "D", []string{"FILE"}},
		{[]string{"--data", "D", "FILE"}, "D", []string{"FILE"}},
		{[]string{"a", "--data", "D", "b"}, "D", []string{"a", "b"}},
		{[]string{"--data", "D", "--", "-5", "--data"}, "D", []string{"-5", "--data"}},
		{[]string{"x"}, "", []string{"x"}},
	}
	for _, tt := range tests {
		fs := newFlags("t", "t", io.Discard, io.Discard)
		data := fs.String("data", "", "")
		if _, err := parseFlags(fs, tt.args); err != nil {
			t.Fatalf("%v: %v", tt.args, err)
		}
		if *data != tt.wantData || fmt.Sprint(fs.Args()) != fmt.Sprint(tt.wantArgs) {
			t.Errorf("%v: got data %q args %v, want %q %v", tt.args, *data, fs.Args(), tt.wantData, tt.wantArgs)
		}
	}
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	if _, err := parseFlags(fs, []string{"FILE", "--nope"}); err == nil {
		t.Error("an unknown flag after a positional argument was accepted")
	}
}

func TestHostZoneHasAName(t *testing.T) {
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == "TZ" {
				return v
			}
			return ""
		}
	}
	if got := hostZone(env("America/Chicago")).String(); got != "America/Chicago" {
		t.Errorf("TZ=America/Chicago: got %q", got)
	}
	if got := hostZone(env("Not/AZone")).String(); got == "Local" || got == "" {
		t.Errorf("a bad TZ: got %q, want a named zone", got)
	}
	if got := hostZone(env("")).String(); got == "Local" {
		t.Errorf("no TZ: got %q, want an IANA name or UTC", got)
	}
}

// A mistyped flag is an error: it goes to stderr only, so that a script
// reading stdout (faq check's summary, ask --json) sees nothing there.
func TestFlagErrorsLeaveStdoutEmpty(t *testing.T) {
	for _, args := range [][]string{
		{"faq", "check", "--bogus"},
		{"ask", "--faq"},
		{"eval", "--rounds", "many", "x.jsonl"},
		{"faq", "misses", "--since"},
	} {
		code, stdout, stderr := runCmd(t, nil, "", args...)
		if code != 2 || stdout != "" || stderr == "" {
			t.Errorf("%v: got exit %d, stdout %q, stderr %q; want exit 2, the error on stderr only", args, code, stdout, stderr)
		}
	}
}

func TestLangFromLocale(t *testing.T) {
	for _, c := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"LANG": "es_MX.UTF-8"}, "es"},
		{map[string]string{"LANG": "C.UTF-8"}, ""},
		{map[string]string{"LANG": "C.utf8", "LC_ALL": "POSIX"}, ""},
		{map[string]string{"LC_ALL": "C.UTF-8", "LANG": "es_ES.UTF-8"}, "es"},
		{map[string]string{"LC_MESSAGES": "en_US", "LANG": "es_ES"}, "en"},
		{map[string]string{"LANG": "ca_ES@valencia"}, "ca"},
		{map[string]string{}, ""},
	} {
		if got := langFromLocale(func(k string) string { return c.env[k] }); got != c.want {
			t.Errorf("langFromLocale(%v) = %q, want %q", c.env, got, c.want)
		}
	}
}

// A bad log level is reported where it was given: staff who set
// $CAREBOT_LOG_LEVEL are not told about a flag they never used.
func TestBadLogLevelNamesItsSource(t *testing.T) {
	for _, from := range []string{"--log-level", "$CAREBOT_LOG_LEVEL", "log_level"} {
		_, err := newLogger(io.Discard, "verbose", "info", from)
		if err == nil || !strings.HasPrefix(err.Error(), from+`: "verbose"`) {
			t.Errorf("from %s: got %v", from, err)
		}
	}
}
