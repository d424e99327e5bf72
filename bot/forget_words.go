package bot

import (
	"maps"
	"slices"
	"strings"
)

// A request to be forgotten is a whole message, as a consent keyword is:
// "delete my data", "please delete all my information", "can you delete
// my data?", "forget me", "borra mis datos", "¿pueden eliminar mis datos?",
// "olvídame". It is an optional lead that asks ("can you", "i want to",
// "quiero que"), a verb that erases and what it erases (something of the
// patient's: their data, information, account), and an optional tail
// ("now", "from your system", "por completo").
//
// A question about data is not one: "do you delete my data?", "how do you
// store my data?", "how do I delete my data?", "¿borran mis datos?" ask
// how the clinic works, and are the FAQ's. "can you delete my data?" and
// "can I delete my data?" ask for it to be done: nothing is erased before
// the patient confirms (see forget.go), so a request read too eagerly
// costs a press of "Keep it", and one missed leaves them without an answer.

// forgetGrammar is one language's way of asking to be forgotten.
type forgetGrammar struct {
	lang  string
	leads [][]string // longest first: "i want you to" before "i want to"
	verbs map[string]bool
	// objects are what a verb erases, as words joined by spaces.
	objects map[string]bool
	// wholes are requests without a verb and object of the lists ("forget
	// me", "olvídame", "i want my data deleted"), after any lead.
	wholes map[string]bool
	tails  [][]string
}

// phraseWords splits each phrase into its words.
func phraseWords(ss ...string) [][]string {
	out := make([][]string, len(ss))
	for i, s := range ss {
		out[i] = strings.Fields(s)
	}
	return out
}

// phraseSet makes a set of phrases.
func phraseSet(ss ...string) map[string]bool {
	m := make(map[string]bool, len(ss))
	for _, s := range ss {
		m[s] = true
	}
	return m
}

// possessions makes every object "quantity owner noun [and [owner] noun]"
// can say ("all of my personal data", "my data and my account"), owner
// being the noun's own possessive (Spanish: "mis datos", "mi cuenta").
func possessions(quantities []string, nouns map[string]string, and string) map[string]bool {
	m := map[string]bool{}
	for _, q := range quantities {
		for n, owner := range nouns {
			one := strings.TrimSpace(q + " " + owner + " " + n)
			m[one] = true
			for n2, owner2 := range nouns {
				if n2 != n && !strings.Contains(n2, n) && !strings.Contains(n, n2) {
					m[one+" "+and+" "+n2] = true
					m[one+" "+and+" "+owner2+" "+n2] = true
				}
			}
		}
	}
	return m
}

var forgetEN = func() forgetGrammar {
	g := forgetGrammar{
		lang: langEN,
		leads: phraseWords("i want you to", "i would like you to", "id like you to", "i need you to", "i ask you to",
			"i want to", "i would like to", "id like to", "i need to", "i wish to",
			"can you", "could you", "would you", "will you", "can u", "could u", "can i", "could i", "may i",
			"kindly", "go ahead and", "just"),
		verbs: phraseSet("delete", "erase", "remove", "wipe", "clear", "purge", "destroy"),
		objects: possessions([]string{"", "all", "all of"}, map[string]string{
			"data": "my", "information": "my", "info": "my", "account": "my", "details": "my", "profile": "my",
			"personal data": "my", "personal information": "my", "personal info": "my", "personal details": "my",
		}, "and"),
		wholes: phraseSet("forget me", "forget about me", "forget everything about me", "forget all about me",
			"forget everything you know about me", "forget my data", "forget my information", "forget all my data"),
		tails: phraseWords("right now", "now", "asap", "completely", "permanently", "forever", "immediately", "too",
			"from your system", "from your systems", "from this chat", "from the chat", "from this bot", "from the bot"),
	}
	for _, o := range []string{"everything", "everything about me", "everything you have on me", "everything you have about me",
		"everything you know about me", "everything you have"} {
		g.objects[o] = true
	}
	for _, want := range []string{"i want", "i would like", "id like", "please have"} {
		for _, n := range []string{"data", "information", "info", "account", "personal data", "personal information"} {
			for _, done := range []string{"deleted", "erased", "removed"} {
				g.wholes[want+" my "+n+" "+done] = true
			}
		}
	}
	return g
}()

var forgetES = func() forgetGrammar {
	g := forgetGrammar{
		lang: langES,
		leads: phraseWords("quiero que", "quisiera que", "deseo que", "necesito que", "le pido que", "les pido que", "te pido que",
			"me gustaria que", "me gustaria", "quiero", "quisiera", "deseo", "necesito", "solicito",
			"me puede", "me pueden", "me puedes", "me podria", "me podrian", "me podrias",
			"puede", "pueden", "puedes", "podria", "podrian", "podrias", "puedo", "favor de"),
		verbs: phraseSet("borra", "borrar", "borre", "borren", "elimina", "eliminar", "elimine", "eliminen",
			"suprime", "suprimir", "suprima", "supriman", "quita", "quitar", "quite", "quiten"),
		objects: possessions([]string{"", "todos", "toda"}, map[string]string{
			"datos": "mis", "datos personales": "mis", "informacion": "mi", "informacion personal": "mi",
			"cuenta": "mi", "perfil": "mi",
		}, "y"),
		wholes: phraseSet("olvidame", "olvideme", "olvidenme", "olvidarme", "me olviden", "olvidate de mi", "olvidese de mi",
			"olvidense de mi"),
		tails: phraseWords("ya", "ahora", "ahora mismo", "por completo", "completamente", "para siempre", "de su sistema",
			"del sistema", "de este chat", "del chat", "de ustedes"),
	}
	for _, o := range []string{"todo", "todo sobre mi", "todo lo que tienen de mi", "todo lo que saben de mi"} {
		g.objects[o] = true
	}
	return g
}()

