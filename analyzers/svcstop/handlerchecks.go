package svcstop

import (
	"go/ast"
	"go/scanner"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/winlint/winlint/internal/callee"
	"github.com/winlint/winlint/internal/fixes"
	"github.com/winlint/winlint/internal/syntax"
)

// checkHandlers runs WL5001–WL5005 on every svc.Handler of the package.
func (c *checker) checkHandlers() {
	svcPkg := importedPkg(c.pass.Pkg, svcPath)
	if svcPkg == nil {
		return
	}
	for _, fd := range c.funcDecls() {
		if !c.isExecute(fd, svcPkg) || syntax.IsTestFile(c.pass.Fset, fd.Pos()) {
			continue
		}
		h := c.buildHandler(fd)
		if h == nil {
			continue
		}
		c.checkReceives(h)
		c.checkRunning(h)
		c.checkAccepts(h)
		c.checkControls(h)
		c.checkStopPath(h)
	}
}

// WL5001: Execute never receives from r.
func (c *checker) checkReceives(h *handler) {
	if h.receives || h.reqEscapes {
		return
	}
	r := "its request channel"
	if h.reqID != nil && h.reqID.Name != "_" {
		r = "its request channel " + h.reqID.Name
	}
	WL5001.Report(c.pass, h.decl.Name,
		"%s never receives from %s: the first control passes, every later one blocks the SCM, "+
			"so the SCM's stop request will time out after 30 s (error 1053); receive from it in a loop "+
			"and return from Execute on svc.Stop and svc.Shutdown", h.name, r)
}

// WL5004: Execute never reports Running.
func (c *checker) checkRunning(h *handler) {
	if h.statusEscapes {
		return
	}
	for _, s := range h.sends {
		if !s.echo && (s.lit == nil || !s.stateKnown) {
			return // a status the check cannot read may be Running
		}
		if s.stateKnown && s.state == stateRunning {
			return
		}
	}
	WL5004.Report(c.pass, h.decl.Name,
		"%s never reports svc.Running: the service stays START_PENDING, where the SCM refuses every "+
			"control, so it cannot be stopped; send svc.Status{State: svc.Running, Accepts: svc.AcceptStop | "+
			"svc.AcceptShutdown} once the service has started", h.name)
}

// WL5003: a Running or Paused status without Accepts.
func (c *checker) checkAccepts(h *handler) {
	for _, s := range h.sends {
		if s.lit == nil || !s.stateKnown || !s.acceptsKnown || s.accepts != 0 {
			continue
		}
		if ast.Unparen(s.stmt.Value) != s.lit {
			continue // reported where the literal is sent directly only
		}
		var state string
		switch s.state {
		case stateRunning:
			state = "svc.Running"
		case statePaused:
			state = "svc.Paused"
		default:
			continue
		}
		var fixes []analysis.SuggestedFix
		if s.acceptsExpr == nil {
			fixes = c.addAcceptsFix(h, s)
		}
		WL5003.ReportFix(c.pass, s.lit, fixes,
			"%s status sent with no Accepts: every status replaces the accepted controls, so this one "+
				"accepts none and the SCM's stop request fails with error 1052 (ERROR_INVALID_SERVICE_CONTROL); "+
				"add Accepts: svc.AcceptStop | svc.AcceptShutdown (the controls the handler handles)", state)
	}
}

