package yamlwalk

import "strings"

// Errors is every problem found in one file, as one error: Error lists
// them one per line, and errors.Is and errors.As reach each of them. The
// readers of staff-edited files turn Problems into their own problem type
// E and return an Errors[E].
type Errors[E error] []E

// Error lists the problems one per line.
func (es Errors[E]) Error() string {
	var b strings.Builder
	for i, e := range es {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap gives errors.Is and errors.As access to each problem.
func (es Errors[E]) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}
