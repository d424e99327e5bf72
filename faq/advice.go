package faq

import "strings"

// A clinic's FAQ bot gives general information, never individual medical
// advice: a message that asks whether a reading or a symptom is normal or
// dangerous, how much of a medicine to take, whether two medicines mix, or
// what the patient has, is never answered confidently from the knowledge
// base, however well its words match an entry ("can i drink alcohol on
// amoxicillin" is not the filler aftercare entry's "no alcohol for a
// day"). Unless the knowledge base asks that very kind of question itself
// in one of the entry's phrasings: then the clinic chose to answer it.
//
// The detector works on the folded words of the message, with a few
// classes of words and patterns over them.

// adviceClass is a bit set of the roles a word plays in advice questions.
type adviceClass uint32

const (
	acIs        adviceClass = 1 << iota // is, are, es
	acJudge                             // normal, dangerous, bad, serious
	acDrug                              // a medicine, by name or in general
	acDose                              // dose, mg, units
	acTake                              // take, give, mix, drink
	acJoin                              // with, on, and, while
	acQuantity                          // how much, how many (the second word)
	acCondition                         // an illness: strep, shingles, cancer
	acModal                             // should, can, could
	acFor                               // for, para
	acWrong                             // wrong
	acCompare                           // better, worse
	acLevel                             // high, low (of a reading)
	acNumber                            // digits
	acBusiness                          // a business a clinic is not: walgreens, gmail (see others.go)
	acAccount                           // one people hold an account with: gmail, netflix
	acPet                               // an animal, a vet
	acAux                               // does, do, is, can: a subject follows
	acNext                              // door, street, corner, you: the end of a locative (see others.go)
	acResult                            // came (back), mean (for me): a result read for the patient
	acKnowledge                         // causes, difference, called: a general-knowledge question (see knowledge.go)
	acUtility                           // phone, electric, luz: a household's bill (see others.go)
	acReading                           // sugar, pressure, a1c, oxygen: a reading of the body
	acSymptom                           // pain, hurts, dizzy, dolor: a symptom
	acSelf                              // i, my, tengo, my son: the patient or their family
	acAsk                               // what, can, you, need, cita: a question or a request of the clinic
)

// adviceTrigger are the classes without which no pattern matches.
const adviceTrigger = acJudge | acDrug | acDose | acCondition | acFor | acWrong | acLevel | acResult

// adviceWords are general English and Spanish words, folded.
var adviceWords = func() map[string]adviceClass {
	m := make(map[string]adviceClass)
	add := func(c adviceClass, words string) {
		for _, w := range strings.Fields(words) {
			m[w] |= c
		}
	}
	add(acIs, "is are was am whats es son esta estan")
	add(acJudge, `normal dangerous bad serious worrying concerning alarming harmful deadly fatal
		grave peligroso peligrosa malo mala normales preocupante`)
	add(acDrug, `medication medications medicine medicines meds pill pills tablet tablets capsule
		capsules insulin antibiotic antibiotics painkiller painkillers alcohol beer wine liquor
		medicina medicinas medicamento medicamentos pastilla pastillas insulina antibiotico
		antibioticos remedio alcohol cerveza vino syrup syrups drops cream creams ointment lotion
		jarabe jarabes gotas crema cremas pomada unguento ibuprofeno paracetamol acetaminofen
		aspirina naproxeno amoxicilina antiinflamatorio antiinflamatorios analgesico analgesicos
		metformina losartan enalapril atorvastatina omeprazol prednisona antidepresivo antidepresivos
		anticonceptivo anticonceptivas anticonceptivos`)
	for w, cats := range categoryOf {
		for _, c := range cats {
			if c == "medication" || c == "controlled" {
				m[w] |= acDrug
			}
		}
	}
	add(acDose, "dose doses dosage dosing mg milligrams milligram ml units dosis miligramos unidades")
	add(acTake, `take taking took mix mixing combine drink drinking give giving double skip stop
		use using put tomar tomo tome mezclar combinar dar doy le beber usar uso pongo poner`)
	add(acJoin, "with on and while plus together con y junto mientras")
	add(acQuantity, "much many cuanto cuanta cuantos cuantas")
	add(acCondition, `cancer tumor shingles strep flu covid infection infected pneumonia uti std sti
		hiv diabetes diabetic stroke concussion fracture broken sprain sprained appendicitis
		melanoma migraine allergy allergic asthma bronchitis sinusitis measles chickenpox lyme
		preeclampsia miscarriage ectopic gout hernia ulcer kidney stones covid19 rash
		cancer tumor culebrilla infeccion neumonia diabetes gripe alergia asma`)
	add(acModal, "should can could shall may debo puedo deberia")
	add(acFor, "for para")
	add(acWrong, "wrong")
	add(acCompare, "better worse stronger safer mejor peor")
	add(acLevel, "high low elevated alta alto baja bajo")
	add(acResult, "came mean means salio salieron significa")
	add(acKnowledge, knowledgeWords)
	add(acReading, `sugar sugars glucose pressure bp a1c temp temperature oxygen o2 sats saturation
		pulse cholesterol ldl hdl triglycerides potassium sodium inr psa tsh platelets level levels
		azucar glucosa presion temperatura oxigeno pulso colesterol nivel niveles`)
	add(acSymptom, `pain pains painful hurts hurting ache aches aching headache stomachache dizzy
		lightheaded nauseous nausea vomiting puking diarrhea cough coughing sick swollen swelling
		itchy itching rash fever chills sore cramps cramping numb numbness
		dolor dolores duele duelen mareado mareada mareos nauseas vomito vomitando diarrea tos
		enfermo enferma fiebre hinchado hinchada comezon picazon calambres`)
	add(acSelf, `i im ive me my we our he hes she shes his her son daughter baby kid child husband
		wife mom dad yo mi mis tengo estoy tiene hijo hija bebe nino nina esposo esposa mama papa`)
	add(acAsk, `what whats how when where why who which can could do does did will would may should any
		anyone anybody you u your ya need needs want wants book schedule appointment appt seen visit
		cancel reschedule refill refills renew
		que como cuando donde cual cuales quien puedo puede pueden podria debo deberia hay tienen ustedes usted
		ud uds necesito quiero cita consulta cancelar reprogramar`)
	return m
}()

