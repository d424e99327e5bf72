package faq

import (
	"strings"
	"sync"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/spanish"
)

// lang is a language the matcher analyses: English and Spanish get stop
// words and stemming; any other language is split into folded words only.
type lang uint8

const (
	langEN lang = iota
	langES
	langOther
	nLangs
)

func langOf(code string) lang {
	switch baseLang(code) {
	case "en":
		return langEN
	case "es":
		return langES
	}
	return langOther
}

func (l lang) code() string {
	switch l {
	case langEN:
		return "en"
	case langES:
		return "es"
	}
	return ""
}

// other is the language queries are bridged to through the lexicon.
func (l lang) other() lang {
	switch l {
	case langEN:
		return langES
	case langES:
		return langEN
	}
	return langOther
}

type langRes struct {
	class map[string]uint8
	chat  map[string]string
}

var langResources = [nLangs]langRes{
	langEN: {class: englishClass, chat: chatEnglish},
	langES: {class: spanishClass, chat: chatSpanish},
}

// maxStemLen is the longest word stemmed or corrected; longer "words" are
// pastes (URLs, keyboard mashing) and are matched as they are, which also
// keeps the cost of one word bounded.
const maxStemLen = 40

// stem reduces a folded word to its stem. It is slow (a few hundred
// nanoseconds), so the built-in resources' words are stemmed once per
// process and the index caches the stem of every word it has seen.
func stem(l lang, w string) string {
	if len(w) > maxStemLen {
		return w
	}
	if l < langOther {
		if st, ok := resourceStems()[l][w]; ok {
			return st
		}
	}
	return stemNow(l, w)
}

// resourceStems holds the stems of the built-in resources' words, computed
// on first use and only read afterwards.
var resourceStems = sync.OnceValue(func() [langOther]map[string]string {
	var m [langOther]map[string]string
	for l := range m {
		m[l] = make(map[string]string)
	}
	add := func(l lang, text string) {
		for _, w := range foldWords(text) {
			if _, ok := m[l][w]; !ok {
				m[l][w] = stemNow(l, w)
			}
		}
	}
	for w := range commonEnglish {
		add(langEN, w)
	}
	for _, g := range relatedGroups {
		add(langEN, strings.Join(g, " "))
	}
	for w, cats := range categoryOf {
		add(langEN, w+" "+strings.Join(cats, " "))
	}
	for _, es := range patientLexicon {
		for _, e := range es {
			add(langEN, strings.Join(e.targets, " "))
		}
	}
	for _, g := range builtinSynonyms {
		for _, w := range g {
			add(langEN, w)
			add(langES, w)
		}
	}
	for _, e := range lexicon {
		add(langES, e.es)
		add(langEN, strings.Join(e.en, " "))
	}
	for l := range m {
		for w := range langResources[l].class {
			add(lang(l), w)
		}
	}
	return m
})

func stemNow(l lang, w string) string {
	switch l {
	case langEN:
		if len(w) <= 3 {
			return w
		}
		return english.Stem(w, true)
	case langES:
		if len(w) <= 3 {
			return w
		}
		return spanish.Stem(w, true)
	}
	return w
}

// wordKind says what a folded word is before it reaches the vocabulary.
type wordKind uint8

const (
	kindContent wordKind = iota
	kindStop
	kindLight
)

// expansions holds, per language, the words each chat shorthand and
// negation stands for, split once so that queries need not allocate.
var expansions = buildExpansions()

func buildExpansions() [nLangs]map[string][]string {
	var out [nLangs]map[string][]string
	for l := range out {
		out[l] = make(map[string][]string)
		if lang(l) == langOther {
			continue
		}
		for w, n := range negations {
			out[l][w] = []string{n}
		}
		for w, x := range langResources[l].chat {
			out[l][w] = strings.Fields(x)
		}
	}
	return out
}

// expand returns the words a folded word stands for in l: the chat
// shorthand's expansion, the negation term, or nil for the word itself.
func expand(l lang, w string) []string { return expansions[l][w] }

func kindOf(l lang, w string) wordKind {
	// A lone letter is the rest of a split contraction ("what s", "don t")
	// or an initial; "x" stays for "x ray".
	if len(w) == 1 && 'a' <= w[0] && w[0] <= 'z' && w[0] != 'x' {
		return kindStop
	}
	switch langResources[l].class[w] {
	case stop:
		return kindStop
	case light:
		return kindLight
	}
	return kindContent
}

// isNumber reports a token made only of digits.
func isNumber(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}
