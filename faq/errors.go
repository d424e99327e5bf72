package faq

import (
	"fmt"
	"sort"
	"strings"

	"github.com/carebot/carebot/yamlwalk"
)

// Error is one problem in a faq.yaml, located so that a non-programmer can
// find it: `faq.yaml:41: entry "hours": follow_up "holiday" does not exist`.
type Error struct {
	File  string
	Line  int    // 1-based; 0 when the problem has no line (the whole file)
	Entry string // the entry's id, or "" when the problem is outside entries
	Msg   string
}

func (e *Error) Error() string { return location(e.File, e.Line, e.Entry) + e.Msg }

func location(file string, line int, entry string) string {
	var b strings.Builder
	b.WriteString(file)
	if line > 0 {
		fmt.Fprintf(&b, ":%d", line)
	}
	b.WriteString(": ")
	if entry != "" {
		fmt.Fprintf(&b, "entry %q: ", entry)
	}
	return b.String()
}

// Errors is every problem Parse found, sorted by line. Parse returns it as
// its error, so callers can list all problems at once:
//
//	var errs faq.Errors
//	if errors.As(err, &errs) { for _, e := range errs { ... } }
//
// errors.As with a *Error target finds the first one.
type Errors = yamlwalk.Errors[*Error]

// sortedByLine sorts es by line, keeping the order found within a line.
func sortedByLine(es Errors) Errors {
	sort.SliceStable(es, func(i, j int) bool { return es[i].Line < es[j].Line })
	return es
}

// Warning is something a knowledge base may ship with but staff should fix,
// such as an entry past its review date.
type Warning struct {
	File  string
	Line  int
	Entry string
	Msg   string
}

func (w Warning) String() string { return location(w.File, w.Line, w.Entry) + "warning: " + w.Msg }

func sortWarnings(ws []Warning) {
	sort.SliceStable(ws, func(i, j int) bool { return ws[i].Line < ws[j].Line })
}
