package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// alwaysOpenFAQ is a clinic's own knowledge base, told apart from the
// bundled demo clinic by its one entry's id and answer.
const alwaysOpenFAQ = `version: 1
language: en
clinic: {name: Always Open Clinic, phone: "555 0100"}
entries:
  - id: open-always
    question: When are you open?
    alternates: ["What are your hours?"]
    answer: We never close.
`

// QA: with the config's faq: a broken file, `faq check` passed ./faq.yaml,
// `faq check --config` was an unknown flag, and `ask` answered from the
// bundled demo clinic, while the bot refused to start. Staff checked and
// tried one file while the bot served another. Without a file named, faq
// check, ask and eval use the one the bot would serve, found as the bot
// finds it, and say which; a file named outright still wins.
func TestFAQCommandsUseTheFileTheBotServes(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		t.Helper()
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	dupID := alwaysOpenFAQ + "  - id: open-always\n    question: Again?\n    answer: Twice.\n"
	good := write("clinic.yaml", alwaysOpenFAQ)
	broken := write("broken.yaml", dupID)
	cfgGood := write("good.yaml", "faq: "+good+"\n")
	cfgBroken := write("broken-cfg.yaml", "faq: "+broken+"\n")
	cfgNoFAQ := write("no-faq.yaml", "log_level: info\n")
	missing := filepath.Join(dir, "missing.yaml")
	// A relative faq: is read from the directory carebot runs in, as the
	// bot reads it: the file beside the config is not the one served.
	cfgRel := write("etc/carebot.yaml", "faq: relative.yaml\n")
	write("etc/relative.yaml", alwaysOpenFAQ)
	write("work/relative.yaml", dupID)
	write("work/faq.yaml", alwaysOpenFAQ) // what faq check used to check
	work := filepath.Join(dir, "work")
	queries := write("q.jsonl", `{"q": "when are you open?", "want": "open-always"}`+"\n")

	const served = "the file the bot would serve"
	tests := []struct {
		name       string
		env        []string
		args       []string
		wantCode   int
		wantOut    string   // in stdout
		wantErr    []string // each in stderr
		notWantOut string
	}{
		{"check: the config's faq: from $CAREBOT_CONFIG", []string{"CAREBOT_CONFIG=" + cfgBroken}, []string{"faq", "check"}, 1, "",
			[]string{"faq check: " + broken + ", " + served + " (faq: in the config " + cfgBroken + ", from $CAREBOT_CONFIG)",
				broken + `:9: entry "open-always": the id is used twice`}, ""},
		{"check --config", nil, []string{"faq", "check", "--config", cfgBroken}, 1, "",
			[]string{"faq: in the config " + cfgBroken + ", given with --config", broken + `:9: entry "open-always": the id is used twice`}, ""},
		{"check --config after FILE: the FILE wins", nil, []string{"faq", "check", good, "--config", cfgBroken}, 0, good + ": ok: 1 entries", nil, ""},
		{"check: $CAREBOT_FAQ wins over faq:, as in the bot", []string{"CAREBOT_CONFIG=" + cfgBroken, "CAREBOT_FAQ=" + good}, []string{"faq", "check"}, 0,
			good + ": ok: 1 entries", []string{"faq check: " + good + ", " + served + " ($CAREBOT_FAQ)"}, ""},
		{"check: nothing named is the bot's default, the bundled demo", nil, []string{"faq", "check"}, 0, "faq.yaml (bundled): ok:",
			[]string{"./faq.yaml was not checked", "carebot faq check faq.yaml"}, ""},
		{"check: a config without faq:", nil, []string{"faq", "check", "--config", cfgNoFAQ}, 0, "faq.yaml (bundled): ok:",
			[]string{"the config " + cfgNoFAQ + ", given with --config, has no faq:"}, ""},
		{"check: a config that cannot be read", []string{"CAREBOT_CONFIG=" + missing}, []string{"faq", "check"}, 1, "", []string{"carebot: config: open " + missing}, ""},
		{"check: a relative faq: from the working directory", nil, []string{"faq", "check", "--config", cfgRel}, 1, "",
			[]string{`relative.yaml:9: entry "open-always": the id is used twice`}, ""},
		{"ask: the config's faq:", nil, []string{"ask", "--config", cfgGood, "what are your hours?"}, 0, "We never close.",
			[]string{"ask: " + good + ", " + served}, ""},
		{"ask: $CAREBOT_CONFIG", []string{"CAREBOT_CONFIG=" + cfgGood}, []string{"ask", "what are your hours?"}, 0, "We never close.", nil, ""},
		{"ask --faq wins over the config", []string{"CAREBOT_CONFIG=" + cfgGood}, []string{"ask", "--faq", broken, "what are your hours?"}, 1, "",
			[]string{broken + `:9: entry "open-always": the id is used twice`}, ""},
		{"ask: --json stays JSON", nil, []string{"ask", "--config", cfgGood, "--json", "what are your hours?"}, 0, `"entry": "open-always"`,
			[]string{"ask: " + good}, served},
		{"ask: a config that cannot be read", nil, []string{"ask", "--config", missing, "hi"}, 1, "", []string{missing}, ""},
		{"eval: the config's faq:", []string{"CAREBOT_CONFIG=" + cfgGood}, []string{"eval", "--rounds", "1", queries}, 0, "top1=1.000",
			[]string{"eval: " + good + ", " + served}, served},
		{"eval --config", nil, []string{"eval", "--rounds", "1", "--config", cfgGood, queries}, 0, "top1=1.000", nil, ""},
		{"eval: the bundled demo has no such entry", nil, []string{"eval", "--rounds", "1", queries}, 1, "",
			[]string{`entry "open-always" is not in the knowledge base`}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd := exec.Command(carebotBin, tt.args...)
			cmd.Dir = work
			cmd.Env = append(cleanEnv(), tt.env...)
			var out, errb bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &errb
			cmd.Run()
			code := cmd.ProcessState.ExitCode()
			ok := code == tt.wantCode && strings.Contains(out.String(), tt.wantOut) &&
				(tt.notWantOut == "" || !strings.Contains(out.String(), tt.notWantOut))
			for _, w := range tt.wantErr {
				ok = ok && strings.Contains(errb.String(), w)
			}
			if !ok {
				t.Errorf("carebot %s: got exit %d, stdout %q, stderr %q; want exit %d, stdout with %q (and not %q), stderr with %q",
					strings.Join(tt.args, " "), code, out.String(), errb.String(), tt.wantCode, tt.wantOut, tt.notWantOut, tt.wantErr)
			}
		})
	}
}

