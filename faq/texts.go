package faq

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/carebot/carebot/yamlwalk"
)

// text reads one of an entry's texts (its question or answer, or a
// translation's), reporting what YAML did to it that staff did not mean.
// what names it in messages ("translations.es.answer"); key is the field's
// own name, for the fix ("answer: |").
func (d *decoder) text(n *yaml.Node, id, what, key string) string {
	s := d.w.Str(n, id, what)
	d.cut(n, id, what, s, key+": |")
	return s
}

// MessageLen is the most characters a Telegram message holds (4,096):
// an answer longer than that reaches patients in pieces.
const MessageLen = 4096

// MaxAnswerLen is the longest an answer may be, in characters: five
// Telegram messages, some 3,000 words. No clinic's answer to a patient's
// question needs more; a longer one is a document pasted in, or the rest
// of the file taken into an answer by a quote left open, and before this
// cap a 10 MB answer passed faq check and would have reached a patient as
// 2,400 messages.
const MaxAnswerLen = 20_000

// answer reads an answer, as text does, and reports a | block that took
// in what was meant as the next field or entry, and an answer too long
// for a chat.
func (d *decoder) answer(n *yaml.Node, id, what string) string {
	s := d.text(n, id, what, "answer")
	d.swallowed(n, id, what)
	switch l := utf8.RuneCountInString(s); {
	case l > MaxAnswerLen:
		d.w.Errorf(n.Line, id, "%s is %s characters long, more than the %s an answer may have (patients would get it in at least %s chat messages): "+
			"split it into several entries, or put the text on the clinic's website and link to it", what, thousands(l), thousands(MaxAnswerLen), thousands(messages(l)))
	case l > MessageLen:
		d.warnf(n.Line, id, "%s is %s characters long: a Telegram message holds at most %s, so patients get it split into at least %d messages; "+
			"shorten it, or split it into several entries", what, thousands(l), thousands(MessageLen), messages(l))
	}
	return s
}

// messages is the fewest Telegram messages a text of l characters takes.
func messages(l int) int { return (l + MessageLen - 1) / MessageLen }

// thousands writes n with commas between thousands: 20,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// entryLine matches a line of an answer that reads as a field of an entry
// ("question: ...") or the start of one ("- id: ...").
var entryLine = regexp.MustCompile(`^(?:-[ \t]+)?(?:id|question|alternates|answer):(?:[ \t]|$)`)

// swallowed reports a line of answer block n (answer: |) that looks like
// the next entry or field: YAML takes every line indented more than
// "answer:" into the block, so an entry below indented a step too far
// became part of the answer, and patients read "- id: parking" (QA). It is
// reported at that line, once: the lines after it are the same mistake.
func (d *decoder) swallowed(n *yaml.Node, id, what string) {
	first, lines := d.w.BlockLines(n)
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if !entryLine.MatchString(l) {
			continue
		}
		fix := `the field below is probably indented too far; line it up with "answer:"`
		if strings.HasPrefix(l, "-") {
			fix = `the entry below is probably indented too far; start its "- id:" in line with the other entries' "-"`
		}
		block := "|"
		if n.Style&yaml.FoldedStyle != 0 {
			block = ">"
		}
		d.w.Errorf(first+i, id, "%s: %q is part of the answer (every line indented under \"answer: %s\" is): %s", what, head(l, 40), block, fix)
		return
	}
}

// texts reads a list of alternates, as text does a question.
func (d *decoder) texts(n *yaml.Node, id, what string) []yamlwalk.Item {
	items := d.w.Strs(n, id, what)
	if n != nil && n.Kind == yaml.SequenceNode { // an alias is checked where it is written
		for i, c := range n.Content {
			d.cut(c, id, fmt.Sprintf("%s item %d", what, i+1), strings.TrimSpace(c.Value), "- |")
		}
	}
	return items
}

// wordless reports each of texts, which the bot matches patients'
// messages against, that has no word in it ("?", "!!!", "👍"): the
// matcher compares words, so no message could ever match it (QA). fix
// says what to do instead.
func (d *decoder) wordless(texts []yamlwalk.Item, id, what, fix string) {
	for _, t := range texts {
		if len(foldWords(t.Text)) == 0 {
			d.w.Errorf(t.Line, id, "%s: %q has no word in it, so no patient's message can ever match it; %s", what, head(t.Text, 40), fix)
		}
	}
}

// cut reports text s of node n, which YAML ended at an unquoted " #": the
// rest of the line is a comment to YAML, and patients would never see it
// (QA: "Suite #200" became "Suite", "press #3 for billing" became "press").
// A comment after a quoted text or a | block is allowed: the quotes show
// the author knows where the text ends. block is how to write the text
// after a | instead.
func (d *decoder) cut(n *yaml.Node, id, what, s, block string) {
	line, comment := d.w.CutByComment(n)
	if comment == "" {
		return
	}
	d.w.Errorf(line, id, "%s: an unquoted \" #\" starts a YAML comment, so %q is cut off and the text stops at %q; "+
		"put the text in quotes, or write it on the lines below %q", what, head(comment, 40), tail(s, 40), block)
}

// tail is the end of s, at most n characters of it, for a message.
func tail(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return "…" + strings.TrimLeft(string(r[len(r)-n:]), " ")
}

// head is the start of s, at most n characters of it, for a message.
func head(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimRight(string(r[:n]), " ") + "…"
}
