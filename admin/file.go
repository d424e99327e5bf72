package admin

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// csvColumns are the columns an appointments CSV may have; id, patient and
// at are required. The header row names them, in any order.
var csvColumns = []string{"id", "patient", "to", "at", "timezone", "location", "status"}

// bom is the byte order mark some editors (Excel's "CSV UTF-8") put first.
const bom = "\ufeff"

// ReadAppointments reads an appointments file, CSV or JSON by its
// extension, and returns the appointments with the line each starts on.
// Every problem is reported with the file and line, all at once: the
// error is a *Problems when the file could be read.
func ReadAppointments(name string, r io.Reader) ([]Appointment, []int, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxBody+1))
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(data) > maxBody {
		return nil, nil, fmt.Errorf("%s: over %d MB; split it", name, maxBody>>20)
	}
	ext := strings.ToLower(filepath.Ext(name))
	if ext != ".csv" && ext != ".json" {
		return nil, nil, fmt.Errorf("%s: want a .csv or .json file", name)
	}
	if probs := encodingProblems(data); len(probs) > 0 {
		// Read as UTF-8, such a file's accents are misread, or worse:
		// first it must be saved again.
		return nil, nil, &Problems{File: name, List: probs}
	}
	data = bytes.TrimPrefix(data, []byte(bom)) // no line break in it: lines stay
	var appts []Appointment
	var lines []int
	var probs []Problem
	if ext == ".csv" {
		appts, lines, probs = readCSV(data)
	} else {
		appts, lines, probs = readJSON(data)
	}
	// The bot reads a local time without a zone in the clinic's; UTC here
	// is as good to check that it is a time.
	_, more := checkAppointments(appts, lines, time.UTC)
	for _, p := range more {
		if !slices.ContainsFunc(probs, func(q Problem) bool { return q.field != "" && q.field == p.field && q.Item == p.Item }) {
			probs = append(probs, p) // unless reading said what is wrong with that field
		}
	}
	if len(probs) > 0 {
		sortProblems(probs)
		return nil, nil, &Problems{File: name, List: probs}
	}
	return appts, lines, nil
}

// encodingProblems names each line that is not UTF-8: a file saved as
// Latin-1 or Windows-1252 would store "Café" as "Caf\xe9".
func encodingProblems(data []byte) []Problem {
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		return []Problem{{Line: 1, Problem: "the file is UTF-16 text (Excel's \"Unicode Text\"); save it as UTF-8 (Excel's \"CSV UTF-8\") and import it again"}}
	}
	if utf8.Valid(data) {
		return nil
	}
	var probs []Problem
	for i, line := range bytes.Split(data, []byte("\n")) {
		if !utf8.Valid(line) {
			probs = append(probs, Problem{Line: i + 1, Problem: "this line is not UTF-8 text (was the file saved as Latin-1 or Windows-1252?); save the file as UTF-8 and import it again"})
		}
	}
	return probs
}

