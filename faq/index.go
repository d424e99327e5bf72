package faq

import (
	"sort"
	"strings"
)

// Fields of an entry, weighted differently when scoring: a word in the
// question says more about the entry than the same word in the answer.
const (
	fQuestion  = iota // question and its translations
	fAlternate        // alternates and their translations
	fKeyword          // keywords and tags
	fAnswer           // answer and its translations
	nFields
)

// posting says how well one term matches one entry.
type posting struct {
	entry  int32
	score  float32 // BM25F of the term in the entry, idf included
	strong bool    // the term is in the question, an alternate or a keyword
}

// wordRef is what the index knows about a folded surface word in one
// language: its stem's term and the synonym groups it belongs to.
type wordRef struct {
	term int32 // -1 when the stem is in no entry
	kind wordKind
}

// phrase is a multi-word synonym: a run of terms that stands for a concept.
type phrase struct {
	terms   []int32
	concept int32
}

// index is the immutable search structure of a KB.
type index struct {
	n        int
	terms    map[string]int32
	names    []string // term id → its text, for debugging and lexicon build
	post     [][]posting
	idf      []float32
	maxIDF   float32
	syn      map[int32][]int32 // term → concepts of the synonym groups it is in
	phrases  [nLangs]map[int32][]phrase
	vocab    [nLangs]map[string]wordRef // folded word → analysed form
	lex      map[string][]alt           // folded word of the other language → terms
	typos    [nLangs]typoIndex          // by the language of the words
	kbLang   lang
	pool     pool // scratch buffers of Match
	entries  []*Entry
	p        params
	vars     variantIndex
	related  map[string][]int32                    // English stem → related terms some entry holds
	category map[string][]int32                    // folded English word → its category's terms
	known    [nLangs]map[string]*wordInfo          // every word analysed at build time
	memo     memo                                  // words analysed since
	dense    []denseTerm                           // very common terms, by entry
	denseOf  []int32                               // term → index in dense, or -1
	patient1 [langOther]map[string][]alt           // patient word → clinic terms, by language
	patientN [langOther]map[string][]patientPhrase // first word → patient phrases
}

// alt is one way a query word can match: a term and how much that way
// counts (1 for the word itself, less for a synonym, a typo fix or a
// translation).
type alt struct {
	term int32
	w    float32
}

func (ix *index) termID(name string) int32 {
	if id, ok := ix.terms[name]; ok {
		return id
	}
	id := int32(len(ix.names))
	ix.terms[name] = id
	ix.names = append(ix.names, name)
	return id
}

// word analyses a folded word in l through the vocabulary cache.
func (ix *index) word(l lang, w string) wordRef {
	if r, ok := ix.vocab[l][w]; ok {
		return r
	}
	r := wordRef{term: -1, kind: kindOf(l, w)}
	if r.kind != kindStop {
		r.term = ix.termID(stem(l, w))
	}
	ix.vocab[l][w] = r
	return r
}

// analyze turns text into the terms it contains: stems, with synonym
// group members replaced by their groups' concepts and multi-word synonyms
// adding theirs. Build time only.
func (ix *index) analyze(l lang, text string, out []int32) []int32 {
	start := len(out)
	return ix.concepts(l, ix.stems(l, text, out), start)
}

// stems appends the stems of text's words to out, caching each word.
func (ix *index) stems(l lang, text string, out []int32) []int32 {
	var t tokenizer
	t.split(text)
	for i := range t.toks {
		w0 := string(t.word(i))
		ws := expand(l, w0)
		if ws == nil {
			ws = []string{w0}
		}
		for _, w := range ws {
			if r := ix.word(l, w); r.term >= 0 {
				out = append(out, r.term)
			}
		}
	}
	return out
}

// concepts rewrites the stems in out[start:] for matching: a multi-word
// synonym adds its concept, and a word in a synonym group becomes the
// group's concept, so that every way of saying it is one term with one
// (lower) idf.
func (ix *index) concepts(l lang, out []int32, start int) []int32 {
	end := len(out)
	for i := start; i < end; i++ {
		for _, p := range ix.phrases[l][out[i]] {
			if i+len(p.terms) <= end && equalTerms(out[i:i+len(p.terms)], p.terms) {
				out = append(out, p.concept)
			}
		}
	}
	for i := start; i < end; i++ {
		if cs := ix.syn[out[i]]; len(cs) > 0 {
			out[i] = cs[0]
			out = append(out, cs[1:]...)
		}
	}
	return out
}

