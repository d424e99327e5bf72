package faq

import (
	"sync"
	"unicode/utf8"
	"unsafe"
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
	// Alternatives, when Confident, are up to two runner-ups the ranking
	// did not rule out, worth offering beside the answer: a patient
	// whose question the answer missed gets the entry they meant one tap
	// away. Empty when the answer is clear.
	Alternatives []Candidate
	// Advice means the message asks for individual medical advice ("is
	// 150 over 95 bad", "can i take ibuprofen with lisinopril"), or tells
	// a reading or a symptom of the patient's own with no question for
	// the clinic ("my blood sugar is 400", "i am in pain"). Only an entry
	// whose own phrasing asks such a question, about everything the
	// message names, is ever given as its answer; without one, the
	// patient should hear that the bot cannot advise, not "did you mean".
	Advice bool
}

// Candidate is an entry and how well it matches.
type Candidate struct {
	Entry *Entry
	// Score is the ranking score; comparable only within one message.
	Score float64
	// Confidence estimates the chance, from 0 to 1, that this entry is the
	// one the patient meant.
	Confidence float64

	p float64 // the ranking model's chance, which orders the candidates
	// f is what Score and Confidence were computed from, for the tests'
	// and explain's eyes only: nil from Match, whose Result would
	// otherwise carry five copies of it (664 of the 665 bytes Match
	// allocated per clinic message).
	f *features
}

// MaxCandidates is how many ranked entries a Result carries.
const MaxCandidates = 5

// maxQueryBytes bounds the text Match reads: a chat message longer than
// this is a paste, and its first part says what it is about.
const maxQueryBytes = 8 << 10

// Match ranks the entries for a patient's message. langHint is the
// platform's idea of the sender's language ("es", "en-US", or ""); the text
// itself decides, and the hint only breaks ties. Match is safe for
// concurrent use and allocates little.
func (kb *KB) Match(text, langHint string) Result {
	return kb.match(text, langHint, false)
}

// matchExplained is Match with each candidate's features kept (Candidate.f).
func (kb *KB) matchExplained(text, langHint string) Result {
	return kb.match(text, langHint, true)
}

func (kb *KB) match(text, langHint string, explained bool) Result {
	ix := kb.idx
	if len(text) > maxQueryBytes {
		cut := maxQueryBytes
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	sc := ix.getScratch()
	defer ix.putScratch(sc)
	l := ix.analyzeQuery(sc, text, langHint)
	ix.score(sc)
	return ix.result(sc, l, explained)
}

// analyzeQuery splits and analyses a message into sc and returns its
// language.
func (ix *index) analyzeQuery(sc *scratch, text, langHint string) lang {
	sc.tok.split(text)
	// The folded text aliases the tokenizer's buffer, which the next
	// split overwrites: nothing that outlives this call may keep a piece
	// of it (record clones a word it remembers).
	sc.text = unsafe.String(unsafe.SliceData(sc.tok.buf), len(sc.tok.buf))
	sc.exact = ix.exactEntry(&sc.tok)
	sc.qmask = 0
	sc.recs = sc.recs[:0]
	es, en := marks(text), 0
	for _, tk := range sc.tok.toks {
		r := ix.record(sc.text[tk.start:tk.end])
		sc.recs = append(sc.recs, r)
		sc.qmask |= r.qbit
		if tk.end-tk.start < 2 {
			continue // a letter casts no vote (see singleLetter)
		}
		switch r.vote {
		case 1:
			es++
		case -1:
			en++
		}
	}
	l := pickLang(es, en, langHint, ix.kbLang)
	sc.lang = l
	ix.slots(sc, l)
	return l
}

// scratch holds the per-call buffers of Match, reused through a pool so
// that a match allocates little. Arrays by entry or variant are all zero
// between calls; touched and vtouch say which to reset.
type scratch struct {
	tok   tokenizer
	text  string
	slots []slot
	qmask uint16 // the message's question words
	// advice: the message asks for individual medical advice; told, it
	// tells a reading or a symptom of the patient's own (see isTold).
	advice, told bool
	// others: the message asks about someone else's business (see
	// others.go).
	others bool
	// knowledge: the message asks how the world works (see knowledge.go).
	knowledge bool
	neg       bool          // the message has a negation
	join      []byte        // two words written as one (see splitWord)
	exact     int32         // the entry the message is a phrasing of, or -1
	recs      []*wordRecord // the records of the message's words
	infos     []*wordInfo   // their analyses in the message's language
	words     []string      // the message's folded words
	advc      []adviceClass // their roles in advice questions

	// By entry.
	ent     []entryAcc
	inCand  []bool
	touched []int32 // entries with a score
	hit     []int32 // entries the current slot reached
	cand    []int32 // entries holding a rarer term (see candidates)

	// By variant.
	vbest  []float32
	vsum   []float32
	vhit   []int32
	vtouch []int32

	lights []lightSlot // the light slots, while scoreLight adds them
	qx     []alt       // the classifier's input
	qpos   []int32     // term → its place in qx plus one, 0 when not there (by term)
	qrows  []alt       // its terms' rows: offset in the weights, and value
	clfP   []float32   // the classifier's chance of each candidate, among them
	top    []int32     // the candidates, while preselecting
	keys   []uint64    // by place in touched: its key for preselecting

	lang     lang         // the message's language
	marks    wordingMarks // the message's words and pairs (see wording.go)
	qtotal   float32      // the message's informative weight
	possible float32      // Σ over slots of the best any entry got
	cands    []cand
}

// entryAcc is what a message adds up for one entry.
type entryAcc struct {
	lex      float32 // BM25F
	cover    float32 // informative weight matched in question fields
	coverAll float32 // the same, answers included (at answerCover)
	nn       float32 // similarity of the closest phrasing
	bestV    int32   // the closest phrasing
	matched  uint64  // slots (the first 64) the entry matches in any field
	sure     uint64  // the same, through the word itself or its synonyms, not a guess
	// The current slot: its best posting, and the weight of its best way
	// to match in the answer only (way[0]) and in a question field
	// (way[1]), indexed by the posting's strong.
	best float32
	way  [2]float32
	seen bool
}

type pool struct{ p sync.Pool }

func (ix *index) getScratch() *scratch {
	sc, _ := ix.pool.p.Get().(*scratch)
	if sc == nil {
		nv := len(ix.vars.entry)
		sc = &scratch{
			ent:    make([]entryAcc, ix.n),
			inCand: make([]bool, ix.n),
			vbest:  make([]float32, nv),
			vsum:   make([]float32, nv),
		}
	}
	return sc
}

// resetThrough zeroes the places of a that touched lists, through the
// list, unless it holds a good share of a: a message often reaches most
// of a small knowledge base's entries, and clearing the whole array in
// one go is then cheaper.
func resetThrough[T any](a []T, touched []int32) {
	if 4*len(touched) >= len(a) {
		clear(a)
		return
	}
	var zero T
	for _, i := range touched {
		a[i] = zero
	}
}

func (ix *index) putScratch(sc *scratch) {
	resetThrough(sc.ent, sc.touched)
	resetThrough(sc.vsum, sc.vtouch)
	sc.touched, sc.vtouch = sc.touched[:0], sc.vtouch[:0]
	if cap(sc.slots) > 1024 {
		sc.slots = nil // do not keep a huge message's buffers alive
	}
	if cap(sc.tok.buf) > 1<<16 {
		sc.tok = tokenizer{}
	}
	ix.pool.p.Put(sc)
}
