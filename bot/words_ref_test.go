package bot

import (
	"slices"
	"strings"

	"github.com/carebot/carebot"
)

// This file keeps the keyword readers as they were before they were made
// allocation-free: the reference the differential tests hold the fast ones
// to. They are simple on purpose; change them only with the behaviour.

// refWords lower-cases text, folds its accents, and splits it into words,
// dropping punctuation ("don't" is "dont").
func refWords(text string) []string {
	var b strings.Builder
	for _, r := range text {
		b.WriteRune(foldRune(r))
	}
	var out []string
	for _, w := range strings.FieldsFunc(b.String(), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '\'')
	}) {
		if w = strings.ReplaceAll(w, "'", ""); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// refConsentTokens drops fillers and joins the spellings of
// opt-out/opt-in/stop-all into one token each.
func refConsentTokens(text string) []string {
	var toks []string
	for _, w := range refWords(text) {
		if !fillers[w] {
			toks = append(toks, w)
		}
	}
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		if i+1 < len(toks) && toks[i] == "opt" && (toks[i+1] == "out" || toks[i+1] == "in") {
			out = append(out, "opt"+toks[i+1])
			i++
			continue
		}
		out = append(out, toks[i])
	}
	if len(out) == 2 && out[0] == "stop" && out[1] == "all" {
		return []string{"stopall"}
	}
	return out
}

func refParseConsent(text string) consentIntent {
	text = dropPorFavor(text) // not a reading of words: shared
	if len(text) > 80 || !refFirstWordIn(text, consentStart, fillers) {
		return consentIntent{}
	}
	var toks []string
	for ws := refConsentTokens(text); len(ws) > 0; ws = ws[1:] {
		if len(ws) > 1 && ws[0] == "por" && ws[1] == "favor" {
			ws = ws[1:]
			continue
		}
		toks = append(toks, ws[0])
	}
	if len(toks) == 0 || len(toks) > maxConsentWords {
		return consentIntent{}
	}
	if len(toks) == 1 {
		if k, ok := bareKeywords[toks[0]]; ok {
			return consentIntent{kind: k, method: "keyword:" + strings.ToUpper(toks[0])}
		}
	}
	if in := refParseWords(toks); in.kind != intentNone {
		return in
	}
	core := toks
	for cut := true; cut && len(core) > 0; {
		cut = false
		for _, a := range optOutAsides {
			aw := strings.Fields(a)
			switch {
			case len(core) >= len(aw) && slices.Equal(core[:len(aw)], aw):
				core, cut = core[len(aw):], true
			case len(core) >= len(aw) && slices.Equal(core[len(core)-len(aw):], aw):
				core, cut = core[:len(core)-len(aw)], true
			}
			if cut {
				break
			}
		}
	}
	if len(core) == len(toks) || len(core) == 0 || core[0] == "cancel" || core[0] == "cancelar" {
		return consentIntent{}
	}
	if in := refParseWords(core); in.kind == intentOptOut {
		return in
	}
	return consentIntent{}
}

func refParseWords(toks []string) consentIntent {
	joined := strings.Join(toks, " ")
	if optOutPhrases[joined] || optOutNumberPhrases[joined] {
		return consentIntent{kind: intentOptOut, method: "phrase"}
	}
	if optInPhrases[joined] {
		return consentIntent{kind: intentOptIn, method: "phrase"}
	}
	if helpPhrases[joined] {
		return consentIntent{kind: intentHelp, method: "phrase"}
	}
	var kind intentKind
	switch {
	case optOutVerbs[toks[0]]:
		kind = intentOptOut
	case optInVerbs[toks[0]]:
		kind = intentOptIn
	case toks[0] == "no" && len(toks) > 1 && toks[1] == "more":
		kind, toks = intentOptOut, toks[1:]
	default:
		return refParseLead(toks)
	}
	var purposes []carebot.Purpose
	for _, w := range toks[1:] {
		if p, ok := purposeWords[w]; ok {
			if !containsPurpose(purposes, p) {
				purposes = append(purposes, p)
			}
			continue
		}
		if !messageWords[w] && !emphasisWords[w] && !(w == "stop" && kind == intentOptOut) {
			return consentIntent{}
		}
	}
	cancel := toks[0] == "cancel" || toks[0] == "cancelar"
	if (cancel || toks[0] == "end" || toks[0] == "quit") && len(purposes) > 0 ||
		cancel && (slices.Contains(toks, "it") || slices.Contains(toks, "that") || slices.Contains(toks, "this")) {
		return consentIntent{}
	}
	method := "phrase"
	if len(purposes) > 0 {
		method = "keyword:" + strings.ToUpper(toks[0]) + "+purpose"
	}
	return consentIntent{kind: kind, purposes: purposes, method: method}
}

