package faq

import "math"

// answerCover is how much a word found only in an entry's answer explains
// of a message, against one found in its questions: an answer talks about
// much more than the question it answers.
const answerCover = 0.5

// sureWeight is the weight from which a way to match is the word itself,
// a synonym or a translation rather than a guess (a typo fix, a related
// word, a category).
const sureWeight = 0.8

// score adds up, for every entry, each slot's best-matching term (BM25F)
// and the coverage of the message's weight, and for every phrasing the
// weight it shares with the message.
//
// In a large knowledge base a very common term ("symptoms" among 10,000
// medical questions) has postings for thousands of entries, and walking
// them would cost more than everything else. When the message also has a
// rarer term, only the entries holding one of those can win; the common
// terms are then looked up for those candidates alone, in a dense array.
func (ix *index) score(sc *scratch) {
	restrict := ix.candidates(sc)
	sc.qtotal, sc.possible = 0, 0
	lightOnly := true
	for si := range sc.slots {
		s := &sc.slots[si]
		if s.absorbed {
			continue
		}
		sc.qtotal += s.cw
		if s.nalt > 0 && !s.light {
			lightOnly = false
			ix.scoreSlot(sc, si, restrict)
		}
	}
	if lightOnly { // "where r u guys": the question word is all there is
		for si := range sc.slots {
			if s := &sc.slots[si]; !s.absorbed && s.nalt > 0 {
				ix.scoreSlot(sc, si, restrict)
			}
		}
		for v := range ix.vars.entry {
			for si := range sc.slots {
				if s := &sc.slots[si]; !s.absorbed && ix.vars.light[v]&s.lbit != 0 {
					if sc.vsum[v] == 0 {
						sc.vtouch = append(sc.vtouch, int32(v))
					}
					sc.vsum[v] += s.cw
				}
			}
		}
	}
	for _, e := range sc.cand {
		sc.inCand[e] = false
	}
	sc.cand = sc.cand[:0]
	ix.scoreLight(sc, lightOnly)
	// The closest phrasing of each entry, by Dice: a phrasing must say most
	// of what the message says, and the message most of what it says.
	for _, v := range sc.vtouch {
		e := ix.vars.entry[v]
		// A unit may be matched by two words of the message ("texts" and
		// "reminders" both reach "reminders"): a phrasing is matched at
		// most fully, and so is the message.
		m := min(sc.vsum[v], ix.vars.total[v], sc.qtotal)
		d := 2 * m / (sc.qtotal + ix.vars.total[v])
		if d > sc.nn[e] {
			sc.nn[e], sc.bestV[e] = d, v
		}
		if !sc.seen[e] {
			sc.seen[e] = true
			sc.touched = append(sc.touched, e)
		}
	}
}

// scoreLight adds the light words (question words and the like) to the
// entries and phrasings the other words reached: alone they say nothing
// about which entry a message is for, and they are in most entries.
func (ix *index) scoreLight(sc *scratch, lightOnly bool) {
	for si := range sc.slots {
		s := &sc.slots[si]
		if s.absorbed || !s.light || s.nalt == 0 || lightOnly {
			continue
		}
		var mx float32
		for _, e := range sc.touched {
			var best, how float32
			strong := false
			for k := uint8(0); k < s.nalt; k++ {
				a := s.alts[k]
				d := ix.lightOf[a.term]
				if d < 0 {
					continue
				}
				if v := a.w * ix.light[d].score[e]; v > best {
					best, how, strong = v, a.w, ix.light[d].strong[e]
				}
			}
			if best == 0 {
				continue
			}
			v := s.w * best
			sc.lex[e] += v
			if strong {
				sc.cover[e] += s.cw * how
				sc.coverAll[e] += s.cw * how
			} else {
				sc.coverAll[e] += s.cw * how * answerCover
			}
			if si < 64 {
				sc.matched[e] |= 1 << si
				sc.sure[e] |= 1 << si
			}
			mx = max(mx, v)
		}
		sc.possible += mx
		for _, v := range sc.vtouch {
			if ix.vars.light[v]&s.lbit != 0 {
				sc.vsum[v] += s.cw
			}
		}
	}
}

