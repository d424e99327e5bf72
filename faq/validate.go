package faq

import (
	"fmt"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/carebot/carebot/yamlwalk"
)

// lang checks a language code and returns its canonical form ("es",
// "es-MX"), or "" after reporting a problem.
func (d *decoder) lang(code string, line int, entry, what string) string {
	if code == "" {
		d.w.Errorf(line, entry, "%s: the language code is empty; use a code such as en or es", what)
		return ""
	}
	tag, err := language.Parse(code)
	if err != nil || tag == language.Und {
		d.w.Errorf(line, entry, "%s: %q is not a known language code; use a code such as en, es or es-MX", what, code)
		return ""
	}
	if _, conf := tag.Base(); conf != language.Exact {
		d.w.Errorf(line, entry, "%s: %q is not a known language code; use a code such as en, es or es-MX", what, code)
		return ""
	}
	// The matcher and every reply carebot writes itself are English and
	// Spanish: entries in another language would be matched with the
	// wrong words and answered around with the wrong replies, and a
	// translation into one is never shown (QA: "fr" passed, and was
	// counted as translated). Both are errors, not warnings, like every
	// other part of the file that would be silently unused.
	if langOf(tag.String()) == langOther {
		use := "; write the entries in one of them"
		if what == "translations" {
			use = ", so no patient would ever get this translation; remove it"
		}
		d.w.Errorf(line, entry, "%s: carebot does not speak %q: it answers patients in en (English) and es (Spanish)%s", what, code, use)
		return ""
	}
	return tag.String()
}

// validate checks what spans entries: unique ids, follow_up targets,
// translation languages.
func (d *decoder) validate(kb *KB) {
	kb.byID = make(map[string]*Entry, len(kb.Entries))
	firstLine := make(map[string]int, len(kb.Entries))
	for i, e := range kb.Entries {
		e.kbLang = kb.Language
		if e.ID == "" {
			continue
		}
		if first, dup := firstLine[e.ID]; dup {
			if a := d.raw[i].alias; a != "" {
				d.w.Errorf(d.raw[i].idLine, e.ID, "the id is used twice (first at line %d): *%s repeats the entry at line %d; write a new entry here instead of the alias", first, a, e.Line)
			} else {
				d.w.Errorf(d.raw[i].idLine, e.ID, "the id is used twice (first at line %d)", first)
			}
			continue
		}
		firstLine[e.ID] = d.raw[i].idLine
		kb.byID[e.ID] = e
	}
	if len(kb.Entries) == 0 && len(d.w.Problems()) == 0 {
		d.w.Errorf(0, "", "entries is empty: the file has no questions and answers")
	}
	kbBase := baseLang(kb.Language)
	kb.found = append(d.warnings, sharedPhrasings(kb.File, kbBase, d.phrasings)...)
	kb.found = append(kb.found, shrunkSynonyms(kb.File, langOf(kb.Language), d.synonymItems)...)
	for _, r := range d.raw {
		e := r.e
		seen := make(map[string]bool, len(r.follow))
		for _, f := range r.follow {
			switch {
			case seen[f.Text] && (f.Text == e.ID || kb.byID[f.Text] == nil):
				// reported at its first mention
			case f.Text == e.ID:
				d.w.Errorf(f.Line, e.ID, "follow_up %q is the entry itself", f.Text)
			case kb.byID[f.Text] == nil:
				d.w.Errorf(f.Line, e.ID, "follow_up %q does not exist", f.Text)
			case seen[f.Text]:
				d.w.Errorf(f.Line, e.ID, "follow_up %q is listed twice", f.Text)
			}
			seen[f.Text] = true
		}
		for lang := range e.Translations {
			if kbBase != "" && baseLang(lang) == kbBase {
				d.w.Errorf(r.langLine[lang], e.ID, "translations.%s: %s is the knowledge base's own language; put that text in question and answer", lang, lang)
			}
		}
	}
}

// baseLang returns the lower-case base language of a code: "es-MX" → "es".
func baseLang(code string) string {
	if i := strings.IndexAny(code, "-_"); i >= 0 {
		code = code[:i]
	}
	return strings.ToLower(code)
}

