package bot

import (
	"bytes"
	"flag"
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"

	"github.com/carebot/carebot/faq"
)

// The safety model is trained here, from the labelled sets, and written to
// safety_model.bin with
//
//	go test ./bot -run TestSafetyModelFile -update
//
// It learns from our own cases, the first six blind safety sets, and, as
// messages that are neither a crisis nor an emergency, the FAQ blind sets
// 1 to 8 (less their messages for the crisis line and the ER) and the
// phrasings of four knowledge bases (the bundled one, two of ours and the
// shared clinic's; less the crisis line's and the ER's entries) and the
// consent keywords and phrases. It never
// sees safety_blind7, the FAQ's clinic9, the shared sets or the public
// ones: those measure it.
var updateModel = flag.Bool("update", false, "retrain the safety model and write safety_model.bin")

// safetyTrainSafety and safetyTrainFAQ are the training sets.
var (
	safetyTrainSafety = []string{"safety_cases.jsonl", "safety_blind1.jsonl", "safety_blind2.jsonl", "safety_blind3.jsonl", "safety_blind4.jsonl", "safety_blind5.jsonl", "safety_blind6.jsonl"}
	// The demo clinic's questions are read from the frozen copy the FAQ
	// models train on too, so that correcting the bundled faq.yaml does
	// not retrain the safety model.
	safetyTrainKBs = []string{"../faq/testdata/demo/kb.yaml", "testdata/faq.yaml", "../faq/testdata/heldout/kb.yaml", evalDir + "clinic/kb.yaml"}
	safetyTrainFAQ = []string{"clinic.jsonl", "clinic2.jsonl", "clinic3.jsonl", "clinic4.jsonl", "clinic5.jsonl", "clinic6.jsonl", "clinic7.jsonl", "clinic8.jsonl"}
)

// Training: plain SGD on the softmax loss, a fixed number of epochs with a
// decaying rate, examples shuffled with a fixed seed. A crisis or an
// emergency counts twice a message that is neither: missing one costs
// more than a false alarm. A feature seen in one message only is left
// out: it cannot generalize, and it would make the model a list.
const (
	safetyTrainEpochs = 15
	safetyTrainRate   = 0.5
	safetyTrainDecay  = 0.8
	safetyTrainMinDF  = 2
)

var safetyTrainClassWeight = [3]float64{1, 2, 2}

type safetyExample struct {
	feats []uint32
	y     int
}

func safetyExamples(t *testing.T, holdout string) []safetyExample {
	var ex []safetyExample
	for _, name := range safetyTrainSafety {
		if name == holdout {
			continue
		}
		for _, c := range safetyReadCases(t, filepath.Join("testdata", name)) {
			ex = append(ex, safetyExample{safetyFeatures(c.Q), int(c.wantKind())})
		}
	}
	for _, name := range safetyTrainFAQ {
		for _, c := range safetyReadCases(t, filepath.Join("..", "faq", "testdata", "blind", name)) {
			if safetyForHelpLine(c.Want) {
				continue // "i want to kill myself, what number do i call": a crisis, whatever its FAQ label
			}
			ex = append(ex, safetyExample{safetyFeatures(c.Q), int(SafetyNone)})
		}
	}
	// The consent words and phrases: "ya no quiero mensajes" is an opt-out
	// however much it sounds like "ya no quiero vivir".
	for _, set := range []map[string]bool{optOutPhrases, optInPhrases} {
		for _, q := range slices.Sorted(maps.Keys(set)) {
			ex = append(ex, safetyExample{safetyFeatures(q), int(SafetyNone)})
		}
	}
	for _, q := range slices.Sorted(maps.Keys(bareKeywords)) {
		ex = append(ex, safetyExample{safetyFeatures(q), int(SafetyNone)})
	}
	// The knowledge bases' own phrasings are the questions people ask a
	// clinic: neither a crisis nor an emergency, but for the entries about
	// those.
	for _, path := range safetyTrainKBs {
		kb, err := faq.Load(path)
		if err != nil {
			t.Skipf("training needs %s: %v", path, err)
		}
		for _, e := range kb.Entries {
			if safetyForHelpLine(e.ID) {
				continue
			}
			qs := append([]string{e.Question}, e.Alternates...)
			for _, tr := range e.Translations {
				qs = append(append(qs, tr.Question), tr.Alternates...)
			}
			for _, q := range qs {
				ex = append(ex, safetyExample{safetyFeatures(q), int(SafetyNone)})
			}
		}
	}
	return ex
}

// safetyForHelpLine reports whether a FAQ label is the crisis line's or
// the ER's entry: the message may itself be a crisis or an emergency.
func safetyForHelpLine(want any) bool {
	ids, _ := want.([]any)
	if s, ok := want.(string); ok {
		ids = []any{s}
	}
	for _, id := range ids {
		if id == "crisis-line" || id == "emergency-er" {
			return true
		}
	}
	return false
}

