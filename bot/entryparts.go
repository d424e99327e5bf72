package bot

import "github.com/carebot/carebot/faq"

// entryParts is what the engine shows of one entry, made once per
// knowledge base rather than per message: the payloads of its buttons, its
// follow-ups, and its question and answer in each language carebot
// speaks (faq.Entry.Localized looks them up in maps).
type entryParts struct {
	entry     *faq.Entry
	self      string // the payload that asks for the entry: faq:<id>
	up, down  string // the payloads of its ratings
	followUps []*entryParts
	langs     [2]entryLang // in textsLangs
}

// entryLang is what faq.Entry.Localized returns for one language.
type entryLang struct{ question, answer, got string }

// The languages entryParts keeps, in the order of its langs; textsSlot
// finds one's place.
const langEN, langES = "en", "es"

var textsLangs = [2]string{langEN, langES}

func textsSlot(lang string) int {
	switch lang {
	case langEN:
		return 0
	case langES:
		return 1
	}
	return -1
}

// newEntryParts makes the parts of every entry of kb.
func newEntryParts(kb *faq.KB) map[*faq.Entry]*entryParts {
	all := make(map[*faq.Entry]*entryParts, len(kb.Entries))
	for _, entry := range kb.Entries {
		all[entry] = newEntryPart(entry)
	}
	for _, p := range all {
		p.linkFollowUps(kb, func(f *faq.Entry) *entryParts { return all[f] })
	}
	return all
}

// newEntryPart makes the parts of entry, follow-ups aside.
func newEntryPart(entry *faq.Entry) *entryParts {
	p := &entryParts{entry: entry, self: payloadEntry + entry.ID, up: payloadUp + entry.ID, down: payloadDown + entry.ID}
	for i, lang := range textsLangs {
		l := &p.langs[i]
		l.question, l.answer, l.got = entry.Localized(lang)
	}
	return p
}

// linkFollowUps fills in the follow-ups of p that exist in kb, with their
// parts as partsOf gives them.
func (p *entryParts) linkFollowUps(kb *faq.KB, partsOf func(*faq.Entry) *entryParts) {
	for _, id := range p.entry.FollowUp {
		if f, ok := kb.Entry(id); ok {
			p.followUps = append(p.followUps, partsOf(f))
		}
	}
}

// localized is faq.Entry.Localized, from what was kept for lang.
func (p *entryParts) localized(lang string) (question, answer, gotLang string) {
	if i := textsSlot(lang); i >= 0 {
		l := &p.langs[i]
		return l.question, l.answer, l.got
	}
	return p.entry.Localized(lang)
}

// entryParts returns the parts of entry, one of kb's.
func (e *Engine) entryParts(kb *faq.KB, entry *faq.Entry) *entryParts {
	st := e.cur.Load()
	if p := st.entries[entry]; p != nil && st.kb == kb {
		return p
	}
	// kb was swapped out mid-message: make them again, once.
	p := newEntryPart(entry)
	p.linkFollowUps(kb, newEntryPart)
	return p
}
