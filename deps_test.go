package carebot_test

import (
	"encoding/json"
	"io"
	"os/exec"
	"strings"
	"testing"
)

// The core speaks only its own language: the vocabulary, the engine, the
// matcher and the reminders never import a chat SDK or the database, and
// each outside dependency has exactly one package that imports it.
func TestDependencies(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	const mod = "github.com/carebot/carebot"
	outside := map[string]string{ // import path prefix -> the one package allowed to import it
		"go.etcd.io/bbolt":                mod + "/bolt",
		"github.com/go-telegram-bot-api/": mod + "/adapters/telegram",
		"github.com/slack-go/slack":       mod + "/adapters/slack",
		"github.com/bwmarrin/discordgo":   mod + "/adapters/discord",
	}
	core := map[string]bool{mod: true, mod + "/bot": true, mod + "/faq": true, mod + "/reminders": true}

	out, err := exec.Command("go", "list", "-deps=false", "-json", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	seen := 0
	for {
		var p struct {
			ImportPath string
			Imports    []string
			Deps       []string
		}
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("decode go list: %v", err)
		}
		seen++
		for _, imp := range p.Imports {
			for prefix, owner := range outside {
				if strings.HasPrefix(imp, prefix) && !strings.HasPrefix(p.ImportPath, owner) {
					t.Errorf("%s imports %s; only %s may", p.ImportPath, imp, owner)
				}
			}
		}
		if core[p.ImportPath] {
			deps, err := exec.Command("go", "list", "-deps", p.ImportPath).Output()
			if err != nil {
				t.Fatalf("go list -deps %s: %v", p.ImportPath, err)
			}
			for _, d := range strings.Fields(string(deps)) {
				for prefix := range outside {
					if strings.HasPrefix(d, prefix) {
						t.Errorf("core package %s depends on %s", p.ImportPath, d)
					}
				}
				if strings.HasPrefix(d, mod+"/adapters") || d == mod+"/bolt" {
					t.Errorf("core package %s depends on %s", p.ImportPath, d)
				}
			}
		}
	}
	if seen == 0 {
		t.Fatal("go list returned no packages")
	}
}
