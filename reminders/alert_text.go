package reminders

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/carebot/carebot"
)

// alertText is the message moderators get for al, in English, staff's
// language: what was found, in which group, when, a link to the message
// where the platform has one, and what the member was sent and where.
// Never the member's words or name: the link shows the message, and who
// posted it, to whoever may see the group.
func alertText(al carebot.Alert, zone *time.Location) string {
	var b strings.Builder
	kind := al.Kind
	if _, ok := alertWhat[kind]; !ok {
		kind = carebot.AlertCrisis
	}
	fmt.Fprintf(&b, "⚠️ carebot safety alert: %s in a group.\n", alertWhat[kind])
	group := al.Group.Platform + " chat " + al.Group.ChatID
	if t := oneLine(al.Title, 128); t != "" {
		group = fmt.Sprintf("%q (%s)", t, group)
	}
	fmt.Fprintf(&b, "Group: %s\n", group)
	posted := "Posted"
	if al.Edited {
		posted = "Edited into this"
	}
	fmt.Fprintf(&b, "%s: %s\n", posted, al.At.In(zone).Format("Mon 2 Jan 2006, 15:04 MST"))
	switch link := carebot.MessageLink(al.Group.Platform, al.Group.ChatID, al.Message); {
	case link != "":
		fmt.Fprintf(&b, "Message: %s\n", link)
	case al.Message != "":
		fmt.Fprintf(&b, "Message: number %s in the group (this kind of group has no message links: find it by its time)\n", al.Message)
	}
	gave := fmt.Sprintf(alertGave[kind], al.Crisis, al.Emergency)
	line := fmt.Sprintf("a short line with %s and %s", al.Emergency, al.Crisis)
	switch al.Reply {
	case carebot.AlertInGroup:
		fmt.Fprintf(&b, "carebot posted %s under the message: it was posted anonymously, as the group, so there was no one to write to privately.\n", gave)
	case carebot.AlertNoChat:
		fmt.Fprintf(&b, "carebot posted %s in the group and sent the member %s. They have never written to carebot privately, "+
			"so that most likely went under their message in the group, not by private message.\n", line, gave)
	default:
		fmt.Fprintf(&b, "By private message carebot sent the member %s; the group got %s. "+
			"If the member's private chat with carebot is closed, the full reply went under their message in the group instead.\n", gave, line)
	}
	fmt.Fprintf(&b, "carebot keeps no copy of the message: open it in the group to see who wrote it and what they said. "+
		"More messages like it from this member in this group in the next %d minutes get no alert of their own.", int(AlertWindow/time.Minute))
	return b.String()
}

// alertWhat is what the safety check found, as moderators are told.
var alertWhat = map[carebot.AlertKind]string{
	carebot.AlertCrisis:    "a possible suicide or self-harm crisis (or a threat to harm someone)",
	carebot.AlertEmergency: "a possible medical emergency",
	carebot.AlertAbuse:     "possible abuse (a member hurt or threatened by someone)",
}

// alertGave is what the member's reply gives, from the crisis line and
// the emergency number (in that order).
var alertGave = map[carebot.AlertKind]string{
	carebot.AlertCrisis:    "the crisis line (%[1]s) and %[2]s for immediate danger",
	carebot.AlertEmergency: "%[2]s to call now and the crisis line (%[1]s)",
	carebot.AlertAbuse:     "%[2]s, the domestic violence and sexual assault hotlines and the crisis line (%[1]s)",
}

// oneLine is s on one line, without control characters, at most n runes.
func oneLine(s string, n int) string {
	s = strings.Join(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }), " ")
	if r := []rune(s); len(r) > n {
		s = string(r[:n-1]) + "…"
	}
	return s
}
