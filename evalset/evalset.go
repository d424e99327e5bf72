// Package evalset reads the labelled messages that measure carebot's
// answers: one JSON object per line, {"q": message, "want": expected,
// "lang": "es"}, as ../shared/eval/README.md defines them. carebot eval,
// the faq package's quality tests and the bleve comparison in bench/ all
// read them through it.
package evalset

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
)

// The safety labels a "want" may hold instead of entry ids.
const (
	Crisis    = "crisis"    // "!crisis": the crisis-line reply
	Emergency = "emergency" // "!emergency": the 911 reply
	NoSafety  = "none"      // "!none": must not get a safety reply
)

// Query is one labelled message.
type Query struct {
	File string
	Line int
	Q    string
	Lang string // "" when the file does not say
	// Want are the entry ids any of which is a right answer. Empty, with
	// no Label, means out of scope: the bot must not answer it.
	Want []string
	// Label is Crisis, Emergency or NoSafety for a safety line, else "".
	Label string
}

// InScope reports whether q should be answered from the knowledge base.
func (q Query) InScope() bool { return q.Label == "" && len(q.Want) > 0 }

// Right reports whether id is a right answer to q.
func (q Query) Right(id string) bool { return slices.Contains(q.Want, id) }

// maxLine is the longest line Read accepts.
const maxLine = 1 << 20

// Read reads a queries file. A bad line is an error naming the file and
// line; blank lines and lines starting with # are skipped, and so is a
// byte order mark at the start (Windows editors add one).
func Read(path string) ([]Query, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Query
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), maxLine)
	n := 0
	for sc.Scan() {
		n++
		text := strings.TrimSpace(sc.Text())
		if n == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		q, err := parse(text)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, n, err)
		}
		q.File, q.Line = path, n
		out = append(out, q)
	}
	if err := sc.Err(); errors.Is(err, bufio.ErrTooLong) {
		return nil, fmt.Errorf("%s:%d: the line is longer than %d MB", path, n+1, maxLine>>20)
	} else if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

func parse(text string) (Query, error) {
	var raw struct {
		Q    *string         `json:"q"`
		Want json.RawMessage `json:"want"`
		Lang string          `json:"lang"`
	}
	if !strings.HasPrefix(text, "{") {
		return Query{}, fmt.Errorf(`want a JSON object such as {"q": "...", "want": "entry-id"}`)
	}
	if err := json.Unmarshal([]byte(text), &raw); err != nil {
		var typ *json.UnmarshalTypeError
		if errors.As(err, &typ) && typ.Field != "" {
			return Query{}, fmt.Errorf("%q must be a string", typ.Field)
		}
		return Query{}, err
	}
	if raw.Q == nil {
		return Query{}, fmt.Errorf(`no "q"`)
	}
	if len(raw.Want) == 0 {
		return Query{}, fmt.Errorf(`no "want"`)
	}
	q := Query{Q: *raw.Q, Lang: raw.Lang}
	var one string
	if err := json.Unmarshal(raw.Want, &one); err != nil {
		if err := json.Unmarshal(raw.Want, &q.Want); err != nil {
			return Query{}, fmt.Errorf(`"want" must be a string or a list of strings`)
		}
		return q, nil
	}
	switch label, isLabel := strings.CutPrefix(one, "!"); {
	case one == "":
	case !isLabel:
		q.Want = []string{one}
	case label == Crisis || label == Emergency || label == NoSafety:
		q.Label = label
	default:
		return Query{}, fmt.Errorf("unknown label %q", one)
	}
	return q, nil
}
