package admin

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// jsonFields are the keys of an appointment in a JSON file, and where each
// goes. Keys match in any case, as encoding/json's do.
var jsonFields = map[string]func(*Appointment) *string{
	"id":       func(a *Appointment) *string { return &a.ID },
	"patient":  func(a *Appointment) *string { return &a.Patient },
	"to":       func(a *Appointment) *string { return &a.To },
	"at":       func(a *Appointment) *string { return &a.At },
	"timezone": func(a *Appointment) *string { return &a.TimeZone },
	"location": func(a *Appointment) *string { return &a.Location },
	"status":   func(a *Appointment) *string { return &a.Status },
	// What 'appointments list --json' adds: its output imports again,
	// and a patient's answer is never imported.
	"response":     nil,
	"responded_at": nil,
}

const jsonKnown = "id, patient, to, at, timezone, location, status"

// jsonExample is the shape of a file, for messages.
const jsonExample = `[{"id": "A-1042", "patient": "telegram:12345", "at": "2026-12-01 14:30"}, ...]`

// readJSON reads a JSON list of appointments token by token, so that each
// problem is told with its own line and in words about the file, not Go's
// types: a value that is not an appointment, an unknown or repeated key, a
// value that is not text. Reading goes on after such a problem, and stops
// at the first that is not JSON.
func readJSON(data []byte) ([]Appointment, []int, []Problem) {
	r := jsonReader{data: data, dec: json.NewDecoder(bytes.NewReader(data))}
	r.dec.UseNumber()
	line := r.next()
	tok, err := r.dec.Token()
	if errors.Is(err, io.EOF) {
		return nil, nil, []Problem{{Line: 1, Problem: "the file is empty; want a list of appointments: " + jsonExample}}
	}
	if err != nil {
		return nil, nil, []Problem{r.syntax(err)}
	}
	if tok != json.Delim('[') {
		return nil, nil, []Problem{{Line: line, Problem: fmt.Sprintf("the file is %s; want a list of appointments: %s", kindOf(tok), jsonExample)}}
	}
	for items := 1; r.dec.More(); items++ {
		line := r.next()
		if items > maxImport {
			return nil, nil, []Problem{tooMany(line)}
		}
		tok, err := r.dec.Token()
		if err != nil {
			return r.stop(err)
		}
		if tok != json.Delim('{') {
			r.problem(line, fmt.Sprintf("%s is not an appointment; want one such as %s", kindOf(tok), strings.Trim(jsonExample, "[], .")))
			if d, ok := tok.(json.Delim); ok && d == '[' {
				if err := r.skipRest(); err != nil {
					return r.stop(err)
				}
			}
			continue
		}
		if err := r.object(line); err != nil {
			return r.stop(err)
		}
	}
	if _, err := r.dec.Token(); err != nil { // the list's "]"
		return r.stop(err)
	}
	if rest := bytes.TrimSpace(data[r.dec.InputOffset():]); len(rest) > 0 {
		r.problem(r.next(), "text after the end of the list: "+shown(string(rest)))
	}
	return r.appts, r.lines, r.probs
}

type jsonReader struct {
	data  []byte
	dec   *json.Decoder
	appts []Appointment
	lines []int
	probs []Problem
	// The line at offset off, where next last looked: each call counts
	// the line breaks from there on, not from the start of the file
	// (which took 44 s for a file of 50,000 appointments).
	off  int64
	line int
}

// next is the line of the next token: past the spaces, commas and colons
// after the last one.
func (r *jsonReader) next() int {
	off := r.dec.InputOffset()
	for off < int64(len(r.data)) && strings.IndexByte(" \t\r\n,:", r.data[off]) >= 0 {
		off++
	}
	if r.line == 0 || off < r.off {
		r.off, r.line = 0, 1
	}
	r.line += bytes.Count(r.data[r.off:off], []byte("\n"))
	r.off = off
	return r.line
}

func (r *jsonReader) problem(line int, msg string) {
	r.probs = append(r.probs, Problem{Line: line, Problem: msg})
}

// stop ends the reading at err, which is not JSON: what was found so far,
// and err.
func (r *jsonReader) stop(err error) ([]Appointment, []int, []Problem) {
	return r.appts, r.lines, append(r.probs, r.syntax(err))
}

