package yamlwalk

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// keys summarizes fields as key@line, dereferencing nothing.
func keys(fs []Field) []string {
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%s@%d", f.Key, f.Line))
	}
	return out
}

// TestSchema checks what each reader returns and every problem it reports,
// in order, with its line and scope.
func TestSchema(t *testing.T) {
	const bomb = "the file expands to too many values (more than 3): are aliases (*name) nested too deeply?"
	for _, tc := range []struct {
		name string
		src  string
		walk func(t *testing.T, w *Walker, top *yaml.Node) any
		want any
		errs []Problem
	}{
		{"mapping", "a: 1\nb: &x {c: 2}\nd: *x\n", func(t *testing.T, w *Walker, top *yaml.Node) any {
			return append(keys(w.Mapping(top, "", "top")), keys(w.Mapping(value(t, top, "d"), "", "d"))...)
		}, []string{"a@1", "b@2", "d@3", "c@2"}, nil},
		{"duplicate key names the first line", "a: 1\nb: 2\na: 3\n", func(t *testing.T, w *Walker, top *yaml.Node) any {
			return keys(w.Mapping(top, "flu", "clinic"))
		}, []string{"a@1", "b@2"}, []Problem{{3, "flu", `clinic: "a" is given twice (first at line 1)`}}},
		{"duplicate key in the scope's own fields", "a: 1\na: 3\n", func(t *testing.T, w *Walker, top *yaml.Node) any {
			return keys(w.Mapping(top, "hours", ""))
		}, []string{"a@1"}, []Problem{{2, "hours", `"a" is given twice (first at line 1)`}}},
		{"merge key", "base: &b {x: 1}\nm:\n  <<: *b\n  y: 2\n", func(t *testing.T, w *Walker, top *yaml.Node) any {
			return keys(w.Mapping(value(t, top, "m"), "", "m"))
		}, []string{"y@4"}, []Problem{{3, "", "m: merge keys (<<) are not supported; write the fields out"}}},
		{"non-scalar key", "? [a, b]\n: 1\nc: 2\n", func(t *testing.T, w *Walker, top *yaml.Node) any {
			return keys(w.Mapping(top, "", "top"))
		}, []string{"c@3"}, []Problem{{1, "", "top: a key must be a plain word, got a list"}}},
		{"mapping of a list", "[1, 2]\n", func(t *testing.T, w *Walker, top *yaml.Node) any {
			return keys(w.Mapping(top, "", "the top level"))
		}, []string(nil), []Problem{{1, "", "the top level: want a mapping (key: value), got a list"}}},
		{"mapping of a scalar without what", "a: hi\n", func(t *testing.T, w *Walker, top *yaml.Node) any {
			return keys(w.Mapping(value(t, top, "a"), "x", ""))
		}, []string(nil), []Problem{{1, "x", `want a mapping (key: value), got "hi"`}}},
		{"empty mapping is no fields", "a:\n", func(t *testing.T, w *Walker, top *yaml.Node) any {
			return keys(w.Mapping(value(t, top, "a"), "", "a"))
		}, []string(nil), nil},
		{"str trims and takes numbers as written", "a: '  hi '\nb: 0911\nc: ~\n", func(t *testing.T, w *Walker, top *yaml.Node) any {
			return []string{w.Str(value(t, top, "a"), "", "a"), w.Str(value(t, top, "b"), "", "b"), w.Str(value(t, top, "c"), "", "c")}
		}, []string{"hi", "0911", ""}, nil},
		{"str of a list", "a: [x]\n", func(t *testing.T, w *Walker, top *yaml.Node) any {
			return w.Str(value(t, top, "a"), "flu", "topic")
		}, "", []Problem{{1, "flu", "topic: want text, got a list"}}},
		{"list", "a: [x, [y]]\nb:\n", func(t *testing.T, w *Walker, top *yaml.Node) any {
			return []int{len(w.List(value(t, top, "a"), "", "a", "a list")), len(w.List(value(t, top, "b"), "", "b", "a list"))}
		}, []int{2, 0}, nil},
		{"list of a scalar", "campaigns: hello\n", func(t *testing.T, w *Walker, top *yaml.Node) any {
			return w.List(value(t, top, "campaigns"), "", "campaigns", "a list of campaigns")
		}, []*yaml.Node(nil), []Problem{{1, "", `campaigns: want a list of campaigns, got "hello"`}}},
		{"strs", "a:\n  - x\n  - ~\n  - ''\n  - '  '\n  - [y]\n  - {k: v}\n  -   z  \n  - 7\n", func(t *testing.T, w *Walker, top *yaml.Node) any {
			return w.Strs(value(t, top, "a"), "e", "tags")
		}, []Item{{"x", 2}, {"z", 8}, {"7", 9}}, []Problem{
			{3, "e", "tags item 2 is empty"},
			{4, "e", "tags item 3 is empty"},
			{5, "e", "tags item 4 is empty"},
			{6, "e", "tags item 5: want text, got a list"},
			{7, "e", "tags item 6: want text, got a mapping (key: value)"},
		}},
		{"strs of a mapping", "a: {b: c}\n", func(t *testing.T, w *Walker, top *yaml.Node) any {
			return w.Strs(value(t, top, "a"), "", "alternates")
		}, []Item(nil), []Problem{{1, "", "alternates: want a list of text, such as [a, b], got a mapping (key: value)"}}},
		{"texts", "a: [x, y]\nb: []\n", func(t *testing.T, w *Walker, top *yaml.Node) any {
			return [][]string{Texts(w.Strs(value(t, top, "a"), "", "a")), Texts(w.Strs(value(t, top, "b"), "", "b"))}
		}, [][]string{{"x", "y"}, nil}, nil},
		{"int", "v: 12\nw: -3\n", func(t *testing.T, w *Walker, top *yaml.Node) any {
			a, ok1 := w.Int(value(t, top, "v"), "", "v")
			b, ok2 := w.Int(value(t, top, "w"), "", "w")
			return []any{a, ok1, b, ok2}
		}, []any{12, true, -3, true}, nil},
		{"int of other things", "a: one\nb: 0x1F\nc: 99999999999999999999\nd: [1]\ne: 1.5\n", func(t *testing.T, w *Walker, top *yaml.Node) any {
			var got []bool
			for _, k := range []string{"a", "b", "c", "d", "e"} {
				_, ok := w.Int(value(t, top, k), "", "version")
				got = append(got, ok)
			}
			return got
		}, []bool{false, false, false, false, false}, []Problem{
			{1, "", `version: want a whole number, got "one"`},
			{2, "", `version: want a whole number, got "0x1F"`},
			{3, "", `version: want a whole number, got "99999999999999999999"`},
			{4, "", "version: want a whole number, got a list"},
			{5, "", `version: want a whole number, got "1.5"`},
		}},
		{"date", "a: 2025-01-31\nb: 2025-01-31T10:00:00Z\nc:\n", func(t *testing.T, w *Walker, top *yaml.Node) any {
			return []time.Time{w.Date(value(t, top, "a"), "", "a"), w.Date(value(t, top, "b"), "", "b"), w.Date(value(t, top, "c"), "", "c")}
		}, []time.Time{time.Date(2025, 1, 31, 0, 0, 0, 0, time.UTC), time.Date(2025, 1, 31, 10, 0, 0, 0, time.UTC), {}}, nil},
		{"date written otherwise", "a: 1\nd: 31/01/2025\n", func(t *testing.T, w *Walker, top *yaml.Node) any {
			return w.Date(value(t, top, "d"), "hours", "reviewed_at")
		}, time.Time{}, []Problem{{2, "hours", `reviewed_at "31/01/2025": want a date such as 2025-01-31`}}},
		// QA: 2026-02-29 was said not to be a date "such as 2025-01-31".
		{"a day the calendar does not have", "a: 2026-02-29\nb: 2026-04-31T10:00:00Z\nc: 2026-13-01\nd: 2028-02-29\n", func(t *testing.T, w *Walker, top *yaml.Node) any {
			var got []time.Time
			for _, k := range []string{"a", "b", "c", "d"} {
				got = append(got, w.Date(value(t, top, k), "", "reviewed_at"))
			}
			return got
		}, []time.Time{{}, {}, {}, time.Date(2028, 2, 29, 0, 0, 0, 0, time.UTC)}, []Problem{
			{1, "", `reviewed_at "2026-02-29": there is no February 29 in 2026`},
			{2, "", `reviewed_at "2026-04-31T10:00:00Z": there is no April 31 in 2026`},
			{3, "", `reviewed_at "2026-13-01": want a date such as 2025-01-31`},
		}},
		{"problems stop with the budget", "a: &a [x, y]\nb: [*a, *a, *a]\n", func(t *testing.T, w *Walker, top *yaml.Node) any {
			w.Budget = 3
			w.Node(top)
			items := w.Strs(value(t, top, "b"), "", "b") // b, then *a is a list: a problem; the next *a blows the budget
			w.Errorf(2, "", "reported after the budget ran out")
			return items
		}, []Item{}, []Problem{{1, "", "b item 1: want text, got a list"}, {1, "", bomb}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := &Walker{}
			got := tc.walk(t, w, doc(t, tc.src))
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %#v, want %#v", got, tc.want)
			}
			if !reflect.DeepEqual(w.Problems(), tc.errs) {
				t.Errorf("got problems %v, want %v", w.Problems(), tc.errs)
			}
		})
	}
}
