package faq

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/carebot/carebot/evalset"
)

// evalDir is the shared evaluation data, beside the repository.
const evalDir = "../../shared/eval"

// evalQuery is one labelled message (see ../shared/eval/README.md).
type evalQuery = evalset.Query

// loadQueries reads a queries file, leaving out the safety lines: they
// are the engine's business, not the matcher's.
func loadQueries(t testing.TB, path string) []evalQuery {
	t.Helper()
	qs, err := evalset.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	out := qs[:0]
	for _, q := range qs {
		if q.Label == "" {
			out = append(out, q)
		}
	}
	return out
}

// scores are the README's metrics, computed from Match alone.
type scores struct {
	n, in, out                      int
	top1, top3, p1, fallback, wrong float64
	suggestedOut                    float64 // out-of-scope messages offered suggestions
}

func (s scores) String() string {
	return fmt.Sprintf("top1=%.3f top3=%.3f p1=%.3f fallback=%.3f wrong=%.3f n=%d (in=%d out=%d, out with suggestions %.2f)",
		s.top1, s.top3, s.p1, s.fallback, s.wrong, s.n, s.in, s.out, s.suggestedOut)
}

func right(e *Entry, want []string) bool {
	for _, w := range want {
		if e.ID == w {
			return true
		}
	}
	return false
}

// evaluate runs every query through Match. report, when not nil, sees each
// query with its result (for -v diagnostics).
func evaluate(kb *KB, qs []evalQuery, report func(q evalQuery, r Result)) scores {
	var s scores
	var top1, top3, p1, fallback, wrong, suggested int
	for _, q := range qs {
		var r Result
		if report != nil { // with the features, for the report's eyes
			r = kb.matchExplained(q.Q, q.Lang)
			report(q, r)
		} else {
			r = kb.Match(q.Q, q.Lang)
		}
		s.n++
		confident := r.Confident && len(r.Candidates) > 0
		if len(q.Want) == 0 {
			s.out++
			if !confident {
				fallback++
				if len(r.Suggestions) > 0 {
					suggested++
				}
			} else {
				wrong++
			}
			continue
		}
		s.in++
		if len(r.Candidates) > 0 && right(r.Candidates[0].Entry, q.Want) {
			p1++
			if confident {
				top1++
			}
		} else if confident {
			wrong++
		}
		shown := r.Suggestions
		if confident {
			shown = append(r.Candidates[:1:1], r.Alternatives...)
		}
		for _, c := range shown {
			if right(c.Entry, q.Want) {
				top3++
				break
			}
		}
	}
	ratio := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return float64(a) / float64(b)
	}
	s.top1, s.top3, s.p1 = ratio(top1, s.in), ratio(top3, s.in), ratio(p1, s.in)
	s.fallback, s.wrong = ratio(fallback, s.out), ratio(wrong, s.n)
	s.suggestedOut = ratio(suggested, s.out)
	return s
}

// evalSet is one knowledge base and its queries, with the floors this
// package must keep.
type evalSet struct {
	name, kb, queries string
	own               bool   // in testdata, not in the shared directory
	ownQueries        bool   // the queries in testdata, the knowledge base in the shared directory
	lang              string // only queries in this language, if set
	bare              bool   // the knowledge base without its alternates (bareKB)
	floor             scores // top1, top3, p1, fallback: minimums; wrong: maximum
}

