package reminders

import (
	"context"
	"strconv"
	"strings"
	"time"

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
func apptsQuestion(ns []string) (es bool, day askedDay, ok bool) {
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
			return es, dayAsked(fields[len(fields)-n:]), true
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
			return false, anyDay, false
		}
		for _, w := range tail {
			if !apptsDayWords[w] {
				return false, anyDay, false
			}
		}
		return p.es, dayAsked(tail), true
	}
	return false, anyDay, false
}

// askedDay is the one day a patient asks about: "do I have an appointment
// tomorrow?" is answered for tomorrow, not with every appointment to come.
type askedDay int8

const (
	anyDay   askedDay = -1 // no day, or more than one ("this week", "next friday")
	today    askedDay = 0
	tomorrow askedDay = 1
	// weekday asks for the coming one (today's, if it is that day):
	// weekday + askedDay(time.Monday) and so on.
	weekday askedDay = 10
)

// dayAsked reads the words after the question ("tomorrow", "on friday",
// "esta mañana"): one day named plainly, or anyDay. "next friday" and "la
// mañana" (the morning) are left to the whole list, which names its days.
func dayAsked(tail []string) askedDay {
	day := anyDay
	for i, w := range tail {
		d := anyDay
		switch w {
		case "today", "tonight", "hoy":
			d = today
		case "tomorrow", "tmrw", "tmr", "tomorow", "2morrow":
			d = tomorrow
		case "manana":
			switch {
			case i > 0 && tail[i-1] == "esta": // this morning
				d = today
			case i > 0 && tail[i-1] == "la":
				return anyDay
			default:
				d = tomorrow
			}
		case "next", "week", "month", "proxima", "proximo", "semana", "mes":
			return anyDay
		default:
			if wd, ok := weekdayWords[w]; ok { // the whole names alone: apptsDayWords lets no other through
				d = weekday + askedDay(wd)
			}
		}
		if d == anyDay {
			continue
		}
		if day != anyDay && day != d {
			return anyDay
		}
		day = d
	}
	return day
}

// date is the calendar day d names, seen from now in loc.
func (d askedDay) date(now time.Time, loc *time.Location) (y int, m time.Month, dd int) {
	n := now.In(loc)
	ahead := int(d)
	if d >= weekday {
		ahead = (int(d-weekday) - int(n.Weekday()) + 7) % 7
	}
	return time.Date(n.Year(), n.Month(), n.Day()+ahead, 12, 0, 0, 0, loc).Date()
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
// may only mean the clinic did not send it to carebot. Asked about one day,
// it answers for that day, and names the next one when that day has none.
func (p *Patients) myAppointments(ctx context.Context, u carebot.User, lang string, day askedDay) (carebot.Reply, bool, error) {
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
	now := p.now()
	line := func(a carebot.Appointment) string {
		s := formatWhenFrom(lang, a.At, p.apptZone(u, a), now)
		if a.Location != "" {
			s += sayAnswer(lang, "apptsAt", a.Location)
		}
		if a.Response == carebot.ResponseConfirmed {
			s += sayAnswer(lang, "apptsConfirmed")
		}
		return s
	}
	// one answers for a single appointment, with its buttons: no Confirm
	// to press again once confirmed.
	one := func(key string, a carebot.Appointment) carebot.Reply {
		p.showedAppointment(u, a, lang)
		if a.Response == carebot.ResponseConfirmed {
			return carebot.Reply{Text: sayAnswer(lang, key+"Confirmed", line(a)), Buttons: apptButtons(lang, a)[1:]}
		}
		return carebot.Reply{Text: sayAnswer(lang, key, line(a)), Buttons: apptButtons(lang, a)}
	}
	many := func(head string, list []carebot.Appointment) carebot.Reply {
		b := []string{head}
		for _, a := range list[:min(len(list), maxShown)] {
			b = append(b, "• "+line(a))
		}
		if len(list) > maxShown {
			b = append(b, sayAnswer(lang, "apptsMore", len(list)-maxShown))
		}
		return carebot.Reply{Text: strings.Join(b, "\n")}
	}
	if day != anyDay {
		var that []carebot.Appointment
		for _, a := range list {
			loc := p.apptZone(u, a)
			y, m, d := a.At.In(loc).Date()
			if wy, wm, wd := day.date(now, loc); y == wy && m == wm && d == wd {
				that = append(that, a)
			}
		}
		switch {
		case len(that) == 1:
			return one("apptsDayYes", that[0]), true, nil
		case len(that) > 1:
			return many(sayAnswer(lang, "apptsDayList"), that), true, nil
		}
		loc, _ := p.zone(u)
		y, m, d := day.date(now, loc)
		var named string
		switch day {
		case today, tomorrow:
			named = sayAnswer(lang, "apptsDay"+strconv.Itoa(int(day)))
		default:
			named = sayAnswer(lang, "apptsOnDay", dayNameYear(lang, time.Date(y, m, d, 12, 0, 0, 0, loc), false))
		}
		return carebot.Reply{Text: sayAnswer(lang, "apptsDayNone", named, line(list[0])) + p.reach(lang)}, true, nil
	}
	if len(list) == 1 {
		return one("apptsNext", list[0]), true, nil
	}
	return many(sayAnswer(lang, "apptsList"), list), true, nil
}
