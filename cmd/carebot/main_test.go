package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/bolt"
)

// carebotBin is the real binary, built once for the end-to-end tests.
var carebotBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "carebot-bin")
	if err != nil {
		panic(err)
	}
	carebotBin = filepath.Join(dir, "carebot")
	if runtime.GOOS == "windows" {
		carebotBin += ".exe"
	}
	out, err := exec.Command("go", "build", "-o", carebotBin, ".").CombinedOutput()
	if err != nil {
		os.Stderr.Write(out)
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// runCmd runs carebot in-process and returns its exit status and output.
func runCmd(t *testing.T, env map[string]string, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	getenv := func(k string) string { return env[k] }
	err := run(context.Background(), args, getenv, strings.NewReader(stdin), &out, &errb)
	code = exitCode(err, &errb)
	return code, out.String(), errb.String()
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args     []string
		wantCode int
		wantErr  string
	}{
		{[]string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{[]string{"ask"}, 2, "no MESSAGE"},
		{[]string{"ask", "--bogus", "x"}, 2, "ask: unknown flag --bogus"},
		{[]string{"ask", "--faq"}, 2, "ask: --faq needs a value"},
		{[]string{"campaigns", "check", "--bogus", "../../campaigns.yaml"}, 2, "campaigns check: unknown flag --bogus"},
		{[]string{"campaigns", "check", "../../campaigns.yaml", "-bogus"}, 2, "campaigns check: unknown flag --bogus"},
		{[]string{"campaigns", "check"}, 2, "campaigns check: give one FILE"},
		{[]string{"campaigns", "check", "a.yaml", "b.yaml"}, 2, `campaigns check: unexpected argument "b.yaml"`},
		{[]string{"campaigns", "lint"}, 2, `campaigns: unknown subcommand "lint"`},
		{[]string{"remind", "list"}, 2, `remind: unknown subcommand "list"`},
		{[]string{"appointments", "list", "--patient", "12345"}, 2, `appointments list: --patient "12345" is not PLATFORM:USER`},
		{[]string{"appointments", "list", "--patient", "telegram:abc"}, 2, `appointments list: --patient`},
		{[]string{"version", "x"}, 2, `version: unexpected argument "x"`},
		{[]string{"help", "frobnicate"}, 2, `unknown command "frobnicate"`},
		{[]string{"eval"}, 2, "no FILE"},
		{[]string{"eval", "-rounds", "0", "x.jsonl"}, 2, "eval: --rounds must be 1 or more, not 0"},
		{[]string{"eval", "--rounds", "-5", "x.jsonl"}, 2, "eval: --rounds must be 1 or more, not -5"},
		{[]string{"run", "--log-level", "loud"}, 2, "--log-level"},
		{[]string{"faq", "polish"}, 2, "unknown subcommand"},
		{[]string{"faq", "misses", "7d"}, 2, `unexpected argument "7d"`},
		{[]string{"faq", "misses", "--since", "last week"}, 2, `--since: since "last week" is not`},
		{[]string{"audit", "--since", "7"}, 2, `--since: since "7" is not`},
		// QA: an empty --since meant 30 days, and a future one listed nothing.
		{[]string{"faq", "misses", "--since="}, 2, `faq misses: --since is empty`},
		{[]string{"audit", "--since", "2099-01-01"}, 2, `audit: --since 2099-01-01 is in the future`},
		{[]string{"eval", "--faq", "testdata/none.yaml", "x.jsonl"}, 1, "none.yaml"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, _, stderr := runCmd(t, nil, "", tt.args...)
			if code != tt.wantCode || !strings.Contains(stderr, tt.wantErr) {
				t.Errorf("got exit %d, stderr %q; want exit %d mentioning %q", code, stderr, tt.wantCode, tt.wantErr)
			}
			if strings.Contains(stderr, "goroutine ") || strings.Contains(stderr, "panic") {
				t.Errorf("stack trace shown to a user: %s", stderr)
			}
		})
	}
}

