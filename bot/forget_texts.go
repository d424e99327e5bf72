package bot

// forgetTexts is what the engine says about deleting a patient's data, in
// one language. Placeholders are filled from faq.yaml's clinic block.
type forgetTexts struct {
	ask         string // what will be deleted and what not; asks to confirm
	deleteLabel string // the button that confirms
	keepLabel   string // the button that keeps the data
	done        string // after the data was deleted
	nothing     string // nothing was stored about them
	kept        string // they said no
	expired     string // a confirmation too late, or from an older question
	fail        string // the store could not delete
	unavailable string // no store to delete from (carebot ask)
}

var forgetTextsByLang = map[string]*forgetTexts{
	langEN: {
		ask: "Do you want me to delete your data? I would delete everything this chat keeps about you:\n" +
			"• your settings (language and time zone)\n" +
			"• your consent history and the messages you signed up for\n" +
			"• your reminders (the ones you set, and any the clinic set for you)\n" +
			"• the appointments {name} gave this chat to remind you of, and their reminders (your appointments stay booked)\n" +
			"After that you get no more messages from us unless you write again. Your medical records at {name} are not affected: " +
			"for those, call us at {phone}.\n" +
			"Press \"Delete my data\" within 10 minutes to confirm (or reply YES), or \"Keep it\" (NO).",
		deleteLabel: "Delete my data",
		keepLabel:   "Keep it",
		done: "Your data has been deleted: this chat no longer has your settings, consent history, reminders or appointments, " +
			"and you won't get any more messages from us. If you write again, you start afresh, as someone new. " +
			"Your medical records at {name} are not affected: for those, call us at {phone}.",
		nothing: "I had nothing stored about you, so there was nothing to delete, and you won't get messages from us unless you sign up. " +
			"For your medical records at {name}, call us at {phone}.",
		kept:        "OK, nothing was deleted.",
		expired:     "That question has expired, so nothing was deleted. To delete your data, send \"delete my data\" again.",
		fail:        "Sorry, something went wrong on our side and I couldn't delete your data just now. Please try again in a minute, or call us at {phone}.",
		unavailable: "I can't delete data from here. Please call us at {phone}.",
	},
	langES: {
		ask: "¿Quiere que borre sus datos? Borraría todo lo que este chat guarda sobre usted:\n" +
			"• su configuración (idioma y zona horaria)\n" +
			"• su historial de consentimiento y los mensajes que aceptó recibir\n" +
			"• sus recordatorios (los que usted creó, y los que la clínica creó para usted)\n" +
			"• las citas que {name} le dio a este chat para recordárselas, y sus recordatorios (sus citas siguen en pie)\n" +
			"Después no recibirá más mensajes nuestros, salvo que vuelva a escribir. Su expediente médico en {name} no cambia: " +
			"para eso, llámenos al {phone}.\n" +
			"Toque \"Borrar mis datos\" en los próximos 10 minutos para confirmar (o responda SÍ), o \"Conservarlos\" (NO).",
		deleteLabel: "Borrar mis datos",
		keepLabel:   "Conservarlos",
		done: "Sus datos fueron borrados: este chat ya no tiene su configuración, su historial de consentimiento, sus recordatorios ni sus citas, " +
			"y no recibirá más mensajes nuestros. Si vuelve a escribir, empezará de cero, como alguien nuevo. " +
			"Su expediente médico en {name} no cambia: para eso, llámenos al {phone}.",
		nothing: "No tenía nada guardado sobre usted, así que no había nada que borrar, y no recibirá mensajes nuestros salvo que se inscriba. " +
			"Para su expediente médico en {name}, llámenos al {phone}.",
		kept:        "De acuerdo, no se borró nada.",
		expired:     "Esa pregunta ya venció, así que no se borró nada. Para borrar sus datos, envíe \"borrar mis datos\" otra vez.",
		fail:        "Lo siento, algo falló de nuestro lado y no pude borrar sus datos ahora. Inténtelo de nuevo en un minuto o llámenos al {phone}.",
		unavailable: "No puedo borrar datos desde aquí. Llámenos al {phone}, por favor.",
	},
}

// forgetTextsFor returns the texts of lang, or English.
func forgetTextsFor(lang string) *forgetTexts {
	if t, ok := forgetTextsByLang[lang]; ok {
		return t
	}
	return forgetTextsByLang[langEN]
}
