package telegram

import (
	"slices"
	"strings"
	"unicode"
)

// The words the engine receives for Telegram's built-in commands. /help
// and /stop become the consent keywords the engine already knows; /start
// stays "/start" so the engine can tell the welcome (a new chat) from a
// patient typing START to opt back in. A deep-link argument of /start is
// dropped: it comes from whoever made the link, not from the patient.
const (
	TextStart = "/start"
	TextHelp  = "HELP"
	TextStop  = "STOP"
)

// addressed is a message's text as the engine should read it, and whether
// it was addressed to the bot by name: an @mention, or a /command@bot.
// A bare /command names no bot: in a group it may be another bot's.
type addressed struct {
	text      string
	mentioned bool
}

// parseAddressed strips the bot's @mentions from text and maps a leading
// /command to the engine's words. entities are Telegram's, with offsets in
// UTF-16 units; ones that do not fit the text are ignored.
func parseAddressed(text string, entities []rawEntity, me self) addressed {
	var a addressed
	offs := unitOffsets(text)
	var cuts [][2]int
	for _, e := range entities {
		if e.Offset < 0 || e.Length <= 0 || e.Offset+e.Length >= len(offs) || e.Offset+e.Length < 0 {
			continue
		}
		start, end := offs[e.Offset], offs[e.Offset+e.Length]
		if start < 0 || end < 0 {
			continue // inside a surrogate pair: not a real entity
		}
		mine := false
		switch e.Type {
		case "mention":
			mine = me.Username != "" && strings.EqualFold(text[start:end], "@"+me.Username)
		case "text_mention":
			mine = e.User != nil && e.User.ID == me.ID
		}
		if mine {
			a.mentioned = true
			cuts = append(cuts, [2]int{start, end})
		}
	}
	a.text = cutOut(text, cuts)
	if word, named, ok := command(a.text, me.Username); ok {
		a.mentioned = a.mentioned || named
		a.text = word
	}
	return a
}

// unitOffsets maps each UTF-16 unit index of s to its byte offset, with -1
// for the second unit of a surrogate pair; the last entry is len(s).
func unitOffsets(s string) []int {
	offs := make([]int, 0, len(s)+1)
	for i, r := range s {
		offs = append(offs, i)
		if utf16Units(r) == 2 {
			offs = append(offs, -1)
		}
	}
	return append(offs, len(s))
}

// cutOut removes the byte ranges cuts from s, joining what remains around
// each cut with one space (none before punctuation).
func cutOut(s string, cuts [][2]int) string {
	if len(cuts) == 0 {
		return strings.TrimSpace(s)
	}
	var pieces []string
	at := 0
	slices.SortFunc(cuts, func(a, b [2]int) int { return a[0] - b[0] })
	for _, c := range cuts {
		if c[0] < at {
			continue // overlaps the previous cut
		}
		pieces = append(pieces, s[at:c[0]])
		at = c[1]
	}
	pieces = append(pieces, s[at:])
	var b strings.Builder
	for _, p := range pieces {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		if b.Len() > 0 && !strings.ContainsAny(p[:1], ",.;:!?") {
			b.WriteByte(' ') // "hey @bot, open?" reads "hey, open?"
		}
		b.WriteString(p)
	}
	return b.String()
}

// command reads a leading /command (or /command@thisbot) and returns the
// engine's words for it, and whether it named this bot. A command for
// another bot, or text that does not start with a command, is not one (ok
// is false).
func command(text, username string) (word string, named, ok bool) {
	if !strings.HasPrefix(text, "/") {
		return "", false, false
	}
	token, args := text, ""
	if i := strings.IndexFunc(text, unicode.IsSpace); i >= 0 {
		token, args = text[:i], text[i:]
	}
	name, at, hasAt := strings.Cut(token[1:], "@")
	if name == "" || len(name) > 32 || strings.IndexFunc(name, notCommandRune) >= 0 {
		return "", false, false
	}
	if hasAt && (username == "" || !strings.EqualFold(at, username)) {
		return "", false, false
	}
	name = strings.ToLower(name)
	args = strings.TrimSpace(args)
	switch name {
	case "start":
		return TextStart, hasAt, true
	case "help":
		name = TextHelp
	case "stop":
		name = TextStop
	default:
		name = "/" + name
	}
	if args != "" {
		return name + " " + args, hasAt, true
	}
	return name, hasAt, true
}

func notCommandRune(r rune) bool {
	return !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
}