// causes are the words that ask what caused something.
var causes = map[string]bool{"from": true, "because": true, "caused": true, "due": true}

// adviceWindow is how many words apart the parts of a pattern may be.
const adviceWindow = 6

// isAdvice reports whether the folded words ws ask for individual medical
// advice. classes[i] is the class of ws[i].
func isAdvice(ws []string, classes []adviceClass) bool {
	has := func(i int, c adviceClass) bool { return classAt(classes, i)&c != 0 }
	// within reports a word of class c among the n words after i.
	within := func(i, n int, c adviceClass) int {
		for j := max(i+1, 0); j <= i+n && j < len(ws); j++ {
			if classes[j]&c != 0 {
				return j
			}
		}
		return -1
	}
	word := func(i int, w string) bool { return wordAt(ws, i) == w }
	number := false
	for i := range ws {
		number = number || isNumber(ws[i])
	}
	for i := range ws {
		c := classes[i]
		switch {
		// "is 150 over 95 high".
		case c&acIs != 0 && number && within(i, adviceWindow, acLevel) >= 0:
			return true
		// "is 180/110 dangerous", "es normal", "is that bad".
		case c&acIs != 0 && within(i, adviceWindow, acJudge) >= 0:
			return true
		// "how much tylenol can i give", "cuanto le doy".
		case c&acQuantity != 0 && (word(i-1, "how") || i == 0 || ws[i][0] == 'c') &&
			(within(i, adviceWindow, acDrug|acDose) >= 0 && within(i, adviceWindow+2, acTake) >= 0):
			return true
		// "double my dose", "500 mg", "how many units".
		case c&acDose != 0 && (within(i-adviceWindow, 2*adviceWindow, acTake|acQuantity|acModal) >= 0):
			return true
		// "ibuprofen with my lisinopril", "alcohol on amoxicillin",
		// "ozempic better than mounjaro".
		case c&acDrug != 0:
			if j := within(i, 3, acJoin|acCompare); j >= 0 && within(j, 3, acDrug) >= 0 {
				return true
			}
			// "what pill should i take", "que pastilla me tomo".
			if (word(i-1, "what") || word(i-1, "which") || word(i-1, "que")) && within(i, 3, acTake) >= 0 {
				return true
			}
			// "should i take my insulin", "can i give benadryl", "is it
			// safe to take".
			for k := max(0, i-4); k < i; k++ {
				if classes[k]&acTake == 0 {
					continue
				}
				m := k - 1 // "can i stop taking": the modal before the run of take words
				for has(m, acTake) {
					m--
				}
				if has(m, acModal) || word(m, "i") && has(m-1, acModal) ||
					word(k-1, "to") && (word(k-2, "safe") || word(k-2, "ok") || word(k-2, "okay")) ||
					word(k-1, "seguro") && (word(k-2, "es") || word(k-2, "sera")) {
					return true
				}
			}
		// "do i have strep", "is it shingles", "could it be the flu".
		case c&acCondition != 0:
			for k := max(0, i-4); k < i; k++ {
				if ws[k] == "have" && !word(k+1, "to") &&
					(word(k-1, "i") && (word(k-2, "do") || word(k-2, "could")) || word(k-1, "he") || word(k-1, "she")) {
					return true
				}
				if (ws[k] == "it" || ws[k] == "this" || ws[k] == "that") && (has(k-1, acIs) || word(k+1, "be")) {
					return true
				}
			}
		// "what should i take for", "what is good for", "que es bueno para".
		case c&acFor != 0 && (word(i-1, "good") || word(i-1, "bueno") || word(i-1, "buena") ||
			has(i-1, acTake) && (has(i-3, acModal) || has(i-2, acModal))):
			return true
		}
		// "whats wrong with me".
		if ws[i] == "wrong" && word(i+1, "with") && (word(i+2, "me") || word(i+2, "my")) {
			return true
		}
		// "i stopped taking my blood pressure pills", "quiero dejar de
		// tomar la metformina", "should i quit my insulin": stopping a
		// medicine, asked or told. Only taking words and a possessive may
		// come between ("stop getting pill reminders" is about messages).
		if stopsMedicineVerb(ws[i]) && stoppedMedicine(ws, classes, i+1) {
			return true
		}
		// "is that from his blood pressure medicine", "could it be
		// because of the new pills": what caused the patient's symptom.
		if (ws[i] == "it" || ws[i] == "that" || ws[i] == "this") &&
			(has(i-1, acIs) && causes[wordAt(ws, i+1)] || has(i-1, acModal) && word(i+1, "be") && causes[wordAt(ws, i+2)]) &&
			within(i, adviceWindow, acDrug|acCondition) >= 0 {
			return true
		}
		if c&acResult != 0 {
			// "my a1c came back 6.8", "mi azucar salio en 180": a reading
			// of the patient's own, to be interpreted.
			if word(i+1, "back") || word(i+1, "en") || word(i+1, "at") {
				for j := i + 2; j <= i+4 && j < len(ws); j++ {
					if isNumber(ws[j]) {
						return true
					}
				}
			}
			// "what does that mean for me", "que significa para mi".
			if (word(i+1, "for") || word(i+1, "para")) && (word(i+2, "me") || word(i+2, "my") || word(i+2, "mi")) {
				return true
			}
		}
	}
	return false
}

