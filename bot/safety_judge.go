package bot

// judge runs the marker rules, then the trigger rules, over the chunk.
func (sc *safetyScanner) judge() {
	toks := sc.toks[:sc.n]
	lx := sc.lx
	// The markers only set the marks that the guards of a matching trigger
	// read, and a trigger's match does not depend on them: when no trigger
	// matches, the score cannot change, and nothing is run. That is nearly
	// every message, and the gate (safetyGate) shows it for most of them
	// without a rule being read.
	var chunk safetyBloom
	first, firstEntry := sc.firstTrigger(&chunk)
	if first < 0 {
		return
	}
	half := chunk.fold()
	for i := range toks {
		toks[i].flags &= safetyFComma
	}
	sc.frames.split(lx, toks)
	for i := range toks {
		if toks[i].class&safetyWMark == 0 {
			continue
		}
		for _, en := range lx.markers.of(toks[i].id) {
			if !en.need.meets(&half) {
				continue
			}
			r := &lx.rules[en.rule]
			if !r.possible(&chunk) {
				continue
			}
			if end := r.match(lx, toks, i); end >= 0 {
				sc.mark(r, i, end)
			}
		}
	}
	// The triggers before the first that matches match nothing; and a
	// trigger whose effect the score already has would change nothing.
	for i := first; i < len(toks); i++ {
		if toks[i].class&safetyWTrig == 0 {
			continue
		}
		entries := lx.triggers.of(toks[i].id)
		if i == first {
			entries = entries[firstEntry:]
		}
		for _, en := range entries {
			if sc.score.has(en.effect, en.arg) || !en.need.meets(&half) {
				continue
			}
			r := &lx.rules[en.rule]
			if !r.possible(&chunk) {
				continue
			}
			end := r.match(lx, toks, i)
			if end < 0 {
				continue
			}
			if sc.guarded(r, i, end) {
				sc.judged = true
				continue
			}
			sc.apply(r)
			if sc.score.emergency {
				sc.done = true
				return
			}
		}
	}
}

// firstTrigger finds the first trigger rule that matches in the chunk,
// guards aside: the token it starts at and its place among the token's
// entries, or -1. It fills chunk with the chunk's words. The gate rules
// out most chunks before any rule is read.
func (sc *safetyScanner) firstTrigger(chunk *safetyBloom) (int, int) {
	toks := sc.toks[:sc.n]
	for i := range toks {
		chunk.add(toks[i].id)
	}
	if !sc.lx.gate.open(toks, chunk) {
		return -1, 0
	}
	return sc.search(chunk)
}

// search is firstTrigger without the gate: it tries the trigger rules
// filed under each word, in order, ruling most out by their needs.
func (sc *safetyScanner) search(chunk *safetyBloom) (int, int) {
	toks := sc.toks[:sc.n]
	lx := sc.lx
	half := chunk.fold()
	for i := range toks {
		if toks[i].class&safetyWTrig == 0 {
			continue
		}
		for k, en := range lx.triggers.of(toks[i].id) {
			if !en.need.meets(&half) {
				continue
			}
			if r := &lx.rules[en.rule]; r.possible(chunk) && r.match(lx, toks, i) >= 0 {
				return i, k
			}
		}
	}
	return -1, 0
}

// has reports whether the score already holds what a rule of this effect
// and arg would add.
func (s *safetyScore) has(effect, arg uint8) bool {
	switch effect {
	case safetyCrisis:
		return s.crisis
	case safetyEmergency:
		return s.emergency
	case safetyCrisisClue:
		return s.cweak&(1<<arg) != 0
	case safetyEmergClue:
		return s.eweak&(1<<arg) != 0
	case safetySelfHarm:
		return s.selfHarmDone
	case safetyAbuse:
		return s.abuse
	}
	return false
}

func (sc *safetyScanner) apply(r *safetyRule) {
	switch r.effect {
	case safetyCrisis:
		sc.score.crisis = true
	case safetyEmergency:
		sc.score.emergency = true
	case safetyCrisisClue:
		sc.score.cweak |= 1 << r.arg
	case safetyEmergClue:
		sc.score.eweak |= 1 << r.arg
	case safetySelfHarm:
		sc.score.selfHarmDone = true
	case safetyAbuse:
		sc.score.abuse = true
	case safetyOrdinary:
		sc.judged = true
	}
}

