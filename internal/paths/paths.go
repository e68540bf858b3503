// Package paths searches the paths of a function's control-flow graph
// (golang.org/x/tools/go/cfg) forward from a statement, the way go vet's
// lostcancel does: "is the value released, or does it escape, on every path
// from here to each return?" and "is the value used after this point?".
//
// The search is generic: a Visitor decides, node by node, whether a path
// continues, stops (the value was released or escaped) or has found what
// the caller looks for, and may prune the branches of conditions it
// understands (the error branch of the acquiring call). A small per-path
// state lets the visitor remember facts such as "err was reassigned".
package paths

import (
	"go/ast"

	"golang.org/x/tools/go/cfg"
)

// A Graph is the control-flow graph of one function body with an index
// from each node to its place.
type Graph struct {
	CFG   *cfg.CFG
	Body  *ast.BlockStmt
	where map[ast.Node]loc
}

type loc struct {
	b *cfg.Block
	i int
}

// New builds the graph of body. mayReturn reports whether a call may
// return; a call for which it returns false ends its path (os.Exit,
// log.Fatal, panic, functions known never to return).
func New(body *ast.BlockStmt, mayReturn func(*ast.CallExpr) bool) *Graph {
	g := &Graph{CFG: cfg.New(body, mayReturn), Body: body, where: make(map[ast.Node]loc)}
	for _, b := range g.CFG.Blocks {
		for i, n := range b.Nodes {
			g.where[n] = loc{b, i}
		}
	}
	return g
}

// Contains reports whether n is a node of the graph (a simple statement,
// a condition, or a var spec); compound statements are not nodes.
func (g *Graph) Contains(n ast.Node) bool {
	_, ok := g.where[n]
	return ok
}

// NoReturn reports whether the body has no reachable return.
func (g *Graph) NoReturn() bool { return g.CFG.NoReturn() }

// Step is a Visitor's verdict at a node.
type Step int

const (
	// Continue the path past the node.
	Continue Step = iota
	// Stop the path here: nothing of interest lies beyond (the value was
	// released, escaped or overwritten).
	Stop
	// Found: the node is what the search looks for; the path stops.
	Found
)

// A Visitor directs a Search.
type Visitor interface {
	// Node is called for each node on a path, in order, with the path's
	// state; it returns its verdict and the state after the node.
	Node(n ast.Node, state uint32) (Step, uint32)
	// Branch is called at a two-way condition; it returns which of the
	// successors the path cannot take.
	Branch(cond ast.Expr, state uint32) (skipTrue, skipFalse bool)
}

// A Result is what a Search reached.
type Result struct {
	// Found lists the nodes at which the visitor returned Found.
	Found []ast.Node
	// Exits lists the return statements (explicit, or the implicit return
	// at the closing brace, whose Results are nil and position is the
	// brace) reached with no Stop or Found on the way.
	Exits []*ast.ReturnStmt
}

// maxVisits bounds the work of one search on huge functions; a search
// that exceeds it returns what it found so far with Truncated set.
const maxVisits = 200000

// Search walks every path that starts just after the node start (which
// must be a node of the graph) with the given initial state.
func (g *Graph) Search(start ast.Node, state uint32, v Visitor) (res Result, truncated bool) {
	l, ok := g.where[start]
	if !ok {
		return res, true
	}
	type key struct {
		b     *cfg.Block
		i     int
		state uint32
	}
	seen := make(map[key]bool)
	seenFound := make(map[ast.Node]bool)
	seenExit := make(map[*ast.ReturnStmt]bool)
	type item struct {
		b     *cfg.Block
		i     int
		state uint32
	}
	stack := []item{{l.b, l.i + 1, state}}
	visits := 0
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		k := key{it.b, it.i, it.state}
		if seen[k] {
			continue
		}
		seen[k] = true
		if visits++; visits > maxVisits {
			return res, true
		}
		b, st := it.b, it.state
		stopped := false
		for i := it.i; i < len(b.Nodes); i++ {
			n := b.Nodes[i]
			if n == start {
				stopped = true // around a loop, back at the start
				break
			}
			var step Step
			step, st = v.Node(n, st)
			if step == Found {
				if !seenFound[n] {
					seenFound[n] = true
					res.Found = append(res.Found, n)
				}
				stopped = true
				break
			}
			if step == Stop {
				stopped = true
				break
			}
		}
		if stopped {
			continue
		}
		if ret := b.Return(); ret != nil {
			if !seenExit[ret] {
				seenExit[ret] = true
				res.Exits = append(res.Exits, ret)
			}
			continue
		}
		succs := b.Succs
		if len(succs) == 2 && len(b.Nodes) > 0 {
			if cond, ok := b.Nodes[len(b.Nodes)-1].(ast.Expr); ok {
				skipT, skipF := v.Branch(cond, st)
				if !skipF {
					stack = append(stack, item{succs[1], 0, st})
				}
				if !skipT {
					stack = append(stack, item{succs[0], 0, st})
				}
				continue
			}
		}
		for i := len(succs) - 1; i >= 0; i-- {
			stack = append(stack, item{succs[i], 0, st})
		}
	}
	return res, false
}

// Reaches reports whether some path from just after start reaches a node
// for which found returns true, without passing a node for which stop
// returns true. It is the "is f used (or closed) after this point?"
// question of the rawfd checks.
func (g *Graph) Reaches(start ast.Node, found, stop func(ast.Node) bool) bool {
	res, truncated := g.Search(start, 0, funcVisitor{found, stop})
	return truncated || len(res.Found) > 0
}

type funcVisitor struct{ found, stop func(ast.Node) bool }

func (f funcVisitor) Node(n ast.Node, st uint32) (Step, uint32) {
	if f.found(n) {
		return Found, st
	}
	if f.stop != nil && f.stop(n) {
		return Stop, st
	}
	return Continue, st
}

func (funcVisitor) Branch(ast.Expr, uint32) (bool, bool) { return false, false }