// isTold reports whether the folded words ws tell a reading or a symptom
// of the patient's own, to be judged: "my blood sugar is 400", "mi presion
// esta en 180", "my sugar is high", "i am in pain", "tengo mucho dolor",
// "what should i do, my stomach hurts". A message that also asks the
// clinic something ("i have a fever, can i be seen today", "my bp is high,
// do you do bp checks") is a question about the clinic's service, and is
// left to the matcher. classes[i] is the class of ws[i]. It is apart from
// isAdvice: the confidence models learned from that one's verdicts, and
// this one caps the confidence after them.
func isTold(ws []string, classes []adviceClass) bool {
	var all adviceClass
	asks, whatToDo := false, false
	for j, w := range ws {
		all |= classes[j]
		switch {
		case w == "what" && (wordAt(ws, j+1) == "should" || wordAt(ws, j+1) == "do" && wordAt(ws, j+3) == "do") ||
			w == "que" && (wordAt(ws, j+1) == "hago" || wordAt(ws, j+1) == "debo" && wordAt(ws, j+2) == "hacer"):
			whatToDo = true // "what should i do", "what do i do", "que hago"
		case classes[j]&acAsk != 0 || classes[j]&acIs != 0 && inverted[wordAt(ws, j+1)]:
			asks = true
		}
	}
	switch {
	case all&(acReading|acSymptom) == 0:
		return false
	case whatToDo:
		return true
	case asks || all&acSelf == 0:
		return false
	}
	for i, c := range classes {
		if c&(acReading|acSymptom) != 0 && selfNear(classes, i) && toldAt(ws, classes, i) {
			return true
		}
	}
	return false
}

