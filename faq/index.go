package faq

import (
	"sort"
	"sync"
	"sync/atomic"
)

// Fields of an entry. A word in a question says more about the entry than
// the same word in its answer.
const (
	fQuestion  = iota // question and its translations
	fAlternate        // alternates and their translations
	fKeyword          // keywords
	fAnswer           // answer and its translations
	nFields
)

// wordRef is what the index knows about a folded surface word in one
// language: its stem's term (-1 for a stop word) and its kind.
type wordRef struct {
	term int32
	kind wordKind
	w    float32 // see wordWeight
}

// phrase is a multi-word synonym: a run of terms that stands for a concept.
type phrase struct {
	terms   []int32
	concept int32
}

// builtinWeight is how much a match through a built-in synonym group
// counts against the word itself. The knowledge base's own groups count
// fully: the clinic declared them equal.
const builtinWeight = 0.9

// index is the immutable search structure of a KB. Every word the
// knowledge base and the built-in resources know is analysed when it is
// built, so that a message made of such words is matched with lookups
// only.
type index struct {
	n       int
	kbLang  lang
	entries []*Entry
	terms   map[string]int32
	names   []string // term → its text (a stem, or ~kbN / ~biN for a concept)
	idf     []float32
	maxIDF  float32
	post    [][]posting // term → entries holding it, BM25F
	dense   []denseTerm // very common terms, by entry (large knowledge bases)
	denseOf []int32     // term → index in dense, or -1
	light   []denseTerm // light words' terms, by entry
	lightOf []int32     // term → index in light, or -1
	vars    variantIndex
	// kbSyn maps a term to the concepts of the knowledge base's synonym
	// groups it belongs to; it is matched as those concepts. biSyn maps it
	// to the built-in groups' concepts, matched besides itself.
	kbSyn    map[int32][]int32
	biSyn    map[int32][]int32
	phrases  [nLangs]map[int32][]phrase
	vocab    [nLangs]map[string]wordRef // folded word → analysed form
	lex      map[string][]alt           // stem of the other language → terms
	related  map[string][]int32         // English stem → related terms some entry holds
	category map[string][]int32         // folded English word → its category's terms
	patient1 [langOther]map[string][]alt
	patientN [langOther]map[string][]patientPhrase
	typos    [nLangs]typoIndex
	known    wordTable   // every word analysed at build time
	memo     memo        // words analysed since
	clf      *classifier // nil for large knowledge bases, and see fewPhrasings
	// fewPhrasings: the entries have too few phrasings for a classifier,
	// which alternates would mend (see KB.Warnings).
	fewPhrasings bool
	wording      wordingIndex
	childAlts    []alt // what a child\'s age matches (see childAge)
	// exact maps the phrasings' folded words run together to the last
	// phrasing filed under them in exactList (see exact.go).
	exact     map[string]int32
	exactList []exactPhrasing
	exactEnds []int32
	b         *builder // build-time buffers, nil afterwards
	pool      pool
	// hitsBytes is the memory the kept hits take (see hits.go).
	hitsBytes atomic.Int64
	// altsKept holds the kept hits of slots whose alternatives are not a
	// word's own, by their alternatives (see keptFor).
	altsKept struct {
		mu sync.RWMutex
		m  map[string]*keptHits
	}
}

// alt is one way a query word can match: a term and how much that way
// counts (1 for the word itself, less for a translation or a typo fix).
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

// word analyses a folded word in l through the vocabulary cache. Build
// time only: it grows the vocabulary.
func (ix *index) word(l lang, w string) wordRef {
	if r, ok := ix.vocab[l][w]; ok {
		return r
	}
	r := newRef(l, w)
	if r.kind != kindStop {
		r.term = ix.termID(termName(l, w))
	}
	ix.vocab[l][w] = r
	return r
}

// termName is the name of the term of a folded word: its stem, marked
// with its language unless English, so that a Spanish stem and an English
// one spelled alike ("cov" of "covid", "cov" of "SARS-CoV") stay apart.
// Words both languages use reach each other through the other language's
// vocabulary (see analyzeWord).
func termName(l lang, w string) string {
	if l == langES {
		return "es:" + stem(l, w)
	}
	return stem(l, w)
}

