package faq

// A variant is one way an entry's question is written: the question, each
// alternate, and their translations. Besides the BM25F score of the whole

// says and little else: "what are the symptoms" is closer to "What are the
// symptoms?" than to "Are symptoms different in children?".
type variantIndex struct {
	post  [][]vposting // term → variants holding it
	entry []int32      // variant → entry
	total []float32    // variant → sum of its units' idf
	qmask []uint16     // variant → its question words (what, when, ...)
	mask  []uint16     // entry → union of its variants' question words
}

type vposting struct {
	v int32
	w float32 // idf of the unit
}

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

func questionMask(t *tokenizer, text string) uint16 {
	var m uint16
	for _, tk := range t.toks {
		m |= questionBits[text[tk.start:tk.end]]
	}
	return m
}

// addVariant indexes one question variant of entry e.
func (ix *index) addVariant(vi *variantIndex, e int, l lang, text string) {
	if text == "" {
		return
	}
	var t tokenizer
	t.split(text)
	units := ix.units(l, &t)
	var total float32
	for _, u := range units {
		total += ix.idf[u]
	}
	if total == 0 {
		return
	}
	v := int32(len(vi.entry))
	vi.entry = append(vi.entry, int32(e))
	vi.total = append(vi.total, total)
	m := questionMask(&t, string(t.buf))
	vi.qmask = append(vi.qmask, m)
	vi.mask[e] |= m
	for _, u := range units {
		vi.post[u] = append(vi.post[u], vposting{v: v, w: ix.idf[u]})
	}
}

// units are the distinct terms a variant is compared on: content words (a
// synonym group member as its concept), with a multi-word synonym as one
// unit instead of its words. Question words are left to the mask.
func (ix *index) units(l lang, t *tokenizer) []int32 {
	var raw []int32
	var skip []bool
	for i := range t.toks {
		w0 := string(t.word(i))
		ws := expand(l, w0)
		if ws == nil {
			ws = []string{w0}
		}
		for _, w := range ws {
			if r := ix.word(l, w); r.term >= 0 {
				raw = append(raw, r.term)
				skip = append(skip, r.kind == kindLight)
			}
		}
	}
	var out []int32
	add := func(t int32) {
		if !containsTerm(out, t) {
			out = append(out, t)
		}
	}
	for i := range raw {
		for _, p := range ix.phrases[l][raw[i]] {
			if i+len(p.terms) <= len(raw) && equalTerms(raw[i:i+len(p.terms)], p.terms) {
				add(p.concept)
				for k := range p.terms {
					skip[i+k] = true
				}
			}
		}
	}
	for i, t := range raw {
		if skip[i] {
			continue
		}
		if cs := ix.syn[t]; len(cs) > 0 {
			for _, c := range cs {
				add(c)
			}
			continue
		}
		add(t)
	}
	return out
}
