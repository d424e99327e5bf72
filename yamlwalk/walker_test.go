package yamlwalk

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// doc parses src and returns its top node.
func doc(t *testing.T, src string) *yaml.Node {
	t.Helper()
	var d yaml.Node
	if err := yaml.Unmarshal([]byte(src), &d); err != nil {
		t.Fatalf("parse %q: %v", src, err)
	}
	if len(d.Content) == 0 {
		t.Fatalf("parse %q: no content", src)
	}
	return d.Content[0]
}

// value is the value of key in mapping n, as written (aliases kept).
func value(t *testing.T, n *yaml.Node, key string) *yaml.Node {
	t.Helper()
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	t.Fatalf("no key %q", key)
	return nil
}

// everything visits every node below n through w, as a schema that
// accepts any shape would: the worst case for an alias bomb.
func everything(w *Walker, n *yaml.Node) {
	if n = w.Node(n); n == nil {
		return
	}
	for _, c := range n.Content {
		everything(w, c)
	}
}

// TestAliasBomb checks that a "billion laughs" file (nine levels of
// aliases, each ten times the one before: 10^9 values) stops after the
// budget with exactly one problem, and that nothing is reported after it.
func TestAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i < 9; i++ {
		prev := fmt.Sprintf("*a%d", i-1)
		fmt.Fprintf(&b, "a%d: &a%d [%s]\n", i, i, strings.Repeat(prev+", ", 9)+prev)
	}
	root := doc(t, b.String())
	for _, tc := range []struct {
		budget, want int
	}{
		{0, DefaultBudget},
		{1000, 1000},
	} {
		w := &Walker{Budget: tc.budget}
		everything(w, root)
		w.Errorf(3, "", "found after the budget ran out")
		want := fmt.Sprintf("the file expands to too many values (more than %d): are aliases (*name) nested too deeply?", tc.want)
		if got := w.Problems(); len(got) != 1 || got[0].Msg != want || got[0].Line < 1 || got[0].Line > 9 {
			t.Errorf("budget %d: got problems %v, want one on a line of the file: %s", tc.budget, got, want)
		}
		if !w.Exhausted() {
			t.Errorf("budget %d: got Exhausted false, want true", tc.budget)
		}
		if n := w.Node(&yaml.Node{Kind: yaml.ScalarNode, Line: 9}); n != nil {
			t.Errorf("budget %d: got node %v after the budget, want nil", tc.budget, n)
		}
	}
}

// TestNodeBudget checks the count itself: Budget nodes are handed out, an
// alias counted each time it is used, and the next is refused at its line.
func TestNodeBudget(t *testing.T) {
	root := doc(t, "a: &x hi\nb: *x\n")
	w := &Walker{Budget: 3}
	got := []*yaml.Node{w.Node(root), w.Node(root.Content[1]), w.Node(root.Content[3]), w.Node(root.Content[3])}
	if got[0] != root || got[1] == nil || got[2] != got[1] || got[3] != nil {
		t.Errorf("got nodes %v, want three (the alias resolved to its anchor) then nil", got)
	}
	want := []Problem{{Line: 1, Msg: "the file expands to too many values (more than 3): are aliases (*name) nested too deeply?"}}
	if !reflect.DeepEqual(w.Problems(), want) {
		t.Errorf("got problems %v, want %v", w.Problems(), want)
	}
	// The predicates follow aliases without charging the budget.
	w = &Walker{Budget: 1}
	for range 5 {
		if !IsScalar(root.Content[3]) || IsMapping(root.Content[3]) || IsNull(root.Content[3]) {
			t.Fatal("got the alias *x not a non-null scalar, want it one")
		}
	}
	if w.Node(root) == nil || w.Exhausted() {
		t.Error("got the budget charged by IsScalar/IsMapping/IsNull, want it untouched")
	}
}

// TestAliasLoop checks that a hand-built alias cycle (yaml.v3 refuses one
// in text) ends with a problem instead of looping.
func TestAliasLoop(t *testing.T) {
	loop := &yaml.Node{Kind: yaml.AliasNode, Value: "a", Line: 4}
	loop.Alias = loop
	w := &Walker{}
	if n := w.Node(loop); n != nil {
		t.Errorf("got node %v, want nil", n)
	}
	want := []Problem{{Line: 4, Msg: "alias *a refers to itself"}}
	if !reflect.DeepEqual(w.Problems(), want) {
		t.Errorf("got problems %v, want %v", w.Problems(), want)
	}
	if IsScalar(loop) || IsMapping(loop) || IsNull(loop) {
		t.Error("got a kind for an alias cycle, want none")
	}
}

func TestKindName(t *testing.T) {
	root := doc(t, "m: {a: 1}\nl: [1]\nn: ~\ne:\ns: 'it''s'\nq: \"\"\nx: &x 5\ny: *x\n")
	for _, tc := range []struct{ key, want string }{
		{"m", "a mapping (key: value)"},
		{"l", "a list"},
		{"n", "nothing"},
		{"e", "nothing"},
		{"s", `"it's"`},
		{"q", `""`},
		{"x", `"5"`},
		{"y", "something else"}, // an alias: callers pass nodes through Node first
	} {
		if got := KindName(value(t, root, tc.key)); got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.key, got, tc.want)
		}
	}
}
