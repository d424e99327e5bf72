package reminders

import (
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
}

// zoneAreas are tried in turn before a city name ("Chicago" is
// America/Chicago).
var zoneAreas = []string{"America", "Europe", "Asia", "Africa", "Australia", "Pacific", "Atlantic", "Indian", "America/Argentina", "America/Indiana"}

// ParseZone reads a time zone as a patient names it: an IANA name in any
// case ("america/new_york"), a city ("Chicago", "Madrid", "Ciudad de
// México"), a region or abbreviation ("Pacific", "EST"). It returns the
// IANA name.
func ParseZone(s string) (string, bool) {
	s = strings.TrimSpace(strings.Trim(fold(s), ".!?"))
	s = strings.TrimSuffix(strings.TrimSuffix(s, " time"), " timezone")
	s = strings.TrimPrefix(strings.TrimPrefix(s, "the "), "en ")
	if s == "" || len(s) > 60 {
		return "", false
	}
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
	// Articles stay lower case in IANA names.
	for _, w := range []string{"_Of_", "_De_", "_Del_"} {
		out = strings.ReplaceAll(out, w, strings.ToLower(w))
	}
	return out
}
