package faq

// Light words (question words, "after", "mean") say little about which
// entry a message is for and are in most entries, so they are handled
// apart: compared through bits with a phrasing, and added only to the
// entries the other words reached.

// lightBits gives each light word (question words and the like) a bit,
// in both languages. A message's light words are compared with a
// phrasing's through these bits rather than through postings: they are in
// most phrasings, and walking them would cost more than the rest.
var lightBits = func() map[string]uint32 {
	m := make(map[string]uint32)
	for i, g := range [][]string{
		{"what"}, {"when", "cuando"}, {"where", "donde"}, {"why"}, {"how"},
		{"who", "whom", "whose", "quien", "quienes"}, {"which", "cual", "cuales"},
		{"much", "cuanto", "cuanta"}, {"many", "cuantos", "cuantas"}, {"long"}, {"after"},
		{"before"}, {"again"}, {"during"}, {"mean", "means", "meaning", "definition", "define"},
	} {
		for _, w := range g {
			m[w] = 1 << i
		}
	}
	return m
}()

// questionBits gives each question word a bit, in both languages, so that
// "when" and "cuando" agree.
var questionBits = map[string]uint16{
	"what": 1 << 0, "que": 1 << 0,
	"when": 1 << 1, "cuando": 1 << 1,
	"where": 1 << 2, "donde": 1 << 2,
	"why": 1 << 3, "porque": 1 << 3,
	"how": 1 << 4, "como": 1 << 4,
	"who": 1 << 5, "quien": 1 << 5, "quienes": 1 << 5,
	"which": 1 << 6, "cual": 1 << 6, "cuales": 1 << 6,
	"much": 1 << 7, "cuanto": 1 << 7, "cuanta": 1 << 7,
	"many": 1 << 8, "cuantos": 1 << 8, "cuantas": 1 << 8,
	"long": 1 << 9,
}

// lightWay is one way a light slot matches: a light term's dense arrays
// and the alternative's weight.
type lightWay struct {
	dt *denseTerm
	w  float32
}

// lightSlot is a light slot being added by scoreLight.
type lightSlot struct {
	ways  [maxAlts]lightWay
	nw    int
	dense bool   // one term, which a quarter of the entries or more hold (see addOne)
	bit   uint64 // its bit among the slots (0 past the first 64)
	lbit  uint32
	w, cw float32
	mx    float32 // the most it adds to an entry
}

// scoreLight adds the light words (question words and the like) to the
// entries and phrasings the other words reached: alone they say nothing
// about which entry a message is for, and they are in most entries.
//
// All the light slots are added to the phrasings in one pass, rather
// than one per slot: each phrasing still gets them in the order of the
// slots.
func (ix *index) scoreLight(sc *scratch, lightOnly bool) {
	if lightOnly {
		return
	}
	ls := sc.lights[:0]
	var lbits uint32
	for si := range sc.slots {
		s := &sc.slots[si]
		if s.absorbed || !s.light || s.nalt == 0 {
			continue
		}
		// The slot's light terms, looked up once for all the entries.
		ls = append(ls, lightSlot{lbit: s.lbit, w: s.w, cw: s.cw})
		x := &ls[len(ls)-1]
		if si < 64 {
			x.bit = 1 << si
		}
		held := 0 // entries holding the last of its terms
		for k := uint8(0); k < s.nalt; k++ {
			if d := ix.lightOf[s.alts[k].term]; d >= 0 {
				x.ways[x.nw] = lightWay{dt: &ix.light[d], w: s.alts[k].w}
				x.nw++
				held = len(ix.post[s.alts[k].term])
			}
		}
		x.dense = x.nw == 1 && 4*held >= ix.n
		lbits |= s.lbit
	}
	sc.lights = ls
	if len(ls) == 0 {
		return
	}
	for j := range ls {
		x := &ls[j]
		if x.dense {
			for _, e := range sc.touched {
				x.addOne(&sc.ent[e], e)
			}
			continue
		}
		for _, e := range sc.touched {
			var best, how float32
			strong := false
			for _, way := range x.ways[:x.nw] {
				if v := way.w * way.dt.score[e]; v > best {
					best, how, strong = v, way.w, way.dt.strong[e]
				}
			}
			if best == 0 {
				continue
			}
			a := &sc.ent[e]
			v := x.w * best
			a.lex += v
			if strong {
				a.cover += x.cw * how
				a.coverAll += x.cw * how
			} else {
				a.coverAll += x.cw * how * answerCover
			}
			a.matched |= x.bit
			a.sure |= x.bit
			x.mx = max(x.mx, v)
		}
	}
	for j := range ls {
		sc.possible += ls[j].mx
	}
	for _, v := range sc.vtouch {
		vb := ix.vars.light[v]
		if vb&lbits == 0 {
			continue
		}
		for j := range ls {
			if vb&ls[j].lbit != 0 {
				sc.vsum[v] += ls[j].cw
			}
		}
	}
}

// addOne adds x, a slot of one light term, to entry e at a, as
// scoreLight does for any slot, but with selects rather than branches:
// when many entries hold the term, whether one does, and in a question,
// is a coin toss the branch predictor loses (1% of Match on the clinic
// set). When few do, the branch is predicted well and skips the rest,
// which is cheaper: selects for every light slot made Match 1-2% slower
// on 10,000 medical questions. Where the entry does not hold the term,
// every sum gets an exact 0 and the bits none.
func (x *lightSlot) addOne(a *entryAcc, e int32) {
	way := x.ways[0]
	best := way.w * way.dt.score[e]
	var has, strong uint32 // 1 when best > 0, and the entry holds the term in a question
	if best > 0 {
		has = 1
	}
	if way.dt.strong[e] {
		strong = has
	}
	how := way.w * float32(has)
	v := x.w * best
	a.lex += v
	c := x.cw * how
	a.cover += c * float32(strong)
	// c·1, or c·answerCover as scoreLight computes it.
	a.coverAll += c * (float32(strong) + float32(1-strong)*answerCover)
	bit := x.bit & -uint64(has)
	a.matched |= bit
	a.sure |= bit
	x.mx = max(x.mx, v)
}
