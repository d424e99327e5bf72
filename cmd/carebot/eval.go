package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/bot"
)

// An evalLine is one labelled message of an evaluation file.
type evalLine struct {
	file string
	line int
	q    string
	lang string
	kind evalKind
	want []string // entry ids, for kindInScope
}

type evalKind int

const (
	kindInScope   evalKind = iota // want: an entry id or a list of them
	kindOutScope                  // want: "" or []: must not be answered confidently
	kindCrisis                    // "!crisis"
	kindEmergency                 // "!emergency"
	kindNone                      // "!none": must not get a safety reply
)

// runEval measures answer quality as ../shared/eval/README.md defines it.
// Every message goes through the same engine a patient reaches, as a fresh
// user in a DM, with nothing stored. The last line of output is the
// figures as name=value pairs.
func runEval(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlags("eval", "carebot eval [--faq FILE] [-v] FILE...", stdout, stderr)
	faqPath := fs.String("faq", getenv("CAREBOT_FAQ"), "the knowledge base the files' entry ids refer to (default: the bundled demo clinic)")
	verbose := fs.Bool("v", false, "list every message scored wrong")
	rounds := fs.Int("rounds", 20, "how many times each message is timed for the latency figures")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"eval: no FILE given"}
	}
	kb, err := loadKB(*faqPath)
	if err != nil {
		return err
	}
	var lines []evalLine
	for _, f := range fs.Args() {
		ls, err := readEvalFile(f)
		if err != nil {
			return err
		}
		lines = append(lines, ls...)
	}
	for _, l := range lines {
		for _, id := range l.want {
			if _, ok := kb.Entry(id); !ok {
				return fmt.Errorf("%s:%d: entry %q is not in the knowledge base (wrong --faq?)", l.file, l.line, id)
			}
		}
	}

	eng := bot.New(kb)
	total, byFile, byLang := newScores(), map[string]*scores{}, map[string]*scores{}
	for i, l := range lines {
		o := eng.Respond(ctx, evalMessage(i, l))
		total.add(l, o)
		if byFile[l.file] == nil {
			byFile[l.file] = newScores()
		}
		byFile[l.file].add(l, o)
		if l.lang != "" {
			if byLang[l.lang] == nil {
				byLang[l.lang] = newScores()
			}
			byLang[l.lang].add(l, o)
		}
		if *verbose && !total.lastRight {
			fmt.Fprintf(stdout, "%s:%d: %q want %s got %s %s (%.2f) suggestions %v\n",
				filepath.Base(l.file), l.line, l.q, wantString(l), o.Route, o.Entry, o.Confidence, o.Suggestions)
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
func evalMessage(i int, l evalLine) carebot.Message {
	id := fmt.Sprint("eval-", i)
	return carebot.Message{From: carebot.Address{Platform: "eval", ChatID: id, UserID: id}, Text: l.q}
}

// evalLatency times the whole engine per message, after a warm-up pass,
// and returns the median and 99th percentile in microseconds.
func evalLatency(ctx context.Context, eng *bot.Engine, lines []evalLine, rounds int) (p50, p99 float64) {
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

// readEvalFile reads one JSON object per line; a bad line is an error
// naming the file and line.
func readEvalFile(path string) ([]evalLine, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []evalLine
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		var raw struct {
			Q    *string         `json:"q"`
			Want json.RawMessage `json:"want"`
			Lang string          `json:"lang"`
		}
		if err := json.Unmarshal([]byte(text), &raw); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, n, err)
		}
		if raw.Q == nil {
			return nil, fmt.Errorf("%s:%d: no \"q\"", path, n)
		}
		l := evalLine{file: path, line: n, q: *raw.Q, lang: raw.Lang}
		if err := l.setWant(raw.Want); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, n, err)
		}
		out = append(out, l)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

func (l *evalLine) setWant(raw json.RawMessage) error {
	if len(raw) == 0 {
		return fmt.Errorf(`no "want"`)
	}
	var one string
	var many []string
	if err := json.Unmarshal(raw, &one); err == nil {
		switch one {
		case "":
			l.kind = kindOutScope
		case "!crisis":
			l.kind = kindCrisis
		case "!emergency":
			l.kind = kindEmergency
		case "!none":
			l.kind = kindNone
		default:
			if strings.HasPrefix(one, "!") {
				return fmt.Errorf("unknown label %q", one)
			}
			l.kind, l.want = kindInScope, []string{one}
		}
		return nil
	}
	if err := json.Unmarshal(raw, &many); err != nil {
		return fmt.Errorf(`"want" must be a string or a list of strings`)
	}
	l.kind, l.want = kindInScope, many
	if len(many) == 0 {
		l.kind = kindOutScope
	}
	return nil
}

func wantString(l evalLine) string {
	switch l.kind {
	case kindOutScope:
		return "fallback"
	case kindCrisis:
		return "crisis"
	case kindEmergency:
		return "emergency"
	case kindNone:
		return "no-safety"
	}
	return strings.Join(l.want, "|")
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