// The floors sit a little under what the matcher reaches (see the report
// in the commit that set them); raise them when it improves.
func evalSets() []evalSet {
	return []evalSet{
		{name: "clinic", kb: "clinic/kb.yaml", queries: "clinic/queries-dev.jsonl",
			floor: scores{top1: 0.855, top3: 0.985, p1: 0.95, fallback: 0.995, wrong: 0.02}},
		{name: "clinic-es", kb: "clinic/kb.yaml", queries: "clinic/queries-dev.jsonl", lang: "es",
			floor: scores{top1: 0.95, top3: 0.995, p1: 0.995, fallback: 0.995, wrong: 0.005}},
		{name: "covid-jhu", kb: "public/covid-jhu/kb.yaml", queries: "public/covid-jhu/queries.jsonl",
			floor: scores{top3: 0.88, p1: 0.765, wrong: 1}},
		{name: "deepset-covid", kb: "public/deepset-covid/kb.yaml", queries: "public/deepset-covid/queries.jsonl",
			floor: scores{top3: 0.715, p1: 0.575, wrong: 1}},
		{name: "heldout", kb: "heldout/kb.yaml", queries: "heldout/queries.jsonl", own: true,
			floor: scores{top1: 0.805, top3: 0.98, p1: 0.95, fallback: 0.975, wrong: 0.015}},
		// demo and demo2 measure the bundled faq.yaml as it ships, which
		// the models no longer train on (they read a frozen copy): its
		// content is the clinic's to correct. QA's alternates (2026-11-26)
		// took demo2 from top1 0.795 to 0.808, p1 0.859 to 0.872; Spanish
		// for 27 more entries, demo2 to 0.821 and demo's wrong from 0.028
		// to 0.022; six entries for the topics the demo lacked (adult
		// vaccines, STI and pregnancy tests, a lost card, payment
		// methods, phone visits), demo's top1 from 0.918 to 0.925.
		{name: "demo", kb: "../../faq.yaml", queries: "demo/queries.jsonl", own: true,
			floor: scores{top1: 0.92, top3: 0.99, p1: 0.975, fallback: 0.965, wrong: 0.025}},
		// blind was written for the shared clinic knowledge base by a
		// helper who read nothing but kb.yaml and the query format. Its
		// even lines were read to find the kinds of miss others.go
		// handles; its odd lines only ever as figures.
		{name: "clinic-blind", kb: "clinic/kb.yaml", queries: "blind/clinic.jsonl", ownQueries: true,
			floor: scores{top1: 0.83, top3: 0.985, p1: 0.94, fallback: 0.98, wrong: 0.03}},
		// blind2 was written the same way by another helper, at the end of
		// the session that added blind, and measured once then. The next
		// session read its misses (the split "medic aid", syrups and
		// creams as medicines).
		{name: "clinic-blind2", kb: "clinic/kb.yaml", queries: "blind/clinic2.jsonl", ownQueries: true,
			floor: scores{top1: 0.88, top3: 0.99, p1: 0.95, fallback: 0.96, wrong: 0.03}},
		// blind3 was written the same way, by a helper asked for long,
		// polite messages with context before the question, caregivers,
		// and hard near misses. It is the hardest of our sets: its
		// out-of-scope messages ask about insurers', pharmacies' and other
		// practices' own policies in the clinic's words. Its misses were
		// read and led to general rules (locatives, accessibility and
		// video words, the cause-of-a-symptom question), so its figures
		// flatter the matcher a little.
		{name: "clinic-blind3", kb: "clinic/kb.yaml", queries: "blind/clinic3.jsonl", ownQueries: true,
			floor: scores{top1: 0.77, top3: 0.955, p1: 0.89, fallback: 0.89, wrong: 0.055}},
		// blind4 was written beside blind3 by another helper, asked for
		// terse phone-typed messages (abbreviations, slang, misspellings,
		// Spanish without accents). It has only ever been measured as
		// figures, at the start, middle or end of a session, and never
		// read.
		{name: "clinic-blind4", kb: "clinic/kb.yaml", queries: "blind/clinic4.jsonl", ownQueries: true,
			floor: scores{top1: 0.925, top3: 0.995, p1: 0.96, fallback: 0.81, wrong: 0.065}},
		// blind5 was written by two helpers who read nothing but kb.yaml:
		// one wrote 300 messages the knowledge base answers, in patients'
		// own words, the other 260 near misses (another organization's
		// business, a clinic verb on a foreign object, services the clinic
		// does not offer). It was measured first, then its misses were
		// read; they led to foreignWeight (see classifier.go), a safety
		// look-alike ("a sore throat and you're closed"), the things
		// people book or hold an account with elsewhere (others.go), and
		// general-knowledge questions (knowledge.go).
		{name: "clinic-blind5", kb: "clinic/kb.yaml", queries: "blind/clinic5.jsonl", ownQueries: true,
			floor: scores{top1: 0.775, top3: 0.955, p1: 0.9, fallback: 0.93, wrong: 0.055}},
		// blind6 and blind7 were written by two more helpers who read
		// nothing but kb.yaml (and, for the format, a few dev lines):
		// blind6 with the question buried in a story, phone typing and
		// topic-plus-aspect questions, blind7 for a varied population
		// (elderly, parents, teenagers, caregivers). Both were measured
		// before anything was changed; blind6's misses were then read
		// (household bills, a business after its name, symptoms-of and
		// how-does-it-spread questions), blind7's never.
		{name: "clinic-blind6", kb: "clinic/kb.yaml", queries: "blind/clinic6.jsonl", ownQueries: true,
			floor: scores{top1: 0.85, top3: 0.97, p1: 0.945, fallback: 0.915, wrong: 0.03}},
		{name: "clinic-blind7", kb: "clinic/kb.yaml", queries: "blind/clinic7.jsonl", ownQueries: true,
			floor: scores{top1: 0.89, top3: 0.985, p1: 0.945, fallback: 0.905, wrong: 0.035}},
		// blind8 (people in a hurry: commuters, working parents, low
		// literacy, a question buried in a pasted story) was written by a
		// helper who read nothing but kb.yaml, and measured once. Its
		// FAQ misses were read, and nothing in the matcher was changed
		// for them.
		{name: "clinic-blind8", kb: "clinic/kb.yaml", queries: "blind/clinic8.jsonl", ownQueries: true,
			floor: scores{top1: 0.8, top3: 0.98, p1: 0.93, fallback: 0.885, wrong: 0.06}},
		// blind9 (200 answerable, 100 hard near misses: services, products
		// and policies the clinic does not have, in its own words) was
		// written last by a helper who read nothing but kb.yaml, measured,
		// and never read.
		{name: "clinic-blind9", kb: "clinic/kb.yaml", queries: "blind/clinic9.jsonl", ownQueries: true,
			floor: scores{top1: 0.91, top3: 0.995, p1: 0.955, fallback: 0.755, wrong: 0.105}},
		// blind10 (phone typing, paraphrase, stories, 75 out of scope)
		// and blind11 (a month of messages from many kinds of people, 80
		// out of scope) were written by two helpers who read nothing but
		// kb.yaml, before the confidence model (confidence_model.go).
		// Both were measured before it; blind10 then also while its
		// shape and threshold were chosen (as figures only), blind11
		// once more after. Neither has been read or trained on.
		{name: "clinic-blind10", kb: "clinic/kb.yaml", queries: "blind/clinic10.jsonl", ownQueries: true,
			floor: scores{top1: 0.85, top3: 0.97, p1: 0.93, fallback: 0.85, wrong: 0.065}},
		{name: "clinic-blind11", kb: "clinic/kb.yaml", queries: "blind/clinic11.jsonl", ownQueries: true,
			floor: scores{top1: 0.82, top3: 0.97, p1: 0.915, fallback: 0.885, wrong: 0.065}},
		// blind12 (Telegram messages: older adults, caregivers, non-native
		// speakers, voice-to-text, abbreviations) and blind13 (a clinic's
		// log over a few weeks: terse and rambling messages, indirect
		// questions) were written by two helpers who read nothing but
		// kb.yaml, and measured before the reranker (rerank_model.go).
		// Neither has been read or trained on.
		{name: "clinic-blind12", kb: "clinic/kb.yaml", queries: "blind/clinic12.jsonl", ownQueries: true,
			floor: scores{top1: 0.83, top3: 0.965, p1: 0.92, fallback: 0.865, wrong: 0.07}},
		{name: "clinic-blind13", kb: "clinic/kb.yaml", queries: "blind/clinic13.jsonl", ownQueries: true,
			floor: scores{top1: 0.785, top3: 0.955, p1: 0.875, fallback: 0.795, wrong: 0.095}},
		// blind14 (half of it Spanish as patients in the US type it:
		// everyday verbs, Spanglish, typos; paraphrase that avoids the
		// entry's words; 90 hard near misses) was written by a helper who
		// read nothing but kb.yaml, and measured before it was read. Its
		// misses were then read; nothing in the matcher was changed for
		// them. It has not been trained on.
		{name: "clinic-blind14", kb: "clinic/kb.yaml", queries: "blind/clinic14.jsonl", ownQueries: true,
			floor: scores{top1: 0.65, top3: 0.925, p1: 0.82, fallback: 0.885, wrong: 0.095}},
		// blind15 (a month of messages from many kinds of people, 90 of
		// them Spanish, 80 out of scope) was written beside blind14 by
		// another helper who read nothing but kb.yaml, measured, and never
		// read. It has not been trained on.
		{name: "clinic-blind15", kb: "clinic/kb.yaml", queries: "blind/clinic15.jsonl", ownQueries: true,
			floor: scores{top1: 0.815, top3: 0.965, p1: 0.925, fallback: 0.835, wrong: 0.08}},
		// dental (a dental practice whose entries are questions with long
		// answers) and portal (a hospital's patient services, with
		// near-duplicate entries and some Spanish) were each written,
		// knowledge base and messages, by a helper who read nothing else,
		// measured before the reranker, and then trained it and the
		// confidence of knowledge bases without a classifier (see
		// rerankTrainSets and bareTrainSets).
		{name: "dental", kb: "dental/kb.yaml", queries: "dental/queries.jsonl", own: true,
			floor: scores{top1: 0.465, top3: 0.905, p1: 0.755, fallback: 0.98, wrong: 0.015}},
		{name: "portal", kb: "portal/kb.yaml", queries: "portal/queries.jsonl", own: true,
			floor: scores{top1: 0.53, top3: 0.89, p1: 0.8, fallback: 0.95, wrong: 0.025}},
		// The blind clinic sets never trained on, asked of the clinic's
		// questions alone, without alternates: a knowledge base without a
		// classifier, whose confidence is confBareModel's (see
		// bareTrainSets).
		{name: "clinic-blind9-bare", kb: "clinic/kb.yaml", queries: "blind/clinic9.jsonl", ownQueries: true, bare: true,
			floor: scores{top1: 0.64, top3: 0.92, p1: 0.825, fallback: 0.85, wrong: 0.065}},
		{name: "clinic-blind10-bare", kb: "clinic/kb.yaml", queries: "blind/clinic10.jsonl", ownQueries: true, bare: true,
			floor: scores{top1: 0.56, top3: 0.92, p1: 0.845, fallback: 0.93, wrong: 0.035}},
		{name: "clinic-blind11-bare", kb: "clinic/kb.yaml", queries: "blind/clinic11.jsonl", ownQueries: true, bare: true,
			floor: scores{top1: 0.46, top3: 0.9, p1: 0.79, fallback: 0.885, wrong: 0.065}},
		{name: "clinic-blind12-bare", kb: "clinic/kb.yaml", queries: "blind/clinic12.jsonl", ownQueries: true, bare: true,
			floor: scores{top1: 0.48, top3: 0.93, p1: 0.815, fallback: 0.92, wrong: 0.045}},
		{name: "clinic-blind13-bare", kb: "clinic/kb.yaml", queries: "blind/clinic13.jsonl", ownQueries: true, bare: true,
			floor: scores{top1: 0.505, top3: 0.885, p1: 0.795, fallback: 0.925, wrong: 0.055}},
		{name: "clinic-blind14-bare", kb: "clinic/kb.yaml", queries: "blind/clinic14.jsonl", ownQueries: true, bare: true,
			floor: scores{top1: 0.305, top3: 0.89, p1: 0.72, fallback: 0.965, wrong: 0.025}},
		{name: "clinic-blind15-bare", kb: "clinic/kb.yaml", queries: "blind/clinic15.jsonl", ownQueries: true, bare: true,
			floor: scores{top1: 0.465, top3: 0.94, p1: 0.835, fallback: 0.87, wrong: 0.06}},
		// demo2 was written last and measured once, never tuned against.
		{name: "demo2", kb: "../../faq.yaml", queries: "demo2/queries.jsonl", own: true,
			floor: scores{top1: 0.815, top3: 0.93, p1: 0.87, fallback: 0.915, wrong: 0.05}},
	}
}

