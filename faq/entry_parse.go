package faq

import (
	"fmt"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// validID is what an entry id may look like: it travels in button payloads
// and staff type it in follow_up, so no spaces or punctuation beyond . _ -.
var validID = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$`)

// rawEntry keeps the lines validate needs next to the entry.
type rawEntry struct {
	e        *Entry
	idLine   int
	follow   []item
	langLine map[string]int
}

func (d *decoder) entries(n *yaml.Node) []*Entry {
	n = d.node(n)
	if n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null") {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		d.errorf(n.Line, "", "entries: want a list of entries (each starting with - id: ...), got %s", kindName(n))
		return nil
	}
	out := make([]*Entry, 0, len(n.Content))
	d.raw = make([]rawEntry, 0, len(n.Content))
	for _, c := range n.Content {
		r := d.entry(c)
		if r.e == nil {
			continue
		}
		r.e.pos = len(out)
		out = append(out, r.e)
		d.raw = append(d.raw, r)
	}
	return out
}

func (d *decoder) entry(n *yaml.Node) rawEntry {
	n = d.node(n)
	if n == nil {
		return rawEntry{}
	}
	e := &Entry{Line: n.Line, reviewLine: n.Line}
	r := rawEntry{e: e, idLine: n.Line}
	fields := d.mapping(n, peekID(n), "")
	if n.Kind != yaml.MappingNode {
		return rawEntry{}
	}
	// The id first, so every other message can name the entry.
	for _, f := range fields {
		if f.key == "id" {
			e.ID = d.str(f.val, "", "id")
			r.idLine = f.line
		}
	}
	id := e.ID
	if id == "" {
		d.errorf(n.Line, "", "an entry has no id: add `id: some-name`")
		id = fmt.Sprintf("(entry at line %d)", n.Line)
	} else if !validID.MatchString(id) {
		d.errorf(r.idLine, id, "id may use only letters, digits, '.', '_' and '-' (at most 100)")
	}
	var sawQ, sawA bool
	for _, f := range fields {
		switch f.key {
		case "id":
		case "question":
			sawQ = true
			e.Question = d.str(f.val, id, "question")
			if e.Question == "" && d.isScalar(f.val) {
				d.errorf(f.line, id, "question is empty")
			}
		case "answer":
			sawA = true
			e.Answer = d.str(f.val, id, "answer")
			if e.Answer == "" && d.isScalar(f.val) {
				d.errorf(f.line, id, "answer is empty")
			}
		case "alternates":
			e.Alternates = texts(d.strs(f.val, id, "alternates"))
		case "keywords":
			e.Keywords = texts(d.strs(f.val, id, "keywords"))
		case "tags":
			e.Tags = texts(d.strs(f.val, id, "tags"))
		case "follow_up":
			r.follow = d.strs(f.val, id, "follow_up")
			e.FollowUp = texts(r.follow)
		case "translations":
			e.Translations, r.langLine = d.translations(f.val, id)
		case "reviewed_by":
			e.ReviewedBy = d.str(f.val, id, "reviewed_by")
		case "reviewed_at":
			e.ReviewedAt = d.date(f.val, id, "reviewed_at")
			e.reviewLine = f.line
		case "review_every":
			if s := d.str(f.val, id, "review_every"); s != "" {
				p, err := ParsePeriod(s)
				if err != nil {
					d.errorf(f.line, id, "%v", err)
				}
				e.ReviewEvery = p
			}
		default:
			d.errorf(f.line, id, "unknown field %q (want id, question, alternates, keywords, tags, answer, follow_up, translations, reviewed_by, reviewed_at, review_every)", f.key)
		}
	}
	if !sawQ {
		d.errorf(n.Line, id, "question is missing")
	}
	if !sawA {
		d.errorf(n.Line, id, "answer is missing")
	}
	return r
}

func (d *decoder) translations(n *yaml.Node, id string) (map[string]Translation, map[string]int) {
	fields := d.mapping(n, id, "translations")
	if len(fields) == 0 {
		return nil, nil
	}
	out := make(map[string]Translation, len(fields))
	lines := make(map[string]int, len(fields))
	for _, f := range fields {
		lang := d.lang(f.key, f.line, id, "translations")
		var t Translation
		var sawA bool
		what := "translations." + f.key
		for _, g := range d.mapping(f.val, id, what) {
			switch g.key {
			case "question":
				t.Question = d.str(g.val, id, what+".question")
			case "alternates":
				t.Alternates = texts(d.strs(g.val, id, what+".alternates"))
			case "answer":
				sawA = true
				t.Answer = d.str(g.val, id, what+".answer")
				if t.Answer == "" && d.isScalar(g.val) {
					d.errorf(g.line, id, "%s.answer is empty", what)
				}
			default:
				d.errorf(g.line, id, "%s: unknown field %q (want question, alternates, answer)", what, g.key)
			}
		}
		if !sawA {
			d.errorf(f.line, id, "%s has no answer", what)
		}
		if lang == "" {
			continue
		}
		if _, dup := out[lang]; dup {
			d.errorf(f.line, id, "%s: the language %s is given twice", what, lang)
			continue
		}
		out[lang] = t
		lines[lang] = f.line
	}
	return out, lines
}

// peekID finds an entry's id before its fields are checked, so that even
// the first problems found can name the entry.
func peekID(n *yaml.Node) string {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k, v := n.Content[i], n.Content[i+1]; k.Kind == yaml.ScalarNode && k.Value == "id" && v.Kind == yaml.ScalarNode {
			return strings.TrimSpace(v.Value)
		}
	}
	return ""
}
