package admin

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestReadAppointmentsCSV(t *testing.T) {
	csv := "id,patient,at,timezone,location,status\n" +
		"A1,telegram:100,2026-12-01 14:30,America/New_York,Main St,booked\n" +
		"\"A2\",console:local,2026-12-02T09:00:00Z,,\"Suite 2, 3rd floor\",\n"
	appts, lines, err := ReadAppointments("appts.csv", strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	if len(appts) != 2 || appts[1].Location != "Suite 2, 3rd floor" || lines[0] != 2 || lines[1] != 3 {
		t.Errorf("got %+v at lines %v", appts, lines)
	}
}

func TestReadAppointmentsErrorsNameTheLine(t *testing.T) {
	tests := []struct {
		name, data string
		want       []string
	}{
		{"a.csv", "id,patient,at\nA1,telegram:1,2026-12-01 14:30\nA2,bob,2026-12-01 14:30\nA3,telegram:3,soon\n",
			[]string{"a.csv:3: appointment \"A2\": patient", "a.csv:4: appointment \"A3\": at \"soon\""}},
		{"a.csv", "id,patient,when\n", []string{"a.csv:1: unknown column \"when\""}},
		{"a.csv", "id,patient\n", []string{"a.csv:1: no \"at\" column"}},
		{"a.csv", "", []string{"a.csv:1: the file is empty; want a header row"}},
		{"a.csv", "id,patient,at\n\"A1,telegram:1\n", []string{"a.csv:"}},
		{"a.json", "[\n {\"id\": \"A1\", \"patient\": \"telegram:1\", \"at\": \"2026-12-01 14:30\"},\n {\"id\": \"A2\", \"patient\": \"telegram:2\", \"at\": \"2026-13-01 14:30\"}\n]",
			[]string{"a.json:3: appointment \"A2\": at"}},
		{"a.json", "[{\"id\": \"A1\", \"nope\": 1}]", []string{"a.json:1: appointment \"A1\": unknown field \"nope\""}},
		{"a.json", "[\n{\"id\": 5}]", []string{"a.json:2:"}},
		{"a.json", "{", []string{"a.json:"}},
		{"a.txt", "x", []string{"want a .csv or .json file"}},
	}
	for _, tt := range tests {
		_, _, err := ReadAppointments(tt.name, strings.NewReader(tt.data))
		if err == nil {
			t.Errorf("%s %q: no error", tt.name, tt.data)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s %q: error %q does not contain %q", tt.name, tt.data, err, w)
			}
		}
	}
}

func TestLoadTokenCreatesAndReuses(t *testing.T) {
	path := filepath.Join(t.TempDir(), "admin.token")
	none := func(string) string { return "" }
	tok, created, err := LoadToken(none, path)
	if err != nil || !created || len(tok) < minToken {
		t.Fatalf("first: %q %v %v", tok, created, err)
	}
	again, err := ReadToken(none, path)
	if err != nil || again != tok {
		t.Errorf("client read %q, %v; want the bot's token", again, err)
	}
	env := func(k string) string {
		if k == TokenEnv {
			return "short"
		}
		return ""
	}
	if _, _, err := LoadToken(env, path); err == nil {
		t.Error("a 5-character token was accepted")
	}
	if _, err := ReadToken(none, filepath.Join(t.TempDir(), "none")); err == nil || !strings.Contains(err.Error(), TokenEnv) {
		t.Errorf("no token anywhere: %v", err)
	}
	os.Chmod(path, 0o644)
	if _, _, err := LoadToken(none, path); err == nil {
		t.Error("a world-readable token file was used")
	}
}

func FuzzReadAppointments(f *testing.F) {
	f.Add("a.csv", "id,patient,at\nA1,telegram:1,2026-12-01 14:30\n")
	f.Add("a.json", `[{"id":"A1","patient":"telegram:1","at":"2026-12-01T14:30:00Z"}]`)
	f.Add("a.json", "[{\"id\":\"\\\"{\"}]")
	f.Add("a.csv", "\ufeffid,patient,at\n\"\n")
	f.Add("a.json", "[\n null,\n {\"id\": 5, \"x\": [1, {}]}\n] tail")
	f.Fuzz(func(t *testing.T, name, data string) {
		appts, lines, err := ReadAppointments(name, strings.NewReader(data))
		if err == nil && len(appts) != len(lines) {
			t.Fatalf("%d appointments but %d lines", len(appts), len(lines))
		}
		// Every problem of a file is on one of its lines.
		var probs *Problems
		if errors.As(err, &probs) {
			n := strings.Count(data, "\n") + 1
			for _, p := range probs.List {
				if p.Line < 1 || p.Line > n {
					t.Fatalf("a problem on line %d of %d: %v", p.Line, n, err)
				}
			}
		}
	})
}

