package bot

import (
	"math/bits"
	"strconv"
)

// SafetyKind is what the safety check found in a message.
type SafetyKind int

// The kinds of safety finding. Emergency outranks Crisis, and Crisis Abuse:
// a message that is both ("i took all my pills and i want to die") is an
// Emergency, so the 911 reply comes first.
const (
	SafetyNone      SafetyKind = iota
	SafetyCrisis               // suicide or self-harm intent or ideation, about oneself or someone else, or intent to seriously harm another person: the crisis-line reply
	SafetyEmergency            // a medical emergency happening now, including self-harm already done (pills taken, cut and bleeding): the 911 reply
	SafetyAbuse                // someone hurting or threatening the sender, at home or by a partner: 911 and the domestic violence hotline, a crisis reply
)

// String names the kind: "none", "crisis", "emergency" or "abuse".
func (k SafetyKind) String() string {
	switch k {
	case SafetyNone:
		return "none"
	case SafetyCrisis:
		return "crisis"
	case SafetyEmergency:
		return "emergency"
	case SafetyAbuse:
		return "abuse"
	}
	return "SafetyKind(" + strconv.Itoa(int(k)) + ")"
}

// CheckSafety classifies one message. It is pure, allocation-free after the
// first call (which builds the lexicon), safe for concurrent use, linear in
// the length of text, and never panics on any input, including invalid UTF-8.
//
// It reads English, Spanish and mixes of both as people type them: without
// punctuation or accents, with slang, abbreviations and common misspellings.
// It looks for phrases (over normalised word tokens) that say a person wants
// to die or harm themselves (Crisis), or that an emergency is happening now
// (Emergency), and it discounts phrases that are idioms ("this wait is
// killing me"), past or resolved ("had a seizure 2 years ago", "fine now"),
// negated ("i'm not suicidal") or the topic of a question ("do you have
// pamphlets on suicide prevention"). When in doubt between a crisis and
// nothing, it says crisis.
//
// Behind the rules a model reads every message too (see safety_model.go):
// when the rules find nothing (and cancelled nothing by its context), it
// gives the safety reply only if it is sure of a crisis or an emergency.
func CheckSafety(text string) SafetyKind {
	var sc safetyScanner
	sc.lx = safetyLexiconOnce()
	sc.model = safetyModelOnce()
	sc.scan(text)
	k := sc.score.kind()
	if k != SafetyNone && k != SafetyAbuse || sc.judged || sc.score.cweak == safetyOtherBit {
		// The rules found it, or found words of theirs and judged them
		// away: negated, past, resolved, a topic, an idiom, a joke, a
		// threat to another with nothing to make it more than anger. The
		// model, which reads words and pairs but not their scope, does
		// not overrule that.
		return k
	}
	// Abuse alone still lets the model find a crisis in the rest of the
	// message ("my dad hits me ... i have a plan for friday"): the crisis
	// reply comes first.
	if m := sc.read.kind(sc.model); m != SafetyNone {
		return m
	}
	return k
}

// safetyScore is what the rules found in one message. Strong findings decide
// alone; weak ones (each a distinct kind of clue, as a bit) decide in pairs.
type safetyScore struct {
	crisis, emergency bool
	cweak             uint32 // crisis clues, one bit per kind
	eweak             uint32 // emergency clues, one bit per kind
	selfHarmDone      bool   // an act of self-harm happened (pills taken, wrists cut)
	abuse             bool   // someone is hurting or threatening the sender
}

func (s *safetyScore) kind() SafetyKind {
	crisis := s.crisis || bits.OnesCount32(s.cweak) >= 2
	emergency := s.emergency || bits.OnesCount32(s.eweak) >= 2
	// Self-harm already done is an emergency: pills taken by someone who
	// wants to die, or a cut that bleeds.
	if crisis && (s.selfHarmDone || s.eweak&safetyBleedBit != 0) {
		emergency = true
	}
	switch {
	case emergency:
		return SafetyEmergency
	case crisis:
		return SafetyCrisis
	case s.abuse:
		return SafetyAbuse
	}
	return SafetyNone
}
