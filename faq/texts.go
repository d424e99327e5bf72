package faq

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/carebot/carebot/yamlwalk"
)

// text reads one of an entry's texts (its question or answer, or a
// translation's), reporting what YAML did to it that staff did not mean.
// what names it in messages ("translations.es.answer"); key is the field's
// own name, for the fix ("answer: |").
func (d *decoder) text(n *yaml.Node, id, what, key string) string {
	s := d.w.Str(n, id, what)
	d.cut(n, id, what, s, key+": |")
	return s
}

// texts reads a list of alternates, as text does a question.
func (d *decoder) texts(n *yaml.Node, id, what string) []yamlwalk.Item {
	items := d.w.Strs(n, id, what)
	if n != nil && n.Kind == yaml.SequenceNode { // an alias is checked where it is written
		for i, c := range n.Content {
			d.cut(c, id, fmt.Sprintf("%s item %d", what, i+1), strings.TrimSpace(c.Value), "- |")
		}
	}
	return items
}

// cut reports text s of node n, which YAML ended at an unquoted " #": the
// rest of the line is a comment to YAML, and patients would never see it
// (QA: "Suite #200" became "Suite", "press #3 for billing" became "press").
// A comment after a quoted text or a | block is allowed: the quotes show
// the author knows where the text ends. block is how to write the text
// after a | instead.
func (d *decoder) cut(n *yaml.Node, id, what, s, block string) {
	line, comment := d.w.CutByComment(n)
	if comment == "" {
		return
	}
	d.w.Errorf(line, id, "%s: an unquoted \" #\" starts a YAML comment, so %q is cut off and the text stops at %q; "+
		"put the text in quotes, or write it on the lines below %q", what, head(comment, 40), tail(s, 40), block)
}

// tail is the end of s, at most n characters of it, for a message.
func tail(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return "…" + strings.TrimLeft(string(r[len(r)-n:]), " ")
}

// head is the start of s, at most n characters of it, for a message.
func head(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimRight(string(r[:n]), " ") + "…"
}
