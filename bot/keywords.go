package bot

import (
	"maps"
	"slices"
	"strings"

	"github.com/carebot/carebot"
)

// intentKind is what a consent keyword asks for.
type intentKind int

const (
	intentNone intentKind = iota
	intentOptOut
	intentOptIn
	intentHelp
)

// consentIntent is a message read as a consent keyword or phrase.
type consentIntent struct {
	kind intentKind
	// purposes is nil for every purpose ("STOP"), or the ones named
	// ("stop awareness").
	purposes []carebot.Purpose
	// method is what the ledger records: "keyword:STOP" for a bare
	// keyword, "phrase" for wording such as "stop texting me".
	method string
}

// A bare keyword is the whole message (give or take punctuation and
// "please"). CANCEL is only ever a keyword on its own: "cancel my
// appointment" is a question for the FAQ, not an opt-out.
var bareKeywords = map[string]intentKind{
	"stop": intentOptOut, "stopall": intentOptOut, "unsubscribe": intentOptOut, "cancel": intentOptOut,
	"end": intentOptOut, "quit": intentOptOut, "revoke": intentOptOut, "optout": intentOptOut,
	"alto": intentOptOut, "parar": intentOptOut, "baja": intentOptOut, "cancelar": intentOptOut,
	"start": intentOptIn, "unstop": intentOptIn, "subscribe": intentOptIn, "optin": intentOptIn,
	"help": intentHelp, "info": intentHelp, "ayuda": intentHelp, "informacion": intentHelp,
}

// spanishKeywords are the bare keywords only Spanish speakers send; the
// others (STOP, HELP) Spanish speakers send too.
var spanishKeywords = []string{"alto", "parar", "baja", "cancelar", "ayuda", "informacion"}

// verbs that open an opt-out or opt-in phrase ("stop sending me tips",
// "unsubscribe me from announcements", "subscribe to awareness").
var (
	optOutVerbs = map[string]bool{"stop": true, "unsubscribe": true, "optout": true, "quit": true, "end": true, "cancel": true, "revoke": true,
		"cancelar": true, "basta": true}
	optInVerbs = map[string]bool{"start": true, "subscribe": true, "optin": true, "unstop": true}
)

// messageWords may follow a consent verb without changing what it means:
// "stop texting me", "stop all the messages", "unsubscribe me from this".
var messageWords = union(messageWordsEN, messageWordsES)

// The message words by language (see consentLang); "me" and "sms" are
// both languages'.
var (
	messageWordsEN = map[string]bool{
		"me": true, "all": true, "the": true, "your": true, "these": true, "those": true, "this": true, "it": true,
		"message": true, "messages": true, "text": true, "texts": true, "texting": true, "messaging": true,
		"sending": true, "send": true, "contacting": true, "contact": true, "notifications": true, "alerts": true,
		"sms": true, "anymore": true, "any": true, "more": true, "of": true, "from": true, "to": true, "you": true,
		"number": true, "list": true, "again": true, "please": true, "everything": true, "my": true, "for": true,
		"get": true, "getting": true, "receive": true, "receiving": true, "back": true,
		"spam": true, "spamming": true, "bothering": true, "harassing": true,
	}
	messageWordsES = map[string]bool{
		"me": true, "sms": true,
		"mensajes": true, "mensaje": true, "textos": true, "texto": true, "mas": true, "de": true, "los": true, "las": true,
		"sus": true, "todos": true, "todo": true, "por": true, "favor": true, "recibir": true, "recibiendo": true, "ustedes": true,
		"notificaciones": true, "alertas": true, "nada": true,
	}
)

// fillers are dropped before matching: politeness and chat noise.
var fillers = map[string]bool{"please": true, "pls": true, "plz": true, "thanks": true, "thank": true, "thx": true,
	"ok": true, "okay": true, "now": true, "hi": true, "hello": true, "hey": true, "porfa": true, "gracias": true, "hola": true}

// purposeWords name a purpose inside a phrase ("stop awareness").
var purposeWords = union(purposeWordsEN, purposeWordsES)

