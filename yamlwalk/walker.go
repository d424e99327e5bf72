// Package yamlwalk checks a go.yaml.in/yaml/v3 node tree against a strict
// schema written in Go, the way carebot's staff-edited files (faq.yaml,
// campaigns.yaml) are read: every problem is collected with its line instead
// of stopping at the first, aliases are followed under a visit budget so an
// alias bomb fails fast, and keys must be plain, unique words.
//
// A schema is ordinary code: it calls Mapping, Str, Strs, List, Int and Date
// on the nodes it expects and reports its own problems with Errorf. The
// caller turns Problems into its own error type at the end.
package yamlwalk

import (
	"fmt"

	"go.yaml.in/yaml/v3"
)

// DefaultBudget is the Budget of a Walker that sets none. A 10 MB file
// written without aliases has far fewer nodes than this.
const DefaultBudget = 4_000_000

// maxHops bounds one chain of aliases; yaml.v3 refuses cycles itself, so
// this only guards against a hand-built tree.
const maxHops = 100

// Problem is one thing wrong with the file.
type Problem struct {
	Line  int    // 1-based; 0 when the problem has no line (the whole file)
	Scope string // the id of the record it is in (an entry, a campaign), or ""
	Msg   string
}

// Walker walks one file's node tree, collecting Problems. Its zero value is
// ready to use with DefaultBudget. A Walker is for one file and one
// goroutine.
type Walker struct {
	// Budget is the most nodes Node hands out, an alias counted each time
	// it is used, so that a "billion laughs" file stops after Budget
	// visits with one problem instead of exhausting memory or time.
	// 0 means DefaultBudget.
	Budget int

	visits    int
	exhausted bool
	problems  []Problem
	// lines are the file's lines, as Document read them, for what the
	// node tree does not say (the line a comment is on).
	lines [][]byte
}

// Errorf records a problem at line in scope (an id, or ""). Once the budget
// is spent it records nothing: what the walk finds after that is noise.
func (w *Walker) Errorf(line int, scope, format string, args ...any) {
	if w.exhausted {
		return
	}
	w.problems = append(w.problems, Problem{Line: line, Scope: scope, Msg: fmt.Sprintf(format, args...)})
}

// Problems returns the problems recorded so far, in the order found.
func (w *Walker) Problems() []Problem { return w.problems }

// Exhausted reports whether the budget ran out. A schema should then skip
// checks that span the whole file: the tree it saw is incomplete.
func (w *Walker) Exhausted() bool { return w.exhausted }

// Node follows n's aliases and charges one visit. It returns nil for a nil
// n, for an alias chain longer than 100, and for every node once the
// budget is spent (recording one problem the first time).
func (w *Walker) Node(n *yaml.Node) *yaml.Node {
	for hops := 0; n != nil && n.Kind == yaml.AliasNode; hops++ {
		if hops > maxHops {
			w.Errorf(n.Line, "", "alias *%s refers to itself", n.Value)
			return nil
		}
		n = n.Alias
	}
	if n == nil {
		return nil
	}
	budget := w.Budget
	if budget <= 0 {
		budget = DefaultBudget
	}
	if w.visits++; w.visits > budget {
		if !w.exhausted {
			w.Errorf(n.Line, "", "the file expands to too many values (more than %d): are aliases (*name) nested too deeply?", budget)
			w.exhausted = true
		}
		return nil
	}
	return n
}
