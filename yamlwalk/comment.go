package yamlwalk

import (
	"bytes"
	"strings"

	"go.yaml.in/yaml/v3"
)

// CutByComment reports unquoted text that a comment cut short: YAML takes
// " #" and the rest of the line for a comment, so `answer: Suite #200,
// Springfield` is the text "Suite". It returns the comment as written
// ("#200, Springfield") and the line it is on, or "" when n is not such a
// text. Quoted text and a block (|, >) keep their "#", so a comment after
// them is the author's own, and so is one after a list written [a, b].
// n is taken as written: an alias is checked where its anchor is.
func (w *Walker) CutByComment(n *yaml.Node) (line int, comment string) {
	const kept = yaml.SingleQuotedStyle | yaml.DoubleQuotedStyle | yaml.LiteralStyle | yaml.FoldedStyle
	if n == nil || n.Kind != yaml.ScalarNode || n.Style&kept != 0 || n.Tag == "!!null" || n.LineComment == "" {
		return 0, ""
	}
	comment, _, _ = strings.Cut(n.LineComment, "\n")
	return w.lineOf(n.Line, comment), comment
}

// lineOf is the first line from line on that holds comment after a space
// or a tab: where the comment that ends a text written over several lines
// is. It is line when Document did not read the file.
func (w *Walker) lineOf(line int, comment string) int {
	space, tab := []byte(" "+comment), []byte("\t"+comment)
	for i := line - 1; i >= 0 && i < len(w.lines); i++ {
		if bytes.Contains(w.lines[i], space) || bytes.Contains(w.lines[i], tab) {
			return i + 1
		}
	}
	return line
}

// BlockLines returns the lines of the file that block text n (after a |
// or >) is written on, and the number of the first of them; nil when n
// is not a block, or Document did not read the file. n gives only the
// line of its "|", and a > block joins its lines into one, so this is how
// to find the line of something inside a block.
func (w *Walker) BlockLines(n *yaml.Node) (first int, lines []string) {
	if n == nil || n.Kind != yaml.ScalarNode || n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 || n.Line < 1 {
		return 0, nil
	}
	indent := -1 // the block's, from its first line that is not blank
	for _, l := range w.lines[min(n.Line, len(w.lines)):] {
		text := strings.TrimRight(string(l), " \t\r")
		if text == "" {
			lines = append(lines, "")
			continue
		}
		in := len(text) - len(strings.TrimLeft(text, " "))
		if indent < 0 {
			indent = in
		}
		if in < indent {
			break
		}
		lines = append(lines, text)
	}
	return n.Line + 1, lines
}
