package admin

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/reminders"
)

// fakeServices stands in for reminders and the store.
type fakeServices struct {
	mu      sync.Mutex
	appts   map[string]carebot.Appointment
	audit   []carebot.AuditEntry
	bcasts  map[string]reminders.Broadcast
	added   []string
	fb      []carebot.Feedback
	failAud bool
	failAt  string // the appointment whose Import fails
}

func newFakes() *fakeServices {
	return &fakeServices{appts: map[string]carebot.Appointment{}, bcasts: map[string]reminders.Broadcast{}}
}

func (f *fakeServices) ImportAll(ctx context.Context, list []carebot.Appointment) ([]reminders.ImportChange, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var changes []reminders.ImportChange
	for _, a := range list {
		if a.ID == f.failAt {
			return changes, fmt.Errorf("import appointment: disk full")
		}
		old, ok := f.appts[a.ID]
		switch {
		case !ok:
			changes = append(changes, reminders.ImportNew)
		case !old.At.Equal(a.At):
			changes = append(changes, reminders.ImportMoved)
		case old.Status == carebot.AppointmentCancelled && a.Status == carebot.AppointmentBooked:
			changes = append(changes, reminders.ImportKeptCancelled)
			continue
		case old.Status != a.Status:
			changes = append(changes, reminders.ImportCancelled)
		default:
			changes = append(changes, reminders.ImportUnchanged)
		}
		f.appts[a.ID] = a
	}
	return changes, nil
}

func (f *fakeServices) Cancel(ctx context.Context, id string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	a, ok := f.appts[id]
	if !ok {
		return fmt.Errorf("cancel %s: %w", id, carebot.ErrNotFound)
	}
	a.Status = carebot.AppointmentCancelled
	f.appts[id] = a
	return nil
}

func (f *fakeServices) Appointments(ctx context.Context, fn func(carebot.Appointment) error) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, a := range f.appts {
		if err := fn(a); err != nil {
			return err
		}
	}
	return nil
}

func (f *fakeServices) Add(ctx context.Context, user string, to carebot.Address, at time.Time, text string) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.added = append(f.added, user+" "+at.UTC().Format(time.RFC3339)+" "+text)
	return fmt.Sprint("r", len(f.added)), nil
}

func (f *fakeServices) Start(ctx context.Context, b reminders.Broadcast) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if b.ID == "" {
		b.ID = fmt.Sprint("b", len(f.bcasts)+1)
	}
	if _, ok := f.bcasts[b.ID]; ok {
		return "", fmt.Errorf("broadcast %s: %w", b.ID, reminders.ErrBroadcastExists)
	}
	f.bcasts[b.ID] = b
	return b.ID, nil
}

func (f *fakeServices) Report(ctx context.Context, id string) (reminders.Report, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, ok := f.bcasts[id]; !ok {
		return reminders.Report{}, fmt.Errorf("report: %w", carebot.ErrNotFound)
	}
	return reminders.Report{ID: id, Resolved: true, Counts: map[carebot.Result]int{carebot.ResultSent: 9, carebot.ResultOptedOut: 1}}, nil
}

func (f *fakeServices) Feedback(ctx context.Context, since time.Time, fn func(carebot.Feedback) error) error {
	for _, x := range f.fb {
		if !x.At.Before(since) {
			if err := fn(x); err != nil {
				return err
			}
		}
	}
	return nil
}

func (f *fakeServices) RecordAudit(ctx context.Context, e carebot.AuditEntry) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.failAud {
		return fmt.Errorf("disk full")
	}
	f.audit = append(f.audit, e)
	return nil
}

func (f *fakeServices) Audit(ctx context.Context, since time.Time, fn func(carebot.AuditEntry) error) error {
	f.mu.Lock()
	list := append([]carebot.AuditEntry(nil), f.audit...)
	f.mu.Unlock()
	for _, e := range list {
		if err := fn(e); err != nil {
			return err
		}
	}
	return nil
}

var now = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

const token = "test-token-0123456789"

func newTestAPI(t *testing.T) (*Client, *fakeServices) {
	t.Helper()
	return newZonedAPI(t, nil)
}

// newZonedAPI serves the API of a clinic in zone.
func newZonedAPI(t *testing.T, zone *time.Location) (*Client, *fakeServices) {
	t.Helper()
	f := newFakes()
	s := &Server{Token: token, Version: "test", Appointments: f, List: f, Reminders: f, Broadcasts: f, Feedback: f, Audit: f,
		Zone: zone, Now: func() time.Time { return now }}
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	return &Client{Base: srv.URL, Token: token}, f
}

