package faq

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"

	"github.com/carebot/carebot/yamlwalk"
)

// MaxFileSize is the largest faq.yaml Parse accepts. A real clinic's file is
// a few hundred kilobytes; the cap keeps a mistaken file (a log, a video)
// from being read into memory and indexed.
const MaxFileSize = 10 << 20

// Load reads, validates and indexes the faq.yaml at path. Errors name path.
func Load(path string) (*KB, error) {
	data, err := readCapped(path)
	if err != nil {
		return nil, fmt.Errorf("load faq: %w", err)
	}
	return Parse(path, data)
}

// readCapped reads at most MaxFileSize+1 bytes of path: enough for Parse
// to tell a file over the cap, never a whole mistaken file in memory. Its
// errors are os's, which name the path.
func readCapped(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, MaxFileSize+1))
}

// tooLarge is the problem of a file over MaxFileSize.
var tooLarge = fmt.Sprintf("the file is larger than %d MB; is it the right file?", MaxFileSize>>20)

// Parse validates a faq.yaml and builds its index. name is used in error
// messages (usually the file's path). On any problem it returns a nil KB
// and an Errors listing every problem found, sorted by line.
func Parse(name string, data []byte) (*KB, error) {
	d := newDecoder(name)
	kb := d.parse(data)
	if errs := d.errs(); len(errs) > 0 {
		return nil, sortedByLine(errs)
	}
	kb.index()
	return kb, nil
}

func (d *decoder) parse(data []byte) *KB {
	if len(data) > MaxFileSize {
		d.w.Errorf(0, "", "%s", tooLarge)
		return nil
	}
	data, ok := d.w.Text(data)
	if !ok {
		return nil
	}
	if len(bytes.TrimSpace(data)) == 0 {
		d.w.Errorf(0, "", "the file is empty")
		return nil
	}
	root, ok := d.w.Document(data)
	if !ok {
		return nil
	}
	if root == nil {
		d.w.Errorf(0, "", "the file has no content (only comments?)")
		return nil
	}
	kb := &KB{File: d.file}
	d.root(kb, root)
	if !d.w.Exhausted() {
		d.validate(kb)
	}
	return kb
}

// syntaxError reports a yaml.v3 parse error at the line staff should fix.
func (d *decoder) root(kb *KB, n *yaml.Node) {
	var sawVersion, sawLang, sawEntries bool
	rootLine := n.Line
	for _, f := range d.w.Mapping(n, "", "the top level") {
		switch f.Key {
		case "version":
			sawVersion = true
			if v, ok := d.w.Int(f.Value, "", "version"); ok {
				kb.Version = v
				if v != SchemaVersion {
					d.w.Errorf(f.Line, "", "version %d is not supported: this carebot reads version %d", v, SchemaVersion)
				}
			}
		case "language":
			sawLang = true
			kb.Language = d.lang(d.w.Str(f.Value, "", "language"), f.Line, "", "language")
		case "clinic":
			kb.clinicLine = f.Line
			d.clinic(&kb.Clinic, f.Value)
		case "synonyms":
			kb.Synonyms = d.synonyms(f.Value)
		case "entries":
			sawEntries = true
			kb.Entries = d.entries(f.Value)
		default:
			d.w.Errorf(f.Line, "", "unknown field %q (want version, language, clinic, synonyms, entries)", f.Key)
		}
	}
	if !sawVersion {
		d.w.Errorf(rootLine, "", "version is missing: add `version: %d`", SchemaVersion)
	}
	if !sawLang {
		d.w.Errorf(rootLine, "", "language is missing: add `language: en` (the language of the entries)")
	}
	if !sawEntries {
		d.w.Errorf(rootLine, "", "entries is missing: the file has no questions and answers")
	}
}

