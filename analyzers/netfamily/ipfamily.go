package netfamily

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/winlint/winlint/internal/callee"
	"github.com/winlint/winlint/internal/fixes"
	"github.com/winlint/winlint/internal/fold"
	"github.com/winlint/winlint/internal/syntax"
)

// WL2007, part one: len(ip) == net.IPv4len on a net.IP that holds IPv4
// addresses in 16-byte form.

// checkLenCompare handles ==/!= comparisons, and &&/|| chains as a whole:
// a chain that compares len(ip) with both 4 and 16 validates a length and
// is not a family test.
func (c *checker) checkLenCompare(b *ast.BinaryExpr) {
	if c.doneBinary[b] {
		return
	}
	switch b.Op {
	case token.LAND, token.LOR:
		var leaves []*lenCompare
		c.collectLenCompares(b, &leaves)
		lengths := make(map[string]map[int64]bool)
		for _, l := range leaves {
			k := types.ExprString(l.ip)
			if lengths[k] == nil {
				lengths[k] = make(map[int64]bool)
			}
			lengths[k][l.n] = true
		}
		to4 := c.convertedInChain(b)
		for _, l := range leaves {
			k := types.ExprString(l.ip)
			if m := lengths[k]; m[4] && m[16] || to4[k] || l.silent {
				continue // a validity check, or the family is tested with To4 too
			}
			if l.either && c.indexes(b, l.ip) {
				continue // len(ip) == 16 && ip[0] == 0xff: the bytes' layout, not the family
			}
			c.reportLen(l, c.dispatch[b])
		}
	case token.EQL, token.NEQ:
		if l := c.lenCompare(b); l != nil && !l.silent {
			c.reportLen(l, c.dispatch[b])
		}
	}
}

// indexes reports whether e indexes or slices the expression ip.
func (c *checker) indexes(e ast.Expr, ip ast.Expr) bool {
	k := types.ExprString(ip)
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.IndexExpr:
			if types.ExprString(n.X) == k {
				found = true
			}
		case *ast.SliceExpr:
			if types.ExprString(n.X) == k {
				found = true
			}
		}
		return !found
	})
	return found
}

// familyHandled reports whether the current declaration converts ip with
// To4 or To16, or checks that its length is 4 or 16: code that knows both
// representations, whose other length tests are about the bytes.
func (c *checker) familyHandled(ip ast.Expr) bool {
	if c.decl == nil {
		return false
	}
	k := types.ExprString(ip)
	found := false
	ast.Inspect(c.decl, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			switch callee.CallName(c.pass.TypesInfo, n) {
			case "(net.IP).To4", "(net.IP).To16":
				if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && types.ExprString(sel.X) == k {
					found = true
				}
			}
		case *ast.BinaryExpr:
			// len(ip) compared with the length of another slice (its
			// mask): code that works on the representation.
			if n.Op == token.EQL || n.Op == token.NEQ {
				for _, pair := range [2][2]ast.Expr{{n.X, n.Y}, {n.Y, n.X}} {
					if x := c.lenArg(pair[0]); x != nil && types.ExprString(x) == k {
						if call, ok := ast.Unparen(pair[1]).(*ast.CallExpr); ok && len(call.Args) == 1 {
							if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && id.Name == "len" {
								found = true
							}
						}
					}
				}
			}
			if n.Op == token.LAND || n.Op == token.LOR {
				var leaves []*ast.BinaryExpr
				collectCompares(n, &leaves)
				four, sixteen := false, false
				for _, b := range leaves {
					for _, pair := range [2][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
						if x := c.lenArg(pair[0]); x != nil && types.ExprString(x) == k {
							if v, ok := fold.ConstInt(c.pass.TypesInfo, pair[1]); ok {
								four = four || v == 4
								sixteen = sixteen || v == 16
							}
						}
					}
				}
				if four && sixteen {
					found = true
				}
			}
		}
		return true
	})
	return found
}

