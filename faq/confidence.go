package faq

// Thresholds the engine's three replies hang on. They are calibrated on
// held-out messages (see eval_test.go): a confident answer must be right
// far more often than not, because a patient trusts it.
const (
	// ConfidentAt is the confidence from which the best candidate is the
	// answer.
	ConfidentAt = 0.8
	// SuggestAt is the confidence from which a candidate is worth offering
	// as "did you mean".
	SuggestAt = 0.15
	// maxSuggestions is how many "did you mean" buttons a reply offers.
	maxSuggestions = 3
)

// defaultRank and defaultConfidence are the two linear models of
// rank.go, fitted by TestCalibrate (FAQ_CALIBRATE=1) on half the clinic
// dev set at a time and checked on the other half and the held-out set.
var (
	defaultRank       = []float64{-12.059, 1.019, 2.02, 2.561, -0.28, -0.436, 0.904, 5.84, 1.313, 3.563}
	defaultConfidence = []float64{-2.47, 1.123, 2.593, 1.213, 1.021, -1.608, -0.566, 0.293}
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
	for _, x := range c {
		if x.Confidence >= SuggestAt && len(res.Suggestions) < maxSuggestions {
			res.Suggestions = append(res.Suggestions, x)
		}
	}
}
