package admin

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/carebot/carebot"
)

// The bounds of an appointment's fields. The store takes IDs of up to
// 1024 bytes, but an appointment's ID is also part of its reminders' IDs,
// escaped ("/" becomes "%2F"), so it must stay well under a third of that.
// The others bound what a reminder or a listing shows, and what one bad
// cell of a spreadsheet can put in the database.
const (
	maxIDBytes       = 256 // id
	maxKeyBytes      = 256 // patient and to: PLATFORM:USER, PLATFORM:CHAT
	maxZoneBytes     = 64  // timezone; IANA names are at most about 30
	maxLocationRunes = 300 // location: an address and a floor, not a letter
	// Appointment times must fall in these years: the store keeps Unix
	// nanoseconds (1678 to 2262), and a year outside is a typo.
	minYear, maxYear = 1900, 2199
)

// Problem is one thing wrong with an appointments file or import.
type Problem struct {
	// Line is the line of the file it is on; 0 when the file's lines are
	// not known (an import through the API without them).
	Line int `json:"line,omitempty"`
	// Item is the appointment's place in the import, from 1; 0 for a
	// problem of the file rather than of one appointment.
	Item int `json:"item,omitempty"`
	// ID is the appointment's id, when it has one.
	ID      string `json:"id,omitempty"`
	Problem string `json:"problem"`

	field string // the appointment's field it is about, if one
}

// Problems is every problem of an appointments file or import, in the
// order of the file. An import with any problem stores nothing.
type Problems struct {
	File string // the file's name, for the messages; may be ""
	List []Problem
}

// Error reads one problem per line, "FILE:LINE: appointment "ID": what",
// then a line saying nothing was imported.
func (p *Problems) Error() string {
	var b strings.Builder
	for _, pr := range p.List {
		b.WriteString(p.where(pr))
		if pr.ID != "" {
			b.WriteString("appointment " + shown(pr.ID) + ": ")
		}
		b.WriteString(pr.Problem)
		b.WriteByte('\n')
	}
	n := "1 problem"
	if len(p.List) != 1 {
		n = fmt.Sprintf("%d problems", len(p.List))
	}
	name := p.File
	if name == "" {
		name = "the import"
	}
	fmt.Fprintf(&b, "%s: %s; nothing was imported", name, n)
	return b.String()
}

func (p *Problems) where(pr Problem) string {
	file := p.File
	if file == "" {
		file = "import"
	}
	switch {
	case pr.Line > 0:
		return fmt.Sprintf("%s:%d: ", file, pr.Line)
	case pr.Item > 0:
		return fmt.Sprintf("%s: item %d: ", file, pr.Item)
	}
	return file + ": "
}

// sortProblems puts problems in the order of the file; a problem of the
// file as a whole (no line) first.
func sortProblems(list []Problem) {
	sort.SliceStable(list, func(i, j int) bool {
		if list[i].Line != list[j].Line {
			return list[i].Line < list[j].Line
		}
		return list[i].Item < list[j].Item
	})
}

// checkAppointments turns appts into the store's appointments, or returns
// every problem of every one: each field's, and an id used twice. A local
// at without a timezone is read in zone, the clinic's. lines[i], when
// given, is the line appts[i] starts on.
func checkAppointments(appts []Appointment, lines []int, zone *time.Location) ([]carebot.Appointment, []Problem) {
	var probs []Problem
	out := make([]carebot.Appointment, 0, len(appts))
	first := map[string]int{} // id -> index of its first appointment
	where := func(i int) string {
		if i < len(lines) && lines[i] > 0 {
			return fmt.Sprintf("line %d", lines[i])
		}
		return fmt.Sprintf("item %d", i+1)
	}
	for i, a := range appts {
		p := Problem{Item: i + 1, ID: strings.TrimSpace(a.ID)}
		if i < len(lines) {
			p.Line = lines[i]
		}
		ca, errs := a.check(zone)
		if j, ok := first[ca.ID]; ok && ca.ID != "" {
			errs = append(errs, fieldProblem{"id", fmt.Sprintf("id is used twice (first on %s)", where(j))})
		} else if ca.ID != "" {
			first[ca.ID] = i
		}
		for _, e := range errs {
			p.field, p.Problem = e.field, e.msg
			probs = append(probs, p)
		}
		out = append(out, ca)
	}
	if len(appts) > maxImport {
		probs = append(probs, Problem{Problem: fmt.Sprintf("%d appointments; at most %d in one import: split the file", len(appts), maxImport)})
	}
	if len(probs) > 0 {
		sortProblems(probs)
		return nil, probs
	}
	return out, nil
}

// fieldProblem is what is wrong with one field of an appointment.
type fieldProblem struct{ field, msg string }