// The purpose words by language (see consentLang).
var (
	purposeWordsEN = map[string]carebot.Purpose{
		"appointment": carebot.PurposeAppointments, "appointments": carebot.PurposeAppointments,
		"reminder": carebot.PurposeAppointments, "reminders": carebot.PurposeAppointments,
		"appt": carebot.PurposeAppointments, "appts": carebot.PurposeAppointments,
		"awareness": carebot.PurposeAwareness, "tips": carebot.PurposeAwareness, "campaigns": carebot.PurposeAwareness,
		"health":        carebot.PurposeAwareness,
		"announcements": carebot.PurposeAnnouncements, "announcement": carebot.PurposeAnnouncements,
		"news": carebot.PurposeAnnouncements, "newsletter": carebot.PurposeAnnouncements,
	}
	purposeWordsES = map[string]carebot.Purpose{
		"recordatorios": carebot.PurposeAppointments, "recordatorio": carebot.PurposeAppointments, "citas": carebot.PurposeAppointments,
		"consejos": carebot.PurposeAwareness,
		"avisos":   carebot.PurposeAnnouncements, "noticias": carebot.PurposeAnnouncements,
	}
)

// optOutPhrases are whole messages (after normalising and dropping
// fillers) that mean "stop everything", in the words patients use.
var optOutPhrases = union(optOutPhrasesEN, optOutPhrasesES)

// The opt-out phrases by language (see consentLang).
var optOutPhrasesEN = map[string]bool{
	"opt out": true, "stop all": true, "no more": true, "no more messages": true, "no more texts": true,
	"dont text me": true, "do not text me": true, "dont message me": true, "do not message me": true,
	"dont text me anymore": true, "do not text me anymore": true, "dont message me anymore": true,
	"dont contact me": true, "do not contact me": true, "leave me alone": true,
	"remove me": true, "remove me from your list": true, "remove me from the list": true, "take me off your list": true,
	"take me off the list": true, "i want to unsubscribe": true, "i want to opt out": true, "i want to stop": true,
	"i dont want messages": true, "i dont want any more messages": true, "i dont want these messages": true,
	"remove me from this list": true, "take me off this list": true, "remove me from your texts": true,
}

var optOutPhrasesES = map[string]bool{
	"no mas": true, "no mas mensajes": true, "ya no mas": true, "ya no quiero mensajes": true, "no quiero mensajes": true,
	"ya no quiero recibir mensajes": true, "no quiero recibir mensajes": true, "ya no me manden mensajes": true,
	"no me manden mas mensajes": true, "no me envien mas mensajes": true, "no me escriban mas": true,
	"dejen de mandarme mensajes": true, "dejen de enviarme mensajes": true, "dejen de escribirme": true,
	"darme de baja": true, "quiero darme de baja": true, "dar de baja": true, "basta": true, "basta de mensajes": true,
	"saquenme de la lista": true, "quitenme de la lista": true, "borrenme de la lista": true,
}

// optOutNumberPhrases ask to take the patient's number off the list:
// what carebot writes to, so the patient. They are kept apart from
// optOutPhrases, which the safety model learns from (safety_model_test.go):
// a phrase added there retrains it.
var optOutNumberPhrases = union(optOutNumberPhrasesEN, optOutNumberPhrasesES)

// The number phrases by language (see consentLang).
var (
	optOutNumberPhrasesEN = map[string]bool{
		"remove my number": true, "remove my number from your list": true, "remove my number from the list": true,
		"remove my number from this list": true, "take my number off your list": true, "take my number off the list": true,
	}
	optOutNumberPhrasesES = map[string]bool{
		"quiten mi numero": true, "quiten mi numero de la lista": true, "saquen mi numero de la lista": true,
		"borren mi numero de la lista": true,
	}
)

// helpPhrases are whole messages that ask what HELP answers: "help me"
// and "i need help" got the fallback, which says less (QA). The HELP reply
// names 911 and 988 too, so a patient in trouble who says only this is
// not left with "I don't have an answer to that".
var helpPhrases = union(helpPhrasesEN, helpPhrasesES)

