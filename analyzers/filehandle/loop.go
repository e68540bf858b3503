package filehandle

import (
	"go/ast"

	"github.com/winlint/winlint/internal/resource"
)

// checkDeferInLoop reports WL1002: a deferred release of a resource
// acquired in the same loop body, when the loop can go round again after
// the defer.
func (c *checker) checkDeferInLoop(a *resource.Acquire) {
	loop := c.loopOf(a.Node, a.Fn.Node)
	if loop == nil || c.eng.OutlivesIteration(a, loop) {
		return
	}
	c.eng.UsesOf(a.Fn, a.Var, func(n ast.Node, u resource.Use) {
		d, ok := n.(*ast.DeferStmt)
		if !ok || u.Kind != resource.Release || !u.Deferred {
			return
		}
		if c.loopOf(d, a.Fn.Node) != loop {
			return
		}
		// Does the loop come back to the acquisition after the defer?
		// The body may also close it on the way round (an explicit Close
		// after use, the defer only covering early returns).
		released := func(m ast.Node) bool {
			u := c.eng.ClassifyNode(m, a.Var)
			return u.Kind == resource.Release && !u.Deferred
		}
		if !a.Fn.Graph.Reaches(d, func(m ast.Node) bool { return m == a.Node }, released) {
			return
		}
		WL1002.Report(c.pass, d, "deferred release of %s runs when the function returns, not at the end of the iteration: every %s the loop opens stays open; close %s in the loop or move the body into a function",
			a.Var.Name(), noun(a), a.Var.Name())
	})
}

func noun(a *resource.Acquire) string {
	if a.Spec.Class == resource.File {
		return "file"
	}
	return "handle"
}
