package faq

import (
	"sync"
	"sync/atomic"
)

// Result is what the knowledge base says about one message.
type Result struct {
	// Lang is the language the message is written in ("en", "es"), from
	// the text itself; the hint given to Match only breaks ties.
	Lang string
	// Candidates are the best entries, best first (at most MaxCandidates).
	Candidates []Candidate
	// Confident means Candidates[0] may be given as the answer.
	Confident bool
	// Suggestions, when not Confident, are up to three entries worth
	// offering as "did you mean"; empty means fall back to the clinic's
	// contact.
	Suggestions []Candidate
}

// Candidate is an entry and how well it matches.
type Candidate struct {
	Entry *Entry
	// Score is the raw relevance (BM25F); comparable only within one
	// knowledge base.
	Score float64
	// Confidence estimates the chance, from 0 to 1, that this entry is the
	// one the patient meant.
	Confidence float64

	f features // what Confidence was computed from
}

// MaxCandidates is how many ranked entries a Result carries.
const MaxCandidates = 5

// scratch holds the per-call buffers of Match, reused through a pool so
// that a match allocates little.
type scratch struct {
	tok      tokenizer
	text     string
	slots    []slot
	score    []float32 // per entry: total
	cover    []float32 // per entry: coverage weight matched in question fields
	weak     []float32 // per entry: coverage weight matched only in the answer
	best     []float32 // per entry: this slot's best score
	bestStr  []float32 // per entry: weight of this slot's best way to match in a question field
	bestWeak []float32 // per entry: the same, in the answer only
	touched  []int32   // entries with a score, unordered
	slotHit  []int32   // entries the current slot reached
	top      []int32
	maxSlot  []float32 // per slot: the best score any entry got from it
	qsim     []float32 // per entry: Dice of its closest variant
	final    []float32 // per entry: the ranking score
	vbest    []float32 // per variant: this slot's best
	vsum     []float32 // per variant: sum over slots
	vtouch   []int32   // variants with a sum
	vhit     []int32   // variants the current slot reached
	qmask    uint16    // question words of the message
	strong   []uint64  // per entry: the slots (first 64) it matches in question fields
	cand     []int32   // entries holding a rarer term (see score)
	inCand   []bool    // per entry: in cand
	spec     []float32 // per entry: coverage of specific words
	bestV    []int32   // per entry: its closest variant
	qtotal   float32   // the message's weight, for variants
	cands    []cand
	advice   bool // the message asks for medical advice
}

type pool struct{ p sync.Pool }

// memo remembers the analysis of words first seen in messages.
type memo struct {
	m sync.Map // lang digit + folded word → *wordInfo
	n atomic.Int64
}

func (ix *index) getScratch() *scratch {
	sc, _ := ix.pool.p.Get().(*scratch)
	if sc == nil {
		sc = &scratch{
			score:    make([]float32, ix.n),
			cover:    make([]float32, ix.n),
			weak:     make([]float32, ix.n),
			best:     make([]float32, ix.n),
			bestStr:  make([]float32, ix.n),
			bestWeak: make([]float32, ix.n),
			qsim:     make([]float32, ix.n),
			final:    make([]float32, ix.n),
			inCand:   make([]bool, ix.n),
			spec:     make([]float32, ix.n),
			strong:   make([]uint64, ix.n),
			bestV:    make([]int32, ix.n),
			vbest:    make([]float32, len(ix.vars.entry)),
			vsum:     make([]float32, len(ix.vars.entry)),
		}
	}
	return sc
}

func (ix *index) putScratch(sc *scratch) {
	for _, e := range sc.touched {
		sc.score[e], sc.cover[e], sc.weak[e], sc.qsim[e], sc.final[e], sc.spec[e], sc.strong[e] = 0, 0, 0, 0, 0, 0, 0
	}
	for _, v := range sc.vtouch {
		sc.vsum[v] = 0
	}
	sc.touched, sc.vtouch = sc.touched[:0], sc.vtouch[:0]
	if cap(sc.slots) > 1024 {
		sc.slots = nil // do not keep a huge message's buffers alive
	}
	if cap(sc.tok.buf) > 1<<16 {
		sc.tok = tokenizer{}
	}
	ix.pool.p.Put(sc)
}
