package yamlwalk

import (
	"errors"
	"testing"
)

type lineError struct{ line int }

func (e *lineError) Error() string { return "line " + string(rune('0'+e.line)) }

func TestErrorsListsAndUnwrapsEveryProblem(t *testing.T) {
	second := &lineError{2}
	var err error = Errors[*lineError]{{1}, second}
	if got, want := err.Error(), "line 1\nline 2"; got != want {
		t.Errorf("Error: got %q, want %q", got, want)
	}
	if !errors.Is(err, second) {
		t.Error("errors.Is does not reach the second problem")
	}
	var es Errors[*lineError]
	if !errors.As(err, &es) || len(es) != 2 {
		t.Errorf("errors.As to the list: got %v, want both problems", es)
	}
	var one *lineError
	if !errors.As(err, &one) || one.line != 1 {
		t.Errorf("errors.As to one problem: got %v, want the first", one)
	}
	if got := (Errors[*lineError]{}).Error(); got != "" {
		t.Errorf("no problems: got %q, want nothing", got)
	}
}
