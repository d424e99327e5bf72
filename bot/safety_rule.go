package bot

import "math/bits"

// safetyRule is one compiled line of the rule tables: a phrase pattern, what
// a match means (its effect) and which contexts cancel it (its guards).
type safetyRule struct {
	slots   []safetySlot
	need    []safetyBloom // one per required slot after the first: a word of it must be in the chunk
	effect  uint8
	arg     uint8  // weak-clue bit for the weak effects
	guard   uint16 // safetyG* bits
	atStart bool   // the match must begin a sentence (^)
	atEnd   bool   // the match must end a sentence ($)
	src     string // the rule as written, for test failures
}

// safetySlot matches one token: a word of a set, or a number in a range. gap
// is how many other tokens may come before it; opt lets it be absent.
type safetySlot struct {
	ids    []uint16 // sorted lexicon ids
	lo, hi int32    // number range, when hasNum
	hasNum bool
	gap    uint8
	opt    bool
}

// safetyBloom is a 256-bit summary of a set of word ids (bit id mod 256).
// If a slot's bloom and the chunk's share no bit, no word of the slot is in
// the chunk and the rule cannot match: most rules are ruled out by a few
// ANDs before any matching.
type safetyBloom [4]uint64

func (b *safetyBloom) add(id uint16) { b[id>>6&3] |= 1 << (id & 63) }
func (b *safetyBloom) bits() int {
	return bits.OnesCount64(b[0]) + bits.OnesCount64(b[1]) + bits.OnesCount64(b[2]) + bits.OnesCount64(b[3])
}
func (b *safetyBloom) meets(o *safetyBloom) bool {
	return b[0]&o[0]|b[1]&o[1]|b[2]&o[2]|b[3]&o[3] != 0
}

// possible reports whether every required slot has a word in the chunk.
func (r *safetyRule) possible(chunk *safetyBloom) bool {
	for i := range r.need {
		if !r.need[i].meets(chunk) {
			return false
		}
	}
	return true
}

// Effects of a rule.
const (
	safetyCrisis     uint8 = iota + 1 // a crisis on its own
	safetyEmergency                   // an emergency on its own
	safetyCrisisClue                  // one weak crisis clue (two kinds make a crisis)
	safetyEmergClue                   // one weak emergency clue
	safetySelfHarm                    // an act of self-harm done; turns a crisis into an emergency
	safetyAbuse                       // someone hurting or threatening the sender
	safetyOrdinary                    // words the rules judge ordinary: the model does not overrule them
	// Markers: they only set context for the guards.
	safetyMTopic
	safetyMIdiom
	safetyMNeg
	safetyMFut
	safetyMPost
	safetyMSvc
	safetyMHypo
	safetyMPast
	safetyMRecent
	safetyMAcute
	safetyMChronic
	safetyMResolved
	safetyMJoke
	safetyMSkip // consumes its tokens (with k) and does nothing else
)

// Guards: a trigger whose context has one of its guards does not count.
const (
	safetyGNeg      uint16 = 1 << iota // n: negated ("not suicidal", "would never")
	safetyGFut                         // f: intended, not done ("want to take all my pills")
	safetyGPost                        // a: after an event ("after my heart attack")
	safetyGSvc                         // s: asked about as a service ("do you screen for")
	safetyGHypo                        // h: hypothetical ("if someone stops breathing")
	safetyGPast                        // p: far past, unless acute
	safetyGRecent                      // q: far or recent past, unless acute
	safetyGChronic                     // o: habitual, unless acute
	safetyGResolved                    // r: over ("fine now")
	safetyGJoke                        // j: laughed at ("lol" in the sentence or the next)
	safetyGTopic                       // t: a topic word within two tokens
	safetyGIdiom                       // i: part of an idiom
	safetyGFresh                       // x: no token already consumed by a marker
	safetyGConsume                     // k: (markers) consume the matched tokens
)

// match returns the end of a match of r starting at token i, or -1.
func (r *safetyRule) match(lx *safetyLexicon, toks []safetyTok, i int) int {
	if r.atStart && i > 0 && toks[i-1].sent == toks[i].sent {
		return -1
	}
	if !r.slots[0].has(&toks[i]) {
		return -1
	}
	return r.from(lx, toks, 1, i+1, 0, toks[i].sent)
}

// from matches slots[k:] from token pos. Gaps stay inside the sentence and
// never skip a negation: "i hope my plant doesnt die" is no wish to die.
func (r *safetyRule) from(lx *safetyLexicon, toks []safetyTok, k, pos, extra int, sent uint16) int {
	if k == len(r.slots) {
		if r.atEnd && pos < len(toks) && toks[pos].sent == sent {
			return -1
		}
		return pos
	}
	s := &r.slots[k]
	gap := int(s.gap) + extra
	for j := pos; j <= pos+gap && j < len(toks) && toks[j].sent == sent; j++ {
		if s.has(&toks[j]) {
			if e := r.from(lx, toks, k+1, j+1, 0, sent); e >= 0 {
				return e
			}
		}
		if toks[j].class&safetyWNeg != 0 {
			break
		}
	}
	if s.opt {
		return r.from(lx, toks, k+1, pos, gap, sent)
	}
	return -1
}

func (s *safetySlot) has(t *safetyTok) bool {
	if t.id == 0 {
		return false
	}
	if s.hasNum && t.num >= s.lo && t.num <= s.hi && t.id == safetyNumID {
		return true
	}
	ids := s.ids
	if len(ids) <= 8 {
		for _, id := range ids {
			if id == t.id {
				return true
			}
		}
		return false
	}
	lo, hi := 0, len(ids)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if ids[m] < t.id {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(ids) && ids[lo] == t.id
}