// addAcceptsFix proposes adding the Accepts value the handler's other
// statuses use, when they all use the same named constant or variable and
// it is visible at the literal.
func (c *checker) addAcceptsFix(h *handler, s *send) []analysis.SuggestedFix {
	var name *ast.Ident
	var obj types.Object
	for _, o := range h.sends {
		if o.acceptsExpr == nil {
			continue
		}
		id, ok := ast.Unparen(o.acceptsExpr).(*ast.Ident)
		if !ok {
			return nil
		}
		oo := c.pass.TypesInfo.Uses[id]
		if oo == nil || (obj != nil && oo != obj) {
			return nil
		}
		name, obj = id, oo
	}
	if obj == nil {
		return nil
	}
	scope := c.pass.Pkg.Scope().Innermost(s.lit.Lbrace)
	if scope == nil {
		return nil
	}
	if _, found := scope.LookupParent(name.Name, s.lit.Lbrace); found != obj {
		return nil
	}
	if len(s.lit.Elts) > 0 {
		if _, kv := s.lit.Elts[0].(*ast.KeyValueExpr); !kv {
			return nil
		}
	}
	at, text := s.lit.Rbrace, "Accepts: "+name.Name
	if n := len(s.lit.Elts); n > 0 {
		// After the last element: ", Accepts: x" on its line, or, if
		// it has a trailing comma (the literal spans lines), a line
		// "Accepts: x," after it (after any comment on its line).
		last := s.lit.Elts[n-1]
		tail, ok := fixes.Text(c.pass, span{last.End(), s.lit.Rbrace})
		if !ok {
			return nil
		}
		at, text = last.End(), ", "+text
		if comma := commaOffset(tail); comma >= 0 {
			tf := c.pass.Fset.File(last.End())
			end, ok := fixes.LineEnd(tf, last.End()+token.Pos(comma))
			if !ok || end > s.lit.Rbrace {
				return nil // "x, }" on one line: unusual, leave it
			}
			at, text = end, "\n"+"Accepts: "+name.Name+","
		}
	}
	return []analysis.SuggestedFix{{
		Message:   "add Accepts: " + name.Name,
		TextEdits: []analysis.TextEdit{{Pos: at, End: at, NewText: []byte(text)}},
	}}
}

// span is a range of source, for fixes.Text.
type span struct{ pos, end token.Pos }

func (s span) Pos() token.Pos { return s.pos }
func (s span) End() token.Pos { return s.end }

// commaOffset returns the offset of the first comma token in src (Go
// source between tokens, perhaps with comments), or -1.
func commaOffset(src string) int {
	var sc scanner.Scanner
	fset := token.NewFileSet()
	f := fset.AddFile("", -1, len(src))
	sc.Init(f, []byte(src), nil, 0)
	for {
		pos, tok, _ := sc.Scan()
		switch tok {
		case token.EOF:
			return -1
		case token.COMMA:
			return f.Offset(pos)
		}
	}
}

// controls pairs commands with the Accepts bit that makes the SCM send them.
var controls = []struct {
	cmd    int64
	accept uint64
	cmdN   string
	accN   string
	effect string
}{
	{cmdStop, acceptStop, "Stop", "AcceptStop",
		"the SCM's stop request fails with error 1052 (ERROR_INVALID_SERVICE_CONTROL)"},
	{cmdShutdown, acceptShutdown, "Shutdown", "AcceptShutdown",
		"the service is not told about system shutdown and is killed without running this cleanup"},
	{cmdPreShutdown, acceptPreShutdown, "PreShutdown", "AcceptPreShutdown",
		"the service is never sent the preshutdown notification"},
	{cmdPause, acceptPauseAndContinue, "Pause", "AcceptPauseAndContinue",
		"the SCM refuses to pause the service (error 1052)"},
	{cmdContinue, acceptPauseAndContinue, "Continue", "AcceptPauseAndContinue",
		"the SCM refuses to continue the service (error 1052)"},
}

