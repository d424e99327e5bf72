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
	case "x", "cancel appointment", "cancel my appointment", "cancel the appointment",
		"cancel it", "cancel that", "cancel this", "cancel it please", "please cancel it", "yes cancel", "yes cancel it":
		return carebot.ResponseCancelled, false, true
	case "cancelar cita", "cancelar mi cita", "cancelo", "cancelo la cita", "cancelar la cita",
		"cancelala", "cancelarla", "cancela la cita", "cancele la cita", "si cancelar":
		return carebot.ResponseCancelled, true, true
	case "r", "reschedule", "reschedule my appointment", "another time", "new time":
		return carebot.ResponseReschedule, false, true
	case "reprogramar", "cambiar cita", "cambiar fecha", "otra fecha", "cambiar mi cita", "reprogramar cita":
		return carebot.ResponseReschedule, true, true
	}
	return "", false, false
}

// snoozeCommand reads "snooze 1h", "remind me later", "posponer media
// hora", "later", also among polite words: "please snooze", "can you
// snooze 10 min please", "pospón por favor", "snooze 10 min, thanks".
// After an opener only the words that say snooze count, not a bare
// "later" or "luego" ("y luego" asks what comes next). "remind me later
// to call mom", with or without "please", is a request for a reminder:
// after "remind me later" only a length ("remind me later, 10 min")
// makes it a snooze.
func snoozeCommand(ns []string) (rest []string, es, ok bool) {
	ns = trimThanks(ns)
	k := politeOpener(ns)
	rest, es, ok = snoozeWords(ns[k:])
	if !ok || k > 0 && laterWords[ns[k]] || ns[k] == "remind" && len(rest) > 0 && !isSnoozeLength(rest) {
		return nil, false, false
	}
	return rest, es, true
}

// laterWords begin the snoozes that are only an adverb.
var laterWords = wordSet("later mas luego despues")

// thanksWords are the polite words a command may end with.
var thanksWords = []string{"please", "pls", "plz", "thanks", "thank you", "thx", "por favor", "porfa", "porfavor", "gracias"}

// trimThanks drops the polite words at the end of ns: "snooze please",
// "pospón 10 minutos, gracias".
func trimThanks(ns []string) []string {
	for again := true; again; {
		again = false
		for _, p := range thanksWords {
			pw := strings.Fields(p)
			if n := len(ns) - len(pw); n > 0 && hasPrefix(ns[n:], p) {
				ns, again = ns[:n], true
			}
		}
	}
	return ns
}