func collectCompares(e ast.Expr, out *[]*ast.BinaryExpr) {
	b, ok := ast.Unparen(e).(*ast.BinaryExpr)
	if !ok {
		return
	}
	switch b.Op {
	case token.LAND, token.LOR:
		collectCompares(b.X, out)
		collectCompares(b.Y, out)
	case token.EQL, token.NEQ:
		*out = append(*out, b)
	}
}

// reportLen reports a length test. On a net.IP always 16 bytes long
// (net.ParseIP), len(ip) == 16 in an if without else is the parse's
// success check, not a family test. On a net.IP that may hold either
// form (a parameter, a field, a socket address), only a test that picks
// between two families is reported: an if with an else, a bool function
// returning it.
func (c *checker) reportLen(l *lenCompare, dispatch int) {
	if l.either {
		if dispatch != dispatchBranches && dispatch != dispatchReturn || c.familyHandled(l.ip) {
			return
		}
		ip := types.ExprString(l.ip)
		want := ip + ".To4() != nil"
		if (l.n == 4) != (l.cmp.Op == token.EQL) {
			want = ip + ".To4() == nil"
		}
		WL2007.Report(c.pass, l.cmp,
			"%s: %s may hold an IPv4 address in its 16-byte form (IPv4-mapped, as net.ParseIP and dual-stack sockets give it), so this length test does not tell the families apart; use %s",
			types.ExprString(l.cmp), ip, want)
		return
	}
	if l.n == 16 && l.cmp.Op == token.EQL && dispatch == dispatchIfOnly {
		return // "the address parsed": ParseIP returns 16 bytes or nil
	}
	c.reportLenCompare(l)
}

// How a length comparison is used.
const (
	dispatchNone     = iota
	dispatchIfOnly   // the condition of an if without else
	dispatchBranches // the condition of an if with an else
	dispatchReturn   // returned by a function whose only result is a bool
)

// dispatchOf maps the conditions of the if statements of decl and the
// results of its single-bool functions to how they are used.
func (c *checker) dispatchOf(decl ast.Decl) map[*ast.BinaryExpr]int {
	m := make(map[*ast.BinaryExpr]int)
	var sigs []*types.Signature
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Body == nil {
				return false
			}
			sig, _ := c.pass.TypesInfo.TypeOf(n.Name).(*types.Signature)
			sigs = append(sigs, sig)
			ast.Inspect(n.Body, visit)
			sigs = sigs[:len(sigs)-1]
			return false
		case *ast.FuncLit:
			sig, _ := c.pass.TypesInfo.TypeOf(n).(*types.Signature)
			sigs = append(sigs, sig)
			ast.Inspect(n.Body, visit)
			sigs = sigs[:len(sigs)-1]
			return false
		case *ast.IfStmt:
			if b, ok := ast.Unparen(n.Cond).(*ast.BinaryExpr); ok {
				if n.Else != nil {
					m[b] = dispatchBranches
				} else {
					m[b] = dispatchIfOnly
				}
			}
		case *ast.ReturnStmt:
			if len(sigs) == 0 || sigs[len(sigs)-1] == nil || len(n.Results) != 1 {
				break
			}
			res := sigs[len(sigs)-1].Results()
			if res.Len() != 1 {
				break
			}
			if bt, ok := res.At(0).Type().Underlying().(*types.Basic); !ok || bt.Kind() != types.Bool {
				break
			}
			if b, ok := ast.Unparen(n.Results[0]).(*ast.BinaryExpr); ok {
				m[b] = dispatchReturn
			}
		}
		return true
	}
	ast.Inspect(decl, visit)
	return m
}

func (c *checker) collectLenCompares(e ast.Expr, out *[]*lenCompare) {
	b, ok := ast.Unparen(e).(*ast.BinaryExpr)
	if !ok {
		return
	}
	c.doneBinary[b] = true
	switch b.Op {
	case token.LAND, token.LOR:
		c.collectLenCompares(b.X, out)
		c.collectLenCompares(b.Y, out)
	case token.EQL, token.NEQ:
		if l := c.lenCompare(b); l != nil {
			*out = append(*out, l)
		}
	}
}

