package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/carebot/carebot/admin"
)

// QA: when the CLI gave up on a long import (its 60 s timeout), the bot
// stopped where it was (47,363 of 50,000) and wrote no audit entry. Here a
// client sends an import of 20,000 appointments and hangs up at once,
// without waiting for the answer: the real bot still imports every one
// and audits it.
func TestAnImportTheClientHangsUpOnIsFinishedAndAudited(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the carebot binary")
	}
	dir := t.TempDir()
	startBot(t, dir, nil, "--config", noQuietHours(t, dir))
	token, err := admin.ReadToken(func(string) string { return "" }, filepath.Join(dir, "admin.token"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "admin.addr"))
	if err != nil {
		t.Fatal(err)
	}
	addr := strings.TrimSpace(string(b))

	const n = 20000
	appts := make([]admin.Appointment, n)
	day := time.Now().AddDate(0, 0, 3)
	for i := range appts {
		at := day.AddDate(0, 0, i%28).Format(time.DateOnly) + fmt.Sprintf(" %02d:%02d", 8+i%10, i*7%60)
		appts[i] = admin.Appointment{ID: fmt.Sprint("Z-", i), Patient: fmt.Sprint("telegram:", 100000+i), At: at,
			TimeZone: "America/New_York", Location: "Main Street"}
	}
	body, err := json.Marshal(map[string]any{"appointments": appts, "file": "big.csv"})
	if err != nil {
		t.Fatal(err)
	}
	// The whole request, then the connection closed: the bot reads all of
	// it, and sees the client gone while it imports.
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(conn, "POST /v1/appointments HTTP/1.1\r\nHost: %s\r\nAuthorization: Bearer %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n",
		addr, token, len(body))
	if _, err := conn.Write(body); err != nil {
		t.Fatal(err)
	}
	conn.Close()

	c := &admin.Client{Base: "http://" + addr, Token: token}
	var imports []admin.AuditEntry
	for deadline := time.Now().Add(time.Minute); len(imports) == 0; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) { // only a broken test waits this long
			t.Fatal("no audit entry for the import")
		}
		entries, err := c.Audit(context.Background(), "1d")
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.Action == "appointments.import" {
				imports = append(imports, e)
			}
		}
	}
	if e := imports[0]; e.Result != "ok" || !strings.HasPrefix(e.Detail, "20000 new, 0 moved, 0 cancelled, 0 updated, 0 unchanged from \"big.csv\"") {
		t.Errorf("audit: %+v; want all 20000 imported, ok", e)
	}
	list, err := c.Appointments(context.Background(), "")
	if err != nil || len(list) != n {
		t.Errorf("%d appointments listed (%v); want all %d", len(list), err, n)
	}
}
