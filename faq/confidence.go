package faq

// Thresholds the engine's three replies hang on. A confident answer must
// be right far more often than not, because a patient trusts it.
const (
	// ConfidentAt is the confidence from which the best candidate is the
	// answer: the highest that keeps the foundation's floors on the
	// clinic dev set (top1 0.83, its Spanish lines 0.92; see
	// TestEvalFloors); at 0.66 the Spanish lines fall to 0.90. On the
	// five blind clinic sets never trained on (clinic-blind9 to 13 in
	// eval_test.go), the reranker and this threshold answer more of four
	// and are wrong less often on four than the confidence alone did at
	// 0.59. With both models of trees trained on all our sets but one,
	// for each in turn, the one left out is answered 0.807 of its
	// answerable messages at 0.058 wrong, pooled (0.813 at 0.060 before
	// the reranker, at 0.59). A stricter threshold trades answers for
	// fewer wrong ones: 0.70 answers 0.787 at 0.049, 0.80 answers 0.717
	// at 0.027, but the dev set's top1 and its Spanish lines then fall
	// under their floors.
	// FAQ_CALIBRATE=1 TestConfidenceModelCV prints the trade-off.
	ConfidentAt = 0.65
	// ConfidentBareAt is ConfidentAt for a knowledge base without a
	// classifier, whose confidence is confBareModel's (see confidenceOf).
	// No floor of the dev set binds it, so it is the lowest at which the
	// sets confBareModel learns from, each held out in turn, are answered
	// wrongly at most 0.03 of the time, pooled: at 0.80, 0.491 of their
	// answerable messages are answered, at 0.027 wrong; at 0.78, 0.518 at
	// 0.031; at 0.65 (ConfidentAt) 0.634 at 0.062. confModel, which gave
	// these knowledge bases their confidence before, answered 0.301 at
	// 0.012 wrong at 0.65.
	ConfidentBareAt = 0.80
	// SuggestAt is the ranking model's chance from which a candidate is
	// worth offering as "did you mean".
	SuggestAt = 0.05
	// suggestGate is the confidence of the best candidate under which a
	// message gets no suggestions at all, only the fallback: nothing in
	// the knowledge base is close. At 0.03 the out-of-scope messages of
	// our sets are offered suggestions about as often as before the
	// confidence model (0.65 to 0.84 of them, against 0.55 to 0.87), and
	// top3 is as it was; at 0.1 covid-jhu's top3 falls from 0.877 to
	// 0.788.
	suggestGate = 0.03
	// maxSuggestions is how many "did you mean" buttons a reply offers.
	maxSuggestions = 3
	// AlternativeAt is the ranking's chance (after the reranker) from
	// which a runner-up is offered beside a confident answer. On the
	// clinic dev set, 0.07 offers one on 41 of 174 confident answers, and
	// the entry the patient meant is among them for 3 of its 4 wrong
	// ones. (The reranker makes the chances sharper: before it, 0.10
	// offered one on 26 of 176.)
	AlternativeAt = 0.07
	// maxAlternatives is how many runner-ups an answer offers.
	maxAlternatives = 2
	// adviceCap is the most confidence a candidate gets when the message
	// asks for individual medical advice and the entry does not ask that
	// kind of question: it may be offered, never given as the answer.
	adviceCap = 0.3
	// lightCap is the most confidence a candidate gets when it matches
	// only the message's light words (question words and the like): "who
	// are you" is not "who are your doctors"; or when none of its
	// phrasings shares a content word with the message, so that it
	// matches through its keywords or answer alone: "do you do dental
	// cleanings" is not a question about filler, whose aftercare answer
	// mentions dental work. On our evaluation sets such answers were
	// wrong 8 times out of 10. Also when the message asks about someone
	// else's business (see others.go). A knowledge base without a
	// classifier is not capped for want of a shared word: with one
	// phrasing per entry that is common, and confBareModel, which reads
	// the closeness, is right about it often enough (with the cap lifted
	// there, its training sets, each held out in turn, were answered 0.491
	// of the time at 0.027 wrong at ConfidentBareAt, against 0.464 at
	// 0.025 with it).
	lightCap = 0.5
)

