package reminders

import (
	"net/url"
	"time"
)

// Outbox IDs, from general to specific, so that one prefix names all the
// items of an appointment, a broadcast or a person. Parts that come from
// outside (appointment IDs, user keys) are escaped so that they cannot
// contain a "/" and reach into another's prefix.

func esc(s string) string { return url.PathEscape(s) }

// AppointmentPrefix is the ID prefix of an appointment's reminders.
func AppointmentPrefix(id string) string { return "appt/" + esc(id) + "/" }

// PatientPrefix is the ID prefix of the reminders a person asked for.
func PatientPrefix(user string) string { return "self/" + esc(user) + "/" }

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
