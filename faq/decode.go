package faq

import (
	"fmt"

	"github.com/carebot/carebot/yamlwalk"
)

// maxNodeVisits bounds the YAML nodes the schema walk visits, counting each
// alias (*name) as often as it is used, so an alias bomb ("billion laughs")
// fails fast instead of exhausting memory or time.
const maxNodeVisits = yamlwalk.DefaultBudget

// decoder walks a yaml.Node tree against the faq.yaml schema, collecting
// every problem with its line instead of stopping at the first.
type decoder struct {
	file string
	w    yamlwalk.Walker
	raw  []rawEntry
	// phrasings are every entry's question and alternates, for the
	// warning about one phrasing in two entries.
	phrasings []writtenPhrasing
	// warnings are what the file may ship with but staff should fix,
	// found while reading it.
	warnings []Warning
	// synonymItems are the synonym groups' members as written, where, for
	// the warning about a phrase that shrinks to one word.
	synonymItems [][]yamlwalk.Item
}

// writtenPhrasing is a question or an alternate as written, where.
type writtenPhrasing struct {
	entry string
	lang  string // base language of a translation; "" for the entry's own
	text  string
	line  int
}

func newDecoder(file string) *decoder {
	return &decoder{file: file, w: yamlwalk.Walker{Budget: maxNodeVisits}}
}

// warnf records a warning at line in entry.
func (d *decoder) warnf(line int, entry, format string, args ...any) {
	d.warnings = append(d.warnings, Warning{File: d.file, Line: line, Entry: entry, Msg: fmt.Sprintf(format, args...)})
}

// errs is every problem found, as faq Errors naming the file, in the order
// found.
func (d *decoder) errs() (errs Errors) {
	for _, p := range d.w.Problems() {
		errs = append(errs, &Error{File: d.file, Line: p.Line, Entry: p.Scope, Msg: p.Msg})
	}
	return errs
}
