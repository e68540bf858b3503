// Package fold evaluates what is statically known about values: constant
// strings (named constants, concatenations, variables assigned exactly once
// from a constant) and the known "shape" of strings that are only partly
// constant, such as ":" + strconv.Itoa(port) or fmt.Sprintf("[::]:%d", p).
package fold

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/winlint/winlint/internal/callee"
)

// Values indexes the assignments of variables in a package, so that a
// variable assigned exactly once can be replaced by its value.
type Values struct {
	info *types.Info
	defs map[*types.Var][]def
	// fields holds the values assigned to struct fields in the package:
	// keyed and positional composite literals and x.F = v.
	fields map[*types.Var][]ast.Expr
}

// A def is one assignment to a variable: the value assigned, or for
// "a, b := f()" the call and the index of the variable's result. A nil
// value means the assignment is not understood.
type def struct {
	value ast.Expr
	index int // -1 for a single-valued assignment
}

// NewValues indexes the assignments to variables in files.
func NewValues(info *types.Info, files []*ast.File) *Values {
	v := &Values{info: info, defs: make(map[*types.Var][]def), fields: make(map[*types.Var][]ast.Expr)}
	for _, f := range files {
		ast.Inspect(f, v.visit)
	}
	return v
}

func (v *Values) record(id ast.Expr, value ast.Expr) { v.recordAt(id, value, -1) }

func (v *Values) recordAt(id ast.Expr, value ast.Expr, index int) {
	id = ast.Unparen(id)
	ident, ok := id.(*ast.Ident)
	if !ok {
		return
	}
	obj := v.info.Defs[ident]
	if obj == nil {
		obj = v.info.Uses[ident]
	}
	if vr, ok := obj.(*types.Var); ok {
		v.defs[vr] = append(v.defs[vr], def{value, index})
	}
}

// field returns the struct field x selects, or nil.
func (v *Values) field(x ast.Expr) *types.Var {
	sel, ok := ast.Unparen(x).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	s := v.info.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal {
		return nil
	}
	f, _ := s.Obj().(*types.Var)
	return f
}

func (v *Values) recordField(x ast.Expr, value ast.Expr) {
	if f := v.field(x); f != nil {
		v.fields[f] = append(v.fields[f], value)
	}
}

func (v *Values) visit(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.CompositeLit:
		t := v.info.TypeOf(n)
		if t == nil {
			break
		}
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok {
			break
		}
		for i, elt := range n.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok {
					if f, ok := v.info.Uses[id].(*types.Var); ok && f.IsField() {
						v.fields[f] = append(v.fields[f], kv.Value)
					}
				}
			} else if i < st.NumFields() {
				v.fields[st.Field(i)] = append(v.fields[st.Field(i)], elt)
			}
		}
	case *ast.AssignStmt:
		plain := n.Tok == token.ASSIGN || n.Tok == token.DEFINE
		for i, lhs := range n.Lhs {
			if plain && len(n.Lhs) == len(n.Rhs) {
				v.recordField(lhs, n.Rhs[i])
			} else {
				v.recordField(lhs, nil)
			}
			switch {
			case plain && len(n.Lhs) == len(n.Rhs):
				v.record(lhs, n.Rhs[i])
			case plain && len(n.Rhs) == 1 && isCall(n.Rhs[0]):
				v.recordAt(lhs, n.Rhs[0], i)
			default:
				v.record(lhs, nil)
			}
		}
	case *ast.ValueSpec:
		for i, name := range n.Names {
			if len(n.Values) == len(n.Names) {
				v.record(name, n.Values[i])
			} else if len(n.Values) == 1 && isCall(n.Values[0]) {
				v.recordAt(name, n.Values[0], i)
			} else {
				v.record(name, nil)
			}
		}
	case *ast.IncDecStmt:
		v.record(n.X, nil)
		v.recordField(n.X, nil)
	case *ast.RangeStmt:
		if n.Key != nil {
			v.record(n.Key, nil)
		}
		if n.Value != nil {
			v.record(n.Value, nil)
		}
	case *ast.UnaryExpr:
		if n.Op == token.AND {
			v.record(n.X, nil) // address taken: may change behind our back
			v.recordField(n.X, nil)
		}
	}
	return true
}

