package faq

import (
	"slices"
	"strings"
)

// typoIndex finds the knowledge base's word closest to a misspelled one
// (SymSpell-style): every known word is filed under itself and under each
// of its one-letter deletions, so a query word within one edit (insert,
// delete, substitute, swap neighbours) meets it through one of its own
// deletions. Keys are 64-bit hashes to keep the index small; a candidate is
// always verified by computing the real edit distance.
type typoIndex struct {
	heads map[uint64]int32 // key hash → first node
	next  []int32          // node → next node with the same hash, -1 at the end
	word  []int32          // node → word
	words []string         // word → folded text
	refs  []wordRef        // word → what it analyses to
	df    []int32          // word → how many entries hold its term (ties)
	// sorted are the words in order, for finding the words a query word
	// begins (see nextLetters).
	sorted []string
	// sounds files Spanish words by how they sound (see spanishSound),
	// for words spelled as they are said: "sita" is "cita", "aser" is
	// "hacer", "bacuna" is "vacuna". A sound two different words share
	// is filed as -1 and corrects nothing.
	sounds map[string]int32
}

// minTypoLen is the shortest word we correct: shorter words have too many
// neighbours one edit away to guess right ("bp" → "be", "pap" → "map").
const minTypoLen = 4

func hashSkip(w string, skip1, skip2 int) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		if i == skip1 || i == skip2 {
			continue
		}
		h ^= uint64(w[i])
		h *= 1099511628211
	}
	return h
}

// buildTypos indexes the words of language l: a Spanish word is corrected
// to Spanish words only ("pasar" is not a typo of "pastor").
func buildTypos(ix *index, l lang) typoIndex {
	t := typoIndex{heads: make(map[uint64]int32)}
	add := func(h uint64, w int32) {
		node := int32(len(t.word))
		t.word = append(t.word, w)
		if head, ok := t.heads[h]; ok {
			t.next = append(t.next, head)
		} else {
			t.next = append(t.next, -1)
		}
		t.heads[h] = node
	}
	{
		for w, r := range ix.vocab[l] {
			if r.kind != kindContent || r.term < 0 || len(w) < minTypoLen || !isLetters(w) {
				continue
			}
			if !ix.strongTerm(r.term) {
				continue
			}
			id := int32(len(t.words))
			t.words = append(t.words, w)
			t.refs = append(t.refs, r)
			t.df = append(t.df, int32(len(ix.post[r.term])))
			add(hashSkip(w, -1, -1), id)
			for i := 0; i < len(w); i++ {
				if i > 0 && w[i] == w[i-1] {
					continue // deleting either of a double letter gives the same key
				}
				add(hashSkip(w, i, -1), id)
			}
		}
	}
	t.sorted = slices.Clone(t.words)
	slices.Sort(t.sorted)
	if l == langES {
		t.sounds = soundIndex(t.words, func(i, j int) bool { return t.refs[i].term == t.refs[j].term })
	}
	return t
}

// soundIndex files words by their spanishSound: the index of the word
// with that sound, or -1 when two words that are not the same (by same)
// share it.
func soundIndex(words []string, same func(i, j int) bool) map[string]int32 {
	m := make(map[string]int32, len(words))
	for i, w := range words {
		k := spanishSound(w)
		if prev, ok := m[k]; ok && (prev < 0 || !same(int(prev), i)) {
			m[k] = -1
			continue
		}
		m[k] = int32(i)
	}
	return m
}

// spanishSound is a Spanish word as it sounds, the way people who learned
// the language by ear spell it: a silent h is dropped, c before e or i and
// z are s, c before anything else and qu are k, v is b, ll is y, g before
// e or i is j. A doubled r stays: "perro" is not "pero".
func spanishSound(w string) string {
	b := make([]byte, 0, len(w))
	for i := 0; i < len(w); i++ {
		c := w[i]
		var next byte
		if i+1 < len(w) {
			next = w[i+1]
		}
		switch {
		case c == 'h' && (i == 0 || w[i-1] != 'c'):
			continue
		case c == 'c' && next == 'h':
			c = 'x'
			i++
		case c == 'c' && (next == 'e' || next == 'i'), c == 'z':
			c = 's'
		case c == 'q' && next == 'u':
			c = 'k'
			i++
		case c == 'c':
			c = 'k'
		case c == 'v':
			c = 'b'
		case c == 'l' && next == 'l':
			c = 'y'
			i++
		case c == 'g' && (next == 'e' || next == 'i'):
			c = 'j'
		}
		b = append(b, c)
	}
	return string(b)
}

