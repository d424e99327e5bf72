// Package admin is the running bot's admin HTTP API and its client.
//
// bbolt lets one process hold the database, so the running bot owns it and
// every admin tool (the CLI, a future web page) talks to the bot over this
// API: on loopback by default, a bearer token on every request, and every
// change written to the audit log.
//
// Routes (JSON in and out; errors are {"error": "..."}):
//
//	GET  /v1/health                       liveness, version
//	POST /v1/appointments                 import {"appointments": [...]}, all or none:
//	                                      422 {"problems": [...]} stores nothing
//	GET  /v1/appointments[?patient=P]     list, with patients' answers
//	POST /v1/appointments/{id}/cancel     cancel one and its reminders
//	POST /v1/reminders                    add a one-off reminder for a patient
//	POST /v1/patients/forget              erase a patient {"patient": "telegram:12345"}:
//	                                      what was erased, in counts
//	POST /v1/broadcasts                   start a broadcast
//	GET  /v1/broadcasts/{id}              its delivery report
//	GET  /v1/faq/misses[?since=30d]       unanswered questions, grouped; ratings
//	GET  /v1/audit[?since=7d]             the audit log
package admin

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/carebot/carebot"
	"github.com/carebot/carebot/reminders"
)

// The services the API drives. main plugs in reminders and the bolt store;
// a nil service answers 501.
type (
	// Appointments imports and cancels appointments (reminders.Appointments).
	Appointments interface {
		// ImportAll imports list and says what became of each; on an
		// error, of those stored before it, in order.
		ImportAll(ctx context.Context, list []carebot.Appointment) ([]reminders.ImportChange, error)
		Cancel(ctx context.Context, id string) error
	}
	// AppointmentList reads stored appointments (the bolt store).
	AppointmentList interface {
		Appointments(ctx context.Context, fn func(carebot.Appointment) error) error
	}
	// Reminders adds staff reminders (reminders.Patients).
	Reminders interface {
		Add(ctx context.Context, user string, to carebot.Address, at time.Time, text string) (string, error)
	}
	// Consents reads a person's consent (the bolt store).
	Consents interface {
		Consent(ctx context.Context, user string) (map[carebot.Purpose]carebot.Consent, error)
	}
	// Broadcasts starts broadcasts and reports on them (reminders.Broadcasts).
	Broadcasts interface {
		Start(ctx context.Context, b reminders.Broadcast) (string, error)
		Report(ctx context.Context, id string) (reminders.Report, error)
	}
	// FeedbackLog reads what the engine recorded for staff (the bolt store).
	FeedbackLog interface {
		Feedback(ctx context.Context, since time.Time, fn func(carebot.Feedback) error) error
	}
	// AuditLog records and reads changes (the bolt store).
	AuditLog interface {
		RecordAudit(ctx context.Context, e carebot.AuditEntry) error
		Audit(ctx context.Context, since time.Time, fn func(carebot.AuditEntry) error) error
	}
)

// Server serves the admin API. Token is required; the services are
// optional. Set the fields before calling Handler.
type Server struct {
	Token        string
	Version      string
	Appointments Appointments
	List         AppointmentList
	Reminders    Reminders
	// Consent, if set, lets a staff reminder's answer say that the patient
	// has not opted in, so it will not be sent unless they do.
	Consent    Consents
	Broadcasts Broadcasts
	Feedback   FeedbackLog
	Audit      AuditLog
	Forget     Forgetter
	// Zone is the clinic's time zone (the config's reminders.timezone): a
	// local time given without a zone, in an import or a reminder, is
	// read in it, and an appointment without a zone is listed in it.
	// nil: UTC.
	Zone *time.Location
	// Retention is how long patients' words are kept (the config's
	// feedback.retention): a question older than it is never shown, even
	// before the store has deleted it. 0: no limit.
	Retention time.Duration
	Now       func() time.Time // nil: time.Now
	Log       *slog.Logger     // nil: discard
}

// maxBody bounds a request body, and an appointments file: an import of
// tens of thousands of appointments fits; a hostile upload does not.
const maxBody = 16 << 20

// maxImportBody bounds an import's body: what the CLI sends for any file
// it accepts (at most maxBody and maxImport appointments). As JSON a
// file's values take up to twice their bytes (a \ is \\; the CLI refuses
// control characters and does not escape <, > and &), and each
// appointment adds its keys, quotes and line, under 100 bytes. QA's
// 15 MB file of 50,000 appointments made a request of over 16 MB.
const maxImportBody = 2*maxBody + maxImport*100