// A file with nothing to measure (empty, only comments, the wrong file)
// must fail, not print figures of nothing with exit status 0.
func TestEvalOfNothingFails(t *testing.T) {
	dir := t.TempDir()
	empty, comments := filepath.Join(dir, "empty.jsonl"), filepath.Join(dir, "comments.jsonl")
	os.WriteFile(empty, nil, 0o644)
	os.WriteFile(comments, []byte("# to do\n\n"), 0o644)
	for _, f := range []string{empty, comments} {
		code, stdout, stderr := runCmd(t, nil, "", "eval", "--rounds", "1", f)
		if code != 1 || stdout != "" || !strings.Contains(stderr, f+": no labelled messages") {
			t.Errorf("eval %s: got exit %d, stdout %q, stderr %q; want exit 1 and the file named on stderr", f, code, stdout, stderr)
		}
	}
}

// A command with subcommands given none is a mistake: its usage goes to
// stderr, with exit status 2, as for any other mistake.
func TestNoSubcommand(t *testing.T) {
	for _, cmd := range []string{"faq", "appointments", "remind", "campaigns"} {
		code, stdout, stderr := runCmd(t, nil, "", cmd)
		if code != 2 || stdout != "" || !strings.Contains(stderr, "carebot "+cmd+" ") {
			t.Errorf("%s: got exit %d, stdout %q, stderr %q; want exit 2 and its usage on stderr", cmd, code, stdout, stderr)
		}
	}
}

// carebot -h, --help and help list the commands, and the flags of run,
// which carebot runs when given no command; help COMMAND is that
// command's help.
func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"-h"}, {"--help"}, {"help"}, {"help", "help"}} {
		code, stdout, stderr := runCmd(t, nil, "", args...)
		if code != 0 || !strings.Contains(stdout, "carebot appointments import FILE") || !strings.Contains(stdout, "-console") {
			t.Errorf("%v: got exit %d, stdout %q, stderr %q; want the commands and run's flags", args, code, stdout, stderr)
		}
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"help", "version"}, "Usage: carebot version"},
		{[]string{"version", "--help"}, "Usage: carebot version"},
		{[]string{"help", "appointments", "list"}, "Usage: carebot appointments list"},
		{[]string{"help", "remind"}, "Usage:\n  carebot remind add --to PLATFORM:USER"},
	} {
		code, stdout, stderr := runCmd(t, nil, "", tt.args...)
		if code != 0 || !strings.HasPrefix(stdout, tt.want) {
			t.Errorf("%v: got exit %d, stdout %q, stderr %q; want stdout starting %q", tt.args, code, stdout, stderr, tt.want)
		}
	}
	if code, stdout, _ := runCmd(t, nil, "", "version"); code != 0 || !strings.HasPrefix(stdout, "carebot ") {
		t.Errorf("version: got exit %d, stdout %q", code, stdout)
	}
}

func TestHelpOnEveryCommand(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"help"}, {"run", "--help"}, {"ask", "--help"}, {"eval", "--help"},
		{"faq", "--help"}, {"faq", "check", "--help"}, {"help", "ask"},
		{"campaigns", "--help"}, {"campaigns", "check", "--help"}, {"campaigns", "check", "-h"}, {"help", "campaigns"}} {
		code, stdout, stderr := runCmd(t, nil, "", args...)
		if code != 0 || !strings.Contains(stdout, "Usage") {
			t.Errorf("%v: got exit %d, stdout %q, stderr %q; want usage on stdout", args, code, stdout, stderr)
		}
	}
}

// oneEntryFAQ is a knowledge base of one entry, whose last line is line
// 7: a test appends the entry's other fields.
const oneEntryFAQ = `version: 1
language: en
clinic: {name: X, phone: "555 0100"}
entries:
  - id: hours
    question: When are you open?
    answer: Always.
`