func equalTerms(a, b []int32) bool {
	for i := range b {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// addSynonyms registers the KB's synonym groups: every member, analysed in
// both languages (a group may mix them), points to the group's concept.
func (ix *index) addSynonyms(groups [][]string) {
	for gi, g := range groups {
		concept := ix.termID("~syn" + itoa(gi))
		for _, member := range g {
			for _, l := range []lang{ix.kbLang, ix.kbLang.other()} {
				terms := ix.stems(l, member, nil)
				switch len(terms) {
				case 0:
				case 1:
					if !containsTerm(ix.syn[terms[0]], concept) {
						ix.syn[terms[0]] = append(ix.syn[terms[0]], concept)
					}
				default:
					ix.phrases[l][terms[0]] = append(ix.phrases[l][terms[0]], phrase{terms: terms, concept: concept})
				}
			}
		}
	}
}

func containsTerm(ts []int32, t int32) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b [20]byte
	p := len(b)
	for ; i > 0; i /= 10 {
		p--
		b[p] = byte('0' + i%10)
	}
	return string(b[p:])
}

// index builds the search structure. It runs once, in Parse.
func (kb *KB) index() { kb.idx = buildIndex(kb, defaultParams) }

func buildIndex(kb *KB, p params) *index {
	ix := &index{
		p:       p,
		n:       len(kb.Entries),
		terms:   make(map[string]int32),
		syn:     make(map[int32][]int32),
		kbLang:  langOf(kb.Language),
		entries: kb.Entries,
	}
	for l := range ix.vocab {
		ix.vocab[l] = make(map[string]wordRef)
		ix.phrases[l] = make(map[int32][]phrase)
	}
	ix.addSynonyms(append(append([][]string(nil), kb.Synonyms...), builtinSynonyms...))

	// Term frequencies per entry and field.
	var (
		fieldLen = make([][nFields]float32, len(kb.Entries))
		totalLen [nFields]float64
		tfs      = make([]map[tfKey]float32, len(kb.Entries))
		buf      []int32
	)
	for i, e := range kb.Entries {
		tf := make(map[tfKey]float32)
		add := func(l lang, f uint8, text string) {
			buf = ix.analyze(l, text, buf[:0])
			for _, t := range buf {
				tf[tfKey{t, f}]++
			}
			fieldLen[i][f] += float32(len(buf))
			totalLen[f] += float64(len(buf))
		}
		add(ix.kbLang, fQuestion, e.Question)
		for _, a := range e.Alternates {
			add(ix.kbLang, fAlternate, a)
		}
		for _, k := range e.Keywords {
			add(ix.kbLang, fKeyword, k)
		}
		if p.tags {
			for _, k := range e.Tags {
				add(ix.kbLang, fKeyword, strings.ReplaceAll(k, "-", " "))
			}
		}
		add(ix.kbLang, fAnswer, e.Answer)
		for _, code := range sortedKeys(e.Translations) {
			tr, l := e.Translations[code], langOf(code)
			add(l, fQuestion, tr.Question)
			for _, a := range tr.Alternates {
				add(l, fAlternate, a)
			}
			add(l, fAnswer, tr.Answer)
		}
		tfs[i] = tf
	}

	ix.weigh(tfs, fieldLen, totalLen)
	ix.buildDense()
	ix.vars.post = make([][]vposting, len(ix.names))
	ix.vars.mask = make([]uint16, len(kb.Entries))
	for i, e := range kb.Entries {
		ix.addVariant(&ix.vars, i, ix.kbLang, e.Question)
		for _, a := range e.Alternates {
			ix.addVariant(&ix.vars, i, ix.kbLang, a)
		}
		for _, code := range sortedKeys(e.Translations) {
			tr, l := e.Translations[code], langOf(code)
			ix.addVariant(&ix.vars, i, l, tr.Question)
			for _, a := range tr.Alternates {
				ix.addVariant(&ix.vars, i, l, a)
			}
		}
	}
	ix.buildLexicon()
	ix.buildRelated()
	ix.buildCategories()
	ix.buildPatient()
	ix.buildKnown()
	for l := range nLangs {
		ix.typos[l] = buildTypos(ix, l)
	}
	return ix
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