// An id used twice in one file is a problem, reported on its second use:
// which row would win is a guess.
func TestReadAppointmentsRefusesAnIDUsedTwice(t *testing.T) {
	for _, tt := range []struct{ name, data, want string }{
		{"d.csv", "id,patient,at\nD-1,telegram:1,2026-12-01 14:30\nD-1,telegram:2,2026-12-02 14:30\n",
			"d.csv:3: appointment \"D-1\": id is used twice (first on line 2)\nd.csv: 1 problem; nothing was imported"},
		{"d.json", "[\n {\"id\": \"D-1\", \"patient\": \"telegram:1\", \"at\": \"2026-12-01 14:30\"},\n" +
			" {\"id\": \"D-1\", \"patient\": \"telegram:2\", \"at\": \"2026-12-02 14:30\"}\n]",
			"d.json:3: appointment \"D-1\": id is used twice (first on line 2)\nd.json: 1 problem; nothing was imported"},
	} {
		appts, _, err := ReadAppointments(tt.name, strings.NewReader(tt.data))
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s: got %d appointments, error %v; want\n%s", tt.name, len(appts), err, tt.want)
		}
	}
}

// Every problem of a CSV file is listed, each with its line, whatever
// kind: rows with too few or too many values, quotes out of place, a
// header naming a column twice, and the values' own problems.
func TestReadAppointmentsCSVListsEveryProblem(t *testing.T) {
	tests := []struct {
		name, data string
		want       []string // every problem, in order
	}{
		{"short and long rows", "id,patient,at,location\n" +
			"A1,telegram:1,2026-12-01 14:30\n" + // no location: one comma short
			"A2,telegram:2,2026-12-01 14:30,Suite 2, 3rd floor\n" +
			"A3,telegram:3,2026-12-01 14:30,Main St\n",
			[]string{"c.csv:2: 3 values, but the header has 4 columns: an empty value still needs its comma",
				"c.csv:3: 5 values, but the header has 4 columns: a value with a comma in it needs quotes"}},
		{"a column twice", "id,id,patient,at\nA1,A2,telegram:1,2026-12-01 14:30\n",
			[]string{`c.csv:1: column "id" is in the header twice (columns 1 and 2)`}},
		{"header problems and row problems", "id,patient,at,,colour\nA1,bob,2026-12-01 14:30,,red\n",
			[]string{"c.csv:1: column 4 of the header has no name", `c.csv:1: unknown column "colour"`,
				`c.csv:2: appointment "A1": patient "bob" is not PLATFORM:USER`}},
		{"no at column", "id,patient,when\nA1,telegram:1,soon\n",
			[]string{`c.csv:1: unknown column "when"`, `c.csv:1: no "at" column`}},
		{"quotes", "id,patient,at,location\n" +
			"A1,telegram:1,2026-12-01 14:30,Dr \"Jo\" Smith\n" +
			"A2,telegram:2,2026-12-01 14:30,\"Main\" St\n" +
			"A3,telegram:3,2026-12-01 14:30,\"Main St\n" +
			"A4,telegram:4,2026-12-01 14:30,Main St\n",
			[]string{`c.csv:2: a " inside a value that does not start with one`,
				`c.csv:3: text after a value's closing "`,
				`c.csv:4: a value in quotes starts on this line and its closing " is missing`}},
		// QA: an open quote on the last line was "text after a value's
		// closing quote", with or without a newline after it.
		{"open quote on the last line", "id,patient,at\n\"A1,telegram:1,2026-12-01 10:00\n",
			[]string{`c.csv:2: a value in quotes starts on this line and its closing " is missing`}},
		{"open quote at the very end", "id,patient,at\n\"A1,telegram:1,2026-12-01 10:00",
			[]string{`c.csv:2: a value in quotes starts on this line and its closing " is missing`}},
		{"text after a quote on the last line", "id,patient,at\n\"A1\"x,telegram:1,2026-12-01 10:00\n",
			[]string{`c.csv:2: text after a value's closing "`}},
		{"ten bad rows", "id,patient,at,timezone,location,status\n" +
			"B1,telegram:1,2026-12-01 14:30,,,\n" +
			",telegram:2,2026-12-01 14:30,,,\n" +
			"B3,bob,2026-12-01 14:30,,,\n" +
			"B4,telegram:4,soon,,,\n" +
			"B5,telegram:5,2026-12-01 14:30,Moon/Base,,\n" +
			"B6,telegram:6,2026-12-01 14:30,,,maybe\n" +
			"B7,telegram:7,2026-12-01 14:30\n" +
			"B8,telegram:8,2026-12-01 14:30,,,,,\n" +
			"B1,telegram:9,2026-12-01 14:30,,,\n" +
			"B10,telegram:10,2026-12-01 14:30,,\"a\"x,\n" +
			"B11,telegram:11,2026-12-01 14:30,,,\n" +
			"B12,telegram:12,3026-12-01 14:30,,,\n",
			[]string{"c.csv:3: id is empty", `c.csv:4: appointment "B3": patient`, `c.csv:5: appointment "B4": at "soon"`,
				`c.csv:6: appointment "B5": timezone "Moon/Base"`, `c.csv:7: appointment "B6": status "maybe"`,
				"c.csv:8: 3 values", "c.csv:9: 8 values", `c.csv:10: appointment "B1": id is used twice (first on line 2)`,
				`c.csv:11: text after a value's closing "`, `c.csv:13: appointment "B12": at "3026-12-01 14:30" is in the year 3026`}},
	}
	for _, tt := range tests {
		wantProblems(t, tt.name, "c.csv", tt.data, tt.want)
	}
}