// The help phrases by language (see consentLang).
var (
	helpPhrasesEN = map[string]bool{
		"help me": true, "i need help": true, "need help": true, "i need some help": true, "can you help me": true,
		"can you help": true, "could you help me": true, "can somebody help me": true, "can someone help me": true,
		"somebody help me": true, "someone help me": true,
	}
	helpPhrasesES = map[string]bool{
		"ayudame": true, "necesito ayuda": true, "me puede ayudar": true, "me puedes ayudar": true,
		"puede ayudarme": true, "puedes ayudarme": true, "alguien me puede ayudar": true,
	}
)

// optInPhrases are whole messages that mean "send me everything again".
var optInPhrases = union(optInPhrasesEN, optInPhrasesES)

// The opt-in phrases by language (see consentLang).
var (
	optInPhrasesEN = map[string]bool{
		"opt in": true, "start again": true, "sign me up": true, "subscribe me": true, "i want to subscribe": true,
		"i want messages": true,
	}
	optInPhrasesES = map[string]bool{
		"quiero mensajes": true, "quiero recibir mensajes": true, "suscribirme": true,
		"darme de alta": true, "quiero suscribirme": true,
	}
)

// consentLead opens a wish about messages said as a sentence rather than
// a keyword: "i don't want these text reminders anymore", "ya no quiero
// recibir recordatorios", "turn my reminders back on". The words after it
// are read as after a consent verb (message and purpose words only), and
// it or they must name a kind of message (see messageNouns): "i don't want
// appointments" and "no quiero citas" are not about messages; "no me
// escriban" is.
type consentLead struct {
	words string     // as consentWords gives them
	kind  intentKind // intentNone for "turn" and "switch": "off" or "on" decides
}

// consentLeads are tried in order and the first that opens the message is
// the only one read, so a longer lead comes before a shorter one it begins
// with ("i want to stop" before "i want"). No lead of one language starts
// with a lead of the other, so the two lists need no order between them.
var consentLeads = append(slices.Clip(consentLeadsEN), consentLeadsES...)

// The leads by language (see consentLang).
var consentLeadsEN = []consentLead{
	{"i dont want", intentOptOut}, {"i do not want", intentOptOut}, {"i dont wanna", intentOptOut},
	{"i no longer want", intentOptOut}, {"i dont need", intentOptOut}, {"i do not need", intentOptOut},
	{"dont want", intentOptOut}, {"dont send", intentOptOut}, {"do not send", intentOptOut},
	{"no longer send", intentOptOut}, {"shut off", intentOptOut},
	{"i want to stop", intentOptOut}, {"i want to unsubscribe", intentOptOut},
	{"i would like to stop", intentOptOut}, {"i would like to unsubscribe", intentOptOut},
	{"id like to stop", intentOptOut}, {"id like to unsubscribe", intentOptOut},
	{"i want to start", intentOptIn}, {"i want to subscribe", intentOptIn},
	{"i want", intentOptIn}, {"i would like", intentOptIn}, {"id like", intentOptIn}, {"send me", intentOptIn},
	{"turn", intentNone}, {"switch", intentNone},
}

var consentLeadsES = append([]consentLead{
	{"ya no quiero que me manden", intentOptOut}, {"no quiero que me manden", intentOptOut},
	{"ya no quiero que me envien", intentOptOut}, {"no quiero que me envien", intentOptOut},
	{"ya no quiero que me lleguen", intentOptOut}, {"no quiero que me lleguen", intentOptOut},
	{"ya no quiero que me escriban", intentOptOut}, {"no quiero que me escriban", intentOptOut},
	{"ya no quiero", intentOptOut}, {"no quiero", intentOptOut}, {"ya no deseo", intentOptOut}, {"no deseo", intentOptOut},
	{"quiero cancelar", intentOptOut}, {"quiero desactivar", intentOptOut}, {"desactivar", intentOptOut},
	{"quiero activar", intentOptIn}, {"activar", intentOptIn}, {"quiero", intentOptIn},
	{"mandenme", intentOptIn}, {"envienme", intentOptIn},
}, spanishSendLeads()...)

