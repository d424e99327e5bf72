package bot

import (
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/carebot/carebot"
)

// keywordVocabulary is every word and phrase the keyword steps know, for
// the tests to build messages from.
func keywordVocabulary() []string {
	var v []string
	for _, m := range []map[string]bool{optOutVerbs, optInVerbs, messageWords, fillers, optOutPhrases, optInPhrases, helpPhrases, talkFiller,
		emphasisWords, sendingVerbs, optOutNumberPhrases} {
		v = slices.AppendSeq(v, maps.Keys(m))
	}
	v = slices.AppendSeq(v, maps.Keys(bareKeywords))
	v = slices.AppendSeq(v, maps.Keys(purposeWords))
	v = slices.AppendSeq(v, maps.Keys(talkWords))
	v = slices.AppendSeq(v, maps.Keys(talkPhrases))
	v = slices.AppendSeq(v, maps.Keys(languageWords))
	v = slices.AppendSeq(v, maps.Keys(messageNouns))
	for _, l := range consentLeads {
		v = append(v, l.words)
	}
	v = append(v, optOutAsides...)
	v = slices.AppendSeq(v, maps.Keys(forgetStart))
	for _, g := range forgetGrammars {
		v = slices.AppendSeq(v, maps.Keys(g.verbs))
		v = slices.AppendSeq(v, maps.Keys(g.wholes))
		for _, l := range g.leads {
			v = append(v, strings.Join(l, " "))
		}
		for _, l := range g.tails {
			v = append(v, strings.Join(l, " "))
		}
	}
	v = append(v, "my data", "all my information", "mis datos", "toda mi información", "delete my data", "borra mis datos",
		"can you delete my account", "olvídame", "por favor")
	return append(v, "opt", "out", "in", "no", "more", "on", "off", "turn reminders off", "i want to stop getting texts", "stop all", "opt-out", "opt-in", "Opt Out", "STOP ALL", "don't", "dont'", "'''", "a'b'c")
}

// keywordSpellings are the ways a patient may type w: case, accents,
// apostrophes, punctuation around and inside it.
func keywordSpellings(w string) []string {
	accent := strings.NewReplacer("a", "á", "e", "é", "i", "í", "o", "ó", "u", "ü", "n", "ñ")
	return []string{
		w, strings.ToUpper(w), strings.Title(w), accent.Replace(w), strings.ToUpper(accent.Replace(w)),
		w + "!", "¿" + w + "?", "'" + w + "'", "“" + w + "”", strings.ReplaceAll(w, " ", "-"),
		strings.ReplaceAll(w, " ", " , "), strings.ReplaceAll(w, " ", "’"), "please " + w, w + " pls",
		w + " thanks!", "ok " + w + " now", w + " 🙏", w + "\xff", strings.ReplaceAll(w, "o", "0"),
		strings.ReplaceAll(w, " ", "\u00a0"), w + " Ç", "ok, " + w + ", ok",
	}
}

// checkKeywordsMatchReference compares the allocation-free keyword readers
// with the plain ones they replaced (words_ref_test.go) on one message.
func checkKeywordsMatchReference(t *testing.T, text string) {
	t.Helper()
	var buf [16]byte // small on purpose: growing the buffer must not change anything
	list, n := appendWords(buf[:0], text, nil)
	want := refWords(text)
	if got := strings.Join(want, " "); string(list) != got || n != len(want) {
		t.Fatalf("appendWords(%q): got %q (%d words), want %q (%d)", text, list, n, got, len(want))
	}
	list, n = consentWords(buf[:0], text)
	want = refConsentTokens(text)
	if got := strings.Join(want, " "); string(list) != got || n != len(want) {
		t.Fatalf("consentWords(%q): got %q (%d words), want %q (%d)", text, list, n, got, len(want))
	}
	if got, want := parseConsent(text), refParseConsent(text); !reflect.DeepEqual(got, want) {
		t.Fatalf("parseConsent(%q): got %+v, want %+v", text, got, want)
	}
	if got, want := smallTalk(text), refSmallTalk(text); got != want {
		t.Fatalf("smallTalk(%q): got %d, want %d", text, got, want)
	}
	gotLang, got := forgetRequest(text)
	if wantLang, want := refForgetRequest(text); got != want || gotLang != wantLang {
		t.Fatalf("forgetRequest(%q): got %q %v, want %q %v", text, gotLang, got, wantLang, want)
	}
}

