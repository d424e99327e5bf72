package reminders

import (
	"errors"
	"strings"
	"time"
)

// splitWhen finds the time in what a patient typed after "remind me": the
// longest ending that reads as a time, else the longest beginning. The
// rest is what to remind them of, said back to them ("my" is "your").
//
// The words decide how a numeric date is read (month/day in English,
// day/month in Spanish); lang, the request's language, decides when they
// do not. If the rest still has words about when that the time did not
// take ("call mom on 12/1" with "on 12/1" not understood, "every night"
// before "at 10pm"), the answer is errUnclear: a reminder at another time,
// or only once, whose text still says otherwise, is worse than asking.
func splitWhen(lang string, rest []word, now time.Time, loc *time.Location) (When, string, error) {
	ns := norms(rest)
	score := spanishScore(ns)
	es := score > 0 || score == 0 && baseLang(lang) == langES
	unclear := false
	// "la pastilla de las 8 a las 7:45": the hour after "de" names the
	// pill when a time follows it; with none ("la pastilla de las 8"), it
	// is the time after all, so it is tried last.
	starts, named := make([]int, 0, len(ns)), -1
	for i := range ns {
		if named < 0 && hourNamesThing(ns, i) {
			named = i
		}
		if named < 0 || i > named+1 {
			starts = append(starts, i)
		}
	}
	if named >= 0 {
		starts = append(starts, named)
	}
	// A time that has passed ("today at 8am" at 10) is still the time
	// they meant: say so rather than read a shorter "at 8am" as tomorrow.
	for _, i := range starts {
		if i > 0 && ns[i] == "manana" && morningLeads[ns[i-1]] {
			continue // "la pastilla de la mañana a las 9": the morning's pill
		}
		w, err := parseWhenOrder(ns[i:], now, loc, es)
		if err == nil {
			if !leftover(ns[:i]) {
				return w, cleanText(rest[:i], es), nil
			}
			unclear = true
			break
		}
		if !errors.Is(err, errNoTime) {
			return When{}, "", err
		}
	}
	for j := len(ns) - 1; j > 0; j-- {
		w, err := parseWhenOrder(ns[:j], now, loc, es)
		if err == nil {
			if !leftover(ns[j:]) && !continuesSpan(ns[j:]) {
				return w, cleanText(rest[j:], es), nil
			}
			unclear = true
			break
		}
		if !errors.Is(err, errNoTime) {
			return When{}, "", err
		}
	}
	if unclear || leftover(ns) {
		return When{}, "", errUnclear
	}
	return When{}, "", errNoTime
}

// cleanText drops the little words around what to remind of ("to",
// "that", "about", "que", "de") and says it back to the patient: "my" is
// "your", "mi" is "su" (carebot speaks to patients as usted), and in
// English "I" and "me" are "you".
func cleanText(ws []word, es bool) string {
	for len(ws) > 0 && strings.Contains(" to that about of que de sobre lo ", " "+ws[0].norm+" ") {
		ws = ws[1:]
	}
	for len(ws) > 0 && strings.Contains(" at on by el a the and y de del ", " "+ws[len(ws)-1].norm+" ") {
		ws = ws[:len(ws)-1]
	}
	out := make([]word, len(ws))
	for i, w := range ws {
		out[i] = w
		prev := ""
		if i > 0 {
			prev = ws[i-1].norm
		}
		to, ok := yours[w.norm]
		switch {
		case !ok && !es && w.norm == "me":
			to, ok = "you", true
		case !ok && !es && (w.norm == "am" || w.norm == "was") && prev == "i":
			to, ok = map[string]string{"am": "are", "was": "were"}[w.norm], true
		case !ok:
			continue
		}
		out[i].orig = sameCase(w.orig, to)
	}
	return joinOrig(out)
}

// yours turns the patient's words into the bot's: "take my meds" is said
// back as "take your meds", "llamar a mi mamá" as "llamar a su mamá".
var yours = map[string]string{
	"my": "your", "mine": "yours", "myself": "yourself", "i": "you", "i'm": "you're", "im": "you're",
	"i've": "you've", "i'll": "you'll", "i'd": "you'd",
	"mi": "su", "mis": "sus",
}

// sameCase writes to in the case of from: "My" is "Your", "MY" "YOUR";
// "I" is "you".
func sameCase(from, to string) string {
	pronounI := from == "I" || strings.HasPrefix(from, "I'") || strings.HasPrefix(from, "I’")
	switch {
	case pronounI:
		return to // always capital, so no sign of the start of a sentence
	case len(from) > 1 && from == strings.ToUpper(from):
		return strings.ToUpper(to)
	case from[0] >= 'A' && from[0] <= 'Z':
		return strings.ToUpper(to[:1]) + to[1:]
	}
	return to
}
