package reminders

import "fmt"

// answerTexts are the replies about which appointment an answer is for,
// about the patient's appointments, and about what a pause or an opt-out holds back, by language, as fmt
// formats. sayAnswer falls back to English.
var answerTexts = map[string]map[string]string{
	langEN: {
		"apptWasCancelled":          "Your appointment on %s is already cancelled.",
		"apptPast":                  "Your appointment on %s has already passed.",
		"apptMoved":                 "Your appointment on %s has moved to %s.",
		"apptWhich":                 "Which appointment do you mean? Press one below to %s.",
		"apptWhichOne":              "Do you mean your appointment on %s? Press it below to %s.",
		"apptUseButtons":            "Please answer with the buttons under that appointment's reminder.",
		"verb-confirmed":            "confirm it",
		"verb-cancelled":            "cancel it",
		"verb-reschedule-requested": "ask for another time",
		"pausedClinic":              " The clinic's own reminders of your appointments still come.",
		"listStopped":               " (stopped: you're unsubscribed; reply START to get it again)",
		"apptsNone":                 "I don't have an upcoming appointment on file for you. Not every appointment is sent to me, so if you think you have one, please check with the clinic.",
		"apptsNext":                 "Your next appointment is on %s. Press a button below to confirm it, cancel it or ask for another time.",
		"apptsNextConfirmed":        "Your next appointment is on %s. To cancel it or ask for another time, press a button below.",
		"apptsList":                 "Your upcoming appointments:",
		"apptsMore":                 "…and %d more.",
		"apptsAt":                   " at %s",
		"apptsConfirmed":            " (you've confirmed it)",
		"apptsDayYes":               "Yes, you have an appointment on %s. Press a button below to confirm it, cancel it or ask for another time.",
		"apptsDayYesConfirmed":      "Yes, you have an appointment on %s. To cancel it or ask for another time, press a button below.",
		"apptsDayList":              "Yes, you have these appointments that day:",
		"apptsDayNone":              "I don't have an appointment on file for you %s. Your next one is on %s. Not every appointment is sent to me, so if you think you have one, please check with the clinic.",
		"apptsDay0":                 "today",
		"apptsDay1":                 "tomorrow",
		"apptsOnDay":                "on %s",
	},
	langES: {
		"apptWasCancelled":          "Su cita del %s ya está cancelada.",
		"apptPast":                  "Su cita del %s ya pasó.",
		"apptMoved":                 "Su cita del %s cambió al %s.",
		"apptWhich":                 "¿A qué cita se refiere? Pulse una abajo para %s.",
		"apptWhichOne":              "¿Se refiere a su cita del %s? Púlsela abajo para %s.",
		"apptUseButtons":            "Responda con los botones del recordatorio de esa cita.",
		"verb-confirmed":            "confirmarla",
		"verb-cancelled":            "cancelarla",
		"verb-reschedule-requested": "pedir otra fecha",
		"pausedClinic":              " Los recordatorios de sus citas que envía la clínica siguen llegando.",
		"listStopped":               " (detenido: no está suscrito; responda START para recibirlo de nuevo)",
		"apptsNone":                 "No tengo ninguna cita próxima registrada para usted. No todas las citas me llegan; si cree que tiene una, consulte con la clínica.",
		"apptsNext":                 "Su próxima cita es el %s. Pulse un botón abajo para confirmarla, cancelarla o pedir otra fecha.",
		"apptsNextConfirmed":        "Su próxima cita es el %s. Para cancelarla o pedir otra fecha, pulse un botón abajo.",
		"apptsList":                 "Sus próximas citas:",
		"apptsMore":                 "…y %d más.",
		"apptsAt":                   " en %s",
		"apptsConfirmed":            " (ya la confirmó)",
		"apptsDayYes":               "Sí, tiene una cita el %s. Pulse un botón abajo para confirmarla, cancelarla o pedir otra fecha.",
		"apptsDayYesConfirmed":      "Sí, tiene una cita el %s. Para cancelarla o pedir otra fecha, pulse un botón abajo.",
		"apptsDayList":              "Sí, ese día tiene estas citas:",
		"apptsDayNone":              "No tengo ninguna cita registrada para usted %s. Su próxima cita es el %s. No todas las citas me llegan; si cree que tiene una, consulte con la clínica.",
		"apptsDay0":                 "hoy",
		"apptsDay1":                 "mañana",
		"apptsOnDay":                "el %s",
	},
}

// sayAnswer formats the reply key of answerTexts in lang.
func sayAnswer(lang, key string, args ...any) string {
	t, ok := answerTexts[baseLang(lang)][key]
	if !ok {
		t = answerTexts[langEN][key]
	}
	return fmt.Sprintf(t, args...)
}
