package faq

import (
	"path/filepath"
	"testing"
)

// A Spanish message finds an entry that has no Spanish translation by what
// it names, even when a translated entry shares its everyday words ("mi
// mamá", "vacuna", "a qué hora abre"): the classifier counts the other
// language's terms at foreignWeight. On the clinic's knowledge base, whose
// shingles vaccine and lab hours have no translation and whose childhood
// vaccines and lab results do.
func TestSpanishFindsUntranslatedEntry(t *testing.T) {
	needEval(t)
	kb, err := Load(filepath.Join(evalDir, "clinic/kb.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ msg, want string }{
		{"mi mama tuvo culebrilla hace unos años, le pueden poner la vacuna ahi?", "shingles-vaccine"},
		{"mi esposo tuvo culebrilla, se puede vacunar con ustedes?", "shingles-vaccine"},
		{"tengo que ir en ayunas para los analisis de sangre, a que hora abre el laboratorio?", "lab-draw-hours"},
		// The translated entries still get what is theirs.
		{"que vacunas le tocan a mi bebe a los 4 meses", "childhood-vaccine-schedule"},
		{"ya salieron los resultados de mis analisis?", "lab-results"},
	} {
		r := kb.Match(tc.msg, "es")
		if len(r.Candidates) == 0 || r.Candidates[0].Entry.ID != tc.want {
			t.Errorf("%q: got %s, want %s first", tc.msg, summary(r), tc.want)
		}
	}
}
