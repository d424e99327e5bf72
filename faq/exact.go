package faq

import "strings"

// A message whose folded words are those of a question or an alternate
// is that entry's question, whatever the models think (see decide). The
// phrasings are filed under their words run together, with where each
// word ends: a message's folded text is its words run together already
// (the tokenizer's buffer), and is looked up as it is, where joining its
// words with spaces into a key, a copy per word, was 2% of Match on the
// clinic set.

// exactPhrasing is a phrasing's word ends in its words run together, and
// its entry, or -1 when two entries share the phrasing.
type exactPhrasing struct {
	ends  []int32
	entry int32
}

// addExact files every phrasing of entry e.
func (ix *index) addExact(e *Entry, pos int32) {
	add := func(text string) {
		words := foldWords(text)
		if len(words) == 0 {
			return
		}
		ends := make([]int32, len(words))
		n := 0
		for i, w := range words {
			n += len(w)
			ends[i] = int32(n)
		}
		key := strings.Join(words, "")
		ps := ix.exact[key]
		for i := range ps {
			if len(ps[i].ends) == len(ends) && equalTerms(ps[i].ends, ends) {
				if ps[i].entry != pos {
					ps[i].entry = -1
				}
				return
			}
		}
		ix.exact[key] = append(ps, exactPhrasing{ends: ends, entry: pos})
	}
	add(e.Question)
	for _, a := range e.Alternates {
		add(a)
	}
	for _, code := range sortedKeys(e.Translations) {
		tr := e.Translations[code]
		if tr.Question != "" {
			add(tr.Question)
		}
		for _, a := range tr.Alternates {
			add(a)
		}
	}
}

// exactEntry returns the entry the message split in t is a phrasing of,
// or -1 when it is none or the phrasing of several entries.
func (ix *index) exactEntry(t *tokenizer) int32 {
	ps := ix.exact[string(t.buf)] // no copy: Go looks a []byte up in place
	for i := range ps {
		p := &ps[i]
		if len(p.ends) != len(t.toks) {
			continue
		}
		same := true
		for k, end := range p.ends {
			if t.toks[k].end != end {
				same = false
				break
			}
		}
		if same {
			return p.entry
		}
	}
	return -1
}
