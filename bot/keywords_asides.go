package bot

import (
	"cmp"
	"slices"
	"strings"
)

// A frustrated patient rarely types a bare STOP: "STOP STOP STOP", "stop
// fucking texting me", "i said stop", "wrong number, stop texting me",
// "ya basta de mensajes". Each of those is the clearest opt-out there is,
// and each got the FAQ's "Reply STOP..." or a fallback (QA). The words
// below let the consent grammar read them without listing them one by one.

// emphasisWords add heat, not meaning: they may stand anywhere in a
// phrase that opens with a consent verb or lead ("stop the damn texts",
// "i dont want your fucking reminders", "basta ya") and, as asides, before
// or after an opt-out ("just stop", "seriously, stop texting me").
var emphasisWords = union(emphasisEN, emphasisES)

// The emphasis words by language (see consentLang).
var (
	emphasisEN = map[string]bool{
		"just": true, "seriously": true, "already": true, "fucking": true, "fuckin": true, "fking": true,
		"freaking": true, "freakin": true, "frickin": true, "effing": true, "damn": true, "goddamn": true,
		"bloody": true, "omg": true, "ffs": true, "wtf": true,
	}
	emphasisES = map[string]bool{"ya": true, "carajo": true, "joder": true}
)

// optOutAsides are said beside an opt-out without changing it: "i said
// stop", "wrong number stop texting me", "stop texting me i am not your
// patient". They are cut from the start and the end of a message only
// when what is left is an opt-out on its own (see parseConsent): "wrong
// number" alone, or "i said start", stays for the FAQ. A message about a
// wrong number says who should not be written to, but not that the
// person wants no messages: they may be asking how to update it.
var optOutAsides = sortedAsides(optOutAsidesEN, optOutAsidesES, emphasisEN, emphasisES)

// The asides by language (see consentLang).
var (
	optOutAsidesEN = map[string]bool{
		"i said": true, "i already said": true, "like i said": true, "i told you": true, "i already told you": true,
		"i said to": true, "i told you to": true, "i already told you to": true, "i asked you to": true,
		"wrong number": true, "wrong person": true, "you have the wrong number": true, "you have the wrong person": true,
		"youve got the wrong number": true, "you got the wrong number": true, "this is the wrong number": true,
		"this is not my number": true, "this isnt my number": true, "not my number": true,
		"im not your patient": true, "i am not your patient": true, "im not the patient": true, "i am not the patient": true,
		"im not a patient": true, "i am not a patient": true, "not your patient": true, "i dont know you": true,
	}
	optOutAsidesES = map[string]bool{
		"ya les dije": true, "ya le dije": true, "ya te dije": true, "les dije": true, "le dije": true, "te dije": true,
		"ya dije": true, "ya les dije que": true, "ya le dije que": true, "ya te dije que": true, "les dije que": true,
		"le dije que": true, "te dije que": true, "numero equivocado": true, "se equivocaron de numero": true,
		"este no es mi numero": true, "no es mi numero": true, "no soy su paciente": true, "no soy paciente": true,
		"no soy el paciente": true, "no soy la paciente": true, "no los conozco": true,
	}
)

// sortedAsides returns the asides of sets, longest first, so that "you
// have the wrong number" is cut whole before "wrong number" would leave
// "you have the" behind.
func sortedAsides(sets ...map[string]bool) []string {
	var out []string
	for _, s := range sets {
		for w := range s {
			out = append(out, w)
		}
	}
	slices.SortFunc(out, func(a, b string) int {
		if c := cmp.Compare(len(b), len(a)); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	return slices.Compact(out)
}

// trimAsides cuts optOutAsides from the start and the end of list (words
// joined by single spaces) for as long as one is there.
func trimAsides(list []byte) []byte {
	for cut := true; cut && len(list) > 0; {
		cut = false
		for _, a := range optOutAsides {
			if rest, ok := cutWords(list, a); ok {
				list, cut = rest, true
				break
			}
			if rest, ok := cutWordsAtEnd(list, a); ok {
				list, cut = rest, true
				break
			}
		}
	}
	return list
}

// cutWordsAtEnd returns what comes before words at the end of list, ok
// when list ends with them as whole words.
func cutWordsAtEnd(list []byte, words string) (rest []byte, ok bool) {
	if len(list) < len(words) || string(list[len(list)-len(words):]) != words {
		return nil, false
	}
	switch rest = list[:len(list)-len(words)]; {
	case len(rest) == 0:
		return nil, true
	case rest[len(rest)-1] == ' ':
		return rest[:len(rest)-1], true
	}
	return nil, false
}

// dropPorFavorWords takes "por favor" out of list wherever it stands, in
// place: a filler of two words, as "please" and "porfa" are of one ("no
// más mensajes por favor"; QA). It returns the list and its word count.
func dropPorFavorWords(list []byte, n int) ([]byte, int) {
	w := 0
	for rest := list; len(rest) > 0; {
		var word []byte
		word, rest = nextWord(rest)
		if string(word) == "por" {
			if next, after := nextWord(rest); string(next) == "favor" {
				rest, n = after, n-2
				continue
			}
		}
		if w > 0 {
			list[w] = ' '
			w++
		}
		w += copy(list[w:], word)
	}
	return list[:w], n
}
