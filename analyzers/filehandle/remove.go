package filehandle

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"github.com/winlint/winlint/internal/callee"
	"github.com/winlint/winlint/internal/fold"
	"github.com/winlint/winlint/internal/paths"
	"github.com/winlint/winlint/internal/resource"
)

// checkRemoveOpen reports WL1004: os.Remove, Rename or RemoveAll of the
// path of a file that is still open, directly or through deferred calls
// run in LIFO order.
func (c *checker) checkRemoveOpen(a *resource.Acquire) {
	if a.Spec.Class != resource.File || a.Spec.Root || a.Spec.Base != a.Spec.Func {
		return
	}
	if c.expectsSharingViolation(a.Fn.Body) {
		return // the code tests for the very failure (os_windows_test.go TestOpenDirTOCTOU)
	}
	fileKey, dirKey := c.fileKeys(a)
	if fileKey == "" {
		return
	}
	c.reportRemovals(a, fileKey, dirKey)
}

// expectsSharingViolation reports whether body refers to
// ERROR_SHARING_VIOLATION of syscall or x/sys/windows.
func (c *checker) expectsSharingViolation(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if ok && id.Name == "ERROR_SHARING_VIOLATION" {
			if obj := c.pass.TypesInfo.Uses[id]; obj != nil && obj.Pkg() != nil {
				switch callee.PkgPath(obj.Pkg()) {
				case "syscall", "golang.org/x/sys/windows", "internal/syscall/windows":
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// fileKeys returns the path keys of a's file and of the directory it is
// in (see pathKey), or "".
func (c *checker) fileKeys(a *resource.Acquire) (fileKey, dirKey string) {
	switch a.Spec.Func {
	case "os.Open", "os.Create", "os.OpenFile", "os.CreateTemp":
	default:
		return "", ""
	}
	if a.Spec.Func == "os.CreateTemp" {
		fileKey = "name:" + c.varKey(a.Var)
		if len(a.Call.Args) > 0 {
			dirKey = c.pathKey(a.Call.Args[0], 0)
		}
	} else {
		if a.Spec.PathArg < 0 || a.Spec.PathArg >= len(a.Call.Args) {
			return "", ""
		}
		fileKey = c.pathKey(a.Call.Args[a.Spec.PathArg], 0)
		if strings.HasPrefix(fileKey, "join(") {
			if i := strings.Index(fileKey, ","); i > 0 {
				dirKey = fileKey[len("join("):i]
			}
		}
	}
	return fileKey, dirKey
}

func (c *checker) reportRemovals(a *resource.Acquire, fileKey, dirKey string) {
	// The removals of a's path in the function.
	type removal struct {
		node ast.Node // graph node holding the call
		call *ast.CallExpr
	}
	var removals []removal
	for _, b := range a.Fn.Graph.CFG.Blocks {
		if !b.Live {
			continue
		}
		for _, n := range b.Nodes {
			ast.Inspect(n, func(m ast.Node) bool {
				if _, ok := m.(*ast.FuncLit); ok {
					return false
				}
				call, ok := m.(*ast.CallExpr)
				if !ok {
					return true
				}
				if c.removes(call, fileKey, dirKey) {
					removals = append(removals, removal{n, call})
				}
				return true
			})
		}
	}
	if len(removals) == 0 {
		return
	}
	// Releases of the file.
	var deferredCloses []ast.Node
	explicitClose := false
	c.eng.UsesOf(a.Fn, a.Var, func(n ast.Node, u resource.Use) {
		if u.Kind == resource.Release {
			if u.Deferred {
				deferredCloses = append(deferredCloses, n)
			} else {
				explicitClose = true
			}
		}
	})
	for _, r := range removals {
		if _, deferred := r.node.(*ast.DeferStmt); deferred {
			if explicitClose {
				continue
			}
			for _, d := range deferredCloses {
				if a.Fn.Graph.Reaches(d, func(m ast.Node) bool { return m == r.node }, nil) {
					WL1004.Report(c.pass, r.call, "%s is deferred after the deferred close of %s: deferred calls run last-in first-out, so it runs while %s is still open and fails on Windows; defer it before the close, or close and remove in one deferred function",
						c.callText(r.call), a.Var.Name(), a.Var.Name())
					break
				}
			}
			continue
		}
		res, truncated := a.Fn.Graph.Search(a.Node, 1, openVisitor{c, a, r.node})
		if truncated || len(res.Found) == 0 {
			continue
		}
		WL1004.Report(c.pass, r.call, "%s while %s is still open fails on Windows with a sharing violation; close %s first",
			c.callText(r.call), a.Var.Name(), a.Var.Name())
	}
}

// openVisitor finds target on a path where the file is still open: not
// closed (a deferred close does not count), not escaped, not reassigned.
type openVisitor struct {
	c      *checker
	a      *resource.Acquire
	target ast.Node
}

func (v openVisitor) Node(n ast.Node, st uint32) (paths.Step, uint32) {
	u := v.c.eng.ClassifyNode(n, v.a.Var)
	switch {
	case u.Kind == resource.Release && !u.Deferred, u.Kind == resource.Escape, u.Kind == resource.Overwrite:
		return paths.Stop, st
	}
	if n == v.target {
		return paths.Found, st
	}
	return paths.Continue, st
}

func (v openVisitor) Branch(cond ast.Expr, st uint32) (bool, bool) {
	return v.c.eng.Prune(cond, v.a.Var, v.a.Err)
}

func (c *checker) callText(call *ast.CallExpr) string {
	name := callee.CallName(c.pass.TypesInfo, call)
	return name + "(…)"
}

// removes reports whether call removes or renames the file with key
// fileKey (or removes the directory dirKey).
func (c *checker) removes(call *ast.CallExpr, fileKey, dirKey string) bool {
	switch callee.CallName(c.pass.TypesInfo, call) {
	case "os.Remove":
		return len(call.Args) == 1 && c.pathKey(call.Args[0], 0) == fileKey
	case "os.Rename":
		return len(call.Args) == 2 && (c.pathKey(call.Args[0], 0) == fileKey || c.pathKey(call.Args[1], 0) == fileKey)
	case "os.RemoveAll":
		return len(call.Args) == 1 && dirKey != "" && c.pathKey(call.Args[0], 0) == dirKey
	}
	return false
}

// removedAnywhere reports whether a's function removes a's file (or its
// directory) at some point, so that what was written is discarded.
func (c *checker) removedAnywhere(a *resource.Acquire) bool {
	fileKey, dirKey := c.fileKeys(a)
	if a.Spec.Root && len(a.Call.Args) > 0 {
		fileKey = c.pathKey(a.Call.Args[0], 0)
	}
	if fileKey == "" {
		return false
	}
	removes := func(call *ast.CallExpr) bool {
		switch callee.CallName(c.pass.TypesInfo, call) {
		case "os.Remove", "os.RemoveAll", "(*os.Root).Remove", "(*os.Root).RemoveAll":
			if len(call.Args) == 1 {
				k := c.pathKey(call.Args[0], 0)
				return k == fileKey || k == dirKey && dirKey != ""
			}
		}
		return false
	}
	found := false
	ast.Inspect(a.Fn.Body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.DeferStmt:
			found = removes(n.Call) // runs at the end, wherever it is
		case *ast.CallExpr:
			// A removal before the open deletes a stale file.
			found = n.Pos() > a.Call.Pos() && removes(n)
		}
		return true
	})
	return found
}

func (c *checker) varKey(v *types.Var) string { return fmt.Sprintf("var%d", v.Pos()) }

// pathKey returns a canonical key of a path expression: the same key means
// the same path. It returns "" when the path is not understood.
func (c *checker) pathKey(e ast.Expr, depth int) string {
	if depth > 8 {
		return ""
	}
	e = ast.Unparen(e)
	info := c.pass.TypesInfo
	if s, ok := fold.ConstString(info, e); ok {
		return "lit:" + s
	}
	switch e := e.(type) {
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok {
			return ""
		}
		if val, index, ok := c.values.Def(e); ok {
			if index < 0 {
				if k := c.pathKey(val, depth+1); k != "" {
					return k
				}
			}
			return c.varKey(v)
		}
		if c.isParam(v) && !c.assigned(v) {
			return c.varKey(v)
		}
		return ""
	case *ast.CallExpr:
		switch callee.CallName(info, e) {
		case "(*os.File).Name":
			sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
			if !ok {
				return ""
			}
			if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok {
				if v := c.eng.Var(id); v != nil {
					return "name:" + c.varKey(v)
				}
			}
		case "path/filepath.Join", "path.Join":
			var parts []string
			for _, a := range e.Args {
				k := c.pathKey(a, depth+1)
				if k == "" {
					return ""
				}
				parts = append(parts, k)
			}
			return "join(" + strings.Join(parts, ",") + ")"
		}
	}
	return ""
}

func (c *checker) isParam(v *types.Var) bool {
	for _, f := range c.pass.Files {
		if f.FileStart <= v.Pos() && v.Pos() <= f.FileEnd {
			path, _ := astutilPath(f, v.Pos())
			for _, p := range path {
				if _, ok := p.(*ast.FieldList); ok {
					return true
				}
				if _, ok := p.(*ast.BlockStmt); ok {
					return false
				}
			}
		}
	}
	return false
}

// assigned reports whether v is assigned anywhere in the package.
func (c *checker) assigned(v *types.Var) bool {
	found := false
	for _, f := range c.pass.Files {
		if f.FileStart > v.Pos() || v.Pos() > f.FileEnd {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if found {
				return false
			}
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, l := range n.Lhs {
					if id, ok := ast.Unparen(l).(*ast.Ident); ok && c.eng.Var(id) == v {
						found = true
					}
				}
			case *ast.UnaryExpr:
				if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && c.eng.Var(id) == v {
					found = true
				}
			}
			return true
		})
	}
	return found
}