// wantProblems reads data as file and checks that it is refused with the
// problems want, in order (each the start of one line of the error); it
// returns the error, nil when there were no problems.
func wantProblems(t *testing.T, name, file, data string, want []string) error {
	t.Helper()
	appts, _, err := ReadAppointments(file, strings.NewReader(data))
	var probs *Problems
	if !errors.As(err, &probs) {
		t.Errorf("%s: got %d appointments, %v; want problems", name, len(appts), err)
		return nil
	}
	if len(probs.List) != len(want) {
		t.Errorf("%s: got %d problems, want %d:\n%v", name, len(probs.List), len(want), err)
	}
	got := strings.Split(err.Error(), "\n")
	for i, w := range want {
		if i >= len(got) || !strings.HasPrefix(got[i], w) {
			t.Errorf("%s: problem %d: got\n%s\nwant it to start %q", name, i+1, err, w)
			break
		}
	}
	return err
}

// A file saved as Latin-1 (or UTF-16) is refused with the lines it cannot
// read and what to do, not stored as "Caf\xe9". A byte order mark is fine,
// and rows with nothing in them are left out.
func TestReadAppointmentsWantsUTF8(t *testing.T) {
	latin1 := "id,patient,at,location\nA1,telegram:1,2026-12-01 14:30,Main St\nA2,telegram:2,2026-12-01 14:30,Caf\xe9 du Parc\n" +
		"A3,telegram:3,2026-12-01 14:30,Cl\xednica\n"
	_, _, err := ReadAppointments("l.csv", strings.NewReader(latin1))
	want := "l.csv:3: this line is not UTF-8 text (was the file saved as Latin-1 or Windows-1252?); save the file as UTF-8 and import it again\n" +
		"l.csv:4: this line is not UTF-8 text (was the file saved as Latin-1 or Windows-1252?); save the file as UTF-8 and import it again\n" +
		"l.csv: 2 problems; nothing was imported"
	if err == nil || err.Error() != want {
		t.Errorf("Latin-1: got %v\nwant %s", err, want)
	}
	for _, name := range []string{"l.csv", "l.json"} {
		_, _, err = ReadAppointments(name, strings.NewReader("\xff\xfei\x00d\x00"))
		if err == nil || !strings.Contains(err.Error(), name+":1: the file is UTF-16 text") {
			t.Errorf("UTF-16 %s: got %v", name, err)
		}
	}
	appts, lines, err := ReadAppointments("b.csv", strings.NewReader("\ufeffid,patient,at,location\n,,,\nA1,telegram:1,2026-12-01 14:30,Café\n  \n"))
	if err != nil || len(appts) != 1 || appts[0].Location != "Café" || lines[0] != 3 {
		t.Errorf("a BOM and blank rows: got %+v at %v, %v", appts, lines, err)
	}
}

