package reminders

import (
	"fmt"
	"strings"
	"time"

	"github.com/carebot/carebot"
)

// The languages replies are written in. Anything else gets English.
const (
	langEN = "en"
	langES = "es"
)

// baseLang reduces a language tag to one carebot writes ("es-MX" -> "es").
func baseLang(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	if tag == langES {
		return langES
	}
	return langEN
}

var (
	weekdaysES = [...]string{"domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"}
	monthsES   = [...]string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"}
)

// formatWhen writes an instant as a patient reads it, on their clock:
// "Friday, December 4 at 3:00 PM" or "viernes 4 de diciembre a las 15:00".
func formatWhen(lang string, t time.Time, loc *time.Location) string {
	return formatWhenFrom(lang, t, loc, time.Time{})
}

// farAhead is how far ahead of when it is said a time is said with its
// year: "jan 5" in November is plainly next year's, "dec 1 2027" is not.
const farAhead = 300 * 24 * time.Hour

// sayYear reports whether t, said at now, is said with its year: when it
// is more than farAhead after now. A zero now never says it. t and now
// are both instants or both floating.
func sayYear(t, now time.Time) bool {
	return !now.IsZero() && t.Sub(now) > farAhead
}

// formatWhenFrom is formatWhen said at now, with the year when t is far
// ahead of now (sayYear): "Wednesday, December 1, 2027 at 3:00 PM",
// "miércoles 1 de diciembre de 2027 a las 15:00".
func formatWhenFrom(lang string, t time.Time, loc *time.Location, now time.Time) string {
	day := dayNameYear(lang, t.In(loc), sayYear(t, now))
	if baseLang(lang) == langES {
		return day + " a las " + formatClock(lang, t, loc)
	}
	return day + " at " + formatClock(lang, t, loc)
}

// formatDue is formatWhen for a reminder's own time, said as at the time
// it was made: with the year when it comes more than farAhead after that.
func formatDue(lang string, it carebot.OutboxItem, loc *time.Location) string {
	return formatWhenFrom(lang, it.Due, loc, it.Created)
}

// formatClock writes the time of day only: "8:00 AM" or "08:00".
func formatClock(lang string, t time.Time, loc *time.Location) string {
	if baseLang(lang) == langES {
		return t.In(loc).Format("15:04")
	}
	return t.In(loc).Format("3:04 PM")
}

// Button payloads the adapters hand back in Message.Payload.
const (
	payloadConfirm    = "appt:c:"
	payloadCancel     = "appt:x:"
	payloadReschedule = "appt:r:"
	payloadSnooze     = "rem:snooze:"
)

// maxPayload is what every platform carries back (Telegram's
// callback_data is 64 bytes); a longer appointment ID is left out of the
// payload, and the answer then applies to the next appointment.
const maxPayload = 64

func apptPayload(prefix, id string) string {
	if len(prefix)+len(id) > maxPayload {
		return prefix
	}
	return prefix + id
}

// appointmentReminder says the minimum: who, when, where, how to answer
// and how to reach the clinic. Never why the patient is coming.
func appointmentReminder(lang string, c Clinic, a carebot.Appointment, loc *time.Location) carebot.Reply {
	when := formatWhen(lang, a.At, loc)
	var b strings.Builder
	if baseLang(lang) == langES {
		if c.Name != "" {
			b.WriteString(c.Name + ": ")
		}
		fmt.Fprintf(&b, "le recordamos su cita el %s", when)
		if a.Location != "" {
			fmt.Fprintf(&b, " en %s", a.Location)
		}
		b.WriteString(". Responda C para confirmar, X para cancelar o R para pedir otra fecha.")
		if c.Phone != "" {
			fmt.Fprintf(&b, " Para contactarnos: llame al %s.", c.Phone)
		}
		return carebot.Reply{Text: b.String(), Buttons: apptButtons(lang, a)}
	}
	if c.Name != "" {
		b.WriteString(c.Name + ": ")
	}
	fmt.Fprintf(&b, "a reminder of your appointment on %s", when)
	if a.Location != "" {
		fmt.Fprintf(&b, " at %s", a.Location)
	}
	b.WriteString(". Reply C to confirm, X to cancel or R to ask for another time.")
	if c.Phone != "" {
		fmt.Fprintf(&b, " To reach us: call %s.", c.Phone)
	}
	return carebot.Reply{Text: b.String(), Buttons: apptButtons(lang, a)}
}

// apptButtons are the answers to an appointment, as buttons naming it.
func apptButtons(lang string, a carebot.Appointment) []carebot.Button {
	if baseLang(lang) == langES {
		return []carebot.Button{
			{Label: "Confirmar", Payload: apptPayload(payloadConfirm, a.ID)},
			{Label: "Cancelar", Payload: apptPayload(payloadCancel, a.ID)},
			{Label: "Cambiar fecha", Payload: apptPayload(payloadReschedule, a.ID)},
		}
	}
	return []carebot.Button{
		{Label: "Confirm", Payload: apptPayload(payloadConfirm, a.ID)},
		{Label: "Cancel", Payload: apptPayload(payloadCancel, a.ID)},
		{Label: "Reschedule", Payload: apptPayload(payloadReschedule, a.ID)},
	}
}

// patientReminder is reminder id, which the patient asked for, with a way
// to snooze it: the button names it by its own part of its ID (the part
// after the patient's prefix), so that it snoozes this reminder and not
// whichever came last.
func patientReminder(lang, text, id string) carebot.Reply {
	payload := payloadSnooze + "1h"
	if i := strings.LastIndexByte(id, '/'); i >= 0 && len(payload)+1+len(id)-i-1 <= maxPayload {
		payload += ":" + id[i+1:]
	}
	if baseLang(lang) == langES {
		return carebot.Reply{Text: "⏰ Recordatorio: " + text, Buttons: []carebot.Button{
			{Label: "Posponer 1 h", Payload: payload},
		}}
	}
	return carebot.Reply{Text: "⏰ Reminder: " + text, Buttons: []carebot.Button{
		{Label: "Snooze 1 h", Payload: payload},
	}}
}