// spanishSendLeads are "stop sending me" and "don't send me" said to one
// person or to many, as tú or as usted ("deja de escribirme", "dejen de
// mandar mensajes", "no me mandes más"; QA found only "dejen de
// escribirme" read). The verb says what is sent (see sendingVerbs).
func spanishSendLeads() []consentLead {
	var leads []consentLead
	for _, stop := range []string{"deja", "deje", "dejen", "para", "pare", "paren"} {
		for _, send := range sendInfinitives {
			leads = append(leads, consentLead{stop + " de " + send, intentOptOut})
		}
	}
	for _, no := range []string{"ya no me", "no me"} {
		for _, send := range sendCommands {
			leads = append(leads, consentLead{no + " " + send, intentOptOut})
		}
	}
	return leads
}

// The Spanish verbs of sending and writing the leads are made of: after
// "deja de" ("mandarme", "escribir"), and after "no me" ("mandes",
// "escriban").
var (
	sendInfinitives = []string{"mandarme", "enviarme", "escribirme", "mandar", "enviar", "escribir"}
	sendCommands    = []string{"manden", "mande", "mandes", "envien", "envie", "envies", "escriban", "escriba", "escribas"}
)

// sendingVerbs are those verbs as a set: a lead with one names what it is
// about ("no me mandes más", "deja de escribirme"), though the words after
// a lead may not be these ("quiero mandar mensajes" is no opt-in).
var sendingVerbs = func() map[string]bool {
	m := map[string]bool{}
	for _, v := range slices.Concat(sendInfinitives, sendCommands) {
		m[v] = true
	}
	return m
}()

// messageNouns name a kind of message, or (like "texting") the sending of
// one; a lead needs one in it or after it.
var messageNouns = map[string]bool{
	"message": true, "messages": true, "text": true, "texts": true, "texting": true, "sms": true,
	"notifications": true, "alerts": true, "reminder": true, "reminders": true, "tips": true,
	"announcement": true, "announcements": true, "news": true, "newsletter": true, "campaigns": true,
	"spam": true, "spamming": true,
	"mensaje": true, "mensajes": true, "texto": true, "textos": true, "recordatorio": true, "recordatorios": true,
	"avisos": true, "consejos": true, "noticias": true, "notificaciones": true, "alertas": true,
	"escriban": true, "escriba": true, "escribirme": true,
}

// leadNamesMessage holds the leads that name a kind of message themselves
// ("no me escriban", "no me mandes"): nothing need follow them.
var leadNamesMessage = func() map[string]bool {
	m := map[string]bool{}
	for _, l := range consentLeads {
		for _, w := range strings.Fields(l.words) {
			if messageNouns[w] || sendingVerbs[w] {
				m[l.words] = true
			}
		}
	}
	return m
}()

// leadNounSet is messageNouns and sendingVerbs behind a bloom filter: a
// message with none of them opens with no lead that may be read.
var leadNounSet = newWordSet(union(messageNouns, sendingVerbs))

// anyWordIn reports whether a word of list is in set.
func anyWordIn(list []byte, set *wordSet) bool {
	for rest := list; len(rest) > 0; {
		var w []byte
		w, rest = nextWord(rest)
		if set.has(w) {
			return true
		}
	}
	return false
}

// maxConsentWords is the most words a consent phrase has: "i don't want
// to get these text reminders anymore" has nine.
const maxConsentWords = 10

// parseConsent reads text as a consent keyword or phrase. Anything longer
// than a short sentence, or without a consent word, is not one: a question
// that mentions stopping ("how do I stop the reminders?") goes to the FAQ.
// pointsBack reports a consent phrase with "it", "that" or "this" in it:
// "cancel it" is about what was said before it.
func pointsBack(list []byte) bool {
	for rest := list; len(rest) > 0; {
		var w []byte
		w, rest = nextWord(rest)
		if string(w) == "it" || string(w) == "that" || string(w) == "this" {
			return true
		}
	}
	return false
}

