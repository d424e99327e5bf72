package reminders

import (
	"regexp"
	"strings"
	"time"
	"unicode"
)

// word is one token of what a patient typed: as typed (for echoing their
// words back) and normalised (lower case, accents folded) for matching.
// comma: it came right after the word before with only a comma between
// ("1,5"), which joinOrig puts back between numbers.
type word struct {
	orig, norm string
	comma      bool
}

// fold lower-cases s and drops Spanish accents, so "Miércoles" and
// "miercoles" match alike.
func fold(s string) string {
	return strings.Map(func(r rune) rune {
		switch r = unicode.ToLower(r); r {
		case 'á', 'à', 'ä':
			return 'a'
		case 'é', 'è', 'ë':
			return 'e'
		case 'í', 'ì', 'ï':
			return 'i'
		case 'ó', 'ò', 'ö':
			return 'o'
		case 'ú', 'ù', 'ü':
			return 'u'
		case 'ñ':
			return 'n'
		case '’':
			return '\''
		}
		return r
	}, s)
}

// words splits text into words. Sentence punctuation separates words and
// is dropped; "a.m." and "p.m." become "am" and "pm"; a colon inside a
// time ("14:30") stays. A comma between an hour and its two-digit minutes
// after "at", "a las" or "a la" ("a las 8,30") is read as a colon
// ("8:30"), and a decimal comma before a unit ("1,5 horas", "1,5h") as a
// point ("1.5"); elsewhere a comma separates, so that "delete reminders
// 1,2" and "a la 1,5 y 7" stay lists.
func words(text string) []word {
	var out []word
	for _, f := range strings.FieldsFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(";!?¿¡()[]{}\"“”«»", r)
	}) {
		after := false
		for _, piece := range strings.Split(f, ",") {
			orig := strings.TrimRight(strings.Trim(piece, ".'"), ":") // "reminder: call mom"
			norm := fold(orig)
			if strings.HasSuffix(norm, "a.m") || strings.HasSuffix(norm, "p.m") {
				norm = norm[:len(norm)-3] + norm[len(norm)-3:len(norm)-2] + "m" // "3p.m." -> "3pm"
			}
			if norm == "" {
				after = false
				continue
			}
			out = append(out, word{orig: orig, norm: norm, comma: after})
			after = true
		}
	}
	return decimalCommas(out)
}

var (
	wholeRe    = regexp.MustCompile(`^\d{1,6}$`)
	decimalsRe = regexp.MustCompile(`^\d{1,2}$`)
	// hourRe and minutesRe are the two sides of "8,30", "20,15",
	// "8,30pm".
	hourRe    = regexp.MustCompile(`^([01]?\d|2[0-3])$`)
	minutesRe = regexp.MustCompile(`^[0-5]\d(am|pm|a|p|h|hs|hrs)?$`)
)

// pair reports whether ws[i] and ws[i+1] were typed with only a comma
// between them, and no other word glued on by a comma ("1,5", not
// "1,5,7" or "1, 5").
func pair(ws []word, i int) bool {
	return i+1 < len(ws) && ws[i+1].comma && !ws[i].comma && (i+2 >= len(ws) || !ws[i+2].comma)
}

// clockComma reports whether ws[i] and ws[i+1], a pair, are an hour and
// its minutes: "a las 8,30", "at 20,15", "a la 1,30", or another time
// with its minutes after one ("a las 8,30 y 20,15"); out are the words
// before ws[i], as read. Minutes that could be an hour, in a list of
// hours that goes on ("a las 8,12 y 20", "at 8,12 and 8pm"), are not:
// which was meant is asked.
func clockComma(out, ws []word, i int) bool {
	if !hourRe.MatchString(ws[i].norm) || !minutesRe.MatchString(ws[i+1].norm) {
		return false
	}
	if hourRe.MatchString(ws[i+1].norm) {
		k := i + 2
		if k < len(ws) && (ws[k].norm == "and" || ws[k].norm == "y" || ws[k].norm == "&") {
			k++
		}
		if k < len(ws) && clockRe.MatchString(ws[k].norm) && !pair(ws, k) {
			return false
		}
	}
	prev := func(k int) string {
		if len(out)-k >= 0 {
			return out[len(out)-k].norm
		}
		return ""
	}
	switch prev(1) {
	case "at", "@":
		return true
	case "las", "la":
		return prev(2) == "a"
	case "and", "y", "&":
		return strings.Contains(prev(2), ":") && clockRe.MatchString(prev(2))
	}
	return false
}

