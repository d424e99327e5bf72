package admin

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"
)

// csvColumns are the columns an appointments CSV may have; id, patient and
// at are required. The header row names them, in any order.
var csvColumns = []string{"id", "patient", "to", "at", "timezone", "location", "status"}

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
	var appts []Appointment
	var lines []int
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv":
		appts, lines, err = readCSV(name, data)
	case ".json":
		appts, lines, err = readJSON(name, data)
	default:
		return nil, nil, fmt.Errorf("%s: want a .csv or .json file", name)
	}
	if err != nil {
		return nil, nil, err
	}
	// The bot reads a local time without a zone in the clinic's; UTC here
	// is as good to check that it is a time.
	if _, probs := checkAppointments(appts, lines, time.UTC); len(probs) > 0 {
		return nil, nil, &Problems{File: name, List: probs}
	}
	return appts, lines, nil
}

func readCSV(name string, data []byte) ([]Appointment, []int, error) {
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	header, err := cr.Read()
	if err != nil {
		return nil, nil, fmt.Errorf("%s:1: no header row (want %s)", name, strings.Join(csvColumns, ","))
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		known := false
		for _, c := range csvColumns {
			known = known || h == c
		}
		if !known {
			return nil, nil, fmt.Errorf("%s:1: unknown column %q (known: %s)", name, h, strings.Join(csvColumns, ", "))
		}
		col[h] = i
	}
	for _, req := range []string{"id", "patient", "at"} {
		if _, ok := col[req]; !ok {
			return nil, nil, fmt.Errorf("%s:1: no %q column", name, req)
		}
	}
	var appts []Appointment
	var lines []int
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %v", name, err)
		}
		line, _ := cr.FieldPos(0)
		get := func(c string) string {
			if i, ok := col[c]; ok && i < len(rec) {
				return rec[i]
			}
			return ""
		}
		appts = append(appts, Appointment{ID: get("id"), Patient: get("patient"), To: get("to"), At: get("at"),
			TimeZone: get("timezone"), Location: get("location"), Status: get("status")})
		lines = append(lines, line)
	}
	return appts, lines, nil
}

func readJSON(name string, data []byte) ([]Appointment, []int, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var appts []Appointment
	if err := dec.Decode(&appts); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return nil, nil, fmt.Errorf("%s:%d: %v", name, lineAt(data, se.Offset), err)
		case errors.As(err, &te):
			return nil, nil, fmt.Errorf("%s:%d: %v", name, lineAt(data, te.Offset), err)
		}
		return nil, nil, fmt.Errorf("%s: %v (want a list of appointments)", name, err)
	}
	// Each object's line: where its opening brace is.
	lines := make([]int, 0, len(appts))
	depth, inString, escaped := 0, false, false
	for i, b := range data {
		switch {
		case escaped:
			escaped = false
		case inString && b == '\\':
			escaped = true
		case b == '"':
			inString = !inString
		case inString:
		case b == '{':
			if depth == 1 {
				lines = append(lines, lineAt(data, int64(i)))
			}
			depth++
		case b == '}':
			depth--
		case b == '[':
			depth++
		case b == ']':
			depth--
		}
	}
	for len(lines) < len(appts) {
		lines = append(lines, 0)
	}
	return appts, lines, nil
}

func lineAt(data []byte, off int64) int {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	return bytes.Count(data[:off], []byte("\n")) + 1
}
