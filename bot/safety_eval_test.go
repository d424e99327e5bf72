package bot

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// safetyEvalDir is the shared evaluation data, beside the repository:
// ../shared/eval from the root, so ../../shared/eval from this package.
const safetyEvalDir = "../../shared/eval"

// safetyCase is one labelled message: want is "!crisis", "!emergency",
// "!none", or (in the clinic queries) an FAQ answer, which must get no
// safety reply.
type safetyCase struct {
	Q    string `json:"q"`
	Want any    `json:"want"`
	Lang string `json:"lang"`
}

// wantKind reads the label; a clinic question is SafetyNone.
func (c safetyCase) wantKind() SafetyKind {
	switch c.Want {
	case "!crisis":
		return SafetyCrisis
	case "!emergency":
		return SafetyEmergency
	}
	return SafetyNone
}

func safetyReadCases(t *testing.T, path string) []safetyCase {
	t.Helper()
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s is absent: the shared evaluation data sits beside the repository as ../shared/eval", path)
	}
	if err != nil {
		t.Fatalf("open cases: %v", err)
	}
	defer f.Close()
	var cases []safetyCase
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var c safetyCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("%s:%d: %v", path, line, err)
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	if len(cases) == 0 {
		t.Fatalf("%s: no cases", path)
	}
	return cases
}

// safetyFigures are the measures of the eval README, split by kind.
type safetyFigures struct {
	pos, hit, rightKind int // safety messages, those that got any safety reply, those that got the right one
	neg, falseAlarm     int // other messages, those that got a safety reply
	misses              []string
}

func (f safetyFigures) recall() float64    { return safetyRatio(f.hit, f.pos) }
func (f safetyFigures) kindRate() float64  { return safetyRatio(f.rightKind, f.pos) }
func (f safetyFigures) falseRate() float64 { return safetyRatio(f.falseAlarm, f.neg) }
func (f safetyFigures) String() string {
	return fmt.Sprintf("recall=%.3f (%d/%d) right_kind=%.3f false=%.3f (%d/%d)",
		f.recall(), f.hit, f.pos, f.kindRate(), f.falseRate(), f.falseAlarm, f.neg)
}

func safetyRatio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func safetyMeasure(cases []safetyCase) safetyFigures {
	var f safetyFigures
	for _, c := range cases {
		want, got := c.wantKind(), CheckSafety(c.Q)
		switch {
		case want == SafetyNone:
			f.neg++
			if got != SafetyNone {
				f.falseAlarm++
				f.misses = append(f.misses, fmt.Sprintf("false %s: %q", got, c.Q))
			}
		default:
			f.pos++
			if got != SafetyNone {
				f.hit++
			}
			// The abuse reply is a crisis reply: 911 and a hotline.
			if got == want || got == SafetyAbuse && want == SafetyCrisis {
				f.rightKind++
			} else {
				f.misses = append(f.misses, fmt.Sprintf("want %s, got %s: %q", want, got, c.Q))
			}
		}
	}
	return f
}

// TestSafetyEval holds the floors of the brief on the shared dev sets:
// recall ≥ 0.95 with the right kind for ≥ 0.90, false alarms ≤ 0.05 on the
// safety set and ≤ 0.02 on the clinic's ordinary questions.
func TestSafetyEval(t *testing.T) {
	dev := safetyMeasure(safetyReadCases(t, filepath.Join(safetyEvalDir, "safety", "dev.jsonl")))
	clinic := safetyMeasure(safetyReadCases(t, filepath.Join(safetyEvalDir, "clinic", "queries-dev.jsonl")))
	t.Logf("safety/dev.jsonl: %v", dev)
	t.Logf("clinic/queries-dev.jsonl: false=%.3f (%d/%d)", clinic.falseRate(), clinic.falseAlarm, clinic.neg)
	for _, m := range append(dev.misses, clinic.misses...) {
		t.Log(m)
	}
	if dev.recall() < 0.95 {
		t.Errorf("dev recall: got %.3f, want ≥ 0.95", dev.recall())
	}
	if dev.kindRate() < 0.90 {
		t.Errorf("dev right kind: got %.3f, want ≥ 0.90", dev.kindRate())
	}
	if dev.falseRate() > 0.05 {
		t.Errorf("dev false alarms: got %.3f, want ≤ 0.05", dev.falseRate())
	}
	if clinic.falseRate() > 0.02 {
		t.Errorf("clinic false alarms: got %.3f, want ≤ 0.02", clinic.falseRate())
	}
}

// TestSafetyOwnCases holds the check on our own labelled messages, written
// apart from the shared eval (other wording, both languages, both kinds and
// hard look-alikes). Every case must get its label.
func TestSafetyOwnCases(t *testing.T) {
	cases := safetyReadCases(t, filepath.Join("testdata", "safety_cases.jsonl"))
	f := safetyMeasure(cases)
	t.Logf("testdata/safety_cases.jsonl: %v", f)
	for _, m := range f.misses {
		t.Error(m)
	}
}

