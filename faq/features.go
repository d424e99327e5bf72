package faq

// features describe how one candidate entry matches a message, each on a
// scale that means the same in any knowledge base (shares and
// similarities, not raw scores).
//
// Every Result carries them for each candidate, so they are kept small:
// a feature computed in float32 is kept in float32, and one with a few
// values as the small numbers it is computed from; the vectors the models
// read convert them exactly as the computation would have.
type features struct {
	lexN     float64 // BM25F as a share of the best each word got anywhere
	cover    float64 // share of the message's weight found in question fields
	coverAll float64 // the same, answers included at answerCover
	// For the confidence, set after ranking.
	p       float64 // the linear ranking model's chance (before the reranker)
	margin  float64 // p minus the best p of the other candidates
	unknown float64 // share of the message's weight no entry knows
	missSum float64 // share of the message's weight the entry does not match
	guess   float64 // share matched only through guesses (typo, related word, category)

	nn      float32 // Dice with the closest phrasing
	vrec    float32 // share of the closest phrasing's weight the message says
	clf     float32 // the classifier's chance
	missMax float32 // the weightiest word the entry does not match, over the rarest term's idf
	// missRare is the share of the message's weight in words the entry
	// does not match that are not everyday English words: "something came
	// up at work" around a cancellation says little against the entry,
	// "gym" or "tattoo" says much.
	missRare float32
	// wording gives wUni and wBi, the best Dice of the message's words,
	// and of its pairs of words, with a phrasing (see wording.go).
	wording wording
	// qtype2 is twice qtype: 2 when the message asks with the entry's
	// question words, 0 with others, 1 when unknown.
	qtype2 uint8
	// nspec is how many content words the entry matches surely, up to 3.
	nspec uint8
	// agree is agreeK times 1/agreeN: agreeK of the agreeN rankings
	// (BM25F, closest phrasing, classifier) put this entry first among
	// the candidates.
	agreeK, agreeN uint8
	// negMis: the message has a negation and the closest phrasing has
	// none, or the reverse: "a visit with my insurance" is not "a visit
	// without insurance".
	negMis bool
	// keyHit: the entry matches the message's weightiest word surely (not
	// through a guess).
	keyHit bool
	// lightOnly: the entry matches only light words of the
	// message ("thank you so much" matches "how much" and nothing else).
	lightOnly bool
	// advice: the message asks for individual medical advice and the
	// entry's closest phrasing does not.
	advice bool
}

// qtype is 1 when the message asks with the same question words as the
// entry, 0 with others, 0.5 when unknown.
func (f *features) qtype() float64 { return float64(f.qtype2) / 2 }

// nspecShare is nspec over three.
func (f *features) nspecShare() float64 { return min(float64(f.nspec)/3, 1) }

// agree is the share of the rankings that put this entry first, added up
// one ranking at a time.
func (f *features) agree() float64 {
	var a float64
	for range f.agreeK {
		a += 1 / float64(f.agreeN)
	}
	return a
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func (f *features) rankVector() []float64 {
	return []float64{f.lexN, float64(f.nn), f.cover, f.coverAll, float64(f.vrec), f.qtype(), float64(f.clf),
		b2f(f.negMis), f.wording.uni(), f.wording.bi()}
}

// scopeVector is what the in-scope model reads: how much of the message
// the entry explains.
func (f *features) scopeVector() []float64 {
	return []float64{float64(f.nn), f.cover, f.coverAll, f.unknown, float64(f.missMax), f.missSum, f.guess,
		b2f(f.keyHit), f.nspecShare(), float64(f.missRare)}
}

// rightVector is what the right-entry model reads: how clearly the entry
// beats the others.
func (f *features) rightVector() []float64 {
	return []float64{f.p, f.margin, float64(f.clf), float64(f.nn), f.cover, f.agree()}
}

// confVector is every confidence feature, for diagnostics.
func (f *features) confVector() []float64 {
	return []float64{f.p, f.margin, float64(f.nn), f.cover, f.coverAll, f.unknown, float64(f.missMax), f.missSum,
		f.guess, float64(f.clf)}
}

// boostDim is how many inputs the trees read: boostVector's length, and
// rerankVector's.
const boostDim = 26

// boostVector is what the confidence's trees read about the best
// candidate f: every feature, its runner-up's (nil when it has none)
// closeness, classifier chance and lexical score, and lin, the linear
// models' confidence.
func (f *features) boostVector(runner *features, lin float64) [boostDim]float64 {
	x := [boostDim]float64{f.lexN, float64(f.nn), f.cover, f.coverAll, float64(f.vrec), f.qtype(), float64(f.clf),
		b2f(f.negMis), f.wording.uni(), f.wording.bi(), f.p, f.margin, f.unknown, float64(f.missMax), f.missSum,
		f.guess, float64(f.missRare), b2f(f.keyHit), f.nspecShare(), f.agree(), b2f(f.lightOnly), b2f(f.advice)}
	if runner != nil {
		x[22], x[23], x[24] = float64(runner.nn), float64(runner.clf), runner.lexN
	}
	x[25] = lin
	return x
}

// best holds the best value of a few features over a message's
// candidates, for the reranker to read each one against.
type best struct{ p, lexN, nn, clf, cover float64 }

func (b *best) add(f *features) {
	b.p, b.lexN, b.nn = max(b.p, f.p), max(b.lexN, f.lexN), max(b.nn, float64(f.nn))
	b.clf, b.cover = max(b.clf, float64(f.clf)), max(b.cover, f.cover)
}

// rerankVector is what the reranking trees read about f, the candidate
// in place r of the linear ranking: its ranking features, and how far it
// is from the best of the candidates on the ones that order them most.
// The rest of the vector is zero. The scope features (how much of the
// message the entry explains) made the trees order our clinic sets a
// little better but the public sets worse: long answers explain much of
// any message (covid-jhu's P@1 0.749 with them, 0.766 without).
func (f *features) rerankVector(r int, b *best) [boostDim]float64 {
	return [boostDim]float64{f.lexN, float64(f.nn), f.cover, f.coverAll, float64(f.vrec), f.qtype(), float64(f.clf),
		b2f(f.negMis), f.wording.uni(), f.wording.bi(),
		f.p, f.p - b.p, float64(r), f.lexN - b.lexN, float64(f.nn) - b.nn, float64(f.clf) - b.clf, f.cover - b.cover,
		f.agree()}
}
