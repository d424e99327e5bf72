package faq

import "testing"

func TestAdviceIn(t *testing.T) {
	for _, tc := range []struct {
		msg  string
		want bool
	}{
		{"is 150 over 95 high", true},
		{"can i take ibuprofen with my lisinopril", true},
		{"do i have strep", true},
		{"my a1c came back 6.8 what does that mean", true},
		{"my cholesterol came back at 240", true},
		{"what does that mean for me", true},
		{"mi azucar salio en 180", true},
		{"what cream should i use on this rash", true},
		{"cuanto jarabe le doy a mi nino", true},
		{"puedo tomar ibuprofeno con mi presion alta", true},
		{"es seguro tomar paracetamol en el embarazo", true},
		{"venden ibuprofeno", false},
		{"i stopped taking my blood pressure pills is that ok", true},
		{"quiero dejar de tomar la metformina", true},
		{"debo suspender mis pastillas", true},
		{"should i quit my insulin", true},
		{"how do i stop getting pill reminders", false},
		{"he gets dizzy when he stands up, is that from his blood pressure medicine", true},
		{"could it be because of the new pills", true},
		// A reading or a symptom of the patient's own, told with no
		// question for the clinic: the bot cannot judge it.
		{"my blood sugar is 400", true},
		{"my bp was 160 over 100 this morning", true},
		{"my sugar is high", true},
		{"mi presion esta alta", true},
		{"mi azucar esta en 400", true},
		{"i am in pain", true},
		{"my stomach hurts", true},
		{"tengo mucho dolor", true},
		{"what should i do my daughter has a fever", true},
		{"can i stop taking my blood pressure pills", true},
		// Questions about the clinic's service, not a reading to interpret.
		{"i have a fever can i be seen today", false},
		{"my bp is high do you do bp checks", false},
		{"sick today, cancel my 3pm", false},
		{"i'm sick and need to cancel my appointment", false},
		{"is it useful to wear a mask if we are not sick", false},
		{"kid has a bad sore throat, should i take him to urgent care", false},
		{"my grandbaby is due in march, should i get a whooping cough shot", false},
		{"grandma wants the baby cough shot before the baby comes", false},
		{"my 16yo wants lip filler, i'll sign consent", false},
		{"the pain clinic's address", false},
		{"when will my lab results come back", false},
		{"my results came back, how do i see them in the portal", false},
		{"what does pending mean on my lab results", false},
		{"come back in 2 weeks for a recheck?", false},
		{"can i use my hsa card", false},
		{"what should i bring to my appointment", false},
		{"is that from the portal or a text", false},
	} {
		if got := adviceIn(tc.msg); got != tc.want {
			t.Errorf("%q: got %v, want %v", tc.msg, got, tc.want)
		}
	}
}

// Match says when a message asks for advice, so the bot can say it cannot
// give it rather than "did you mean".
func TestResultSaysAdvice(t *testing.T) {
	kb, err := Load("../faq.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		msg  string
		want bool
	}{
		{"is 150 over 95 high", true},
		{"can i take ibuprofen with my lisinopril", true},
		{"cuanto jarabe le doy a mi nino", true},
		{"¿Puedo tomar ibuprofeno con mi presión alta?", true},
		{"¿es seguro tomar paracetamol en el embarazo?", true},
		{"when will my lab results come back", false},
		{"what are your hours", false},
		{"my blood sugar is 400", true},
		{"tengo mucho dolor", true},
		{"i have a fever can i be seen today", false},
	} {
		if r := kb.Match(tc.msg, "en"); r.Advice != tc.want {
			t.Errorf("%q: Advice %v, want %v", tc.msg, r.Advice, tc.want)
		}
	}
}

// TestStoppingAMedicineIsNotAnsweredByTakingOne: the demo's lab-fasting
// entry asks "Can I take my meds before my blood draw?", so the clinic
// answers that kind of question; "can i stop taking my blood pressure
// pills" asks to stop one, which it does not answer (QA: it was answered,
// at 0.81).
func TestStoppingAMedicineIsNotAnsweredByTakingOne(t *testing.T) {
	kb, err := Load("../faq.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		msg    string
		answer string // the entry answered; "" for none
	}{
		{"can i stop taking my blood pressure pills", ""},
		{"can i skip my insulin before my blood test", ""},
		{"¿puedo dejar de tomar mis pastillas de la presión?", ""},
		{"I stopped taking my blood pressure pills, is that ok?", ""},
		{"i want to stop taking my metformin", ""},
		{"can i take my meds before my blood draw", "lab-fasting"},
	} {
		r := kb.Match(tc.msg, "en")
		got := ""
		if r.Confident && len(r.Candidates) > 0 {
			got = r.Candidates[0].Entry.ID
		}
		if got != tc.answer {
			t.Errorf("%q: answered %q, want %q", tc.msg, got, tc.answer)
		}
	}
}
