package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/bot"
	"github.com/carebot/carebot/evalset"
)

// runEval measures answer quality as ../shared/eval/README.md defines it.
// Every message goes through the same engine a patient reaches, as a fresh
// user in a DM, with nothing stored. The last line of output is the
// figures as name=value pairs.
func runEval(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlags("eval", "carebot eval [--config FILE] [--faq FILE] [-v] [--rounds N] FILE...", stdout, stderr)
	faqPath := fs.String("faq", "", "the knowledge base the files' entry ids refer to (default: the one the bot would serve: $CAREBOT_FAQ, else faq: in the config, else the bundled demo clinic)")
	find := faqConfigFlag(fs, getenv)
	verbose := fs.Bool("v", false, "list every message scored wrong")
	rounds := fs.Int("rounds", 20, "how many times each message is timed for the latency figures")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"eval: no FILE given"}
	}
	if *rounds < 1 { // no timing would print latencies of 0 as if measured
		return usageError{fmt.Sprintf("eval: --rounds must be 1 or more, not %d", *rounds)}
	}
	src, err := find(*faqPath, "--faq")
	if err != nil {
		return err
	}
	src.note(stderr, "eval") // stderr: the last line of stdout is the figures
	kb, err := loadKB(src.Path)
	if err != nil {
		return err
	}
	var lines []evalset.Query
	for _, f := range fs.Args() {
		ls, err := evalset.Read(f)
		if err != nil {
			return err
		}
		if len(ls) == 0 { // figures of nothing would read as a result
			return fmt.Errorf("%s: no labelled messages (want one JSON object per line)", f)
		}
		lines = append(lines, ls...)
	}
	for _, l := range lines {
		for _, id := range l.Want {
			if _, ok := kb.Entry(id); !ok {
				return fmt.Errorf("%s:%d: entry %q is not in the knowledge base (wrong --faq?)", l.File, l.Line, id)
			}
		}
	}

	eng := bot.New(kb)
	total, byFile, byLang := newScores(), map[string]*scores{}, map[string]*scores{}
	for i, l := range lines {
		o := eng.Respond(ctx, evalMessage(i, l))
		total.add(l, o)
		if byFile[l.File] == nil {
			byFile[l.File] = newScores()
		}
		byFile[l.File].add(l, o)
		if l.Lang != "" {
			if byLang[l.Lang] == nil {
				byLang[l.Lang] = newScores()
			}
			byLang[l.Lang].add(l, o)
		}
		if *verbose && !total.lastRight {
			fmt.Fprintf(stdout, "%s:%d: %q want %s got %s %s (%.2f) suggestions %v\n",
				filepath.Base(l.File), l.Line, l.Q, wantString(l), o.Route, o.Entry, o.Confidence, o.Suggestions)
		}
	}
	p50, p99 := evalLatency(ctx, eng, lines, *rounds)

	for _, f := range sortedKeys(byFile) {
		fmt.Fprintf(stdout, "%s: %s\n", f, byFile[f].line())
	}
	for _, l := range sortedKeys(byLang) {
		fmt.Fprintf(stdout, "lang=%s: %s\n", l, byLang[l].line())
	}
	fmt.Fprintf(stdout, "%s p50_us=%.1f p99_us=%.1f n=%d\n", total.line(), p50, p99, len(lines))
	return nil
}

// evalMessage makes line i a message from a fresh user in a DM.
func evalMessage(i int, l evalset.Query) carebot.Message {
	id := fmt.Sprint("eval-", i)
	return carebot.Message{From: carebot.Address{Platform: "eval", ChatID: id, UserID: id}, Text: l.Q}
}

// evalLatency times the whole engine per message, after a warm-up pass,
// and returns the median and 99th percentile in microseconds.
func evalLatency(ctx context.Context, eng *bot.Engine, lines []evalset.Query, rounds int) (p50, p99 float64) {
	if len(lines) == 0 || rounds < 1 {
		return 0, 0
	}
	msgs := make([]carebot.Message, len(lines))
	for i, l := range lines {
		msgs[i] = evalMessage(i, l)
		eng.Respond(ctx, msgs[i])
	}
	d := make([]time.Duration, 0, len(msgs)*rounds)
	for range rounds {
		for _, m := range msgs {
			start := time.Now()
			eng.Respond(ctx, m)
			d = append(d, time.Since(start))
		}
	}
	slices.Sort(d)
	us := func(q float64) float64 { return float64(d[int(q*float64(len(d)-1))].Nanoseconds()) / 1e3 }
	return us(0.50), us(0.99)
}

func wantString(q evalset.Query) string {
	switch {
	case q.Label == evalset.NoSafety:
		return "no-safety"
	case q.Label != "":
		return q.Label
	case !q.InScope():
		return "fallback"
	}
	return strings.Join(q.Want, "|")
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
