package faq

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/carebot/carebot/yamlwalk"
)

// MaxIDLen is the longest an entry id may be. An id travels in the
// payloads of the buttons that ask for the entry and rate it, and the
// longest of them, "rate:down:" and the id, must fit the 64 bytes
// Telegram allows a button's payload: with a longer id, the buttons were
// left out of the keyboard.
const MaxIDLen = 54

// validID is what an entry id may look like: it travels in button payloads
// and staff type it in follow_up, so no spaces or punctuation beyond . _ -.
var validID = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// rawEntry keeps the lines validate needs next to the entry.
type rawEntry struct {
	e      *Entry
	idLine int
	// alias is the name of the alias (*name) the entry is written as,
	// or "": its id is the anchor's, but a second use is at the alias.
	alias    string
	follow   []yamlwalk.Item
	langLine map[string]int
}

func (d *decoder) entries(n *yaml.Node) []*Entry {
	list := d.w.List(n, "", "entries", "a list of entries (each starting with - id: ...)")
	if list == nil {
		return nil
	}
	out := make([]*Entry, 0, len(list))
	d.raw = make([]rawEntry, 0, len(list))
	for _, c := range list {
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
	written := n
	n = d.w.Node(n)
	if n == nil {
		return rawEntry{}
	}
	e := &Entry{Line: n.Line, reviewLine: n.Line}
	r := rawEntry{e: e, idLine: n.Line}
	if yamlwalk.IsNull(n) { // a "-" with nothing after it: likely a broken edit
		d.w.Errorf(n.Line, "", "an empty entry (a - with nothing after it): remove it, or give it an id, a question and an answer")
		return rawEntry{}
	}
	if n.Kind != yaml.MappingNode {
		d.w.Mapping(n, peekID(n), "an entry") // reports what n is instead
		return rawEntry{}
	}
	fields := d.w.Mapping(n, peekID(n), "")
	// The id first, so every other message can name the entry.
	for _, f := range fields {
		if f.Key == "id" {
			e.ID = d.w.Str(f.Value, "", "id")
			r.idLine = f.Line
		}
	}
	id := e.ID
	if id == "" {
		d.w.Errorf(n.Line, "", "an entry has no id: add `id: some-name`")
		id = fmt.Sprintf("(entry at line %d)", n.Line)
	} else if !validID.MatchString(id) {
		d.w.Errorf(r.idLine, id, "id may use only ASCII letters (a-z, A-Z, no accents), digits, '.', '_' and '-', and must start with a letter or a digit")
	} else if len(id) > MaxIDLen {
		d.w.Errorf(r.idLine, id, "id is %d characters long: at most %d fit in the buttons that ask for and rate the entry", len(id), MaxIDLen)
	}
	if written.Kind == yaml.AliasNode {
		// The id was checked where the anchor's entry is; a second use is
		// here (QA: both were reported at the anchor's line).
		r.idLine, r.alias = written.Line, written.Value
	}
	var sawQ, sawA bool
	for _, f := range fields {
		switch f.Key {
		case "id":
		case "question":
			sawQ = true
			e.Question = d.text(f.Value, id, "question", "question")
			if e.Question == "" && yamlwalk.IsScalar(f.Value) {
				d.w.Errorf(f.Line, id, "question is empty")
			} else if e.Question != "" {
				d.wordless([]yamlwalk.Item{{Text: e.Question, Line: f.Line}}, id, "question", "write the question in words")
			}
			d.phrasings = append(d.phrasings, writtenPhrasing{id, "", e.Question, f.Line})
		case "answer":
			sawA = true
			e.Answer = d.answer(f.Value, id, "answer")
			if e.Answer == "" && yamlwalk.IsScalar(f.Value) {
				d.w.Errorf(f.Line, id, "answer is empty")
			}
		case "alternates":
			alts := d.texts(f.Value, id, "alternates")
			d.wordless(alts, id, "alternates", "write it in words, or remove it")
			e.Alternates = yamlwalk.Texts(alts)
			for _, a := range alts {
				d.phrasings = append(d.phrasings, writtenPhrasing{id, "", a.Text, a.Line})
			}
		case "keywords":
			keys := d.w.Strs(f.Value, id, "keywords")
			d.wordless(keys, id, "keywords", "write it in words, or remove it")
			e.Keywords = yamlwalk.Texts(keys)
		case "tags":
			e.Tags = yamlwalk.Texts(d.w.Strs(f.Value, id, "tags"))
		case "follow_up":
			r.follow = d.w.Strs(f.Value, id, "follow_up")
			e.FollowUp = yamlwalk.Texts(r.follow)
		case "translations":
			e.Translations, r.langLine = d.translations(f.Value, id)
		case "reviewed_by":
			e.ReviewedBy = d.w.Str(f.Value, id, "reviewed_by")
		case "reviewed_at":
			before := len(d.w.Problems())
			e.ReviewedAt = d.w.Date(f.Value, id, "reviewed_at")
			// The zero time means "not given": a date read without a
			// problem that is so far back (0001-01-01 is the zero time)
			// is a slip, not a review.
			if len(d.w.Problems()) == before && !yamlwalk.IsNull(f.Value) && e.ReviewedAt.Year() < 1900 {
				d.w.Errorf(f.Line, id, "reviewed_at %s is not a review date: want a date such as 2025-01-31", e.ReviewedAt.Format("2006-01-02"))
				e.ReviewedAt = time.Time{}
			}
			e.reviewLine = f.Line
		case "review_every":
			s := d.w.Str(f.Value, id, "review_every")
			switch {
			case s != "":
				p, err := ParsePeriod(s)
				if err != nil {
					d.w.Errorf(f.Line, id, "%v", err)
				}
				e.ReviewEvery = p
			case yamlwalk.IsScalar(f.Value):
				// "" and ~ were taken as no review, silently (QA): a
				// schedule staff believe they set. No review is said by
				// leaving the field out.
				d.w.Errorf(f.Line, id, "review_every is empty: give a period such as 90d, 6m or 1y, or remove the line if the entry needs no review")
			}
		default:
			d.w.Errorf(f.Line, id, "unknown field %q (want id, question, alternates, keywords, tags, answer, follow_up, translations, reviewed_by, reviewed_at, review_every)", f.Key)
		}
	}
	if !sawQ {
		d.w.Errorf(n.Line, id, "question is missing")
	}
	if !sawA {
		d.w.Errorf(n.Line, id, "answer is missing")
	}
	return r
}

// translations reads an entry's translations, keyed by base language
// ("es-MX" is "es"), and the line of each.
func (d *decoder) translations(n *yaml.Node, id string) (map[string]Translation, map[string]int) {
	fields := d.w.Mapping(n, id, "translations")
	if len(fields) == 0 {
		return nil, nil
	}
	out := make(map[string]Translation, len(fields))
	lines := make(map[string]int, len(fields))
	for _, f := range fields {
		lang := d.lang(f.Key, f.Line, id, "translations")
		var t Translation
		var sawA bool
		what := "translations." + f.Key
		for _, g := range d.w.Mapping(f.Value, id, what) {
			switch g.Key {
			case "question":
				t.Question = d.text(g.Value, id, what+".question", "question")
				if t.Question != "" {
					d.wordless([]yamlwalk.Item{{Text: t.Question, Line: g.Line}}, id, what+".question", "write the question in words")
				}
				d.phrasings = append(d.phrasings, writtenPhrasing{id, baseLang(lang), t.Question, g.Line})
			case "alternates":
				alts := d.texts(g.Value, id, what+".alternates")
				d.wordless(alts, id, what+".alternates", "write it in words, or remove it")
				t.Alternates = yamlwalk.Texts(alts)
				for _, a := range alts {
					d.phrasings = append(d.phrasings, writtenPhrasing{id, baseLang(lang), a.Text, a.Line})
				}
			case "answer":
				sawA = true
				t.Answer = d.answer(g.Value, id, what+".answer")
				if t.Answer == "" && yamlwalk.IsScalar(g.Value) {
					d.w.Errorf(g.Line, id, "%s.answer is empty", what)
				}
			default:
				d.w.Errorf(g.Line, id, "%s: unknown field %q (want question, alternates, answer)", what, g.Key)
			}
		}
		if !sawA {
			d.w.Errorf(f.Line, id, "%s has no answer", what)
		}
		if lang == "" {
			continue
		}
		// Patients are answered by language, not region: "es-US" is
		// the Spanish translation, served to every Spanish speaker.
		base := baseLang(lang)
		if first, dup := lines[base]; dup {
			d.w.Errorf(f.Line, id, "%s: a translation into %s is already given at line %d; the bot answers by language, not region, so keep one", what, base, first)
			continue
		}
		out[base] = t
		lines[base] = f.Line
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