func TestTokenIsRequired(t *testing.T) {
	c, _ := newTestAPI(t)
	ctx := context.Background()
	for _, tok := range []string{"", "wrong", token + "x", strings.ToUpper(token)} {
		bad := *c
		bad.Token = tok
		if err := bad.Do(ctx, http.MethodGet, "/v1/health", nil, nil); err == nil || !strings.Contains(err.Error(), "token") {
			t.Errorf("token %q: got %v, want refused", tok, err)
		}
	}
	if err := c.Do(ctx, http.MethodGet, "/v1/health", nil, nil); err != nil {
		t.Errorf("right token: %v", err)
	}
}

func TestImportListCancelAreAudited(t *testing.T) {
	c, f := newTestAPI(t)
	ctx := context.Background()
	appts := []Appointment{
		{ID: "A1", Patient: "telegram:100", At: "2026-12-01 14:30", TimeZone: "America/New_York", Location: "Main St"},
		{ID: "A2", Patient: "telegram:200", At: "2026-12-01T14:30:00Z"},
	}
	rep, err := c.Import(ctx, "appts.csv", appts, []int{2, 3})
	if err != nil {
		t.Fatal(err)
	}
	if rep.New != 2 || rep.Imported != 2 || rep.Failed != 0 || len(rep.Results) != 2 || rep.Results[1].Line != 3 || rep.Results[1].Result != "new" {
		t.Errorf("import report: %+v", rep)
	}
	if got := f.appts["A1"].At; !got.Equal(time.Date(2026, 12, 1, 19, 30, 0, 0, time.UTC)) {
		t.Errorf("A1 at %s, want 14:30 New York time", got)
	}
	rep, _ = c.Import(ctx, "appts.csv", appts[:1], nil)
	if rep.Unchanged != 1 {
		t.Errorf("re-import: %+v, want unchanged", rep)
	}
	list, err := c.Appointments(ctx, "telegram:100")
	if err != nil || len(list) != 1 || list[0].At != "2026-12-01T14:30:00-05:00" {
		t.Errorf("list: %+v, %v", list, err)
	}
	if err := c.Cancel(ctx, "A1"); err != nil {
		t.Fatal(err)
	}
	if err := c.Cancel(ctx, "nope"); err == nil || !strings.Contains(err.Error(), "not found") {
		t.Errorf("cancel unknown: %v", err)
	}
	var actions []string
	for _, e := range f.audit {
		actions = append(actions, e.Action+":"+e.Target)
	}
	if want := "[appointments.import: appointments.import: appointments.cancel:A1 appointments.cancel:nope]"; fmt.Sprint(actions) != want {
		t.Errorf("audit: got %v, want %s", actions, want)
	}
	entries, err := c.Audit(ctx, "7d")
	if err != nil || len(entries) != 4 || entries[0].Result != "ok" || entries[3].Result == "ok" {
		t.Errorf("audit read: %+v, %v (the failed cancel must say so)", entries, err)
	}
	if e := entries[0]; e.Detail != `2 new, 0 moved, 0 cancelled, 0 updated, 0 unchanged from "appts.csv"` {
		t.Errorf("audit detail %q", e.Detail)
	}
}

func TestAChangeThatCannotBeAuditedFails(t *testing.T) {
	c, f := newTestAPI(t)
	f.failAud = true
	_, err := c.Broadcast(context.Background(), Broadcast{Purpose: "announcements", Text: "Closed Friday"})
	if err == nil || !strings.Contains(err.Error(), "audit") {
		t.Errorf("got %v, want an error saying the audit log failed", err)
	}
}