func needEval(t testing.TB) {
	t.Helper()
	if _, err := os.Stat(evalDir); err != nil {
		t.Skipf("evaluation data not found at %s (the shared directory sits beside the repository): %v", evalDir, err)
	}
}

// TestEval measures the matcher on the shared evaluation sets and on our
// own held-out set (testdata/heldout: a practice and messages written for
// this package and never tuned against) and fails if a figure drops below
// its floor. Run with -v to see the figures, and with
// FAQ_EVAL_MISSES=1 to list every miss.
func TestEval(t *testing.T) {
	for _, set := range evalSets() {
		t.Run(set.name, func(t *testing.T) {
			kbDir, qDir := evalDir, evalDir
			switch {
			case set.own:
				kbDir, qDir = "testdata", "testdata"
			case set.ownQueries:
				qDir = "testdata"
				fallthrough
			default:
				needEval(t)
			}
			kb, err := Load(filepath.Join(kbDir, set.kb))
			if err != nil {
				t.Fatalf("load %s: %v", set.kb, err)
			}
			if set.bare {
				kb = bareKB(kb)
			}
			qs := loadQueries(t, filepath.Join(qDir, set.queries))
			if set.lang != "" {
				var keep []evalQuery
				for _, q := range qs {
					if q.Lang == set.lang {
						keep = append(keep, q)
					}
				}
				qs = keep
			}
			var report func(evalQuery, Result)
			if os.Getenv("FAQ_EVAL_MISSES") != "" {
				report = func(q evalQuery, r Result) { reportMiss(t, q, r) }
			}
			if dump := os.Getenv("FAQ_EVAL_FEATURES"); dump != "" {
				report = featureDump(t, dump+"-"+set.name+".tsv")
			}
			got := evaluate(kb, qs, report)
			t.Logf("%s: %v", set.name, got)
			f := set.floor
			if got.top1 < f.top1 || got.top3 < f.top3 || got.p1 < f.p1 || got.fallback < f.fallback || got.wrong > f.wrong {
				t.Errorf("%s: got %v, want at least top1=%.3f top3=%.3f p1=%.3f fallback=%.3f and wrong at most %.3f",
					set.name, got, f.top1, f.top3, f.p1, f.fallback, f.wrong)
			}
		})
	}
}