func isCall(e ast.Expr) bool {
	_, ok := ast.Unparen(e).(*ast.CallExpr)
	return ok
}

// Single returns the one value ever assigned to the variable e refers to,
// if e is a local or unexported package-level variable assigned exactly
// once, by a plain single-valued assignment or declaration with a value.
func (v *Values) Single(e ast.Expr) (ast.Expr, bool) {
	val, index, ok := v.Def(e)
	if !ok || index >= 0 {
		return nil, false
	}
	return val, true
}

// Def is like Single but also accepts a variable assigned once from a
// multi-valued call ("a, ok := f()"): it then returns the call and the
// index of the variable's result (-1 for single-valued assignments).
func (v *Values) Def(e ast.Expr) (ast.Expr, int, bool) {
	ident, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil, -1, false
	}
	vr, ok := v.info.Uses[ident].(*types.Var)
	if !ok || vr.IsField() || vr.Pkg() == nil {
		return nil, -1, false
	}
	if vr.Parent() == vr.Pkg().Scope() && vr.Exported() {
		return nil, -1, false // other packages may assign it
	}
	defs := v.defs[vr]
	if len(defs) != 1 || defs[0].value == nil {
		return nil, -1, false
	}
	return defs[0].value, defs[0].index, true
}

// FieldStrings returns the constant strings assigned to the struct field
// that e selects (x.Host), when every assignment to that field in the
// package — composite literals and x.F = v — is a known string. Values
// set outside the package (decoding, reflection, other packages) are not
// seen: use it where the package owns the values, as in its tests.
func (v *Values) FieldStrings(e ast.Expr) ([]string, bool) {
	f := v.field(e)
	if f == nil {
		return nil, false
	}
	vals := v.fields[f]
	if len(vals) == 0 {
		return nil, false
	}
	out := make([]string, 0, len(vals))
	for _, x := range vals {
		if x == nil {
			return nil, false
		}
		s, ok := v.String(x)
		if !ok {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

// String returns the constant string value of e, looking through variables
// assigned once. The boolean is false if the value is not known.
func (v *Values) String(e ast.Expr) (string, bool) {
	return v.str(e, 0)
}

const maxDepth = 8

func (v *Values) str(e ast.Expr, depth int) (string, bool) {
	if s, ok := ConstString(v.info, e); ok {
		return s, true
	}
	if depth > maxDepth {
		return "", false
	}
	if val, ok := v.Single(e); ok {
		return v.str(val, depth+1)
	}
	if b, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && b.Op == token.ADD {
		x, okx := v.str(b.X, depth+1)
		y, oky := v.str(b.Y, depth+1)
		if okx && oky {
			return x + y, true
		}
	}
	return "", false
}

// ConstString returns the value of e if it is a constant string expression.
func ConstString(info *types.Info, e ast.Expr) (string, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// ConstInt returns the value of e if it is a constant integer expression
// that fits in an int64.
func ConstInt(info *types.Info, e ast.Expr) (int64, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil {
		return 0, false
	}
	v := constant.ToInt(tv.Value)
	if v.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(v)
}

// A Part is a piece of a string: known text, or a hole whose value is
// computed at run time by Expr.
type Part struct {
	Text  string
	Known bool
	Expr  ast.Expr // for a hole, the expression that computes it (may be nil)
}

// A Shape is a string whose value is known in parts.
type Shape []Part

// Known reports whether every part of the shape is known, and the value.
func (s Shape) Known() (string, bool) {
	out := ""
	for _, p := range s {
		if !p.Known {
			return "", false
		}
		out += p.Text
	}
	return out, true
}

// Prefix returns the known text before the first hole (all of it if there
// is no hole).
func (s Shape) Prefix() string {
	out := ""
	for _, p := range s {
		if !p.Known {
			break
		}
		out += p.Text
	}
	return out
}

// HasHole reports whether some part of the shape is unknown.
func (s Shape) HasHole() bool {
	for _, p := range s {
		if !p.Known {
			return true
		}
	}
	return false
}

func (s Shape) add(p Part) Shape {
	if p.Known && len(s) > 0 && s[len(s)-1].Known {
		s[len(s)-1].Text += p.Text
		return s
	}
	return append(s, p)
}

// StringShape returns the known shape of the string expression e:
// constants, concatenations, fmt.Sprintf with a constant format and
// net.JoinHostPort are looked through, as are variables assigned once.
func (v *Values) StringShape(e ast.Expr) Shape {
	return v.shape(e, 0)
}

func (v *Values) shape(e ast.Expr, depth int) Shape {
	e = ast.Unparen(e)
	if s, ok := ConstString(v.info, e); ok {
		return Shape{{Text: s, Known: true}}
	}
	hole := Shape{{Expr: e}}
	if depth > maxDepth {
		return hole
	}
	if val, ok := v.Single(e); ok {
		return v.shape(val, depth+1)
	}
	switch e := e.(type) {
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return hole
		}
		var out Shape
		for _, p := range v.shape(e.X, depth+1) {
			out = out.add(p)
		}
		for _, p := range v.shape(e.Y, depth+1) {
			out = out.add(p)
		}
		return out
	case *ast.CallExpr:
		switch callee.CallName(v.info, e) {
		case "fmt.Sprintf":
			if len(e.Args) == 0 {
				return hole
			}
			format, ok := v.str(e.Args[0], depth+1)
			if !ok {
				return hole
			}
			return v.sprintfShape(format, e.Args[1:], depth+1, e)
		case "net.JoinHostPort":
			if len(e.Args) != 2 {
				return hole
			}
			var out Shape
			host := v.shape(e.Args[0], depth+1)
			if h, ok := host.Known(); ok {
				if containsColon(h) {
					h = "[" + h + "]"
				}
				out = out.add(Part{Text: h, Known: true})
			} else {
				// The host is bracketed at run time if it needs it;
				// we only know it is a correctly joined host.
				out = out.add(Part{Expr: e.Args[0]})
			}
			out = out.add(Part{Text: ":", Known: true})
			for _, p := range v.shape(e.Args[1], depth+1) {
				out = out.add(p)
			}
			return out
		}
	}
	return hole
}

func containsColon(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == ':' {
			return true
		}
	}
	return false
}

// sprintfShape evaluates the simple verbs of a Sprintf format: constant
// string and integer arguments become known text, others holes. Formats
// with flags, widths or unusual verbs yield a single hole.
func (v *Values) sprintfShape(format string, args []ast.Expr, depth int, call ast.Expr) Shape {
	var out Shape
	argi := 0
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			out = out.add(Part{Text: string(c), Known: true})
			continue
		}
		i++
		if i >= len(format) {
			return Shape{{Expr: call}}
		}
		verb := format[i]
		if verb == '%' {
			out = out.add(Part{Text: "%", Known: true})
			continue
		}
		if argi >= len(args) {
			return Shape{{Expr: call}}
		}
		arg := args[argi]
		argi++
		switch verb {
		case 's', 'v':
			if s, ok := v.str(arg, depth); ok {
				out = out.add(Part{Text: s, Known: true})
				continue
			}
			if n, ok := ConstInt(v.info, arg); ok {
				out = out.add(Part{Text: itoa(n), Known: true})
				continue
			}
			for _, p := range v.shape(arg, depth+1) {
				out = out.add(p)
			}
		case 'd':
			if n, ok := ConstInt(v.info, arg); ok {
				out = out.add(Part{Text: itoa(n), Known: true})
				continue
			}
			out = out.add(Part{Expr: arg})
		default:
			return Shape{{Expr: call}}
		}
	}
	return out
}

func itoa(n int64) string {
	return constant.MakeInt64(n).ExactString()
}
