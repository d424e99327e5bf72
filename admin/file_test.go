package admin

import (
	"os"
	"path/filepath"
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
		{"a.csv", "", []string{"a.csv:1: no header row"}},
		{"a.csv", "id,patient,at\n\"A1,telegram:1\n", []string{"a.csv:"}},
		{"a.json", "[\n {\"id\": \"A1\", \"patient\": \"telegram:1\", \"at\": \"2026-12-01 14:30\"},\n {\"id\": \"A2\", \"patient\": \"telegram:2\", \"at\": \"2026-13-01 14:30\"}\n]",
			[]string{"a.json:3: appointment \"A2\": at"}},
		{"a.json", "[{\"id\": \"A1\", \"nope\": 1}]", []string{"a.json: json: unknown field \"nope\""}},
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
	f.Fuzz(func(t *testing.T, name, data string) {
		appts, lines, err := ReadAppointments(name, strings.NewReader(data))
		if err == nil && len(appts) != len(lines) {
			t.Fatalf("%d appointments but %d lines", len(appts), len(lines))
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
