package nulpath

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/winlint/winlint/internal/fixes"
	"github.com/winlint/winlint/internal/syntax"
)

// tmpSuffix is appended to the converted variable's name to name the
// result of the …FromString call (x/sys spells them namep, name16).
var tmpSuffix = map[string]string{
	"UTF16PtrFromString":  "p",
	"UTF16FromString":     "16",
	"BytePtrFromString":   "p",
	"ByteSliceFromString": "b",
}

// converterFix returns the fix that replaces a panicking converter by its
// …FromString form with the error returned, or nil when the enclosing
// function cannot return an error or the call cannot be hoisted safely.
func (c *checker) converterFix(call *ast.CallExpr, repl string, stack []ast.Node) []analysis.SuggestedFix {
	fnNode, sig := c.innerFunc(stack)
	if fnNode == nil || sig == nil || sig.Results().Len() == 0 {
		return nil
	}
	res := sig.Results()
	if !types.Identical(res.At(res.Len()-1).Type(), types.Universe.Lookup("error").Type()) {
		return nil
	}
	// The statement the call belongs to, which must sit in a block of the
	// innermost function.
	si := -1
	for i := len(stack) - 1; i >= 0; i-- {
		if stack[i] == fnNode {
			return nil
		}
		if _, ok := stack[i].(ast.Stmt); ok {
			si = i
			break
		}
		if b, ok := stack[i].(*ast.BinaryExpr); ok && (b.Op == token.LAND || b.Op == token.LOR) {
			return nil // the call may not be evaluated
		}
	}
	if si <= 0 {
		return nil
	}
	stmt := stack[si].(ast.Stmt)
	switch p := stack[si-1].(type) {
	case *ast.BlockStmt, *ast.CaseClause:
	case *ast.CommClause:
		if p.Comm == stmt {
			return nil // the communication of a select case
		}
	default:
		return nil
	}
	var child ast.Node = call
	if si+1 < len(stack) {
		child = stack[si+1]
	}
	switch s := stmt.(type) {
	case *ast.ExprStmt, *ast.AssignStmt, *ast.ReturnStmt, *ast.DeclStmt, *ast.DeferStmt, *ast.GoStmt:
	case *ast.IfStmt:
		if s.Init != nil || child != s.Cond {
			return nil
		}
	case *ast.SwitchStmt:
		if s.Init != nil || child != s.Tag {
			return nil
		}
	default:
		return nil
	}

	// The zero values of the other results.
	qual := c.qualifier()
	var rets []string
	for i := 0; i < res.Len()-1; i++ {
		z, ok := zeroValue(res.At(i).Type(), qual)
		if !ok {
			return nil
		}
		rets = append(rets, z)
	}
	rets = append(rets, "err")

	scope := c.pass.Pkg.Scope().Innermost(stmt.Pos())
	if scope == nil {
		return nil
	}
	if obj := scope.Lookup("err"); obj != nil {
		if _, ok := obj.(*types.Var); !ok || !types.Identical(obj.Type(), types.Universe.Lookup("error").Type()) {
			return nil
		}
	}

	// The source text of the receiver and argument (comments and all),
	// not a re-printing of them.
	fun := repl
	var recv ast.Node
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		x, ok := fixes.Text(c.pass, sel.X)
		if !ok {
			return nil
		}
		fun, recv = x+"."+repl, sel.X
	}
	args, ok := fixes.Text(c.pass, call.Args[0])
	if !ok {
		return nil
	}
	file := syntax.File(c.pass.Files, call.Pos())
	indent := strings.Repeat("\t", max(c.pass.Fset.PositionFor(stmt.Pos(), false).Column-1, 0)) // the fixer formats the lines
	check := fmt.Sprintf("if err != nil {\n%s\treturn %s\n%s}", indent, strings.Join(rets, ", "), indent)

	// x := conv(s) becomes x, err := repl(s).
	if as, ok := stmt.(*ast.AssignStmt); ok && as.Tok == token.DEFINE && len(as.Lhs) == 1 && len(as.Rhs) == 1 && as.Rhs[0] == call {
		if id, ok := as.Lhs[0].(*ast.Ident); ok && id.Name != "err" && id.Name != "_" && !fixes.DropsComments(file, stmt, recv, call.Args[0]) {
			text := fmt.Sprintf("%s, err := %s(%s)\n%s%s", id.Name, fun, args, indent, check)
			return []analysis.SuggestedFix{{
				Message:   "Use " + repl + " and return its error",
				TextEdits: []analysis.TextEdit{{Pos: stmt.Pos(), End: stmt.End(), NewText: []byte(text)}},
			}}
		}
	}

	base := ""
	if id, ok := ast.Unparen(call.Args[0]).(*ast.Ident); ok {
		base = id.Name + tmpSuffix[repl]
	} else {
		base = map[string]string{"UTF16PtrFromString": "p", "UTF16FromString": "u16", "BytePtrFromString": "bp", "ByteSliceFromString": "bs"}[repl]
	}
	tmp := base
	for n := 2; ; n++ {
		if _, obj := scope.LookupParent(tmp, stmt.Pos()); obj == nil && tmp != "err" {
			break
		}
		tmp = base + strconv.Itoa(n)
	}
	if fixes.DropsComments(file, call, recv, call.Args[0]) {
		return nil
	}
	pre := fmt.Sprintf("%s, err := %s(%s)\n%s%s\n%s", tmp, fun, args, indent, check, indent)
	return []analysis.SuggestedFix{{
		Message: "Use " + repl + " and return its error",
		TextEdits: []analysis.TextEdit{
			{Pos: stmt.Pos(), End: stmt.Pos(), NewText: []byte(pre)},
			{Pos: call.Pos(), End: call.End(), NewText: []byte(tmp)},
		},
	}}
}

// qualifier names packages as the current file imports them; it returns
// "\x00" for a package the file does not import, which zeroValue rejects.
func (c *checker) qualifier() types.Qualifier {
	return func(p *types.Package) string {
		if p == c.pass.Pkg {
			return ""
		}
		for _, imp := range c.file.Imports {
			path, err := strconv.Unquote(imp.Path.Value)
			if err != nil || path != p.Path() {
				continue
			}
			if imp.Name != nil {
				if imp.Name.Name == "_" || imp.Name.Name == "." {
					return "\x00"
				}
				return imp.Name.Name
			}
			return p.Name()
		}
		return "\x00"
	}
}

// zeroValue returns the zero value of t as Go source.
func zeroValue(t types.Type, qual types.Qualifier) (string, bool) {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsBoolean != 0:
			return "false", true
		case u.Info()&types.IsString != 0:
			return `""`, true
		case u.Info()&types.IsNumeric != 0:
			return "0", true
		case u.Kind() == types.UnsafePointer:
			return "nil", true
		}
		return "", false
	case *types.Pointer, *types.Slice, *types.Map, *types.Chan, *types.Signature, *types.Interface:
		if _, ok := t.(*types.TypeParam); ok {
			return "", false
		}
		return "nil", true
	case *types.Struct, *types.Array:
		s := types.TypeString(t, qual)
		if strings.Contains(s, "\x00") {
			return "", false
		}
		return s + "{}", true
	}
	return "", false
}