func TestFAQCheck(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "faq.yaml")
	os.WriteFile(bad, []byte(oneEntryFAQ+"    follow_up: [holiday]\n"), 0o644)
	code, _, stderr := runCmd(t, nil, "", "faq", "check", bad)
	if code != 1 || !strings.Contains(stderr, "faq.yaml:8") || !strings.Contains(stderr, `"holiday"`) {
		t.Errorf("bad faq: got exit %d, stderr %q; want exit 1 naming faq.yaml:8 and holiday", code, stderr)
	}
	code, stdout, stderr := runCmd(t, nil, "", "faq", "check", "../../faq.yaml")
	if code != 0 || !strings.Contains(stdout, "ok") {
		t.Errorf("bundled faq.yaml: got exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}

	due := filepath.Join(dir, "due.yaml")
	os.WriteFile(due, []byte(oneEntryFAQ+"    reviewed_at: 2020-01-01\n    review_every: 1y\n"), 0o644)
	code, _, stderr = runCmd(t, nil, "", "faq", "check", due)
	if want := due + `:8: entry "hours": warning: past its review date`; code != 0 || !strings.HasPrefix(stderr, want) {
		t.Errorf("entry due for review: got exit %d, stderr %q; want exit 0 and a line starting %q", code, stderr, want)
	}
}

// campaigns check lists every problem on stderr and fails; a good file
// passes. Flags may come after the FILE, as with every command.
func TestCampaignsCheck(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "campaigns.yaml")
	os.WriteFile(bad, []byte("campaigns:\n  - id: flu\n    topic: Flu\n    schedule: FREQ=WEEKLY;BYDAY=TU;BYHOUR=10\n    text: {en: Hi}\n    cap: lots\n    colour: red\n"), 0o644)
	code, _, stderr := runCmd(t, nil, "", "campaigns", "check", bad)
	if code != 1 || !strings.Contains(stderr, bad+`:6: campaign "flu": cap:`) || !strings.Contains(stderr, bad+`:7: campaign "flu": unknown field "colour"`) {
		t.Errorf("bad file: got exit %d, stderr %q; want exit 1 and both problems", code, stderr)
	}
	code, stdout, stderr := runCmd(t, nil, "", "campaigns", "check", "../../campaigns.yaml", "--")
	if code != 0 || !strings.Contains(stdout, "ok") || stderr != "" {
		t.Errorf("the bundled campaigns.yaml: got exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// campaigns check fails on a campaign that loads but can never send
// anything, by the clinic's quiet hours when a config gives them; a file
// of no campaigns passes with a warning, as the bot runs without any.
func TestCampaignsCheckNeverSends(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	campaign := func(schedule string) string {
		return "campaigns:\n  - id: flu\n    topic: Flu\n    schedule: " + schedule + "\n    text: {en: Hi}\n    max_late: 1h\n"
	}
	ended := write("ended.yaml", campaign("FREQ=WEEKLY;BYDAY=TU;BYHOUR=10;UNTIL=20240101T000000"))
	late := write("late.yaml", campaign("FREQ=WEEKLY;BYDAY=TU;BYHOUR=21;BYMINUTE=30"))
	empty := write("empty.yaml", "")
	latin1 := write("latin1.yaml", "campaigns:\n  - id: flu\n    topic: Gr\xfcn\n")
	lateQuiet := write("late-quiet.yaml", "reminders:\n  quiet_hours: {from: \"22:00\", to: \"07:00\"}\n")
	tests := []struct {
		name         string
		env          map[string]string
		args         []string
		code         int
		stdout       string
		stderrPrefix string
	}{
		{"UNTIL passed", nil, []string{ended}, 1, "",
			ended + `:4: campaign "flu": schedule: it ended on 2024-01-01 (its UNTIL): the campaign will never send again`},
		{"every time in quiet hours", nil, []string{late}, 1, "",
			late + `:4: campaign "flu": schedule: every time it sends (21:30) is in quiet hours (21:00 to 08:00 on the patient's clock)`},
		{"the clinic's quiet hours allow it", nil, []string{"--config", lateQuiet, late}, 0, late + ": ok: 1 campaign(s), 0 warning(s)\n", ""},
		{"the clinic's quiet hours from $CAREBOT_CONFIG", map[string]string{"CAREBOT_CONFIG": lateQuiet}, []string{late}, 0, late + ": ok: 1 campaign(s), 0 warning(s)\n", ""},
		{"a config that does not load", nil, []string{"--config", latin1, late}, 1, "", "carebot: " + latin1 + ":"},
		{"no campaigns", nil, []string{empty}, 0, empty + ": ok: 0 campaign(s), 1 warning(s)\n",
			empty + ": warning: the file has no campaigns: carebot sends no awareness messages from it"},
		{"not UTF-8", nil, []string{latin1}, 1, "", latin1 + ":3: the file is not valid UTF-8 text; save it as UTF-8\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCmd(t, tt.env, "", append([]string{"campaigns", "check"}, tt.args...)...)
			if code != tt.code || stdout != tt.stdout || !strings.HasPrefix(stderr, tt.stderrPrefix) {
				t.Errorf("got exit %d, stdout %q, stderr %q; want exit %d, stdout %q, stderr starting %q", code, stdout, stderr, tt.code, tt.stdout, tt.stderrPrefix)
			}
		})
	}
}

func TestAskJSON(t *testing.T) {
	code, stdout, stderr := runCmd(t, nil, "", "ask", "--json", "what", "time", "do", "you", "open", "on", "saturday?")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got struct {
		Route      string  `json:"route"`
		Entry      string  `json:"entry"`
		Confidence float64 `json:"confidence"`
		Replies    []struct{ Text string }
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout)
	}
	if got.Route != "answer" || got.Entry == "" || got.Confidence <= 0 || len(got.Replies) == 0 {
		t.Errorf("got %+v, want an answer with its entry and confidence", got)
	}
}

// ask previews what a patient is told; a consent change is shown as it
// would be recorded, not as a failure to save it.
func TestAskConsent(t *testing.T) {
	for _, msg := range []string{"STOP", "START"} {
		code, stdout, stderr := runCmd(t, nil, "", "ask", "--json", msg)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", msg, code, stderr)
		}
		if !strings.Contains(stdout, `"route": "opt-`) || strings.Contains(stdout, "couldn't save") {
			t.Errorf("ask %s: got %s, want the opt-out or opt-in confirmation", msg, stdout)
		}
	}
}