// mark applies a marker rule matched at toks[i:end].
func (sc *safetyScanner) mark(r *safetyRule, i, end int) {
	toks := sc.toks[:sc.n]
	if r.guard&safetyGFresh != 0 {
		for j := i; j < end; j++ {
			if toks[j].flags&safetyFConsumed != 0 {
				return
			}
		}
	}
	if r.guard&safetyGConsume != 0 {
		for j := i; j < end; j++ {
			toks[j].flags |= safetyFConsumed
		}
	}
	switch r.effect {
	case safetyMTopic, safetyMIdiom:
		f := safetyFTopic
		if r.effect == safetyMIdiom {
			f = safetyFIdiom
		}
		for j := i; j < end; j++ {
			toks[j].flags |= f
		}
	case safetyMNeg:
		sc.scope(end, 3, safetyFNeg|safetyFComma, safetyWBut)
	case safetyMFut:
		sc.scope(end, 3, safetyFFut, safetyWBut)
	case safetyMPost:
		sc.scope(end, 3, safetyFPost, 0)
	case safetyMSvc:
		sc.scope(end, 8, safetyFSvc, safetyWFirst)
	case safetyMHypo:
		sc.scope(end, 8, safetyFHypo, 0)
	case safetyMPast:
		sc.frames.mark(toks, i, safetySPast)
	case safetyMRecent:
		sc.frames.mark(toks, i, safetySRecent)
	case safetyMAcute:
		sc.frames.mark(toks, i, safetySAcute)
	case safetyMChronic:
		sc.frames.mark(toks, i, safetySChronic)
	case safetyMResolved:
		sc.frames.mark(toks, i, safetySResolved)
	case safetyMJoke:
		// Laughter follows the joke: it marks its sentence and the one before.
		sc.frames.mark(toks, i, safetySJoke)
	}
}

// scope marks up to n tokens from start, within the sentence, with flag,
// stopping at a word of class stop ("but" ends a negation, "i" ends a
// question about services). If flag includes safetyFComma, a comma stops
// it too: "can't eat, just want to end it" negates only the eating.
func (sc *safetyScanner) scope(start, n int, flag uint16, stop uint8) {
	toks := sc.toks[:sc.n]
	if start >= len(toks) || start == 0 {
		return
	}
	byComma := flag&safetyFComma != 0
	flag &^= safetyFComma
	sent := toks[start-1].sent
	for j := start; j < len(toks) && j < start+n && toks[j].sent == sent; j++ {
		if toks[j].class&stop != 0 || (byComma && toks[j].flags&safetyFComma != 0) {
			return
		}
		toks[j].flags |= flag
	}
}

// guarded reports whether the context of a match at toks[i:end] cancels it.
func (sc *safetyScanner) guarded(r *safetyRule, i, end int) bool {
	g := r.guard
	if g == 0 {
		return false
	}
	t := &sc.toks[i]
	for _, c := range [...]struct {
		g uint16
		f uint16
	}{{safetyGNeg, safetyFNeg}, {safetyGFut, safetyFFut}, {safetyGPost, safetyFPost}, {safetyGSvc, safetyFSvc}, {safetyGHypo, safetyFHypo}} {
		if g&c.g != 0 && t.flags&c.f != 0 {
			return true
		}
	}
	sf := sc.frames.of(sc.toks[:sc.n], i)
	acute := sf&safetySAcute != 0
	switch {
	case g&safetyGPast != 0 && sf&safetySPast != 0 && !acute,
		g&safetyGRecent != 0 && sf&(safetySPast|safetySRecent) != 0 && !acute,
		g&safetyGChronic != 0 && sf&safetySChronic != 0 && !acute,
		g&safetyGResolved != 0 && sf&safetySResolved != 0,
		g&safetyGJoke != 0 && sf&safetySJoke != 0,
		g&safetyGTopic != 0 && sc.near(i, end, 2, safetyFTopic),
		g&safetyGIdiom != 0 && sc.near(i, end, 0, safetyFIdiom),
		g&safetyGFresh != 0 && sc.near(i, end, 0, safetyFConsumed):
		return true
	}
	return false
}

// near reports whether a token within d of toks[i:end], in its sentence,
// has flag.
func (sc *safetyScanner) near(i, end, d int, flag uint16) bool {
	toks := sc.toks[:sc.n]
	sent := toks[i].sent
	for j := max(i-d, 0); j < end+d && j < len(toks); j++ {
		if toks[j].sent == sent && toks[j].flags&flag != 0 {
			return true
		}
	}
	return false
}
