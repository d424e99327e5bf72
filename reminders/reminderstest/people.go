package reminderstest

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/reminders"
)

// People is an in-memory stand-in for what the store keeps about people:
// their records (reminders.Users, reminders.UserWriter), their consent
// (reminders.Consents) and who is opted in to what (reminders.Audience,
// paged in user-key order with the last key as cursor). Safe for
// concurrent use.
type People struct {
	mu      sync.Mutex
	users   map[string]carebot.User
	consent map[string]map[carebot.Purpose]carebot.Consent
	// Calls counts Consent calls, so tests can see consent is read at
	// send time.
	Calls int
}

var (
	_ reminders.Users      = (*People)(nil)
	_ reminders.UserWriter = (*People)(nil)
	_ reminders.Consents   = (*People)(nil)
	_ reminders.Audience   = (*People)(nil)
)

// NewPeople returns an empty People.
func NewPeople() *People {
	return &People{users: make(map[string]carebot.User), consent: make(map[string]map[carebot.Purpose]carebot.Consent)}
}

// Add stores u and opts them in to purposes, as of at.
func (p *People) Add(u carebot.User, at time.Time, purposes ...carebot.Purpose) {
	p.mu.Lock()
	p.users[u.Key] = u
	p.mu.Unlock()
	for _, pu := range purposes {
		p.SetConsent(u.Key, pu, true, at)
	}
}

// SetConsent records that user opted in or out of purpose at at.
func (p *People) SetConsent(user string, purpose carebot.Purpose, in bool, at time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	c := p.consent[user]
	if c == nil {
		c = make(map[carebot.Purpose]carebot.Consent)
		p.consent[user] = c
	}
	c[purpose] = carebot.Consent{Purpose: purpose, OptedIn: in, Since: at, Method: "test"}
}

// User implements reminders.Users.
func (p *People) User(ctx context.Context, key string) (carebot.User, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	u, ok := p.users[key]
	if !ok {
		return carebot.User{}, fmt.Errorf("user: %w", carebot.ErrNotFound)
	}
	return u, nil
}

// PutUser implements reminders.UserWriter.
func (p *People) PutUser(ctx context.Context, u carebot.User) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.users[u.Key] = u
	return nil
}

// Consent implements reminders.Consents: every purpose, not opted in
// unless recorded.
func (p *People) Consent(ctx context.Context, user string) (map[carebot.Purpose]carebot.Consent, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.Calls++
	st := carebot.ConsentState(nil)
	for pu, c := range p.consent[user] {
		st[pu] = c
	}
	return st, nil
}

// OptedInPage implements reminders.Audience.
func (p *People) OptedInPage(ctx context.Context, purpose carebot.Purpose, cursor string, limit int) ([]string, string, error) {
	if err := ctx.Err(); err != nil {
		return nil, "", err
	}
	p.mu.Lock()
	var keys []string
	for k, c := range p.consent {
		if c[purpose].OptedIn && k > cursor {
			keys = append(keys, k)
		}
	}
	p.mu.Unlock()
	sort.Strings(keys)
	if len(keys) <= limit {
		return keys, "", nil
	}
	keys = keys[:limit]
	return keys, keys[len(keys)-1], nil
}
