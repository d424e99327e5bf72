package reminders

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// zoneAliases are the names patients give their time zone that are not
// the last part of an IANA name: regions, abbreviations, big cities that
// share another city's zone, and Spanish names.
var zoneAliases = map[string]string{
	"eastern": "America/New_York", "east coast": "America/New_York", "et": "America/New_York", "est": "America/New_York", "edt": "America/New_York",
	"hora del este": "America/New_York", "nyc": "America/New_York", "miami": "America/New_York", "boston": "America/New_York",
	"atlanta": "America/New_York", "washington": "America/New_York", "philadelphia": "America/New_York", "nueva york": "America/New_York",
	"central": "America/Chicago", "ct": "America/Chicago", "cst": "America/Chicago", "cdt": "America/Chicago", "hora central": "America/Chicago",
	"houston": "America/Chicago", "dallas": "America/Chicago", "san antonio": "America/Chicago", "austin": "America/Chicago",
	"mountain": "America/Denver", "mt": "America/Denver", "mst": "America/Denver", "mdt": "America/Denver", "hora de la montana": "America/Denver",
	"arizona": "America/Phoenix",
	"pacific": "America/Los_Angeles", "west coast": "America/Los_Angeles", "pt": "America/Los_Angeles", "pst": "America/Los_Angeles",
	"pdt": "America/Los_Angeles", "hora del pacifico": "America/Los_Angeles", "la": "America/Los_Angeles", "san francisco": "America/Los_Angeles",
	"seattle": "America/Los_Angeles", "san diego": "America/Los_Angeles", "portland": "America/Los_Angeles",
	"alaska": "America/Anchorage", "hawaii": "Pacific/Honolulu",
	"puerto rico": "America/Puerto_Rico", "san juan": "America/Puerto_Rico",
	"mexico": "America/Mexico_City", "ciudad de mexico": "America/Mexico_City", "cdmx": "America/Mexico_City", "guadalajara": "America/Mexico_City",
	"spain": "Europe/Madrid", "espana": "Europe/Madrid", "barcelona": "Europe/Madrid", "sevilla": "Europe/Madrid", "valencia": "Europe/Madrid",
	"uk": "Europe/London", "england": "Europe/London", "londres": "Europe/London",
	"colombia": "America/Bogota", "peru": "America/Lima", "chile": "America/Santiago", "venezuela": "America/Caracas",
	"argentina": "America/Argentina/Buenos_Aires", "buenos aires": "America/Argentina/Buenos_Aires",
	"ecuador": "America/Guayaquil", "quito": "America/Guayaquil", "guatemala": "America/Guatemala", "honduras": "America/Tegucigalpa",
	"el salvador": "America/El_Salvador", "san salvador": "America/El_Salvador", "nicaragua": "America/Managua",
	"costa rica": "America/Costa_Rica", "san jose": "America/Costa_Rica", "panama": "America/Panama",
	"dominican republic": "America/Santo_Domingo", "republica dominicana": "America/Santo_Domingo", "cuba": "America/Havana",
	"utc": "UTC", "gmt": "UTC",
	// India. IST is India's, not Israel's or Ireland's: of the three it is
	// by far the one a US clinic's patients mean (people visiting family
	// in India, or living there). The reply names India and the time there
	// now, so a patient who meant another is told what was understood.
	"india": "Asia/Kolkata", "indian": "Asia/Kolkata", "ist": "Asia/Kolkata", "mumbai": "Asia/Kolkata", "bombay": "Asia/Kolkata",
	"delhi": "Asia/Kolkata", "new delhi": "Asia/Kolkata", "bangalore": "Asia/Kolkata", "bengaluru": "Asia/Kolkata",
	"chennai": "Asia/Kolkata", "hyderabad": "Asia/Kolkata", "pune": "Asia/Kolkata", "ahmedabad": "Asia/Kolkata",
	"calcutta": "Asia/Kolkata", "la india": "Asia/Kolkata",
	"newfoundland": "America/St_Johns", "terranova": "America/St_Johns", "nst": "America/St_Johns", "ndt": "America/St_Johns",
	"st johns": "America/St_Johns", "saint johns": "America/St_Johns", "san juan de terranova": "America/St_Johns",
	"hora del centro": "America/Chicago",
	// The US states, for "I moved to California". A state across two
	// zones gets the one most of its people keep (Florida, Michigan and
	// Indiana Eastern; Texas, Tennessee, Kansas and the Dakotas Central;
	// Idaho Mountain, Oregon Pacific), as IST above: the reply names the
	// zone and the time there, so a patient in the other half is told.
	// "washington" above is DC; the state is "washington state".
	"connecticut": "America/New_York", "delaware": "America/New_York", "florida": "America/New_York", "georgia": "America/New_York",
	"maine": "America/New_York", "maryland": "America/New_York", "massachusetts": "America/New_York", "new hampshire": "America/New_York",
	"new jersey": "America/New_York", "new york state": "America/New_York", "north carolina": "America/New_York",
	"ohio": "America/New_York", "pennsylvania": "America/New_York", "rhode island": "America/New_York", "south carolina": "America/New_York",
	"vermont": "America/New_York", "virginia": "America/New_York", "west virginia": "America/New_York", "dc": "America/New_York",
	"district of columbia": "America/New_York", "washington dc": "America/New_York", "michigan": "America/New_York", "indiana": "America/New_York",
	"kentucky": "America/New_York", "alabama": "America/Chicago", "arkansas": "America/Chicago", "illinois": "America/Chicago",
	"iowa": "America/Chicago", "louisiana": "America/Chicago", "minnesota": "America/Chicago", "mississippi": "America/Chicago",
	"missouri": "America/Chicago", "oklahoma": "America/Chicago", "wisconsin": "America/Chicago", "texas": "America/Chicago",
	"kansas": "America/Chicago", "nebraska": "America/Chicago", "north dakota": "America/Chicago", "south dakota": "America/Chicago",
	"tennessee": "America/Chicago", "colorado": "America/Denver", "montana": "America/Denver", "new mexico": "America/Denver",
	"utah": "America/Denver", "wyoming": "America/Denver", "idaho": "America/Denver", "california": "America/Los_Angeles",
	"washington state": "America/Los_Angeles", "oregon": "America/Los_Angeles", "nevada": "America/Los_Angeles",
	"nueva jersey": "America/New_York", "carolina del norte": "America/New_York", "carolina del sur": "America/New_York",
	"pensilvania": "America/New_York", "virginia occidental": "America/New_York", "luisiana": "America/Chicago",
	"misisipi": "America/Chicago", "misuri": "America/Chicago", "tejas": "America/Chicago", "nuevo mexico": "America/Denver",
}

