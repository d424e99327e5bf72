package bot

import (
	"strings"
	"sync"
	"testing"
)

func TestSafetyKindString(t *testing.T) {
	for _, c := range []struct {
		k    SafetyKind
		want string
	}{{SafetyNone, "none"}, {SafetyCrisis, "crisis"}, {SafetyEmergency, "emergency"}, {SafetyAbuse, "abuse"}, {SafetyKind(7), "SafetyKind(7)"}} {
		if got := c.k.String(); got != c.want {
			t.Errorf("SafetyKind(%d).String(): got %q, want %q", int(c.k), got, c.want)
		}
	}
}

// TestCheckSafetyMechanics holds each mechanism of the check to one or two
// messages: what reads the same, what each guard cancels, and precedence.
func TestSafetyMechanics(t *testing.T) {
	N, C, E, A := SafetyNone, SafetyCrisis, SafetyEmergency, SafetyAbuse
	for _, c := range []struct {
		why  string
		text string
		want SafetyKind
	}{
		{"plain", "i want to kill myself", C},
		{"capitals and punctuation", "I WANT TO KILL MYSELF!!!", C},
		{"elongated letters", "i wanttt to dieeee", C},
		{"dropped double letter", "i want to kil myself", C},
		{"one-letter slip in a key word", "thinking about sucide", C},
		{"swapped letters", "i want to kill mysefl", C},
		{"curly apostrophe", "i don\u2019t want to be alive", C},
		{"accents typed", "quiero quitarme la vída", C},
		{"accents as combining marks", "me corte\u0301 las venas", E},
		{"no accents", "se desmayo y no reacciona", E},
		{"slang", "lowkey wanna unalive myself", C},
		// QA: an EpiPen for school, a new one or a refill is a form or a
		// prescription; one a child needs now is an emergency.
		{"an epipen for school", "need an epipen for school", N},
		{"an epipen for daycare", "my daughter needs an epipen for daycare", N},
		{"an epipen refilled", "does she need her epipen refilled", N},
		{"a new epipen", "does he need a new epipen", N},
		{"needs it after a sting", "he got stung at camp and needs his epipen", E},
		{"needs it", "she needs her epipen", E},
		// A request to be forgotten is no wish to be gone; a crisis beside
		// it still is one.
		{"delete my data", "delete all of my data and my account", N},
		{"delete my data, and a crisis", "delete my data, i want to end it all", C},
		{"spanglish", "mi hermana says she wants to die", C},
		{"third person", "my dad keeps saying he will shoot himself", C},
		{"emergency wins over crisis", "i swallowed all my pills because i want to die", E},
		{"self-harm done and bleeding", "i cut myself and the bleeding won't stop", E},
		{"negation", "i'm not suicidal, just stressed about work", N},
		{"negation ended by but", "i would never do it but i think about suicide every day", C},
		{"no one is not a negation", "no one would notice if i died", C},
		{"cant stop is not a negation", "i cant stop thinking about dying", C},
		{"gaps never skip a negation", "i hope my grandma doesnt die during surgery", N},
		{"far past", "i was hospitalized for a seizure back in 2017, need the records", N},
		{"past event noun", "my uncle had a heart attack, can he join the cardiac rehab program", N},
		{"recent but acute", "my son had a seizure and hasnt woken up", E},
		{"resolved", "my toddler choked on a grape but coughed it out and is fine now", N},
		{"topic word", "is there a stroke support group", N},
		{"service question", "do you treat seizures in adults", N},
		{"hypothetical", "what do you do if someone stops breathing", N},
		{"habitual", "my chest gets tight when i run, should i see someone", N},
		{"past in its own frame", "di a luz hace 5 dias y estoy sangrando muchisimo y me siento mareada", E},
		{"habitual in its own frame", "back pain for years, but for the last hour crushing pain in my chest", E},
		{"a later frame's past reaches back", "i had a seizure, but that was years ago", N},
		{"a later frame's resolution reaches back", "i had chest pain last week but now im fine", N},
		{"harm to another, with a weapon", "im going to kill him when he gets home, the knife is in my bag", C},
		{"harm to another, anger alone", "im gonna kill my brother, he ate my leftovers again", N},
		{"harm to a baby, intrusive thoughts", "i keep having thoughts about smothering my baby", C},
		{"a service dog's training", "can i bring my service dog, he is trained for my seizures", N},
		{"a story on a screen", "that movie about the suicide hotline made me cry", N},
		{"asking for the crisis line", "what's the suicide hotline number", C},
		{"asking for the crisis line, spanish", "me pasan el numero de la linea de suicidio", C},
		{"a snake bite, bitten first", "I was bitten by a snake", E},
		{"a snake bite, spanish", "me mordio una vibora", E},
		{"a fever of 105", "my baby has a fever of 105", E},
		{"a fever of 41 C, spanish", "mi hijo tiene fiebre de 41", E},
		{"a fever of 101", "fever of 101 since yesterday, can i come in", N},
		{"a fever of 105 long ago", "he had a fever of 105 last year", N},
		{"one number range per slot: celsius", "my 3 week old feels hot, the thermometer says 38.5", E},
		{"one number range per slot: fahrenheit", "my 3 week old feels hot, the thermometer says 100.6", E},
		{"no trouble breathing is no trouble", "stung by a bee, hand swelled, no trouble breathing, do i need an allergy test", N},
		{"idiom", "my back is killing me, any openings today", N},
		{"idiom, spanish", "me muero de risa con los memes de la sala de espera", N},
		{"laughing", "i almost had a heart attack when i saw the bill lol", N},
		{"laughing emoji", "i can't breathe \U0001F602\U0001F602", N},
		{"laughing does not cancel a plain wish to die", "lol i actually want to die", C},
		{"weak clues alone", "i can't take this anymore, the portal keeps logging me out", N},
		{"two kinds of weak clue", "i can't take this anymore. i feel so hopeless", C},
		{"two weak emergency clues", "my dad's heart is racing and he says he's about to pass out", E},
		{"abuse by a partner", "my husband hits me and i am scared to go home", A},
		{"abuse, spanish", "mi esposo me pega y tengo miedo", A},
		{"abuse, passive", "i'm being abused at home", A},
		{"abuse, a pronoun and again", "he hits me when he drinks", A},
		{"abuse, fear of home", "tengo miedo de volver a casa", A},
		{"abuse and a crisis: the crisis reply", "my partner hits me and i want to die", C},
		{"abuse and an emergency: 911 first", "my boyfriend choked me and now i cant breathe", E},
		{"abuse long ago", "my dad hit me when i was little", N},
		{"abuse as a service question", "do you screen for domestic violence", N},
		{"abuse, hypothetical", "what if my partner hits me", N},
		{"beaten at a game", "my husband beat me at chess lol", N},
		{"going home after surgery", "i'm scared to go home after surgery", N},
		{"abuse, beats", "my husband beats me", A},
		{"abuse, pushes", "my husband pushes me around", A},
		{"abuse, hurts, spanish", "mi pareja me hace daño", A},
		// QA: a threat to kill oneself in Spanish, on its own or as the
		// price of more messages.
		{"me mato, spanish", "me mato", C},
		{"me mato after despair", "no aguanto más, me mato", C},
		{"me mato after a greeting", "hola, me mato", C},
		{"me mato tonight", "me mato esta noche", C},
		{"creo que me mato", "creo que me mato", C},
		{"a reminder to kill oneself, spanish", "recuérdame matarme mañana a las 9", C},
		{"so i can die", "take all my pills at once tonight so I can die", C},
		{"the boss is killing me, spanish", "mi jefe me mato con tanto trabajo", N},
		{"what a headache, spanish", "que me mato el dolor de cabeza", N},
		{"or i kill myself, spanish", "dejen de escribirme o me mato", C},
		{"if they don't stop, spanish", "si no paran me mato", C},
		{"laughing, spanish idiom", "me mato de risa jaja", N},
		{"working hard, spanish idiom", "me mato trabajando todo el día, necesito cita", N},
		{"the dog almost killed me", "el perro casi me mato", N},
		// QA: threats that are never only anger.
		{"a shooting at a place", "im going to shoot up my school", C},
		{"a shooting at work", "i'm gonna shoot up the office tomorrow", C},
		{"drug slang is no threat", "I used to shoot up in the school bathroom", N},
		{"a shooting in the news", "the shooting at my kids school was scary, do you have counselors", N},
		{"hurting one's children", "I'm going to hurt my kids", C},
		{"shaking a baby", "I'm going to shake my baby", C},
		{"not hurting the baby", "i'm not going to hurt my baby", N},
		{"the kids' mess", "my kids are going to kill me", N},
		{"the urge to hurt people", "i feel like hurting someone", C},
		{"wanting to hurt someone", "I want to hurt someone", C},
		{"a killing with a time", "i'm going to kill him tonight", C},
		{"killing it at the gym", "i'm going to kill it today at the gym", N},
		{"someone else's urge asked about", "what do I do if my son wants to hurt someone", N},
		{"hurting one's children, spanish", "voy a lastimar a mis hijos", C},
		{"harming a baby, spanish", "voy a hacerle daño a mi bebé", C},
		{"not hurting the baby, spanish", "no quiero lastimar a mi bebe", N},
		{"the urge to hurt people, spanish", "tengo ganas de lastimar a alguien", C},
		{"a killing with a time, spanish", "voy a matarlo esta noche", C},
		{"a shooting at a place, spanish", "voy a disparar en la escuela", C},
		{"the kids will kill me, spanish", "mis hijos me van a matar", N},
		{"a child hurt at play, spanish", "mi hijo se lastimó jugando, pueden verlo hoy", N},
		{"abuse by a son, with fear", "my son hits me and i am scared", A},
		{"abuse by an adult son", "my adult son hit me last night and i'm afraid to go home", A},
		{"abuse by a son, spanish", "mi hijo me pega y tengo miedo", A},
		{"a child's hitting asked about", "my son hits me when he's mad, is that normal for a 3 year old?", N},
		{"a child's hitting, spanish, no fear", "mi hijo me pega", N},
		{"hit with a ball", "my son hit me with a ball", N},
		{"cleaning product swallowed, spanish", "mi hijo se tragó un producto de limpieza", E},
		{"a dental cleaning is no poison", "me tomo una limpieza dental cada 6 meses, cuanto cuesta", N},
		// QA: the model read "ya no quiero" as "ya no quiero vivir".
		{"no more reminders, spanish", "ya no quiero más recordatorios", N},
		{"no more reminders, then a crisis", "ya no quiero más recordatorios, ya no quiero vivir", C},
		// QA: too many pills already taken, in Spanish, as "i took a lot of
		// pills" is; not a habit told in the present.
		{"many pills taken, spanish", "tomé muchas pastillas", E},
		{"many pills taken, no accent", "tome muchas pastillas", E},
		{"many sleeping pills taken", "tomé muchas pastillas para dormir", E},
		{"many pills taken, reflexive", "me tomé muchas pastillas", E},
		{"too many pills taken, spanish", "tomé demasiadas pastillas", E},
		{"too many pills taken by someone", "mi mamá tomó muchas pastillas", E},
		{"too many pills taken, third person", "se tomó demasiadas pastillas", E},
		{"many pills swallowed", "me tragué muchas pastillas", E},
		{"many pills taken, english", "i took a lot of pills", E},
		{"many pills a day, spanish", "tomo muchas pastillas al día, ¿puedo tomar vitaminas?", N},
		{"many pills a day, someone else", "mi mamá toma muchas pastillas al día", N},
		{"many pills long ago", "hace 5 años tomé muchas pastillas", N},
		// QA: labour now, or the waters broken, is the hospital first.
		{"in labor", "i am in labor", E},
		{"in labor, contracted", "im in labor", E},
		{"in labor, thinking so", "i think im in labor", E},
		{"in labor with a first baby", "im in labor with my first baby", E},
		{"a wife in labor", "my wife is in labor", E},
		{"going into labor", "im going into labor", E},
		{"water broke", "my water broke", E},
		{"waters broke", "my waters broke", E},
		{"water just broke", "my water just broke", E},
		{"in labor, spanish", "estoy en trabajo de parto", E},
		{"in labor, spanish, short", "estoy de parto", E},
		{"water broke, spanish", "se me rompió la fuente", E},
		{"water broke, spanish, short", "rompí fuente", E},
		{"waters broke, spanish", "se me rompieron las aguas", E},
		{"labor day", "labor day hours", N},
		{"open on labor day", "are you open on labor day", N},
		{"how long labor lasts", "how long is labor", N},
		{"a labor that was", "i was in labor for 20 hours with my first", N},
		{"a labor that was, spanish", "estuve en trabajo de parto 20 horas con mi primer hijo", N},
		{"how to tell labor", "how do i know if im in labor", N},
		{"signs of labor", "what are the signs im in labor", N},
		{"the labor ward", "is labor and delivery on the 3rd floor", N},
		{"a visit to labor", "my sister is in labor at the hospital, can i visit", N},
		{"labor induction", "do you do labor induction", N},
		{"a water bottle", "my water bottle broke", N},
		{"a water heater", "my water heater broke", N},
		{"a glass dish, spanish", "rompí la fuente de vidrio", N},
		{"an ostomy bag, spanish", "se me rompió la bolsa de la colostomía", N},
		{"a first labor", "i went into labor at 36 weeks with my first baby", N},
		{"waters breaking asked about", "what if my water breaks at home", N},
		// QA: threats from a partner or family, fear of them, no safety at
		// home, and a child touched; "kill me" with its reason is an idiom.
		{"a threat to kill", "my boyfriend threatened to kill me", A},
		{"a threat to shoot, with a gun", "he has a gun and says he'll shoot me", A},
		{"fear of being killed", "im scared my husband will kill me", A},
		{"a partner will kill me, spanish", "mi esposo me va a matar", A},
		{"a partner will kill me", "my husband is going to kill me", A},
		{"an ex outside with a knife", "my ex is outside my house with a knife", A},
		{"not safe at home", "im not safe at home", A},
		{"not safe at home, spanish", "no estoy segura en mi casa", A},
		{"not feeling safe at home", "i don't feel safe at home", A},
		{"touched by a father", "my dad touches me and i dont like it", A},
		{"touched by an uncle, spanish", "mi tío me toca y no me gusta", A},
		{"threatened with a knife", "he threatened me with a knife", A},
		{"a threat to kill, spanish", "mi esposo amenazó con matarme", A},
		{"kill me if i leave", "my husband says he'll kill me if i leave him", A},
		{"fear of being killed, spanish", "tengo miedo de que mi esposo me mate", A},
		{"a gun pointed", "he pointed a gun at me", A},
		{"a gun pointed, spanish", "me apuntó con una pistola", A},
		{"the bill", "my husband is going to kill me when he sees the bill", N},
		{"missing school", "my mom will kill me if I miss school", N},
		{"late home, spanish", "mi mamá me va a matar si llego tarde", N},
		{"grades", "im scared my mom will kill me when she sees my grades", N},
		{"a shot that hurts", "i'm scared the shot will hurt me", N},
		{"chemo feared, spanish", "tengo miedo de que la quimio me mate", N},
		{"an exam asked about", "will the doctor touch my private parts during the exam", N},
		{"a safe home for a baby", "is my home safe for a newborn", N},
		{"not sure, spanish", "no estoy segura si tengo cita mañana", N},
		{"my turn, spanish", "ya me toca el papanicolau y no quiero ir", N},
		{"waiting outside", "my husband is waiting outside, can he come in", N},
		{"kill himself if i leave: a crisis", "my girlfriend keeps saying she's going to kill herself if i leave", C},
		// QA: a shooting or stabbing of people at work, school or next door,
		// a gun brought there; not photos, emails or a time aimed at.
		{"shooting everyone at work", "im going to shoot everyone at work tomorrow", C},
		{"a gun brought to work", "im bringing a gun to work tomorrow", C},
		{"shooting coworkers", "i will shoot my coworkers", C},
		{"stabbing a neighbor", "im going to stab my neighbor", C},
		{"shooting everyone at work, spanish", "voy a disparar a todos en mi trabajo", C},
		{"stabbing a neighbor, spanish", "voy a apuñalar a mi vecino", C},
		{"a gun brought to school, spanish", "voy a llevar una pistola a la escuela", C},
		{"an email", "shoot me an email", N},
		{"an email to a boss", "im going to shoot my boss an email", N},
		{"a video", "i want to shoot a video for my channel", N},
		{"headshots", "i will shoot my coworkers headshots on friday", N},
		{"a flu shot", "where can i get a flu shot", N},
		{"a time aimed at", "I'm going to shoot for 3pm", N},
		{"a nerf gun", "my son is bringing a nerf gun to school", N},
		{"stabbed in the back", "she stabbed me in the back at work", N},
		// QA: a plan put in a reminder, giving up on life, and a panic
		// attack now (the crisis line takes it; the reply gives 911 too).
		{"all pills at once in a reminder", "remind me tonight at 9 to take all my pills at once", C},
		{"all pills at once, spanish", "recuérdame tomarme todas mis pastillas de golpe", C},
		{"a goodbye in a reminder, spanish", "recuérdame mañana a las 9 despedirme de mi familia", C},
		{"a goodbye in a reminder", "remind me tomorrow at 9 to say goodbye to my family", C},
		{"not here after the reminder", "at 9pm, i wont be here after that", C},
		{"giving up on life", "i give up on life", C},
		{"giving up on life, spanish", "me rindo con la vida", C},
		{"a panic attack now", "im having a panic attack", C},
		{"a panic attack now, spanish", "tengo un ataque de pánico", C},
		{"an anxiety attack coming on, spanish", "me está dando un ataque de ansiedad", C},
		{"pills at once asked about", "is it ok to take all my pills at once", N},
		{"pills at once asked, can i", "can i just take all my pills at once in the morning?", N},
		{"pills at once asked, spanish", "¿puedo tomar todas mis pastillas a la vez?", N},
		{"morning pills in a reminder", "remind me to take all my morning pills at 8am", N},
		{"a doctor's orders", "my doctor told me to take all my pills at once in the morning", N},
		{"a goodbye before a flight", "remind me to say goodbye to my family before my flight", N},
		{"not here after work hours", "call me before 5, i'm at work and won't be here after that", N},
		{"life insurance given up", "i gave up on life insurance, too expensive", N},
		{"a panic attack had", "i had a panic attack last week, can i see someone", N},
		{"panic attacks as a condition, spanish", "tengo ataques de pánico, tienen psicólogo?", N},
		{"a panic attack each time, spanish", "tengo un ataque de ansiedad cada vez que manejo", N},
		{"panic or heart attack asked about", "how do i know if i'm having a panic attack or heart attack", N},
		{"empty", "", N},
		{"only emoji", "\U0001F914\U0001F914", N},
	} {
		if got := CheckSafety(c.text); got != c.want {
			t.Errorf("%s: CheckSafety(%q): got %s, want %s\n\t%s", c.why, c.text, got, c.want, strings.Join(safetyTrace(c.text), "\n\t"))
		}
	}
}

