package yamlwalk

import (
	"errors"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestSyntaxError checks that the line given is the one staff should fix,
// where yaml.v3 names the line a structure started or no line at all.
func TestSyntaxError(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		line      int
		msg       string
	}{
		{"unclosed list (yaml.v3 says line 1)", "a: 1\nb: [1, 2\nc: 3\nd: 4\n", 2, "did not find expected ',' or ']'" + flowHint},
		{"unclosed mapping (yaml.v3 says line 1)", "a: 1\nb: {x: 1\nc: 2\n", 2, "did not find expected ',' or '}'" + flowHint},
		// QA: the README's own example had an unquoted question in a list.
		{"a question mark in a one-line list", "a: 1\nalternates: [When are you open?, Is there parking?]\nc: 2\n", 2, "did not find expected ',' or ']'" + flowHint},
		{"bad indent (yaml.v3 says line 2)", "a:\n  b: 1\n c: 2\nd: 3\n", 3, "did not find expected key" + indentHint},
		{"list item in a mapping (yaml.v3 says line 6)", "x: 1\ny: 2\nz: 3\nv: 4\nw: 5\nu: 6\n- z\n", 7, "did not find expected key" + indentHint},
		// A key of the tenth entry one space short: yaml.v3 names the
		// line the list began on, and one space too many, the line the
		// entry began on.
		{"key one space short, deep in a list (yaml.v3 says line 1)", "entries:\n" + strings.Repeat("  - id: a\n    tags: [x]\n", 9) + "  - id: b\n   tags: [x]\n    answer: y\n", 21, "did not find expected '-' indicator" + indentHint},
		{"key one space long, deep in a list (yaml.v3 says line 19)", "entries:\n" + strings.Repeat("  - id: a\n    tags: [x]\n", 9) + "  - id: b\n    alternates:\n      - c\n     tags: [x]\n    answer: y\n", 23, "did not find expected key" + indentHint},
		// QA: an unquoted ": " in a text was sent to check its indentation.
		{"a colon in a text", "a: 1\nanswer: Yes: walk in any time\nc: 2\n", 2, "mapping values are not allowed in this context" + colonHint("answer")},
		{"a colon in an entry's first text", "entries:\n  - question: Hours: when?\n", 2, "mapping values are not allowed in this context" + colonHint("question")},
		{"a text ending in a colon", "a: 1\nanswer: Bring this: \n", 2, "mapping values are not allowed in this context" + colonHint("answer")},
		{"a key under a text", "a: 1\nb: text\n  c: 2\n", 3, "mapping values are not allowed in this context" + indentHint},
		{"tab", "a: 1\n\tb: 2\n", 2, "found a tab character that violates indentation"},
		// yaml.v3 does not always say it is the tab; staff cannot see one.
		{"tab before a list item", "a:\n\t- b\n", 2, "found character that cannot start any token (the line is indented with a tab: indent with spaces)"},
		{"tab among spaces", "a:\n  b:\n  \t- c\n", 3, "found character that cannot start any token (the line is indented with a tab: indent with spaces)"},
		{"unknown anchor (yaml.v3 gives no line)", "a: 1\nb: 2\nc: *x\nd: 4\n", 3, "unknown anchor 'x' referenced"},
		{"unclosed quote", "a: 1\nb: 2\nc: 'open\nd: 4\ne: 5\n", 3, "found unexpected end of stream"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var n yaml.Node
			err := yaml.Unmarshal([]byte(tc.src), &n)
			if err == nil {
				t.Fatalf("%q parsed, want a syntax error", tc.src)
			}
			line, msg := SyntaxError([]byte(tc.src), err)
			if line != tc.line || msg != tc.msg {
				t.Errorf("got line %d %q, want line %d %q (yaml.v3: %v)", line, msg, tc.line, tc.msg, err)
			}
		})
	}
}

const indentHint = " (check this line's indentation against the lines above it)"

func colonHint(key string) string {
	return ` (the text after "` + key + `:" has ": " in it, which YAML reads as another key: put the whole text in quotes, ` + key + `: "...")`
}

// TestSyntaxErrorFallback checks what SyntaxError says when it cannot find
// the line by parsing again: yaml.v3's line, or 0 when it gave none.
func TestSyntaxErrorFallback(t *testing.T) {
	big := []byte("a: [1, 2\n" + strings.Repeat("# padding\n", maxResearch/10+1))
	for _, tc := range []struct {
		name string
		data []byte
		err  string
		line int
		msg  string
	}{
		{"too large to parse again", big, "yaml: line 7: did not find expected ',' or ']'", 7, "did not find expected ',' or ']'" + flowHint},
		{"complaint not reproduced", []byte("a: 1\n"), "yaml: line 5: something else", 5, "something else"},
		{"no line, not reproduced", []byte("a: 1\n"), "yaml: something else", 0, "something else"},
		{"not a yaml.v3 message", []byte("a: 1\n"), "read failed", 0, "read failed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			line, msg := SyntaxError(tc.data, errors.New(tc.err))
			if line != tc.line || msg != tc.msg {
				t.Errorf("got line %d %q, want line %d %q", line, msg, tc.line, tc.msg)
			}
		})
	}
}

const flowHint = ` (in a list written [like, this], put quotes around each text with ? : , # [ ] { } in it, or write one "- text" per line)`
