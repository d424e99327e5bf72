package faq

import (
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
)

// MissGroup is a set of similar unanswered questions, for staff deciding
// which alternates or entries to add.
type MissGroup struct {
	// Representative is the text most similar to the rest of the group.
	Representative string
	// Texts are the group's questions, most representative first.
	Texts []string
	// Members are where Texts are in the texts Group was given, in the
	// same order, for what the caller knows about each.
	Members []int
	// Count is len(Texts).
	Count int
}

// DefaultGroupSimilarity is the average similarity from which two groups
// of questions join when Group is given 0. At 0.4 "do you take aetna"
// parts from "is aetna accepted"; at 0.2 "¿hacen masajes en el glow
// studio?" joins the tattoo removals (TestGroupOneTopic). At 0.3 none of
// the 15 largest groups of the eval sets' unanswered questions mixes
// unrelated topics.
const DefaultGroupSimilarity = 0.3

// maxGroupTexts bounds the questions Group compares; the rest are grouped
// by exact match of their words only.
const maxGroupTexts = 5000

// commonTermWeight is what an everyday word ("take", "accept", "dog")
// counts for beside a specific one, so that "do you take aetna" and "is
// aetna accepted" are alike by "aetna". Lower, questions made of everyday
// words ("can I bring my dog") part from their paraphrases.
const commonTermWeight = 0.5

// Group clusters questions by what they are about, so that a group is one
// topic. Each question is reduced to its content words (folded, stop words
// out, stemmed, English or Spanish as detected); questions with the same
// words are one. Two questions are alike by the weighted Jaccard index of
// their words, a word weighing less the more of the questions use it (a
// place named in many, "at the glow studio", says little about what each
// asks) and commonTermWeight times less when it is an everyday word.
// Groups then join most alike first while the average similarity of their
// texts, one in each, is ≥ minSimilarity (0 means DefaultGroupSimilarity):
// average linkage, so that a chain of questions each like the next, from
// "tattoo removal at the glow studio" to "massages at the glow studio",
// makes no group. Which texts are grouped together does not depend on
// their order. Groups come largest first, then by representative. Texts
// with no content word ("???", emoji) form one group of their own, last.
func Group(texts []string, minSimilarity float64) []MissGroup {
	if minSimilarity <= 0 {
		minSimilarity = DefaultGroupSimilarity
	}
	qs := distinctQuestions(texts)
	edges := similarities(qs)
	cl := newLinkage(qs, edges)
	cl.run(minSimilarity)

	// Most representative first: the highest total similarity to the
	// group's other questions, then the shorter text.
	score := make([]float64, len(qs))
	for i, q := range qs {
		if len(q.terms) > 0 {
			score[i] = float64(len(q.texts) - 1)
		}
	}
	for _, e := range edges {
		if cl.root(int(e.a)) == cl.root(int(e.b)) {
			score[e.a] += e.sim * float64(len(qs[e.b].texts))
			score[e.b] += e.sim * float64(len(qs[e.a].texts))
		}
	}
	type group struct {
		MissGroup
		noise bool // texts without content (emoji, "???"): listed last
	}
	byRoot := make(map[int]*group)
	var gs []*group
	scoreOf := make([]float64, len(texts))
	for i, q := range qs {
		r := cl.root(i)
		g := byRoot[r]
		if g == nil {
			g = &group{noise: len(q.terms) == 0}
			byRoot[r] = g
			gs = append(gs, g)
		}
		for _, t := range q.texts {
			scoreOf[t] = score[i]
			g.Members = append(g.Members, t)
		}
	}
	for _, g := range gs {
		m := g.Members
		sort.Slice(m, func(a, b int) bool {
			ia, ib := m[a], m[b]
			switch {
			case scoreOf[ia] != scoreOf[ib]:
				return scoreOf[ia] > scoreOf[ib]
			case len(texts[ia]) != len(texts[ib]):
				return len(texts[ia]) < len(texts[ib])
			case texts[ia] != texts[ib]:
				return texts[ia] < texts[ib]
			}
			return ia < ib
		})
		for _, i := range m {
			g.Texts = append(g.Texts, texts[i])
		}
		g.Count = len(m)
		g.Representative = g.Texts[0]
	}
	sort.Slice(gs, func(a, b int) bool {
		if gs[a].noise != gs[b].noise {
			return gs[b].noise
		}
		if gs[a].Count != gs[b].Count {
			return gs[a].Count > gs[b].Count
		}
		return gs[a].Representative < gs[b].Representative
	})
	out := make([]MissGroup, len(gs))
	for i, g := range gs {
		out[i] = g.MissGroup
	}
	return out
}

