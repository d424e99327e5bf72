package faq

import "strings"

// adviceCues are ways people ask for individual medical advice: whether a
// reading is normal, whether to take or combine a medicine, what a symptom
// is. A clinic's FAQ bot must not answer those from its knowledge base (it
// gives general information, never individual advice), so a message with
// one needs more evidence before a confident answer. Folded words; a cue
// matches as a run of whole words.
var adviceCues = func() map[string][][]string {
	out := make(map[string][][]string)
	for _, c := range strings.Split(`
is that normal|is it normal|is this normal|is that bad|is it bad|is this bad|is that high|is that low|is it high|is it low
is that dangerous|is it dangerous|is this dangerous|is it serious|is that serious|should i worry|should i be worried
should i take|can i take|what should i take|what can i take|how much should i take|how many should i take
how much can i give|how much should i give|can i give my|should i give my|safe to take|ok to take|okay to take
double my|skip my dose|missed my dose|missed a dose|mix with|together with|interact with|interaction
could it be|do i have|is it cancer|is this cancer|what is wrong with me|whats wrong with me|diagnose
es normal|es grave|es peligroso|que me tomo|que pastilla|que medicina tomo|puedo tomar|cuanto le doy|que le doy
`, "\n") {
		for _, cue := range strings.Split(c, "|") {
			if ws := foldWords(cue); len(ws) > 0 {
				out[ws[0]] = append(out[ws[0]], ws)
			}
		}
	}
	return out
}()

// maxCueLen is the most words a cue has.
const maxCueLen = 6

// hasAdviceCue reports whether the folded message asks for medical advice
// in one of the ways adviceCues lists, starting at its first token.
func hasAdviceCue(text string, toks []token) bool {
	for i := range toks[:min(len(toks), 1)] {
		w := text[toks[i].start:toks[i].end]
	cue:
		for _, c := range adviceCues[w] {
			if i+len(c) > len(toks) {
				continue
			}
			for k := 1; k < len(c); k++ {
				if text[toks[i+k].start:toks[i+k].end] != c[k] {
					continue cue
				}
			}
			return true
		}
	}
	return false
}
