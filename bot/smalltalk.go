package bot

import (
	"strings"
	"unicode/utf8"

	"github.com/carebot/carebot/faq"
)

// talkKind is what a small-talk message is.
type talkKind int

// The kinds, weakest first: a message mixing them is its strongest
// ("ok thanks bye" is a goodbye).
const (
	talkNone talkKind = iota
	talkOK
	talkGreeting
	talkThanks
	talkBye
	talkWho   // who are you, are you a bot, what can you do
	talkHuman // let me talk to a person
)

// talkWords are the words small talk is made of, and what each says. A
// message made only of these (and of talkFiller) is small talk; its kind is
// the strongest kind among its words (bye over thanks over greeting over ok).
var talkWords = map[string]talkKind{
	"hi": talkGreeting, "hello": talkGreeting, "hey": talkGreeting, "hiya": talkGreeting, "howdy": talkGreeting,
	"yo": talkGreeting, "morning": talkGreeting, "afternoon": talkGreeting, "evening": talkGreeting, "hola": talkGreeting,
	"buenos": talkGreeting, "buenas": talkGreeting, "dias": talkGreeting, "tardes": talkGreeting, "noches": talkGreeting,
	"thanks": talkThanks, "thank": talkThanks, "thx": talkThanks, "ty": talkThanks, "tysm": talkThanks,
	"appreciate": talkThanks, "gracias": talkThanks, "cheers": talkThanks,
	"bye": talkBye, "goodbye": talkBye, "byee": talkBye, "adios": talkBye, "chao": talkBye, "chau": talkBye, "cya": talkBye,
	"ok": talkOK, "okay": talkOK, "k": talkOK, "kk": talkOK, "cool": talkOK, "great": talkOK, "perfect": talkOK,
	"awesome": talkOK, "nice": talkOK, "lol": talkOK, "haha": talkOK, "jaja": talkOK, "vale": talkOK, "bueno": talkOK,
	"listo": talkOK, "perfecto": talkOK, "yes": talkOK, "yep": talkOK, "sure": talkOK, "si": talkOK, "alright": talkOK,
	// QA: acknowledgements that got confident answers ("de acuerdo" the
	// controlled-substances entry at 0.96, "ahí estaré" lab results).
	"deal": talkOK, "agreed": talkOK, "agree": talkOK, "acuerdo": talkOK, "entendido": talkOK, "claro": talkOK, "sounds": talkOK,
	"representative": talkHuman, "operator": talkHuman, "agent": talkHuman,
	"representante": talkHuman, "operador": talkHuman, "operadora": talkHuman, "agente": talkHuman,
}

// talkFiller may stand beside small-talk words without making the message
// anything else: "thank you so much", "ok got it", "hi there".
var talkFiller = map[string]bool{
	"there": true, "you": true, "u": true, "so": true, "much": true, "very": true, "a": true, "lot": true, "all": true,
	"again": true, "guys": true, "it": true, "got": true, "good": true, "see": true, "later": true, "for": true,
	"the": true, "help": true, "muchas": true, "mil": true, "por": true, "todo": true, "hasta": true, "luego": true,
	"pronto": true, "and": true, "then": true, "oh": true, "ah": true, "well": true, "that": true, "s": true,
	"to": true, "have": true, "one": true, "day": true, "nice": true, "up": true, "please": true, "pls": true,
	"kind": true, "helpful": true, "muy": true, "amable": true, "usted": true, "es": true, "eres": true,
	"de": true, "estoy": true, "ill": true, "be": true, "ahi": true, "alli": true, "estare": true, "estaremos": true,
	"will": true, "do": true, "i": true, "we": true,
}

