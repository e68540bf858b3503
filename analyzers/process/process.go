package process

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/winlint/winlint/internal/callee"
	"github.com/winlint/winlint/internal/fold"
	"github.com/winlint/winlint/internal/goosguard"
	"github.com/winlint/winlint/internal/syntax"
)

// Analyzer reports programs, command lines, signals and identities that do
// not exist on Windows: WL8001–WL8004.
var Analyzer = &analysis.Analyzer{
	Name:     "process",
	Doc:      doc,
	URL:      "https://github.com/winlint/winlint/blob/main/docs/checks/",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

// apiPackages are the packages whose functions the checks look for.
var apiPackages = []string{"os", "os/exec", "os/user", "syscall", "github.com/magefile/mage/sh"}

// runners are the functions that run a program, with the index of the
// program's argument (its arguments follow it).
var runners = map[string]int{
	"os/exec.Command":                        0,
	"os/exec.CommandContext":                 1,
	"github.com/magefile/mage/sh.Run":        0,
	"github.com/magefile/mage/sh.RunV":       0,
	"github.com/magefile/mage/sh.Output":     0,
	"github.com/magefile/mage/sh.RunCmd":     0,
	"github.com/magefile/mage/sh.OutCmd":     0,
	"github.com/magefile/mage/sh.RunWith":    1,
	"github.com/magefile/mage/sh.RunWithV":   1,
	"github.com/magefile/mage/sh.OutputWith": 1,
	"github.com/magefile/mage/sh.Exec":       3,
}

type checker struct {
	pass   *analysis.Pass
	values *fold.Values
	guard  *goosguard.Guard
	hasUid int // 0 unknown, 1 the package calls Getuid/Geteuid, -1 it does not
	// facts about top-level declarations, computed on first use
	decls map[ast.Node]*declFacts
}

func run(pass *analysis.Pass) (any, error) {
	if !callee.ImportsAny(pass.Pkg, apiPackages...) {
		return nil, nil
	}
	c := &checker{
		pass:  pass,
		guard: goosguard.New(pass.Fset, pass.TypesInfo, pass.Files),
		decls: make(map[ast.Node]*declFacts),
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for cur := range insp.Root().Preorder((*ast.CallExpr)(nil), (*ast.AssignStmt)(nil), (*ast.KeyValueExpr)(nil), (*ast.BinaryExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.CallExpr:
			// Resolve only calls spelled like one of the functions.
			if id := syntax.Ident(n.Fun); id == nil || !callNames[id.Name] {
				continue
			}
			name := callee.CallName(pass.TypesInfo, n)
			if i, ok := runners[name]; ok {
				c.checkCommand(cur, n, i)
				continue
			}
			switch name {
			case "(*os.Process).Signal":
				c.checkSignal(cur, n)
			case "strconv.Atoi", "strconv.ParseInt", "strconv.ParseUint":
				c.checkAtoiUid(cur, n)
			default:
				if isChown(name) {
					c.checkChown(cur, n)
				}
			}
		case *ast.AssignStmt:
			c.checkCancelAssign(cur, n)
		case *ast.KeyValueExpr:
			c.checkCancelField(cur, n)
		case *ast.BinaryExpr:
			c.checkUidCompare(cur, n)
		}
	}
	return nil, nil
}

// callNames are the names of the functions and methods the checks look
// at; other calls are not resolved.
var callNames = map[string]bool{
	"Command": true, "CommandContext": true, "Run": true, "RunV": true, "Output": true, "RunCmd": true,
	"OutCmd": true, "RunWith": true, "RunWithV": true, "OutputWith": true, "Exec": true, "Signal": true, "Atoi": true, "ParseInt": true,
	"ParseUint": true, "Chown": true, "Lchown": true, "Fchown": true,
}

// vals returns the package's once-assigned values, indexed on first use.
func (c *checker) vals() *fold.Values {
	if c.values == nil {
		c.values = fold.NewValues(c.pass.TypesInfo, c.pass.Files)
	}
	return c.values
}

// declFacts are what a check needs to know about the top-level
// declaration a node is in.
type declFacts struct {
	lookPath  map[string]bool // programs probed with exec.LookPath
	cmdLine   bool            // sets syscall.SysProcAttr.CmdLine
	kill      bool            // calls (*os.Process).Kill or Signal(os.Kill)
	waitDelay bool            // sets exec.Cmd.WaitDelay to a non-zero value
}

// topDecl returns the top-level declaration enclosing cur.
func topDecl(cur inspector.Cursor) ast.Node {
	var top ast.Node
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.GenDecl)(nil)) {
		top = c.Node()
	}
	return top
}

func (c *checker) facts(cur inspector.Cursor) *declFacts {
	top := topDecl(cur)
	if top == nil {
		return &declFacts{}
	}
	if f, ok := c.decls[top]; ok {
		return f
	}
	f := &declFacts{lookPath: make(map[string]bool)}
	info := c.pass.TypesInfo
	ast.Inspect(top, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			switch callee.CallName(info, n) {
			case "os/exec.LookPath":
				if len(n.Args) == 1 {
					if s, ok := c.vals().String(n.Args[0]); ok {
						f.lookPath[programBase(s)] = true
					}
				}
			case "(*os.Process).Kill":
				f.kill = true
			case "(*os.Process).Signal":
				if len(n.Args) == 1 && isKill(info, n.Args[0]) {
					f.kill = true
				}
			}
		case *ast.SelectorExpr:
			if isField(info, n.Sel, "syscall", "CmdLine") {
				if _, ok := assignedValue(top, n); ok {
					f.cmdLine = true
				}
			}
			if isField(info, n.Sel, "os/exec", "WaitDelay") {
				if v, ok := assignedValue(top, n); ok && !isZero(info, v) {
					f.waitDelay = true
				}
			}
		case *ast.KeyValueExpr:
			if id, ok := n.Key.(*ast.Ident); ok {
				if isField(info, id, "syscall", "CmdLine") {
					f.cmdLine = true
				}
				if isField(info, id, "os/exec", "WaitDelay") && !isZero(info, n.Value) {
					f.waitDelay = true
				}
			}
		}
		return true
	})
	c.decls[top] = f
	return f
}