func parseConsent(text string) consentIntent {
	text = dropPorFavor(text)
	if len(text) > 80 || !mayBeConsent(text) {
		return consentIntent{}
	}
	var buf [80]byte // the words are never longer than the text
	list, n := consentWords(buf[:0], text)
	list, n = dropPorFavorWords(list, n)
	if n == 0 || n > maxConsentWords {
		return consentIntent{}
	}
	if n == 1 {
		if k, ok := bareKeywords[string(list)]; ok {
			return consentIntent{kind: k, method: "keyword:" + strings.ToUpper(string(list))}
		}
		// Not a keyword, but maybe a phrase of one word ("basta").
	}
	if in := parseConsentWords(list); in.kind != intentNone {
		return in
	}
	// "i said stop", "wrong number, stop texting me": an opt-out with
	// asides (see optOutAsides), which alone are none. CANCEL is not read
	// so: "i said cancel" may answer an appointment reminder.
	core := trimAsides(list)
	if len(core) == len(list) || len(core) == 0 {
		return consentIntent{}
	}
	if first, _ := nextWord(core); string(first) == "cancel" || string(first) == "cancelar" {
		return consentIntent{}
	}
	if in := parseConsentWords(core); in.kind == intentOptOut {
		return in
	}
	return consentIntent{}
}

// parseConsentWords reads list, a message's words as consentWords gives
// them, as a consent phrase, a consent verb and its words, or a lead.
func parseConsentWords(list []byte) consentIntent {
	if optOutPhrases[string(list)] || optOutNumberPhrases[string(list)] {
		return consentIntent{kind: intentOptOut, method: "phrase"}
	}
	if optInPhrases[string(list)] {
		return consentIntent{kind: intentOptIn, method: "phrase"}
	}
	if helpPhrases[string(list)] {
		return consentIntent{kind: intentHelp, method: "phrase"}
	}
	verb, rest := nextWord(list)
	var kind intentKind
	switch second, _ := nextWord(rest); {
	case optOutVerbs[string(verb)]:
		kind = intentOptOut
	case optInVerbs[string(verb)]:
		kind = intentOptIn
	case string(verb) == "no" && string(second) == "more":
		kind = intentOptOut
		verb, rest = nextWord(rest)
	default:
		return parseLead(list)
	}
	// Everything after the verb must be purpose names or words about
	// messages; anything else ("stop my blood pressure meds?") makes it
	// a question, not a keyword.
	var purposes []carebot.Purpose
	for len(rest) > 0 {
		var w []byte
		w, rest = nextWord(rest)
		if p, ok := purposeWords[string(w)]; ok {
			if !containsPurpose(purposes, p) {
				purposes = append(purposes, p)
			}
			continue
		}
		// A STOP said again, and words of heat, change nothing:
		// "STOP STOP STOP", "stop fucking texting me" (QA).
		if !messageWords[string(w)] && !emphasisWords[string(w)] && (string(w) != "stop" || kind != intentOptOut) {
			return consentIntent{}
		}
	}
	// CANCEL, END and QUIT are keywords only alone or with message words:
	// "cancel appointments" asks about appointments, not consent, and
	// "cancel it" (QA: typed under an appointment reminder) points at
	// something said before, not at the messages.
	cancel := string(verb) == "cancel" || string(verb) == "cancelar"
	if (cancel || string(verb) == "end" || string(verb) == "quit") && len(purposes) > 0 ||
		cancel && pointsBack(list) {
		return consentIntent{}
	}
	method := "phrase"
	if len(purposes) > 0 {
		method = "keyword:" + strings.ToUpper(string(verb)) + "+purpose"
	}
	return consentIntent{kind: kind, purposes: purposes, method: method}
}

// parseLead reads list, the words of a message that opens with no consent
// verb, as a lead and the message and purpose words after it. It reads
// them twice, so that a question allocates nothing.
func parseLead(list []byte) consentIntent {
	// Most questions that reach here start with "i" and name no kind of
	// message: let them go before the leads are compared one by one.
	if !anyWordIn(list, leadNounSet) {
		return consentIntent{}
	}
	for _, l := range consentLeads {
		after, ok := cutWords(list, l.words)
		if !ok {
			continue
		}
		kind, noun := l.kind, leadNamesMessage[l.words]
		for rest := after; len(rest) > 0; {
			var w []byte
			w, rest = nextWord(rest)
			switch {
			case l.kind == intentNone && (string(w) == "off" || string(w) == "on"):
				k := intentOptOut
				if string(w) == "on" {
					k = intentOptIn
				}
				if kind != intentNone && kind != k {
					return consentIntent{} // "turn off ... on"
				}
				kind = k
			case messageNouns[string(w)]:
				noun = true
			case !messageWords[string(w)] && !emphasisWords[string(w)] && purposeWords[string(w)] == "":
				return consentIntent{}
			}
		}
		if !noun || kind == intentNone {
			return consentIntent{}
		}
		var purposes []carebot.Purpose
		for rest := after; len(rest) > 0; {
			var w []byte
			w, rest = nextWord(rest)
			if p, ok := purposeWords[string(w)]; ok && !containsPurpose(purposes, p) {
				purposes = append(purposes, p)
			}
		}
		return consentIntent{kind: kind, purposes: purposes, method: "phrase"}
	}
	return consentIntent{}
}

