package bot

import (
	"strings"
	"unicode/utf8"
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
	talkWho // who are you, are you a bot
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
}

// talkFiller may stand beside small-talk words without making the message
// anything else: "thank you so much", "ok got it", "hi there".
var talkFiller = map[string]bool{
	"there": true, "you": true, "u": true, "so": true, "much": true, "very": true, "a": true, "lot": true, "all": true,
	"again": true, "guys": true, "it": true, "got": true, "good": true, "see": true, "later": true, "for": true,
	"the": true, "help": true, "muchas": true, "mil": true, "por": true, "todo": true, "hasta": true, "luego": true,
	"pronto": true, "and": true, "then": true, "oh": true, "ah": true, "well": true, "that": true, "s": true,
	"to": true, "have": true, "one": true, "day": true, "nice": true, "up": true,
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