// WL5002: handled controls never accepted, accepted controls never handled.
func (c *checker) checkControls(h *handler) {
	if h.statusEscapes || !h.receives {
		return
	}
	var accepted uint64
	running := false
	for _, s := range h.sends {
		if !s.understood() {
			return
		}
		accepted |= s.accepts
		if s.stateKnown && s.state == stateRunning {
			running = true
		}
	}
	if !running {
		return // WL5004's business
	}
	for _, s := range h.sends {
		if s.stateKnown && (s.state == stateRunning || s.state == statePaused) && s.accepts == 0 {
			return // WL5003's business
		}
	}
	svcName := syntax.ImportName(syntax.File(c.pass.Files, h.decl.Pos()), svcPath)
	if svcName == "" {
		svcName = "svc"
	}
	for _, ctl := range controls {
		uses := h.handled[ctl.cmd]
		if len(uses) == 0 || accepted&ctl.accept != 0 {
			continue
		}
		fixes := c.addAcceptFix(h, svcName+"."+ctl.accN)
		for _, u := range uses {
			WL5002.ReportFix(c.pass, u, fixes,
				"svc.%s is handled but no status sent by %s accepts svc.%s, so the SCM never sends it: %s; "+
					"add svc.%s to Accepts", ctl.cmdN, h.name, ctl.accN, ctl.effect, ctl.accN)
		}
	}
	if h.dispatchOpen || h.dispatches == 0 || h.reqEscapes {
		return
	}
	reported := make(map[uint64]bool)
	for _, ctl := range controls {
		if accepted&ctl.accept == 0 || reported[ctl.accept] {
			continue
		}
		if ctl.accept == acceptPauseAndContinue && (len(h.handled[cmdPause]) > 0 || len(h.handled[cmdContinue]) > 0) {
			continue
		}
		if len(h.handled[ctl.cmd]) > 0 {
			continue
		}
		reported[ctl.accept] = true
		at := c.acceptsSite(h, ctl.accept)
		var effect string
		switch ctl.cmd {
		case cmdStop:
			effect = "the SCM's stop request is delivered and ignored, and the service keeps running; handle svc.Stop: report svc.StopPending and return from Execute"
		case cmdShutdown:
			effect = "at system shutdown the request is ignored and the service is killed without cleanup; handle svc.Shutdown like svc.Stop"
		case cmdPreShutdown:
			effect = "the SCM waits for the service through the preshutdown timeout for nothing; handle svc.PreShutdown or stop accepting it"
		default:
			effect = "pause requests are ignored while the SCM believes they succeed; handle svc.Pause and svc.Continue or stop accepting them"
		}
		WL5002.Report(c.pass, at,
			"%s accepts svc.%s but never handles svc.%s: %s", h.name, ctl.accN, ctl.cmdN, effect)
	}
}

// acceptsSite returns the Accepts expression of the first status that
// accepts bit, for reporting.
func (c *checker) acceptsSite(h *handler, bit uint64) ast.Node {
	for _, s := range h.sends {
		if s.acceptsExpr != nil && s.accepts&bit != 0 {
			if root, ok := c.acceptsRoot(s.acceptsExpr); ok {
				return root
			}
			return s.acceptsExpr
		}
	}
	return h.decl.Name
}

// addAcceptFix proposes adding acc (e.g. "svc.AcceptShutdown") to every
// definition of the handler's Accepts values, when each is an expression
// of this package (a literal's field, or the value of a named constant or
// once-assigned variable).
func (c *checker) addAcceptFix(h *handler, acc string) []analysis.SuggestedFix {
	seen := make(map[ast.Expr]bool)
	var edits []analysis.TextEdit
	for _, s := range h.sends {
		if s.acceptsExpr == nil {
			continue
		}
		root, ok := c.acceptsRoot(s.acceptsExpr)
		if !ok {
			return nil
		}
		if seen[root] {
			continue
		}
		seen[root] = true
		f := syntax.File(c.pass.Files, root.Pos())
		if f == nil || syntax.ImportName(f, svcPath) == "" {
			return nil
		}
		edits = append(edits, analysis.TextEdit{Pos: root.End(), End: root.End(), NewText: []byte(" | " + acc)})
	}
	if len(edits) == 0 {
		return nil
	}
	return []analysis.SuggestedFix{{Message: "accept " + acc, TextEdits: edits}}
}

// WL5005: os.Exit and log.Fatal in Execute; blocking work between
// receiving Stop and reporting StopPending.
func (c *checker) checkStopPath(h *handler) {
	for _, e := range h.exits {
		WL5005.Report(c.pass, e.call,
			"%s in %s ends the process before Execute returns, so svc.Run never reports the service stopped "+
				"and the SCM records an unexpected termination; return from Execute with an exit code instead",
			e.name, h.name)
	}
	for _, fd := range h.scope {
		syntax.WithStack(fd.Body, func(n ast.Node, stack []ast.Node) bool {
			if _, ok := n.(*ast.FuncLit); ok {
				return false
			}
			body, ok := c.stopBranch(h, n)
			if !ok {
				return true
			}
			c.scanStopWindow(h, body, stack)
			return true
		})
	}
}