// rankWeights, scopeWeights and rightWeights are the linear models of
// rank.go, intercept first, fitted by TestCalibrate (FAQ_CALIBRATE=1). The
// confidence is the chance the message is in scope (scope) times the
// chance the best candidate is the right one if it is (right).
var (
	rankWeights  = []float64{0, 3.224, 0.392, 1.599, 2.6, 0.677, 0.807, 3.978, 0.031, 1.937, 1.665}
	scopeWeights = []float64{1.465, 0.383, 0.448, 0.639, -1.685, -0.845, -1.208, 1.07, 0.554, 1.837, -1.415}
	rightWeights = []float64{-0.315, 1.103, 2.1, 0.398, -0.257, 0.074, 0.865}
)

// confidenceOf is the chance that f, the best candidate, is the right
// answer to the message: the linear models' product, read with every
// feature by the trees of confModel (confidence_model.go), or of
// confBareModel (confidence_bare_model.go) when the knowledge base has no
// classifier (bare), both written by TestTrainedModels. Without trees, as
// while they are first trained, it is the linear models' product alone.
//
// A knowledge base has no classifier when its entries have fewer than
// two phrasings on average, as when a clinic writes its questions and no
// alternates, or when it is too large to train one. Its features then
// read differently: no classifier's chance, and closest phrasings farther
// from what patients say. The trees of confModel learned from knowledge
// bases with alternates and gave such a one little confidence in
// anything: on the blind clinic sets never trained on, asked of the
// clinic's questions alone, they answered 0.21 to 0.34 of the answerable
// messages, though the right entry came first for 0.79 to 0.85 of them.
// confBareModel learned from the same messages asked of knowledge bases
// stripped of their alternates (see bareTrainSets).
func confidenceOf(f, runner *features, bare bool) float64 {
	lin := f.linearConfidence()
	m := &confModel
	if bare {
		m = &confBareModel
	}
	if len(m.leaf) == 0 {
		return lin
	}
	x := f.boostVector(runner, lin)
	return m.prob(&x)
}

// linearConfidence is the linear models' estimate: the chance the message
// is in scope times the chance the candidate is the right one if it is.
func (f *features) linearConfidence() float64 {
	return sigmoid(linear(scopeWeights, f.scopeVector())) * sigmoid(linear(rightWeights, f.rightVector()))
}

// decide fills Confident, Suggestions and Alternatives from the
// candidates.
func (ix *index) decide(res *Result, sc *scratch) {
	c := res.Candidates
	if len(c) == 0 && sc.exact >= 0 { // a phrasing of stop words only
		res.Candidates = []Candidate{{Entry: ix.entries[sc.exact], Confidence: 1}}
		res.Confident = true
		return
	}
	if len(c) == 0 {
		return
	}
	// A message that is one of an entry's phrasings, and of no other
	// entry's, is that entry's question, whatever the models think.
	if sc.exact >= 0 {
		k := -1
		for i := range c {
			if c[i].Entry.pos == int(sc.exact) {
				k = i
			}
		}
		if k < 0 { // not among the best: take the last place
			k = len(c) - 1
			c[k] = Candidate{Entry: ix.entries[sc.exact]}
		}
		x := c[k]
		copy(c[1:k+1], c[:k])
		c[0] = x
		c[0].Confidence = 1
		res.Confident = true
		return
	}
	at := ConfidentAt
	if ix.clf == nil {
		at = ConfidentBareAt
	}
	if c[0].Confidence >= at {
		res.Confident = true
		// Candidates are in order of p: the runner-ups worth offering
		// come first.
		k := 1
		for k < len(c) && k <= maxAlternatives && c[k].p >= AlternativeAt {
			k++
		}
		if k > 1 {
			res.Alternatives = c[1:k:k]
		}
		return
	}
	if c[0].Confidence < suggestGate {
		return
	}
	// Candidates are in order of p, so the ones worth offering come first.
	k := 0
	for k < len(c) && k < maxSuggestions && c[k].p >= SuggestAt {
		k++
	}
	if k > 0 {
		res.Suggestions = c[:k:k]
	}
}