// halfHourZones are the zones for offsets from UTC that are not whole
// hours, each one a place keeps all year (India is +5:30 all year), except
// Newfoundland's, whose -3:30 is -2:30 in summer: a patient who gives
// either means Newfoundland time. An Etc/GMT zone holds whole hours only.
var halfHourZones = map[string]string{
	"+3:30": "Asia/Tehran", "+4:30": "Asia/Kabul", "+5:30": "Asia/Kolkata", "+5:45": "Asia/Kathmandu",
	"+6:30": "Asia/Yangon", "+8:45": "Australia/Eucla", "+9:30": "Australia/Darwin", "-9:30": "Pacific/Marquesas",
	"-3:30": "America/St_Johns", "-2:30": "America/St_Johns",
}

var offsetRe = regexp.MustCompile(`^(?:utc|gmt|z)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$`)

// offsetZone reads an offset from UTC: "UTC+5", "GMT-3", "UTC -05:00",
// "utc+5:30", "+1". A whole hour is an Etc/GMT zone, whose sign is the
// POSIX one, the other way round (UTC+5 is Etc/GMT-5); it keeps that
// offset all year, as asked. Other offsets are the zone that has them.
func offsetZone(s string) (string, bool) {
	m := offsetRe.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	h, _ := strconv.Atoi(m[2])
	mins := 0
	if m[3] != "" {
		mins, _ = strconv.Atoi(m[3])
	}
	switch {
	case mins != 0:
		name, ok := halfHourZones[fmt.Sprintf("%s%d:%02d", m[1], h, mins)]
		return name, ok
	case h == 0:
		return "UTC", true
	case m[1] == "+" && h <= 14:
		return fmt.Sprintf("Etc/GMT-%d", h), true
	case m[1] == "-" && h <= 12:
		return fmt.Sprintf("Etc/GMT+%d", h), true
	}
	return "", false
}

