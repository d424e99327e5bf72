package reminders

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strconv"
	"time"

	"github.com/carebot/carebot"
)

// Outbox IDs, from general to specific, so that one prefix names all the
// items of an appointment, a broadcast or a person. Appointment IDs are
// escaped so that they cannot contain a "/" and reach into another's
// prefix. A person appears only as a pseudonym.

func esc(s string) string { return url.PathEscape(s) }

// pseudonym stands for a person in outbox IDs: a keyed hash of their user
// key. A store's keys are readable in its file even when its values are
// sealed, and linger in free pages after "forget me"; a pseudonym there
// says nothing without the secret. 128 bits: no two people collide.
func pseudonym(secret []byte, user string) string {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte("carebot outbox id\x00"))
	m.Write([]byte(user))
	return hex.EncodeToString(m.Sum(nil)[:16])
}

// AppointmentPrefix is the ID prefix of an appointment's reminders.
func AppointmentPrefix(id string) string { return "appt/" + esc(id) + "/" }

// PatientPrefix is the ID prefix of the reminders a person asked for;
// secret is Patients.Secret.
func PatientPrefix(secret []byte, user string) string { return "self/" + pseudonym(secret, user) + "/" }

// BroadcastPrefix is the ID prefix of a broadcast's messages (and of their
// outcomes).
func BroadcastPrefix(id string) string { return "bcast/" + esc(id) + "/" }

func broadcastFanID(id string) string { return "fan/b/" + esc(id) }

func tickPrefix(campaign string) string { return "tick/" + campaign + "/" }

func tickID(campaign string) string { return tickPrefix(campaign) + "next" }

func wallKey(wall time.Time) string { return wall.Format("20060102T1504") }

func campaignFanID(campaign string, wall time.Time) string {
	return "fan/c/" + campaign + "/" + wallKey(wall)
}

// CampaignPrefix is the ID prefix of the messages of one campaign
// occurrence (and of their outcomes).
func CampaignPrefix(campaign string, wall time.Time) string {
	return "camp/" + campaign + "/" + wallKey(wall) + "/"
}

// AlertPrefix is the ID prefix of the moderator alerts about one member
// (a.Group.UserID, or a group's anonymous admins) in one group chat, and of
// their outcomes; secret is Alerts.Secret. The pseudonym's input is not a
// user key, so it cannot be matched with the member's other IDs.
func AlertPrefix(secret []byte, a carebot.Alert) string {
	return "alert/" + pseudonym(secret, "alert\x00"+a.Group.Platform+"\x00"+a.Group.ChatID+"\x00"+a.Group.UserID) + "/"
}

// alertMessageKey names the message an alert is about within its prefix:
// the platform's message id, or the time it was posted when it has none.
func alertMessageKey(a carebot.Alert) string {
	if a.Message != "" {
		return "m" + esc(a.Message)
	}
	return "t" + strconv.FormatInt(a.At.UnixNano(), 10)
}
