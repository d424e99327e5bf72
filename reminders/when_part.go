package reminders

// meridiemPhrase reads "in the morning", "at night", "de la tarde", "por
// la mañana", "de la madrugada", "am": with a time just before it, the
// time's own; else every time's.
func (w *whenParser) meridiemPhrase() bool {
	m, n := "", 0
	switch a, b, c := w.at(0), w.at(1), w.at(2); {
	case a == "in" && b == "the" && c == "morning":
		m, n = "am", 3
	case a == "in" && b == "the" && (c == "afternoon" || c == "evening"):
		m, n = "pm", 3
	case a == "at" && b == "night":
		m, n = "pm", 2
	case a == "de" && w.lastClock != w.i:
		return false // "la pastilla de la noche" is a pill; "a las 9 de la noche" a time
	case (a == "de" || a == "por" || a == "en") && b == "la" && (c == "manana" || c == "madrugada"):
		m, n = "am", 3
	case (a == "de" || a == "por" || a == "en") && b == "la" && (c == "tarde" || c == "noche"):
		m, n = "pm", 3
	case a == "am" || a == "pm":
		m, n = a, 1
	default:
		return false
	}
	p := &w.p
	own := false
	if k := len(p.times) - 1; k >= 0 && w.lastClock == w.i {
		own = true
		if p.times[k].meridiem != "" && p.times[k].meridiem != m {
			return false
		}
		p.times[k].meridiem = m
		if c := w.at(n - 1); c == "noche" || c == "night" {
			p.times[k].meridiem = "night"
		}
	} else {
		if p.meridiem != "" && p.meridiem != m {
			return false
		}
		p.meridiem = m
		if len(p.times) == 0 && p.part == "" {
			p.part = partWords[w.at(n-1)]
		}
	}
	w.i += n
	w.lastClock = -1
	if own {
		w.afterTime = w.i // "8 am and 8 pm": the and joins another time
	}
	return true
}

// partOfDay reads "tonight", "this evening", "tomorrow morning" (the
// "morning"), "esta tarde", "esta noche".
func (w *whenParser) partOfDay() bool {
	tok, n := w.at(0), 1
	today := false
	if tok == "tonight" {
		tok, today = "night", true
	} else if tok == "this" || tok == "esta" {
		tok, n, today = w.at(1), 2, true
	} else if !w.p.hasDate && len(w.p.days) == 0 {
		return false // "morning" alone is no day: "at night" is a meridiem phrase
	}
	part := partWords[tok]
	if part == "" {
		return false
	}
	if today && !w.setDate(w.today) || w.p.part != "" && w.p.part != part {
		return false
	}
	w.p.part = part
	w.i += n
	return true
}
