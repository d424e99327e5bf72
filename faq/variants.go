package faq

// variantIndex holds every phrasing of every entry (the question, each
// alternate, their translations) for nearest-neighbour matching: besides
// the BM25F score of the whole entry, a message is compared with each way
// the entry's question is written, and the closest one says how nearly
// the message asks exactly that.
// vposting is a variant holding a term, with the weight of the unit that
// holds it: a message's word cannot match for more than that.
type vposting struct {
	v  int32
	uw float32
}

type variantIndex struct {
	post      [][]vposting // term → variants holding it
	entry     []int32      // variant → entry
	total     []float32    // variant → its weight: Σ over units of w·idf
	qmask     []uint16     // variant → its question words
	light     []uint32     // variant → its light words
	advice    []bool       // variant → it asks what looks like medical advice
	knowledge []bool       // variant → it asks a general-knowledge question
	neg       []bool       // variant → it has a negation
	mask      []uint16     // entry → union of its variants' question words
}

// unitWeight is how much a unit counts in a similarity: its kind's weight
// times the idf of its rarest way to match.
func (ix *index) unitWeight(u *unit) float32 {
	if u.phrase {
		return u.w * u.alts[0].w * ix.idf[u.alts[0].term]
	}
	var best float32
	for _, a := range u.alts {
		best = max(best, a.w*ix.idf[a.term])
	}
	return u.w * best
}

func (ix *index) buildVariants(texts []entryText) {
	vi := &ix.vars
	vi.post = make([][]vposting, len(ix.names))
	vi.mask = make([]uint16, len(texts))
	for e, et := range texts {
		for _, p := range et.phrasings {
			var total float32
			for i := range p.units {
				total += ix.unitWeight(&p.units[i])
			}
			if total == 0 {
				continue
			}
			v := int32(len(vi.entry))
			for i := range p.units {
				if p.units[i].light {
					continue // compared through light
				}
				uw := ix.unitWeight(&p.units[i])
				for _, a := range p.units[i].alts {
					ps := vi.post[a.term]
					if len(ps) > 0 && ps[len(ps)-1].v == v {
						ps[len(ps)-1].uw = max(ps[len(ps)-1].uw, uw)
						continue
					}
					vi.post[a.term] = append(ps, vposting{v: v, uw: uw})
				}
			}
			vi.entry = append(vi.entry, int32(e))
			vi.total = append(vi.total, total)
			vi.qmask = append(vi.qmask, p.qmask)
			vi.light = append(vi.light, p.light)
			vi.advice = append(vi.advice, p.advice)
			vi.knowledge = append(vi.knowledge, p.knowledge)
			vi.neg = append(vi.neg, p.neg)
			vi.mask[e] |= p.qmask
		}
	}
}

// hasDense reports a slot with a very common term.
func (ix *index) hasDense(s *slot) bool {
	for k := uint8(0); k < s.nalt; k++ {
		if ix.denseOf[s.alts[k].term] >= 0 {
			return true
		}
	}
	return false
}

// scoreVariantsDense adds a slot that has a very common term to the
// phrasings: through postings for its other terms, and for the common
// ones only to the phrasings other words already reached, through their
// dense arrays (walking their postings is what the restriction avoids).
func (ix *index) scoreVariantsDense(sc *scratch, s *slot) {
	vhit, vbest := sc.vhit[:0], sc.vbest
	for k := uint8(0); k < s.nalt; k++ {
		a := s.alts[k]
		c := s.w * a.w * ix.idf[a.term]
		if c > s.cw {
			c = s.cw
		}
		if d := ix.denseOf[a.term]; d >= 0 {
			uws := ix.dense[d].variant
			for _, list := range [2][]int32{sc.vtouch, vhit} {
				for _, v := range list {
					if uw := uws[v]; uw > 0 {
						x := min(c, uw)
						if vbest[v] == 0 {
							vhit = append(vhit, v)
						}
						if x > vbest[v] {
							vbest[v] = x
						}
					}
				}
			}
			continue
		}
		for _, p := range ix.vars.post[a.term] {
			if vbest[p.v] == 0 {
				vhit = append(vhit, p.v)
			}
			if x := min(c, p.uw); x > vbest[p.v] {
				vbest[p.v] = x
			}
		}
	}
	vsum, vtouch := sc.vsum, sc.vtouch
	for _, v := range vhit {
		if vsum[v] == 0 {
			vtouch = append(vtouch, v)
		}
		vsum[v] += vbest[v]
		vbest[v] = 0
	}
	sc.vhit, sc.vtouch = vhit, vtouch
}

// scoreVariants adds one slot's best match to every phrasing it reaches.
func (ix *index) scoreVariants(sc *scratch, s *slot) {
	// As for the entries (see scoreSlot); the match also depends on the
	// slot's weight, which the message may lower (see focusQuestion), and
	// its informative weight: kept for the first weights seen.
	keep := false
	if s.kept != nil {
		kv := s.kept.vhits.Load()
		if kv != nil && kv.w == s.w && kv.cw == s.cw {
			creditVariants(sc, kv.hs)
			return
		}
		keep = kv == nil && ix.hitsBytes.Load() < maxHitsBytes
	}
	vhit, vbest, vsum := sc.vhit, sc.vbest, sc.vsum
	n := 0
	for k := uint8(0); k < s.nalt; k++ {
		a := s.alts[k]
		c := s.w * a.w * ix.idf[a.term]
		if c > s.cw {
			c = s.cw
		}
		post := ix.vars.post[a.term]
		vhit = room(vhit, n, len(post))
		for _, p := range post {
			b := &vbest[p.v]
			vhit[n] = p.v
			if *b == 0 {
				n++
			}
			x := c
			if p.uw < x {
				x = p.uw
			}
			if x > *b {
				*b = x
			}
		}
	}
	sc.vhit = vhit
	var hs []variantHit
	if keep {
		hs = make([]variantHit, n)
	}
	nt := len(sc.vtouch)
	vtouch := room(sc.vtouch, nt, n)
	for i, v := range vhit[:n] {
		if keep { // a phrasing listed twice is kept twice, the second time with 0
			hs[i] = variantHit{v: v, best: vbest[v]}
		}
		vtouch[nt] = v
		if vsum[v] == 0 {
			nt++
		}
		vsum[v] += vbest[v]
		vbest[v] = 0
	}
	sc.vtouch = vtouch[:nt]
	if keep {
		ix.keepVariants(s.kept, s, hs)
	}
}
