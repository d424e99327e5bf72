package yamlwalk

import (
	"reflect"
	"testing"
)

// TestText checks that a file not saved as UTF-8 is reported at its first
// bad line, in the same words for every file, and that a BOM is dropped.
func TestText(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
		problems        []Problem
	}{
		{"plain", "a: 1\n", "a: 1\n", nil},
		{"a BOM", "\xef\xbb\xbfa: 1\n", "a: 1\n", nil},
		{"Latin-1 on line 3", "a: 1\nb: 2\nc: Gr\xfcn\n", "", []Problem{{Line: 3, Msg: NotUTF8}}},
		{"a BOM, then Latin-1", "\xef\xbb\xbfa: \xe9\n", "", []Problem{{Line: 1, Msg: NotUTF8}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var w Walker
			got, ok := w.Text([]byte(tc.src))
			if ok != (tc.problems == nil) || string(got) != tc.want {
				t.Errorf("got %q, %v; want %q, %v", got, ok, tc.want, tc.problems == nil)
			}
			if !reflect.DeepEqual(w.Problems(), tc.problems) {
				t.Errorf("got problems %+v, want %+v", w.Problems(), tc.problems)
			}
		})
	}
}