// trainSafetyModel fits the model to ex, and returns its features in
// order with their weights.
func trainSafetyModel(ex []safetyExample) ([]uint32, [][3]float32) {
	df := map[uint32]int{}
	for _, e := range ex {
		seen := map[uint32]bool{}
		for _, f := range e.feats {
			if !seen[f] {
				seen[f] = true
				df[f]++
			}
		}
	}
	feats := []uint32{safetyFeatBias}
	for f, n := range df {
		if n >= safetyTrainMinDF && f != safetyFeatBias {
			feats = append(feats, f)
		}
	}
	slices.Sort(feats)
	row := make(map[uint32]int, len(feats))
	for i, f := range feats {
		row[f] = i
	}
	bias := row[safetyFeatBias]
	type sample struct {
		rows []int
		norm float64
		y    int
	}
	samples := make([]sample, len(ex))
	for i, e := range ex {
		s := sample{norm: 1 / math.Sqrt(float64(len(e.feats)+1)), y: e.y, rows: []int{bias}}
		for _, f := range e.feats {
			if r, ok := row[f]; ok {
				s.rows = append(s.rows, r)
			}
		}
		samples[i] = s
	}
	w := make([][3]float64, len(feats))
	rng := rand.New(rand.NewPCG(1, 2))
	rate := safetyTrainRate
	for range safetyTrainEpochs {
		rng.Shuffle(len(samples), func(i, j int) { samples[i], samples[j] = samples[j], samples[i] })
		for _, s := range samples {
			var z [3]float64
			for _, r := range s.rows {
				for c := range z {
					z[c] += w[r][c]
				}
			}
			for c := range z {
				z[c] *= s.norm
			}
			probs := safetySoftmax(z)
			var g [3]float64
			for c := range z {
				p := probs[c]
				if c == s.y {
					p--
				}
				g[c] = rate * p * safetyTrainClassWeight[s.y] * s.norm
			}
			for _, r := range s.rows {
				for c := range g {
					w[r][c] -= g[c]
				}
			}
		}
		rate *= safetyTrainDecay
	}
	out := make([][3]float32, len(w))
	for i := range w {
		for c := range w[i] {
			out[i][c] = float32(w[i][c])
		}
	}
	return feats, out
}

// TestSafetyModelFile requires that the embedded model decodes and is
// what training makes of the sets today, so that a change to the sets or
// to the features cannot leave a stale model behind. Floating point makes
// the bytes the same only on one architecture: elsewhere it checks the
// decoding alone. With -update it writes the model.
func TestSafetyModelFile(t *testing.T) {
	if _, err := decodeSafetyModel(safetyModelBlob); err != nil && !*updateModel {
		t.Fatalf("the embedded safety model: %v", err)
	}
	if runtime.GOARCH != "amd64" && !*updateModel {
		t.Skip("the model's bytes are compared on amd64 only")
	}
	feats, w := trainSafetyModel(safetyExamples(t, ""))
	b := encodeSafetyModel(feats, w)
	if *updateModel {
		if err := os.WriteFile("safety_model.bin", b, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote safety_model.bin: %d features, %d bytes", len(feats), len(b))
		return
	}
	if !bytes.Equal(b, safetyModelBlob) {
		t.Errorf("safety_model.bin is not what the training sets make: run go test ./bot -run TestSafetyModelFile -update")
	}
}

// TestSafetyModelHoldout trains the model without one safety set and
// measures the model alone on it at several thresholds: how the threshold
// was chosen. Set SAFETY_HOLDOUT to the set's file name to run it.
func TestSafetyModelHoldout(t *testing.T) {
	holdout := os.Getenv("SAFETY_HOLDOUT")
	if holdout == "" {
		t.Skip("set SAFETY_HOLDOUT to a safety set's file name in testdata")
	}
	feats, w := trainSafetyModel(safetyExamples(t, holdout))
	m, err := decodeSafetyModel(encodeSafetyModel(feats, w))
	if err != nil {
		t.Fatal(err)
	}
	cases := safetyReadCases(t, filepath.Join("testdata", holdout))
	for _, th := range []float64{0.5, 0.6, 0.7, 0.8, 0.9} {
		var tp, pos, fp, neg int
		for _, c := range cases {
			var r safetyReading
			for _, f := range safetyFeatures(c.Q) {
				r.add(m, f)
			}
			p := safetySoftmax(r.scores(m))
			flag := 1-p[0] >= th
			if c.wantKind() != SafetyNone {
				pos++
				if flag {
					tp++
				}
			} else {
				neg++
				if flag {
					fp++
				}
			}
		}
		t.Log(fmt.Sprintf("threshold %.1f: recall %.3f, false alarms %.3f", th, float64(tp)/float64(pos), float64(fp)/float64(neg)))
	}
}

// safetyModelKind is the model's finding on text alone, the rules aside.
func safetyModelKind(text string) SafetyKind {
	m := safetyModelOnce()
	var r safetyReading
	for _, f := range safetyFeatures(text) {
		r.add(m, f)
	}
	return r.kind(m)
}

// safetyFeatures returns the model's features of text, as CheckSafety
// reads them, for training.
func safetyFeatures(text string) []uint32 {
	feats := make([]uint32, 0, 64)
	var sc safetyScanner
	sc.lx = safetyLexiconOnce()
	sc.read.feats = &feats
	sc.feed(text)
	sc.endWord()
	return feats
}
