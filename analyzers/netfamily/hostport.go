package netfamily

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/winlint/winlint/internal/callee"
	"github.com/winlint/winlint/internal/fixes"
	"github.com/winlint/winlint/internal/fold"
	"github.com/winlint/winlint/internal/syntax"
)

// hostPortSinks maps functions that take a "host:port" address to the
// index of that argument.
var hostPortSinks = callee.Table[int]{
	"net.Dial":                         1,
	"net.DialTimeout":                  1,
	"(*net.Dialer).Dial":               1,
	"(*net.Dialer).DialContext":        2,
	"net.Listen":                       1,
	"net.ListenPacket":                 1,
	"(*net.ListenConfig).Listen":       2,
	"(*net.ListenConfig).ListenPacket": 2,
	"net.ResolveTCPAddr":               1,
	"net.ResolveUDPAddr":               1,
	"crypto/tls.Dial":                  1,
	"crypto/tls.DialWithDialer":        2,
	"crypto/tls.Listen":                1,
	"(*crypto/tls.Dialer).Dial":        1,
	"(*crypto/tls.Dialer).DialContext": 2,
	"net/http.ListenAndServe":          0,
	"net/http.ListenAndServeTLS":       0,
}

// vetHostport lists the sinks go vet's hostport analyzer covers; winlint
// does not report again what vet reports there.
var vetHostport = map[string]bool{
	"net.Dial":           true,
	"net.DialTimeout":    true,
	"(*net.Dialer).Dial": true,
}

func (c *checker) checkHostPortSink(call *ast.CallExpr) {
	i, name, ok := hostPortSinks.Lookup(c.pass.TypesInfo, call)
	if !ok || i >= len(call.Args) {
		return
	}
	c.checkHostPort(call.Args[i], name)
}

// checkServerAddr checks http.Server{Addr: ...} literals.
func (c *checker) checkServerAddr(lit *ast.CompositeLit) {
	t := c.pass.TypesInfo.TypeOf(lit)
	if t == nil || !callee.IsNamedType(t, "net/http", "Server") {
		return
	}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "Addr" {
				c.checkHostPort(kv.Value, "http.Server.Addr")
			}
		}
	}
}

// checkServerAddrAssign checks srv.Addr = ... for an http.Server srv.
func (c *checker) checkServerAddrAssign(as *ast.AssignStmt) {
	if len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, lhs := range as.Lhs {
		sel, ok := lhs.(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Addr" {
			continue
		}
		if s := c.pass.TypesInfo.Selections[sel]; s != nil && s.Kind() == types.FieldVal && callee.IsNamedType(s.Recv(), "net/http", "Server") {
			c.checkHostPort(as.Rhs[i], "http.Server.Addr")
		}
	}
}

// A joined address is "host:port" built by hand.
type joined struct {
	expr     ast.Expr // the Sprintf call or concatenation
	how      string   // for the message
	host     ast.Expr
	port     ast.Expr // nil if the port is the constant portText
	portText string
	vet      bool // the shape go vet's hostport analyzer reports
}

func (c *checker) checkHostPort(addr ast.Expr, sink string) {
	e := ast.Unparen(addr)
	if val, ok := c.values.Single(e); ok {
		e = ast.Unparen(val)
	}
	j := c.joinedHostPort(e)
	if j == nil {
		return
	}
	if j.vet && vetHostport[sink] {
		return // go vet's hostport reports this one
	}
	pos := c.pass.Fset.Position(j.expr.Pos())
	key := pos.String()
	if c.reported[key] {
		return
	}
	c.reported[key] = true
	WL2006.ReportFix(c.pass, j.expr, c.joinFix(j),
		"address built with %s is passed to %s: an IPv6 host needs brackets ([::1]:80), so this breaks on IPv6; use net.JoinHostPort",
		j.how, shortName(sink))
}