type lenCompare struct {
	cmp *ast.BinaryExpr
	ip  ast.Expr // the net.IP whose length is compared
	n   int64    // 4 or 16
	// silent is set for comparisons that are not family tests.
	silent bool
	// either: ip may hold either form of an IPv4 address (a parameter, a
	// field, a socket address), rather than always 16 bytes.
	either bool
}

// lenCompare recognizes len(ip) ==/!= 4|16 where ip is a net.IP known to
// hold 16-byte IPv4 addresses.
func (c *checker) lenCompare(b *ast.BinaryExpr) *lenCompare {
	for _, pair := range [2][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
		ip := c.lenArg(pair[0])
		if ip == nil {
			continue
		}
		n, ok := fold.ConstInt(c.pass.TypesInfo, pair[1])
		if !ok || (n != 4 && n != 16) {
			continue
		}
		either := false
		if !c.sixteenByteIP(ip, 0) {
			if c.fourByteIP(ip, 0) {
				continue
			}
			either = true
		}
		// len(ip) != 16 is a representation assertion, not a family test;
		// it is kept (silent) so that a chain with it reads as validation.
		return &lenCompare{cmp: b, ip: ip, n: n, silent: n == 16 && b.Op == token.NEQ, either: either}
	}
	return nil
}

// lenArg returns x for len(x) with x of type net.IP.
func (c *checker) lenArg(e ast.Expr) ast.Expr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return nil
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return nil
	}
	if b, ok := c.pass.TypesInfo.Uses[id].(*types.Builtin); !ok || b.Name() != "len" {
		return nil
	}
	if t := c.pass.TypesInfo.TypeOf(call.Args[0]); t == nil || !callee.IsNamedType(t, "net", "IP") {
		return nil
	}
	return call.Args[0]
}

// sixteenByteIP reports whether e holds an IP that is always 16 bytes long,
// IPv4 addresses included: the results of net.ParseIP, net.IPv4 and To16.
// (The IP of a *net.TCPAddr or *net.UDPAddr is 16 bytes for IPv4 peers of
// dual-stack sockets but 4 bytes on tcp4/udp4 sockets, so a length test on
// it may be right; it is not reported.)
func (c *checker) sixteenByteIP(e ast.Expr, depth int) bool {
	e = ast.Unparen(e)
	if depth < 4 {
		if val, ok := c.values.Single(e); ok {
			return c.sixteenByteIP(val, depth+1)
		}
	}
	switch e := e.(type) {
	case *ast.CallExpr:
		switch callee.CallName(c.pass.TypesInfo, e) {
		case "net.ParseIP", "net.IPv4", "(net.IP).To16":
			return true
		}
	}
	return false
}

// fourByteIP reports whether e is known to hold a 4-byte IP, or one whose
// length is fixed by how it was made: To4's result, make(net.IP, n), a
// slice expression or a composite literal.
func (c *checker) fourByteIP(e ast.Expr, depth int) bool {
	e = ast.Unparen(e)
	if depth < 4 {
		if val, ok := c.values.Single(e); ok {
			return c.fourByteIP(val, depth+1) || c.sixteenByteIP(val, depth+1)
		}
	}
	switch e := e.(type) {
	case *ast.CallExpr:
		if callee.CallName(c.pass.TypesInfo, e) == "(net.IP).To4" {
			return true
		}
		if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok {
			if b, ok := c.pass.TypesInfo.Uses[id].(*types.Builtin); ok && b.Name() == "make" {
				return true
			}
		}
		if tv, ok := c.pass.TypesInfo.Types[e.Fun]; ok && tv.IsType() {
			return true // net.IP(b): the bytes' own length
		}
	case *ast.SliceExpr, *ast.CompositeLit:
		return true
	case *ast.Ident:
		// A variable assigned in several places, one of them known.
		return false
	}
	return false
}