// readCSV reads the rows of an appointments CSV, and every problem of its
// header and rows: a row with a quote out of place or the wrong number of
// values is reported and left out, and reading goes on.
func readCSV(data []byte) ([]Appointment, []int, []Problem) {
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1 // counted here, to say more than "wrong number of fields"
	cr.TrimLeadingSpace = true
	lastLine := bytes.Count(bytes.TrimRight(data, "\r\n"), []byte("\n")) + 1
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, nil, []Problem{{Line: 1, Problem: "the file is empty; want a header row such as id,patient,at,timezone,location,status"}}
	}
	if err != nil {
		return nil, nil, []Problem{csvProblem(err, data, lastLine)}
	}
	if p, ok := otherSeparator(header); ok {
		return nil, nil, []Problem{p}
	}
	col := map[string]int{}
	var probs []Problem
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		j, dup := col[h]
		switch {
		case h == "":
			probs = append(probs, Problem{Line: 1, Problem: fmt.Sprintf("column %d of the header has no name (known: %s)", i+1, strings.Join(csvColumns, ", "))})
		case !slices.Contains(csvColumns, h):
			probs = append(probs, Problem{Line: 1, Problem: fmt.Sprintf("unknown column %s (known: %s)", shown(h), strings.Join(csvColumns, ", "))})
		case dup:
			probs = append(probs, Problem{Line: 1, Problem: fmt.Sprintf("column %q is in the header twice (columns %d and %d)", h, j+1, i+1)})
		default:
			col[h] = i
		}
	}
	for _, req := range []string{"id", "patient", "at"} {
		if _, ok := col[req]; !ok {
			probs = append(probs, Problem{Line: 1, Problem: fmt.Sprintf("no %q column (the header needs id, patient and at)", req)})
		}
	}
	for _, req := range []string{"id", "patient", "at"} {
		if _, ok := col[req]; !ok {
			return nil, nil, probs // every row would say so again
		}
	}
	var appts []Appointment
	var lines []int
	rows := 0 // but blank ones
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if rows++; rows > maxImport {
				return nil, nil, []Problem{tooMany(csvProblem(err, data, lastLine).Line)}
			}
			probs = append(probs, csvProblem(err, data, lastLine))
			continue
		}
		line, _ := cr.FieldPos(0)
		if blank(rec) {
			continue // a spreadsheet's empty row: ",,,,"
		}
		if rows++; rows > maxImport {
			return nil, nil, []Problem{tooMany(line)}
		}
		if n := len(rec); n > len(header) {
			probs = append(probs, Problem{Line: line, Problem: fmt.Sprintf("%d values, but the header has %d columns: a value with a comma in it needs quotes (\"Suite 2, 3rd floor\")", n, len(header))})
			continue
		} else if n < len(header) {
			probs = append(probs, Problem{Line: line, Problem: fmt.Sprintf("%d values, but the header has %d columns: an empty value still needs its comma", n, len(header))})
			continue
		}
		get := func(c string) string {
			if i, ok := col[c]; ok {
				return rec[i]
			}
			return ""
		}
		appts = append(appts, Appointment{ID: get("id"), Patient: get("patient"), To: get("to"), At: get("at"),
			TimeZone: get("timezone"), Location: get("location"), Status: get("status")})
		lines = append(lines, line)
	}
	return appts, lines, probs
}

// tooMany refuses a file whose appointment number maxImport+1 starts on
// line: the rest of it is not read, nor checked.
func tooMany(line int) Problem {
	return Problem{Line: line, Problem: fmt.Sprintf("more than %d appointments (number %d starts on this line); at most %d in one import: split the file",
		maxImport, maxImport+1, maxImport)}
}

// otherSeparator finds a file separated by semicolons or tabs (Excel
// saves "CSV" with semicolons where a comma is the decimal mark, and copies
// cells with tabs): its header is one column holding the names. Every row
// would be wrong the same way, so that is the one problem to report.
func otherSeparator(header []string) (Problem, bool) {
	if len(header) != 1 {
		return Problem{}, false
	}
	for _, sep := range []struct{ char, name string }{{";", "semicolons"}, {"\t", "tabs"}} {
		if strings.Contains(header[0], sep.char) {
			return Problem{Line: 1, Problem: fmt.Sprintf("the values are separated by %s, not commas: save the file as CSV with commas "+
				"(in Excel: \"CSV UTF-8 (Comma delimited)\") and import it again", sep.name)}, true
		}
	}
	return Problem{}, false
}

// csvProblem says in a clinic's words what encoding/csv found wrong.
// lastLine is the file's last line: a quote still open there was never
// closed.
func csvProblem(err error, data []byte, lastLine int) Problem {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return Problem{Problem: err.Error()}
	}
	p := Problem{Line: pe.StartLine}
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		p.Problem = `a " inside a value that does not start with one: put the whole value in quotes and double the " inside ("Dr ""Jo"" Smith")`
	case errors.Is(pe.Err, csv.ErrQuote) && pe.Line >= lastLine && oddQuotesFrom(data, pe.StartLine):
		// At the end of the file with a quote left open (on one line or
		// more), not text after a closing quote.
		p.Problem = `a value in quotes starts on this line and its closing " is missing`
	case errors.Is(pe.Err, csv.ErrQuote):
		p.Line = pe.Line
		p.Problem = `text after a value's closing ": a value in quotes must end at its quote, and a " inside it is written ""`
	default:
		p.Problem = pe.Err.Error()
	}
	return p
}

// oddQuotesFrom reports whether data holds an odd number of " from the
// start of its line n (1-based) to its end: a quoted value left open.
func oddQuotesFrom(data []byte, n int) bool {
	off := 0
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(data[off:], '\n')
		if j < 0 {
			return false
		}
		off += j + 1
	}
	return bytes.Count(data[off:], []byte{'"'})%2 == 1
}

// blank reports whether every value of rec is empty or spaces.
func blank(rec []string) bool {
	for _, v := range rec {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

func lineAt(data []byte, off int64) int {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	return bytes.Count(data[:off], []byte("\n")) + 1
}
