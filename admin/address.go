package admin

import (
	"errors"
	"fmt"

	"github.com/carebot/carebot"
)

// PatientKey reads a patient's user key: an appointment's patient, and
// the patient a staff reminder is for (carebot remind add --to). It is
// checked as every address staff give carebot is (carebot.ParseAddress,
// as the config's safety.alerts), and must be one person, not a group: a
// key that fails would import, or be scheduled, and never be delivered.
// It returns the key as carebot keys it ("Telegram:1001" is
// telegram:1001), or an error naming s as what ("patient", "--to").
func PatientKey(what, s string) (string, error) {
	a, err := personal(what, s, "PLATFORM:USER", "a patient is one person; give their own (such as telegram:12345)")
	if err != nil {
		return "", err
	}
	return carebot.UserKey(a.Platform, a.ChatID), nil
}

// chatAddress reads where an appointment's reminders go instead of the
// patient's chat (its to), checked as PatientKey checks a patient.
func chatAddress(what, s string) (carebot.Address, error) {
	return personal(what, s, "PLATFORM:CHAT", "an appointment reminder goes only to the patient's own chat")
}

// personal reads s, an address staff gave as what in the form form, that
// must be one person's chat: a group is refused, saying why.
func personal(what, s, form, why string) (carebot.Address, error) {
	a, err := carebot.ParseAddress(s)
	switch {
	case errors.Is(err, carebot.ErrNotAddress):
		return carebot.Address{}, fmt.Errorf("%s %s is not %s (such as telegram:12345)", what, shown(s), form)
	case err != nil:
		return carebot.Address{}, fmt.Errorf("%s %s %v", what, shown(s), err)
	case a.Group:
		return carebot.Address{}, fmt.Errorf("%s %s is a group chat: %s", what, shown(s), why)
	}
	return a, nil
}