// joinedHostPort recognizes fmt.Sprintf("%s:%d", host, port) and
// host + ":" + port where host is not a constant.
func (c *checker) joinedHostPort(e ast.Expr) *joined {
	switch e := e.(type) {
	case *ast.CallExpr:
		if callee.CallName(c.pass.TypesInfo, e) != "fmt.Sprintf" || len(e.Args) != 3 {
			return nil
		}
		format, ok := c.values.String(e.Args[0])
		if !ok || len(format) != 5 || format[0] != '%' || format[2] != ':' || format[3] != '%' {
			return nil
		}
		hv, pv := format[1], format[4]
		if !strings.ContainsRune("sv", rune(hv)) || !strings.ContainsRune("sdv", rune(pv)) {
			return nil
		}
		if !c.maybeIPv6Host(e.Args[1]) {
			return nil
		}
		return &joined{
			expr: e, how: "fmt.Sprintf(" + strconv.Quote(format) + ")",
			host: e.Args[1], port: e.Args[2],
			vet: format == "%s:%d" || format == "%s:%s",
		}
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return nil
		}
		operands := flattenConcat(e)
		// host + ":" + port, or host + ":8080"
		if len(operands) < 2 {
			return nil
		}
		hostExpr := operands[0]
		if _, ok := c.values.String(hostExpr); ok || !c.maybeIPv6Host(hostExpr) {
			return nil
		}
		sep, ok := fold.ConstString(c.pass.TypesInfo, operands[1])
		if !ok || !strings.HasPrefix(sep, ":") || strings.Count(sep, ":") != 1 {
			return nil
		}
		j := &joined{expr: e, how: "string concatenation", host: hostExpr}
		switch {
		case sep == ":" && len(operands) == 3:
			if _, ok := fold.ConstString(c.pass.TypesInfo, operands[2]); ok {
				return nil
			}
			j.port = operands[2]
		case sep != ":" && len(operands) == 2:
			j.portText = sep[1:]
		default:
			return nil
		}
		return j
	}
	return nil
}

// flattenConcat returns the operands of a chain of + on strings.
func flattenConcat(e ast.Expr) []ast.Expr {
	if b, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && b.Op == token.ADD {
		return append(flattenConcat(b.X), flattenConcat(b.Y)...)
	}
	return []ast.Expr{e}
}

// maybeIPv6Host reports whether e may hold an IPv6 address: a string,
// net.IP or netip.Addr that is not a constant free of colons.
func (c *checker) maybeIPv6Host(e ast.Expr) bool {
	if s, ok := c.values.String(e); ok {
		return strings.Contains(s, ":") && !strings.HasPrefix(s, "[")
	}
	// In a test, a host taken from the test's own configuration: a field
	// the package only ever sets to constants such as "127.0.0.1".
	if syntax.IsTestFile(c.pass.Fset, e.Pos()) {
		if hosts, ok := c.values.FieldStrings(e); ok {
			v6 := false
			for _, h := range hosts {
				if strings.Contains(h, ":") && !strings.HasPrefix(h, "[") {
					v6 = true
				}
			}
			return v6
		}
	}
	t := c.pass.TypesInfo.TypeOf(e)
	if t == nil {
		return false
	}
	if callee.IsNamedType(t, "net", "IP") || callee.IsNamedType(t, "net/netip", "Addr") {
		return true
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// joinFix rewrites the address as net.JoinHostPort(host, port) when both
// are strings (or the port is an int, converted with strconv.Itoa). It
// copies the source text of host and port, and offers no fix when a
// comment would be lost or net or strconv cannot be named at the address
// (a parameter named net, say).
func (c *checker) joinFix(j *joined) []analysis.SuggestedFix {
	file := syntax.File(c.pass.Files, j.expr.Pos())
	if !isString(c.pass.TypesInfo.TypeOf(j.host)) || fixes.DropsComments(file, j.expr, j.host, j.port) {
		return nil
	}
	host, ok := fixes.Text(c.pass, j.host)
	if !ok {
		return nil
	}
	var edits []analysis.TextEdit
	name := func(path string) string {
		n, add, ok := fixes.PackageName(c.pass, file, j.expr.Pos(), path)
		if !ok {
			return ""
		}
		edits = append(edits, add...)
		return n
	}
	var port string
	switch {
	case j.port == nil:
		port = strconv.Quote(j.portText)
	case isString(c.pass.TypesInfo.TypeOf(j.port)):
		if port, ok = fixes.Text(c.pass, j.port); !ok {
			return nil
		}
	case types.Identical(c.pass.TypesInfo.TypeOf(j.port), types.Typ[types.Int]):
		text, ok := fixes.Text(c.pass, j.port)
		strconvName := name("strconv")
		if !ok || strconvName == "" {
			return nil
		}
		port = strconvName + ".Itoa(" + text + ")"
	default:
		return nil
	}
	netName := name("net")
	if netName == "" {
		return nil
	}
	text := netName + ".JoinHostPort(" + host + ", " + port + ")"
	edits = append(edits, analysis.TextEdit{Pos: j.expr.Pos(), End: j.expr.End(), NewText: []byte(text)})
	return []analysis.SuggestedFix{{Message: "Use net.JoinHostPort", TextEdits: edits}}
}

func isString(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}
