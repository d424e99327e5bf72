package yamlwalk

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Str returns scalar n's text with surrounding space trimmed, and "" for
// null or after reporting that n is not a scalar ("what: want text").
// Numbers and booleans are taken as written, so `emergency_number: 911`
// needs no quotes.
func (w *Walker) Str(n *yaml.Node, scope, what string) string {
	n = w.Node(n)
	if n == nil {
		return ""
	}
	if n.Kind != yaml.ScalarNode {
		w.Errorf(n.Line, scope, "%s: want text, got %s", what, KindName(n))
		return ""
	}
	if n.Tag == "!!null" {
		return ""
	}
	return strings.TrimSpace(n.Value)
}

// List returns the items of list n (as written: they may be aliases), or
// nil for null or after reporting "what: want <want>, got ..." when n is
// anything else. want describes the list, such as "a list of campaigns".
func (w *Walker) List(n *yaml.Node, scope, what, want string) []*yaml.Node {
	n = w.Node(n)
	if n == nil || IsNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		w.Errorf(n.Line, scope, "%s: want %s, got %s", what, want, KindName(n))
		return nil
	}
	return n.Content
}

// Item is one text of a list, trimmed, with its line.
type Item struct {
	Text string
	Line int
}

// Strs returns the texts of list n, nil for null. It reports n not being a
// list, an item that is not text ("what item 2: want text") and an empty or
// null item ("what item 2 is empty"), leaving such items out.
func (w *Walker) Strs(n *yaml.Node, scope, what string) []Item {
	list := w.List(n, scope, what, "a list of text, such as [a, b]")
	if list == nil {
		return nil
	}
	out := make([]Item, 0, len(list))
	for i, c := range list {
		if c = w.Node(c); c == nil {
			return out
		}
		if c.Kind != yaml.ScalarNode {
			w.Errorf(c.Line, scope, "%s item %d: want text, got %s", what, i+1, KindName(c))
			continue
		}
		s := strings.TrimSpace(c.Value)
		if c.Tag == "!!null" || s == "" {
			w.Errorf(c.Line, scope, "%s item %d is empty", what, i+1)
			continue
		}
		out = append(out, Item{Text: s, Line: c.Line})
	}
	return out
}

// Texts returns the texts of items, nil for none.
func Texts(items []Item) []string {
	if len(items) == 0 {
		return nil
	}
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.Text
	}
	return out
}

// Int returns integer scalar n, and false after reporting anything else
// ("what: want a whole number"), including a number not written in decimal
// (0x1F) or too large for an int.
func (w *Walker) Int(n *yaml.Node, scope, what string) (int, bool) {
	n = w.Node(n)
	if n == nil {
		return 0, false
	}
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
		w.Errorf(n.Line, scope, "%s: want a whole number, got %s", what, KindName(n))
		return 0, false
	}
	v, err := strconv.Atoi(n.Value)
	if err != nil {
		w.Errorf(n.Line, scope, "%s: want a whole number, got %q", what, n.Value)
		return 0, false
	}
	return v, true
}

// Date returns date scalar n written as 2025-01-31 (or a full RFC 3339
// time), and the zero time for null or after reporting anything else: a
// day the calendar does not have (2026-02-29) as such.
func (w *Walker) Date(n *yaml.Node, scope, what string) time.Time {
	s := w.Str(n, scope, what)
	if s == "" {
		return time.Time{}
	}
	for _, layout := range []string{time.DateOnly, time.RFC3339} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	if m := isoDate.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		if 1 <= mo && mo <= 12 && 1 <= d && d <= 31 {
			w.Errorf(n.Line, scope, "%s %q: there is no %s %d in %d", what, s, time.Month(mo), d, y)
			return time.Time{}
		}
	}
	w.Errorf(n.Line, scope, "%s %q: want a date such as 2025-01-31", what, s)
	return time.Time{}
}

// isoDate is a date written year-month-day, the day maybe one the
// calendar does not have.
var isoDate = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})(?:$|T)`)
