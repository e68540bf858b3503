package netfamily

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/winlint/winlint/internal/callee"
	"github.com/winlint/winlint/internal/fold"
	"github.com/winlint/winlint/internal/syntax"
	"github.com/winlint/winlint/internal/target"
)

// Analyzer reports IPv4/IPv6 and network-string mistakes: WL2001–WL2007.
var Analyzer = &analysis.Analyzer{
	Name: "netfamily",
	Doc:  doc,
	URL:  "https://github.com/winlint/winlint/blob/main/docs/checks/",
	Run:  run,
}

// apiPackages are the packages whose functions the checks look for; a
// package that imports none of them is skipped.
var apiPackages = []string{"net", "net/netip", "crypto/tls", "net/http"}

func run(pass *analysis.Pass) (any, error) {
	if !callee.ImportsAny(pass.Pkg, apiPackages...) {
		return nil, nil
	}
	c := &checker{
		pass:     pass,
		values:   fold.NewValues(pass.TypesInfo, pass.Files),
		windows:  target.IsWindows(pass.Pkg),
		reported: make(map[string]bool),
	}
	// Network calls are grouped by the top-level declaration they appear
	// in, since WL2001 is silent for deliberate split listeners (a tcp4 and
	// a tcp6 listener made by the same function).
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			c.checkDecl(decl)
		}
	}
	return nil, nil
}

func (c *checker) checkDecl(decl ast.Decl) {
	{
		c.unmapped = c.unmappedVars(decl)
		c.doneBinary = make(map[*ast.BinaryExpr]bool)
		c.dispatch = c.dispatchOf(decl)
		c.decl = decl
		var calls []*netCall
		ast.Inspect(decl, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if nc := c.netCall(n); nc != nil {
					calls = append(calls, nc)
				}
				c.checkHostPortSink(n)
				c.checkIs4(n)
			case *ast.CompositeLit:
				c.checkServerAddr(n)
			case *ast.AssignStmt:
				c.checkServerAddrAssign(n)
			case *ast.BinaryExpr:
				c.checkLenCompare(n)
			case *ast.SwitchStmt:
				c.checkLenSwitch(n)
			}
			return true
		})
		c.checkNetCalls(calls)
	}
}

type checker struct {
	pass    *analysis.Pass
	values  *fold.Values
	windows bool
	// reported holds the positions already reported by WL2006, whose
	// address may reach several sinks.
	reported map[string]bool
	// unmapped holds the netip.Addr variables of the current declaration
	// on which Unmap or Is4In6 is called (see WL2007).
	unmapped map[types.Object]bool
	// doneBinary holds the comparisons already handled as part of an
	// &&/|| chain (see checkLenCompare).
	doneBinary map[*ast.BinaryExpr]bool
	// dispatch says how the comparisons of the current declaration are
	// used (see dispatchOf).
	dispatch map[*ast.BinaryExpr]int
	// decl is the declaration being checked.
	decl ast.Decl
}

// windowsOnly reports whether n is in a file that builds for Windows only.
func (c *checker) windowsOnly(n ast.Node) bool {
	f := syntax.File(c.pass.Files, n.Pos())
	return f != nil && target.WindowsOnlyFile(c.pass.Fset, f)
}
