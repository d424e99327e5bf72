package reminders

import (
	"strconv"
	"strings"

	"github.com/carebot/carebot"
)

// The commands are recognised on normalised words (lower case, accents
// folded). Each returns whether it was Spanish, so the reply is too.

// hasPrefix reports whether ns starts with the words of p.
func hasPrefix(ns []string, p string) bool {
	pw := strings.Fields(p)
	if len(ns) < len(pw) {
		return false
	}
	for i, w := range pw {
		if ns[i] != w {
			return false
		}
	}
	return true
}

// cut returns the words after the first of prefixes that ns starts with.
func cut(ns []string, prefixes ...string) (rest []string, ok bool) {
	for _, p := range prefixes {
		if hasPrefix(ns, p) {
			return ns[len(strings.Fields(p)):], true
		}
	}
	return nil, false
}

func appointmentAnswer(whole string) (carebot.AppointmentResponse, bool, bool) {
	switch whole {
	case "c", "confirm", "confirmed", "i confirm", "yes confirm":
		return carebot.ResponseConfirmed, false, true
	case "confirmo", "confirmar", "confirmado", "si confirmo":
		return carebot.ResponseConfirmed, true, true
	case "x", "cancel appointment", "cancel my appointment", "cancel the appointment":
		return carebot.ResponseCancelled, false, true
	case "cancelar cita", "cancelar mi cita", "cancelo", "cancelo la cita", "cancelar la cita":
		return carebot.ResponseCancelled, true, true
	case "r", "reschedule", "reschedule my appointment", "another time", "new time":
		return carebot.ResponseReschedule, false, true
	case "reprogramar", "cambiar cita", "cambiar fecha", "otra fecha", "cambiar mi cita", "reprogramar cita":
		return carebot.ResponseReschedule, true, true
	}
	return "", false, false
}

func snoozeCommand(ns []string) (rest []string, es, ok bool) {
	if rest, ok := cut(ns, "snooze for", "snooze", "remind me again later", "remind me later", "remind me again in", "later"); ok {
		return rest, false, true
	}
	if rest, ok := cut(ns, "posponer", "pospon", "pospone", "recuerdamelo mas tarde", "mas tarde", "luego", "despues"); ok {
		return rest, true, true
	}
	return nil, false, false
}

// zoneCommand reads "my time zone is Chicago", "mi zona horaria es
// Madrid", and the weaker "I'm in Madrid", "estoy en Madrid", which are
// ours only if a known place follows.
func zoneCommand(ns []string) (rest []string, es, weak, ok bool) {
	if rest, ok := cut(ns, "my time zone is", "my timezone is", "set my time zone to", "set my timezone to",
		"change my time zone to", "change my timezone to", "what's my time zone", "what is my time zone",
		"time zone", "timezone", "my time zone", "my timezone"); ok {
		return rest, false, false, true
	}
	if rest, ok := cut(ns, "i'm in", "im in", "i am in", "i live in"); ok {
		return rest, false, true, true
	}
	if rest, ok := cut(ns, "mi zona horaria es", "cambiar mi zona horaria a", "cambiar zona horaria a",
		"cual es mi zona horaria", "zona horaria", "mi zona horaria"); ok {
		return rest, true, false, true
	}
	if rest, ok := cut(ns, "estoy en", "vivo en"); ok {
		return rest, true, true, true
	}
	return nil, false, false, false
}

func listCommand(whole string) (es, ok bool) {
	switch strings.TrimSuffix(whole, " please") {
	case "list my reminders", "list reminders", "my reminders", "show my reminders", "show reminders", "reminders",
		"what are my reminders", "list", "list all reminders", "see my reminders":
		return false, true
	case "mis recordatorios", "ver mis recordatorios", "lista de recordatorios", "cuales son mis recordatorios",
		"recordatorios", "ver recordatorios", "mostrar mis recordatorios", "lista":
		return true, true
	}
	return false, false
}

// deleteCommand reads "delete reminder 2", "delete all my reminders",
// "borrar recordatorio 2"; target is the number, or 0 for all.
// deleteCommand reads "delete reminder 2", "delete reminders 1 and 3",
// "borrar recordatorio 2" (targets, numbers of the list) or "delete all
// my reminders" (all).
func deleteCommand(ns []string) (targets []int, all, es, ok bool) {
	rest, isEN := cut(ns, "delete", "remove", "cancel", "clear")
	if !isEN {
		if rest, ok = cut(ns, "borrar", "borra", "eliminar", "elimina", "cancelar", "cancela", "quitar", "quita"); !ok {
			return nil, false, false, false
		}
	}
	joins := 0 // "and", "y"
	for _, w := range rest {
		switch w {
		case "all", "todos", "todo", "everything":
			all = true
		case "reminder", "reminders", "my", "the", "number", "numbers", "no", "#", "recordatorio", "recordatorios", "mis", "el", "los", "numero", "numeros":
		case "and", "y", "&":
			joins++
		default:
			v, err := strconv.Atoi(strings.TrimPrefix(w, "#"))
			if err != nil || v <= 0 {
				return nil, false, false, false
			}
			targets = append(targets, v)
		}
	}
	mentions := strings.Contains(strings.Join(rest, " "), "reminder") || strings.Contains(strings.Join(rest, " "), "recordatorio")
	switch {
	case all && len(targets) == 0 && mentions:
		return nil, true, !isEN, true
	case !all && len(targets) > 0 && (mentions || len(rest) == len(targets)+joins):
		return targets, false, !isEN, true
	}
	return nil, false, false, false
}

func pauseCommand(ns []string) (rest []string, es, ok bool) {
	rest, isEN := cut(ns, "pause", "hold")
	if !isEN {
		if rest, ok = cut(ns, "pausar", "pausa", "pausa", "suspender", "suspende"); !ok {
			return nil, false, false
		}
	}
	for len(rest) > 0 && strings.Contains(" all my the reminders todos mis los recordatorios ", " "+rest[0]+" ") {
		rest = rest[1:]
	}
	if len(rest) > 0 && (rest[0] == "until" || rest[0] == "till" || rest[0] == "hasta") {
		return rest[1:], !isEN, true
	}
	if len(rest) == 0 {
		return nil, !isEN, true // "pause my reminders": we ask until when
	}
	return nil, false, false
}

func resumeCommand(ns []string) (es, ok bool) {
	rest, isEN := cut(ns, "resume", "unpause", "restart")
	if !isEN {
		if rest, ok = cut(ns, "reanudar", "reanuda", "reactivar", "reactiva"); !ok {
			return false, false
		}
	}
	for _, w := range rest {
		if !strings.Contains(" all my the reminders todos mis los recordatorios ", " "+w+" ") {
			return false, false
		}
	}
	return !isEN, true
}

// remindCommand returns how many words the trigger takes.
func remindCommand(ns []string) (n int, es, ok bool) {
	for _, p := range []string{"remind me", "set a reminder", "set reminder", "reminder"} {
		if hasPrefix(ns, p) {
			return len(strings.Fields(p)), false, true
		}
	}
	for _, p := range []string{"recuerdame", "recordarme", "recuerda me", "recuerdeme", "pon un recordatorio", "ponme un recordatorio", "recordatorio"} {
		if hasPrefix(ns, p) {
			return len(strings.Fields(p)), true, true
		}
	}
	return 0, false, false
}