// The foundation's quality floors, on the evaluation data beside the
// checkout. They may only ever be raised, except when a question moves by
// design to a step before the FAQ: the eval counts a crisis reply or an
// opt-out as a question not answered.
func TestEvalFloors(t *testing.T) {
	kb := "../../../shared/eval/clinic/kb.yaml"
	if _, err := os.Stat(kb); err != nil {
		t.Skip("../shared/eval is not beside the checkout")
	}
	code, stdout, stderr := runCmd(t, nil, "", "eval", "--rounds", "1", "--faq", kb,
		"../../../shared/eval/clinic/queries-dev.jsonl", "../../../shared/eval/safety/dev.jsonl")
	if code != 0 {
		t.Fatalf("eval failed: %s", stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	t.Log(stdout)
	got := map[string]float64{}
	for _, line := range lines {
		prefix := ""
		if strings.HasPrefix(line, "lang=es: ") {
			prefix, line = "es_", strings.TrimPrefix(line, "lang=es: ")
		} else if strings.Contains(line, ": ") {
			continue // a per-file line
		}
		for _, kv := range strings.Fields(line) {
			k, v, _ := strings.Cut(kv, "=")
			got[prefix+k], _ = strconv.ParseFloat(v, 64)
		}
	}
	// Issue 2's floors were top1 0.80, wrong 0.08, fallback 0.75, safety
	// recall 0.95 and false alarms 0.05; these are what the matcher reaches
	// now, rounded down a little. es_top1 was 0.92 until "ya no quiero que
	// me manden mensajes de texto" became an opt-out, as "pls stop texting
	// me" already was: one of the 41 Spanish questions.
	floors := map[string]float64{"top1": 0.83, "top3": 0.96, "p1": 0.915, "fallback": 0.98, "safety_recall": 0.98, "es_top1": 0.90}
	ceilings := map[string]float64{"wrong": 0.02, "safety_false": 0.02}
	for k, min := range floors {
		if got[k] < min {
			t.Errorf("%s = %.3f, want at least %.3f", k, got[k], min)
		}
	}
	for k, max := range ceilings {
		if v, ok := got[k]; !ok || v > max {
			t.Errorf("%s = %.3f, want at most %.3f", k, v, max)
		}
	}
}

// The real binary, as a script would run it: questions and STOP on stdin,
// answers on stdout, a clean exit at end of input, and the opt-out in the
// ledger with its method and time after the process is gone.
func TestEndToEndConsoleScript(t *testing.T) {
	dir := t.TempDir()
	runBin := func(input string) string {
		cmd := exec.Command(carebotBin, "--data", dir)
		cmd.Env = cleanEnv()
		cmd.Stdin = strings.NewReader(input)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Run(); err != nil {
			t.Fatalf("carebot: %v\nstderr: %s", err, errb.String())
		}
		return out.String()
	}
	out := runBin("what are your hours?\nSTOP\ncan I park there?\n")
	for _, want := range []string{"virtual assistant", "unsubscribed", "[1]"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Count(out, "unsubscribed") != 1 {
		t.Errorf("want exactly one opt-out confirmation:\n%s", out)
	}
	// After the process exits, the ledger holds the opt-out.
	key, _, err := bolt.LoadKey(func(string) string { return "" }, filepath.Join(dir, "carebot.key"))
	if err != nil {
		t.Fatal(err)
	}
	db, err := bolt.Open(filepath.Join(dir, "carebot.db"), key, bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	evs, err := db.ConsentEvents(context.Background(), "console:local")
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != len(carebot.Purposes()) {
		t.Fatalf("ledger after restart: got %d events, want %d", len(evs), len(carebot.Purposes()))
	}
	for _, ev := range evs {
		if ev.Action != carebot.OptOut || ev.Method != "keyword:STOP" || ev.At.IsZero() {
			t.Errorf("ledger event %+v, want an opt-out by keyword:STOP with its time", ev)
		}
	}
	// A returning user gets no second welcome, and a button by number.
	out = runBin("what are your hours?\n1\n")
	if strings.Contains(out, "virtual assistant") {
		t.Errorf("welcome shown again to a known user:\n%s", out)
	}
}

func TestSecondInstanceFailsFast(t *testing.T) {
	dir := t.TempDir()
	first := exec.Command(carebotBin, "--data", dir)
	first.Env = cleanEnv()
	stdin, err := first.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := first.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { stdin.Close(); first.Wait() }()
	// Once the first one has answered, it holds the database.
	stdin.Write([]byte("hours?\n"))
	r := bufio.NewReader(stdout)
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			t.Fatalf("first carebot stopped: %v", err)
		}
		if line == "\n" {
			break
		}
	}
	second := exec.Command(carebotBin, "--data", dir)
	second.Env = cleanEnv()
	second.Stdin = strings.NewReader("hours?\n")
	msg, err := second.CombinedOutput()
	if err == nil || !strings.Contains(string(msg), "database is in use") {
		t.Errorf("second carebot on the same data: err %v, output %q; want a clear 'database is in use' failure", err, msg)
	}
	go io.Copy(io.Discard, r)
}

// TestDatabaseWithoutItsKey: a database whose key file is missing (a
// restore that forgot it) is refused, and no new key is made where the
// real one belongs; the database is untouched. A new data directory still
// gets its key.
func TestDatabaseWithoutItsKey(t *testing.T) {
	dir := t.TempDir()
	runBin := func() ([]byte, error) {
		cmd := exec.Command(carebotBin, "--data", dir)
		cmd.Env = cleanEnv()
		cmd.Stdin = strings.NewReader("hours?\n")
		return cmd.CombinedOutput()
	}
	if out, err := runBin(); err != nil {
		t.Fatalf("first run: %v\n%s", err, out)
	}
	keyFile, dbFile := filepath.Join(dir, "carebot.key"), filepath.Join(dir, "carebot.db")
	before, err := os.ReadFile(dbFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(keyFile); err != nil {
		t.Fatal(err)
	}
	out, err := runBin()
	if err == nil || !strings.Contains(string(out), "its key file "+keyFile+" does not exist") || strings.Contains(string(out), "created a new encryption key") {
		t.Errorf("a database without its key: err %v, output %q; want a refusal naming the key file", err, out)
	}
	if _, err := os.Stat(keyFile); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a key file was made for a database it cannot open (stat: %v)", err)
	}
	if after, _ := os.ReadFile(dbFile); !bytes.Equal(before, after) {
		t.Error("the database changed")
	}
}
