package yamlwalk

import (
	"bytes"
	"errors"
	"io"

	"go.yaml.in/yaml/v3"
)

// Document reads the one YAML document of a staff-edited file (data as
// Text returns it): its root node, or nil when the file holds none (empty,
// or only comments). A syntax error, with its line, and a second document
// after "---", which carebot would otherwise ignore, are problems of w.
// ok is false when the first document cannot be read.
func (w *Walker) Document(data []byte) (root *yaml.Node, ok bool) {
	w.lines = bytes.Split(data, []byte("\n"))
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, true
		}
		w.syntax(data, err)
		return nil, false
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		w.Errorf(extra.Line, "", "a second YAML document (after ---): put everything in one")
	} else if !errors.Is(err, io.EOF) {
		w.syntax(data, err)
	}
	if len(doc.Content) == 0 {
		return nil, true
	}
	return doc.Content[0], true
}

func (w *Walker) syntax(data []byte, err error) {
	line, msg := SyntaxError(data, err)
	w.Errorf(line, "", "not valid YAML: %s", msg)
}
