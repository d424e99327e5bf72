package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/carebot/carebot/faq"
)

// runFAQ dispatches the faq subcommands.
func runFAQ(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	sub, args, err := subcommand(args, `Usage:
  carebot faq check [FILE]          validate a faq.yaml (default: $CAREBOT_FAQ, else ./faq.yaml)
  carebot faq misses [--since 30d]  questions the running bot could not answer, grouped
Run 'carebot faq SUBCOMMAND --help' for flags.
`, stdout, stderr)
	switch sub {
	case "":
		return err
	case "check":
		return runFAQCheck(args, getenv, stdout, stderr)
	case "misses":
		return runFAQMisses(ctx, args, getenv, stdout, stderr)
	default:
		return usageError{fmt.Sprintf("faq: unknown subcommand %q", sub)}
	}
}

// runFAQCheck validates a faq.yaml: every problem on its own line with its
// file, line and entry, then warnings (entries due for review). It fails
// (exit status 1) on any error; warnings alone do not fail it.
func runFAQCheck(args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlags("faq check", "carebot faq check [FILE]", stdout, stderr)
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() > 1 {
		return usageError{"faq check: give at most one FILE"}
	}
	path := fs.Arg(0)
	if path == "" {
		path = getenv("CAREBOT_FAQ")
	}
	if path == "" {
		path = "faq.yaml"
	}
	kb, err := faq.Load(path)
	if err != nil {
		var errs faq.Errors
		if errors.As(err, &errs) {
			for _, e := range errs {
				fmt.Fprintln(stderr, e)
			}
			fmt.Fprintf(stderr, "%s: %d problem(s)\n", path, len(errs))
			return errFailed
		}
		return err
	}
	warnings := kb.Warnings(time.Now())
	for _, w := range warnings {
		fmt.Fprintln(stderr, w) // Warning.String says "warning:" after the place, like the errors
	}
	translated := 0
	for _, e := range kb.Entries {
		if len(e.Translations) > 0 {
			translated++
		}
	}
	fmt.Fprintf(stdout, "%s: ok: %d entries (%d translated), %d synonym groups, %d warning(s)\n",
		path, len(kb.Entries), translated, len(kb.Synonyms), len(warnings))
	return nil
}