// decimalCommas joins "1" and "5", typed "1,5", into one word "1.5" when
// a unit comes right after ("1,5 horas") or with the decimals ("1,5h"),
// and the two are not part of a longer list ("1,5,7 hours"). An hour and
// its minutes after "at" or "a las" ("a las 8,30") are joined as a time,
// "8:30".
func decimalCommas(ws []word) []word {
	out := make([]word, 0, len(ws))
	for i := 0; i < len(ws); i++ {
		if pair(ws, i) && clockComma(out, ws, i) {
			out = append(out, word{orig: ws[i].orig + "," + ws[i+1].orig, norm: ws[i].norm + ":" + ws[i+1].norm, comma: ws[i].comma})
			i++
			continue
		}
		if pair(ws, i) && wholeRe.MatchString(ws[i].norm) {
			dec, next := ws[i+1].norm, ""
			if i+2 < len(ws) {
				next = ws[i+2].norm
			}
			if n := ws[i].norm + "." + dec; decimalsRe.MatchString(dec) && isUnit(next) || durationRe.MatchString(n) {
				out = append(out, word{orig: ws[i].orig + "," + ws[i+1].orig, norm: n, comma: ws[i].comma})
				i++
				continue
			}
		}
		out = append(out, ws[i])
	}
	return out
}

func norms(ws []word) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.norm
	}
	return out
}

