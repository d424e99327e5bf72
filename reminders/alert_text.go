package reminders

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/carebot/carebot"
)

// alertText is the message moderators get for al, in lang (Spanish for
// "es", else English: staff's language, the clinic's): what was found, in
// which group, when, a link to the message where the platform has one,
// and what the member was sent and where. Never the member's words or
// name: the link shows the message, and who posted it, to whoever may see
// the group.
func alertText(al carebot.Alert, zone *time.Location, lang string) string {
	t := alertTexts[langEN]
	if baseLang(lang) == langES {
		t = alertTexts[langES]
	}
	var b strings.Builder
	kind := al.Kind
	if _, ok := t.what[kind]; !ok {
		kind = carebot.AlertCrisis
	}
	fmt.Fprintf(&b, t.head, t.what[kind])
	group := fmt.Sprintf(t.chat, al.Group.Platform, al.Group.ChatID)
	if title := oneLine(al.Title, 128); title != "" {
		group = fmt.Sprintf("%q (%s)", title, group)
	}
	fmt.Fprintf(&b, t.group, group)
	posted := t.posted
	if al.Edited {
		posted = t.edited
	}
	fmt.Fprintf(&b, "%s: %s\n", posted, t.when(al.At.In(zone)))
	switch link := carebot.MessageLink(al.Group.Platform, al.Group.ChatID, al.Message); {
	case link != "":
		fmt.Fprintf(&b, t.link, link)
	case al.Message != "":
		fmt.Fprintf(&b, t.number, al.Message)
	}
	gave := fmt.Sprintf(t.gave[kind], al.Crisis, al.Emergency)
	line := fmt.Sprintf(t.line, al.Emergency, al.Crisis)
	switch al.Reply {
	case carebot.AlertInGroup:
		fmt.Fprintf(&b, t.inGroup, gave)
	case carebot.AlertNoChat:
		fmt.Fprintf(&b, t.noChat, line, gave)
	default:
		fmt.Fprintf(&b, t.private, gave, line)
	}
	fmt.Fprintf(&b, t.tail, int(AlertWindow/time.Minute))
	return b.String()
}

// alertWords are an alert's texts in one language, as fmt formats.
type alertWords struct {
	head, chat, group, posted, edited, link, number string
	line, inGroup, noChat, private, tail            string
	when                                            func(time.Time) string
	// what the safety check found; what the member's reply gives, from
	// the crisis line and the emergency number (in that order).
	what, gave map[carebot.AlertKind]string
}

var alertTexts = map[string]alertWords{
	langEN: {
		head:    "⚠️ carebot safety alert: %s in a group.\n",
		chat:    "%s chat %s",
		group:   "Group: %s\n",
		posted:  "Posted",
		edited:  "Edited into this",
		when:    func(t time.Time) string { return t.Format("Mon 2 Jan 2006, 15:04 MST") },
		link:    "Message: %s\n",
		number:  "Message: number %s in the group (this kind of group has no message links: find it by its time)\n",
		line:    "a short line with %s and %s",
		inGroup: "carebot posted %s under the message: it was posted anonymously, as the group, so there was no one to write to privately.\n",
		noChat: "carebot posted %s in the group and sent the member %s. They have never written to carebot privately, " +
			"so that most likely went under their message in the group, not by private message.\n",
		private: "By private message carebot sent the member %s; the group got %s. " +
			"If the member's private chat with carebot is closed, the full reply went under their message in the group instead.\n",
		tail: "carebot keeps no copy of the message: open it in the group to see who wrote it and what they said. " +
			"More messages like it from this member in this group in the next %d minutes get no alert of their own.",
		what: map[carebot.AlertKind]string{
			carebot.AlertCrisis:    "a possible suicide or self-harm crisis (or a threat to harm someone)",
			carebot.AlertEmergency: "a possible medical emergency",
			carebot.AlertAbuse:     "possible abuse (a member hurt or threatened by someone)",
		},
		gave: map[carebot.AlertKind]string{
			carebot.AlertCrisis:    "the crisis line (%[1]s) and %[2]s for immediate danger",
			carebot.AlertEmergency: "%[2]s to call now and the crisis line (%[1]s)",
			carebot.AlertAbuse:     "%[2]s, the domestic violence and sexual assault hotlines and the crisis line (%[1]s)",
		},
	},
	langES: {
		head:    "⚠️ Alerta de seguridad de carebot: %s en un grupo.\n",
		chat:    "chat de %s %s",
		group:   "Grupo: %s\n",
		posted:  "Publicado",
		edited:  "Editado así",
		when:    func(t time.Time) string { return dayNameYear(langES, t, true) + ", " + t.Format("15:04 MST") },
		link:    "Mensaje: %s\n",
		number:  "Mensaje: el número %s del grupo (este tipo de grupo no tiene enlaces a mensajes: búsquelo por la hora)\n",
		line:    "una línea breve con el %s y el %s",
		inGroup: "carebot publicó %s debajo del mensaje: se publicó de forma anónima, como el grupo, así que no había a quién escribir en privado.\n",
		noChat: "carebot publicó %s en el grupo y le envió al miembro %s. Nunca le ha escrito a carebot en privado, " +
			"así que lo más probable es que eso haya quedado debajo de su mensaje en el grupo, no en un mensaje privado.\n",
		private: "En un mensaje privado carebot le envió al miembro %s; el grupo recibió %s. " +
			"Si el chat privado del miembro con carebot está cerrado, la respuesta completa quedó debajo de su mensaje en el grupo.\n",
		tail: "carebot no guarda copia del mensaje: ábralo en el grupo para ver quién lo escribió y qué dijo. " +
			"Otros mensajes parecidos de este miembro en este grupo en los próximos %d minutos no generan una alerta propia.",
		what: map[carebot.AlertKind]string{
			carebot.AlertCrisis:    "una posible crisis de suicidio o autolesión (o una amenaza de hacerle daño a alguien)",
			carebot.AlertEmergency: "una posible emergencia médica",
			carebot.AlertAbuse:     "un posible caso de abuso (alguien lastima o amenaza a un miembro)",
		},
		gave: map[carebot.AlertKind]string{
			carebot.AlertCrisis:    "la línea de crisis (%[1]s) y el %[2]s en caso de peligro inmediato",
			carebot.AlertEmergency: "el %[2]s para llamar ya y la línea de crisis (%[1]s)",
			carebot.AlertAbuse:     "el %[2]s, las líneas de ayuda contra la violencia doméstica y la agresión sexual, y la línea de crisis (%[1]s)",
		},
	},
}

// oneLine is s on one line, without control characters, at most n runes.
func oneLine(s string, n int) string {
	s = strings.Join(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }), " ")
	if r := []rune(s); len(r) > n {
		s = string(r[:n-1]) + "…"
	}
	return s
}
