package yamlwalk

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// yamlLine matches the position yaml.v3 puts in its syntax errors.
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// maxResearch is the largest file SyntaxError parses again to find the
// line: re-parsing a huge file several times costs too much.
const maxResearch = 1 << 20

// SyntaxError locates err, a yaml.v3 parse error of data, for staff: it
// returns the line to fix (0 when none is known) and yaml.v3's complaint
// without its "yaml: line N:" prefix. yaml.v3 reports the line where the
// enclosing structure started, counted inconsistently, or no line at all,
// so for files up to 1 MB the line is the first at which the text stops
// parsing with the same complaint.
func SyntaxError(data []byte, err error) (line int, msg string) {
	msg = err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	line = firstBadLine(data, msg, line)
	text := lineText(data, line)
	switch key := colonInText(text); {
	case indentedWithTab(text) && !strings.Contains(msg, "tab"):
		msg += " (the line is indented with a tab: indent with spaces)"
	case msg == "mapping values are not allowed in this context" && key != "":
		// QA: `answer: Yes: walk in any time` was sent to check its
		// indentation; the fix is quotes.
		msg += fmt.Sprintf(` (the text after "%s:" has ": " in it, which YAML reads as another key: put the whole text in quotes, %s: "...")`, key, key)
	case line > 0 && indentComplaint(msg):
		msg += " (check this line's indentation against the lines above it)"
	case flowComplaint(msg):
		msg += ` (in a list written [like, this], put quotes around each text with ? : , # [ ] { } in it, or write one "- text" per line)`
	}
	return line, msg
}

// textWithColon matches a line "key: text", the text unquoted, and
// not a list, a mapping or a block.
var textWithColon = regexp.MustCompile(`^\s*(?:-\s+)?([A-Za-z_][A-Za-z0-9_.-]*):\s+([^\s"'|>\[{&*!#%@` + "`" + `].*)$`)

// colonInText returns the key of line when it is "key: text" and the text
// has ": " in it, or "" otherwise.
func colonInText(line string) string {
	m := textWithColon.FindStringSubmatch(strings.TrimRight(line, " \t\r"))
	if m == nil {
		return ""
	}
	if text := m[2]; strings.Contains(text, ": ") || strings.HasSuffix(text, ":") {
		return m[1]
	}
	return ""
}

// lineText is line (1-based) of data, or "" when there is none.
func lineText(data []byte, line int) string {
	if line < 1 {
		return ""
	}
	lines := bytes.SplitN(data, []byte("\n"), line+1)
	if len(lines) < line {
		return ""
	}
	return string(lines[line-1])
}

// flowComplaint reports yaml.v3's complaints about a list or mapping
// written on one line, [a, b] or {k: v}: a question mark or a colon in
// unquoted text there is read as YAML's own.
func flowComplaint(msg string) bool {
	switch msg {
	case "did not find expected ',' or ']'", "did not find expected ',' or '}'":
		return true
	}
	return false
}

// indentComplaint reports yaml.v3's complaints about a line indented
// more or less than the block it belongs to.
func indentComplaint(msg string) bool {
	switch msg {
	case "did not find expected key", "did not find expected '-' indicator",
		"mapping values are not allowed in this context", "block sequence entries are not allowed in this context":
		return true
	}
	return false
}

// indentedWithTab reports whether line, a line of a file, has a tab in
// its leading white space: YAML forbids it, an editor shows it as spaces,
// and yaml.v3 does not always name it.
func indentedWithTab(line string) bool {
	return strings.ContainsRune(line[:len(line)-len(strings.TrimLeft(line, " \t"))], '\t')
}

// firstBadLine returns the smallest number of leading lines of data that
// fail to parse with problem msg, searching near reported (yaml.v3's
// guess), or everywhere by bisection when it gave none.
func firstBadLine(data []byte, msg string, reported int) int {
	if len(data) > maxResearch {
		return reported
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
	}
	// yaml.v3 named the line a block started, far above (a mis-indented
	// key deep in the entries list is reported where the list began), or
	// no line: the first lines that fail are found by bisection. Lines
	// before the mistake parse; from it on, the text fails the same way.
	lo, hi := max(1, reported), len(lines)
	if !fails(hi) {
		return reported
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