// zoneAreas are tried in turn before a city name ("Chicago" is
// America/Chicago).
var zoneAreas = []string{"America", "Europe", "Asia", "Africa", "Australia", "Pacific", "Atlantic", "Indian", "America/Argentina", "America/Indiana"}

// ParseZone reads a time zone as a patient names it: an IANA name in any
// case ("america/new_york", "US/Eastern"), a city ("Chicago", "Madrid",
// "Ciudad de México", "St. John's"), a region or abbreviation ("Pacific",
// "Eastern Standard Time", "EST", "IST", "la hora del este", "hora del
// centro"), or an offset from UTC ("UTC+5:30", "GMT-3"). It returns the
// IANA name.
func ParseZone(s string) (string, bool) {
	s = strings.TrimSpace(strings.Trim(fold(s), ".!?"))
	s = strings.NewReplacer("'", "", ".", "", "−", "-", "–", "-").Replace(s) // "St. John's", "UTC−5"
	if s == "" || len(s) > 60 {
		return "", false
	}
	if name, ok := offsetZone(s); ok {
		return name, true
	}
	for _, c := range zoneCandidates(s) {
		if name, ok := lookupZone(c); ok {
			return name, true
		}
	}
	return "", false
}

// zoneCandidates are s, then s without the words around a zone's name:
// "the", "la", "Eastern [Standard] Time [zone]", "hora de Chicago". The
// whole is tried first: "La Paz" is a city.
func zoneCandidates(s string) []string {
	out := []string{s}
	add := func(c string) {
		if c != out[len(out)-1] && c != "" {
			out = append(out, c)
		}
	}
	for _, suffix := range []string{" time zone", " timezone", " zone", " time", " daylight saving", " daylight", " standard"} {
		s = strings.TrimSuffix(s, suffix)
	}
	add(s)
	for _, prefix := range []string{"the ", "la ", "el ", "en ", "in "} {
		s = strings.TrimPrefix(s, prefix)
	}
	add(s)
	for _, prefix := range []string{"hora de la ", "hora del ", "hora de ", "horario del ", "horario de "} {
		if c, ok := strings.CutPrefix(s, prefix); ok {
			add(c)
			break
		}
	}
	return out
}

// lookupZone is the zone s names: an alias, an IANA name, or a city.
func lookupZone(s string) (string, bool) {
	if name, ok := zoneAliases[s]; ok {
		return name, true
	}
	if strings.Contains(s, "/") {
		name := zoneCase(s)
		if _, err := time.LoadLocation(name); err == nil && name != "Local" {
			return name, true
		}
		return "", false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && r != ' ' && r != '-' && r != '_' {
			return "", false // not a city name; keep LoadLocation off odd paths
		}
	}
	city := zoneCase(strings.ReplaceAll(s, " ", "_"))
	for _, area := range zoneAreas {
		if _, err := time.LoadLocation(area + "/" + city); err == nil {
			return area + "/" + city, true
		}
	}
	return "", false
}

// zoneCase capitalises each part of a zone name the IANA way:
// "america/new_york" -> "America/New_York", "port-au-prince" ->
// "Port-au-Prince" is not handled (rare); "los_angeles" is.
func zoneCase(s string) string {
	b := []rune(s)
	up := true
	for i, r := range b {
		if up {
			b[i] = unicode.ToUpper(r)
		}
		up = r == '/' || r == '_'
	}
	out := string(b)
	// The areas written in capitals: "US/Eastern", "Etc/GMT+5".
	if rest, ok := strings.CutPrefix(out, "Us/"); ok {
		out = "US/" + rest
	} else if rest, ok := strings.CutPrefix(out, "Etc/Gmt"); ok {
		out = "Etc/GMT" + rest
	}
	// Articles stay lower case in IANA names.
	for _, w := range []string{"_Of_", "_De_", "_Del_"} {
		out = strings.ReplaceAll(out, w, strings.ToLower(w))
	}
	return out
}