// The bot and faq check, run in the same directory with the same config,
// read the same file: the problem that stops the bot is the one the check
// reports, relative faq: and all.
func TestFAQCheckAgreesWithTheBot(t *testing.T) {
	dir := t.TempDir()
	etc, work := filepath.Join(dir, "etc"), filepath.Join(dir, "work")
	for _, d := range []string{etc, work} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	cfg := filepath.Join(etc, "carebot.yaml")
	os.WriteFile(cfg, []byte("faq: served.yaml\n"), 0o644)
	os.WriteFile(filepath.Join(etc, "served.yaml"), []byte(alwaysOpenFAQ), 0o644)
	os.WriteFile(filepath.Join(work, "served.yaml"), []byte(alwaysOpenFAQ+"    follow_up: [holiday]\n"), 0o644)
	os.WriteFile(filepath.Join(work, "faq.yaml"), []byte(alwaysOpenFAQ), 0o644) // what faq check used to check
	const problem = `served.yaml:9: entry "open-always": follow_up "holiday" does not exist`
	runIn := func(args ...string) (int, string) {
		cmd := exec.Command(carebotBin, args...)
		cmd.Dir = work
		cmd.Env = append(cleanEnv(), "CAREBOT_CONFIG="+cfg, "CAREBOT_DATA="+filepath.Join(dir, "data"))
		var errb bytes.Buffer
		cmd.Stderr = &errb
		cmd.Run()
		return cmd.ProcessState.ExitCode(), errb.String()
	}
	code, stderr := runIn()
	if code != 1 || !strings.Contains(stderr, problem) {
		t.Fatalf("the bot: got exit %d, stderr %q; want it to refuse to start with %q", code, stderr, problem)
	}
	code, stderr = runIn("faq", "check")
	if code != 1 || !strings.Contains(stderr, problem) {
		t.Errorf("faq check: got exit %d, stderr %q; want exit 1 with the bot's problem %q", code, stderr, problem)
	}
}
