package reminders_test

import (
	"context"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/reminders"
)

// TestPatientsRemindWhen: what QA found quietly dropped (dates, repeats)
// is honoured, the words about when leave the reminder's text, and what
// carebot cannot read is asked again, never made into another reminder.
func TestPatientsRemindWhen(t *testing.T) {
	const unclear = `I couldn't tell when. Try "remind me to call the clinic on 12/1 at 3pm", ` +
		`"remind me to take my meds every weekday at 8am" or "remind me to stretch every monday and thursday at 6pm".`
	const noEntiendo = `No entendí cuándo. Pruebe "recuérdame llamar a la clínica el 1/12 a las 3", ` +
		`"recuérdame tomar mis pastillas de lunes a viernes a las 8" o "recuérdame caminar los lunes y jueves a las 6 de la tarde".`
	const far = "I can only set reminders up to two years ahead."
	tests := []struct{ lang, text, want string }{
		{"en", "remind me to call mom on 12/1 at 3pm", "OK, I'll remind you on Tuesday, December 1 at 3:00 PM: call mom"},
		{"en", "remind me to call mom on 12/01/2026 at 3pm", "OK, I'll remind you on Tuesday, December 1 at 3:00 PM: call mom"},
		{"en", "remind me to call mom on the 1st", "OK, I'll remind you on Tuesday, December 1 at 9:00 AM: call mom"},
		{"en", "remind me on the 1st at 3pm to call mom", "OK, I'll remind you on Tuesday, December 1 at 3:00 PM: call mom"},
		{"en", "remind me to take my pills every night at 10pm", "OK, I'll remind you every day at 10:00 PM: take your pills"},
		{"en", "remind me to take my pills every weekday at 7am", "OK, I'll remind you every weekday at 7:00 AM: take your pills"},
		{"en", "remind me to take my pills every other day at 10am", "OK, I'll remind you every other day at 10:00 AM: take your pills"},
		{"en", "remind me to stretch every other day at 8am", "OK, I'll remind you every other day at 8:00 AM, starting Friday, November 27: stretch"},
		{"en", "remind me to walk every monday and thursday", "OK, I'll remind you every Monday and Thursday at 9:00 AM: walk"},
		{"en", "remind me to walk mondays and thursdays at 6pm", "OK, I'll remind you every Monday and Thursday at 6:00 PM: walk"},
		{"en", "remind me every other monday at 9 to weigh myself", "OK, I'll remind you every other Monday at 9:00 AM, starting Monday, November 30: weigh yourself"},
		{"en", "remind me to take my meds twice a day at 8am and 8pm", "OK, I'll remind you every day at 8:00 AM and 8:00 PM: take your meds"},
		{"en", "remind me to pay rent on the 1st of every month", "OK, I'll remind you on the 1st of every month at 9:00 AM: pay rent"},
		{"en", "remind me to take my antibiotics every day at 8am for 10 days", "OK, I'll remind you every day at 8:00 AM, until Sunday, December 6: take your antibiotics"},
		{"en", "remind me to take my meds every day at 8am starting monday", "OK, I'll remind you every day at 8:00 AM, starting Monday, November 30: take your meds"},
		{"en", "remind me to call mom tomorrow night", "OK, I'll remind you on Friday, November 27 at 8:00 PM: call mom"},
		// QA: a time that names a thing ("my 8pm pill") is not when.
		{"en", "remind me to take my 8pm pill at 7:45pm", "OK, I'll remind you on Thursday, November 26 at 7:45 PM: take your 8pm pill"},
		{"en", "remind me at 7:45pm to take my 8 pm pill", "OK, I'll remind you on Thursday, November 26 at 7:45 PM: take your 8 pm pill"},
		// And in Spanish, "de las 8" after a noun, when another time follows;
		// with none it is the time.
		{"es", "recuérdame tomar mi pastilla de las 8 a las 7:45", "Listo, le recordaré el jueves 26 de noviembre a las 19:45: tomar su pastilla de las 8"},
		{"es", "recuérdame tomar la pastilla de las 8:30 mañana a las 8", "Listo, le recordaré el viernes 27 de noviembre a las 08:00: tomar la pastilla de las 8:30"},
		{"es", "recuérdame tomar mi pastilla de las 8", "Listo, le recordaré el viernes 27 de noviembre a las 08:00: tomar su pastilla"},
		// An appointment whose own time is in the text: the time read is
		// the reminder's, not the visit's.
		{"es", "recuérdame mi cita de las 3 el viernes a las 10", "Listo, le recordaré el viernes 27 de noviembre a las 10:00: su cita de las 3"},
		{"en", "remind me of my 3pm appointment on friday at 10am", "OK, I'll remind you on Friday, November 27 at 10:00 AM: your 3pm appointment"},
		{"es", "recuérdame tomar mis pastillas de lunes a viernes a las 7", "Listo, le recordaré de lunes a viernes a las 19:00: tomar sus pastillas"},
		{"es", "recuérdame tomar mis pastillas de lunes a viernes a las 7 de la mañana", "Listo, le recordaré de lunes a viernes a las 07:00: tomar sus pastillas"},
		{"es", "recuérdame llamar a mi mamá el 1/12 a las 3", "Listo, le recordaré el martes 1 de diciembre a las 15:00: llamar a su mamá"},
		{"es", "recuérdame tomar la pastilla todas las noches a las 10", "Listo, le recordaré todos los días a las 22:00: tomar la pastilla"},
		{"es", "recuérdame caminar los lunes y jueves a las 6 de la tarde", "Listo, le recordaré cada lunes y jueves a las 18:00: caminar"},
		{"es", "recuérdame tomar mis pastillas cada dos días a las 10", "Listo, le recordaré cada dos días a las 10:00: tomar sus pastillas"},
		{"es", "recuérdame tomar la pastilla dos veces al día a las 8 y a las 20", "Listo, le recordaré todos los días a las 08:00 y 20:00: tomar la pastilla"},
		// More than 300 days ahead the year is said too.
		{"en", "remind me to call mom on dec 1 2027 at 3pm", "OK, I'll remind you on Wednesday, December 1, 2027 at 3:00 PM: call mom"},
		{"es", "recuérdame llamar a mamá el 1 de diciembre de 2027 a las 3", "Listo, le recordaré el miércoles 1 de diciembre de 2027 a las 15:00: llamar a mamá"},
		{"en", "remind me to call mom on jan 5 at 9am", "OK, I'll remind you on Tuesday, January 5 at 9:00 AM: call mom"},
		// So is the day a repeating reminder starts or ends.
		{"en", "remind me to take my meds every day at 8am until dec 1 2027", "OK, I'll remind you every day at 8:00 AM, until Wednesday, December 1, 2027: take your meds"},
		{"en", "remind me to take my meds every day at 8am starting dec 1 2027", "OK, I'll remind you every day at 8:00 AM, starting Wednesday, December 1, 2027: take your meds"},
		{"en", "remind me about my appointment on dec 1 2027 at 3pm",
			"OK, I'll remind you of your appointment (Wednesday, December 1, 2027 at 3:00 PM) on Tuesday, November 30, 2027 at 3:00 PM and on Wednesday, December 1, 2027 at 1:00 PM."},
		{"es", "recuérdame mi cita el 1 de diciembre de 2027 a las 3",
			"Listo, le recordaré su cita (miércoles 1 de diciembre de 2027 a las 15:00) el martes 30 de noviembre de 2027 a las 15:00 y el miércoles 1 de diciembre de 2027 a las 13:00."},
		{"en", "remind me to take my meds every day at 8am until sep 1 2027", "OK, I'll remind you every day at 8:00 AM, until Wednesday, September 1: take your meds"},
		{"es", "recuérdame tomar mis pastillas todos los días a las 8 hasta el 1 de diciembre de 2027", "Listo, le recordaré todos los días a las 08:00, hasta el miércoles 1 de diciembre de 2027: tomar sus pastillas"},
		{"es", "recuérdame tomar mis pastillas todos los días a las 8 a partir del 1 de diciembre de 2027", "Listo, le recordaré todos los días a las 08:00, a partir del miércoles 1 de diciembre de 2027: tomar sus pastillas"},
		{"es", "recuérdame tomar la pastilla mañana al mediodía", "Listo, le recordaré el viernes 27 de noviembre a las 12:00: tomar la pastilla"},
		// Words about when that were not understood: ask, never guess.
		{"en", "remind me to take my pills every 8 hours starting at 8am", unclear},
		{"en", "remind me to take my meds daily except sundays at 8", unclear},
		// QA: a mistyped year left the date in the text, and the time was
		// tomorrow's.
		{"en", "remind me on 1/1/20277 at 9am", unclear},
		{"es", "recuérdame el 1/12/20277 a las 9 llamar a mi mamá", noEntiendo},
		{"en", "remind me to call mom tomorrow at 8am and 8pm", "OK, I'll remind you on Friday, November 27 at 8:00 AM and 8:00 PM: call mom"},
		{"en", "remind me to call mom every 2nd tuesday at 3pm", unclear},
		{"en", "remind me to call mom next week at 3pm", unclear},
		{"en", "remind me to call mom in december at 3pm", unclear},
		{"en", "remind me to refill my prescription at the end of the month at 9am", unclear},
		{"en", "remind me to take my meds twice a day", unclear},
		{"en", "remind me to take my meds every day at 8am and 8:30pm", "OK, I'll remind you every day at 8:00 AM and 8:30 PM: take your meds"},
		{"en", "remind me to take my meds three times a day at 9pm, 8am and 2:30pm", "OK, I'll remind you every day at 8:00 AM, 2:30 PM and 9:00 PM: take your meds"},
		{"en", "remind me to call mom at 8am and 8pm", "OK, I'll remind you on Thursday, November 26 at 8:00 PM and on Friday, November 27 at 8:00 AM: call mom"},
		{"es", "recuérdame tomar la pastilla todos los días a las 8 y a las 20:30", "Listo, le recordaré todos los días a las 08:00 y 20:30: tomar la pastilla"},
		{"en", "remind me to take my meds every day at 8 am and 8 pm", "OK, I'll remind you every day at 8:00 AM and 8:00 PM: take your meds"},
		{"en", "remind me to take my meds twice a day at 8 am and 8 pm", "OK, I'll remind you every day at 8:00 AM and 8:00 PM: take your meds"},
		{"en", "remind me to take my meds tomorrow at 9 am and 5:30 pm", "OK, I'll remind you on Friday, November 27 at 9:00 AM and 5:30 PM: take your meds"},
		{"en", "remind me to take my meds every day at 8 in the morning and 8:30 at night", "OK, I'll remind you every day at 8:00 AM and 8:30 PM: take your meds"},
		{"es", "recuérdame tomar mis pastillas todos los días a las 8 de la mañana y a las 8:30 de la noche", "Listo, le recordaré todos los días a las 08:00 y 20:30: tomar sus pastillas"},
		{"es", "recuérdame tomar mis pastillas todos los días a las 8 am y 8 pm", "Listo, le recordaré todos los días a las 08:00 y 20:00: tomar sus pastillas"},
		{"es", "recuérdame tomar la pastilla de la noche y la de la mañana a las 8", "Listo, le recordaré el viernes 27 de noviembre a las 08:00: tomar la pastilla de la noche y la de la mañana"},
		{"en", "remind me about my appointment tomorrow at 9 and 10", unclear},
		{"en", "remind me at 5 to call mom tomorrow", unclear},
		{"en", "remind me to stretch every hour", unclear},
		{"en", "remind me to call mom on 13/13 at 3pm", unclear},
		{"en", "remind me to call mom on christmas at 3pm", unclear},
		{"en", "remind me to call mom on 12-1 at 3pm", unclear},
		{"en", "remind me to pay rent on the 1st and 15th at 9", unclear},
		{"en", "remind me to call mom 1 week from now at 3pm", unclear},
		{"en", "remind me to call mom monday and thursday at 3", unclear},
		{"en", "remind me to take my pills every time I eat at 8am", unclear},
		{"en", "remind me to call grandma every christmas at 10am", unclear},
		{"es", "recuérdame llamar a mamá la próxima semana a las 3", noEntiendo},
		{"es", "recuérdame caminar cada tercer día a las 9", noEntiendo},
		{"es", "recuérdame llamar a mamá a fin de mes a las 9", noEntiendo},
		{"es", "recuérdame llamar a mamá en diciembre a las 9", noEntiendo},
		{"es", "recuérdame tomar mis pastillas cada 8 horas", noEntiendo},
		{"es", "recuérdame tomar mis pastillas a diario menos los domingos a las 8", noEntiendo},
		// A length in parts, or with a decimal; words about it that were not
		// read are never the reminder's text.
		{"en", "remind me in 1 hour and 30 minutes to stretch", "OK, I'll remind you on Thursday, November 26 at 10:20 AM: stretch"},
		{"en", "remind me in 2 hours 30 minutes to stretch", "OK, I'll remind you on Thursday, November 26 at 11:20 AM: stretch"},
		{"en", "remind me in 1.5 hours to stretch", "OK, I'll remind you on Thursday, November 26 at 10:20 AM: stretch"},
		{"en", "remind me to stretch in 1 hour and 30 minutes", "OK, I'll remind you on Thursday, November 26 at 10:20 AM: stretch"},
		{"es", "recuérdame en 2 horas y 15 minutos estirar", "Listo, le recordaré el jueves 26 de noviembre a las 11:05: estirar"},
		{"es", "recuérdame en una hora y media estirar", "Listo, le recordaré el jueves 26 de noviembre a las 10:20: estirar"},
		// A decimal comma, as Spanish speakers write it, before a unit;
		// elsewhere a comma separates, and a list is not a decimal.
		{"es", "recuérdame en 1,5 horas estirar", "Listo, le recordaré el jueves 26 de noviembre a las 10:20: estirar"},
		{"es", "recuérdame estirar en 1,5 horas", "Listo, le recordaré el jueves 26 de noviembre a las 10:20: estirar"},
		{"en", "remind me in 1,5 hours to stretch", "OK, I'll remind you on Thursday, November 26 at 10:20 AM: stretch"},
		{"en", "remind me in 1,5h to stretch", "OK, I'll remind you on Thursday, November 26 at 10:20 AM: stretch"},
		{"es", "recuérdame tomar la pastilla a la 1,5 y 7", noEntiendo},
		// After "a las", "a la" or "at", a comma between an hour and two
		// digits is the minutes.
		{"es", "recuérdame a las 8,30 estirar", "Listo, le recordaré el viernes 27 de noviembre a las 08:30: estirar"},
		{"es", "recuérdame estirar a las 20,15", "Listo, le recordaré el jueves 26 de noviembre a las 20:15: estirar"},
		{"es", "recuérdame tomar la pastilla a la 1,30", "Listo, le recordaré el jueves 26 de noviembre a las 13:30: tomar la pastilla"},
		{"en", "remind me at 8,30 to stretch", "OK, I'll remind you on Friday, November 27 at 8:30 AM: stretch"},
		{"en", "remind me to stretch at 8,30pm", "OK, I'll remind you on Thursday, November 26 at 8:30 PM: stretch"},
		{"es", "recuérdame estirar a las 8,30,45", noEntiendo},
		{"es", "recuérdame tomar la pastilla a las 8,12 y 20", noEntiendo},
		{"en", "remind me to take my pill at 8,12 and 8pm", unclear},
		{"es", "recuérdame estirar a las 8,30 y a las 20,15", "Listo, le recordaré el jueves 26 de noviembre a las 20:15 y el viernes 27 de noviembre a las 08:30: estirar"},
		{"en", "remind me to call mom in 1,2,3 hours", unclear},
		{"en", "remind me to call mom in 1,000 days", unclear},
		{"en", "remind me in 1 hour and 30 seconds to stretch", unclear},
		{"en", "remind me in 2 hours and 3 days to stretch", unclear},
		{"en", "remind me in 2 hours 30 seconds to stretch", unclear},
		{"en", "remind me to check in 3 months at 5pm", unclear},
		{"en", "remind me to call mom in 3 years", far},
		{"en", "remind me to call mom on dec 1 2030 at 3pm", far},
		{"en", "remind me to call mom on 12/1/2030 at 3pm", far},
		{"en", "remind me to call mom on 2030-12-01", far},
		{"es", "recuérdame llamar a mamá el 1 de diciembre de 2030 a las 3", "Solo puedo poner recordatorios con hasta dos años de antelación."},
		{"en", "remind me to call mom on dec 1 2020 at 3pm", "That time has already passed. When should I remind you?"},
		{"en", "remind me to call mom every year on dec 3 2030", far},
		// A date the calendar does not have is said to be none.
		{"en", "remind me to call mom on 2/29", "There's no February 29 in 2027. Which day did you mean?"},
		{"en", "remind me to call mom on feb 29 at 3pm", "There's no February 29 in 2027. Which day did you mean?"},
		{"en", "remind me to call mom on 2/29/2027", "There's no February 29 in 2027. Which day did you mean?"},
		{"en", "remind me to call mom on feb 29 2028 at 3pm", "OK, I'll remind you on Tuesday, February 29, 2028 at 3:00 PM: call mom"},
		{"en", "remind me to call mom on feb 30", "There's no February 30. Which day did you mean?"},
		{"en", "remind me to call mom on the 31st of november", "There's no November 31. Which day did you mean?"},
		{"en", "remind me to call mom every day until april 31", "There's no April 31. Which day did you mean?"},
		{"es", "recuérdame llamar a mamá el 29 de febrero", "No hay 29 de febrero en 2027. ¿Qué día quiso decir?"},
		{"es", "recuérdame llamar a mamá el 30 de febrero", "No existe el 30 de febrero. ¿Qué día quiso decir?"},
		// Words that only look like times stay in the text.
		{"en", "remind me to take 1/2 tablet at 9pm", "OK, I'll remind you on Thursday, November 26 at 9:00 PM: take 1/2 tablet"},
		{"en", "remind me to take my morning pills at 9", "OK, I'll remind you on Thursday, November 26 at 9:00 AM: take your morning pills"},
		{"en", "remind me to check every door at 10pm", "OK, I'll remind you on Thursday, November 26 at 10:00 PM: check every door"},
		{"en", "remind me to take 2-3 pills at 9pm", "OK, I'll remind you on Thursday, November 26 at 9:00 PM: take 2-3 pills"},
		{"en", "remind me to call the office on the 2nd floor at 3pm", "OK, I'll remind you on Thursday, November 26 at 3:00 PM: call the office on the 2nd floor"},
		{"en", "remind me to call about the January bill friday at 10", "OK, I'll remind you on Friday, November 27 at 10:00 AM: call about the January bill"},
		{"es", "recuérdame tomar la pastilla de la mañana a las 9", "Listo, le recordaré el jueves 26 de noviembre a las 09:00: tomar la pastilla de la mañana"},
	}
	for _, tt := range tests {
		h := newHarness(qaNow)
		c := newChat(t, h, "America/Chicago", tt.lang)
		if got := c.say(tt.text); got != tt.want {
			t.Errorf("%q:\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

// TestPatientsRemindSaysItBack: the reminder is said back to the patient,
// in the bot's voice and its usted.
func TestPatientsRemindSaysItBack(t *testing.T) {
	tests := []struct{ text, want string }{
		{"remind me to take my meds at 5pm", "take your meds"},
		{"remind me that I need to call my doctor at 5pm", "you need to call your doctor"},
		{"remind me that I am seeing Ana at 5pm", "you are seeing Ana"},
		{"remind me to ask Ana to call me at 5pm", "ask Ana to call you"},
		{"remind me I'm out of my inhaler at 5pm", "you're out of your inhaler"},
		{"remind me My son needs his shot at 5pm", "Your son needs his shot"},
		{"remind me to bring MY CARD at 5pm", "bring YOUR CARD"},
		{"remind me to pick up mine at 5pm", "pick up yours"},
		{"recuérdame llamar a mi mamá a las 5", "llamar a su mamá"},
		{"recuérdame que me tome mis pastillas a las 5", "me tome sus pastillas"},
		{"remind me at 5pm", "your reminder"},
		{"recuérdame a las 5", "su recordatorio"},
		// A comma between numbers stays as typed.
		{"remind me to take 1,5 tablets at 8pm", "take 1,5 tablets"},
		{"recuérdame tomar 1,5 pastillas a las 8", "tomar 1,5 pastillas"},
		{"remind me to take 1,000 mg of vitamin C at 8pm", "take 1,000 mg of vitamin C"},
		{"remind me to take pills 1,2 and 3 at 8pm", "take pills 1,2 and 3"},
	}
	for _, tt := range tests {
		h := newHarness(qaNow)
		c := newChat(t, h, "America/Chicago", "en")
		got := c.say(tt.text)
		if _, text, _ := strings.Cut(got, ": "); text != tt.want {
			t.Errorf("%q: got %q, want the text %q", tt.text, got, tt.want)
		}
	}
}

// TestPatientsRepeatsAreSent: a weekday reminder comes on weekdays only,
// at its time, and goes on.
func TestPatientsRepeatsAreSent(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		chi := mustZone(t, "America/Chicago")
		h := newHarness(qaNow)
		c := newChat(t, h, "America/Chicago", "en")
		c.expect("remind me to take my pills every weekday at 7am", "every weekday at 7:00 AM")
		c.expect("remind me to call mom twice a day at 8am and 8pm until saturday", "every day at 8:00 AM and 8:00 PM, until Saturday, November 28")
		stop := h.start(t)
		defer stop()
		h.runUntil(time.Date(2026, 12, 2, 12, 0, 0, 0, chi))
		var got []string
		for _, s := range h.sender.all() {
			got = append(got, s.At.In(chi).Format("Mon 15:04 ")+strings.TrimPrefix(s.Text, "⏰ Reminder: "))
		}
		want := []string{
			"Thu 20:00 call mom",
			"Fri 07:00 take your pills", "Fri 08:00 call mom", "Fri 20:00 call mom",
			"Sat 08:00 call mom", "Sat 20:00 call mom",
			"Mon 07:00 take your pills", "Tue 07:00 take your pills", "Wed 07:00 take your pills",
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("sent\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if n := h.store.Pending(); n != 1 {
			t.Errorf("%d reminders pending, want 1: the weekday one goes on, the other ended", n)
		}
	})
}

// TestPatientsZoneNames: a zone is named as a patient knows it.
func TestPatientsZoneNames(t *testing.T) {
	for _, tt := range []struct{ zone, lang, want string }{
		{"Etc/UTC", "en", "You're on UTC time."},
		{"UTC", "es", "Uso la hora de UTC."},
		{"Etc/GMT+5", "en", "You're on UTC-5 time."},
		{"Etc/GMT-10", "en", "You're on UTC+10 time."},
		{"America/Argentina/Buenos_Aires", "en", "You're on Buenos Aires time."},
		{"America/New_York", "es", "Uso la hora de Nueva York."},
		{"Australia/Lord_Howe", "en", "You're on Lord Howe time."},
	} {
		h := newHarness(qaNow)
		c := newChat(t, h, tt.zone, tt.lang)
		c.expect("what's my time zone", tt.want)
	}
}

// TestPatientsReplyWording: one reminder is "it", counts are singular or
// plural, and a zone is named as a patient knows it.
func TestPatientsReplyWording(t *testing.T) {
	h := newHarness(qaNow)
	c := newChat(t, h, "", "en")
	c.p.Zone = mustZone(t, "Etc/UTC")
	c.expect("remind me to stretch at 5pm", "at 5:00 PM: stretch (I used UTC time.")
	c.expect("what's my time zone", "You're on UTC time.")
	c.expect("list my reminders", "1. Thursday, November 26 at 5:00 PM: stretch\nTo remove it, say \"delete reminder 1\".")
	c.expect("mis recordatorios", "Para quitarlo, diga \"borrar recordatorio 1\".")
	c.expect("pause my reminders until tomorrow", "The one-time reminder in that time will come then.")
	c.say("remind me to drink water at 6pm")
	c.expect("list my reminders", "To remove one, say \"delete reminder\" and its number.")
	c.expect("resume", "back on")
	c.expect("pausar recordatorios hasta mañana", " 2 recordatorios de una sola vez en ese tiempo llegarán entonces.")
	c.expect("delete all my reminders", "Deleted all your reminders (2).")
	c.say("remind me to drink water at 6pm")
	c.expect("borrar todos mis recordatorios", "Borré su recordatorio.")
	c.expect("delete all my reminders", "You had no reminders to delete.")
	c.expect("mi zona horaria es Nueva York", "usaré la hora de Nueva York")
	var n int
	h.store.Items(context.Background(), "", func(carebot.OutboxItem) error { n++; return nil })
	if n != 0 {
		t.Errorf("%d items left after deleting all", n)
	}
}

// TestPatientsListRepeats: the list says each rule as made, and rules
// stored before carebot read repeats (a DTSTART with the time, no BYHOUR)
// or that it did not make read sensibly too.
func TestPatientsListRepeats(t *testing.T) {
	ctx := context.Background()
	h := newHarness(qaNow)
	c := newChat(t, h, "America/Chicago", "en")
	chi := mustZone(t, "America/Chicago")
	for _, s := range []string{
		"remind me to weigh in every other monday at 9",
		"remind me to pay rent on the 1st of every month",
		"remind me to renew every year on dec 3",
		"remind me to water plants every 3 days at 6pm",
		"remind me to walk every 3 weeks on tuesday and saturday at 8am",
		"remind me to take antibiotics every weekday at 7am until dec 15",
		"remind me to stretch every day at 7pm until dec 1 2027",
	} {
		c.say(s)
	}
	old := func(id, rule string, wall time.Time) carebot.OutboxItem {
		return carebot.OutboxItem{ID: reminders.PatientPrefix(nil, c.u) + id, Kind: carebot.KindPatient, User: c.u, Asked: true, Text: id,
			Rule: rule, Wall: wall, Due: reminders.Resolve(wall, chi), Created: qaNow.Add(-48 * time.Hour)}
	}
	h.store.Schedule(ctx,
		old("old-daily", "DTSTART:20261120T083000\nRRULE:FREQ=DAILY", time.Date(2026, 11, 27, 8, 30, 0, 0, time.UTC)),
		old("old-weekly", "DTSTART:20261120T170000\nRRULE:FREQ=WEEKLY;BYDAY=FR", time.Date(2026, 11, 27, 17, 0, 0, 0, time.UTC)),
		old("staff-style", "FREQ=MONTHLY;BYDAY=1TU;BYHOUR=10", time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)))
	for _, want := range []string{
		". every other Monday at 9:00 AM, starting Monday, November 30: weigh in",
		". on the 1st of every month at 9:00 AM: pay rent",
		". every year on December 3 at 9:00 AM: renew",
		". every 3 days at 6:00 PM (next: Thursday, November 26): water plants",
		". every 3 weeks on Tuesday and Saturday at 8:00 AM, starting Saturday, November 28: walk",
		". every weekday at 7:00 AM, until Tuesday, December 15: take antibiotics",
		". every day at 7:00 PM, until Wednesday, December 1, 2027: stretch",
		". every day at 8:30 AM: old-daily",
		". every Friday at 5:00 PM: old-weekly",
		". repeating (next: Tuesday, December 1 at 10:00 AM): staff-style",
	} {
		c.expect("list my reminders", want)
	}
	for _, want := range []string{
		". cada dos semanas, el lunes a las 09:00, a partir del lunes 30 de noviembre: weigh in",
		". el día 1 de cada mes a las 09:00: pay rent",
		". cada año el 3 de diciembre a las 09:00: renew",
		". cada 3 días a las 18:00 (el próximo: jueves 26 de noviembre): water plants",
		". cada 3 semanas: martes y sábado a las 08:00, a partir del sábado 28 de noviembre: walk",
		". de lunes a viernes a las 07:00, hasta el martes 15 de diciembre: take antibiotics",
		". todos los días a las 19:00, hasta el miércoles 1 de diciembre de 2027: stretch",
		". periódicamente (el próximo: martes 1 de diciembre a las 10:00): staff-style",
	} {
		c.expect("mis recordatorios", want)
	}
}

// TestPatientsRemindOpeners: a request for a reminder is one however it
// opens ("can you", "please", "hey", "I need a reminder", "reminder:",
// "por favor", "¿me puedes"), and a question about reminders that says
// nothing of when is left to the FAQ ("").
func TestPatientsRemindOpeners(t *testing.T) {
	const when = `When should I remind you?`
	tests := []struct{ text, want string }{
		{"can you remind me to call the pharmacy tomorrow at noon", "OK, I'll remind you on Friday, November 27 at 12:00 PM: call the pharmacy"},
		{"please remind me tonight at 9 to take my pill", "OK, I'll remind you on Thursday, November 26 at 9:00 PM: take your pill"},
		{"hey remind me to call mom at 5pm", "OK, I'll remind you on Thursday, November 26 at 5:00 PM: call mom"},
		{"could you remind me to call mom at 5pm", "OK, I'll remind you on Thursday, November 26 at 5:00 PM: call mom"},
		{"hey, can you please remind me to stretch in 20 minutes", "OK, I'll remind you on Thursday, November 26 at 9:10 AM: stretch"},
		{"I need a reminder for my appointment on December 3rd at 2pm",
			"OK, I'll remind you of your appointment (Thursday, December 3 at 2:00 PM) on Wednesday, December 2 at 2:00 PM and on Thursday, December 3 at 12:00 PM."},
		{"set a reminder to call mom at 5pm", "OK, I'll remind you on Thursday, November 26 at 5:00 PM: call mom"},
		{"reminder: call mom at 5pm", "OK, I'll remind you on Thursday, November 26 at 5:00 PM: call mom"},
		{"por favor recuérdame tomar la pastilla mañana a las 9", "Listo, le recordaré el viernes 27 de noviembre a las 09:00: tomar la pastilla"},
		{"¿me puedes recordar mi cita el viernes a las 3?",
			"Listo, le recordaré su cita (viernes 27 de noviembre a las 15:00) el jueves 26 de noviembre a las 15:00 y el viernes 27 de noviembre a las 13:00."},
		{"¿me recuerdas mañana a las 9 llamar a mamá?", "Listo, le recordaré el viernes 27 de noviembre a las 09:00: llamar a mamá"},
		{"quiero que me recuerdes llamar a mamá mañana a las 9", "Listo, le recordaré el viernes 27 de noviembre a las 09:00: llamar a mamá"},
		// A request with no time asks when; a question about reminders
		// is the FAQ's.
		{"can you remind me to take my meds?", when},
		{"please remind me to take my meds", when},
		{"remind me of my appointments", "When is your appointment?"},
		{"can you remind me of my appointments?", ""},
		{"will you remind me about my appointment?", ""},
		{"can you remind me?", ""},
		{"can you set a reminder?", ""},
		{"I need a reminder of what to bring to my appointment", ""},
		{"¿me puedes recordar mi cita?", ""},
		{"how do reminders work?", ""},
		{"can you send me reminders?", ""},
		{"I want reminders", ""},
		{"can you remind me what time you open?", ""},
		{"¿me puedes recordar cuál es su horario?", ""},
		// The managing commands after a polite opener.
		{"please list my reminders", "You have no reminders."},
		{"can you pause my reminders until monday", "Your reminders are paused until Monday, November 30 at 9:00 AM."},
	}
	for _, tt := range tests {
		h := newHarness(qaNow)
		c := newChat(t, h, "America/Chicago", "en")
		got := c.say(tt.text)
		if tt.want == "" && got != "" || !strings.HasPrefix(got, tt.want) {
			t.Errorf("%q:\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

// QA: after ENGLISH, "recuérdame a las 9 de la noche tomar mis pastillas"
// was confirmed in Spanish. A language the patient chose stays theirs for
// the reminders too, as it does for the FAQ.
func TestPatientsChosenLanguageStays(t *testing.T) {
	h := newHarness(wed10(t))
	c := newChat(t, h, "America/New_York", "en")
	u, _ := h.people.User(context.Background(), c.u)
	u.LangChosen = true
	h.people.Add(u, h.clock.Now().Add(-24*time.Hour))
	c.expect("recuérdame a las 9 de la noche tomar mis pastillas", "OK, I'll remind you")
	c.expect("mis recordatorios", "Your reminders:")
}

// TestPatientsAskWhenTheAppointmentIs: a reminder of an appointment
// without a time asks when the appointment is, since the time said next
// is read as the visit's, reminded a day and two hours before (QA: asked
// "When should I remind you?", the answer "friday at 10" made a visit at
// 10:00 reminded at 8:00).
func TestPatientsAskWhenTheAppointmentIs(t *testing.T) {
	h := newHarness(wed10(t))
	c := newChat(t, h, "America/New_York", "en")
	c.expect("remind me about my appointment", "When is your appointment?", "a day before and two hours before")
	c.expect("friday at 10am", "OK, I'll remind you of your appointment (Friday, November 27 at 10:00 AM) on Thursday, November 26 at 10:00 AM and on Friday, November 27 at 8:00 AM.")
	c.expect("recuérdame mi cita", "¿Cuándo es su cita?")
	c.expect("el viernes a las 3", "Listo, le recordaré su cita (viernes 27 de noviembre a las 15:00) el jueves 26 de noviembre a las 15:00 y el viernes 27 de noviembre a las 13:00.")
}
