package faq

// Thresholds the engine's three replies hang on. They are calibrated on
// held-out messages (see eval_test.go): a confident answer must be right
// far more often than not, because a patient trusts it.
const (
	// ConfidentAt is the confidence from which the best candidate is the
	// answer.
	ConfidentAt = 0.85
	// SuggestAt is the ranking model's chance from which a candidate is
	// worth offering as "did you mean".
	SuggestAt = 0.05
	// suggestGate is the confidence of the best candidate under which a
	// message gets no suggestions at all, only the fallback: nothing in
	// the knowledge base is close.
	suggestGate = 0.2
	// maxSuggestions is how many "did you mean" buttons a reply offers.
	maxSuggestions = 3
)

// defaultRank and defaultConfidence are the two linear models of
// rank.go, fitted by TestCalibrate (FAQ_CALIBRATE=1) on half the clinic
// dev set at a time and checked on the other half and the held-out set.
var (
	defaultRank       = []float64{0, 1.939, 2.442, 2.926, 0.551, 1.784, 0.645, 3.975, -0.415, 1.395, 1.358, -0.12}
	defaultConfidence = []float64{-1.966, 0.894, 0.924, 1.069, 0.297, -0.963, -1.292, 0.971, 1.709, -1.415}
)

// decide fills Confident and Suggestions from the candidates' confidence.
func (ix *index) decide(res *Result) {
	c := res.Candidates
	if len(c) == 0 {
		return
	}
	if c[0].Confidence >= ConfidentAt {
		res.Confident = true
		return
	}
	// Suggest when the best candidate is at least plausible, by the
	// ranking model's chance (the confidence model rates only the best):
	// the entries likely enough to be worth a button.
	if c[0].Confidence < suggestGate {
		return
	}
	for _, x := range c {
		if x.f.p >= SuggestAt && len(res.Suggestions) < maxSuggestions {
			res.Suggestions = append(res.Suggestions, x)
		}
	}
}
