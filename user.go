package carebot

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// User is what carebot keeps about a person who messaged it. Every field
// but Key is personal and is stored encrypted.
type User struct {
	Key string // Address.UserKey
	// DM is where a private message reaches them (their DM chat).
	DM   Address
	Lang string // the language they use with us ("en", "es")
	// LangChosen: they chose Lang (ESPAÑOL, ENGLISH, a language button);
	// replies stay in it whatever a message is written in, until they
	// choose again. Otherwise Lang follows what they write.
	LangChosen bool
	TimeZone   string // IANA zone ("America/Chicago"); empty until known
	Staff      bool   // may use staff commands
	Created    time.Time
}

// Location returns the user's time zone, or fallback when it is unset or
// unknown.
func (u User) Location(fallback *time.Location) *time.Location {
	if u.TimeZone == "" {
		return fallback
	}
	loc, err := time.LoadLocation(u.TimeZone)
	if err != nil {
		return fallback
	}
	return loc
}

// LogID is what logs say instead of a person's identity: a short keyed hash
// of their user key. Without the secret it cannot be reversed by trying
// every user id; with it, an operator can still follow one person's trail.
func LogID(secret []byte, userKey string) string {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(userKey))
	return hex.EncodeToString(m.Sum(nil)[:6])
}
