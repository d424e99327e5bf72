package faq

import (
	"math"
	"strings"
)

// Fields of an entry, weighted differently when scoring: a word in the
// question says more about the entry than the same word in the answer.
const (
	fQuestion = iota // question and its translations
	fAlternate       // alternates and their translations
	fKeyword         // keywords and tags
	fAnswer          // answer and its translations
	nFields
)

// BM25F parameters. The weights say how much one occurrence in each field
// counts; b says how much a long field dilutes its words (alternates are
// many short questions, so their total length says little).
var (
	fieldWeight = [nFields]float32{fQuestion: 1.0, fAlternate: 0.8, fKeyword: 0.8, fAnswer: 0.2}
	fieldB      = [nFields]float32{fQuestion: 0.5, fAlternate: 0.3, fKeyword: 0.3, fAnswer: 0.6}
)

const bm25K1 = 1.2

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
	n       int
	terms   map[string]int32
	names   []string // term id → its text, for debugging and lexicon build
	post    [][]posting
	idf     []float32
	maxIDF  float32
	syn     map[int32][]int32 // term → concepts of the synonym groups it is in
	phrases [nLangs]map[int32][]phrase
	vocab   [nLangs]map[string]wordRef // folded word → analysed form
	lex     map[string][]alt           // folded word of the other language → terms
	typos   typoIndex
	kbLang  lang
	pool    pool // scratch buffers of Match
	entries []*Entry
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

// analyze turns text into the terms it contains, in order, with synonym
// concepts appended. Build time only.
func (ix *index) analyze(l lang, text string, out []int32) []int32 {
	start := len(out)
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
	return ix.addConcepts(l, out, start)
}

// addConcepts appends the synonym concepts found in out[start:].
func (ix *index) addConcepts(l lang, out []int32, start int) []int32 {
	end := len(out)
	for i := start; i < end; i++ {
		out = append(out, ix.syn[out[i]]...)
		for _, p := range ix.phrases[l][out[i]] {
			if i+len(p.terms) <= end && equalTerms(out[i:i+len(p.terms)], p.terms) {
				out = append(out, p.concept)
			}
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
				terms := ix.analyze(l, member, nil)
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
func (kb *KB) index() {
	ix := &index{
		n:      len(kb.Entries),
		terms:  make(map[string]int32),
		syn:    make(map[int32][]int32),
		kbLang:  langOf(kb.Language),
		entries: kb.Entries,
	}
	for l := range ix.vocab {
		ix.vocab[l] = make(map[string]wordRef)
		ix.phrases[l] = make(map[int32][]phrase)
	}
	ix.addSynonyms(kb.Synonyms)

	// Term frequencies per entry and field.
	type tfKey struct {
		term  int32
		field uint8
	}
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
		for _, k := range e.Tags {
			add(ix.kbLang, fKeyword, strings.ReplaceAll(k, "-", " "))
		}
		add(ix.kbLang, fAnswer, e.Answer)
		for code, tr := range e.Translations {
			l := langOf(code)
			add(l, fQuestion, tr.Question)
			for _, a := range tr.Alternates {
				add(l, fAlternate, a)
			}
			add(l, fAnswer, tr.Answer)
		}
		tfs[i] = tf
	}

	// BM25F: combine the fields' length-normalised frequencies, then
	// saturate once, so that repeating a word in several fields helps less
	// than linearly.
	n := float64(len(kb.Entries))
	var avgLen [nFields]float32
	for f := range avgLen {
		avgLen[f] = float32(math.Max(totalLen[f]/n, 1))
	}
	df := make([]int32, len(ix.names))
	type acc struct {
		tf     float32
		strong bool
	}
	perEntry := make([]map[int32]acc, len(kb.Entries))
	for i, tf := range tfs {
		m := make(map[int32]acc, len(tf))
		for k, c := range tf {
			norm := 1 - fieldB[k.field] + fieldB[k.field]*fieldLen[i][k.field]/avgLen[k.field]
			a := m[k.term]
			a.tf += fieldWeight[k.field] * c / norm
			a.strong = a.strong || k.field != fAnswer
			m[k.term] = a
		}
		for t := range m {
			df[t]++
		}
		perEntry[i] = m
	}
	ix.idf = make([]float32, len(ix.names))
	for t, d := range df {
		ix.idf[t] = float32(math.Log(1 + (n-float64(d)+0.5)/(float64(d)+0.5)))
		ix.maxIDF = max(ix.maxIDF, ix.idf[t])
	}
	ix.post = make([][]posting, len(ix.names))
	for t, d := range df {
		if d > 0 {
			ix.post[t] = make([]posting, 0, d)
		}
	}
	for i, m := range perEntry {
		for t, a := range m {
			s := ix.idf[t] * a.tf * (bm25K1 + 1) / (bm25K1 + a.tf)
			ix.post[t] = append(ix.post[t], posting{entry: int32(i), score: s, strong: a.strong})
		}
	}
	ix.buildLexicon()
	ix.typos = buildTypos(ix)
	kb.idx = ix
}
