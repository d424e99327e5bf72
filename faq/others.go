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
// with (acAccount), animals (acPet), the auxiliaries that put a subject
// after them (acAux), and the last words of the phrases that place a
// business beside the clinic (acNext, see locatives). A knowledge base that
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
	// What people book, rent or hold an account with elsewhere: "cancel
	// my hotel booking", "reset my router password", "pay my mortgage",
	// "cambiar la fecha de mi vuelo". Only words whose possessive use is
	// about that business, never the patient's care: not "car" (the pills
	// stolen from my car), "dinner" (fasting before my blood test),
	// "internet" or "wifi" (a video visit on my wifi), "landlord" or
	// "lease" (a letter for my landlord).
	add(acBusiness|acAccount, `hotel hotels motel airbnb flight flights airline airlines cruise gym
		router modem cable mortgage vuelo vuelos aerolinea gimnasio hipoteca`)
	// Places that are not a clinic, for "is the mall open on sundays".
	add(acBusiness, `mall malls airport zoo museum library cinema theater theatre restaurant
		restaurants supermarket aeropuerto museo biblioteca cine restaurante supermercado`)
	add(acPet, `dog dogs puppy puppies cat cats kitten kittens pet pets horse horses parrot bunny
		rabbit hamster perro perros perrito perrita gato gatos gatito gatita mascota mascotas
		vet vets veterinarian veterinary veterinario`)
	// The services a household pays or visits, only in that use ("my
	// phone bill", "the electric company", "the post office", "el recibo
	// de la luz"): the words alone are the clinic's too (call our phone
	// line, a post-op visit).
	add(acUtility, `phone cell cellphone electric electricity gas water utility utilities power
		cable internet post telefono celular luz agua`)
	add(acAux, "does do did will would can could is are was es puede")
	for _, p := range locatives {
		add(acNext, p[len(p)-1])
	}
	return m
}()

// locatives are the phrases that place another business beside the
// clinic: "the gym next door", "the pharmacy near you", "the garage across
// the street", "la farmacia de enfrente".
var locatives = [][]string{
	{"next", "door"}, {"across", "the", "street"}, {"across", "the", "road"}, {"down", "the", "street"},
	{"down", "the", "road"}, {"up", "the", "street"}, {"around", "the", "corner"}, {"near", "you"},
	{"nearby"}, {"de", "enfrente"}, {"de", "al", "lado"}, {"de", "la", "esquina"},
}

// spanishPrepositions are the prepositions that put a noun phrase
// somewhere other than the subject.
var spanishPrepositions = map[string]bool{
	"en": true, "a": true, "al": true, "de": true, "del": true, "para": true, "por": true, "con": true,
	"desde": true, "hacia": true, "hasta": true, "sobre": true, "entre": true,
}

// locativeAt returns where the locative phrase ending at word i starts,
// or -1.
func locativeAt(ws []string, i int) int {
next:
	for _, p := range locatives {
		s := i - len(p) + 1
		if s < 0 {
			continue
		}
		for k, w := range p {
			if ws[s+k] != w {
				continue next
			}
		}
		return s
	}
	return -1
}

// utilityOf are the words that make a utility word a household's
// service: "phone bill", "electric company", "post office", "recibo de la
// luz".
var utilityOf = map[string]bool{
	"bill": true, "bills": true, "company": true, "provider": true, "office": true, "recibo": true, "factura": true,
	"cuenta": true, "compania": true,
}

// spanishHead returns where the noun a Spanish "de" phrase ending at i
// belongs to stands: "bill" in "el bill del telefono", "recibo" in "el
// recibo de la luz"; -1 when no "de" phrase ends at i.
func spanishHead(ws []string, i int) int {
	switch {
	case wordAt(ws, i-1) == "del":
		return i - 2
	case (wordAt(ws, i-1) == "la" || wordAt(ws, i-1) == "el") && wordAt(ws, i-2) == "de":
		return i - 3
	}
	return -1
}

// maxName is how many words of a name may stand between "the" and the
// business they name.
const maxName = 2

// subjectAfterThe reports whether the business word at i is a subject
// after an auxiliary and "the", itself or the end of a name of up to
// maxName words that are neither function words nor classed ("does the
// cvs", "does the new walmart", "is the maple grove library"), never
// "does the clinic have a pharmacy".
func subjectAfterThe(ws []string, classes []adviceClass, i int) bool {
	for j := i; j >= max(i-maxName, 1); j-- {
		if j < i && (classes[j] != 0 || englishClass[ws[j]] != content) {
			return false
		}
		if ws[j-1] == "the" && classAt(classes, j-2)&acAux != 0 {
			return true
		}
	}
	return false
}

// petVerbs are what one does to an animal at a vet's ("vaccinate my cat").
var petVerbs = map[string]bool{
	"vaccinate": true, "vaccinated": true, "treat": true, "see": true, "check": true, "examine": true,
	"neuter": true, "spay": true, "vacunar": true, "vacunan": true, "atienden": true, "revisar": true,
}

// petNeeds are the verbs that make an animal the one in need.
var petNeeds = map[string]bool{"need": true, "needs": true, "needed": true, "necesita": true, "necesitan": true}

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
		// "does walgreens deliver", "what time does the cvs close", "is
		// the maple grove library open".
		case has(i, acBusiness) && (has(i-1, acAux) || subjectAfterThe(ws, classes, i)):
			return true
		// "my phone bill", "the electric company website", "the post
		// office", "el bill del telefono", "el recibo de la luz".
		case has(i, acUtility) && (utilityOf[wordAt(ws, i+1)] || utilityOf[wordAt(ws, spanishHead(ws, i))]):
			return true
		// "reset my gmail password": the patient's account elsewhere.
		case has(i, acAccount) && possessives[wordAt(ws, i-1)]:
			return true
		// "does my dog need", "can you vaccinate my cat".
		case has(i, acPet) && possessives[wordAt(ws, i-1)] && (has(i-2, acAux) || petVerbs[wordAt(ws, i-2)]):
			return true
		// "my horse needs his tetanus booster", "mi perro necesita
		// vacunas": the animal is the one to be seen.
		case has(i, acPet) && possessives[wordAt(ws, i-1)] && petNeeds[wordAt(ws, i+1)]:
			return true
		// "do you know a good vet".
		case has(i, acPet) && vetWords[w]:
			return true
		// "does the gym next door validate parking", "does the pharmacy
		// near you deliver", "la farmacia de enfrente acepta mi seguro":
		// a business placed beside the clinic, as the subject.
		case has(i, acNext):
			// In Spanish, the subject is the article's phrase when no
			// preposition puts it elsewhere ("en el edificio de enfrente").
			if s := locativeAt(ws, i); s >= 2 && (word(s-2, "the") && has(s-3, acAux) ||
				ws[s] == "de" && (word(s-2, "la") || word(s-2, "el")) && !spanishPrepositions[wordAt(ws, s-3)]) {
				return true
			}
		}
	}
	return false
}