// convertedInChain returns the expressions on which an &&/|| chain calls
// To4 or To16: such a chain handles the 16-byte form itself.
func (c *checker) convertedInChain(e ast.Expr) map[string]bool {
	m := make(map[string]bool)
	ast.Inspect(e, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		switch callee.CallName(c.pass.TypesInfo, call) {
		case "(net.IP).To4", "(net.IP).To16":
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				m[types.ExprString(sel.X)] = true
			}
		}
		return true
	})
	return m
}

func (c *checker) reportLenCompare(l *lenCompare) {
	ip := types.ExprString(l.ip)
	isV4Test := (l.n == 4) == (l.cmp.Op == token.EQL) // true: "is IPv4"
	test := ".To4() == nil"
	if isV4Test {
		test = ".To4() != nil"
	}
	replacement := fixes.Paren(l.ip, ip) + test
	// The fix copies the source text of the address expression (which
	// ExprString may abbreviate) and is not offered if it would drop a
	// comment.
	var fix []analysis.SuggestedFix
	file := syntax.File(c.pass.Files, l.cmp.Pos())
	if src, ok := fixes.Text(c.pass, l.ip); ok && !fixes.DropsComments(file, l.cmp, l.ip) {
		fix = []analysis.SuggestedFix{{
			Message:   "Use " + replacement,
			TextEdits: []analysis.TextEdit{{Pos: l.cmp.Pos(), End: l.cmp.End(), NewText: []byte(fixes.Paren(l.ip, src) + test)}},
		}}
	}
	if l.n == 4 {
		WL2007.ReportFix(c.pass, l.cmp, fix,
			"%s: IPv4 addresses in %s are 16 bytes long (IPv4-mapped form), so this length test misses them; use %s",
			types.ExprString(l.cmp), ip, replacement)
		return
	}
	WL2007.ReportFix(c.pass, l.cmp, fix,
		"%s: IPv4 addresses in %s are 16 bytes long too (IPv4-mapped form), so this length test does not tell the families apart; use %s",
		types.ExprString(l.cmp), ip, replacement)
}

// checkLenSwitch handles switch len(ip) { case net.IPv4len: ... }.
func (c *checker) checkLenSwitch(s *ast.SwitchStmt) {
	if s.Tag == nil {
		return
	}
	ip := c.lenArg(s.Tag)
	if ip == nil {
		return
	}
	if !c.sixteenByteIP(ip, 0) {
		if !c.fourByteIP(ip, 0) {
			c.checkEitherLenSwitch(s, ip)
		}
		return
	}
	for _, stmt := range s.Body.List {
		cc := stmt.(*ast.CaseClause)
		for _, e := range cc.List {
			if n, ok := fold.ConstInt(c.pass.TypesInfo, e); ok && n == 4 {
				WL2007.Report(c.pass, e,
					"case %s of switch len(%s) is never taken for IPv4 addresses in %s, which are 16 bytes long (IPv4-mapped form); switch on %s.To4() != nil",
					types.ExprString(e), types.ExprString(ip), types.ExprString(ip), types.ExprString(ip))
			}
		}
	}
}

// checkEitherLenSwitch reports switch len(ip) { case 4: … case 16: … } on
// a net.IP that may hold either form of an IPv4 address: a 16-byte IPv4
// address takes the IPv6 case.
func (c *checker) checkEitherLenSwitch(s *ast.SwitchStmt, ip ast.Expr) {
	var four ast.Expr
	sixteen := false
	for _, stmt := range s.Body.List {
		cc := stmt.(*ast.CaseClause)
		for _, e := range cc.List {
			if n, ok := fold.ConstInt(c.pass.TypesInfo, e); ok {
				switch n {
				case 4:
					four = e
				case 16:
					sixteen = true
				}
			}
		}
	}
	if four == nil || !sixteen || c.familyHandled(ip) {
		return
	}
	x := types.ExprString(ip)
	WL2007.Report(c.pass, four,
		"case %s of switch len(%s): %s may hold an IPv4 address in its 16-byte form (IPv4-mapped, as net.ParseIP and dual-stack sockets give it), which takes the IPv6 case; switch on %s.To4() != nil",
		types.ExprString(four), x, x, x)
}