// joinOrig writes words back as typed, a space between them, or a comma
// between numbers typed with one ("take 1,5 tablets", "1,000 mg").
func joinOrig(ws []word) string {
	var b strings.Builder
	for i, w := range ws {
		if i > 0 {
			if prev := ws[i-1].orig; w.comma && prev != "" && w.orig != "" && isDigit(prev[len(prev)-1]) && isDigit(w.orig[0]) {
				b.WriteByte(',')
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(w.orig)
	}
	return b.String()
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

var weekdayWords = map[string]time.Weekday{
	"sunday": time.Sunday, "sun": time.Sunday, "domingo": time.Sunday, "domingos": time.Sunday,
	"monday": time.Monday, "mon": time.Monday, "lunes": time.Monday,
	"tuesday": time.Tuesday, "tue": time.Tuesday, "tues": time.Tuesday, "martes": time.Tuesday,
	"wednesday": time.Wednesday, "wed": time.Wednesday, "miercoles": time.Wednesday,
	"thursday": time.Thursday, "thu": time.Thursday, "thur": time.Thursday, "thurs": time.Thursday, "jueves": time.Thursday,
	"friday": time.Friday, "fri": time.Friday, "viernes": time.Friday,
	"saturday": time.Saturday, "sat": time.Saturday, "sabado": time.Saturday, "sabados": time.Saturday,
	// English plurals, as in "every mondays" or "on fridays".
	"sundays": time.Sunday, "mondays": time.Monday, "tuesdays": time.Tuesday, "wednesdays": time.Wednesday,
	"thursdays": time.Thursday, "fridays": time.Friday, "saturdays": time.Saturday,
}

var monthWords = map[string]time.Month{
	"january": 1, "jan": 1, "enero": 1, "ene": 1,
	"february": 2, "feb": 2, "febrero": 2,
	"march": 3, "mar": 3, "marzo": 3,
	"april": 4, "apr": 4, "abril": 4, "abr": 4,
	"may": 5, "mayo": 5,
	"june": 6, "jun": 6, "junio": 6,
	"july": 7, "jul": 7, "julio": 7,
	"august": 8, "aug": 8, "agosto": 8, "ago": 8,
	"september": 9, "sep": 9, "sept": 9, "septiembre": 9, "setiembre": 9,
	"october": 10, "oct": 10, "octubre": 10,
	"november": 11, "nov": 11, "noviembre": 11,
	"december": 12, "dec": 12, "diciembre": 12, "dic": 12,
}

var unitWords = map[string]time.Duration{
	"m": time.Minute, "min": time.Minute, "mins": time.Minute, "minute": time.Minute, "minutes": time.Minute,
	"minuto": time.Minute, "minutos": time.Minute,
	"h": time.Hour, "hr": time.Hour, "hrs": time.Hour, "hour": time.Hour, "hours": time.Hour,
	"hora": time.Hour, "horas": time.Hour,
	"d": 24 * time.Hour, "day": 24 * time.Hour, "days": 24 * time.Hour, "dia": 24 * time.Hour, "dias": 24 * time.Hour,
	"week": 7 * 24 * time.Hour, "weeks": 7 * 24 * time.Hour, "semana": 7 * 24 * time.Hour, "semanas": 7 * 24 * time.Hour,
}

// numberWords are the small numbers patients spell out.
var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "un": 1, "una": 1, "uno": 1,
	"two": 2, "dos": 2, "three": 3, "tres": 3, "four": 4, "cuatro": 4, "five": 5, "cinco": 5,
	"six": 6, "seis": 6, "seven": 7, "siete": 7, "eight": 8, "ocho": 8, "nine": 9, "nueve": 9,
	"ten": 10, "diez": 10, "twelve": 12, "doce": 12, "fourteen": 14, "catorce": 14,
	"fifteen": 15, "quince": 15, "twenty": 20, "veinte": 20, "thirty": 30, "treinta": 30,
}

// hourWords are the hours spelt out: "at eight", "a las ocho", "la una".
var hourWords = map[string]int{
	"one": 1, "una": 1, "two": 2, "dos": 2, "three": 3, "tres": 3, "four": 4, "cuatro": 4,
	"five": 5, "cinco": 5, "six": 6, "seis": 6, "seven": 7, "siete": 7, "eight": 8, "ocho": 8,
	"nine": 9, "nueve": 9, "ten": 10, "diez": 10, "eleven": 11, "once": 11, "twelve": 12, "doce": 12,
}

// ordinalWords are the days of the month spelt out: "the first", "el
// primero".
var ordinalWords = map[string]int{
	"first": 1, "primero": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
	"seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "fifteenth": 15, "twentieth": 20,
}

// partWords are the parts of a day: each sets am or pm and a default time.
var partWords = map[string]string{
	"morning": "morning", "mornings": "morning", "manana": "morning", "mananas": "morning",
	"afternoon": "afternoon", "afternoons": "afternoon", "tarde": "afternoon", "tardes": "afternoon",
	"evening": "evening", "evenings": "evening",
	"night": "night", "nights": "night", "noche": "night", "noches": "night",
}

// morningLeads are the words before "mañana" when it is the morning, not
// tomorrow: "la mañana", "cada mañana", "esta mañana".
var morningLeads = wordSet("la las esta cada por en todas")

// pluralPart are parts of a day said in the plural, which repeat daily:
// "mornings", "las noches".
var pluralPart = map[string]bool{
	"mornings": true, "mananas": true, "afternoons": true, "tardes": true, "evenings": true, "nights": true, "noches": true,
}

// pluralWeekday are weekdays said in the plural, which repeat weekly:
// "on mondays", "los sábados". "los lunes" is plural by its article.
var pluralWeekday = map[string]bool{
	"sundays": true, "mondays": true, "tuesdays": true, "wednesdays": true, "thursdays": true, "fridays": true, "saturdays": true,
	"domingos": true, "sabados": true,
}

// fillers carry no meaning between the parts of a time.
var fillers = map[string]bool{
	"at": true, "on": true, "@": true, "el": true, "this": true, "este": true, "for": true,
	"around": true, "about": true, "hacia": true, "sobre": true, "o'clock": true, "oclock": true, "sharp": true,
}

// spanishOnly and englishOnly are words that tell the two languages apart
// in a request; they decide how a numeric date is read.
var (
	spanishOnly = wordSet("el la las los de del que y en por para mi mis su sus cada todos todas hoy manana dia dias semana " +
		"noche tarde hasta desde tomar llamar con al lunes martes miercoles jueves viernes sabado domingo " +
		"enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre recordar cita")
	englishOnly = wordSet("the to on at my and every each of in for am pm tomorrow today tonight take call with until from " +
		"monday tuesday wednesday thursday friday saturday sunday january february march april june july august " +
		"september october november december appointment day night morning week")
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// spanishScore is how much more Spanish than English toks look: above
// zero, Spanish.
func spanishScore(toks []string) int {
	n := 0
	for _, t := range toks {
		if spanishOnly[t] {
			n++
		}
		if englishOnly[t] {
			n--
		}
	}
	return n
}
