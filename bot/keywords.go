package bot

import (
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

// verbs that open an opt-out or opt-in phrase ("stop sending me tips",
// "unsubscribe me from announcements", "subscribe to awareness").
var (
	optOutVerbs = map[string]bool{"stop": true, "unsubscribe": true, "optout": true, "quit": true, "end": true, "cancel": true, "revoke": true}
	optInVerbs  = map[string]bool{"start": true, "subscribe": true, "optin": true, "unstop": true}
)

// messageWords may follow a consent verb without changing what it means:
// "stop texting me", "stop all the messages", "unsubscribe me from this".
var messageWords = map[string]bool{
	"me": true, "all": true, "the": true, "your": true, "these": true, "those": true, "this": true, "it": true,
	"message": true, "messages": true, "text": true, "texts": true, "texting": true, "messaging": true,
	"sending": true, "send": true, "contacting": true, "contact": true, "notifications": true, "alerts": true,
	"sms": true, "anymore": true, "any": true, "more": true, "of": true, "from": true, "to": true, "you": true,
	"number": true, "list": true, "again": true, "please": true, "everything": true, "my": true, "for": true,
	"mensajes": true, "mensaje": true, "textos": true, "mas": true, "de": true, "los": true, "las": true,
	"sus": true, "todos": true, "todo": true, "por": true, "favor": true,
}

// fillers are dropped before matching: politeness and chat noise.
var fillers = map[string]bool{"please": true, "pls": true, "plz": true, "thanks": true, "thank": true, "thx": true,
	"ok": true, "okay": true, "now": true, "hi": true, "hello": true, "hey": true, "porfa": true, "gracias": true, "hola": true}

// purposeWords name a purpose inside a phrase ("stop awareness").
var purposeWords = map[string]carebot.Purpose{
	"appointment": carebot.PurposeAppointments, "appointments": carebot.PurposeAppointments,
	"reminder": carebot.PurposeAppointments, "reminders": carebot.PurposeAppointments,
	"appt": carebot.PurposeAppointments, "appts": carebot.PurposeAppointments,
	"recordatorios": carebot.PurposeAppointments, "citas": carebot.PurposeAppointments,
	"awareness": carebot.PurposeAwareness, "tips": carebot.PurposeAwareness, "campaigns": carebot.PurposeAwareness,
	"consejos": carebot.PurposeAwareness, "health": carebot.PurposeAwareness,
	"announcements": carebot.PurposeAnnouncements, "announcement": carebot.PurposeAnnouncements,
	"news": carebot.PurposeAnnouncements, "newsletter": carebot.PurposeAnnouncements, "avisos": carebot.PurposeAnnouncements,
	"noticias": carebot.PurposeAnnouncements,
}

// optOutPhrases are whole messages (after normalising and dropping
// fillers) that mean "stop everything", in the words patients use.
var optOutPhrases = map[string]bool{
	"opt out": true, "stop all": true, "no more": true, "no more messages": true, "no more texts": true,
	"dont text me": true, "do not text me": true, "dont message me": true, "do not message me": true,
	"dont text me anymore": true, "do not text me anymore": true, "dont message me anymore": true,
	"dont contact me": true, "do not contact me": true, "leave me alone": true,
	"remove me": true, "remove me from your list": true, "remove me from the list": true, "take me off your list": true,
	"take me off the list": true, "i want to unsubscribe": true, "i want to opt out": true, "i want to stop": true,
	"i dont want messages": true, "i dont want any more messages": true, "i dont want these messages": true,
	"no mas": true, "no mas mensajes": true, "ya no mas": true, "ya no quiero mensajes": true, "no quiero mensajes": true,
	"ya no quiero recibir mensajes": true, "no quiero recibir mensajes": true, "ya no me manden mensajes": true,
	"no me manden mas mensajes": true, "no me envien mas mensajes": true, "no me escriban mas": true,
	"dejen de mandarme mensajes": true, "dejen de enviarme mensajes": true, "dejen de escribirme": true,
	"darme de baja": true, "quiero darme de baja": true, "dar de baja": true, "basta": true, "basta de mensajes": true,
}

// optInPhrases are whole messages that mean "send me everything again".
var optInPhrases = map[string]bool{
	"opt in": true, "start again": true, "sign me up": true, "subscribe me": true, "i want to subscribe": true,
	"i want messages": true, "quiero mensajes": true, "quiero recibir mensajes": true, "suscribirme": true,
	"darme de alta": true, "quiero suscribirme": true,
}

// parseConsent reads text as a consent keyword or phrase. Anything longer
// than a short sentence, or without a consent word, is not one: a question
// that mentions stopping ("how do I stop the reminders?") goes to the FAQ.
func parseConsent(text string) consentIntent {
	if len(text) > 80 || !mayBeConsent(text) {
		return consentIntent{}
	}
	toks := consentTokens(text)
	if len(toks) == 0 || len(toks) > 8 {
		return consentIntent{}
	}
	if len(toks) == 1 {
		if k, ok := bareKeywords[toks[0]]; ok {
			return consentIntent{kind: k, method: "keyword:" + strings.ToUpper(toks[0])}
		}
		return consentIntent{}
	}
	joined := strings.Join(toks, " ")
	if optOutPhrases[joined] {
		return consentIntent{kind: intentOptOut, method: "phrase"}
	}
	if optInPhrases[joined] {
		return consentIntent{kind: intentOptIn, method: "phrase"}
	}
	var kind intentKind
	switch {
	case optOutVerbs[toks[0]]:
		kind = intentOptOut
	case optInVerbs[toks[0]]:
		kind = intentOptIn
	case toks[0] == "no" && toks[1] == "more":
		kind, toks = intentOptOut, toks[1:]
	default:
		return consentIntent{}
	}
	// Everything after the verb must be purpose names or words about
	// messages; anything else ("stop my blood pressure meds?") makes it
	// a question, not a keyword.
	var purposes []carebot.Purpose
	for _, w := range toks[1:] {
		if p, ok := purposeWords[w]; ok {
			if !containsPurpose(purposes, p) {
				purposes = append(purposes, p)
			}
			continue
		}
		if !messageWords[w] {
			return consentIntent{}
		}
	}
	// CANCEL, END and QUIT are keywords only alone or with message words:
	// "cancel appointments" asks about appointments, not consent.
	if (toks[0] == "cancel" || toks[0] == "end" || toks[0] == "quit") && len(purposes) > 0 {
		return consentIntent{}
	}
	method := "phrase"
	if len(purposes) > 0 {
		method = "keyword:" + strings.ToUpper(toks[0]) + "+purpose"
	}
	return consentIntent{kind: kind, purposes: purposes, method: method}
}

// consentStart holds every word a consent keyword or phrase can start with
// (after fillers): almost every message fails this test without allocating.
var consentStart = func() map[string]bool {
	m := map[string]bool{"no": true, "opt": true}
	for _, words := range []map[string]bool{optOutVerbs, optInVerbs, optOutPhrases, optInPhrases} {
		for w := range words {
			first, _, _ := strings.Cut(w, " ")
			m[first] = true
		}
	}
	for w := range bareKeywords {
		m[w] = true
	}
	return m
}()

// mayBeConsent reports, without allocating, whether the first word of
// text that is not a filler can start a consent keyword or phrase: most
// messages stop here.
func mayBeConsent(text string) bool { return firstWordIn(text, consentStart, fillers) }

// firstWordIn reports, without allocating, whether the first word of text
// not in skip, folded as words folds it, is in set.
func firstWordIn(text string, set, skip map[string]bool) bool {
	var buf [24]byte
	n := 0
	for i, r := range text {
		r = foldRune(r)
		letter := r >= 'a' && r <= 'z' || r >= '0' && r <= '9'
		switch {
		case letter && n < len(buf):
			buf[n] = byte(r)
			n++
		case letter: // longer than any word of set
			return false
		case r == '\'':
		case n > 0:
			if w := buf[:n]; !skip[string(w)] {
				return set[string(w)]
			}
			n = 0
		case i > 64:
			return false
		}
	}
	return set[string(buf[:n])]
}

// words lower-cases text, folds its accents, and splits it into words,
// dropping punctuation ("don't" is "dont").
func words(text string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(foldASCII(text), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '\'')
	}) {
		if w = strings.ReplaceAll(w, "'", ""); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// consentTokens lower-cases, folds accents, drops punctuation and fillers,
// and joins the spellings of opt-out/opt-in/stop-all into one token each.
func consentTokens(text string) []string {
	var toks []string
	for _, w := range words(text) {
		if !fillers[w] {
			toks = append(toks, w)
		}
	}
	// "opt out", "opt-out", "stop all" as one word, as carriers count them.
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		if i+1 < len(toks) && toks[i] == "opt" && (toks[i+1] == "out" || toks[i+1] == "in") {
			out = append(out, "opt"+toks[i+1])
			i++
			continue
		}
		out = append(out, toks[i])
	}
	if len(out) == 2 && out[0] == "stop" && out[1] == "all" {
		return []string{"stopall"}
	}
	return out
}

func containsPurpose(ps []carebot.Purpose, p carebot.Purpose) bool {
	for _, q := range ps {
		if q == p {
			return true
		}
	}
	return false
}

// foldASCII lower-cases s and folds the accented letters of English and
// Spanish to plain ASCII ("Más" → "mas"). Other letters are kept.
func foldASCII(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

// foldRune is foldASCII for one letter.
func foldRune(r rune) rune {
	switch r {
	case 'á', 'à', 'â', 'ä', 'Á', 'À', 'Â', 'Ä':
		r = 'a'
	case 'é', 'è', 'ê', 'ë', 'É', 'È', 'Ê', 'Ë':
		r = 'e'
	case 'í', 'ì', 'î', 'ï', 'Í', 'Ì', 'Î', 'Ï':
		r = 'i'
	case 'ó', 'ò', 'ô', 'ö', 'Ó', 'Ò', 'Ô', 'Ö':
		r = 'o'
	case 'ú', 'ù', 'û', 'ü', 'Ú', 'Ù', 'Û', 'Ü':
		r = 'u'
	case 'ñ', 'Ñ':
		r = 'n'
	case '’', '‘':
		r = '\''
	default:
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
	}
	return r
}