// inverted are the words after "is" or "are" that make a question: "is it
// too late", "are there".
var inverted = map[string]bool{"it": true, "there": true, "that": true, "this": true, "they": true}

// notSymptom are the words after which a symptom word names a disease or
// its vaccine.
var notSymptom = map[string]bool{"ferina": true, "shot": true, "shots": true, "vaccine": true, "vaccines": true, "vacuna": true}

// selfNear reports a word for the patient or their family within five
// words of word i.
func selfNear(classes []adviceClass, i int) bool {
	for j := max(i-5, 0); j <= i+5 && j < len(classes); j++ {
		if classes[j]&acSelf != 0 {
			return true
		}
	}
	return false
}

// toldAt reports whether ws[i] is told as a symptom, or as a reading with
// its value: a verb or "at", then a number or a level.
func toldAt(ws []string, classes []adviceClass, i int) bool {
	if classes[i]&acSymptom != 0 {
		// Not "whooping cough", "tos ferina", "the baby cough shot": the
		// name of a vaccine's disease.
		return wordAt(ws, i-1) != "whooping" && !notSymptom[wordAt(ws, i+1)]
	}
	for j := i + 1; j <= i+3 && j < len(ws); j++ {
		if classes[j]&acIs != 0 || ws[j] == "at" || ws[j] == "en" || ws[j] == "of" || ws[j] == "de" {
			for k := j + 1; k <= j+3 && k < len(ws); k++ {
				if isNumber(ws[k]) || classes[k]&acLevel != 0 {
					return true
				}
			}
		}
	}
	return false
}

// wordAt is ws[i], or "" where ws has no word i: the detectors look
// around a word without minding the ends of the message.
// stopsMedicineVerb reports the words for stopping, skipping or changing a
// medicine (see isAdvice).
func stopsMedicineVerb(w string) bool {
	switch w {
	case "stop", "stopped", "stopping", "quit", "quitting", "skip", "skipped", "skipping", "double", "halve",
		"dejar", "deje", "dejo", "suspender", "suspendi", "suspendo", "parar", "pare", "saltar", "saltarme":
		return true
	}
	return false
}

// stoppedMedicine reports whether the words from j name the medicine a
// stopping verb before them stops: after a taking word ("taking", "de
// tomar") within four words ("my blood pressure pills"), or else right
// after a possessive ("quit my insulin").
func stoppedMedicine(ws []string, classes []adviceClass, j int) bool {
	took := false
	for j < len(ws) && (classes[j]&acTake != 0 || ws[j] == "de") {
		took, j = true, j+1
	}
	if j < len(ws) && possessive(ws[j]) {
		j++
	}
	window := 1
	if took {
		window = 4
	}
	for k := j; k < j+window && k < len(ws); k++ {
		if classes[k]&acDrug != 0 {
			return true
		}
	}
	return false
}

// possessive reports the words that may stand before a medicine's name.
func possessive(w string) bool {
	switch w {
	case "my", "his", "her", "their", "our", "the", "mi", "mis", "su", "sus", "la", "el", "las", "los":
		return true
	}
	return false
}

func wordAt(ws []string, i int) string {
	if i < 0 || i >= len(ws) {
		return ""
	}
	return ws[i]
}

// classAt is classes[i], or no class where there is no word i.
func classAt(classes []adviceClass, i int) adviceClass {
	if i < 0 || i >= len(classes) {
		return 0
	}
	return classes[i]
}

// adviceIn runs the detector on a text, at build time.
func adviceIn(text string) bool {
	advice, _ := asksIn(text)
	return advice
}

// asksIn runs the advice and the general-knowledge detectors (see
// knowledge.go) on a text, at build time. A phrasing that tells a reading
// or a symptom ("My blood sugar is high, what should I do?") counts as
// advice: the clinic chose to answer that kind of message.
func asksIn(text string) (advice, knowledge bool) {
	ws := foldWords(text)
	cs := make([]adviceClass, len(ws))
	for i, w := range ws {
		cs[i] = adviceWords[w]
	}
	return isAdvice(ws, cs) || isTold(ws, cs), isKnowledge(ws, cs)
}