var forgetGrammars = []*forgetGrammar{&forgetEN, &forgetES}

// match reports whether ws, a message's words (fillers dropped), ask to
// be forgotten in g's language.
func (g *forgetGrammar) match(ws []string) bool {
	if len(ws) >= 2 && ws[len(ws)-2] == "por" && ws[len(ws)-1] == "favor" { // "borra mis datos, por favor"
		ws = ws[:len(ws)-2]
	}
	for _, tail := range g.tails {
		if len(ws) > len(tail) && slices.Equal(ws[len(ws)-len(tail):], tail) {
			ws = ws[:len(ws)-len(tail)]
			break
		}
	}
	if g.request(ws) {
		return true
	}
	for _, lead := range g.leads {
		if len(ws) > len(lead) && slices.Equal(ws[:len(lead)], lead) && g.request(ws[len(lead):]) {
			return true
		}
	}
	return false
}

// request reports a verb and its object, or a whole request, and nothing else.
func (g *forgetGrammar) request(ws []string) bool {
	if len(ws) == 0 {
		return false
	}
	rest := strings.Join(ws, " ")
	return g.wholes[rest] || len(ws) > 1 && g.verbs[ws[0]] && g.objects[strings.Join(ws[1:], " ")]
}

// forgetKeys are the words without one of which no message is a request
// to be forgotten: the verbs, and the verb of each whole request ("forget",
// "olvídame", "deleted"). A message with none is let go without
// allocating: "can you tell me your hours" starts like "can you delete my
// data".
var forgetKeys = func() map[string]bool {
	m := map[string]bool{}
	for _, g := range forgetGrammars {
		for v := range g.verbs {
			m[v] = true
		}
		for w := range g.wholes {
			for _, word := range strings.Fields(w) {
				if strings.HasPrefix(word, "forget") || strings.HasPrefix(word, "olvid") ||
					word == "deleted" || word == "erased" || word == "removed" {
					m[word] = true
				}
			}
		}
	}
	return m
}()

// forgetStart holds every word a request can start with, after fillers.
var forgetStart = func() map[string]bool {
	m := maps.Clone(forgetKeys)
	for _, g := range forgetGrammars {
		for _, l := range g.leads {
			m[l[0]] = true
		}
		for w := range g.wholes {
			m[strings.Fields(w)[0]] = true
		}
	}
	m["por"] = true // "por favor", which dropPorFavor takes only at the very start
	return m
}()

// The sets forgetRequest reads without allocating.
var forgetGate, forgetKeySet = newWordSet(forgetStart), newWordSet(forgetKeys)

// maxForgetText bounds a request: the longest is some 70 characters.
const maxForgetText = 120

// forgetRequest reports whether text asks to be forgotten, and in which
// language it is written. A message that cannot be one (most) costs no
// allocation.
func forgetRequest(text string) (lang string, ok bool) {
	text = dropPorFavor(text)
	if len(text) > maxForgetText || !firstWordIn(text, forgetGate, fillerSet) {
		return "", false
	}
	var buf [maxForgetText]byte
	list, n := consentWords(buf[:0], text)
	if n == 0 || !anyWordIn(list, forgetKeySet) {
		return "", false
	}
	return forgetMatch(strings.Fields(string(list)))
}

// forgetMatch reads ws, a message's words, as a request to be forgotten.
func forgetMatch(ws []string) (lang string, ok bool) {
	for _, g := range forgetGrammars {
		if g.match(ws) {
			return g.lang, true
		}
	}
	return "", false
}

// The answers to "Do you want me to delete your data?" typed rather than
// pressed, after fillers ("yes please", "no thanks").
var (
	forgetYes = phraseSet("yes", "y", "yeah", "yep", "yes delete", "yes delete it", "yes delete them", "yes delete my data",
		"delete", "delete it", "delete them", "confirm", "i confirm", "yes i confirm", "yes im sure", "im sure", "sure", "yes sure",
		"si", "si borrar", "si borralos", "si borrar mis datos", "borrar", "borralos", "borrarlos", "confirmo",
		"confirmar", "si confirmo", "si estoy seguro", "si estoy segura", "estoy seguro", "estoy segura", "dale", "si dale")
	forgetNo = phraseSet("no", "n", "nope", "keep", "keep it", "keep them", "keep my data", "dont", "dont delete", "do not delete",
		"dont delete it", "dont delete my data", "no dont", "no keep it", "cancel", "never mind", "nevermind",
		"no borrar", "no borres", "no los borres", "no borren", "no los borren", "no lo borres", "no eliminar",
		"conservar", "conservarlos", "conservalos", "mantener", "mantenerlos", "cancelar", "no mejor no", "mejor no")
)

// forgetAnswer reads text as a typed answer to the question whether to
// delete: yes, no, or neither (ok false).
func forgetAnswer(text string) (yes, ok bool) {
	text = dropPorFavor(text)
	if len(text) > 40 {
		return false, false
	}
	var buf [40]byte
	list, _ := consentWords(buf[:0], text)
	switch {
	case forgetYes[string(list)]:
		return true, true
	case forgetNo[string(list)]:
		return false, true
	}
	return false, false
}