// addSynonyms registers synonym groups: every member, analysed in both
// languages (a group may mix them), points to the group's concept.
func (ix *index) addSynonyms(groups [][]string, prefix string, to map[int32][]int32) {
	for gi, g := range groups {
		concept := ix.termID(prefix + itoa(gi))
		for _, member := range g {
			for _, l := range []lang{ix.kbLang, ix.kbLang.other()} {
				terms := ix.stemsOf(l, member)
				switch len(terms) {
				case 0:
				case 1:
					if !containsTerm(to[terms[0]], concept) {
						to[terms[0]] = append(to[terms[0]], concept)
					}
				default:
					if !hasPhrase(ix.phrases[l][terms[0]], terms) {
						ix.phrases[l][terms[0]] = append(ix.phrases[l][terms[0]], phrase{terms: terms, concept: concept})
					}
				}
			}
		}
	}
}

func hasPhrase(ps []phrase, terms []int32) bool {
	for _, p := range ps {
		if len(p.terms) == len(terms) && equalTerms(p.terms, terms) {
			return true
		}
	}
	return false
}

// stemsOf returns the stems of text's words (stop words out), growing the
// vocabulary.
func (ix *index) stemsOf(l lang, text string) []int32 {
	var out []int32
	ix.eachWord(l, text, func(_ string, r wordRef) {
		if r.term >= 0 {
			out = append(out, r.term)
		}
	})
	return out
}

// eachWord calls f with each folded word of text, chat shorthand
// expanded, and its analysis in l, growing the vocabulary. Build time
// only.
func (ix *index) eachWord(l lang, text string, f func(w string, r wordRef)) {
	eachFolded(l, text, func(w string) { f(w, ix.word(l, w)) })
}

// eachFolded calls f with each folded word of text, chat shorthand
// expanded in l.
func eachFolded(l lang, text string, f func(w string)) {
	var t tokenizer
	t.split(text)
	for i := range t.toks {
		w0 := string(t.word(i))
		ws := expand(l, w0)
		if ws == nil {
			ws = []string{w0}
		}
		for _, w := range ws {
			f(w)
		}
	}
}

func equalTerms(a, b []int32) bool {
	for i := range b {
		if a[i] != b[i] {
			return false
		}
	}
	return true
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
func (kb *KB) index() { kb.idx = buildIndex(kb) }

func buildIndex(kb *KB) *index {
	ix := &index{
		n:       len(kb.Entries),
		terms:   make(map[string]int32),
		kbSyn:   make(map[int32][]int32),
		biSyn:   make(map[int32][]int32),
		kbLang:  langOf(kb.Language),
		entries: kb.Entries,
	}
	ix.b = &builder{}
	defer func() { ix.b = nil }()
	if ix.kbLang == langOther {
		ix.kbLang = langEN // analysed as English: folding and splitting still help
	}
	for l := range ix.vocab {
		ix.vocab[l] = make(map[string]wordRef)
		ix.phrases[l] = make(map[int32][]phrase)
	}
	ix.addSynonyms(kb.Synonyms, "~kb", ix.kbSyn)
	ix.addSynonyms(builtinSynonyms, "~bi", ix.biSyn)

	texts := make([]entryText, len(kb.Entries))
	ix.exact = make(map[string]int32)
	for i, e := range kb.Entries {
		texts[i] = ix.analyzeEntry(e)
		ix.addExact(e, int32(i))
	}
	ix.buildWording(kb.Entries)
	ix.weigh(texts)
	ix.buildDense()
	ix.buildVariants(texts)
	ix.buildDenseVariants()
	ix.buildLexicon()
	ix.buildRelated()
	ix.buildCategories()
	ix.buildPatient()
	ix.childAlts = ix.meaningOf(ix.kbLang, "child children kid kids pediatric pediatrics", patientWeight, 1)
	for l := range nLangs {
		ix.typos[l] = buildTypos(ix, lang(l))
	}
	ix.buildKnown()
	ix.clf, ix.fewPhrasings = trainClassifier(ix, texts)
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
