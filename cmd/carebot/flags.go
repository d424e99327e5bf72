package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/faq"
)

// release is carebot's version; builds from a module proxy report the
// module version instead.
const release = "0.1.0-dev"

func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return release
}

// newFlags makes a flag set for one command whose errors go to stderr and
// whose --help goes to stdout.
func newFlags(name, synopsis string, stdout, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stdout, "Usage: %s\n", synopsis)
		if hasFlags(fs) {
			fmt.Fprintln(stdout, "\nFlags:")
			fs.SetOutput(stdout)
			fs.PrintDefaults()
			fs.SetOutput(stderr)
		}
	}
	return fs
}

func hasFlags(fs *flag.FlagSet) bool {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}

// parseFlags parses args, flags before, between or after the positional
// arguments ("import FILE --data DIR" works as people type it; "--" ends the
// flags). help reports that --help was asked for and answered, so the
// command should return nil at once.
func parseFlags(fs *flag.FlagSet, args []string) (help bool, err error) {
	fs.SetOutput(io.Discard) // the errors are returned, in carebot's words
	// The flag package prints the usage on every error; only --help should
	// (to stdout): a mistake is one line on stderr.
	usage := fs.Usage
	fs.Usage = func() {}
	defer func() { fs.Usage = usage }()
	var tail []string
	for i, a := range args {
		if a == "--" {
			args, tail = args[:i], args[i+1:]
			break
		}
	}
	var positional []string
	for {
		if err = fs.Parse(args); err != nil || fs.NArg() == 0 {
			break
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if err == nil {
		err = fs.Parse(append([]string{"--"}, append(positional, tail...)...))
	}
	if errors.Is(err, flag.ErrHelp) {
		usage()
		return true, nil
	}
	if err != nil {
		return false, usageError{fmt.Sprintf("%s: %s", fs.Name(), flagError(err))}
	}
	return false, nil
}

// flagError says a flag package error in carebot's words, flags written
// as they are in its help: "unknown flag --bogus".
func flagError(err error) string {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		return "unknown flag --" + strings.TrimPrefix(name, "-")
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		return "--" + strings.TrimPrefix(name, "-") + " needs a value"
	}
	return msg
}

// subcommand splits the arguments of a command that has subcommands (faq,
// appointments, ...) into the subcommand and its arguments. Asked for help
// (-h, --help, help) it prints usage to stdout and returns sub "" and a
// nil error; given no subcommand it prints usage to stderr and returns sub
// "" and errUsage, for exit status 2.
func subcommand(args []string, usage string, stdout, stderr io.Writer) (sub string, rest []string, err error) {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return "", nil, errUsage
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return "", nil, nil
	}
	return args[0], args[1:], nil
}

// quoteHint is the likely mistake behind a word left over after the
// flags: the rest of a text typed without quotes, `--text We are closed`.
const quoteHint = "quote a text with spaces"

// refuseExtra refuses the arguments of fs after the first n, which the
// command would otherwise ignore (sending "We" for "We are closed"): a
// usage error naming the first of them, with hint, what was likely meant.
func refuseExtra(fs *flag.FlagSet, n int, hint string) error {
	if fs.NArg() <= n {
		return nil
	}
	return usageError{fmt.Sprintf("%s: unexpected argument %q (%s)", fs.Name(), fs.Arg(n), hint)}
}

// bundledFAQName is the bundled demo clinic's faq.yaml as messages name it.
const bundledFAQName = "faq.yaml (bundled)"

// loadKB reads the knowledge base at path, or the bundled demo clinic's
// when path is empty.
func loadKB(path string) (*faq.KB, error) {
	if path == "" {
		return faq.Parse(bundledFAQName, carebot.DefaultFAQ)
	}
	return faq.Load(path)
}

// defaultDataDir is where the database and key live unless --data or
// CAREBOT_DATA says otherwise: $XDG_DATA_HOME/carebot, else
// ~/.local/share/carebot, else ./carebot-data.
func defaultDataDir(getenv func(string) string) string {
	if d := getenv("CAREBOT_DATA"); d != "" {
		return d
	}
	if d := getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "carebot")
	}
	if h := getenv("HOME"); h != "" {
		return filepath.Join(h, ".local", "share", "carebot")
	}
	return "carebot-data"
}

// langFromLocale turns a POSIX locale ("es_MX.UTF-8") into a language hint.
func langFromLocale(getenv func(string) string) string {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		base, _, _ := strings.Cut(getenv(v), "_")
		base, _, _ = strings.Cut(base, ".")
		base, _, _ = strings.Cut(base, "@")
		// C, POSIX and C.UTF-8 name no language.
		if base = strings.ToLower(base); base != "" && base != "c" && base != "posix" {
			return base
		}
	}
	return ""
}

// isTerminal reports whether r is an interactive terminal.
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
