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

// scoreLight adds the light words (question words and the like) to the
// entries and phrasings the other words reached: alone they say nothing
// about which entry a message is for, and they are in most entries.
func (ix *index) scoreLight(sc *scratch, lightOnly bool) {
	for si := range sc.slots {
		s := &sc.slots[si]
		if s.absorbed || !s.light || s.nalt == 0 || lightOnly {
			continue
		}
		// The slot's light terms, looked up once for all the entries.
		var ways [maxAlts]struct {
			dt *denseTerm
			w  float32
		}
		nw := 0
		for k := uint8(0); k < s.nalt; k++ {
			if d := ix.lightOf[s.alts[k].term]; d >= 0 {
				ways[nw].dt, ways[nw].w = &ix.light[d], s.alts[k].w
				nw++
			}
		}
		var mx float32
		for _, e := range sc.touched {
			var best, how float32
			strong := false
			for _, way := range ways[:nw] {
				if v := way.w * way.dt.score[e]; v > best {
					best, how, strong = v, way.w, way.dt.strong[e]
				}
			}
			if best == 0 {
				continue
			}
			v := s.w * best
			sc.ent[e].lex += v
			if strong {
				sc.ent[e].cover += s.cw * how
				sc.ent[e].coverAll += s.cw * how
			} else {
				sc.ent[e].coverAll += s.cw * how * answerCover
			}
			if si < 64 {
				sc.ent[e].matched |= 1 << si
				sc.ent[e].sure |= 1 << si
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
