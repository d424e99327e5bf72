package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/carebot/carebot/admin"
	"github.com/carebot/carebot/faq"
)

// runFAQ dispatches the faq subcommands.
func runFAQ(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	sub, args, err := subcommand(args, `Usage:
  carebot faq check [--config FILE] [FILE]   validate a faq.yaml (default: the one the bot would serve)
  carebot faq misses [--since 30d]           questions the running bot could not answer, grouped
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
	fs := newFlags("faq check", "carebot faq check [--config FILE] [FILE]\n\n"+
		"Validate a faq.yaml: every problem with its line and entry; exit status 1 on any. Warnings (entries\n"+
		"due for review, too few alternates) do not fail it. Without FILE it checks the file the bot would\n"+
		"serve: $CAREBOT_FAQ, else faq: in the config (--config, else $CAREBOT_CONFIG), else the bundled\n"+
		"demo clinic's.", stdout, stderr)
	find := faqConfigFlag(fs, getenv)
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() > 1 {
		return usageError{"faq check: give at most one FILE"}
	}
	src, err := find(fs.Arg(0), "FILE")
	if err != nil {
		return err
	}
	src.note(stderr, "faq check")
	hintLocalFAQ(stderr, src)
	kb, err := loadKB(src.Path)
	if err != nil {
		var errs faq.Errors
		if errors.As(err, &errs) {
			return reportProblems(stderr, src.name(), errs)
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
		src.name(), len(kb.Entries), translated, len(kb.Synonyms), len(warnings))
	return nil
}

// runFAQMisses: carebot faq misses [--since 30d].
func runFAQMisses(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlags("faq misses", "carebot faq misses [--config FILE] [--data DIR] [--admin ADDR] [--since 30d] [--json]", stdout, stderr)
	client := adminFlags(fs, getenv)
	since := fs.String("since", "30d", sinceHelp)
	asJSON := fs.Bool("json", false, "print JSON, with every question of each group")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if err := refuseExtra(fs, 0, sinceHint); err != nil { // "faq misses 7d" means --since 7d; do not show 30 days instead
		return err
	}
	if err := checkSince("faq misses", *since); err != nil {
		return err
	}
	c, err := client()
	if err != nil {
		return err
	}
	m, err := c.Misses(ctx, *since)
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(stdout, m)
	}
	if len(m.Groups) == 0 {
		fmt.Fprintf(stdout, "no unanswered questions since %s\n", m.Since)
	}
	for _, g := range m.Groups {
		fmt.Fprintf(stdout, "%4d  %s\n", g.Count, g.Representative)
		if line := offeredLine(g); line != "" {
			fmt.Fprintf(stdout, "        %s\n", line)
		}
	}
	var down []string
	for id, t := range m.Ratings {
		if t.Down > 0 {
			down = append(down, fmt.Sprintf("%s (👍 %d, 👎 %d)", id, t.Up, t.Down))
		}
	}
	if len(down) > 0 {
		sort.Strings(down)
		fmt.Fprintf(stdout, "\nanswers rated unhelpful: %s\n", strings.Join(down, ", "))
	}
	var passed []string
	for answered, alts := range m.PassedOver {
		for alt, n := range alts {
			passed = append(passed, fmt.Sprintf("%s for %s %d", answered, alt, n))
		}
	}
	if len(passed) > 0 {
		sort.Strings(passed)
		fmt.Fprintf(stdout, "\nanswers passed over for an alternative: %s\n", strings.Join(passed, ", "))
	}
	return nil
}

// offeredLine says what a group of questions was offered as "did you
// mean" and what patients pressed: "did you mean: parking 4 (pressed 3),
// location 1; none of these 1". Most offered first.
func offeredLine(g admin.MissGroup) string {
	ids := make([]string, 0, len(g.Offered))
	for id := range g.Offered {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(a, b int) bool {
		if g.Offered[ids[a]] != g.Offered[ids[b]] {
			return g.Offered[ids[a]] > g.Offered[ids[b]]
		}
		return ids[a] < ids[b]
	})
	var parts []string
	for _, id := range ids {
		p := fmt.Sprintf("%s %d", id, g.Offered[id])
		if n := g.Pressed[id]; n > 0 {
			p += fmt.Sprintf(" (pressed %d)", n)
		}
		parts = append(parts, p)
	}
	line := ""
	if len(parts) > 0 {
		line = "did you mean: " + strings.Join(parts, ", ")
	}
	if g.NoneOfThese > 0 {
		if line != "" {
			line += "; "
		}
		line += fmt.Sprintf("none of these %d", g.NoneOfThese)
	}
	return line
}

// reportProblems prints every problem a check found in file, one a line,
// then their count, and returns errFailed.
func reportProblems[E error](stderr io.Writer, file string, errs []E) error {
	for _, e := range errs {
		fmt.Fprintln(stderr, e)
	}
	fmt.Fprintf(stderr, "%s: %d problem(s)\n", file, len(errs))
	return errFailed
}