// TestSafetyHostileInput feeds what a chat platform may deliver: control
// characters, invalid UTF-8, huge words, huge messages. Nothing may panic,
// and noise must not alarm.
func TestSafetyHostileInput(t *testing.T) {
	inputs := map[string]string{
		"controls":      "\x00\x01\x02\x1b[31m\r\n\t\x7f",
		"invalid utf-8": "\xff\xfe\xfd\xc3\x28\xa0\xa1\xe2\x28\xa1",
		"huge word":     strings.Repeat("a", 5000),
		"huge number":   strings.Repeat("9", 5000),
		"digits words":  strings.Repeat("a1b2c3 ", 2000),
		"emoji":         strings.Repeat("\U0001F600\U0001F44D\u200d", 3000),
		"cyrillic":      "привет как дела",
		"sentences":     strings.Repeat(". ! ? ; ", 5000),
		"benign 100KB":  strings.Repeat("can i move my appointment to friday morning please. ", 2000)[:100_000],
	}
	for name, in := range inputs {
		if got := CheckSafety(in); got != SafetyNone {
			t.Errorf("%s: got %s, want none", name, got)
		}
	}
}

// TestSafetyLongMessages puts an alarm at every position of a long
// message, so that it falls at every place in a chunk and across the cut
// between chunks; it must be found wherever it is.
func TestSafetyLongMessages(t *testing.T) {
	filler := "we talked about the weather and the bus schedule "
	for _, c := range []struct {
		alarm string
		want  SafetyKind
	}{
		{"and honestly i want to kill myself ", SafetyCrisis},
		{"and now my dad is not breathing ", SafetyEmergency},
	} {
		for n := 0; n < 60; n++ {
			text := strings.Repeat(filler, n) + c.alarm + strings.Repeat(filler, 40)
			if got := CheckSafety(text); got != c.want {
				t.Fatalf("alarm after %d fillers (%d bytes): got %s, want %s", n, len(text), got, c.want)
			}
		}
		big := strings.Repeat(filler, 2200) + c.alarm
		if got := CheckSafety(big); got != c.want {
			t.Errorf("alarm at the end of %d bytes: got %s, want %s", len(big), got, c.want)
		}
	}
}

