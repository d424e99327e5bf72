package bot

import (
	"fmt"
	"strings"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/faq"
)

// WordingVersion names the version of the welcome, HELP and consent texts
// below. Every consent event records it, so the ledger can show which words
// a patient agreed to. Change it whenever those texts change in meaning.
const WordingVersion = "2026-11-26.2"

// texts is everything the engine says in one language. Placeholders are
// filled from the clinic block of faq.yaml.
type texts struct {
	welcome      string // first contact: what the bot does, the disclaimer
	help         string // HELP/INFO
	optOutAll    string
	optOutOne    string // %s: the purpose, in words
	optOutOwn    string // after an opt-out of appointment reminders: the patient's own go on
	optInAll     string
	optInOne     string // %s: the purpose
	consentFail  string // the store could not record a consent change
	storeFail    string // a command could not read or write what it needed
	crisis       string // suicide or self-harm
	emergency    string // a medical emergency
	abuse        string // someone hurting or threatening the patient
	groupSafety  string // posted in a group after a safety message; the rest goes by DM
	groupPrivate string // in a group, for a consent change or a command answered by DM (not yet sent: it may fail)
	privateNote  string // in a group, when a private answer cannot reach the member
	groupHello   string // in a group, for /start and a hello: what the bot does there (the welcome is for a DM)
	didYouMean   string
	noneOfThese  string
	// otherQuestion heads the fallback after the answers to a message
	// that asked more than one question, for the one none answers.
	otherQuestion  string
	otherQuestions string
	fallback       string
	// adviceSuggest and adviceFallback stand for didYouMean and fallback
	// when the message asks for individual medical advice: the bot
	// understood, and cannot answer.
	adviceSuggest  string
	adviceFallback string
	onlyIn         string // %s: the language the answer is in
	helpful        string // label of the thumbs-up button
	notHelpful     string
	thanks         string // after a rating
	langSet        string
	expired        string // a button that no longer does anything
	bareNumber     string // a number alone, typed rather than pressed
	bareLetter     string // letters alone ("s x")
	noApptToAnswer string // C, X or R with no appointment to answer
	cancelNotStop  string // after CANCEL answered an appointment reminder
	talk           map[talkKind]string
	orVisit        string // %s: the clinic's website, after its phone number
	purposes       map[carebot.Purpose]string
	langName       map[string]string
}

