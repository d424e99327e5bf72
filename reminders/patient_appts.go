package reminders

import (
	"context"
	"strings"

	"github.com/carebot/carebot"
)

// maxShown is the most upcoming appointments "when is my appointment?"
// lists.
const maxShown = 3

// apptsQuestion reads a patient asking after their own appointments:
// "when is my next appointment?", "what time is my appointment",
// "do I have an appointment tomorrow?", "is my appointment still on?",
// "my appointments", "¿cuándo es mi cita?", "¿tengo cita mañana?". ns are
// the message's words after any polite opener. Only these whole phrasings
// count: "when is my first prenatal appointment?" asks the clinic a
// general question, and is the FAQ's.
func apptsQuestion(ns []string) (es, ok bool) {
	whole := strings.Join(ns, " ")
	for _, tail := range []string{" please", " por favor", " thanks", " gracias"} {
		whole = strings.TrimSuffix(whole, tail)
	}
	// A whole question, or one with the day asked about after it ("what
	// time is my appointment tomorrow"): the list answers that too.
	fields := strings.Fields(whole)
	for n := 0; n <= 3 && n < len(fields); n++ {
		if n > 0 && !apptsDayWords[fields[len(fields)-n]] {
			break
		}
		if es, ok := apptsPhrases[strings.Join(fields[:len(fields)-n], " ")]; ok {
			return es, true
		}
	}
	// "do i have an appointment" and "tengo cita", with a day or two after
	// them ("tomorrow", "on friday", "esta semana"): the list answers it.
	for _, p := range apptsAsks {
		rest, found := strings.CutPrefix(whole, p.words)
		if !found || rest != "" && rest[0] != ' ' {
			continue
		}
		tail := strings.Fields(rest)
		if len(tail) > 3 {
			return false, false
		}
		for _, w := range tail {
			if !apptsDayWords[w] {
				return false, false
			}
		}
		return p.es, true
	}
	return false, false
}

var (
	// apptsPhrases are the whole questions, with and without "next", and
	// whether they are Spanish.
	apptsPhrases = func() map[string]bool {
		m := map[string]bool{}
		for _, noun := range []string{"appointment", "appt", "visit", "appointments", "appts", "visits"} {
			for _, which := range []string{"", "next ", "upcoming "} {
				for _, f := range []string{
					"when is my %s", "whens my %s", "when's my %s", "what time is my %s", "what day is my %s",
					"what date is my %s", "when do i have my %s", "when are my %s", "my %s", "list my %s",
					"show my %s", "show me my %s", "see my %s", "check my %s", "what are my %s",
					"is my %s still on", "is my %s still scheduled", "is my %s confirmed", "is my %s still booked",
					"can you tell me when my %s is", "tell me when my %s is", "is my %s", "where is my %s",
					"did i miss my %s", "what time was my %s", "do i still have my %s",
				} {
					m[strings.Replace(f, "%s", which+noun, 1)] = false
				}
			}
		}
		for _, noun := range []string{"cita", "citas", "proxima cita", "proximas citas"} {
			for _, f := range []string{
				"cuando es mi %s", "cuando son mis %s", "a que hora es mi %s", "que dia es mi %s", "que dia tengo mi %s",
				"a que hora tengo mi %s", "cuando tengo mi %s", "mi %s", "mis %s", "ver mi %s", "ver mis %s",
				"cuales son mis %s", "mostrar mis %s", "muestrame mis %s", "sigue en pie mi %s", "mi %s sigue en pie",
				"esta confirmada mi %s", "mi %s esta confirmada", "me puede decir cuando es mi %s", "me puedes decir cuando es mi %s",
				"es mi %s", "es hoy mi %s", "donde es mi %s", "se me paso mi %s",
			} {
				m[strings.Replace(f, "%s", noun, 1)] = true
			}
		}
		for _, f := range []string{"what appointments do i have", "when do i have an appointment", "when is my appointment scheduled",
			"what appointment do i have", "when is my next appointment scheduled"} {
			m[f] = false
		}
		for _, f := range []string{"cuando tengo cita", "a que hora tengo cita", "que dia tengo cita", "que citas tengo"} {
			m[f] = true
		}
		return m
	}()

	apptsAsks = []struct {
		words string
		es    bool
	}{
		{"do i have an appointment", false}, {"do i have any appointments", false}, {"do i have a appointment", false},
		{"do i have an appt", false}, {"do i have any appointment", false}, {"do i still have an appointment", false},
		{"do i have appointment", false}, {"do i have appointments", false},
		{"tengo cita", true}, {"tengo una cita", true}, {"tengo alguna cita", true}, {"tengo citas", true},
	}

	// apptsDayWords may follow "do i have an appointment": the day asked
	// about, which the list of upcoming appointments answers.
	apptsDayWords = func() map[string]bool {
		m := map[string]bool{}
		for _, w := range strings.Fields("today tomorrow tmrw tmr tomorow 2morrow tonight this next week month on coming up scheduled booked soon yet still " +
			"monday tuesday wednesday thursday friday saturday sunday " +
			"hoy manana esta este la el proxima proximo semana mes pronto programada pendiente " +
			"lunes martes miercoles jueves viernes sabado domingo") {
			m[w] = true
		}
		return m
	}()
)

// myAppointments answers a patient asking after their appointments: the
// next few still to come, where and whether they confirmed, with the
// buttons of a reminder under the next one; or that none is on file, which
// may only mean the clinic did not send it to carebot.
func (p *Patients) myAppointments(ctx context.Context, u carebot.User, lang string) (carebot.Reply, bool, error) {
	if p.appts == nil {
		return carebot.Reply{}, false, nil
	}
	list, err := p.upcoming(ctx, u.Key)
	if err != nil {
		return carebot.Reply{}, true, err
	}
	if len(list) == 0 {
		return carebot.Reply{Text: sayAnswer(lang, "apptsNone") + p.reach(lang)}, true, nil
	}
	line := func(a carebot.Appointment) string {
		s := formatWhenFrom(lang, a.At, p.apptZone(u, a), p.now())
		if a.Location != "" {
			s += sayAnswer(lang, "apptsAt", a.Location)
		}
		if a.Response == carebot.ResponseConfirmed {
			s += sayAnswer(lang, "apptsConfirmed")
		}
		return s
	}
	if len(list) == 1 {
		a := list[0]
		if a.Response == carebot.ResponseConfirmed { // no Confirm to press again
			return carebot.Reply{Text: sayAnswer(lang, "apptsNextConfirmed", line(a)), Buttons: apptButtons(lang, a)[1:]}, true, nil
		}
		return carebot.Reply{Text: sayAnswer(lang, "apptsNext", line(a)), Buttons: apptButtons(lang, a)}, true, nil
	}
	b := []string{sayAnswer(lang, "apptsList")}
	for _, a := range list[:min(len(list), maxShown)] {
		b = append(b, "• "+line(a))
	}
	if len(list) > maxShown {
		b = append(b, sayAnswer(lang, "apptsMore", len(list)-maxShown))
	}
	return carebot.Reply{Text: strings.Join(b, "\n")}, true, nil
}