// WL2007, part two: netip.Addr.Is4 on an address converted from net.IP or
// taken from a socket address without Unmap.

func (c *checker) checkIs4(call *ast.CallExpr) {
	if callee.CallName(c.pass.TypesInfo, call) != "(net/netip.Addr).Is4" {
		return
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && c.unmapped[c.pass.TypesInfo.Uses[id]] {
		return // the code also looks at Is4In6 or Unmap for this address
	}
	from := c.mappedSource(sel.X, 0)
	if from == "" {
		return
	}
	fix := []analysis.SuggestedFix{{
		Message:   "Unmap the address first",
		TextEdits: []analysis.TextEdit{{Pos: sel.X.End(), End: sel.X.End(), NewText: []byte(".Unmap()")}},
	}}
	WL2007.ReportFix(c.pass, call, fix,
		"%s is false for IPv4 addresses in IPv4-mapped form (::ffff:a.b.c.d), which %s yields for IPv4 peers of dual-stack sockets; use %s.Unmap().Is4()",
		types.ExprString(call), from, types.ExprString(sel.X))
}

// mappedSource returns a description of where the netip.Addr e comes from
// if that source can yield IPv4-mapped addresses, or "".
func (c *checker) mappedSource(e ast.Expr, depth int) string {
	e = ast.Unparen(e)
	if depth > 4 {
		return ""
	}
	if val, index, ok := c.values.Def(e); ok {
		if index >= 0 {
			return c.tupleSource(val, index)
		}
		return c.mappedSource(val, depth+1)
	}
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return ""
	}
	switch name := callee.CallName(c.pass.TypesInfo, call); name {
	case "(net/netip.AddrPort).Addr":
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			return c.mappedSource(sel.X, depth+1)
		}
	case "(*net.TCPAddr).AddrPort", "(*net.UDPAddr).AddrPort":
		return shortName(name)
	case "net/netip.AddrPortFrom":
		if len(call.Args) == 2 {
			return c.mappedSource(call.Args[0], depth+1)
		}
	case "net/netip.AddrFromSlice", "net/netip.MustParseAddr":
		if name == "net/netip.AddrFromSlice" && len(call.Args) == 1 && c.sixteenByteIP(call.Args[0], 0) {
			return "netip.AddrFromSlice of a net.IP"
		}
	}
	return ""
}

// tupleSource handles "a, ok := netip.AddrFromSlice(ip)" and
// "n, ap, err := conn.ReadFromUDPAddrPort(buf)".
func (c *checker) tupleSource(val ast.Expr, index int) string {
	call, ok := ast.Unparen(val).(*ast.CallExpr)
	if !ok {
		return ""
	}
	switch name := callee.CallName(c.pass.TypesInfo, call); name {
	case "net/netip.AddrFromSlice":
		if index == 0 && len(call.Args) == 1 && c.sixteenByteIP(call.Args[0], 0) {
			return "netip.AddrFromSlice of a net.IP"
		}
	case "(*net.UDPConn).ReadFromUDPAddrPort":
		if index == 1 {
			return shortName(name)
		}
	case "(*net.UDPConn).ReadMsgUDPAddrPort":
		if index == 4 {
			return shortName(name)
		}
	}
	return ""
}

// unmappedVars returns the variables of decl on which Unmap or Is4In6 is
// called: code that looks at those handles the mapped form itself.
func (c *checker) unmappedVars(decl ast.Decl) map[types.Object]bool {
	m := make(map[types.Object]bool)
	ast.Inspect(decl, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		switch callee.CallName(c.pass.TypesInfo, call) {
		case "(net/netip.Addr).Unmap", "(net/netip.Addr).Is4In6":
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok {
					m[c.pass.TypesInfo.Uses[id]] = true
				}
			}
		}
		return true
	})
	return m
}
