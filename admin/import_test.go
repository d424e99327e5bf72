package admin

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/bolt"
	"github.com/carebot/carebot/reminders"
)

// waitForTheClient is the real reminders.Appointments, whose import starts
// only once the client has stopped waiting and the server has seen it.
type waitForTheClient struct {
	*reminders.Appointments
	started chan struct{} // closed when the import is asked for
	gone    func() <-chan struct{}
}

func (w waitForTheClient) ImportAll(ctx context.Context, list []carebot.Appointment) ([]reminders.ImportChange, error) {
	close(w.started)
	<-w.gone()
	return w.Appointments.ImportAll(ctx, list)
}

// QA: a client that gave up (its 60 s timeout) stopped the import where it
// was (47,363 of 50,000) and left no audit entry ("audit log write failed
// ... context canceled"). The import goes on to its end and is audited,
// saying the client had stopped waiting. A real bbolt file; more
// appointments than one store transaction takes.
func TestAnImportTheClientStopsWaitingForFinishesAndIsAudited(t *testing.T) {
	db, err := bolt.Open(filepath.Join(t.TempDir(), "carebot.db"), bytes.Repeat([]byte{0x5a}, bolt.KeySize), bolt.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	var (
		mu     sync.Mutex
		reqCtx context.Context // the import request's
	)
	appts := waitForTheClient{Appointments: reminders.NewAppointments(db, db), started: make(chan struct{}),
		gone: func() <-chan struct{} { mu.Lock(); defer mu.Unlock(); return reqCtx.Done() }}
	s := &Server{Token: token, Appointments: appts, List: db, Audit: db}
	h := s.Handler()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			mu.Lock()
			reqCtx = r.Context()
			mu.Unlock()
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	c := &Client{Base: srv.URL, Token: token}

	const n = 2500
	list, lines, err := ReadAppointments("big.csv", bytes.NewReader(clinicCSV(n)))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-appts.started; cancel() }()
	if _, err := c.Import(ctx, "big.csv", list, lines); !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v; want the client to have stopped waiting", err)
	}

	var entries []AuditEntry
	for deadline := time.Now().Add(time.Minute); len(entries) == 0; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) { // only a broken test waits this long
			t.Fatalf("no audit entry for the import; %d appointments stored", countAppointments(t, db))
		}
		if entries, err = c.Audit(context.Background(), "1d"); err != nil {
			t.Fatal(err)
		}
	}
	if got := countAppointments(t, db); got != n {
		t.Errorf("%d appointments stored; want all %d", got, n)
	}
	e := entries[0]
	if len(entries) != 1 || e.Action != "appointments.import" || e.Result != "ok" ||
		!strings.HasPrefix(e.Detail, "2500 new, 0 moved, 0 cancelled, 0 updated, 0 unchanged from \"big.csv\"") || !strings.Contains(e.Detail, "the client stopped waiting before the end") {
		t.Errorf("audit: %+v; want the whole import, ok, saying the client stopped waiting", entries)
	}
}

// A file at both limits (50,000 appointments, 16 MB; here its locations
// are backslashes, which JSON doubles) imports: QA's 15 MB file of 50,000
// made a request the bot refused as "request body over 16777216 bytes".
func TestAFileAtTheLimitsImports(t *testing.T) {
	row := func(i int, loc string) string {
		return fmt.Sprintf("Z-%05d,telegram:%06d,2026-12-01 14:30,America/New_York,%s,booked\n", i, 100000+i, loc)
	}
	const header = "id,patient,at,timezone,location,status\n"
	n := (maxBody - len(header)) / maxImport // bytes a row may take
	loc := strings.Repeat(`\`, min(maxLocationRunes, n-len(row(0, ""))))
	var b strings.Builder
	b.WriteString(header)
	for i := range maxImport {
		b.WriteString(row(i, loc))
	}
	if b.Len() > maxBody || b.Len() < maxBody-maxImport {
		t.Fatalf("the file is %d bytes; want just under %d", b.Len(), maxBody)
	}
	appts, lines, err := ReadAppointments("full.csv", strings.NewReader(b.String()))
	if err != nil {
		t.Fatalf("%.300v", err)
	}
	c, f := newTestAPI(t)
	rep, err := c.Import(context.Background(), "full.csv", appts, lines)
	if err != nil || rep.New != maxImport {
		t.Fatalf("got %s, %v", rep.Summary(), err)
	}
	if got := f.appts["Z-49999"].Location; got != loc {
		t.Errorf("Z-49999's location: %d bytes, want %d", len(got), len(loc))
	}
}
