package faq

import (
	"slices"
	"sync"
)

// Word classes of the built-in language resources. Words are in folded form
// (lower case, no accents, no apostrophes), as the tokenizer produces them.
const (
	content = iota // carries meaning: full weight
	stop           // says nothing about the topic: dropped
	light          // question words: some weight ("where" vs "when")
)

// englishClass holds English function words. Negations ("no", "not",
// "never", "without" and the n't contractions, which fold to "not") are
// deliberately absent: "can I come without insurance" is not "with".
var englishClass = wordClasses(
	[]string{
		"a", "about", "above", "against", "all", "also", "am", "an", "and", "any",
		"anyone", "anything", "are", "as", "at", "be", "because", "been", "being", "both",
		"but", "by", "can", "could", "did", "do", "does", "doing", "done", "each", "else", "even",
		"ever", "every", "for", "from", "further", "get", "gets", "getting", "got", "gotten", "had",
		"has", "have", "having", "he", "her", "here", "hers", "herself", "hey", "hi", "hello", "him",
		"himself", "his", "i", "id", "if", "ill", "im", "in", "into", "is", "it", "its", "itself",
		"ive", "just", "kind", "kinda", "let", "lets", "like", "may", "maybe", "me", "might", "mine",
		"more", "most", "much", "must", "my", "myself", "of", "oh", "ok", "okay", "on", "once", "only",
		"or", "other", "our", "ours", "ourselves", "out", "over", "own", "please", "pls", "plz",
		"really", "same", "shall", "she", "should", "so", "some", "someone", "something", "such",
		"sure", "than", "thank", "thanks", "thx", "that", "thats", "the", "their", "theirs", "them",
		"themselves", "then", "there", "theres", "these", "they", "theyre", "thing", "things", "this",
		"those", "through", "to", "too", "u", "um", "ur", "us", "very", "was", "we", "well", "were",
		"weve", "whats", "whether", "while", "will", "with", "would", "yeah", "yes", "yet", "you",
		"youd", "youll", "your", "youre", "yours", "yourself", "yourselves", "youve", "guys", "sort",
		"anybody", "somebody", "still", "though", "tho", "lol", "pretty", "quite", "ya", "yall",
		"gonna", "wanna", "gotta", "go", "going", "want", "wants", "wanted", "need", "needs", "needed",
		"know", "tell", "say", "said", "think", "way", "able", "ask", "asking", "question", "wondering",
		"help", "hmm", "hows", "wheres", "whens", "whos", "r",
	},
	[]string{"what", "when", "where", "why", "how", "who", "which", "whom", "whose", "many", "long", "much", "after", "before", "again", "during",
		// "what does X mean" asks what X is.
		"mean", "means", "meaning", "definition", "define"},
)

// spanishFunctionWord returns the Spanish function word of four letters
// or more that w sounds like (see spanishSound), for those written as they
// sound: "kiero", "aser", "nesesito", "kuando". A sound two of them share
// names neither.
func spanishFunctionWord(w string) (string, bool) {
	fw := spanishFunctionWords()
	id, ok := fw.sounds[spanishSound(w)]
	if !ok || id < 0 {
		return "", false
	}
	return fw.words[id], true
}

var spanishFunctionWords = sync.OnceValue(func() (fw struct {
	words  []string
	sounds map[string]int32
}) {
	for w := range spanishClass {
		if len(w) >= minTypoLen {
			fw.words = append(fw.words, w)
		}
	}
	slices.Sort(fw.words)
	fw.sounds = soundIndex(fw.words, func(i, j int) bool { return false })
	return fw
})

// spanishClass holds Spanish function words, folded. Negations ("no",
// "sin", "nunca", "nada", "nadie", "tampoco", "ni") are absent on purpose.
var spanishClass = wordClasses(
	[]string{
		"a", "al", "algo", "algun", "alguna", "algunas", "alguno", "algunos", "alguien", "ante", "antes",
		"asi", "aun", "bueno", "buenas", "buenos", "cada", "como", "con", "contra", "de", "del", "desde",
		"dias", "e", "el", "ella", "ellas", "ellos", "en", "entonces", "entre", "era", "eres", "es", "esa",
		"esas", "ese", "eso", "esos", "esta", "estaba", "estamos", "estan", "estar", "estas", "este",
		"esto", "estos", "estoy", "fue", "gracias", "ha", "han", "has", "hay", "he", "hola", "la", "las",
		"le", "les", "lo", "los", "me", "mi", "mis", "mucho", "muchos", "mucha", "muchas", "poca", "pocas", "pocos", "muy", "nos", "nosotros", "o",
		"oiga", "oye", "para", "pero", "poco", "por", "porfa", "porfavor", "porque", "pues", "q", "que",
		"se", "sea", "ser", "si", "sobre", "somos", "son", "soy", "su", "sus", "tambien", "te", "ti",
		"toda", "todas", "todo", "todos", "tu", "tus", "un", "una", "unas", "uno", "unos", "usted",
		"ustedes", "vos", "y", "ya", "yo", "favor", "ok", "oki", "xfa", "xq", "pq", "k", "d", "x", "pa",
		"tengo", "tiene", "tienen", "tienes", "quiero", "quisiera", "necesito", "necesita", "puedo",
		"puede", "pueden", "podria", "saber", "hacer", "hago", "va", "voy", "vamos", "ir", "da", "dan",
		"dar", "sirve", "alla", "aqui", "ahi", "nomas", "solo", "mas", "menos", "tan", "tanto", "otro",
		"otra", "otros", "otras", "mismo", "misma", "lo", "pregunta", "ayuda", "ayudar", "seria",
	},
	[]string{"cuando", "donde", "cual", "cuales", "quien", "quienes", "cuanto", "cuanta", "cuantos", "cuantas"},
)

func wordClasses(stops, lights []string) map[string]uint8 {
	m := make(map[string]uint8, len(stops)+len(lights))
	for _, w := range stops {
		m[w] = stop
	}
	for _, w := range lights {
		m[w] = light
	}
	return m
}

// negations fold to one term per language so that "don't", "dont", "not"
// and "never" all say the same thing to the matcher.
var negations = map[string]string{
	"not": "not", "no": "not", "never": "not", "cant": "not", "cannot": "not", "dont": "not",
	"doesnt": "not", "didnt": "not", "isnt": "not", "arent": "not", "wasnt": "not", "werent": "not",
	"wont": "not", "wouldnt": "not", "shouldnt": "not", "couldnt": "not", "havent": "not",
	"hasnt": "not", "hadnt": "not", "aint": "not", "nope": "not",
	"without": "not", "nunca": "not", "tampoco": "not", "sin": "not",
}
