package bot

import (
	"bufio"
	"encoding/json"
	"os"
	"regexp"
	"strconv"
	"testing"
)

func TestSafetyPubCheck(t *testing.T) {
	re := regexp.MustCompile(`^\s+question: (.*)$`)
	var qs []string
	for _, p := range []string{"medquad-10k/kb.yaml", "deepset-covid/kb.yaml", "covid-jhu/kb.yaml"} {
		f, _ := os.Open("../../shared/eval/public/" + p)
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				q := m[1]
				if u, err := strconv.Unquote(q); err == nil {
					q = u
				}
				qs = append(qs, q)
			}
		}
		f.Close()
	}
	for _, p := range []string{"covid-jhu/queries.jsonl", "deepset-covid/queries.jsonl"} {
		f, _ := os.Open("../../shared/eval/public/" + p)
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			var c struct{ Q string }
			json.Unmarshal(sc.Bytes(), &c)
			qs = append(qs, c.Q)
		}
		f.Close()
	}
	n := 0
	for _, q := range qs {
		if k := CheckSafety(q); k != SafetyNone {
			n++
			t.Logf("%s: %q", k, q)
		}
	}
	t.Logf("%d/%d", n, len(qs))
}