// check turns a into the store's appointment, reading a local At without
// a TimeZone in zone, and says everything that is wrong with it.
func (a Appointment) check(zone *time.Location) (carebot.Appointment, []fieldProblem) {
	out := carebot.Appointment{ID: strings.TrimSpace(a.ID), User: strings.TrimSpace(a.Patient),
		TimeZone: strings.TrimSpace(a.TimeZone), Location: strings.TrimSpace(a.Location)}
	var errs []fieldProblem
	bad := func(field, format string, args ...any) {
		errs = append(errs, fieldProblem{field, fmt.Sprintf(format, args...)})
	}

	switch {
	case out.ID == "":
		bad("id", "id is empty")
	case len(out.ID) > maxIDBytes:
		bad("id", "id is %d bytes long; at most %d", len(out.ID), maxIDBytes)
	default:
		if e := badText("id", out.ID); e != "" {
			bad("id", "%s", e)
		}
	}

	switch key, err := PatientKey("patient", out.User); {
	case out.User == "":
		bad("patient", "patient is empty; want PLATFORM:USER (such as telegram:12345)")
	case len(out.User) > maxKeyBytes:
		bad("patient", "patient is %d bytes long; at most %d", len(out.User), maxKeyBytes)
	case badText("patient", out.User) != "":
		bad("patient", "%s", badText("patient", out.User))
	case err != nil:
		bad("patient", "%v", err)
	default:
		out.User = key
	}

	if to := strings.TrimSpace(a.To); to != "" {
		switch addr, err := chatAddress("to", to); {
		case len(to) > maxKeyBytes:
			bad("to", "to is %d bytes long; at most %d", len(to), maxKeyBytes)
		case badText("to", to) != "":
			bad("to", "%s", badText("to", to))
		case err != nil:
			bad("to", "%v", err)
		default:
			out.To = carebot.Address{Platform: addr.Platform, ChatID: addr.ChatID}
		}
	}

	loc := zone
	if loc == nil {
		loc = time.UTC
	}
	zoneOK := true
	if out.TimeZone != "" {
		if l, err := loadZone(out.TimeZone); err != nil {
			bad("timezone", "timezone %s is not an IANA time zone (such as America/New_York)", shown(a.TimeZone))
			zoneOK = false
		} else {
			loc = l
		}
	}
	at, err := parseTime(a.At, loc)
	switch {
	case err != nil:
		bad("at", "%v", err)
	case at.Year() < minYear || at.Year() > maxYear:
		bad("at", "at %s is in the year %d; want a year from %d to %d", shown(strings.TrimSpace(a.At)), at.Year(), minYear, maxYear)
	case zoneOK:
		out.At = at
	}

	if n := utf8.RuneCountInString(out.Location); n > maxLocationRunes {
		bad("location", "location is %d characters long; at most %d", n, maxLocationRunes)
	} else if e := badText("location", out.Location); e != "" {
		bad("location", "%s", e)
	}

	switch strings.ToLower(strings.TrimSpace(a.Status)) {
	case "", "booked":
		out.Status = carebot.AppointmentBooked
	case "cancelled", "canceled":
		out.Status = carebot.AppointmentCancelled
	default:
		bad("status", "status %s is not booked or cancelled", shown(a.Status))
	}
	return out, errs
}

// loadZone loads an IANA zone by name. "Local" is the server's own zone,
// whatever that is, and "" is UTC: neither is a clinic's.
func loadZone(name string) (*time.Location, error) {
	if name == "" || name == "Local" || len(name) > maxZoneBytes {
		return nil, fmt.Errorf("timezone %s is not an IANA time zone", shown(name))
	}
	return carebot.LoadZone(name)
}

// badText says what is wrong with a field's text, or "": text that is not
// UTF-8 (a file saved as Latin-1 or Windows-1252), the replacement
// character that stands for such text once decoded, or a control
// character (a line break or tab) that would break a reminder or a
// listing.
func badText(field, s string) string {
	if !utf8.ValidString(s) || strings.ContainsRune(s, utf8.RuneError) {
		return field + " has characters that are not UTF-8 text; save the file as UTF-8 and import it again"
	}
	for _, r := range s {
		if unicode.IsControl(r) {
			return fmt.Sprintf("%s has a control character (%U, such as a line break or tab); put it on one line", field, r)
		}
	}
	return ""
}

// shown is s quoted for a message, cut to 40 characters: a value can be
// megabytes long.
func shown(s string) string {
	const max = 40
	if utf8.RuneCountInString(s) > max {
		r := []rune(s)
		s = string(r[:max-1]) + "…"
	}
	return strconv.Quote(s)
}