// Every problem of a JSON file is listed with its own line, in words about
// the file rather than Go's types, and nothing after the list is ignored.
func TestReadAppointmentsJSONListsEveryProblem(t *testing.T) {
	ok := `{"id": "OK-1", "patient": "telegram:1", "at": "2026-12-01 14:30"}`
	tests := []struct {
		name, data string
		want       []string // every problem, in order
	}{
		{"text after the list", "[" + ok + "] this is not json",
			[]string{`x.json:1: text after the end of the list: "this is not json"`}},
		{"a second list after the list", "[" + ok + "]\n[" + ok + "]\n",
			[]string{`x.json:2: text after the end of the list: "[{\"id\": \"OK-1\"`}},
		{"an unknown field and other rows' problems", "[\n " + ok + ",\n {\"id\": \"C-1\", \"patient\": \"telegram:2\",\n  \"at\": \"2026-12-01 14:30\",\n  \"colour\": \"red\"},\n" +
			" {\"id\": \"C-2\", \"patient\": \"bob\", \"at\": \"2026-12-01 14:30\"}\n]",
			[]string{`x.json:5: appointment "C-1": unknown field "colour" (known: id, patient, to, at, timezone, location, status)`,
				`x.json:6: appointment "C-2": patient "bob" is not PLATFORM:USER`}},
		{"values that are not text", "[\n {\"id\": 5, \"patient\": \"telegram:1\", \"at\": \"2026-12-01 14:30\"},\n" +
			" {\"id\": \"T-2\", \"patient\": [\"telegram:2\"],\n  \"at\": true, \"location\": {\"street\": \"Main\"}}\n]",
			[]string{`x.json:2: id is a number (5); write it in quotes: "id": "5"`,
				`x.json:3: appointment "T-2": patient is a list [ ]; want text in quotes, such as "patient": "telegram:12345"`,
				`x.json:4: appointment "T-2": at is true, not text; want text in quotes, such as "at": "2026-12-01 14:30"`,
				`x.json:4: appointment "T-2": location is an object { }; want text in quotes`}},
		{"a null and others not appointments", "[\n null,\n " + ok + ",\n {\"id\":\"N-2\",\"patient\":\"bad\",\"at\":\"2026-12-01 14:30\"},\n" +
			" \"N-3\",\n [1, [2]],\n 7\n]",
			[]string{`x.json:2: null is not an appointment; want one such as {"id": "A-1042"`,
				`x.json:4: appointment "N-2": patient "bad" is not PLATFORM:USER`,
				`x.json:5: text ("N-3") is not an appointment`, `x.json:6: a list [ ] is not an appointment`,
				`x.json:7: a number (7) is not an appointment`}},
		{"not a list", "\n{\"id\": \"A1\"}", []string{`x.json:2: the file is an object { }; want a list of appointments: [{"id"`}},
		{"empty", " \n", []string{"x.json:1: the file is empty; want a list of appointments"}},
		{"a key twice", "[{\"id\": \"K-1\", \"patient\": \"telegram:1\",\n\"at\": \"2026-12-01 14:30\", \"ID\": \"K-2\"}]",
			[]string{`x.json:2: appointment "K-1": "ID" is given twice (first on line 1)`}},
		{"not JSON part way", "[\n " + ok + ",\n {\"id\": \"S-1\", \"patient\": \"bob\", \"at\": \"2026-12-01 14:30\"},\n {\"id\": \"S-2\"\n  \"at\": \"x\"}\n]",
			[]string{`x.json:3: appointment "S-1": patient "bob"`, `x.json:5: not JSON: invalid character '"' after object key:value pair`}},
		{"cut short", "[\n " + ok + ",\n {\"id\": \"S-1\",", []string{`x.json:3: the file ends before the list does (a missing ] or })`}},
	}
	for _, tt := range tests {
		err := wantProblems(t, tt.name, "x.json", tt.data, tt.want)
		if err == nil {
			continue
		}
		for _, goName := range []string{"Go ", "struct", "admin.", "unmarshal", " json: "} {
			if strings.Contains(err.Error(), goName) {
				t.Errorf("%s: %q speaks Go: %v", tt.name, goName, err)
			}
		}
	}
}

// A JSON file may start with a byte order mark, and what 'appointments
// list --json' prints imports again (the patients' answers are not read).
func TestReadAppointmentsJSONTakesWhatListPrints(t *testing.T) {
	list := []Appointment{{ID: "A1", Patient: "telegram:1", At: "2026-12-01T14:30:00-05:00", TimeZone: "America/New_York",
		Status: "booked", Response: "confirmed", RespondedAt: "2026-11-30T10:00:00Z"}}
	data, _ := json.MarshalIndent(list, "", "  ")
	appts, lines, err := ReadAppointments("list.json", strings.NewReader("\ufeff"+string(data)))
	if err != nil || len(appts) != 1 || lines[0] != 2 || appts[0].Response != "" || appts[0].TimeZone != "America/New_York" {
		t.Errorf("got %+v at %v, %v", appts, lines, err)
	}
}

