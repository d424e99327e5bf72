package yamlwalk

import "go.yaml.in/yaml/v3"

// Field is one key of a mapping with the line of the key. Value is as
// written (it may be an alias); pass it to Str, Mapping and the others,
// which follow aliases.
type Field struct {
	Key   string
	Line  int
	Value *yaml.Node
}

// Mapping returns the fields of mapping n in file order, or nil for null.
// It reports, in scope: n being anything else ("what: want a mapping"), a
// key that is not a scalar, a merge key (<<), and a key given twice (naming
// the line of the first); such keys are left out. what names n in
// messages; "" when scope already names it (the fields of an entry), so
// that key problems read `"tags" is given twice` without a prefix.
func (w *Walker) Mapping(n *yaml.Node, scope, what string) []Field {
	n = w.Node(n)
	if n == nil || IsNull(n) {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		w.Errorf(n.Line, scope, "%swant a mapping (key: value), got %s", prefix(what), KindName(n))
		return nil
	}
	out := make([]Field, 0, len(n.Content)/2)
	seen := make(map[string]int, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := w.Node(n.Content[i])
		if k == nil {
			return out
		}
		switch first, dup := seen[k.Value]; {
		case k.Kind != yaml.ScalarNode:
			w.Errorf(k.Line, scope, "%sa key must be a plain word, got %s", prefix(what), KindName(k))
		case k.Tag == "!!merge":
			w.Errorf(k.Line, scope, "%smerge keys (<<) are not supported; write the fields out", prefix(what))
		case dup:
			w.Errorf(k.Line, scope, "%s%q is given twice (first at line %d)", prefix(what), k.Value, first)
		default:
			seen[k.Value] = k.Line
			out = append(out, Field{Key: k.Value, Line: k.Line, Value: n.Content[i+1]})
		}
	}
	return out
}

// prefix is "what: ", or "" when there is no what.
func prefix(what string) string {
	if what == "" {
		return ""
	}
	return what + ": "
}