// Handler returns the API's handler. Every route needs the bearer token.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/health", s.health)
	mux.HandleFunc("POST /v1/appointments", s.importAppointments)
	mux.HandleFunc("GET /v1/appointments", s.listAppointments)
	mux.HandleFunc("POST /v1/appointments/{id}/cancel", s.cancelAppointment)
	mux.HandleFunc("POST /v1/reminders", s.addReminder)
	mux.HandleFunc("POST /v1/patients/forget", s.forgetPatient)
	mux.HandleFunc("POST /v1/broadcasts", s.startBroadcast)
	mux.HandleFunc("GET /v1/broadcasts/{id}", s.broadcastReport)
	mux.HandleFunc("GET /v1/faq/misses", s.misses)
	mux.HandleFunc("GET /v1/audit", s.auditLog)
	return s.authorize(mux)
}

// authorize lets a request through only with the bearer token, compared in
// constant time.
func (s *Server) authorize(next http.Handler) http.Handler {
	want := []byte("Bearer " + s.Token)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got := []byte(r.Header.Get("Authorization"))
		if s.Token == "" || subtle.ConstantTimeCompare(got, want) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="carebot admin"`)
			writeError(w, http.StatusUnauthorized, "missing or wrong bearer token (see CAREBOT_ADMIN_TOKEN or the admin.token file)")
			return
		}
		limit := int64(maxBody)
		if r.Method == http.MethodPost && r.URL.Path == "/v1/appointments" {
			limit = maxImportBody
		}
		r.Body = http.MaxBytesReader(w, r.Body, limit)
		next.ServeHTTP(w, r)
	})
}

func (s *Server) health(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok", "version": s.Version})
}

// audit records a change and its result. A change whose audit entry
// cannot be written is reported as a failure of the request: staff must
// know the trail has a gap. It is written even if the client has stopped
// waiting (the request's context is cancelled): the change was made.
func (s *Server) audit(w http.ResponseWriter, r *http.Request, action, target, detail string, err error) bool {
	if s.Audit == nil {
		return true
	}
	result := "ok"
	if err != nil {
		result = err.Error()
	}
	e := carebot.AuditEntry{At: s.now(), Actor: "admin-token", Remote: r.RemoteAddr, Action: action, Target: target, Result: result, Detail: detail}
	if aerr := s.Audit.RecordAudit(context.WithoutCancel(r.Context()), e); aerr != nil {
		s.log().Error("audit log write failed", "action", action, "err", aerr)
		writeError(w, http.StatusInternalServerError, "the change was made but could not be written to the audit log: "+aerr.Error())
		return false
	}
	return true
}

func (s *Server) zone() *time.Location {
	if s.Zone == nil {
		return time.UTC
	}
	return s.Zone
}

func (s *Server) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func (s *Server) log() *slog.Logger {
	if s.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return s.Log
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}

func writeError(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, apiError{Error: msg})
}

// decode reads a JSON body into v; unknown fields are errors.
func decode(w http.ResponseWriter, r *http.Request, v any) bool {
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body over %d bytes", tooBig.Limit))
			return false
		}
		writeError(w, http.StatusBadRequest, "request body: "+err.Error())
		return false
	}
	return true
}

// unavailable answers for a service main did not plug in.
func unavailable(w http.ResponseWriter, what string) {
	writeError(w, http.StatusNotImplemented, what+" is not available in this bot")
}

// statusOf maps a service error to an HTTP status.
func statusOf(err error) int {
	switch {
	case errors.Is(err, carebot.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, reminders.ErrBroadcastExists):
		return http.StatusConflict
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable
	default:
		return http.StatusBadRequest
	}
}

// ParseSince reads ?since= (and the CLI's --since) as RFC 3339, a date
// ("2026-11-01", from its midnight UTC) or a number of days ago ("30d");
// def days ago when absent.
func ParseSince(s string, now time.Time, def int) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return now.AddDate(0, 0, -def), nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	if n, ok := strings.CutSuffix(s, "d"); ok {
		if days, err := strconv.Atoi(n); err == nil && days >= 0 && days <= 3650 {
			return now.AddDate(0, 0, -days), nil
		}
	}
	return time.Time{}, fmt.Errorf("since %q is not a number of days such as 30d, a date such as 2026-11-01, or an RFC 3339 time", s)
}
