package faq

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// maxNodeVisits bounds the YAML nodes the schema walk visits, counting each
// alias (*name) as often as it is used, so an alias bomb ("billion laughs")
// fails fast instead of exhausting memory or time. A 10 MB file written
// without aliases has far fewer nodes than this.
const maxNodeVisits = 4_000_000

// decoder walks a yaml.Node tree against the faq.yaml schema, collecting
// every problem with its line instead of stopping at the first.
type decoder struct {
	file   string
	errs   Errors
	visits int
	bomb   bool // the alias budget ran out; stop reporting further problems
	raw    []rawEntry
}

func (d *decoder) errorf(line int, entry, format string, args ...any) {
	if d.bomb {
		return
	}
	d.errs = append(d.errs, &Error{File: d.file, Line: line, Entry: entry, Msg: fmt.Sprintf(format, args...)})
}

// node follows aliases and charges the visit budget. It returns nil once
// the budget is spent.
func (d *decoder) node(n *yaml.Node) *yaml.Node {
	for hops := 0; n != nil && n.Kind == yaml.AliasNode; hops++ {
		if hops > 100 {
			d.errorf(n.Line, "", "alias *%s refers to itself", n.Value)
			return nil
		}
		n = n.Alias
	}
	if n == nil {
		return nil
	}
	d.visits++
	if d.visits > maxNodeVisits {
		if !d.bomb {
			d.errorf(n.Line, "", "the file expands to too many values (more than %d): are aliases (*name) nested too deeply?", maxNodeVisits)
			d.bomb = true
		}
		return nil
	}
	return n
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping (key: value)"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		return fmt.Sprintf("%q", n.Value)
	}
	return "something else"
}

// field is one key of a mapping, already dereferenced.
type field struct {
	key  string
	line int
	val  *yaml.Node
}

// mapping returns the key/value pairs of n, reporting a non-mapping, a
// duplicate key or a non-string key. what names n in messages.
func (d *decoder) mapping(n *yaml.Node, entry, what string) []field {
	n = d.node(n)
	if n == nil {
		return nil
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		if what == "" {
			what = "an entry"
		}
		d.errorf(n.Line, entry, "%s: want a mapping (key: value), got %s", what, kindName(n))
		return nil
	}
	out := make([]field, 0, len(n.Content)/2)
	seen := make(map[string]int, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := d.node(n.Content[i]), n.Content[i+1]
		if k == nil {
			return out
		}
		if k.Kind != yaml.ScalarNode {
			d.errorf(k.Line, entry, "%sa key must be a plain word, got %s", prefix(what), kindName(k))
			continue
		}
		if k.Tag == "!!merge" {
			d.errorf(k.Line, entry, "%smerge keys (<<) are not supported; write the fields out", prefix(what))
			continue
		}
		if first, dup := seen[k.Value]; dup {
			d.errorf(k.Line, entry, "%s%q is given twice (first at line %d)", prefix(what), k.Value, first)
			continue
		}
		seen[k.Value] = k.Line
		out = append(out, field{key: k.Value, line: k.Line, val: v})
	}
	return out
}

// prefix is "what: ", or "" for an entry's own fields (the entry is named
// already).
func prefix(what string) string {
	if what == "" {
		return ""
	}
	return what + ": "
}

// str returns a scalar's text with surrounding space trimmed; "" for null.
// Numbers and booleans are taken as written, so `emergency_number: 911`
// needs no quotes.
func (d *decoder) str(n *yaml.Node, entry, what string) string {
	n = d.node(n)
	if n == nil {
		return ""
	}
	if n.Kind != yaml.ScalarNode {
		d.errorf(n.Line, entry, "%s: want text, got %s", what, kindName(n))
		return ""
	}
	if n.Tag == "!!null" {
		return ""
	}
	return strings.TrimSpace(n.Value)
}

