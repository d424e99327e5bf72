package faq

import (
	"time"
)

// SchemaVersion is the only faq.yaml version this package reads.
const SchemaVersion = 1

// KB is a parsed, validated and indexed knowledge base. Do not modify it
// after Parse: Match reads it from many goroutines without locks.
type KB struct {
	// File is the name errors and warnings carry (the name given to Parse).
	File     string
	Version  int
	Language string // the base language of entries, e.g. "en"
	Clinic   Clinic
	// Synonyms are the groups of words and phrases that mean the same to
	// the matcher, as written in the file.
	Synonyms [][]string
	Entries  []*Entry

	// Line of the clinic mapping, for warnings about it.
	clinicLine int
	// found are the warnings Parse finds, which the time does not change:
	// a phrasing given to two entries, an answer longer than a message.
	found []Warning
	byID  map[string]*Entry
	idx   *index
}

// Clinic is how to reach the practice; the engine uses it in fallbacks and
// safety replies.
type Clinic struct {
	Name            string
	Phone           string
	Website         string
	EmergencyNumber string
	CrisisLine      string
}

// Entry is one question and its answer.
type Entry struct {
	ID       string
	Question string
	Answer   string
	// Alternates are other ways patients ask the same question.
	Alternates []string
	// Keywords are single words or short phrases that point to this entry.
	Keywords []string
	Tags     []string
	// FollowUp holds ids of entries to offer after this answer; Parse
	// guarantees they exist.
	FollowUp []string
	// Translations maps a base language code ("es", also for a
	// translation written as "es-MX") to this entry in that language.
	Translations map[string]Translation

	// Content governance, all optional.
	ReviewedBy  string
	ReviewedAt  time.Time // zero when not given
	ReviewEvery Period    // zero when not given

	// Line is where the entry starts in the file.
	Line int
	// reviewLine is the line of reviewed_at (or of the entry), for warnings.
	reviewLine int
	pos        int    // index in KB.Entries
	kbLang     string // the knowledge base's language
}

// Translation is an entry in another language.
type Translation struct {
	Question   string
	Alternates []string
	Answer     string
}

// Entry returns the entry with the given id.
func (kb *KB) Entry(id string) (*Entry, bool) {
	e, ok := kb.byID[id]
	return e, ok
}

// Localized returns the entry's question and answer in lang when it has a
// translation into lang (or lang is the knowledge base's language), and in
// the knowledge base's language otherwise. gotLang says which language the
// returned text is in, so the caller can say "answering in English".
// lang may carry a region ("es-MX"); only its base language is used.
func (e *Entry) Localized(lang string) (question, answer, gotLang string) {
	base := baseLang(lang)
	if t, ok := e.Translations[base]; ok && base != "" {
		q := t.Question
		if q == "" {
			q = e.Question
		}
		return q, t.Answer, base
	}
	return e.Question, e.Answer, e.kbLang
}