// A file of more appointments than one import takes is refused at the
// first one too many, with that one problem: the rest is neither read into
// appointments nor checked (QA: a 200,000-row file cost the CLI 1.28 GB
// and listed nothing else). Blank rows do not count.
func TestReadAppointmentsStopsAtTheLimit(t *testing.T) {
	var csv, js strings.Builder
	csv.WriteString("id,patient,at\n")
	js.WriteString("[\n")
	for i := range maxImport + 10 {
		// Every row has a problem: none may be reported but the limit.
		fmt.Fprintf(&csv, "B-%d,nobody,2026-12-01 14:30\n", i)
		if i == 10 {
			csv.WriteString(",,\n")
		}
		fmt.Fprintf(&js, "{\"id\": \"B-%d\", \"patient\": \"nobody\", \"at\": \"2026-12-01 14:30\"},\n", i)
	}
	js.WriteString("{}]\n")
	for _, tt := range []struct{ name, data, want string }{
		{"b.csv", csv.String(), fmt.Sprintf("b.csv:%d: more than 50000 appointments (number 50001 starts on this line); at most 50000 in one import: split the file\n"+
			"b.csv: 1 problem; nothing was imported", maxImport+3)},
		{"b.json", js.String(), fmt.Sprintf("b.json:%d: more than 50000 appointments (number 50001 starts on this line); at most 50000 in one import: split the file\n"+
			"b.json: 1 problem; nothing was imported", maxImport+2)},
	} {
		appts, _, err := ReadAppointments(tt.name, strings.NewReader(tt.data))
		if err == nil || err.Error() != tt.want {
			msg := fmt.Sprint(err)
			t.Errorf("%s: got %d appointments, error of %d lines beginning\n%.300s\nwant\n%s", tt.name, len(appts), strings.Count(msg, "\n")+1, msg, tt.want)
		}
	}

	// QA's huge.csv: 200,000 rows, 15 MB. Refusing it takes memory in
	// proportion to the rows read up to the limit, not to the file (it
	// took 2 GB, 10 KB for each row).
	huge := clinicCSV(4 * maxImport)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, _, err := ReadAppointments("huge.csv", bytes.NewReader(huge))
	runtime.ReadMemStats(&after)
	if err == nil || !strings.Contains(err.Error(), "more than 50000 appointments") {
		t.Errorf("huge.csv: got %.300v", err)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 3<<10*maxImport {
		t.Errorf("refusing a file of %d rows allocated %d MB", 4*maxImport, n>>20)
	}

	// The limit itself is fine.
	appts, _, err := ReadAppointments("ok.csv", bytes.NewReader(clinicCSV(maxImport)))
	if err != nil || len(appts) != maxImport {
		t.Errorf("a file of exactly %d: got %d, %.300v", maxImport, len(appts), err)
	}
}

// QA: a file saved with semicolons or tabs got four problems, none saying
// why; it gets one, saying how to save it.
func TestReadAppointmentsSaysToSaveWithCommas(t *testing.T) {
	for sep, name := range map[string]string{";": "semicolons", "\t": "tabs"} {
		data := strings.NewReplacer(",", sep).Replace("id,patient,at,timezone,location,status\nS-1,console:local,2026-12-06 10:00,,Main,booked\n")
		_, _, err := ReadAppointments("s.csv", strings.NewReader(data))
		want := "s.csv:1: the values are separated by " + name + ", not commas: save the file as CSV with commas " +
			"(in Excel: \"CSV UTF-8 (Comma delimited)\") and import it again\n" +
			"s.csv: 1 problem; nothing was imported"
		if err == nil || err.Error() != want {
			t.Errorf("separated by %s: got\n%v\nwant\n%s", name, err, want)
		}
	}
	// A comma file with a semicolon in a value is a comma file.
	if _, _, err := ReadAppointments("c.csv", strings.NewReader("id,patient,at,location\nA-1,console:local,2026-12-06 10:00,Main; Suite 2\n")); err != nil {
		t.Errorf("a semicolon in a value: %v", err)
	}
}
