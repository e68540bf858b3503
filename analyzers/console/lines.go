package console

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/winlint/winlint/internal/callee"
	"github.com/winlint/winlint/internal/fold"
	"github.com/winlint/winlint/internal/syntax"
)

// parentMap maps every node under root to its parent.
func parentMap(root ast.Node) map[ast.Node]ast.Node {
	parents := make(map[ast.Node]ast.Node)
	syntax.WithStack(root, func(n ast.Node, stack []ast.Node) bool {
		if len(stack) > 0 {
			parents[n] = stack[len(stack)-1]
		}
		return true
	})
	return parents
}

// sinkOf says how the trimmed value is used where "\r" matters: compared,
// switched on, parsed or used as a map key; "" if it is not (or not seen).
func (c *checker) sinkOf(body *ast.BlockStmt, parents map[ast.Node]ast.Node, t trim) string {
	if t.dest == nil {
		return c.sinkAt(parents, t.call)
	}
	info := c.pass.TypesInfo
	// The uses of the variable after the trim, up to its next assignment.
	end := body.End()
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || as.Pos() < t.at {
			return true
		}
		for _, l := range as.Lhs {
			if id := identOf(l); id != nil && info.ObjectOf(id) == t.dest && as.End() < end {
				end = as.End()
			}
		}
		return true
	})
	sink := ""
	ast.Inspect(body, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || sink != "" || id.Pos() < t.at || id.Pos() > end || info.Uses[id] != t.dest {
			return sink == ""
		}
		sink = c.sinkAt(parents, id)
		return sink == ""
	})
	return sink
}

// parseFuncs are functions whose result a trailing "\r" changes.
var parseFuncs = map[string]string{
	"strconv.Atoi": "parsed", "strconv.ParseInt": "parsed", "strconv.ParseUint": "parsed",
	"strconv.ParseFloat": "parsed", "strconv.ParseBool": "parsed",
	"strings.EqualFold": "compared", "bytes.Equal": "compared", "bytes.EqualFold": "compared",
}

// sinkAt says how the value of expression e is used.
func (c *checker) sinkAt(parents map[ast.Node]ast.Node, e ast.Node) string {
	info := c.pass.TypesInfo
	for {
		p := parents[e]
		switch p := p.(type) {
		case *ast.ParenExpr:
			e = p
			continue
		case *ast.BinaryExpr:
			if p.Op == token.EQL || p.Op == token.NEQ {
				return "compared"
			}
		case *ast.SwitchStmt:
			if p.Tag == e {
				return "switched on"
			}
		case *ast.IndexExpr:
			if p.Index == e {
				if _, ok := info.TypeOf(p.X).Underlying().(*types.Map); ok {
					return "used as a map key"
				}
			}
		case *ast.CallExpr:
			if tv, ok := info.Types[p.Fun]; ok && tv.IsType() {
				e = p // string(b), []byte(s)
				continue
			}
			name := callee.CallName(info, p)
			if how, ok := parseFuncs[name]; ok {
				if how == "parsed" {
					return "parsed with " + name
				}
				return how
			}
		}
		return ""
	}
}