func reportMiss(t *testing.T, q evalQuery, r Result) {
	confident := r.Confident && len(r.Candidates) > 0
	ok := false
	switch {
	case len(q.Want) == 0:
		ok = !confident
	case len(r.Candidates) > 0:
		ok = confident && right(r.Candidates[0].Entry, q.Want)
	}
	if ok {
		return
	}
	var b strings.Builder
	for i, c := range r.Candidates {
		if i == 3 {
			break
		}
		fmt.Fprintf(&b, " %s(%.2f s=%.1f)", c.Entry.ID, c.Confidence, c.Score)
	}
	kind := "MISS"
	if len(q.Want) > 0 && (len(r.Candidates) == 0 || !right(r.Candidates[0].Entry, q.Want)) {
		kind = "RANK"
	}
	t.Logf("%s %q want=%v lang=%s conf=%v:%s", kind, q.Q, q.Want, r.Lang, confident, b.String())
}

// featureDump writes the top candidate's features of every query, with
// its label (right, wrong, out of scope), for calibrating confidence.
func featureDump(t *testing.T, path string) func(evalQuery, Result) {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	fmt.Fprintln(f, "label\tp\tmargin\tnn\tcover\tcoverAll\tunknown\tmissMax\tmissSum\tguess\tclf\tconf\tq")
	return func(q evalQuery, r Result) {
		label := "out"
		if len(q.Want) > 0 {
			label = "wrong"
			if len(r.Candidates) > 0 && right(r.Candidates[0].Entry, q.Want) {
				label = "right"
			}
		}
		var c features
		var conf float64
		if len(r.Candidates) > 0 {
			c, conf = *r.Candidates[0].f, r.Candidates[0].Confidence
		}
		fmt.Fprintf(f, "%s", label)
		for _, v := range c.confVector() {
			fmt.Fprintf(f, "\t%.3f", v)
		}
		fmt.Fprintf(f, "\t%.3f\t%q\n", conf, q.Q)
	}
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return data
}