// talkPhrases are whole messages of small talk that are not made of the
// words above.
var talkPhrases = map[string]talkKind{
	"how are you": talkGreeting, "how r u": talkGreeting, "how are you doing": talkGreeting, "hows it going": talkGreeting,
	"how is it going": talkGreeting, "whats up": talkGreeting, "sup": talkGreeting, "como estas": talkGreeting,
	"como esta": talkGreeting, "hola como estas": talkGreeting, "hola como esta": talkGreeting, "que tal": talkGreeting,
	"hola que tal": talkGreeting, "how are you today": talkGreeting, "hows your day": talkGreeting,
	"hows your day going": talkGreeting, "how is your day going": talkGreeting, "how was your day": talkGreeting,
	"whats your name": talkWho, "como te llamas": talkWho, "hey whats up": talkGreeting, "hi whats up": talkGreeting,
	"who are you": talkWho, "are you a bot": talkWho, "are you a robot": talkWho,
	"are you human": talkWho, "are you a human": talkWho, "are you real": talkWho, "are you a real person": talkWho,
	"is this a bot": talkWho, "is this a real person": talkWho, "am i talking to a bot": talkWho,
	"am i talking to a person": talkWho, "quien eres": talkWho, "eres un robot": talkWho, "eres un bot": talkWho,
	"eres una persona": talkWho, "eres humano": talkWho,
	"what can you do": talkWho, "what do you do": talkWho, "what can you help with": talkWho,
	"what can you help me with": talkWho, "how does this work": talkWho, "que puedes hacer": talkWho,
	"que haces": talkWho, "en que me puedes ayudar": talkWho, "en que me puede ayudar": talkWho,
	// "anything else?" answered no. A bare "no" is not among them: after
	// "did you mean" it means none of these, and the fallback's way to
	// reach a person serves it better than a goodbye.
	"no thanks": talkBye, "no thank you": talkBye, "no thx": talkBye, "nope thanks": talkBye,
	"thats all": talkBye, "thats it": talkBye, "thats all thanks": talkBye, "thats it thanks": talkBye,
	"thats all thank you": talkBye, "nothing else": talkBye, "no thats all": talkBye, "no thats it": talkBye,
	"im good": talkBye, "im good thanks": talkBye, "no im good": talkBye, "all good": talkBye,
	"hasta luego": talkBye, "hasta pronto": talkBye, "nos vemos": talkBye, "see you": talkBye, "see you then": talkBye,
	"see you later": talkBye, "see you soon": talkBye,
	"got it": talkOK, "will do": talkOK, "i agree": talkOK, "ill be there": talkOK, "i will be there": talkOK,
	"ahi estare": talkOK, "alli estare": talkOK, "estare ahi": talkOK, "estare alli": talkOK,
	"no gracias": talkBye, "nada mas": talkBye, "eso es todo": talkBye, "es todo": talkBye, "no nada mas": talkBye,
	// A person, not the bot.
	"talk to a person": talkHuman, "talk to a real person": talkHuman, "talk to a human": talkHuman,
	"talk to someone": talkHuman, "talk to a live person": talkHuman, "talk with someone": talkHuman,
	"speak to a person": talkHuman, "speak to a human": talkHuman, "speak to someone": talkHuman,
	"speak with someone": talkHuman, "speak to a real person": talkHuman,
	"i want to talk to a person": talkHuman, "i want to talk to someone": talkHuman, "i want to talk to a human": talkHuman,
	"i want to talk to a real person": talkHuman, "i want to speak to someone": talkHuman, "i want to speak to a person": talkHuman,
	"i need to talk to a person": talkHuman, "i need to talk to someone": talkHuman, "i need to speak to someone": talkHuman,
	"can i talk to a person": talkHuman, "can i talk to a real person": talkHuman, "can i talk to someone": talkHuman,
	"can i talk to a human": talkHuman, "can i speak to someone": talkHuman, "can i speak to a person": talkHuman,
	"can i speak with someone": talkHuman, "let me talk to a person": talkHuman, "let me talk to a human": talkHuman,
	"real person": talkHuman, "live person": talkHuman, "live agent": talkHuman, "human": talkHuman, "a human": talkHuman,
	"human please": talkHuman, "person please": talkHuman, "customer service": talkHuman,
	"hablar con una persona": talkHuman, "quiero hablar con una persona": talkHuman, "hablar con alguien": talkHuman,
	"quiero hablar con alguien": talkHuman, "puedo hablar con alguien": talkHuman, "puedo hablar con una persona": talkHuman,
	"necesito hablar con alguien": talkHuman, "necesito hablar con una persona": talkHuman, "persona real": talkHuman,
	"una persona real": talkHuman, "hablar con un humano": talkHuman, "servicio al cliente": talkHuman,
}