// question is one set of content words and the texts that have it.
type question struct {
	terms    []string // sorted, distinct stems
	key      string   // terms joined, for the questions' order
	weights  []float64
	total    float64 // the sum of weights
	texts    []int   // where in the texts given to Group, ascending
	compared bool    // one of the first maxGroupTexts texts has it
}

// distinctQuestions reduces texts to their distinct sets of content words,
// in the order of those sets (not of texts), and weighs each word.
func distinctQuestions(texts []string) []question {
	byKey := make(map[string]int)
	var qs []question
	for i, t := range texts {
		terms := contentStems(t)
		key := joinKey(terms)
		j, ok := byKey[key]
		if !ok {
			j = len(qs)
			byKey[key] = j
			qs = append(qs, question{terms: terms, key: key, compared: i < maxGroupTexts})
		}
		qs[j].texts = append(qs[j].texts, i)
	}
	slices.SortFunc(qs, func(a, b question) int { return strings.Compare(a.key, b.key) }) // keys are distinct

	// Inverse document frequency over the distinct questions compared,
	// smoothed so that a word in every question still counts.
	df := make(map[string]int)
	n := 0
	for _, q := range qs {
		if q.compared && len(q.terms) > 0 {
			n++
			for _, t := range q.terms {
				df[t]++
			}
		}
	}
	esCommon := spanishCommonStems()
	for i := range qs {
		q := &qs[i]
		q.weights = make([]float64, len(q.terms))
		for k, t := range q.terms {
			w := math.Log(float64(1+n)/float64(1+df[t])) + 1
			if commonStems[t] || esCommon[t] {
				w *= commonTermWeight
			}
			q.weights[k] = w
			q.total += w
		}
	}
	return qs
}

// spanishCommonStems are the stems of spanishKnown, for Group.
var spanishCommonStems = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool, len(spanishKnown))
	for w := range spanishKnown {
		m[stem(langES, w)] = true
	}
	return m
})

// contentStems returns the sorted, distinct stems of a text's content
// words, in the language the text is in.
func contentStems(text string) []string {
	var t tokenizer
	t.split(text)
	folded := string(t.buf)
	es, en := votes(text, folded, t.toks)
	l := pickLang(es, en, "", langEN)
	var out []string
	for _, tk := range t.toks {
		w := folded[tk.start:tk.end]
		ws := expand(l, w)
		if ws == nil {
			ws = []string{w}
		}
		for _, w := range ws {
			if kindOf(l, w) != kindContent {
				continue
			}
			out = append(out, stem(l, w))
		}
	}
	sort.Strings(out)
	return dedupSorted(out)
}

func dedupSorted(s []string) []string {
	if len(s) == 0 {
		return s
	}
	out := s[:1]
	for _, x := range s[1:] {
		if x != out[len(out)-1] {
			out = append(out, x)
		}
	}
	return out
}

func joinKey(s []string) string {
	n := 0
	for _, x := range s {
		n += len(x) + 1
	}
	b := make([]byte, 0, n)
	for _, x := range s {
		b = append(b, x...)
		b = append(b, 0)
	}
	return string(b)
}
