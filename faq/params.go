package faq

// params are the scoring constants. They live in the index (not in
// package variables) so a tuning run can build indexes with other values.
type params struct {
	// weight says how much one occurrence in each field counts.
	weight [nFields]float32
	// b says how much a long field dilutes its words; alternates are many
	// short questions, so their total length says little.
	b  [nFields]float32
	k1 float32
	// fieldIDF scores each field with its own idf and saturation and sums
	// them (a word rare among questions is a strong clue even if many
	// answers mention it); otherwise one BM25F over all fields.
	fieldIDF bool
	// tags are matched as keywords when set.
	tags bool
	// qsim is the weight of the best variant's cosine against the share
	// of the BM25F score in the ranking.
	qsim float32
	// commonAnswer scales a match found only in the answer when the word
	// is everyday English.
	commonAnswer float32
	// commonWeight is the weight of an everyday English word in a message
	// ("night", "meeting") against a specific one ("diabetes").
	commonWeight float32
	// rank and conf are the weights of the ranking and confidence models
	// (see rank.go), intercept first.
	rank, conf []float64
}

var defaultParams = params{
	weight:       [nFields]float32{fQuestion: 1.0, fAlternate: 0.8, fKeyword: 0.8, fAnswer: 0.2},
	b:            [nFields]float32{fQuestion: 0.5, fAlternate: 0.3, fKeyword: 0.3, fAnswer: 0.6},
	k1:           1.2,
	fieldIDF:     false,
	qsim:         0.6,
	commonAnswer: 0.3,
	commonWeight: 0.6,
	rank:         defaultRank,
	conf:         defaultConfidence,
}