// cutWords returns what follows words at the start of list, ok when list
// starts with them as whole words.
func cutWords(list []byte, words string) (rest []byte, ok bool) {
	if len(list) < len(words) || string(list[:len(words)]) != words {
		return nil, false
	}
	switch rest = list[len(words):]; {
	case len(rest) == 0:
		return nil, true
	case rest[0] == ' ':
		return rest[1:], true
	}
	return nil, false
}

// consentStart holds every word a consent keyword or phrase can start with
// (after fillers): almost every message fails this test without allocating.
var consentStart = func() map[string]bool {
	m := map[string]bool{"no": true, "opt": true}
	for _, words := range []map[string]bool{optOutVerbs, optInVerbs, optOutPhrases, optOutNumberPhrases, optInPhrases, helpPhrases} {
		for w := range words {
			first, _, _ := strings.Cut(w, " ")
			m[first] = true
		}
	}
	for w := range bareKeywords {
		m[w] = true
	}
	for _, l := range consentLeads {
		first, _, _ := strings.Cut(l.words, " ")
		m[first] = true
	}
	for _, a := range optOutAsides {
		first, _, _ := strings.Cut(a, " ")
		m[first] = true
	}
	return m
}()

// mayBeConsent reports, without allocating, whether the first word of
// text that is not a filler can start a consent keyword or phrase: most
// messages stop here.
func mayBeConsent(text string) bool { return firstWordIn(text, consentGate, fillerSet) }

// The sets mayBeConsent reads.
var consentGate, fillerSet = newWordSet(consentStart), newWordSet(fillers)

// consentWords appends to dst the words of text as the consent keywords
// read them: fillers dropped, and "opt out", "opt-out", "opt in" and a
// bare "stop all" each made one word ("optout", "stopall"), as carriers
// count them. It returns the words joined by single spaces and how many
// there are.
func consentWords(dst []byte, text string) ([]byte, int) {
	base := len(dst)
	dst, n := appendWords(dst, text, fillers)
	// Join "opt" with a following "out" or "in", in place: the list only
	// gets shorter, so the write position never passes the read position.
	w := base
	for rest := dst[base:]; len(rest) > 0; {
		var word, tail []byte
		word, rest = nextWord(rest)
		if string(word) == "opt" { // decided before the copies below overwrite word
			if next, after := nextWord(rest); string(next) == "out" || string(next) == "in" {
				tail, rest = next, after
				n--
			}
		}
		if w > base {
			dst[w] = ' '
			w++
		}
		w += copy(dst[w:], word)
		w += copy(dst[w:], tail)
	}
	dst = dst[:w]
	if string(dst[base:]) == "stop all" {
		dst, n = append(dst[:base], "stopall"...), 1
	}
	return dst, n
}

// dropPorFavor drops a leading "por favor" ("por favor, ya no me
// escriban"): a filler of two words, which the one-word fillers cannot
// hold, and the first word decides whether a message may be consent at all.
func dropPorFavor(text string) string {
	t := strings.TrimLeft(text, " \t¡")
	if len(t) < 9 || !strings.EqualFold(t[:9], "por favor") {
		return text
	}
	return strings.TrimLeft(t[9:], " \t,.!")
}

// union returns a map holding the entries of every one of ms.
func union[V any](ms ...map[string]V) map[string]V {
	u := make(map[string]V)
	for _, m := range ms {
		maps.Copy(u, m)
	}
	return u
}

func containsPurpose(ps []carebot.Purpose, p carebot.Purpose) bool {
	for _, q := range ps {
		if q == p {
			return true
		}
	}
	return false
}