func TestKeywordsMatchReference(t *testing.T) {
	vocab := keywordVocabulary()
	n := 0
	for i, a := range vocab {
		for _, s := range keywordSpellings(a) {
			checkKeywordsMatchReference(t, s)
			n++
		}
		// Pairs and triples, so every phrase meets its neighbours.
		for j := range 12 {
			b, c := vocab[(i*7+j*13)%len(vocab)], vocab[(i*11+j*5)%len(vocab)]
			for _, s := range []string{a + " " + b, b + " " + a, a + " " + b + " " + c, c + ", " + a + "! " + b} {
				checkKeywordsMatchReference(t, s)
				n++
			}
		}
	}
	for _, s := range []string{"", " ", "'", "''' '''", "opt", "opt opt out", "opt out out", "opt-in-out", "no more",
		"no more no more", "stop all all", "please", "please please", "stop 🛑 all", strings.Repeat("stop ", 20),
		strings.Repeat("x", 90), "ÀÉÍÓÚÑ", "ÇçÆ", "\x00stop\x00", "STOP’ALL", "opt\u00adout"} {
		checkKeywordsMatchReference(t, s)
		n++
	}
	t.Logf("%d messages", n)
}

func FuzzKeywordsMatchReference(f *testing.F) {
	for _, s := range []string{"stop", "STOP ALL", "opt-out please", "no more texts", "hola, como estas?", "ok thx bye",
		"stop awareness and tips", "in english", "don't text me", "cancel appointments", "👍🏽 ❤️", "🙏 hi",
		"i don't want these text reminders anymore", "turn my reminders back on", "ya no quiero que me manden mensajes",
		"ya no me escriban más, por favor", "basta", "no", "please delete all my data", "STOP STOP STOP", "i said stop",
		"wrong number, stop texting me", "Stop texting me I am not your patient", "no más mensajes por favor", "ya basta de mensajes",
		"deja de escribirme", "no me mandes mas", "cancelar mensajes", "i said cancel", "por por favor favor", "¿pueden borrar mis datos, por favor?", "olvídame"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkKeywordsMatchReference(t, s) })
}

// The keyword steps read every message that starts like a keyword ("i",
// "do", "no", "how"...); finding that it is none must not allocate.
func TestKeywordStepsDoNotAllocate(t *testing.T) {
	msgs := []string{"i need to move my appointment to friday", "do you take blue cross?", "no one answered the phone",
		"can you tell me your hours", "i want to know my balance", "quiero una cita el lunes", "me pueden llamar",
		"how do i get my lab results", "stop my blood pressure meds?", "hi, when are you open?", "en que piso esta la farmacia",
		// Asides around no opt-out: read to the end, and let go.
		"just wondering if you take aetna", "wrong number for billing?", "i said my appointment was friday",
		"para que sirve la vacuna", "ya cancele mi cita", "no soy paciente, puedo ir?"}
	n := testing.AllocsPerRun(100, func() {
		for _, m := range msgs {
			parseConsent(m)
			smallTalk(m)
			forgetRequest(m)
		}
	})
	if n != 0 {
		t.Errorf("parseConsent, smallTalk and forgetRequest of questions: %v allocations, want 0", n)
	}
	e, _ := newTestEngine(t)
	kb := e.KB()
	n = testing.AllocsPerRun(100, func() { e.command(t.Context(), kb, dm("in spanish?"), &carebot.User{}, "in spanish", "en") })
	if n > 2 {
		t.Errorf("a language word: %v allocations, want at most the outcome's 2", n)
	}
}