// checkLine reports WL9003: a line read from standard input with
// ReadString('\n') or ReadBytes('\n'), trimmed of "\n" only, then compared,
// switched on, parsed or used as a map key.
func (c *checker) checkLine(cur inspector.Cursor, call *ast.CallExpr, name string) {
	if name != "(*bufio.Reader).ReadString" && name != "(*bufio.Reader).ReadBytes" || len(call.Args) != 1 {
		return
	}
	if n, ok := fold.ConstInt(c.pass.TypesInfo, call.Args[0]); !ok || n != '\n' {
		return
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || !c.origins.Of(sel.X).IsStdin() {
		return
	}
	// line, err := r.ReadString('\n')
	as, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || len(as.Lhs) == 0 {
		return
	}
	line, ok := c.pass.TypesInfo.ObjectOf(identOf(as.Lhs[0])).(*types.Var)
	if !ok {
		return
	}
	body := enclosingBody(cur)
	if body == nil || c.guard.ExcludesWindows(cur) {
		return
	}
	parents := parentMap(body)
	for _, trim := range c.trims(body, parents, line, as.End()) {
		sink := c.sinkOf(body, parents, trim)
		if sink == "" {
			continue
		}
		WL9003.ReportFix(c.pass, trim.call, c.trimFix(trim), "%s is read from the console with %s('\\n') and trimmed of \"\\n\" only, then %s: the Windows console ends lines with \"\\r\\n\", so the \"\\r\" stays (\"y\\r\" != \"y\"); trim with strings.TrimRight(%s, \"\\r\\n\") or strings.TrimSpace", line.Name(), sel.Sel.Name, sink, line.Name())
	}
}

// trimFix rewrites a TrimSuffix/TrimRight of "\n" into TrimRight of "\r\n".
func (c *checker) trimFix(t trim) []analysis.SuggestedFix {
	if t.fun == nil {
		return nil
	}
	edits := []analysis.TextEdit{{Pos: t.cutset.Pos(), End: t.cutset.End(), NewText: []byte(`"\r\n"`)}}
	if t.fun.Sel.Name == "TrimSuffix" {
		edits = append(edits, analysis.TextEdit{Pos: t.fun.Sel.Pos(), End: t.fun.Sel.End(), NewText: []byte("TrimRight")})
	}
	return []analysis.SuggestedFix{{Message: `trim "\r\n"`, TextEdits: edits}}
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

func enclosingBody(cur inspector.Cursor) *ast.BlockStmt {
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch f := f.Node().(type) {
		case *ast.FuncDecl:
			return f.Body
		case *ast.FuncLit:
			return f.Body
		}
	}
	return nil
}

// A trim is an expression that removes "\n" but not "\r" from the line.
type trim struct {
	call ast.Expr // the trimming expression
	// fixable: strings/bytes TrimSuffix or TrimRight with "\n", whose
	// cutset argument and function name a fix replaces.
	fun    *ast.SelectorExpr
	cutset ast.Expr
	// the variable the trimmed value is assigned to (nil: used in place)
	dest *types.Var
	// where the trimmed value is assigned (for positional use lookups)
	at token.Pos
}

// trims finds the "\n"-only trims of line after pos in body.
func (c *checker) trims(body *ast.BlockStmt, parents map[ast.Node]ast.Node, line *types.Var, pos token.Pos) []trim {
	info := c.pass.TypesInfo
	var out []trim
	ast.Inspect(body, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || id.Pos() < pos || info.Uses[id] != line {
			return true
		}
		var t trim
		switch p := parents[id].(type) {
		case *ast.CallExpr:
			if len(p.Args) < 2 || ast.Unparen(p.Args[0]) != id {
				return true
			}
			name := callee.CallName(info, p)
			switch name {
			case "strings.TrimSuffix", "strings.TrimRight", "bytes.TrimSuffix", "bytes.TrimRight":
				if !c.isNewline(p.Args[1]) {
					return true
				}
				fun, _ := ast.Unparen(p.Fun).(*ast.SelectorExpr)
				t = trim{call: p, fun: fun, cutset: p.Args[1]}
			case "strings.Replace", "strings.ReplaceAll", "bytes.Replace", "bytes.ReplaceAll":
				if len(p.Args) < 3 || !c.isNewline(p.Args[1]) || !c.isEmpty(p.Args[2]) {
					return true
				}
				t = trim{call: p}
			default:
				return true
			}
		case *ast.SliceExpr:
			// line[:len(line)-1]
			if p.X != id || p.Low != nil && !isZeroLit(info, p.Low) || !lenMinusOne(info, p.High, line) {
				return true
			}
			t = trim{call: p}
		default:
			return true
		}
		// Where does the trimmed value go?
		if as, ok := parents[t.call].(*ast.AssignStmt); ok && len(as.Lhs) == 1 && len(as.Rhs) == 1 {
			if v, ok := info.ObjectOf(identOf(as.Lhs[0])).(*types.Var); ok {
				t.dest, t.at = v, as.End()
			}
		}
		out = append(out, t)
		return true
	})
	return out
}

func (c *checker) isNewline(e ast.Expr) bool {
	if s, ok := c.vals().String(e); ok {
		return s == "\n"
	}
	// []byte("\n") or []byte{'\n'}
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && len(call.Args) == 1 {
		if tv, ok := c.pass.TypesInfo.Types[call.Fun]; ok && tv.IsType() {
			s, ok := c.vals().String(call.Args[0])
			return ok && s == "\n"
		}
	}
	if cl, ok := ast.Unparen(e).(*ast.CompositeLit); ok && len(cl.Elts) == 1 {
		n, ok := fold.ConstInt(c.pass.TypesInfo, cl.Elts[0])
		return ok && n == '\n'
	}
	return false
}

func (c *checker) isEmpty(e ast.Expr) bool {
	if s, ok := c.vals().String(e); ok {
		return s == ""
	}
	if id, ok := ast.Unparen(e).(*ast.Ident); ok && id.Name == "nil" {
		return true
	}
	return false
}

func isZeroLit(info *types.Info, e ast.Expr) bool {
	n, ok := fold.ConstInt(info, e)
	return ok && n == 0
}

// lenMinusOne reports whether e is len(v)-1.
func lenMinusOne(info *types.Info, e ast.Expr, v *types.Var) bool {
	b, ok := ast.Unparen(e).(*ast.BinaryExpr)
	if !ok || b.Op != token.SUB {
		return false
	}
	if n, ok := fold.ConstInt(info, b.Y); !ok || n != 1 {
		return false
	}
	call, ok := ast.Unparen(b.X).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return false
	}
	if id, ok := call.Fun.(*ast.Ident); !ok || id.Name != "len" {
		return false
	}
	arg, ok := ast.Unparen(call.Args[0]).(*ast.Ident)
	return ok && info.Uses[arg] == v
}