// stopBranch returns the statements run when svc.Stop or svc.Shutdown is
// received: a case clause listing them, or the body of an if comparing
// Cmd with them.
func (c *checker) stopBranch(h *handler, n ast.Node) ([]ast.Stmt, bool) {
	isStop := func(e ast.Expr) bool {
		v, ok := c.cmdConst(e)
		return ok && (v == cmdStop || v == cmdShutdown)
	}
	switch n := n.(type) {
	case *ast.CaseClause:
		for _, e := range n.List {
			if isStop(e) {
				return n.Body, true
			}
		}
	case *ast.IfStmt:
		b, ok := ast.Unparen(n.Cond).(*ast.BinaryExpr)
		if !ok || b.Op != token.EQL {
			return nil, false
		}
		for _, side := range []ast.Expr{b.X, b.Y} {
			if sel, ok := ast.Unparen(side).(*ast.SelectorExpr); ok && sel.Sel.Name == "Cmd" {
				other := b.Y
				if side == b.Y {
					other = b.X
				}
				if isStop(other) {
					return n.Body.List, true
				}
			}
		}
	}
	return nil, false
}

// blockingCalls are calls that wait for other work to finish.
var blockingCalls = map[string]string{
	"(*sync.WaitGroup).Wait":                        "wg.Wait()",
	"time.Sleep":                                    "time.Sleep",
	"(*net/http.Server).Shutdown":                   "http.Server.Shutdown",
	"(*os/exec.Cmd).Wait":                           "exec.Cmd.Wait",
	"(*os/exec.Cmd).Run":                            "exec.Cmd.Run",
	"(*google.golang.org/grpc.Server).GracefulStop": "grpc.Server.GracefulStop",
	"(*golang.org/x/sync/errgroup.Group).Wait":      "errgroup.Group.Wait",
	"(*sync.Cond).Wait":                             "sync.Cond.Wait",
}

// scanStopWindow reports blocking calls made after Stop is received and
// before StopPending is sent: in the branch itself and, when the branch
// breaks out of the loop by label, in the statements after the loop.
func (c *checker) scanStopWindow(h *handler, body []ast.Stmt, stack []ast.Node) {
	pending := false
	var breakLabel string
	for _, st := range body {
		if pending {
			return
		}
		pending = c.scanStmt(h, st)
		if br, ok := st.(*ast.BranchStmt); ok && br.Tok == token.BREAK && br.Label != nil {
			breakLabel = br.Label.Name
		}
	}
	if pending || breakLabel == "" {
		return
	}
	// Find the labeled loop and continue after it.
	for i := len(stack) - 1; i >= 0; i-- {
		ls, ok := stack[i].(*ast.LabeledStmt)
		if !ok || ls.Label.Name != breakLabel || i == 0 {
			continue
		}
		blk, ok := stack[i-1].(*ast.BlockStmt)
		if !ok {
			return
		}
		after := false
		for _, st := range blk.List {
			if after {
				if c.scanStmt(h, st) {
					return
				}
			}
			if st == ls {
				after = true
			}
		}
		return
	}
}

