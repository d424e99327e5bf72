package faq

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// MaxFileSize is the largest faq.yaml Parse accepts. A real clinic's file is
// a few hundred kilobytes; the cap keeps a mistaken file (a log, a video)
// from being read into memory and indexed.
const MaxFileSize = 10 << 20

// Load reads, validates and indexes the faq.yaml at path. Errors name path.
func Load(path string) (*KB, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open faq: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("read faq %s: %w", path, err)
	}
	return Parse(path, data)
}

// Parse validates a faq.yaml and builds its index. name is used in error
// messages (usually the file's path). On any problem it returns a nil KB
// and an Errors listing every problem found, sorted by line.
func Parse(name string, data []byte) (*KB, error) {
	d := &decoder{file: name}
	kb := d.parse(data)
	if len(d.errs) > 0 {
		return nil, d.errs.sorted()
	}
	kb.index()
	return kb, nil
}

func (d *decoder) parse(data []byte) *KB {
	if len(data) > MaxFileSize {
		d.errorf(0, "", "the file is larger than %d MB; is it the right file?", MaxFileSize>>20)
		return nil
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a BOM some editors add
	if !utf8.Valid(data) {
		d.errorf(badUTF8Line(data), "", "the file is not valid UTF-8 text; save it as UTF-8")
		return nil
	}
	if len(bytes.TrimSpace(data)) == 0 {
		d.errorf(0, "", "the file is empty")
		return nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			d.errorf(0, "", "the file has no content (only comments?)")
		} else {
			d.syntaxError(data, err)
		}
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		d.errorf(extra.Line, "", "a second YAML document (after ---): put everything in one")
	} else if !errors.Is(err, io.EOF) {
		d.syntaxError(data, err)
	}
	if len(doc.Content) == 0 {
		d.errorf(0, "", "the file has no content")
		return nil
	}
	kb := &KB{File: d.file}
	d.root(kb, doc.Content[0])
	if !d.bomb {
		d.validate(kb)
	}
	return kb
}

// badUTF8Line is the line of the first byte that is not UTF-8.
func badUTF8Line(data []byte) int {
	line := 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		i += size
	}
	return line
}

func (d *decoder) root(kb *KB, n *yaml.Node) {
	var sawVersion, sawLang, sawEntries bool
	rootLine := n.Line
	for _, f := range d.mapping(n, "", "the top level") {
		switch f.key {
		case "version":
			sawVersion = true
			if v, ok := d.integer(f.val, "", "version"); ok {
				kb.Version = v
				if v != SchemaVersion {
					d.errorf(f.line, "", "version %d is not supported: this carebot reads version %d", v, SchemaVersion)
				}
			}
		case "language":
			sawLang = true
			kb.Language = d.lang(d.str(f.val, "", "language"), f.line, "", "language")
		case "clinic":
			kb.clinicLine = f.line
			d.clinic(&kb.Clinic, f.val)
		case "synonyms":
			kb.Synonyms = d.synonyms(f.val)
		case "entries":
			sawEntries = true
			kb.Entries = d.entries(f.val)
		default:
			d.errorf(f.line, "", "unknown field %q (want version, language, clinic, synonyms, entries)", f.key)
		}
	}
	if d.bomb {
		return
	}
	if !sawVersion {
		d.errorf(rootLine, "", "version is missing: add `version: %d`", SchemaVersion)
	}
	if !sawLang {
		d.errorf(rootLine, "", "language is missing: add `language: en` (the language of the entries)")
	}
	if !sawEntries {
		d.errorf(rootLine, "", "entries is missing: the file has no questions and answers")
	}
}

func (d *decoder) clinic(c *Clinic, n *yaml.Node) {
	for _, f := range d.mapping(n, "", "clinic") {
		what := "clinic." + f.key
		switch f.key {
		case "name":
			c.Name = d.str(f.val, "", what)
		case "phone":
			c.Phone = d.str(f.val, "", what)
		case "website":
			c.Website = d.str(f.val, "", what)
		case "emergency_number":
			c.EmergencyNumber = d.str(f.val, "", what)
		case "crisis_line":
			c.CrisisLine = d.str(f.val, "", what)
		default:
			d.errorf(f.line, "", "clinic: unknown field %q (want name, phone, website, emergency_number, crisis_line)", f.key)
		}
	}
}

func (d *decoder) synonyms(n *yaml.Node) [][]string {
	n = d.node(n)
	if n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null") {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		d.errorf(n.Line, "", "synonyms: want a list of groups, such as - [doctor, dr, physician], got %s", kindName(n))
		return nil
	}
	var out [][]string
	for i, g := range n.Content {
		what := fmt.Sprintf("synonyms group %d", i+1)
		words := d.strs(g, "", what)
		if g := d.node(g); g != nil && g.Kind == yaml.SequenceNode && len(g.Content) < 2 && len(words) == len(g.Content) {
			if len(words) == 0 {
				d.errorf(g.Line, "", "%s is empty", what)
			} else {
				d.errorf(g.Line, "", "%s has one word: a group needs at least two", what)
			}
		}
		if len(words) > 0 {
			out = append(out, texts(words))
		}
	}
	return out
}
