package faq

import (
	"sort"
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

// DefaultGroupSimilarity is the similarity from which two questions join
// one group when Group is given 0.
const DefaultGroupSimilarity = 0.4

// maxGroupTexts bounds the questions Group compares (it compares every
// pair); the rest are grouped by exact match of their words only.
const maxGroupTexts = 5000

// Group clusters questions by what they are about: each is reduced to its
// content words (folded, stop words out, stemmed, English or Spanish as
// detected), two questions are similar by the Jaccard index of those sets,
// and questions linked by a chain of similarity ≥ minSimilarity (0 means
// DefaultGroupSimilarity) form one group. Groups come largest first, then
// by representative. Texts with no content word ("???", emoji) form one
// group of their own, last.
func Group(texts []string, minSimilarity float64) []MissGroup {
	if minSimilarity <= 0 {
		minSimilarity = DefaultGroupSimilarity
	}
	sets := make([][]string, len(texts))
	for i, t := range texts {
		sets[i] = contentStems(t)
	}
	parent := make([]int, len(texts))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(a, b int) { parent[find(a)] = find(b) }
	byKey := make(map[string]int)
	for i, s := range sets {
		key := joinKey(s)
		if j, ok := byKey[key]; ok {
			union(i, j)
			continue
		}
		byKey[key] = i
	}
	n := min(len(texts), maxGroupTexts)
	sim := func(i, j int) float64 { return jaccard(sets[i], sets[j]) }
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			if find(i) != find(j) && sim(i, j) >= minSimilarity {
				union(i, j)
			}
		}
	}
	members := make(map[int][]int)
	var roots []int
	for i := range texts {
		r := find(i)
		if members[r] == nil {
			roots = append(roots, r)
		}
		members[r] = append(members[r], i)
	}
	type group struct {
		MissGroup
		noise bool // texts without content (emoji, "???"): listed last
	}
	gs := make([]group, 0, len(members))
	for _, r := range roots {
		m := members[r]
		// Most representative first: the highest total similarity to the
		// others, then the shorter text.
		score := make(map[int]float64, len(m))
		if len(m) <= 200 {
			for _, i := range m {
				for _, j := range m {
					if i != j {
						score[i] += sim(i, j)
					}
				}
			}
		}
		sort.SliceStable(m, func(a, b int) bool {
			ia, ib := m[a], m[b]
			if score[ia] != score[ib] {
				return score[ia] > score[ib]
			}
			if len(texts[ia]) != len(texts[ib]) {
				return len(texts[ia]) < len(texts[ib])
			}
			return texts[ia] < texts[ib]
		})
		g := group{MissGroup: MissGroup{Count: len(m)}, noise: len(sets[r]) == 0}
		for _, i := range m {
			g.Texts = append(g.Texts, texts[i])
		}
		g.Members = m
		g.Representative = g.Texts[0]
		gs = append(gs, g)
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

// jaccard is |a∩b| / |a∪b| of two sorted sets; 0 when both are empty.
func jaccard(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	i, j, both := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			both++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return float64(both) / float64(len(a)+len(b)-both)
}
