package carebot

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"sync"
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
	loc, err := LoadZone(u.TimeZone)
	if err != nil {
		return fallback
	}
	return loc
}

// zones are the zones LoadZone has loaded, by name. Only zones that exist
// are kept: there are a few hundred.
var zones sync.Map // string -> *time.Location

// LoadZone is time.LoadLocation, remembered: loading a zone reads and
// parses its file from the system's zone database, and an import of
// 50,000 appointments in one zone would do that 50,000 times (about 10 KB
// and a file read each).
func LoadZone(name string) (*time.Location, error) {
	if loc, ok := zones.Load(name); ok {
		return loc.(*time.Location), nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, err
	}
	zones.Store(name, loc)
	return loc, nil
}

// LogID is what logs say instead of a person's identity: a short keyed hash
// of their user key. Without the secret it cannot be reversed by trying
// every user id; with it, an operator can still follow one person's trail.
func LogID(secret []byte, userKey string) string {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(userKey))
	return hex.EncodeToString(m.Sum(nil)[:6])
}