// syntax says where and what the JSON mistake is.
func (r *jsonReader) syntax(err error) Problem {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return Problem{Line: lineAt(r.data, se.Offset), Problem: "not JSON: " + se.Error()}
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return Problem{Line: lineAt(r.data, int64(len(r.data))), Problem: "the file ends before the list does (a missing ] or })"}
	}
	return Problem{Line: r.next(), Problem: "not JSON: " + err.Error()}
}

// object reads one appointment, its "{" read, starting on line.
func (r *jsonReader) object(line int) error {
	var a Appointment
	var probs []Problem
	seen := map[string]int{} // key -> its line
	for r.dec.More() {
		kline := r.next()
		tok, err := r.dec.Token()
		if err != nil {
			return err
		}
		key, _ := tok.(string) // the decoder allows only strings here
		vline := r.next()
		var raw json.RawMessage
		if err := r.dec.Decode(&raw); err != nil {
			return err
		}
		name := strings.ToLower(key)
		field, known := jsonFields[name]
		if first, ok := seen[name]; ok {
			probs = append(probs, Problem{Line: kline, Problem: fmt.Sprintf("%s is given twice (first on line %d)", shown(key), first)})
			continue
		}
		seen[name] = kline
		if !known {
			probs = append(probs, Problem{Line: kline, Problem: fmt.Sprintf("unknown field %s (known: %s)", shown(key), jsonKnown)})
			continue
		}
		if field == nil {
			continue
		}
		switch raw[0] {
		case '"':
			json.Unmarshal(raw, field(&a)) // a valid string: the decoder read it
		case 'n': // null: as if absent
		default:
			probs = append(probs, Problem{Line: vline, field: name, Problem: notText(name, raw)})
		}
	}
	if _, err := r.dec.Token(); err != nil { // "}"
		return err
	}
	// The appointment is checked with the others (an id used twice), but
	// for the fields said wrong here.
	r.appts = append(r.appts, a)
	r.lines = append(r.lines, line)
	for _, p := range probs {
		p.ID, p.Item = strings.TrimSpace(a.ID), len(r.appts)
		r.probs = append(r.probs, p)
	}
	return nil
}

// skipRest reads past the end of a list or object whose opening token was
// just read.
func (r *jsonReader) skipRest() error {
	for depth := 1; depth > 0; {
		tok, err := r.dec.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('['), json.Delim('{'):
			depth++
		case json.Delim(']'), json.Delim('}'):
			depth--
		}
	}
	return nil
}

// kindOf names what a JSON token or value is, for a clinic's staff.
func kindOf(v any) string {
	switch v := v.(type) {
	case json.Delim:
		switch v {
		case '{':
			return "an object { }"
		case '[':
			return "a list [ ]"
		}
		return fmt.Sprintf("%q", string(v))
	case json.RawMessage:
		var tok any
		if err := json.NewDecoder(bytes.NewReader(v)).Decode(&tok); err == nil {
			switch tok.(type) {
			case map[string]any:
				return "an object { }"
			case []any:
				return "a list [ ]"
			}
			return kindOf(tok)
		}
		return "not text"
	case json.Number:
		return "a number (" + string(v) + ")"
	case float64:
		return fmt.Sprintf("a number (%v)", v)
	case bool:
		return fmt.Sprintf("%v, not text", v)
	case string:
		return "text (" + shown(v) + ")"
	case nil:
		return "null"
	}
	return fmt.Sprintf("%v", v)
}

// notText says that key name's value is not text, and how to write it.
func notText(name string, raw json.RawMessage) string {
	if c := raw[0]; c >= '0' && c <= '9' || c == '-' {
		return fmt.Sprintf(`%s is a number (%s); write it in quotes: "%s": "%s"`, name, raw, name, raw)
	}
	example := map[string]string{"id": "A-1042", "patient": "telegram:12345", "to": "telegram:12345", "at": "2026-12-01 14:30",
		"timezone": "America/New_York", "location": "Main Street", "status": "booked"}[name]
	return fmt.Sprintf(`%s is %s; want text in quotes, such as "%s": "%s"`, name, kindOf(raw), name, example)
}
