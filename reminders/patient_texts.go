package reminders

import (
	"fmt"
	"strings"
)

// patientTexts are the self-service replies, by language, as fmt formats.
var patientTexts = map[string]map[string]string{
	langEN: {
		"created":         "OK, I'll remind you %s: %s",
		"createdAppt":     "OK, I'll remind you of your appointment (%s) on %s.",
		"andOn":           " and on ",
		"apptText":        "your appointment on %s",
		"apptTooSoon":     "Your appointment on %s is too soon for a reminder.",
		"noText":          "your reminder",
		"assumedZone":     " (I used %s time. If you're somewhere else, tell me \"my time zone is\" and your city.)",
		"when":            "I couldn't tell when. Try \"remind me to call the clinic on 12/1 at 3pm\", \"remind me to take my meds every weekday at 8am\" or \"remind me to stretch every monday and thursday at 6pm\".",
		"past":            "That time has already passed. When should I remind you?",
		"far":             "I can only set reminders up to two years ahead.",
		"noDate":          "There's no %s. Which day did you mean?",
		"noDateIn":        "There's no %s in %d. Which day did you mean?",
		"tooMany":         "You already have %d reminders, the most I can keep. Say \"list my reminders\" to delete some.",
		"none":            "You have no reminders. Try \"remind me to take my meds every day at 8am\".",
		"list":            "Your reminders:",
		"listNow":         "Your reminders now:",
		"listHint":        "To remove one, say \"delete reminder\" and its number.",
		"listHint#one":    "To remove it, say \"delete reminder 1\".",
		"apptLine":        "Appointment: %s",
		"deleted":         "Deleted reminder %d: %s",
		"deletedAll":      "Deleted all your reminders (%d).",
		"deletedAll#one":  "Deleted your reminder.",
		"deletedAll#zero": "You had no reminders to delete.",
		"noSuch":          "You don't have a reminder %d. Say \"list my reminders\" to see them.",
		"askWhen":         "When should I remind you? Say a day and time, like \"tomorrow at 3pm\", \"dec 1 at 9am\" or \"every day at 8am\".",
		"pauseWhen":       "Until when? Say, for example, \"pause my reminders until monday\" or \"pause my reminders for a week\".",
		"pauseFar":        "I can only pause your reminders up to two years ahead.",
		"askDropped":      "OK, I won't set that reminder.",
		"askApptWhen":     "When is your appointment? Say its day and time, like \"friday at 10am\" or \"dec 3 at 2pm\": I'll remind you a day before and two hours before.",
		"pauseDropped":    "OK, your reminders stay on.",
		"paused":          "Your reminders are paused until %s.",
		"pausedMoved":     " %d one-time reminders in that time will come then.",
		"pausedMoved#one": " The one-time reminder in that time will come then.",
		"resumed":         "Your reminders are back on.",
		"notPaused":       "None of your reminders is on hold: each comes at its usual time. Say \"list my reminders\" to see them.",
		"pausedLate":      " %d appointment reminders would only have come after the appointment, so I deleted them.",
		"pausedLate#one":  " An appointment reminder would only have come after the appointment, so I deleted it.",
		"snoozed":         "OK, I'll remind you again %s.",
		"noSnooze":        "There's no recent reminder to snooze.",
		"snoozeHow":       "Say \"snooze 1h\" or \"snooze 30 min\".",
		"snoozeTooLate":   "That's after your appointment on %s, so I didn't snooze it. Say \"snooze 30 min\" for a shorter wait.",
		"zoneSet":         "Got it: you're on %s time. It's %s there now.",
		"zonePast#one":    " Your reminder \"%s\" was for a time that has already passed there, so it will come on %s.",
		"zonePast":        " %d of your reminders were for times that have already passed there, so each will come the next time its time of day comes round. Say \"list my reminders\" to see them.",
		"zoneVisit":       " %d reminders of an appointment would have come before now there, so I deleted them.",
		"zoneVisit#one":   " A reminder of your appointment would have come before now there, so I deleted it.",
		"zoneNext#one":    " Your reminder \"%s\" will now come on %s, the next %s there.",
		"zoneNext":        " %d of your reminders now come on other days, at the next time of day you gave them there. Say \"list my reminders\" to see them.",
		"zoneIs":          "You're on %s time. To change it, say \"my time zone is\" and your city.",
		"zoneUnknown":     "I don't know the time zone \"%s\". Try a city, like \"my time zone is Chicago\".",
		"zoneNone":        "I don't know your time zone yet. Tell me \"my time zone is\" and your city.",
		"confirmed":       "Thank you, your appointment on %s is confirmed.",
		"cancelled":       "Your appointment on %s is cancelled.",
		"reschedule":      "We've told the clinic you'd like another time for your appointment on %s; someone will contact you.",
		"reach":           " To reach us: call %s.",
		"noAppt":          "I couldn't find that appointment.",
		// How a repeating reminder is said: describeRule.
		"rDaily":      "every day",
		"rDaily2":     "every other day",
		"rDailyN":     "every %[1]d days",
		"rWeekly":     "every %[1]s",
		"rWeekdays":   "every weekday",
		"rWeekly2":    "every other week on %[1]s",
		"rWeekly2One": "every other %[1]s",
		"rWeeklyN":    "every %[2]d weeks on %[1]s",
		"rMonthly":    "on the %[1]s of every month",
		"rMonthlyN":   "on the %[1]s every %[2]d months",
		"rYearly":     "every year on %s",
		"rOther":      "repeating",
		"rAt":         "%s at %s",
		"rFrom":       "%s, starting %s",
		"rUntil":      "%s, until %s",
		"rTimes":      "%s (%d times)",
		"rNext":       "%s (next: %s)",
		"and":         "and",
	},
	langES: {
		"created":         "Listo, le recordaré %s: %s",
		"createdAppt":     "Listo, le recordaré su cita (%s) el %s.",
		"andOn":           " y el ",
		"apptText":        "su cita el %s",
		"apptTooSoon":     "Su cita del %s es demasiado pronto para un recordatorio.",
		"noText":          "su recordatorio",
		"assumedZone":     " (Usé la hora de %s. Si está en otro lugar, dígame \"mi zona horaria es\" y su ciudad.)",
		"when":            "No entendí cuándo. Pruebe \"recuérdame llamar a la clínica el 1/12 a las 3\", \"recuérdame tomar mis pastillas de lunes a viernes a las 8\" o \"recuérdame caminar los lunes y jueves a las 6 de la tarde\".",
		"past":            "Esa hora ya pasó. ¿Cuándo quiere que se lo recuerde?",
		"far":             "Solo puedo poner recordatorios con hasta dos años de antelación.",
		"noDate":          "No existe el %s. ¿Qué día quiso decir?",
		"noDateIn":        "No hay %s en %d. ¿Qué día quiso decir?",
		"tooMany":         "Ya tiene %d recordatorios, el máximo. Diga \"mis recordatorios\" para borrar alguno.",
		"none":            "No tiene recordatorios. Pruebe \"recuérdame tomar mis pastillas todos los días a las 8\".",
		"list":            "Sus recordatorios:",
		"listNow":         "Sus recordatorios ahora:",
		"listHint":        "Para quitar uno, diga \"borrar recordatorio\" y su número.",
		"listHint#one":    "Para quitarlo, diga \"borrar recordatorio 1\".",
		"apptLine":        "Cita: %s",
		"deleted":         "Borré el recordatorio %d: %s",
		"deletedAll":      "Borré todos sus recordatorios (%d).",
		"deletedAll#one":  "Borré su recordatorio.",
		"deletedAll#zero": "No tenía recordatorios que borrar.",
		"noSuch":          "No tiene un recordatorio %d. Diga \"mis recordatorios\" para verlos.",
		"askWhen":         "¿Cuándo se lo recuerdo? Diga un día y una hora, como \"mañana a las 3 de la tarde\", \"el 1 de diciembre a las 9\" o \"todos los días a las 8\".",
		"pauseWhen":       "¿Hasta cuándo? Diga, por ejemplo, \"pausar recordatorios hasta el lunes\" o \"pausar recordatorios por una semana\".",
		"pauseFar":        "Solo puedo pausar sus recordatorios por un máximo de dos años.",
		"askDropped":      "De acuerdo, no crearé ese recordatorio.",
		"askApptWhen":     "¿Cuándo es su cita? Diga el día y la hora, como \"el viernes a las 10\" o \"el 3 de diciembre a las 2 de la tarde\": se la recordaré un día antes y dos horas antes.",
		"pauseDropped":    "De acuerdo, sus recordatorios siguen activos.",
		"paused":          "Sus recordatorios están en pausa hasta el %s.",
		"pausedMoved":     " %d recordatorios de una sola vez en ese tiempo llegarán entonces.",
		"pausedMoved#one": " El recordatorio de una sola vez en ese tiempo llegará entonces.",
		"resumed":         "Sus recordatorios están activos otra vez.",
		"notPaused":       "Ninguno de sus recordatorios está en espera: cada uno llega a su hora de siempre. Diga \"mis recordatorios\" para verlos.",
		"pausedLate":      " Borré %d recordatorios de cita que habrían llegado después de la cita.",
		"pausedLate#one":  " Borré un recordatorio de cita que habría llegado después de la cita.",
		"snoozed":         "Listo, se lo recuerdo otra vez %s.",
		"noSnooze":        "No hay un recordatorio reciente para posponer.",
		"snoozeHow":       "Diga \"posponer 1 hora\" o \"posponer 30 minutos\".",
		"snoozeTooLate":   "Eso es después de su cita del %s, así que no lo pospuse. Diga \"posponer 30 minutos\" para esperar menos.",
		"zoneSet":         "Entendido: usaré la hora de %s. Allí son las %s.",
		"zonePast#one":    " Su recordatorio \"%s\" era para una hora que allí ya pasó, así que llegará el %s.",
		"zonePast":        " %d de sus recordatorios eran para horas que allí ya pasaron, así que cada uno llegará la próxima vez que llegue esa hora. Diga \"mis recordatorios\" para verlos.",
		"zoneVisit":       " %d recordatorios de una cita habrían llegado antes de ahora allí, así que los borré.",
		"zoneVisit#one":   " Un recordatorio de su cita habría llegado antes de ahora allí, así que lo borré.",
		"zoneNext#one":    " Su recordatorio \"%s\" llegará ahora el %s, a las próximas %s de allí.",
		"zoneNext":        " %d de sus recordatorios llegan ahora otro día, a la próxima hora que les dio allí. Diga \"mis recordatorios\" para verlos.",
		"zoneIs":          "Uso la hora de %s. Para cambiarla, diga \"mi zona horaria es\" y su ciudad.",
		"zoneUnknown":     "No conozco la zona horaria \"%s\". Pruebe con una ciudad, como \"mi zona horaria es Madrid\".",
		"zoneNone":        "Aún no sé su zona horaria. Dígame \"mi zona horaria es\" y su ciudad.",
		"confirmed":       "Gracias, su cita del %s está confirmada.",
		"cancelled":       "Su cita del %s está cancelada.",
		"reschedule":      "Avisamos a la clínica de que quiere otra fecha para su cita del %s; alguien se pondrá en contacto con usted.",
		"reach":           " Para contactarnos: llame al %s.",
		"noAppt":          "No encontré esa cita.",
		"rDaily":          "todos los días",
		"rDaily2":         "cada dos días",
		"rDailyN":         "cada %[1]d días",
		"rWeekly":         "cada %[1]s",
		"rWeekdays":       "de lunes a viernes",
		"rWeekly2":        "cada dos semanas: %[1]s",
		"rWeekly2One":     "cada dos semanas, el %[1]s",
		"rWeeklyN":        "cada %[2]d semanas: %[1]s",
		"rMonthly":        "el día %[1]s de cada mes",
		"rMonthlyN":       "el día %[1]s cada %[2]d meses",
		"rYearly":         "cada año el %s",
		"rOther":          "periódicamente",
		"rAt":             "%s a las %s",
		"rFrom":           "%s, a partir del %s",
		"rUntil":          "%s, hasta el %s",
		"rTimes":          "%s (%d veces)",
		"rNext":           "%s (el próximo: %s)",
		"and":             "y",
	},
}

