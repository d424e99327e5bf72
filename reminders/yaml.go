package reminders

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// CampaignError is one problem in a campaigns.yaml, located so that staff
// can find it: `campaigns.yaml:12: campaign "flu-shots": cap: want "2/month"`.
type CampaignError struct {
	File     string
	Line     int    // 1-based; 0 for the whole file
	Campaign string // the campaign's id, or "" outside one
	Msg      string
}

func (e *CampaignError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	if e.Campaign != "" {
		fmt.Fprintf(&b, "campaign %q: ", e.Campaign)
	}
	b.WriteString(e.Msg)
	return b.String()
}

// CampaignErrors is every problem LoadCampaigns found, by line.
type CampaignErrors []*CampaignError

func (es CampaignErrors) Error() string {
	s := make([]string, len(es))
	for i, e := range es {
		s[i] = e.Error()
	}
	return strings.Join(s, "\n")
}

// Unwrap gives errors.As access to each problem.
func (es CampaignErrors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// yamlDecoder walks a yaml.Node tree against a schema, collecting every
// problem with its line instead of stopping at the first.
type yamlDecoder struct {
	file   string
	errs   CampaignErrors
	visits int
	bomb   bool
}

func (d *yamlDecoder) errorf(line int, id, format string, args ...any) {
	if d.bomb {
		return
	}
	d.errs = append(d.errs, &CampaignError{File: d.file, Line: line, Campaign: id, Msg: fmt.Sprintf(format, args...)})
}

// node follows aliases and charges the visit budget; nil once it is spent.
func (d *yamlDecoder) node(n *yaml.Node) *yaml.Node {
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
	if d.visits++; d.visits > maxCampaignNodes {
		if !d.bomb {
			d.errorf(n.Line, "", "the file expands to too many values: are aliases (*name) nested too deeply?")
			d.bomb = true
		}
		return nil
	}
	return n
}

func (d *yamlDecoder) isMapping(n *yaml.Node) bool {
	for hops := 0; n != nil && n.Kind == yaml.AliasNode && hops < 100; hops++ {
		n = n.Alias
	}
	return n != nil && n.Kind == yaml.MappingNode
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

type yamlField struct {
	key  string
	line int
	val  *yaml.Node
}

// mapping returns the pairs of a mapping, reporting anything else, a
// duplicate key or a key that is not a plain word.
func (d *yamlDecoder) mapping(n *yaml.Node, id, what string) []yamlField {
	n = d.node(n)
	if n == nil || n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n.Line, id, "%s: want a mapping (key: value), got %s", what, kindName(n))
		return nil
	}
	var out []yamlField
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := d.node(n.Content[i])
		if k == nil {
			return out
		}
		if k.Kind != yaml.ScalarNode || k.Tag == "!!merge" {
			d.errorf(k.Line, id, "%s: a key must be a plain word", what)
			continue
		}
		if first, dup := seen[k.Value]; dup {
			d.errorf(k.Line, id, "%s: %q is given twice (first at line %d)", what, k.Value, first)
			continue
		}
		seen[k.Value] = k.Line
		out = append(out, yamlField{key: k.Value, line: k.Line, val: n.Content[i+1]})
	}
	return out
}

// str returns a scalar's text, trimmed; "" for null.
func (d *yamlDecoder) str(n *yaml.Node, id, what string) string {
	n = d.node(n)
	if n == nil {
		return ""
	}
	if n.Kind != yaml.ScalarNode {
		d.errorf(n.Line, id, "%s: want text, got %s", what, kindName(n))
		return ""
	}
	if n.Tag == "!!null" {
		return ""
	}
	return strings.TrimSpace(n.Value)
}

type yamlItem struct {
	text string
	line int
}

// strs returns the strings of a list, reporting anything else.
func (d *yamlDecoder) strs(n *yaml.Node, id, what string) []yamlItem {
	n = d.node(n)
	if n == nil || n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		d.errorf(n.Line, id, "%s: want a list such as [en, es], got %s", what, kindName(n))
		return nil
	}
	var out []yamlItem
	for i, c := range n.Content {
		if c = d.node(c); c == nil {
			return out
		}
		if c.Kind != yaml.ScalarNode || strings.TrimSpace(c.Value) == "" {
			d.errorf(c.Line, id, "%s item %d: want text", what, i+1)
			continue
		}
		out = append(out, yamlItem{text: strings.TrimSpace(c.Value), line: c.Line})
	}
	return out
}
