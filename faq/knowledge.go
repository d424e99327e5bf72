package faq

// A question about how the world works is not a question about the
// clinic, however well its words match an entry: "what causes shingles"
// is not asking about the shingles vaccine, "what's the difference
// between type 1 and type 2 diabetes" not about the diabetes support
// group. The bot may offer those entries, never answer from them
// confidently. Unless the entry's own phrasing asks that kind of question
// ("What caused COVID-19?" in a public-health FAQ, "What's the difference
// between urgent care and the ER?" in a clinic's): then the knowledge base
// chose to answer it.
//
// The detector reads the folded words and their classes (see advice.go);
// acKnowledge marks the words without which none of its patterns match.

// knowledgeWords are the general English and Spanish words the patterns
// turn on, folded.
const knowledgeWords = `cause causes caused difference differences called causa causan causo diferencia llama
	symptom symptoms sign signs sintoma sintomas signo signos senal senales
	spread spreads spreading contagia contagian transmite transmiten propaga
	foods alimentos comidas`

// isKnowledge reports whether the folded words ws ask a general-knowledge
// question. classes[i] is the class of ws[i].
func isKnowledge(ws []string, classes []adviceClass) bool {
	word := func(i int, w string) bool { return wordAt(ws, i) == w }
	// before reports one of the words in the n words before i.
	before := func(i, n int, words ...string) bool {
		for j := max(i-n, 0); j < i; j++ {
			for _, w := range words {
				if ws[j] == w {
					return true
				}
			}
		}
		return false
	}
	for i, w := range ws {
		if classes[i]&acKnowledge == 0 {
			continue
		}
		switch w {
		// "what causes shingles", "what's the cause of", "the main
		// causes of", "que causa la culebrilla".
		case "cause", "causes", "caused", "causa", "causan", "causo":
			if before(i, 3, "what", "whats", "que", "cual") || word(i+1, "of") || word(i+1, "de") {
				return true
			}
		// "what's the difference between a cold and the flu",
		// "diferencia entre un virus y una bacteria".
		case "difference", "differences", "diferencia":
			if word(i+1, "between") || word(i+1, "entre") {
				return true
			}
		// "why is it called a pap smear", "why are they called", not
		// "why was i called".
		case "called":
			if before(i, 3, "why") && (word(i-1, "it") || word(i-1, "its") || word(i-1, "this") || word(i-1, "they")) {
				return true
			}
		// "what are the early symptoms of shingles", "signs of
		// diabetes?", "cuales son los sintomas de la culebrilla"; not "i
		// have symptoms of the flu", "tengo sintomas de gripe".
		case "symptom", "symptoms", "sign", "signs", "sintoma", "sintomas", "signo", "signos", "senal", "senales":
			if (word(i+1, "of") || word(i+1, "de")) && (i == 0 || i == 1 && before(i, 1, "early", "first", "warning", "common") ||
				before(i, 4, "what", "whats", "which", "que", "cuales", "cual")) {
				return true
			}
		// "how does the flu spread", "is bird flu spreading", "como se
		// contagia la gripe".
		case "spread", "spreads", "spreading", "contagia", "contagian", "transmite", "transmiten", "propaga":
			if before(i, 4, "how", "como") || w == "spreading" && before(i, 4, "is", "are") {
				return true
			}
		// "what foods lower blood sugar", "which foods are high in iron",
		// "que alimentos tienen hierro"; not "can i eat before my blood
		// test".
		case "foods", "alimentos", "comidas":
			if word(i-1, "what") || word(i-1, "which") || word(i-1, "que") || word(i-1, "cuales") {
				return true
			}
		// "por que se llama", not "por que me llaman".
		case "llama":
			if word(i-1, "se") && (word(i-2, "porque") || word(i-3, "por") && word(i-2, "que")) {
				return true
			}
		}
	}
	return false
}
