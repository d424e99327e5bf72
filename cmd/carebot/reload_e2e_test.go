package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// reloadKB is a one-entry faq.yaml whose entry is long past its review date.
const reloadKB = `version: 1
language: en
clinic: {name: Reload Clinic, phone: "555-0100"}
entries:
  - id: hours
    question: When are you open?
    answer: ANSWER
    reviewed_at: 2020-01-01
    review_every: 1y
`

// The real binary, serving a faq.yaml that staff edit while it runs: a
// saved change answers the next question without a restart, a broken save
// is logged with its line while the last good version keeps answering, and
// what `faq check` would warn about is logged at start and after a reload.
func TestEndToEndHotReload(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "faq.yaml")
	save := func(text string) { // as editors save: a new file renamed over the old
		t.Helper()
		tmp := path + ".swp"
		if err := os.WriteFile(tmp, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, path); err != nil {
			t.Fatal(err)
		}
	}
	save(strings.Replace(reloadKB, "ANSWER", "We open at eight.", 1))

	bot := startBot(t, dir, nil, "--faq", path)
	warn := bot.expectLog("level=WARN", "past its review date", "entry=hours", "line=8")
	if !strings.Contains(warn, path) {
		t.Errorf("the warning does not name the file %s: %s", path, warn)
	}
	bot.say("When are you open?")
	bot.expect("We open at eight.")

	save(strings.Replace(reloadKB, "ANSWER", "We open at nine.", 1))
	bot.expectLog("faq reloaded", "entries=1")
	bot.expectLog("past its review date", "entry=hours")
	bot.say("When are you open?")
	bot.expect("We open at nine.")

	// A save that breaks the YAML: reported with its line, the old version
	// keeps answering.
	save(strings.Replace(reloadKB, "ANSWER", "We open at ten.", 1) + "  - id: [broken\n")
	bot.expectLog("level=ERROR", "faq not reloaded", "faq.yaml:10")
	bot.say("When are you open?")
	bot.expect("We open at nine.")

	// Mended, it is served again.
	save(strings.Replace(reloadKB, "ANSWER", "We open at ten.", 1))
	bot.expectLog("faq reloaded")
	bot.say("When are you open?")
	bot.expect("We open at ten.")
}
