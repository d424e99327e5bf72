package faq

import "testing"

// queryFlags reports whether kb reads text as a question about someone
// else's business (see others.go) and as a general-knowledge question
// (see knowledge.go).
func (kb *KB) queryFlags(text string) (others, knowledge bool) {
	ix := kb.idx
	sc := ix.getScratch()
	defer ix.putScratch(sc)
	ix.analyzeQuery(sc, text, "")
	return sc.others, sc.knowledge
}

// othersOf reports whether kb reads text as a question about someone
// else's business.
func (kb *KB) othersOf(text string) bool {
	others, _ := kb.queryFlags(text)
	return others
}

const othersKB = `version: 1
language: en
clinic: {name: Clinic, phone: "555 0100"}
entries:
  - id: rx-transfer
    question: Can you send my prescription to a different pharmacy?
    keywords: [pharmacy, prescription]
    answer: Yes, tell us the pharmacy's name and address.
  - id: parking
    question: Where can I park?
    keywords: [parking, car]
    answer: Free parking behind the building.
  - id: kids-shots
    question: What shots does my child need?
    answer: See the schedule.
`

func TestAboutOthers(t *testing.T) {
	kb, err := Parse("faq.yaml", []byte(othersKB))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		msg  string
		want bool
	}{
		{"does walgreens deliver prescriptions to your house", true},
		{"what time does the cvs on main close", true},
		{"can gmail block your emails", true},
		{"how do i reset my instagram password", true},
		{"can i pay with my paypal", true},
		{"does my dog need a rabies shot every year", true},
		{"can you vaccinate my cat", true},
		{"do you know a good vet", true},
		{"does the gym next door validate parking", true},
		{"does the pharmacy near you deliver", true},
		{"how much does the garage across the street charge", true},
		{"la farmacia de enfrente acepta mi seguro?", true},
		{"mi perro necesita vacunas, ustedes lo vacunan?", true},
		{"lol my horse needs his tetanus booster, do you do that", true},
		{"puede mi gato ver al doctor", true},
		{"how do i cancel my hotel booking", true},
		{"how do I reset my router password", true},
		{"can i pay my mortgage online", true},
		{"como cambio la fecha de mi vuelo", true},
		{"is the mall open on thanksgiving", true},
		{"is the maple grove library open on holidays", true},
		{"does the new walmart have a pharmacy", true},
		{"my phone bill says i owe a late fee, can i set up a payment plan", true},
		{"forgot my login for the electric company website", true},
		{"what time does the post office close on saturday", true},
		{"quiero pagar el bill del telefono", true},
		{"no puedo pagar el recibo de la luz", true},
		// The clinic's own business, or the pet not the subject.
		{"does the clinic have a pharmacy", false},
		{"what is your phone number", false},
		{"can i pay my bill by phone", false},
		{"is the post op visit covered", false},
		{"can i pay my bill over the phone", false},
		{"cual es el telefono de la clinica", false},
		{"can you send my prescription to walgreens", false},
		{"cvs is out of my meds, can you send it somewhere else", false},
		{"my dog bit me, do i need a tetanus shot", false},
		{"can the doctor write a letter for my landlord", false}, // a letter the clinic writes
		{"is there parking next door", false},
		{"is there a pharmacy near you", false},
		{"can i park across the street", false},
		{"estan en el edificio de enfrente del banco?", false},
		{"what shots does my child need for school", false},
		{"where do i park my car", false},
		{"can you send it to my walgreens", false}, // a pharmacy: the clinic sends there
		{"my pills got stolen out of my car, can i get a refill", false},
		{"can i eat dinner before my blood test", false},
		{"my wifi is bad, can we do the video visit by phone", false},
	} {
		if got := kb.othersOf(tc.msg); got != tc.want {
			t.Errorf("%q: got %v, want %v", tc.msg, got, tc.want)
		}
	}
	// Never the confident answer, always still offered.
	r := kb.Match("does walgreens deliver prescriptions to your house", "")
	if r.Confident || len(r.Suggestions) == 0 || r.Suggestions[0].Entry.ID != "rx-transfer" {
		t.Errorf("walgreens delivery: got %s confident=%v, want rx-transfer offered, not given", ids(r.Suggestions), r.Confident)
	}
	// Not taken for the pharmacy's own business: not held at lightCap.
	// (At 0.60 it is offered first rather than given, under ConfidentAt.)
	if r := kb.Match("can you send my prescription to walgreens", ""); r.Candidates[0].Entry.ID != "rx-transfer" || r.Candidates[0].Confidence <= lightCap {
		t.Errorf("send to walgreens: got %s, want rx-transfer first, above lightCap", summary(r))
	}
}

// A knowledge base that talks about a pet in its questions answers about
// it: the class is dropped for its words.
func TestAboutOthersKnownToTheClinic(t *testing.T) {
	kb, err := Parse("faq.yaml", []byte(`version: 1
language: en
clinic: {name: Clinic, phone: "555 0100"}
entries:
  - id: service-animals
    question: Can I bring my service dog to my appointment?
    answer: Yes, service animals are welcome.
`))
	if err != nil {
		t.Fatal(err)
	}
	for _, msg := range []string{"can i bring my dog", "does my dog have to stay outside"} {
		if kb.othersOf(msg) {
			t.Errorf("%q: read as about others, but the clinic answers about dogs", msg)
		}
	}
}