func refParseLead(toks []string) consentIntent {
	for _, l := range consentLeads {
		lead := strings.Fields(l.words)
		if len(toks) < len(lead) || !slices.Equal(toks[:len(lead)], lead) {
			continue
		}
		kind, noun := l.kind, slices.ContainsFunc(lead, func(w string) bool { return messageNouns[w] || sendingVerbs[w] })
		var purposes []carebot.Purpose
		for _, w := range toks[len(lead):] {
			if l.kind == intentNone && (w == "off" || w == "on") {
				k := map[string]intentKind{"off": intentOptOut, "on": intentOptIn}[w]
				if kind != intentNone && kind != k {
					return consentIntent{}
				}
				kind = k
				continue
			}
			noun = noun || messageNouns[w]
			if p, ok := purposeWords[w]; ok {
				if !containsPurpose(purposes, p) {
					purposes = append(purposes, p)
				}
				continue
			}
			if !messageWords[w] && !messageNouns[w] && !emphasisWords[w] {
				return consentIntent{}
			}
		}
		if !noun || kind == intentNone {
			return consentIntent{}
		}
		return consentIntent{kind: kind, purposes: purposes, method: "phrase"}
	}
	return consentIntent{}
}

// refForgetRequest is forgetRequest on the plain readers: the grammar
// itself (forgetMatch) is not a reading of words, and is shared.
func refForgetRequest(text string) (string, bool) {
	text = dropPorFavor(text)
	if len(text) > maxForgetText || !refFirstWordIn(text, forgetStart, fillers) {
		return "", false
	}
	toks := refConsentTokens(text)
	if !slices.ContainsFunc(toks, func(w string) bool { return forgetKeys[w] }) {
		return "", false
	}
	return forgetMatch(toks)
}

func refSmallTalk(text string) talkKind {
	if k := emojiTalk(text); k != talkNone { // not a reading of words: shared
		return k
	}
	if len(text) > 60 || !refFirstWordIn(text, talkStart, talkFiller) {
		return talkNone
	}
	toks := refWords(text)
	if len(toks) == 0 {
		return talkNone
	}
	if k, ok := talkPhrases[strings.Join(toks, " ")]; ok {
		return k
	}
	best := talkNone
	for _, w := range toks {
		k, ok := talkWords[w]
		switch {
		case ok:
			best = max(best, k)
		case !talkFiller[w]:
			return talkNone
		}
	}
	return best
}

// refFirstWordIn reports whether the first word of text not in skip,
// folded, is in set, or every word is in skip.
func refFirstWordIn(text string, set, skip map[string]bool) bool {
	var buf [24]byte
	n := 0
	for i, r := range text {
		r = foldRune(r)
		letter := r >= 'a' && r <= 'z' || r >= '0' && r <= '9'
		switch {
		case letter && n < len(buf):
			buf[n] = byte(r)
			n++
		case letter:
			return false
		case r == '\'':
		case n > 0:
			if w := buf[:n]; !skip[string(w)] {
				return set[string(w)]
			}
			n = 0
		case i > 64:
			return false
		}
	}
	return set[string(buf[:n])] || n > 0 && skip[string(buf[:n])]
}