var textsByLang = map[string]*texts{
	"en": {
		welcome: "Hi! I'm the virtual assistant of {name}. I can answer common questions about the clinic " +
			"(hours, appointments, insurance, billing, prescriptions and more) and send the reminders you choose to get.\n" +
			"I give general information only, not medical advice, and I'm not for emergencies: in an emergency call {emergency}; " +
			"in a crisis call or text {crisis}.\nReply HELP for help, STOP to stop messages. Escribe ESPAÑOL para español.",
		help: "{name} messages: answers to your questions, and only the messages you opt in to: appointment reminders " +
			"(usually up to 3 per visit), health-awareness tips (a few a month at most) and clinic announcements. " +
			"Reply STOP to stop all messages, or STOP AWARENESS, STOP ANNOUNCEMENTS or STOP APPOINTMENTS for just one kind; " +
			"reply START to get them again. To have this chat delete what it keeps about you, send \"delete my data\". " +
			"Questions? Call us at {phone}{website}.\n" +
			"This service gives general information, not medical advice, and is not for emergencies: call {emergency}. " +
			"In a mental-health crisis call or text {crisis}.",
		optOutAll:   "You're unsubscribed: you won't get any more reminders, tips or announcements from {name}. You can still ask me questions any time. Reply START to subscribe again.",
		optOutOne:   "Done: you won't get any more %s from {name}. Reply START to get them again, or STOP to stop everything.",
		optOutOwn:   "Reminders you set yourself still come; say \"list my reminders\" to see or delete them.",
		optInAll:    "You're subscribed to messages from {name}: appointment reminders, health-awareness tips and clinic announcements. Reply STOP at any time to stop, HELP for help.",
		optInOne:    "You're subscribed to %s from {name}. Reply STOP at any time to stop, HELP for help.",
		consentFail: "Sorry, I couldn't save that change just now. Please try again in a minute, or call us at {phone}.",
		storeFail:   "Sorry, something went wrong on our side and I couldn't do that just now. Please try again in a minute, or call us at {phone}.",
		crisis: "I'm really sorry you're going through this. You deserve support right now.\n" +
			"Please call or text {crisis} (Suicide & Crisis Lifeline), free and open 24/7. " +
			"If you or someone else is in immediate danger, call {emergency} now.\n" +
			"You can also call us at {phone}. I'm a bot and can't help in a crisis, but these people can.",
		abuse: "I'm so sorry this is happening to you. You deserve to be safe.\n" +
			"If you are in danger now, call {emergency}. " +
			"The National Domestic Violence Hotline is free, confidential and open 24/7: call 1-800-799-7233 or text START to 88788. " +
			"After a sexual assault, the RAINN hotline is 1-800-656-4673.\n" +
			"You can also call or text {crisis}, or call us at {phone}. I'm a bot and can't help in a crisis, but these people can.",
		emergency: "This sounds like an emergency. Call {emergency} now.\n" +
			"Don't wait for a reply here and don't drive yourself if you feel unwell. " +
			"If someone took too many pills or something poisonous, Poison Control is 1-800-222-1222. " +
			"For a mental-health crisis call or text {crisis}.",
		groupSafety:  "If anyone here is in danger, call {emergency} now; in a mental-health crisis call or text {crisis}.",
		groupPrivate: "I'll answer you in a private message.",
		privateNote:  "I have a private answer for you. Please open a chat with me and press Start, then ask again there.",
		groupHello: "Hi! I'm the virtual assistant of {name}. Mention me with a question about the clinic " +
			"(hours, appointments, insurance, billing, prescriptions and more) and I'll answer here. " +
			"I give general information, not medical advice; in an emergency call {emergency}.",
		didYouMean:     "I'm not sure I understood. Did you mean one of these?",
		noneOfThese:    "None of these",
		otherQuestion:  "Your other question:",
		otherQuestions: "Your other questions:",
		fallback: "Sorry, I don't have an answer to that. Please call us at {phone}{website}, and a person will help. " +
			"I can't give medical advice; for an emergency call {emergency}.",
		adviceSuggest: "I can't give medical advice about your own health or medicines: please ask your care team at {phone}. " +
			"In an emergency, call {emergency}. These may help:",
		adviceFallback: "I can't give medical advice about your own health or medicines: please ask your care team. " +
			"Call us at {phone}{website}. In an emergency, call {emergency}.",
		onlyIn:        "(This answer is only available in %s.)",
		helpful:       "👍 Helpful",
		notHelpful:    "👎 Not helpful",
		thanks:        "Thanks for letting us know.",
		langSet:       "OK, I'll answer in English.",
		expired:       "Sorry, that button doesn't work any more. Please type your question.",
		bareNumber:    "I'm not sure what that number is for. To choose an option, press its button, or type your question in your own words.",
		bareLetter:    "I'm not sure what you mean. Please type your question in your own words, or HELP for help.",
		cancelNotStop: "(To stop all messages from us instead, reply STOP.)",
		noApptToAnswer: "I don't have an appointment of yours waiting for an answer. To confirm, cancel or change an appointment, " +
			"please call us at {phone}{website}.",
		talk: map[talkKind]string{
			talkGreeting: "Hi! I can answer questions about {name}: hours, appointments, insurance, billing, prescriptions and more. What would you like to know?",
			talkThanks:   "You're welcome! Is there anything else I can help with?",
			talkBye:      "Take care! Message me any time.",
			talkOK:       "Is there anything else I can help with?",
			talkWho:      "I'm the virtual assistant of {name}: a bot, not a person. I answer common questions and send the reminders you ask for. To talk to a person, call us at {phone}.",
			talkHuman:    "I'm a bot and can't pass you to someone here, but the team at {name} can help: call us at {phone}{website}. In an emergency, call {emergency}; if you're struggling, call or text {crisis} any time.",
		},
		orVisit: " or visit %s",
		purposes: map[carebot.Purpose]string{
			carebot.PurposeAppointments:  "appointment reminders",
			carebot.PurposeAwareness:     "health-awareness tips",
			carebot.PurposeAnnouncements: "clinic announcements",
		},
		langName: map[string]string{"en": "English", "es": "Spanish"},
	},
	"es": {
		welcome: "¡Hola! Soy el asistente virtual de {name}. Puedo responder preguntas frecuentes sobre la clínica " +
			"(horario, citas, seguro, facturación, recetas y más) y enviarle los recordatorios que usted elija.\n" +
			"Doy información general, no consejos médicos, y no atiendo emergencias: en una emergencia llame al {emergency}; " +
			"en una crisis llame o escriba al {crisis}.\nResponda AYUDA para ayuda, STOP para dejar de recibir mensajes. Type ENGLISH for English.",
		help: "Mensajes de {name}: respuestas a sus preguntas y solo los mensajes que usted acepte: recordatorios de citas " +
			"(normalmente hasta 3 por cita), consejos de salud (unos pocos al mes como máximo) y avisos de la clínica. " +
			"Responda STOP para dejar de recibir todos los mensajes, o STOP CONSEJOS, STOP AVISOS o STOP CITAS para uno solo; " +
			"responda START para volver a recibirlos. Para que este chat borre lo que guarda sobre usted, envíe \"borrar mis datos\". " +
			"¿Preguntas? Llámenos al {phone}{website}.\n" +
			"Este servicio da información general, no consejos médicos, y no es para emergencias: llame al {emergency}. " +
			"En una crisis de salud mental llame o escriba al {crisis}.",
		optOutAll:   "Listo: ya no recibirá recordatorios, consejos ni avisos de {name}. Puede seguir haciéndome preguntas cuando quiera. Responda START para suscribirse de nuevo.",
		optOutOne:   "Listo: ya no recibirá %s de {name}. Responda START para recibirlos de nuevo, o STOP para dejar de recibir todo.",
		optOutOwn:   "Los recordatorios que usted mismo creó siguen llegando; diga \"mis recordatorios\" para verlos o borrarlos.",
		optInAll:    "Está suscrito a los mensajes de {name}: recordatorios de citas, consejos de salud y avisos de la clínica. Responda STOP en cualquier momento para dejar de recibirlos, AYUDA para ayuda.",
		optInOne:    "Está suscrito a %s de {name}. Responda STOP en cualquier momento para dejar de recibirlos, AYUDA para ayuda.",
		consentFail: "Lo siento, no pude guardar ese cambio ahora. Inténtelo de nuevo en un minuto o llámenos al {phone}.",
		storeFail:   "Lo siento, algo falló de nuestro lado y no pude hacerlo ahora. Inténtelo de nuevo en un minuto o llámenos al {phone}.",
		crisis: "Siento mucho que esté pasando por esto. Usted merece apoyo ahora mismo.\n" +
			"Llame o escriba al {crisis} (Línea de Prevención del Suicidio y Crisis; oprima 2 para español), gratis y abierta 24/7. " +
			"Si usted u otra persona está en peligro inmediato, llame al {emergency} ahora.\n" +
			"También puede llamarnos al {phone}. Soy un bot y no puedo ayudar en una crisis, pero ellos sí.",
		abuse: "Siento mucho que esto le esté pasando. Usted merece estar a salvo.\n" +
			"Si está en peligro ahora, llame al {emergency}. " +
			"La Línea Nacional sobre la Violencia Doméstica es gratuita, confidencial, atiende en español y está abierta 24/7: llame al 1-800-799-7233 o escriba START al 88788. " +
			"Después de una agresión sexual, la línea de RAINN es el 1-800-656-4673.\n" +
			"También puede llamar o escribir al {crisis}, o llamarnos al {phone}. Soy un bot y no puedo ayudar en una crisis, pero ellos sí.",
		emergency: "Esto parece una emergencia. Llame al {emergency} ahora.\n" +
			"No espere una respuesta aquí y no maneje si se siente mal. " +
			"Si alguien tomó demasiadas pastillas o algo venenoso, Control de Envenenamientos: 1-800-222-1222. " +
			"En una crisis de salud mental llame o escriba al {crisis}.",
		groupSafety:  "Si alguien aquí está en peligro, llame al {emergency} ahora; en una crisis de salud mental llame o escriba al {crisis}.",
		groupPrivate: "Le responderé en un mensaje privado.",
		privateNote:  "Tengo una respuesta privada para usted. Abra un chat conmigo y toque Iniciar, y luego vuelva a preguntar allí.",
		groupHello: "¡Hola! Soy el asistente virtual de {name}. Mencióneme con una pregunta sobre la clínica " +
			"(horario, citas, seguro, facturación, recetas y más) y le responderé aquí. " +
			"Doy información general, no consejos médicos; en una emergencia llame al {emergency}.",
		didYouMean:     "No estoy seguro de haber entendido. ¿Quiso decir alguna de estas?",
		noneOfThese:    "Ninguna de estas",
		otherQuestion:  "Su otra pregunta:",
		otherQuestions: "Sus otras preguntas:",
		fallback: "Lo siento, no tengo una respuesta para eso. Llámenos al {phone}{website} y una persona le ayudará. " +
			"No puedo dar consejos médicos; en una emergencia llame al {emergency}.",
		adviceSuggest: "No puedo dar consejos médicos sobre su salud o sus medicamentos: consulte a su equipo de atención al {phone}. " +
			"En una emergencia, llame al {emergency}. Esto podría ayudarle:",
		adviceFallback: "No puedo dar consejos médicos sobre su salud o sus medicamentos: consulte a su equipo de atención. " +
			"Llámenos al {phone}{website}. En una emergencia, llame al {emergency}.",
		onlyIn:        "(Esta respuesta solo está disponible en %s.)",
		helpful:       "👍 Útil",
		notHelpful:    "👎 No útil",
		thanks:        "Gracias por decirnos.",
		langSet:       "De acuerdo, le responderé en español.",
		expired:       "Lo siento, ese botón ya no funciona. Escriba su pregunta, por favor.",
		bareNumber:    "No estoy seguro de para qué es ese número. Para elegir una opción, toque su botón, o escriba su pregunta con sus propias palabras.",
		bareLetter:    "No estoy seguro de qué quiere decir. Escriba su pregunta con sus propias palabras, o AYUDA para recibir ayuda.",
		cancelNotStop: "(Para dejar de recibir todos nuestros mensajes, responda STOP).",
		noApptToAnswer: "No tengo ninguna cita suya pendiente de respuesta. Para confirmar, cancelar o cambiar una cita, " +
			"llámenos al {phone}{website}.",
		talk: map[talkKind]string{
			talkGreeting: "¡Hola! Puedo responder preguntas sobre {name}: horario, citas, seguro, facturación, recetas y más. ¿Qué le gustaría saber?",
			talkThanks:   "¡Con gusto! ¿Hay algo más en que le pueda ayudar?",
			talkBye:      "¡Cuídese! Escríbame cuando quiera.",
			talkOK:       "¿Hay algo más en que le pueda ayudar?",
			talkWho:      "Soy el asistente virtual de {name}: un bot, no una persona. Respondo preguntas frecuentes y envío los recordatorios que usted pida. Para hablar con una persona, llámenos al {phone}.",
			talkHuman:    "Soy un bot y no puedo comunicarle con alguien desde aquí, pero el equipo de {name} puede ayudarle: llámenos al {phone}{website}. En una emergencia, llame al {emergency}; si está pasando por un momento difícil, llame o envíe un mensaje al {crisis} a cualquier hora.",
		},
		orVisit: " o visite %s",
		purposes: map[carebot.Purpose]string{
			carebot.PurposeAppointments:  "recordatorios de citas",
			carebot.PurposeAwareness:     "consejos de salud",
			carebot.PurposeAnnouncements: "avisos de la clínica",
		},
		langName: map[string]string{"en": "inglés", "es": "español"},
	},
}