// nextLetters returns the letters that follow w in the longer known words
// w begins, as bits (bit 0 for 'a'): "medic" of "medicaid" has the bit of
// 'a', the first letter of the half a patient who split "medicaid" in two
// wrote after it (see splitWord). Zero when w begins no longer word.
func (t *typoIndex) nextLetters(w string) uint32 {
	var bits uint32
	i, _ := slices.BinarySearch(t.sorted, w)
	for i < len(t.sorted) && strings.HasPrefix(t.sorted[i], w) {
		s := t.sorted[i]
		if len(s) == len(w) {
			i++
			continue
		}
		c := s[len(w)] // a letter: known words are (see buildTypos)
		bits |= 1 << (c - 'a')
		// On past the words that go on with c.
		i, _ = slices.BinarySearch(t.sorted, w+string(c+1))
	}
	return bits
}

// strongTerm reports whether some entry holds t in a question, alternate or
// keyword, or t belongs to a synonym group: the words worth correcting to.
func (ix *index) strongTerm(t int32) bool {
	if len(ix.kbSyn[t]) > 0 || len(ix.biSyn[t]) > 0 {
		return true
	}
	for _, p := range ix.post[t] {
		if p.strong {
			return true
		}
	}
	return false
}

func isLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// correct returns the known word closest to w (distance 1, or 2 for words
// of eight letters or more) that starts with the same letter, preferring
// the word more entries hold; ok is false when there is none.
func (t *typoIndex) correct(w string) (ref wordRef, ok bool) {
	if len(w) < minTypoLen || len(w) > 30 || !isLetters(w) || len(t.words) == 0 {
		return wordRef{}, false
	}
	maxDist := 1
	if len(w) >= 8 {
		maxDist = 2
	}
	best, bestDist, bestDF := int32(-1), 3, int32(-1)
	consider := func(h uint64) {
		head, found := t.heads[h]
		if !found {
			return
		}
		for n := head; n >= 0; n = t.next[n] {
			id := t.word[n]
			if t.words[id][0] != w[0] {
				// People rarely mistype the first letter; a "correction"
				// there is more often another word ("gmail" is not
				// "email").
				continue
			}
			d := editDistance(w, t.words[id], maxDist)
			if d > maxDist {
				continue
			}
			if d < bestDist || d == bestDist && (t.df[id] > bestDF || t.df[id] == bestDF && t.words[id] < t.words[best]) {
				best, bestDist, bestDF = id, d, t.df[id]
			}
		}
	}
	consider(hashSkip(w, -1, -1))
	for i := 0; i < len(w); i++ {
		consider(hashSkip(w, i, -1))
	}
	if maxDist == 2 && best < 0 {
		for i := 0; i < len(w); i++ {
			for j := i + 1; j < len(w); j++ {
				consider(hashSkip(w, i, j))
			}
		}
	}
	if best < 0 && t.sounds != nil {
		if id, ok := t.sounds[spanishSound(w)]; ok && id >= 0 && t.words[id] != w {
			return t.refs[id], true
		}
	}
	if best < 0 || bestDist == 0 {
		return wordRef{}, false
	}
	return t.refs[best], true
}

// editDistance is the optimal-string-alignment distance between a and b
// (Levenshtein plus swaps of neighbours), or max+1 once it exceeds max.
func editDistance(a, b string, max int) int {
	if d := len(a) - len(b); d > max || -d > max {
		return max + 1
	}
	if len(a) > 30 || len(b) > 30 {
		return max + 1
	}
	var rows [3][32]int
	prev2, prev, cur := &rows[0], &rows[1], &rows[2]
	for j := 0; j <= len(b); j++ {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
