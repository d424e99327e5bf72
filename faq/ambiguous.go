package faq

// Folding drops apostrophes, and chat drops them anyway, so "id" is
// either "I'd" or an ID card. As the contraction it is a stop word; as
// the card it is the topic ("is a green card ok for id", "si no tengo ID
// me pueden atender"). The words around it tell which: a determiner, a
// preposition or a verb that takes an object before it, a noun or a
// verb of being after it, or the end of its clause. Read as the card, it
// is replaced by "identification", in entries and messages alike.
//
// "ill" ("I'll" or sick) looks the same, but read the same way it moved
// the public sets' figures more than it helped the blind sets: many
// public entries say "if you are ill", and their matching leans on the
// old reading. It stays a stop word.

// idBefore are the words after which "id" is the card: "my id", "photo
// id", "need id", "sin ID".
var idBefore = wordSet(`a an my your his her their our the this that any no photo picture state
	valid student military government consular school work for of with without need needs bring
	show accept accepts take require requires required lost forgot lose what which
	un una mi tu su sus mis sin con de la el tengo traer traigo necesito`)

// idAfter are the words before which "id" is the card: "id card", "id
// required".
var idAfter = wordSet(`card cards badge badges number required needed ok okay accepted expired
	is are was`)

// isID reports whether w is "id", the one folded word readID reads.
func isID(w []byte) bool { return len(w) == 2 && w[0] == 'i' && w[1] == 'd' }

// readID replaces each "id" that its neighbours show to be the card with
// "identification".
func (t *tokenizer) readID() {
	for i := range t.toks {
		if !isID(t.word(i)) {
			continue
		}
		// The end of the clause ends the word's phrase: "do i need id?".
		last := i+1 == len(t.toks) || t.toks[i+1].clause != t.toks[i].clause
		card := last || i > 0 && idBefore[string(t.word(i-1))] || idAfter[string(t.word(i+1))]
		if !card {
			continue
		}
		start := len(t.buf)
		t.buf = append(t.buf, "identification"...)
		t.toks[i].start, t.toks[i].end = int32(start), int32(len(t.buf))
	}
}
