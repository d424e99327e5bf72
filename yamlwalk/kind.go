package yamlwalk

import (
	"fmt"

	"go.yaml.in/yaml/v3"
)

// KindName says what n is, for "want X, got Y" messages a non-programmer
// reads: "a mapping (key: value)", "a list", "nothing" (null), or a
// scalar's text quoted. n must not be an alias (pass it through Node).
func KindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping (key: value)"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		return fmt.Sprintf("%q", n.Value)
	}
	return "something else"
}

// IsScalar reports whether n, after its aliases, is a scalar (null
// included). It charges no visit, so a schema may ask after Str.
func IsScalar(n *yaml.Node) bool { return is(n, yaml.ScalarNode) }

// IsMapping reports whether n, after its aliases, is a mapping. It charges
// no visit.
func IsMapping(n *yaml.Node) bool { return is(n, yaml.MappingNode) }

// IsNull reports whether n, after its aliases, is null (an empty value or
// ~). It charges no visit.
func IsNull(n *yaml.Node) bool {
	n = deref(n)
	return n != nil && n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

func is(n *yaml.Node, kind yaml.Kind) bool {
	n = deref(n)
	return n != nil && n.Kind == kind
}

// deref follows aliases without charging the budget.
func deref(n *yaml.Node) *yaml.Node {
	for hops := 0; n != nil && n.Kind == yaml.AliasNode && hops < maxHops; hops++ {
		n = n.Alias
	}
	return n
}