// Warnings lists what staff should fix although the knowledge base works:
// entries past their review date (reviewed_at + review_every before now),
// entries with review_every but no reviewed_at, a review date in the
// future, a clinic without a phone number for the fallback, too few
// alternates for a classifier, a phrasing given to two entries and an
// answer longer than a chat message. They are sorted by line.
func (kb *KB) Warnings(now time.Time) []Warning {
	var out []Warning
	add := func(line int, entry, format string, args ...any) {
		out = append(out, Warning{File: kb.File, Line: line, Entry: entry, Msg: fmt.Sprintf(format, args...)})
	}
	if kb.Clinic.Phone == "" {
		add(kb.clinicLine, "", "clinic.phone is empty: the fallback reply cannot say how to reach the clinic")
	}
	// The blind clinic sets never trained on were answered confidently
	// 0.786 to 0.905 of the time against the clinic's knowledge base, 0.464
	// to 0.640 against it without alternates.
	if kb.idx != nil && kb.idx.fewPhrasings {
		n, bare := len(kb.Entries), 0
		for _, e := range kb.Entries {
			if len(e.Alternates) == 0 {
				bare++
			}
		}
		add(0, "", "%d of %d entries have no alternates, and the entries have fewer than %d phrasings each on average: "+
			"the bot will answer fewer questions with confidence and offer \"did you mean\" instead; "+
			"add the ways patients ask each question as alternates", bare, n, minPhrasingsPerEntry)
	}
	for _, e := range kb.Entries {
		switch {
		case !e.ReviewedAt.IsZero() && e.ReviewedAt.After(now.AddDate(0, 0, 1)):
			add(e.reviewLine, e.ID, "reviewed_at %s is in the future", e.ReviewedAt.Format(time.DateOnly))
		case e.ReviewEvery.IsZero():
		case e.ReviewedAt.IsZero():
			add(e.reviewLine, e.ID, "review_every is %s but reviewed_at is missing: it has never been reviewed", e.ReviewEvery)
		default:
			// Days, not times: an entry due today is due, not past due
			// (QA: it was "past its review date" all day).
			due := day(e.ReviewEvery.AddTo(e.ReviewedAt))
			today := day(now)
			by := ""
			if e.ReviewedBy != "" {
				by = " by " + e.ReviewedBy
			}
			switch {
			case today.Equal(due):
				add(e.reviewLine, e.ID, "due for review today (%s): reviewed %s%s, review every %s",
					due.Format(time.DateOnly), e.ReviewedAt.Format(time.DateOnly), by, e.ReviewEvery)
			case today.After(due):
				add(e.reviewLine, e.ID, "past its review date: reviewed %s%s, review every %s, due %s",
					e.ReviewedAt.Format(time.DateOnly), by, e.ReviewEvery, due.Format(time.DateOnly))
			}
		}
	}
	out = append(out, kb.found...)
	sortWarnings(out)
	return out
}

// day is t's calendar day, in t's zone, as a date without a time.
func day(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// sharedPhrasings warns about each phrasing that another entry has too,
// once folded (case, accents, punctuation): the matcher cannot tell the
// two entries apart by it, and answers whichever it ranks first.
func sharedPhrasings(file, kbBase string, ps []writtenPhrasing) []Warning {
	type at struct {
		entry string
		line  int
	}
	first := make(map[string]at, len(ps))
	var out []Warning
	for _, p := range ps {
		words := foldWords(p.text)
		if len(words) == 0 || p.entry == "" {
			continue
		}
		lang := p.lang
		if lang == "" {
			lang = kbBase
		}
		key := lang + "\x00" + strings.Join(words, " ")
		f, seen := first[key]
		switch {
		case !seen:
			first[key] = at{p.entry, p.line}
		case f.entry != p.entry:
			out = append(out, Warning{File: file, Line: p.line, Entry: p.entry, Msg: fmt.Sprintf(
				"%q is also a phrasing of entry %q (line %d): the bot cannot tell the two apart by it; keep it in the entry that answers it",
				p.text, f.entry, f.line)})
		}
	}
	return out
}

// shrunkSynonyms warns about each synonym of several words that the
// matcher reads as one, its other words being ones it ignores: "well
// child" is "child" ("well" says nothing in "well, I was wondering"), so
// every "child" a patient writes would count as the group (QA: a
// pediatric clinic's [well child, checkup] sent "when is my babys next
// checkup" to the newborn entry).
func shrunkSynonyms(file string, l lang, groups [][]yamlwalk.Item) []Warning {
	if l == langOther {
		l = langEN // as the index reads it
	}
	var out []Warning
	for gi, g := range groups {
		for _, m := range g {
			// As the index reads a synonym (see addSynonyms).
			var kept, dropped []string
			eachFolded(l, m.Text, func(w string) {
				if kindOf(l, w) == kindStop {
					dropped = append(dropped, w)
				} else {
					kept = append(kept, w)
				}
			})
			if len(kept) == 1 && len(dropped) > 0 {
				out = append(out, Warning{File: file, Line: m.Line, Msg: fmt.Sprintf(
					"synonyms group %d: %q is read as %q, because carebot ignores %q in any message: "+
						"every %q a patient writes would count as this group; write a phrase whose words all say something, "+
						"or leave it out", gi+1, m.Text, kept[0], strings.Join(dropped, " "), kept[0])})
			}
		}
	}
	return out
}