func TestBroadcastsAndReminders(t *testing.T) {
	c, f := newTestAPI(t)
	ctx := context.Background()
	if _, err := c.Broadcast(ctx, Broadcast{Purpose: "birthdays", Text: "x"}); err == nil || !strings.Contains(err.Error(), "purpose") {
		t.Errorf("unknown purpose: %v", err)
	}
	// An id with a space would start, then be hard to ask a report of.
	_, err := c.Broadcast(ctx, Broadcast{ID: "my closure", Purpose: "announcements", Text: "Closed Friday"})
	var se *statusError
	if !errors.As(err, &se) || se.code != http.StatusBadRequest || !strings.Contains(err.Error(), `id "my closure": use only ASCII letters (a-z, A-Z, no accents), digits, '.', '_' and '-'`) {
		t.Errorf("an id with a space: got %v, want a 400 saying what an id may hold", err)
	}
	if len(f.bcasts) != 0 {
		t.Errorf("broadcasts started for a refused id: %v", f.bcasts)
	}
	id, err := c.Broadcast(ctx, Broadcast{ID: "closure", Purpose: "Announcements", Text: "Closed Friday"})
	if err != nil || id != "closure" {
		t.Fatalf("broadcast: %q, %v", id, err)
	}
	if _, err := c.Broadcast(ctx, Broadcast{ID: "closure", Purpose: "announcements", Text: "again"}); err == nil {
		t.Error("starting a broadcast id twice succeeded")
	}
	rep, err := c.Report(ctx, "closure")
	if err != nil || rep.Counts["sent"] != 9 || rep.Counts["skipped:opted-out"] != 1 {
		t.Errorf("report: %+v, %v", rep, err)
	}
	if _, err := c.Report(ctx, "nope"); err == nil {
		t.Error("report of an unknown broadcast succeeded")
	}
	if _, err := c.AddReminder(ctx, Reminder{To: "telegram:5", At: "2026-12-02T09:00:00Z", Text: "Bring your inhaler"}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.AddReminder(ctx, Reminder{To: "5", At: "2026-12-02T09:00:00Z", Text: "x"}); err == nil {
		t.Error("a reminder to no platform succeeded")
	}
	if fmt.Sprint(f.added) != "[telegram:5 2026-12-02T09:00:00Z Bring your inhaler]" {
		t.Errorf("added: %v", f.added)
	}
}

func TestMissesAreGrouped(t *testing.T) {
	c, f := newTestAPI(t)
	day := 24 * time.Hour
	f.fb = []carebot.Feedback{
		{Kind: carebot.FeedbackFallback, At: now.Add(-40 * day), Text: "old question about parking fees"},
		{Kind: carebot.FeedbackFallback, At: now.Add(-2 * day), Text: "do you validate parking"},
		{Kind: carebot.FeedbackFallback, At: now.Add(-day), Text: "is parking validated"},
		{Kind: carebot.FeedbackSuggest, At: now.Add(-day), Text: "can I bring my dog"},
		{Kind: carebot.FeedbackDown, At: now.Add(-day), Entries: []string{"hours"}},
		{Kind: carebot.FeedbackUp, At: now.Add(-day), Entries: []string{"hours"}},
	}
	m, err := c.Misses(context.Background(), "30d")
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Groups) != 2 || m.Groups[0].Count != 2 || m.Ratings["hours"] != (Tally{Up: 1, Down: 1}) {
		t.Errorf("misses: %+v", m)
	}
	if _, err := c.Misses(context.Background(), "last tuesday"); err == nil {
		t.Error("a bad since was accepted")
	}
}