func (d *decoder) clinic(c *Clinic, n *yaml.Node) {
	for _, f := range d.w.Mapping(n, "", "clinic") {
		what := "clinic." + f.Key
		switch f.Key {
		case "name":
			c.Name = d.w.Str(f.Value, "", what)
		case "phone":
			c.Phone = d.w.Str(f.Value, "", what)
			if c.Phone != "" && digits(c.Phone) < 3 {
				d.w.Errorf(f.Line, "", "%s %q is not a phone number: the fallback reply tells patients to call it", what, c.Phone)
			}
		case "website":
			c.Website = d.w.Str(f.Value, "", what)
			if c.Website != "" {
				if why := webAddress(c.Website); why != "" {
					d.w.Errorf(f.Line, "", "%s %q is not a web address patients can open: %s (such as https://clinic.example)", what, c.Website, why)
				}
			}
		case "emergency_number":
			c.EmergencyNumber = d.number(f, what, "the emergency reply")
		case "crisis_line":
			c.CrisisLine = d.number(f, what, "the crisis reply")
		default:
			d.w.Errorf(f.Line, "", "clinic: unknown field %q (want name, phone, website, emergency_number, crisis_line)", f.Key)
		}
	}
}

// number reads an emergency or crisis number (empty: the default, 911
// or 988), which a reply that may save a life tells patients to call: a
// number to dial and nothing else, "112" or "+1 (800) 273-8255".
func (d *decoder) number(f yamlwalk.Field, what, reply string) string {
	s := d.w.Str(f.Value, "", what)
	if s == "" {
		return ""
	}
	if strings.ContainsFunc(s, func(r rune) bool { return !strings.ContainsRune("0123456789 +-.()", r) }) || digits(s) < 2 {
		d.w.Errorf(f.Line, "", "%s %q is not a number to dial: %s tells patients to call it (digits, spaces and + - . ( ) only)", what, s, reply)
	}
	return s
}

// webAddress says what is wrong with s as the clinic's website, which
// replies tell patients to visit, or "" if nothing is. A bare host
// ("clinic.example") is fine: chat apps link it and people type it.
func webAddress(s string) string {
	if strings.ContainsFunc(s, unicode.IsSpace) {
		return "it has spaces"
	}
	raw := s
	if !strings.Contains(s, "://") {
		if i := strings.IndexByte(s, ':'); i >= 0 && !strings.Contains(s[:i], ".") {
			return fmt.Sprintf("%s: is not a web address", s[:i])
		}
		raw = "https://" + s
	}
	u, err := url.Parse(raw)
	switch {
	case err != nil:
		return "it cannot be read as an address"
	case u.Scheme != "http" && u.Scheme != "https":
		return fmt.Sprintf("%s:// is not a web address, want https://", u.Scheme)
	case u.User != nil:
		return "it holds a user name"
	case !strings.Contains(strings.Trim(u.Hostname(), "."), "."):
		return fmt.Sprintf("%q is not a host name", u.Hostname())
	}
	return ""
}

// digits counts the digits of s.
func digits(s string) int {
	n := 0
	for _, r := range s {
		if '0' <= r && r <= '9' {
			n++
		}
	}
	return n
}

func (d *decoder) synonyms(n *yaml.Node) [][]string {
	var out [][]string
	for i, g := range d.w.List(n, "", "synonyms", "a list of groups, such as - [doctor, dr, physician]") {
		what := fmt.Sprintf("synonyms group %d", i+1)
		words := d.w.Strs(g, "", what)
		if g := d.w.Node(g); g != nil && g.Kind == yaml.SequenceNode && len(g.Content) < 2 && len(words) == len(g.Content) {
			if len(words) == 0 {
				d.w.Errorf(g.Line, "", "%s is empty", what)
			} else {
				d.w.Errorf(g.Line, "", "%s has one word: a group needs at least two", what)
			}
		}
		if len(words) > 0 {
			out = append(out, yamlwalk.Texts(words))
			d.synonymItems = append(d.synonymItems, words)
		}
	}
	return out
}
