package yamlwalk

import (
	"reflect"
	"testing"
)

// TestCutByComment: only unquoted text ended by " #" is cut short; the
// comment is found on the line it is on, also after text over two lines.
func TestCutByComment(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		line      int
		comment   string
	}{
		{"plain", "a: 1\nt: Suite #200\n", 2, "#200"},
		{"over two lines", "t: Call us and\n  press #3 now\nb: 1\n", 2, "#3 now"},
		{"no comment", "t: Suite 200\n", 0, ""},
		{"a # inside a word", "t: Suite#200\n", 0, ""},
		{"double quotes", "t: \"Suite #200\" # new\n", 0, ""},
		{"single quotes", "t: 'Suite' # new\n", 0, ""},
		{"a block", "t: | # new\n  Suite #200\n", 0, ""},
		{"a list on one line", "t: [a, b] # new\n", 0, ""},
		{"nothing", "t: ~ # later\n", 0, ""},
		{"after the key, text below", "t: # note\n  Suite 200\n", 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var w Walker
			root, ok := w.Document([]byte(tc.src))
			if !ok {
				t.Fatalf("%q: %v", tc.src, w.Problems())
			}
			line, comment := w.CutByComment(value(t, root, "t"))
			if line != tc.line || comment != tc.comment {
				t.Errorf("got line %d %q, want line %d %q", line, comment, tc.line, tc.comment)
			}
		})
	}
}

// TestBlockLines: the lines of a block are found from the line of its |,
// blank lines inside it kept, up to the first line indented less.
func TestBlockLines(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		first     int
		lines     []string
	}{
		{"literal", "a: 1\nt: |\n  one\n\n    two\nb: 2\n", 3, []string{"  one", "", "    two"}},
		{"folded, to the end", "t: >\n  one\n  two\n", 2, []string{"  one", "  two", ""}},
		{"not a block", "t: one\n", 0, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var w Walker
			root, ok := w.Document([]byte(tc.src))
			if !ok {
				t.Fatalf("%q: %v", tc.src, w.Problems())
			}
			first, lines := w.BlockLines(value(t, root, "t"))
			if first != tc.first || !reflect.DeepEqual(lines, tc.lines) {
				t.Errorf("got %d %q, want %d %q", first, lines, tc.first, tc.lines)
			}
		})
	}
}