// snoozeWords reads the words that say snooze, "it" too ("snooze it",
// "snooze that", "posponlo", "pospóngalo"), and returns what follows.
func snoozeWords(ns []string) (rest []string, es, ok bool) {
	if rest, ok := cut(ns, "snooze for", "snooze it", "snooze that", "snooze this", "snooze",
		"remind me again later", "remind me later", "remind me again in", "later"); ok {
		return rest, false, true
	}
	if rest, ok := cut(ns, "posponer", "pospon", "pospone", "posponlo", "pospongalo", "posponerlo",
		"recuerdamelo mas tarde", "mas tarde", "luego", "despues"); ok {
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
		"time zone", "timezone", "my time zone", "my timezone",
		"my tz is", "set my tz to", "change my tz to", "my tz", "tz"); ok {
		return rest, false, false, true
	}
	if rest, ok := cut(ns, "i'm in", "im in", "i am in", "i live in", "i'm now in", "im now in", "i am now in", "i now live in",
		"i moved to", "i just moved to", "i've moved to", "ive moved to", "i have moved to", "we moved to"); ok {
		return rest, false, true, true
	}
	if rest, ok := cut(ns, "mi zona horaria es", "cambiar mi zona horaria a", "cambiar zona horaria a",
		"cual es mi zona horaria", "zona horaria", "mi zona horaria"); ok {
		return rest, true, false, true
	}
	if rest, ok := cut(ns, "estoy en", "vivo en", "ahora estoy en", "ahora vivo en", "me mude a", "me acabo de mudar a", "nos mudamos a"); ok {
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

// deleteCommand reads "delete reminder 2", "delete reminders 1 and 3",
// "delete reminders 1-3", "delete reminder one", "borrar recordatorio 2",
// "borrar recordatorios del 1 al 3" (targets, numbers of the list) or
// "delete all my reminders" (all).
func deleteCommand(ns []string) (targets []int, all, es, ok bool) {
	rest, isEN := cut(ns, "delete", "remove", "cancel", "clear")
	if !isEN {
		if rest, ok = cut(ns, "borrar", "borra", "eliminar", "elimina", "cancelar", "cancela", "quitar", "quita"); !ok {
			return nil, false, false, false
		}
	}
	joins := 0    // "and", "y", and the words of a range
	noun := false // "reminder" was said: a number word after it is a number
	for i := 0; i < len(rest); i++ {
		w := rest[i]
		switch {
		case w == "all" || w == "todos" || w == "todo" || w == "everything":
			all = true
		case w == "reminder" || w == "reminders" || w == "recordatorio" || w == "recordatorios":
			noun = true
		case strings.Contains(" my the number numbers no # mis el los numero numeros del ", " "+w+" "):
		case w == "and" || w == "y" || w == "&":
			joins++
		case (rangeWords[w] || w == "al" || w == "–") && len(targets) > 0 && i+1 < len(rest):
			// "1 to 3", "del 1 al 3", "1 - 3"
			hi, isNum := listNumber(rest[i+1], noun)
			if !isNum {
				return nil, false, false, false
			}
			lo := targets[len(targets)-1]
			if targets, ok = numberRange(targets[:len(targets)-1], lo, hi); !ok {
				return nil, false, false, false
			}
			joins += 2
			i++
		default:
			if lo, hi, isRange := strings.Cut(strings.ReplaceAll(w, "–", "-"), "-"); isRange {
				a, okA := listNumber(lo, false)
				b, okB := listNumber(hi, false)
				if !okA || !okB {
					return nil, false, false, false
				}
				if targets, ok = numberRange(targets, a, b); !ok {
					return nil, false, false, false
				}
				continue
			}
			v, isNum := listNumber(w, noun)
			if !isNum {
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

// listNumber reads a number of the list: "2", "#2", or, once "reminder"
// has been said (words), "two", "dos" ("delete one reminder" names none).
func listNumber(w string, words bool) (int, bool) {
	if v, err := strconv.Atoi(strings.TrimPrefix(w, "#")); err == nil {
		return v, v > 0
	}
	v, ok := listNumberWords[w]
	return v, ok && words
}

var listNumberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10,
}

// maxRange is the most numbers a range of the list may name: a list holds
// at most maxPatientReminders.
const maxRange = 100

// numberRange adds lo to hi to targets; a range the wrong way round or
// past any list is none.
func numberRange(targets []int, lo, hi int) ([]int, bool) {
	if lo < 1 || hi <= lo || hi > maxRange {
		return nil, false
	}
	for n := lo; n <= hi; n++ {
		targets = append(targets, n)
	}
	return targets, true
}

// pauseCommand reads "pause my reminders until monday", "pause reminders
// for a week", "pausar recordatorios por 3 días"; rest is when the pause
// ends ("in a week" for "for a week"), nil to ask.
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
	if len(rest) > 1 && (rest[0] == "for" || rest[0] == "por" || rest[0] == "durante") {
		// "for a week", "por 3 días", "for the next 2 hours": until
		// that long from now.
		rest = rest[1:]
		if hasPrefix(rest, "the next") || hasPrefix(rest, "los proximos") || hasPrefix(rest, "las proximas") {
			rest = rest[2:]
		}
		return append([]string{"in"}, rest...), !isEN, true
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

// opener is words a request may start with before its command:
// "please", "hey", "can you", "por favor", "¿me puedes". ask: the words
// make it a question ("can you remind me?"); me: they name the patient
// ("me puedes recordar"); want: they say a wish, which only a request
// for a reminder may follow ("I need a reminder").
type opener struct {
	words         string
	ask, me, want bool
}

var openers = []opener{
	{words: "please"}, {words: "pls"}, {words: "plz"}, {words: "kindly"}, {words: "hey"}, {words: "hi"}, {words: "hello"},
	{words: "ok"}, {words: "okay"}, {words: "oh"}, {words: "so"}, {words: "also"}, {words: "and"},
	{words: "can you", ask: true}, {words: "could you", ask: true}, {words: "would you", ask: true}, {words: "will you", ask: true},
	{words: "can u", ask: true}, {words: "could u", ask: true},
	{words: "i need you to", want: true}, {words: "i want you to", want: true}, {words: "i'd like you to", want: true},
	{words: "id like you to", want: true}, {words: "i would like you to", want: true},
	{words: "i need", want: true}, {words: "i want", want: true}, {words: "i'd like", want: true}, {words: "id like", want: true},
	{words: "i would like", want: true},
	{words: "por favor"}, {words: "porfa"}, {words: "porfavor"}, {words: "hola"}, {words: "oye"}, {words: "oiga"}, {words: "vale"},
	{words: "tambien"}, {words: "y"},
	{words: "me puedes", ask: true, me: true}, {words: "me podrias", ask: true, me: true}, {words: "me puede", ask: true, me: true},
	{words: "me podria", ask: true, me: true}, {words: "me pueden", ask: true, me: true}, {words: "me podrian", ask: true, me: true},
	{words: "puedes", ask: true}, {words: "podrias", ask: true}, {words: "puede", ask: true}, {words: "podria", ask: true},
	{words: "pueden", ask: true}, {words: "podrian", ask: true},
	{words: "quiero que me", me: true, want: true}, {words: "necesito que me", me: true, want: true},
	{words: "quisiera que me", me: true, want: true}, {words: "me gustaria que me", me: true, want: true},
	{words: "necesito", want: true}, {words: "quiero", want: true}, {words: "quisiera", want: true}, {words: "me gustaria", want: true},
}

// openerOf returns how many words at the start of ns are openers, and
// what they say. At most a few are taken ("hey, can you please").
func openerOf(ns []string) (n int, o opener) {
	for range 4 {
		found := false
		for _, op := range openers {
			if hasPrefix(ns[n:], op.words) {
				n += len(strings.Fields(op.words))
				o.ask, o.me, o.want = o.ask || op.ask, o.me || op.me, o.want || op.want
				found = true
				break
			}
		}
		if !found {
			break
		}
	}
	return n, o
}

// politeOpener returns how many words at the start of ns are polite
// openers ("please", "can you") before a command other than a reminder
// request: a wish ("I need reminders") is not a command to list them.
func politeOpener(ns []string) int {
	n, o := openerOf(ns)
	if o.want || o.me {
		return 0
	}
	return n
}

// remindTrigger is a way of asking for a reminder. noun: a reminder
// "for" something ("I need a reminder for my appointment"); me: needs
// an opener that names the patient ("me puedes recordar"); ask: a
// question ("¿me recuerdas…?").
type remindTrigger struct {
	words         string
	es            bool
	noun, me, ask bool
}

var remindTriggers = []remindTrigger{
	{words: "remind me"}, {words: "set me a reminder", noun: true}, {words: "set a reminder", noun: true},
	{words: "set reminder", noun: true}, {words: "add a reminder", noun: true}, {words: "create a reminder", noun: true},
	{words: "make a reminder", noun: true}, {words: "a reminder", noun: true}, {words: "reminder", noun: true},
	{words: "recuerdame", es: true}, {words: "recordarme", es: true}, {words: "recuerda me", es: true},
	{words: "recuerdeme", es: true}, {words: "recuerdenme", es: true},
	{words: "pon un recordatorio", es: true, noun: true}, {words: "ponme un recordatorio", es: true, noun: true},
	{words: "un recordatorio", es: true, noun: true}, {words: "recordatorio", es: true, noun: true},
	{words: "me recuerdas", es: true, ask: true}, {words: "me recuerda", es: true, ask: true}, {words: "me recuerdan", es: true, ask: true},
	{words: "recordar", es: true, me: true}, {words: "recuerdes", es: true, me: true}, {words: "recuerde", es: true, me: true},
	{words: "recuerden", es: true, me: true},
}

// remindCommand reads a request for a reminder: "remind me…", "can you
// remind me…", "please remind me…", "I need a reminder for…",
// "reminder: …", "recuérdame…", "por favor recuérdame…", "¿me puedes
// recordar…?". It returns how many words come before what to remind of
// and when, and whether it was asked as a question or a wish ("can you
// remind me of my appointments?", "I need a reminder of what to bring"),
// which, with no time in it, may be a question for the FAQ rather than a
// request.
func remindCommand(ns []string) (n int, es, ask, ok bool) {
	n, o := openerOf(ns)
	for _, t := range remindTriggers {
		if t.me && !o.me || !hasPrefix(ns[n:], t.words) {
			continue
		}
		n += len(strings.Fields(t.words))
		if t.noun && n < len(ns) && (ns[n] == "for" || ns[n] == "para") {
			n++ // "a reminder for my appointment…": about the appointment
		}
		// "I need a reminder of what to bring to my appointment" is a
		// question too, if it says nothing of when.
		return n, t.es, o.ask || o.want || t.ask, true
	}
	return 0, false, false, false
}