// A group says what its questions were offered as "did you mean" and what
// patients pressed, joined by the suggestion's time; presses of follow-ups,
// or of suggestions older than the window, count toward no group. An
// alternative pressed beside an answer counts against the answer.
func TestMissesSayWhatWasPressed(t *testing.T) {
	c, f := newTestAPI(t)
	at := func(h int) time.Time { return now.Add(-time.Duration(h) * time.Hour) }
	f.fb = []carebot.Feedback{
		{Kind: carebot.FeedbackSuggest, At: at(9), Text: "where do I leave my car", Entries: []string{"parking", "location"}},
		{Kind: carebot.FeedbackSuggest, At: at(8), Text: "where can I leave the car", Entries: []string{"parking"}},
		{Kind: carebot.FeedbackSuggest, At: at(7), Text: "can I leave my car overnight", Entries: []string{"parking", "hours"}},
		{Kind: carebot.FeedbackFallback, At: at(6), Text: "leave my car"},
		{Kind: carebot.FeedbackSuggest, At: at(5), Text: "do you sell crutches", Entries: []string{"equipment"}},
		{Kind: carebot.FeedbackPressed, At: at(9), Entries: []string{"parking"}, Asked: at(9)},
		{Kind: carebot.FeedbackPressed, At: at(8), Entries: []string{"parking"}, Asked: at(8)},
		{Kind: carebot.FeedbackNone, At: at(7), Asked: at(7)},
		{Kind: carebot.FeedbackNone, At: at(5), Asked: at(5)},
		{Kind: carebot.FeedbackPressed, At: at(4), Entries: []string{"hours"}},                    // a follow-up
		{Kind: carebot.FeedbackPressed, At: at(3), Entries: []string{"location"}, Asked: at(900)}, // asked before the window
		{Kind: carebot.FeedbackPressed, At: at(2), Entries: []string{"holiday-hours"}, Instead: "hours"},
		{Kind: carebot.FeedbackPressed, At: at(1), Entries: []string{"holiday-hours"}, Instead: "hours"},
	}
	m, err := c.Misses(context.Background(), "30d")
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Groups) != 2 {
		t.Fatalf("groups %+v: want the car questions and the crutches", m.Groups)
	}
	car, crutch := m.Groups[0], m.Groups[1]
	if car.Count != 4 || fmt.Sprint(car.Offered) != "map[hours:1 location:1 parking:3]" ||
		fmt.Sprint(car.Pressed) != "map[parking:2]" || car.NoneOfThese != 1 {
		t.Errorf("car group: %+v", car)
	}
	if crutch.Count != 1 || crutch.Pressed != nil || crutch.NoneOfThese != 1 {
		t.Errorf("crutches group: %+v", crutch)
	}
	if got := m.Ratings["parking"]; got.Pressed != 2 {
		t.Errorf("parking's tally %+v: want its two presses", got)
	}
	if fmt.Sprint(m.PassedOver) != "map[hours:map[holiday-hours:2]]" {
		t.Errorf("passed over: %v, want hours passed over for holiday-hours twice", m.PassedOver)
	}
}

// A question older than the retention is never shown, though the store
// deletes it only every few hours, whatever --since asks for; ratings and
// presses, which carry no patient's words, are kept and shown.
func TestMissesKeepToTheRetention(t *testing.T) {
	f := newFakes()
	day := 24 * time.Hour
	s := &Server{Token: token, Feedback: f, Now: func() time.Time { return now }, Retention: 30 * day}
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	c := &Client{Base: srv.URL, Token: token}
	f.fb = []carebot.Feedback{
		{Kind: carebot.FeedbackFallback, At: now.Add(-40 * day), Text: "forty days ago"},
		{Kind: carebot.FeedbackSuggest, At: now.Add(-30*day - time.Second), Text: "a second past the retention", Entries: []string{"parking"}},
		{Kind: carebot.FeedbackFallback, At: now.Add(-30 * day), Text: "just kept"},
		{Kind: carebot.FeedbackDown, At: now.Add(-40 * day), Entries: []string{"hours"}},
		{Kind: carebot.FeedbackPressed, At: now.Add(-29 * day), Entries: []string{"parking"}, Asked: now.Add(-30*day - time.Second)},
	}
	for _, since := range []string{"60d", "30d", "2026-01-01"} {
		m, err := c.Misses(context.Background(), since)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, g := range m.Groups {
			got = append(got, g.Representative)
		}
		if want := "[just kept]"; fmt.Sprint(got) != want {
			t.Errorf("since %s: got questions %v, want %s", since, got, want)
		}
	}
	m, err := c.Misses(context.Background(), "60d")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := m.Ratings["hours"], (Tally{Down: 1}); got != want {
		t.Errorf("hours: got %+v, want %+v", got, want)
	}
	if got, want := m.Ratings["parking"], (Tally{Pressed: 1}); got != want {
		t.Errorf("parking: got %+v, want %+v", got, want)
	}
}

func TestAuditRefusesABadSince(t *testing.T) {
	c, _ := newTestAPI(t)
	if _, err := c.Audit(context.Background(), "last tuesday"); err == nil || !strings.Contains(err.Error(), "last tuesday") {
		t.Errorf("got %v, want the bad since named", err)
	}
}

func TestHostileBodies(t *testing.T) {
	c, _ := newTestAPI(t)
	ctx := context.Background()
	for _, body := range []any{
		map[string]any{"appointments": "not a list"},
		map[string]any{"purpose": "announcements", "text": "x", "extra": 1},
		map[string]any{"appointments": []map[string]any{{"id": strings.Repeat("x", maxImportBody)}}}, // over every limit
	} {
		for _, path := range []string{"/v1/appointments", "/v1/broadcasts"} {
			if err := c.Do(ctx, http.MethodPost, path, body, nil); err == nil {
				t.Errorf("POST %s with a bad body succeeded", path)
			}
		}
	}
}