// isField reports whether id names the field called field of a struct
// declared in package pkg (CmdLine in syscall, WaitDelay in os/exec: each
// name is used by one struct only).
func isField(info *types.Info, id *ast.Ident, pkg, field string) bool {
	v, ok := info.Uses[id].(*types.Var)
	return ok && v.IsField() && v.Name() == field && v.Pkg() != nil && callee.PkgPath(v.Pkg()) == pkg
}

// assignedValue returns the value assigned to lhs if lhs is the left-hand
// side of an assignment in root (nil for a multi-valued assignment).
func assignedValue(root ast.Node, lhs ast.Expr) (ast.Expr, bool) {
	var val ast.Expr
	found := false
	ast.Inspect(root, func(n ast.Node) bool {
		if found {
			return false
		}
		as, ok := n.(*ast.AssignStmt)
		if !ok {
			return true
		}
		for i, l := range as.Lhs {
			if l == lhs {
				found = true
				if len(as.Lhs) == len(as.Rhs) {
					val = as.Rhs[i]
				}
			}
		}
		return true
	})
	return val, found
}

func isZero(info *types.Info, e ast.Expr) bool {
	if e == nil {
		return false
	}
	n, ok := fold.ConstInt(info, e)
	return ok && n == 0
}

// isKill reports whether e is os.Kill (or syscall.SIGKILL, its value).
func isKill(info *types.Info, e ast.Expr) bool {
	id := syntax.Ident(e)
	if id == nil {
		return false
	}
	switch obj := info.Uses[id].(type) {
	case *types.Var:
		return obj.Pkg() != nil && obj.Pkg().Path() == "os" && obj.Name() == "Kill"
	case *types.Const:
		return obj.Pkg() != nil && obj.Pkg().Path() == "syscall" && obj.Name() == "SIGKILL"
	}
	return false
}

// isTestFile reports whether n is in a _test.go file.
func (c *checker) isTestFile(n ast.Node) bool {
	return syntax.IsTestFile(c.pass.Fset, n.Pos())
}

// dropped reports whether the value of the call at cur is discarded: an
// expression statement, go or defer, or assigned to _ only.
func dropped(cur inspector.Cursor) bool {
	switch p := cur.Parent().Node().(type) {
	case *ast.ExprStmt, *ast.GoStmt, *ast.DeferStmt:
		return true
	case *ast.AssignStmt:
		if len(p.Lhs) == 1 && len(p.Rhs) == 1 {
			if id, ok := p.Lhs[0].(*ast.Ident); ok && id.Name == "_" {
				return true
			}
		}
	}
	return false
}

// errorEnds reports whether the error of the call at cur ends the
// operation: returned, or tested with `err != nil` in an if whose branch
// returns or stops the program.
func (c *checker) errorEnds(cur inspector.Cursor) bool {
	call := cur.Node()
	parent := cur.Parent()
	switch p := parent.Node().(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.AssignStmt:
		if len(p.Lhs) != 1 || len(p.Rhs) != 1 || p.Rhs[0] != call {
			return false
		}
		errVar, ok := c.pass.TypesInfo.ObjectOf(syntax.Ident(p.Lhs[0])).(*types.Var)
		if !ok || errVar.Name() == "_" {
			return false
		}
		// if err := f(); err != nil { return ... }
		if ifs, ok := parent.Parent().Node().(*ast.IfStmt); ok && ifs.Init == p {
			return c.testsAndEnds(ifs, errVar)
		}
		// err = f() followed by if err != nil { return ... }
		if next, ok := parent.NextSibling(); ok {
			if ifs, ok := next.Node().(*ast.IfStmt); ok && ifs.Init == nil {
				return c.testsAndEnds(ifs, errVar)
			}
		}
	}
	return false
}

// testsAndEnds reports whether ifs is `if err != nil { ...; <end> }`.
func (c *checker) testsAndEnds(ifs *ast.IfStmt, errVar *types.Var) bool {
	b, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
	if !ok || b.Op != token.NEQ {
		return false
	}
	id, ok := ast.Unparen(b.X).(*ast.Ident)
	if !ok || c.pass.TypesInfo.Uses[id] != errVar {
		return false
	}
	if nilID, ok := ast.Unparen(b.Y).(*ast.Ident); !ok || nilID.Name != "nil" {
		return false
	}
	return len(ifs.Body.List) > 0 && c.ends(ifs.Body.List[len(ifs.Body.List)-1])
}

// ends reports whether s returns or stops the program.
func (c *checker) ends(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.ExprStmt:
		call, ok := ast.Unparen(s.X).(*ast.CallExpr)
		if !ok {
			return false
		}
		if id, ok := call.Fun.(*ast.Ident); ok {
			if b, ok := c.pass.TypesInfo.Uses[id].(*types.Builtin); ok && b.Name() == "panic" {
				return true
			}
		}
		switch callee.CallName(c.pass.TypesInfo, call) {
		case "os.Exit", "log.Fatal", "log.Fatalf", "log.Fatalln", "log.Panic", "log.Panicf",
			"(*log.Logger).Fatal", "(*log.Logger).Fatalf", "(*log.Logger).Fatalln":
			return true
		}
	}
	return false
}
