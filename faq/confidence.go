package faq

// Thresholds the engine's three replies hang on. They are calibrated on
// held-out messages (see eval_test.go): a confident answer must be right
// far more often than not, because a patient trusts it.
const (
	// ConfidentAt is the confidence from which the best candidate is the
	// answer.
	ConfidentAt = 0.5
	// SuggestAt is the confidence from which a candidate is worth offering
	// as "did you mean".
	SuggestAt = 0.15
	// maxSuggestions is how many "did you mean" buttons a reply offers.
	maxSuggestions = 3
)

// confidence maps a candidate's features to the estimated chance that it
// is the entry the patient meant.
func confidence(f features) float64 {
	x := -4.0 + 6.0*f.cover + 1.5*f.weak + 2.0*f.share + 3.0*f.margin - 3.0*f.unknown
	return sigmoid(x)
}

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