// textsFor returns the texts of lang, or English when carebot does not
// speak lang.
func textsFor(lang string) *texts {
	if t := speaks(lang); t != nil {
		return t
	}
	return textsEN
}

// speaks returns textsByLang[lang]: nil when carebot does not speak lang.
// English and Spanish are found without a map lookup, which the engine
// would do several times a message.
func speaks(lang string) *texts {
	switch lang {
	case langEN:
		return textsEN
	case langES:
		return textsES
	}
	return textsByLang[lang]
}

var textsEN, textsES = textsByLang[langEN], textsByLang[langES]

// replacer fills the clinic placeholders of t's texts. A clinic without a
// crisis line or emergency number still gets the US defaults: a safety
// reply must never come out with a hole in it.
func (t *texts) replacer(c faq.Clinic) *strings.Replacer {
	website := ""
	if c.Website != "" {
		website = fmt.Sprintf(t.orVisit, c.Website)
	}
	return strings.NewReplacer(
		"{name}", orDefault(c.Name, "the clinic"),
		"{phone}", orDefault(c.Phone, "the clinic"),
		"{website}", website,
		"{emergency}", emergencyNumber(c),
		"{crisis}", crisisLine(c),
	)
}

// emergencyNumber and crisisLine are the clinic's numbers for the safety
// replies, or the US defaults.
func emergencyNumber(c faq.Clinic) string { return orDefault(c.EmergencyNumber, "911") }
func crisisLine(c faq.Clinic) string      { return orDefault(c.CrisisLine, "988") }

// filled returns a copy of t whose fixed texts have the clinic details of
// r (t's replacer) filled in. The templates that take an argument
// (optOutOne, optInOne) are left as they are: they are filled after the
// argument goes in, so a "%" in a clinic's name is never read as a verb.
func (t *texts) filled(r *strings.Replacer) *texts {
	f := *t
	for _, s := range []*string{&f.welcome, &f.help, &f.optOutAll, &f.optInAll, &f.consentFail,
		&f.storeFail, &f.crisis, &f.emergency, &f.abuse, &f.groupSafety, &f.groupHello, &f.fallback, &f.adviceSuggest, &f.adviceFallback,
		&f.noApptToAnswer} {
		*s = r.Replace(*s)
	}
	f.talk = make(map[talkKind]string, len(t.talk))
	for k, s := range t.talk {
		f.talk[k] = r.Replace(s)
	}
	return &f
}

func orDefault(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

func (t *texts) purposeList(ps []carebot.Purpose) string {
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = t.purposes[p]
	}
	return strings.Join(names, ", ")
}

func (t *texts) only(lang string) string {
	name, ok := t.langName[lang]
	if !ok {
		name = lang
	}
	return fmt.Sprintf(t.onlyIn, name)
}