// scoreSlot adds slot si to the entries and phrasings its terms reach.
func (ix *index) scoreSlot(sc *scratch, si int, restrict bool) {
	s := &sc.slots[si]
	sc.hit = sc.hit[:0]
	for k := uint8(0); k < s.nalt; k++ {
		a := s.alts[k]
		if d := ix.denseOf[a.term]; restrict && d >= 0 {
			dt := &ix.dense[d]
			for _, e := range sc.cand {
				if v := dt.score[e]; v > 0 {
					ix.hit(sc, e, a.w, v, dt.strong[e])
				}
			}
			continue
		}
		for _, p := range ix.post[a.term] {
			ix.hit(sc, p.entry, a.w, p.score, p.strong)
		}
	}
	var mx float32
	for _, e := range sc.hit {
		a := &sc.acc[e]
		v := s.w * a.best
		if !sc.seen[e] {
			sc.seen[e] = true
			sc.touched = append(sc.touched, e)
		}
		sc.lex[e] += v
		sc.cover[e] += s.cw * a.str
		sc.coverAll[e] += s.cw * max(a.str, answerCover*a.ans)
		if si < 64 {
			sc.matched[e] |= 1 << si
			if max(a.str, a.ans) >= sureWeight {
				sc.sure[e] |= 1 << si
			}
		}
		mx = max(mx, v)
		*a = slotAcc{}
	}
	sc.possible += mx
	ix.scoreVariants(sc, s, restrict)
}

// hit records that entry e matches the current slot through an
// alternative of weight w with posting score v.
func (ix *index) hit(sc *scratch, e int32, w, v float32, strong bool) {
	a := &sc.acc[e]
	if a.best == 0 {
		sc.hit = append(sc.hit, e)
	}
	a.best = max(a.best, w*v)
	if strong {
		a.str = max(a.str, w)
	} else {
		a.ans = max(a.ans, w)
	}
}

// candidates collects, when the message has both very common and rarer
// terms, the entries holding a rarer one, and reports whether scoring
// should be restricted to them.
func (ix *index) candidates(sc *scratch) bool {
	if len(ix.dense) == 0 {
		return false
	}
	hasCommon := false
	for si := range sc.slots {
		s := &sc.slots[si]
		for k := uint8(0); !s.absorbed && !s.light && k < s.nalt; k++ {
			hasCommon = hasCommon || ix.denseOf[s.alts[k].term] >= 0
		}
	}
	if !hasCommon {
		return false
	}
	for si := range sc.slots {
		s := &sc.slots[si]
		if s.absorbed || s.light {
			continue
		}
		for k := uint8(0); k < s.nalt; k++ {
			if ix.denseOf[s.alts[k].term] >= 0 {
				continue
			}
			for _, p := range ix.post[s.alts[k].term] {
				if !sc.inCand[p.entry] {
					sc.inCand[p.entry] = true
					sc.cand = append(sc.cand, p.entry)
				}
			}
		}
	}
	if len(sc.cand) > 0 {
		return true
	}
	return false
}

// scoreVariants adds one slot's best match to every phrasing it reaches.
// When restricted, very common terms are left out: their idf is low, so
// they change a similarity little, and walking them is what the
// restriction avoids.
func (ix *index) scoreVariants(sc *scratch, s *slot, restrict bool) {
	sc.vhit = sc.vhit[:0]
	for k := uint8(0); k < s.nalt; k++ {
		a := s.alts[k]
		if restrict && ix.denseOf[a.term] >= 0 {
			continue
		}
		c := min(s.w*a.w*ix.idf[a.term], s.cw)
		for _, p := range ix.vars.post[a.term] {
			if sc.vbest[p.v] == 0 {
				sc.vhit = append(sc.vhit, p.v)
			}
			sc.vbest[p.v] = max(sc.vbest[p.v], min(c, p.uw))
		}
	}
	for _, v := range sc.vhit {
		if sc.vsum[v] == 0 {
			sc.vtouch = append(sc.vtouch, v)
		}
		sc.vsum[v] += sc.vbest[v]
		sc.vbest[v] = 0
	}
}

// classify computes the classifier's chance of each candidate, among
// the candidates: a softmax over ten entries costs a tenth of one over a
// hundred, and the others are not in the running.
func (ix *index) classify(sc *scratch, cs []cand) {
	sc.clfP = sc.clfP[:0]
	for range cs {
		sc.clfP = append(sc.clfP, 0)
	}
	if ix.clf == nil || len(cs) == 0 {
		return
	}
	x := sc.qx[:0]
	for si := range sc.slots {
		s := &sc.slots[si]
		if s.absorbed {
			continue
		}
		for k := uint8(0); k < s.nalt; k++ {
			x = appendAlt(x, alt{term: s.alts[k].term, w: s.w * s.alts[k].w})
		}
	}
	normalize(x)
	sc.qx = x
	c := ix.clf
	mx := float32(math.Inf(-1))
	for i := range cs {
		e := cs[i].e
		z := c.bias[e]
		for _, a := range x {
			if r := c.row[a.term]; r >= 0 {
				z += a.w * c.w[int(r)*c.nc+int(e)]
			}
		}
		sc.clfP[i] = z
		mx = max(mx, z)
	}
	var sum float32
	for i := range sc.clfP {
		sc.clfP[i] = float32(math.Exp(float64(sc.clfP[i] - mx)))
		sum += sc.clfP[i]
	}
	for i := range sc.clfP {
		sc.clfP[i] /= sum
	}
}