// TestSafetyNoAllocs: the engine calls this on every message; it must not
// make garbage.
func TestSafetyNoAllocs(t *testing.T) {
	CheckSafety("warm up")
	for _, text := range []string{"what time do you open", "i want to kill myself", strings.Repeat("hola como estas ", 500)} {
		if n := testing.AllocsPerRun(50, func() { CheckSafety(text) }); n != 0 {
			t.Errorf("CheckSafety(%.20q...): got %v allocations, want 0", text, n)
		}
	}
}

// TestSafetyConcurrent runs the check from many goroutines at once, the
// first call included (it builds the lexicon); run with -race.
func TestSafetyConcurrent(t *testing.T) {
	texts := []string{"i want to die", "my wife is not breathing", "do you take aetna", "me quiero morir"}
	want := make([]SafetyKind, len(texts))
	var wg sync.WaitGroup
	got := make([][]SafetyKind, 8)
	for g := range got {
		got[g] = make([]SafetyKind, len(texts))
		wg.Go(func() {
			for i, text := range texts {
				got[g][i] = CheckSafety(text)
			}
		})
	}
	wg.Wait()
	for i, text := range texts {
		want[i] = CheckSafety(text)
	}
	for g := range got {
		for i := range texts {
			if got[g][i] != want[i] {
				t.Errorf("goroutine %d, %q: got %s, want %s", g, texts[i], got[g][i], want[i])
			}
		}
	}
}

// FuzzCheckSafety: no input panics, the answer is a valid kind and does not
// change between calls, and an alarm in its own sentence is never lost
// whatever follows it.
func FuzzCheckSafety(f *testing.F) {
	for _, s := range []string{
		"", " ", "i want to die", "mi bebe no respira", "\xff\xfe", "\x00\x1b",
		"\U0001F602\U0001F602\U0001F602", strings.Repeat("a", 300), strings.Repeat("kill myself ", 50),
		"não consigo respirar", "lol", "9999999999999999999999", "i'm fine now. it stopped.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := CheckSafety(s)
		if got < SafetyNone || got > SafetyAbuse {
			t.Fatalf("CheckSafety(%q): got %d, not a kind", s, int(got))
		}
		if again := CheckSafety(s); again != got {
			t.Fatalf("CheckSafety(%q): got %s then %s", s, got, again)
		}
		if got := CheckSafety("i want to kill myself.\n" + s); got == SafetyNone {
			t.Fatalf("an alarm followed by %q was lost", s)
		}
		if got := CheckSafety(s + ".\nmy husband is not breathing"); got != SafetyEmergency {
			t.Fatalf("an emergency after %q: got %s", s, got)
		}
	})
}