// scanStmt reports blocking calls in st (not in function literals or go
// statements) and reports whether st sends StopPending.
func (c *checker) scanStmt(h *handler, st ast.Stmt) (pending bool) {
	ast.Inspect(st, func(n ast.Node) bool {
		if pending {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit, *ast.GoStmt, *ast.DeferStmt:
			return false
		case *ast.SelectStmt:
			if hasDefault(n) {
				return false // polls: does not wait
			}
		case *ast.SendStmt:
			for _, s := range h.sends {
				if s.stmt == n && s.stateKnown && s.state == stateStopPending {
					pending = true
					return false
				}
			}
		case *ast.UnaryExpr:
			if n.Op != token.ARROW {
				return true
			}
			if isTimer(c, n.X) {
				return true
			}
			WL5005.Report(c.pass, n,
				"receiving from %s waits for other work after %s receives svc.Stop and before it reports "+
					"svc.StopPending: the SCM expects STOP_PENDING on receipt of Stop and meanwhile shows the service "+
					"as running with no wait hint; send svc.Status{State: svc.StopPending, WaitHint: …} first",
				types.ExprString(n.X), h.name)
			return false
		case *ast.CallExpr:
			name := c.calleeName(n)
			what, ok := blockingCalls[name]
			if !ok {
				if via := c.blockingHelper(n, 0, map[*types.Func]bool{}); via != "" {
					WL5005.Report(c.pass, n,
						"%s waits for other work (%s) after %s receives svc.Stop and before it reports "+
							"svc.StopPending: the SCM expects STOP_PENDING on receipt of Stop and meanwhile shows the "+
							"service as running with no wait hint; send svc.Status{State: svc.StopPending, WaitHint: …} first",
						types.ExprString(n.Fun)+"()", via, h.name)
					return false
				}
				return true
			}
			if name == "time.Sleep" {
				if d, ok := c.constUint(n.Args[0]); !ok || d < 1e9 {
					return true
				}
			}
			WL5005.Report(c.pass, n,
				"%s runs after %s receives svc.Stop and before it reports svc.StopPending: the SCM expects "+
					"STOP_PENDING on receipt of Stop and meanwhile shows the service as running with no wait hint; "+
					"send svc.Status{State: svc.StopPending, WaitHint: …} first", what, h.name)
		}
		return true
	})
	return pending
}

func hasDefault(s *ast.SelectStmt) bool {
	for _, st := range s.Body.List {
		if cc, ok := st.(*ast.CommClause); ok && cc.Comm == nil {
			return true
		}
	}
	return false
}

// isTimer: a receive from time.After or a timer/ticker channel bounds the
// wait itself (a timeout), and is not a wait for other work.
func isTimer(c *checker, x ast.Expr) bool {
	x = ast.Unparen(x)
	if call, ok := x.(*ast.CallExpr); ok {
		switch c.calleeName(call) {
		case "time.After", "time.Tick", "(context.Context).Done":
			return true
		}
	}
	if sel, ok := x.(*ast.SelectorExpr); ok && sel.Sel.Name == "C" {
		if t := c.pass.TypesInfo.TypeOf(sel.X); t != nil {
			s := t.String()
			return s == "*time.Timer" || s == "*time.Ticker"
		}
	}
	return false
}

// blockingHelper returns what a call of a function of this package waits
// for ("wg.Wait()", "receiving from s.done"), looking two calls deep, or
// "" if it does not wait.
func (c *checker) blockingHelper(call *ast.CallExpr, depth int, seen map[*types.Func]bool) string {
	fn := callee.Func(c.pass.TypesInfo, call)
	if fn == nil || depth > 2 || seen[fn] {
		return ""
	}
	seen[fn] = true
	fd := c.decls[fn.Origin()]
	if fd == nil || fd.Body == nil {
		return ""
	}
	what := ""
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if what != "" {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit, *ast.GoStmt, *ast.DeferStmt:
			return false
		case *ast.SelectStmt:
			if hasDefault(n) {
				return false
			}
		case *ast.UnaryExpr:
			if n.Op == token.ARROW && !isTimer(c, n.X) {
				what = "receiving from " + types.ExprString(n.X)
			}
		case *ast.CallExpr:
			name := c.calleeName(n)
			if w, ok := blockingCalls[name]; ok {
				if name == "time.Sleep" {
					if d, ok := c.constUint(n.Args[0]); !ok || d < 1e9 {
						return true
					}
				}
				what = w
				return false
			}
			if w := c.blockingHelper(n, depth+1, seen); w != "" {
				what = w
				return false
			}
		}
		return true
	})
	return what
}
