package carebot

import (
	"errors"
	"strconv"
	"strings"
)

// Platforms are the chat services carebot runs (see adapters/): staff can
// name a chat or a patient only on one of these.
var Platforms = []string{"console", "telegram"}

// The kinds of AddressError, for callers to word for their readers.
var (
	// ErrNotAddress: not PLATFORM:ID at all.
	ErrNotAddress = errors.New("not PLATFORM:ID")
	// ErrUnknownPlatform: a platform carebot does not run (or a typo).
	ErrUnknownPlatform = errors.New("not a platform carebot runs")
	// ErrBadID: an id its platform never gives (telegram:@name).
	ErrBadID = errors.New("not an id of its platform")
)

// AddressError is what ParseAddress found wrong: Kind is one of the
// errors above, and the message says it for staff, fitting after the
// address ("telegram:abc" is not a Telegram id: ...).
type AddressError struct {
	Kind error
	Msg  string
}

func (e *AddressError) Error() string { return e.Msg }
func (e *AddressError) Unwrap() error { return e.Kind }

// ParseAddress reads PLATFORM:ID, a chat or a person, as staff write it
// in the config, an appointments file or a command: the platform in any
// case, spaces around either part left out. The platform must be one
// carebot runs and the id of the shape it gives ids: on Telegram a number
// other than 0 (a person's positive, their user id; a group's negative),
// in the terminal chat local, its one person. A message to an address of
// any other shape would never be delivered.
//
// It returns the address as carebot keys it (Telegram:+555 is
// telegram:555; Group set by GroupChatID), or an *AddressError, with the
// address's platform (in lower case) when it has one.
func ParseAddress(s string) (Address, error) {
	platform, id, ok := strings.Cut(s, ":")
	platform, id = strings.ToLower(strings.TrimSpace(platform)), strings.TrimSpace(id)
	a := Address{Platform: platform}
	switch {
	case !ok || platform == "" || id == "":
		return Address{}, &AddressError{ErrNotAddress, "is not PLATFORM:ID (such as telegram:12345)"}
	case platform == "telegram":
		n, err := strconv.ParseInt(id, 10, 64)
		if err != nil || n == 0 {
			return a, &AddressError{ErrBadID, "is not a Telegram id, which is a number (such as telegram:12345), not a @name or a link"}
		}
		id = strconv.FormatInt(n, 10)
	case platform == "console":
		if id != "local" {
			return a, &AddressError{ErrBadID, "is not the terminal chat's one person, console:local"}
		}
	default:
		return a, &AddressError{ErrUnknownPlatform, "is on " + strconv.Quote(platform) + ", which carebot does not run (it runs " +
			strings.Join(Platforms, " and ") + ")"}
	}
	a.ChatID, a.Group = id, GroupChatID(platform, id)
	return a, nil
}
