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
	post   [][]vposting // term → variants holding it
	entry  []int32      // variant → entry
	total  []float32    // variant → its weight: Σ over units of w·idf
	qmask  []uint16     // variant → its question words
	light  []uint32     // variant → its light words
	advice []bool       // variant → it asks what looks like medical advice
	neg    []bool       // variant → it has a negation
	mask   []uint16     // entry → union of its variants' question words
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
			vi.neg = append(vi.neg, p.neg)
			vi.mask[e] |= p.qmask
		}
	}
}