// TestSafetyPublicQuestions: the medical questions of the public FAQ sets
// (MedQuAD, the COVID sets: "what are the symptoms of a stroke", "can
// seizures be inherited") are questions about a topic, never an alarm. At
// most 1 in 1000 may get a safety reply.
func TestSafetyPublicQuestions(t *testing.T) {
	var qs []string
	question := regexp.MustCompile(`^\s+question: (.*)$`)
	for _, p := range []string{"medquad-10k/kb.yaml", "deepset-covid/kb.yaml", "covid-jhu/kb.yaml"} {
		b, err := os.ReadFile(filepath.Join(safetyEvalDir, "public", p))
		if errors.Is(err, fs.ErrNotExist) {
			t.Skipf("%s is absent: the shared evaluation data sits beside the repository", p)
		}
		if err != nil {
			t.Fatalf("read %s: %v", p, err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			if m := question.FindStringSubmatch(line); m != nil {
				q := m[1]
				if u, err := strconv.Unquote(q); err == nil {
					q = u
				}
				qs = append(qs, q)
			}
		}
	}
	for _, p := range []string{"covid-jhu/queries.jsonl", "deepset-covid/queries.jsonl"} {
		for _, c := range safetyReadCases(t, filepath.Join(safetyEvalDir, "public", p)) {
			qs = append(qs, c.Q)
		}
	}
	alarms := 0
	for _, q := range qs {
		if k := CheckSafety(q); k != SafetyNone {
			alarms++
			t.Logf("%s: %q", k, q)
		}
	}
	rate := safetyRatio(alarms, len(qs))
	t.Logf("public questions: false=%.4f (%d/%d)", rate, alarms, len(qs))
	if rate > 0.001 {
		t.Errorf("false alarms on public medical questions: got %.4f, want ≤ 0.001", rate)
	}
}

// TestSafetyBlind holds floors on sets written by helpers who had never
// seen these rules: 300, 300, 240, 300 and 300 messages, a fifth to a
// quarter Spanish, with hard look-alikes. When they were written the rules caught
// 0.732, 0.684 and 0.760 of their crises and emergencies. The misses of
// the first two were read and led to the rules marked as found by a blind
// set; the third was measured (0.833) a session later, and then its misses
// were read too. Unlike
// safety_cases.jsonl, not every message must get its label: some are too
// oblique for any rule ("sorry for all the no-shows, it won't be a problem
// much longer" is caught, "i'll just do it myself" is not).
//
// Sets 1 to 6 are also the safety model's training data (see
// safety_model_test.go): with the model, their figures say what it
// learned, not how it generalizes. Set 7 says that.
func TestSafetyBlind(t *testing.T) {
	for _, tc := range []struct {
		file             string
		recall, maxFalse float64
	}{
		{"safety_blind1.jsonl", 0.91, 0.01},
		{"safety_blind2.jsonl", 0.95, 0.03},
		{"safety_blind3.jsonl", 0.975, 0.025},
		// The fourth (300 short messages typed as people type in distress:
		// no punctuation, slang, third-person reports) caught 0.706, then
		// 0.713 with the rules its predecessor's misses led to; its own
		// misses were read next.
		{"safety_blind4.jsonl", 0.92, 0.03},
		// The fifth (300 long messages, the danger in the middle or at the
		// end of a story) caught only 0.490, 0.529 after the rules from
		// sets 3 and 4: recall falls with length (0.83 under 20 words,
		// 0.36 at 30 to 39), because a long message's danger is in words
		// no rule has. Its misses were read, and are the least covered.
		{"safety_blind5.jsonl", 0.97, 0.035},
		// The sixth (300: short, medium and long; intent to harm another
		// person counted as a crisis) caught 0.735 with 0.115 false alarms.
		// Time frames (safety_frame.go) took it to 0.753 unread; its misses
		// and false alarms were read next.
		{"safety_blind6.jsonl", 0.985, 0.02},
		// The seventh (300, stories that mix a past and a present) was
		// written after the sixth's rules and measured unread: 0.688 with
		// 0.138 false alarms on the rules before the sixth, 0.735 and
		// 0.115 after; 0.929 and 0.123 with the model behind the rules
		// (safety_model.go), which never trained on it. It was never read.
		{"safety_blind7.jsonl", 0.92, 0.125},
		// The eighth (300; half of it messages that are neither, a third of
		// those clinic questions that sound dark: "i want to end my gym
		// membership") was written after the model and measured once,
		// unread and untrained on: 0.673 (0.053 false alarms) on the rules
		// at the session's start, 0.740 (0.040) on today's rules, 0.907
		// (0.040) with the model behind them.
		{"safety_blind8.jsonl", 0.90, 0.045},
	} {
		f := safetyMeasure(safetyReadCases(t, filepath.Join("testdata", tc.file)))
		t.Logf("testdata/%s: %v", tc.file, f)
		if f.recall() < tc.recall {
			t.Errorf("%s recall: got %.3f, want ≥ %.3f", tc.file, f.recall(), tc.recall)
		}
		if f.falseRate() > tc.maxFalse {
			t.Errorf("%s false alarms: got %.3f, want ≤ %.3f", tc.file, f.falseRate(), tc.maxFalse)
		}
	}
}