// isScalar reports whether n (after aliases) is a scalar, without charging
// the visit budget again.
func (d *decoder) isScalar(n *yaml.Node) bool {
	for hops := 0; n != nil && n.Kind == yaml.AliasNode && hops < 100; hops++ {
		n = n.Alias
	}
	return n != nil && n.Kind == yaml.ScalarNode
}

// item is one string of a list, with its line.
type item struct {
	text string
	line int
}

// strs returns the strings of a list, reporting non-text and empty items.
func (d *decoder) strs(n *yaml.Node, entry, what string) []item {
	n = d.node(n)
	if n == nil {
		return nil
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		d.errorf(n.Line, entry, "%s: want a list of text, such as [a, b], got %s", what, kindName(n))
		return nil
	}
	out := make([]item, 0, len(n.Content))
	for i, c := range n.Content {
		c = d.node(c)
		if c == nil {
			return out
		}
		if c.Kind != yaml.ScalarNode {
			d.errorf(c.Line, entry, "%s item %d: want text, got %s", what, i+1, kindName(c))
			continue
		}
		s := strings.TrimSpace(c.Value)
		if c.Tag == "!!null" || s == "" {
			d.errorf(c.Line, entry, "%s item %d is empty", what, i+1)
			continue
		}
		out = append(out, item{text: s, line: c.Line})
	}
	return out
}

func texts(items []item) []string {
	if len(items) == 0 {
		return nil
	}
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.text
	}
	return out
}

// integer returns an integer scalar.
func (d *decoder) integer(n *yaml.Node, entry, what string) (int, bool) {
	n = d.node(n)
	if n == nil {
		return 0, false
	}
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
		d.errorf(n.Line, entry, "%s: want a whole number, got %s", what, kindName(n))
		return 0, false
	}
	v, err := strconv.Atoi(n.Value)
	if err != nil {
		d.errorf(n.Line, entry, "%s: want a whole number, got %q", what, n.Value)
		return 0, false
	}
	return v, true
}

// date returns a date scalar written as 2025-01-31 (or a full RFC 3339 time).
func (d *decoder) date(n *yaml.Node, entry, what string) time.Time {
	s := d.str(n, entry, what)
	if s == "" {
		return time.Time{}
	}
	for _, layout := range []string{time.DateOnly, time.RFC3339} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	d.errorf(n.Line, entry, "%s %q: want a date such as 2025-01-31", what, s)
	return time.Time{}
}

// yamlLine matches the position yaml.v3 puts in its syntax errors.
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// syntaxError turns a yaml.v3 parse error into an Error with its line.
// yaml.v3 reports the line where the enclosing structure started, counted
// inconsistently, or no line at all; staff need the line to fix, so we find
// the first line at which the text stops parsing with the same complaint.
func (d *decoder) syntaxError(data []byte, err error) {
	msg := err.Error()
	line := 0
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	d.errorf(firstBadLine(data, msg, line), "", "invalid YAML: %s", msg)
}

// firstBadLine returns the smallest number of leading lines of data that
// fail to parse with problem msg, searching near reported (yaml.v3's
// guess), or everywhere by bisection when it gave none.
func firstBadLine(data []byte, msg string, reported int) int {
	if len(data) > 1<<20 {
		return reported // re-parsing a huge file several times costs too much
	}
	lines := bytes.SplitAfter(data, []byte("\n"))
	fails := func(n int) bool {
		if n > len(lines) {
			n = len(lines)
		}
		var node yaml.Node
		err := yaml.Unmarshal(bytes.Join(lines[:n], nil), &node)
		return err != nil && strings.HasSuffix(err.Error(), msg)
	}
	if reported > 0 {
		for n := max(1, reported-1); n <= reported+3 && n <= len(lines); n++ {
			if fails(n) {
				return n
			}
		}
		return reported
	}
	lo, hi := 1, len(lines)
	if !fails(hi) {
		return 0
	}
	for lo < hi {
		mid := (lo + hi) / 2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}
