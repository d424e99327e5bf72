package faq

import "strings"

// A message about someone else's business is not a question for the
// clinic's knowledge base, however well its words match an entry: "does
// walgreens deliver prescriptions" is about the pharmacy chain's service,
// "does my dog need a rabies shot" about a pet, "does the gym next door
// validate parking" about the gym. The bot may offer the entries that
// look close, never answer from them confidently.
//
// The detector reads the same folded words and classes as the advice
// detector (see advice.go), with more classes: the names of businesses a
// clinic is not (acBusiness), among them those people hold an account
// with (acAccount), animals (acPet), and the auxiliaries that put a
// subject after them (acAux). A knowledge base that
// talks about one of them in its questions or keywords (a clinic that
// answers "can i bring my service dog") keeps the word: analyzeWord drops
// the class then.

// otherWords are general English and Spanish words, folded: brand names
// everyone knows, not any clinic's content.
var otherWords = func() map[string]adviceClass {
	m := make(map[string]adviceClass)
	add := func(c adviceClass, words string) {
		for _, w := range strings.Fields(words) {
			m[w] |= c
		}
	}
	for w, cats := range categoryOf {
		for _, c := range cats {
			if c == "pharmacy" {
				m[w] |= acBusiness
			}
		}
	}
	add(acBusiness, `costco walmart ikea starbucks mcdonalds bestbuy homedepot lowes dmv ups fedex usps`)
	add(acBusiness|acAccount, `amazon gmail google yahoo hotmail outlook facebook instagram tiktok twitter
		whatsapp netflix spotify uber lyft doordash verizon tmobile comcast xfinity paypal venmo zelle`)
	add(acPet, `dog dogs puppy puppies cat cats kitten kittens pet pets horse horses parrot bunny
		rabbit hamster perro perros perrito perrita gato gatos gatito gatita mascota mascotas
		vet vets veterinarian veterinary veterinario`)
	add(acAux, "does do did will would can could is are was es puede")
	add(acNext, "next")
	return m
}()

// petVerbs are what one does to an animal at a vet's ("vaccinate my cat").
var petVerbs = map[string]bool{
	"vaccinate": true, "vaccinated": true, "treat": true, "see": true, "check": true, "examine": true,
	"neuter": true, "spay": true, "vacunar": true, "vacunan": true, "atienden": true, "revisar": true,
}

// vetWords name the animals' doctor.
var vetWords = map[string]bool{"vet": true, "vets": true, "veterinarian": true, "veterinary": true, "veterinario": true}

// possessives are the words that make a pet someone's.
var possessives = map[string]bool{
	"my": true, "our": true, "his": true, "her": true, "their": true, "mi": true, "mis": true, "su": true, "sus": true,
	"nuestro": true, "nuestra": true,
}

// aboutOthers reports whether the folded words ws ask about someone
// else's business. classes[i] is the class of ws[i].
func aboutOthers(ws []string, classes []adviceClass) bool {
	has := func(i int, c adviceClass) bool { return classAt(classes, i)&c != 0 }
	word := func(i int, w string) bool { return wordAt(ws, i) == w }
	for i, w := range ws {
		switch {
		// "does walgreens deliver", "what time does the cvs close".
		case has(i, acBusiness) && (has(i-1, acAux) || word(i-1, "the") && has(i-2, acAux)):
			return true
		// "reset my gmail password": the patient's account elsewhere.
		case has(i, acAccount) && possessives[wordAt(ws, i-1)]:
			return true
		// "does my dog need", "can you vaccinate my cat".
		case has(i, acPet) && possessives[wordAt(ws, i-1)] && (has(i-2, acAux) || petVerbs[wordAt(ws, i-2)]):
			return true
		// "do you know a good vet".
		case has(i, acPet) && vetWords[w]:
			return true
		// "does the gym next door validate parking".
		case has(i, acNext) && word(i+1, "door") && word(i-2, "the") && has(i-3, acAux):
			return true
		}
	}
	return false
}
