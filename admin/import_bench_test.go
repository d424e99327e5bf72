package admin

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"testing"
	"time"
)

// clinicCSV is an export of n appointments as a clinic's system writes
// one: a patient each, on the coming four weeks, in the clinic's zone.
func clinicCSV(n int) []byte {
	var b bytes.Buffer
	b.WriteString("id,patient,at,timezone,location,status\n")
	day := time.Now().AddDate(0, 0, 3)
	for i := range n {
		at := day.AddDate(0, 0, i%28)
		fmt.Fprintf(&b, "Z-%d,telegram:%d,%s %02d:%02d,America/New_York,Main Street,booked\n",
			i, 100000+i, at.Format(time.DateOnly), 8+i%10, i*7%60)
	}
	return b.Bytes()
}

// What the CLI spends reading the largest file it may send
// (go test ./admin -run '^$' -bench ReadAppointments -benchmem).
func BenchmarkReadAppointments50k(b *testing.B) {
	data := clinicCSV(maxImport)
	b.ReportAllocs()
	for b.Loop() {
		appts, _, err := ReadAppointments("big.csv", bytes.NewReader(data))
		if err != nil || len(appts) != maxImport {
			b.Fatalf("got %d, %v", len(appts), err)
		}
	}
}

// What the CLI spends refusing a file of four times too many rows.
func BenchmarkReadAppointmentsTooMany(b *testing.B) {
	data := clinicCSV(4 * maxImport)
	b.ReportAllocs()
	for b.Loop() {
		_, _, err := ReadAppointments("huge.csv", bytes.NewReader(data))
		var probs *Problems
		if !errors.As(err, &probs) {
			b.Fatalf("got %v", err)
		}
	}
}

// The largest import, through the API into a new bbolt file, as main
// wires it (go test ./admin -run '^$' -bench Import50k -benchtime 1x).
func BenchmarkImport50k(b *testing.B) {
	appts, lines, err := ReadAppointments("big.csv", bytes.NewReader(clinicCSV(maxImport)))
	if err != nil {
		b.Fatal(err)
	}
	for range b.N {
		b.StopTimer()
		c, db := newStoreAPI(b)
		b.StartTimer()
		rep, err := c.Import(context.Background(), "big.csv", appts, lines)
		if err != nil || rep.New != maxImport {
			b.Fatalf("got %s, %v", rep.Summary(), err)
		}
		b.StopTimer()
		if n := countAppointments(b, db); n != maxImport {
			b.Fatalf("%d stored", n)
		}
		b.StartTimer()
	}
}

// clinicJSON is clinicCSV's appointments as a JSON file, one per line.
func clinicJSON(n int) []byte {
	var b bytes.Buffer
	b.WriteString("[\n")
	day := time.Now().AddDate(0, 0, 3)
	for i := range n {
		at := day.AddDate(0, 0, i%28)
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `{"id": "Z-%d", "patient": "telegram:%d", "at": "%s %02d:%02d", "timezone": "America/New_York", "location": "Main Street", "status": "booked"}`,
			i, 100000+i, at.Format(time.DateOnly), 8+i%10, i*7%60)
	}
	b.WriteString("\n]\n")
	return b.Bytes()
}

func BenchmarkReadAppointmentsJSON50k(b *testing.B) {
	data := clinicJSON(maxImport)
	b.ReportAllocs()
	for b.Loop() {
		appts, _, err := ReadAppointments("big.json", bytes.NewReader(data))
		if err != nil || len(appts) != maxImport {
			b.Fatalf("got %d, %v", len(appts), err)
		}
	}
}
