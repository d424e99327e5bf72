package bot

import (
	"slices"
	"strconv"
	"strings"
)

// rule compiles one line: "EFFECT[/GUARDS] SLOT [*N] SLOT ...".
func (b *safetyBuilder) rule(src string) {
	fields := strings.Fields(src)
	if len(fields) < 2 {
		b.errorf("rule %q: want an effect and at least one slot", src)
		return
	}
	r := safetyRule{src: src}
	eff, guards, _ := strings.Cut(fields[0], "/")
	if !b.effect(&r, eff) {
		return
	}
	for _, g := range guards {
		i := strings.IndexRune(safetyGuardLetters, g)
		if i < 0 {
			b.errorf("rule %q: unknown guard %q", src, g)
			return
		}
		r.guard |= 1 << i
	}
	gap := 0
	for k, f := range fields[1:] {
		switch {
		case f == "^" && k == 0:
			r.atStart = true
		case f == "$" && k == len(fields)-2:
			r.atEnd = true
		case f[0] == '*':
			n, err := strconv.Atoi(f[1:])
			if err != nil || n < 0 || n > 12 {
				b.errorf("rule %q: bad gap %q", src, f)
				return
			}
			gap = n
		default:
			s := b.slot(src, f)
			s.gap = uint8(gap)
			gap = 0
			r.slots = append(r.slots, s)
		}
	}
	if len(r.slots) == 0 || r.slots[0].opt || r.slots[0].gap != 0 {
		b.errorf("rule %q: the first slot must be a plain, required slot", src)
		return
	}
	for _, s := range r.slots[1:] {
		if s.opt {
			continue
		}
		var bl safetyBloom
		for _, id := range s.ids {
			bl.add(id)
		}
		if s.hasNum {
			bl.add(safetyNumID)
		}
		r.need = append(r.need, bl)
	}
	b.lx.rules = append(b.lx.rules, r)
}

// safetyGuardLetters spells the guard bits in order: n f a s h p q o r j t i x k.
const safetyGuardLetters = "nfashpqorjtixk"

func (b *safetyBuilder) effect(r *safetyRule, eff string) bool {
	markers := map[string]uint8{
		"!topic": safetyMTopic, "!idiom": safetyMIdiom, "!neg": safetyMNeg, "!fut": safetyMFut,
		"!post": safetyMPost, "!svc": safetyMSvc, "!hypo": safetyMHypo, "!past": safetyMPast,
		"!recent": safetyMRecent, "!acute": safetyMAcute, "!chronic": safetyMChronic,
		"!resolved": safetyMResolved, "!joke": safetyMJoke, "!skip": safetyMSkip,
	}
	switch {
	case eff == "C":
		r.effect = safetyCrisis
	case eff == "E":
		r.effect = safetyEmergency
	case eff == "S":
		r.effect = safetySelfHarm
	case eff == "A":
		r.effect = safetyAbuse
	case eff == "N":
		r.effect = safetyOrdinary
	case strings.HasPrefix(eff, "c."):
		r.effect = safetyCrisisClue
		return b.kind(r, safetyCrisisKinds, eff[2:])
	case strings.HasPrefix(eff, "e."):
		r.effect = safetyEmergClue
		return b.kind(r, safetyEmergencyKinds, eff[2:])
	case markers[eff] != 0:
		r.effect = markers[eff]
	default:
		b.errorf("rule %q: unknown effect %q", r.src, eff)
		return false
	}
	return true
}

func (b *safetyBuilder) kind(r *safetyRule, kinds []string, name string) bool {
	i := slices.Index(kinds, name)
	if i < 0 || i >= 32 {
		b.errorf("rule %q: unknown clue kind %q", r.src, name)
		return false
	}
	r.arg = uint8(i)
	return true
}

// slot compiles "a|b|@class|#8|#1-60" with an optional trailing "?".
func (b *safetyBuilder) slot(src, f string) safetySlot {
	var s safetySlot
	if strings.HasSuffix(f, "?") {
		s.opt = true
		f = f[:len(f)-1]
	}
	for _, alt := range strings.Split(f, "|") {
		switch {
		case strings.HasPrefix(alt, "@"):
			ids, ok := b.classes[alt[1:]]
			if !ok {
				b.errorf("rule %q: unknown class %q", src, alt)
			}
			s.ids = append(s.ids, ids...)
		case strings.HasPrefix(alt, "#"):
			lo, hi, ok := strings.Cut(alt[1:], "-")
			l, err1 := strconv.Atoi(lo)
			h, err2 := safetyNumMax, error(nil)
			if ok {
				h, err2 = strconv.Atoi(hi)
			}
			if err1 != nil || err2 != nil || l > h {
				b.errorf("rule %q: bad number range %q", src, alt)
			}
			if s.hasNum {
				b.errorf("rule %q: a slot holds one number range, not two", src)
			}
			s.hasNum, s.lo, s.hi = true, int32(l), int32(h)
		default:
			s.ids = append(s.ids, b.word(alt))
		}
	}
	slices.Sort(s.ids)
	s.ids = slices.Compact(s.ids)
	return s
}