// spanishTalk are the small-talk words only Spanish has, beside the
// function words faq.DetectLang counts: "adios" says Spanish by itself.
var spanishTalk = map[string]bool{
	"hola": true, "gracias": true, "adios": true, "chao": true, "chau": true, "buenos": true, "buenas": true,
	"dias": true, "tardes": true, "noches": true, "vale": true, "bueno": true, "listo": true, "perfecto": true,
	"jaja": true, "muchas": true, "luego": true, "representante": true, "operador": true, "operadora": true,
	"acuerdo": true, "entendido": true, "claro": true, "estare": true, "ahi": true, "alli": true, "pronto": true,
}

// talkLang is the language small talk is in, as far as its few words
// show it ("" when they do not).
func talkLang(text string) string {
	if l, _ := faq.DetectLang(text); l != "" {
		return l
	}
	var buf [64]byte
	list, _ := appendWords(buf[:0], text, nil)
	for rest := list; len(rest) > 0; {
		var w []byte
		w, rest = nextWord(rest)
		if spanishTalk[string(w)] {
			return "es"
		}
	}
	return ""
}

// talkStart is every word a small-talk message can start with.
var talkStart = func() map[string]bool {
	m := map[string]bool{}
	for w := range talkWords {
		m[w] = true
	}
	for p := range talkPhrases {
		first, _, _ := strings.Cut(p, " ")
		m[first] = true
	}
	return m
}()

// The sets smallTalk's gate reads.
var talkGate, talkFillerSet = newWordSet(talkStart), newWordSet(talkFiller)

// smallTalk reads text as small talk: the whole message a greeting, thanks,
// goodbye, acknowledgement, or "who are you". A question that merely starts
// with "hi" is not small talk.
func smallTalk(text string) talkKind {
	if t := strings.TrimLeft(text, " "); t != "" && t[0] >= utf8.RuneSelf { // "👍", "🙏": an emoji is no question
		if k := emojiTalk(text); k != talkNone {
			return k
		}
	}
	if len(text) > 60 || !firstWordIn(text, talkGate, talkFillerSet) {
		return talkNone
	}
	var buf [60]byte // the words are never longer than the text
	list, n := appendWords(buf[:0], text, nil)
	if n == 0 {
		return talkNone
	}
	if k, ok := talkPhrases[string(list)]; ok {
		return k
	}
	best := talkNone
	for rest := list; len(rest) > 0; {
		var w []byte
		w, rest = nextWord(rest)
		k, ok := talkWords[string(w)]
		switch {
		case ok:
			best = max(best, k)
		case !talkFiller[string(w)]:
			return talkNone
		}
	}
	return best
}

// talkEmoji are the emoji people send alone to acknowledge or thank.
var talkEmoji = map[rune]talkKind{
	'👍': talkOK, '👌': talkOK, '✅': talkOK, '🆗': talkOK, '🙂': talkOK, '😀': talkOK, '😃': talkOK, '😄': talkOK,
	'😁': talkOK, '😊': talkThanks, '☺': talkThanks, '🙏': talkThanks, '❤': talkThanks, '💙': talkThanks,
	'💚': talkThanks, '🥰': talkThanks, '🤗': talkThanks, '👏': talkThanks, '🙌': talkThanks, '💯': talkOK,
	'👋': talkBye,
}

// emojiTalk reads a message made only of such emoji (with their skin tones
// and variation selectors, and spaces) as the small talk they stand for,
// the strongest when they mix.
func emojiTalk(text string) talkKind {
	best := talkNone
	for _, r := range text {
		if r == ' ' || r == '\ufe0f' || r == '\u200d' || r >= 0x1f3fb && r <= 0x1f3ff {
			continue
		}
		k := talkEmoji[r]
		if k == talkNone {
			return talkNone
		}
		best = max(best, k)
	}
	return best
}