func FuzzCleanMatchesReference(f *testing.F) {
	for _, s := range []string{"", " hi ", "a\x00b", "\x7f", "\u0085x", "\u00a0x\u00a0", "\xff\xfe", "ok\xe2\x80", "\ufffd", "é\te", "\u2028", "k\u200bill", "\ufeffhi", "a\u00adb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := clean(s), cleanSlow(s); got != want {
			t.Fatalf("clean(%q): got %q, want %q", s, got, want)
		}
	})
}

// clean's fast path must agree with the plain one on every character and
// on every byte that cannot start one.
func TestCleanEveryRune(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		s := "a" + string(r) + "b"
		if got, want := clean(s), cleanSlow(s); got != want {
			t.Fatalf("clean(%q): got %q, want %q", s, got, want)
		}
	}
	for b := 0x80; b <= 0xff; b++ {
		s := "a" + string([]byte{byte(b)}) + "b"
		if got, want := clean(s), cleanSlow(s); got != want {
			t.Fatalf("clean(%q): got %q, want %q", s, got, want)
		}
	}
}

// printableBlocks tests eight bytes at once; it must say what testing
// them one by one says, whatever the other seven are.
func TestPrintableBlocks(t *testing.T) {
	fill := []byte{' ', 'a', '~', 'Z', 0x80, 0x1f, 0x7f, 0xff, 0x00, 0x20, 0x7e}
	for c := 0; c < 256; c++ {
		for pos := range 8 {
			for _, f := range fill {
				b := []byte{f, f, f, f, f, f, f, f}
				b[pos] = byte(c)
				ok := true
				for _, x := range b {
					ok = ok && x >= 0x20 && x < 0x7f
				}
				want := 0
				if ok {
					want = 8
				}
				if got := printableBlocks(string(b)+"\x00", 0); got != want {
					t.Fatalf("printableBlocks(%q): got %d, want %d", b, got, want)
				}
			}
		}
	}
	if got := printableBlocks("abcdefghijklmnopqrs", 2); got != 18 {
		t.Errorf("printableBlocks of 17 printable bytes from 2: got %d, want 18", got)
	}
}

// A wordSet answers as its map does, for its words and for others.
func TestWordSet(t *testing.T) {
	others := keywordVocabulary()
	for _, w := range others {
		others = append(others, w+"s", w[:len(w)/2], "x"+w)
	}
	for c := 'a'; c <= 'z'; c++ {
		for d := 'a'; d <= 'z'; d++ {
			others = append(others, string(c), string([]rune{c, d}))
		}
	}
	for name, s := range map[string]*wordSet{"consentGate": consentGate, "fillerSet": fillerSet, "talkGate": talkGate, "talkFillerSet": talkFillerSet,
		"forgetGate": forgetGate, "forgetKeySet": forgetKeySet} {
		for w := range s.words {
			if !s.has([]byte(w)) {
				t.Errorf("%s: %q is in the map but not in the set", name, w)
			}
		}
		for _, w := range others {
			if got, want := s.has([]byte(w)), s.words[w]; got != want {
				t.Errorf("%s.has(%q): got %v, want %v", name, w, got, want)
			}
		}
		t.Logf("%s: %d words", name, len(s.words))
	}
}

func TestFoldIsFoldRune(t *testing.T) {
	for r := rune(-1); r <= utf8.MaxRune+1; r++ {
		if fold(r) != foldRune(r) {
			t.Fatalf("fold(%q): got %q, foldRune says %q", r, fold(r), foldRune(r))
		}
	}
}

// Leads are tried in order and the first that opens a message wins: a
// lead that starts with an earlier one (in either language's list) would
// never be read.
func TestConsentLeadsAllReachable(t *testing.T) {
	for i, a := range consentLeads {
		for _, b := range consentLeads[i+1:] {
			if _, ok := cutWords([]byte(b.words), a.words); ok {
				t.Errorf("lead %q comes after %q, which it starts with: it is never read", b.words, a.words)
			}
		}
	}
}