// say formats the reply key in lang (English if it has none). When the
// first argument is a count of 1 or 0 and the key has a "#one" or "#zero"
// form, that is used: "1 reminder", not "1 reminder(s)". A text with no
// verbs is returned as is, whatever the arguments.
func say(lang, key string, args ...any) string {
	if len(args) > 0 {
		if n, ok := args[0].(int); ok && (n == 1 || n == 0) {
			form := key + map[bool]string{true: "#one", false: "#zero"}[n == 1]
			if _, ok := patientTexts[langEN][form]; ok {
				key = form
			}
		}
	}
	t, ok := patientTexts[baseLang(lang)][key]
	if !ok {
		t = patientTexts[langEN][key]
	}
	if !strings.Contains(t, "%") {
		return t
	}
	return fmt.Sprintf(t, args...)
}

// zoneLabel is a time zone as a patient reads it: "Chicago" for
// America/Chicago, "UTC" for Etc/UTC, "UTC-5" for Etc/GMT+5, and the
// city's Spanish name where it has a different one.
func zoneLabel(lang, name string) string {
	switch name {
	case "", "UTC", "UCT", "GMT", "Zulu", "Universal", "Greenwich", "Etc/UTC", "Etc/UCT", "Etc/GMT", "Etc/Zulu",
		"Etc/Universal", "Etc/Greenwich", "Etc/GMT0", "Etc/GMT+0", "Etc/GMT-0", "GMT0":
		return "UTC"
	}
	if off, ok := strings.CutPrefix(name, "Etc/GMT"); ok && len(off) > 1 {
		// POSIX signs: Etc/GMT+5 is five hours behind UTC.
		return "UTC" + map[byte]string{'+': "-", '-': "+"}[off[0]] + off[1:]
	}
	if l, ok := zoneLabels[name]; ok {
		if baseLang(lang) == langES {
			return l[1]
		}
		return l[0]
	}
	city := name[strings.LastIndex(name, "/")+1:]
	city = strings.ReplaceAll(city, "_", " ")
	if es, ok := citiesES[city]; ok && baseLang(lang) == langES {
		return es
	}
	return city
}

// zoneLabels are the zones better known by their country or region than
// by their city, in English and Spanish: a patient who said "Mumbai" or
// "IST" is told "India time", not "Kolkata time".
var zoneLabels = map[string][2]string{
	"Asia/Kolkata": {"India", "India"}, "Asia/Calcutta": {"India", "India"},
	"America/St_Johns": {"Newfoundland", "Terranova"},
}

// citiesES are the zone cities whose Spanish names differ.
var citiesES = map[string]string{
	"New York": "Nueva York", "Mexico City": "Ciudad de México", "London": "Londres", "Los Angeles": "Los Ángeles",
	"Bogota": "Bogotá", "Panama": "Panamá", "Havana": "La Habana", "Sao Paulo": "São Paulo",
	"Asuncion": "Asunción", "Merida": "Mérida", "Cancun": "Cancún", "Mazatlan": "Mazatlán",
}

var weekdaysEN = [...]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}

func weekdayName(lang string, d int) string {
	if baseLang(lang) == langES {
		return weekdaysES[d]
	}
	return weekdaysEN[d]
}
