package paths

import (
	"go/ast"
	"go/token"
	"regexp"
	"strings"

	"github.com/winlint/winlint/internal/callee"
)

// createArgs are the functions that create a file or directory, with the
// index of the argument that names it.
var createArgs = callee.Table[int]{
	"os.Create": 0, "os.OpenFile": 0, "os.WriteFile": 0, "os.Mkdir": 0,
	"os.MkdirAll": 0, "os.Rename": 1, "os.CreateTemp": 1, "os.MkdirTemp": 1,
	"os.Symlink": 1, "os.Link": 1,
	"io/ioutil.WriteFile": 0, "io/ioutil.TempFile": 1, "io/ioutil.TempDir": 1,
}

// numColon matches a Sprintf format that prints numbers around a colon,
// as in "%02d:%02d".
var numColon = regexp.MustCompile(`%[-+ #0]*[0-9]*d:%[-+ #0]*[0-9]*d`)

// devices are the reserved device names of Windows.
var devices = map[string]bool{
	"CON": true, "PRN": true, "AUX": true, "NUL": true,
	"COM1": true, "COM2": true, "COM3": true, "COM4": true, "COM5": true,
	"COM6": true, "COM7": true, "COM8": true, "COM9": true,
	"LPT1": true, "LPT2": true, "LPT3": true, "LPT4": true, "LPT5": true,
	"LPT6": true, "LPT7": true, "LPT8": true, "LPT9": true,
}

// checkNameCall reports WL7004.
func (c *checker) checkNameCall(call *ast.CallExpr, name string) {
	i, ok := createArgs[name]
	if !ok || i >= len(call.Args) {
		return
	}
	api := shortAPI(name)
	p := call.Args[i]
	if what := c.colonSource(p, 0); what != "" {
		c.report(WL7004, p, nil,
			"%s, the name given to %s, contains %s: Windows file names cannot hold ':' (the call fails, or writes an NTFS alternate data stream); use a layout without colons, such as \"20060102T150405\"",
			c.render(p), api, what)
		return
	}
	if what := c.reservedPart(p, name == "os.CreateTemp" || name == "os.MkdirTemp" || strings.HasPrefix(name, "io/ioutil.Temp"), name == "os.Mkdir" || name == "os.MkdirAll"); what != "" {
		c.report(WL7004, p, nil, "%s, the name given to %s, %s; Windows cannot create it: choose another name", c.render(p), api, what)
	}
}

// colonSource describes the part of the name e that puts a colon in it
// (a time layout, a "%02d:%02d" format), or returns "".
func (c *checker) colonSource(e ast.Expr, depth int) string {
	if depth > 8 {
		return ""
	}
	e = c.single(e)
	switch e := e.(type) {
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return ""
		}
		if w := c.colonSource(e.X, depth+1); w != "" {
			return w
		}
		return c.colonSource(e.Y, depth+1)
	case *ast.CallExpr:
		switch name := callee.CallName(c.pass.TypesInfo, e); name {
		case "path/filepath.Join", "path.Join":
			for _, a := range e.Args {
				if w := c.colonSource(a, depth+1); w != "" {
					return w
				}
			}
		case "fmt.Sprintf":
			if len(e.Args) == 0 {
				return ""
			}
			if f, ok := c.constString(e.Args[0]); ok && numColon.MatchString(f) {
				return "the format " + quote(numColon.FindString(f))
			}
			for _, a := range e.Args[1:] {
				if w := c.colonSource(a, depth+1); w != "" {
					return w
				}
			}
		case "(time.Time).Format", "(time.Time).AppendFormat":
			if len(e.Args) == 0 {
				return ""
			}
			if layout, ok := c.constString(e.Args[len(e.Args)-1]); ok && strings.Contains(layout, ":") {
				return "a time formatted with the layout " + c.layoutName(e.Args[len(e.Args)-1], layout)
			}
		case "(time.Time).String":
			return "a time.Time's String (\"2006-01-02 15:04:05…\")"
		}
	}
	return ""
}

// layoutName names a layout: time.RFC3339 or its quoted text.
func (c *checker) layoutName(e ast.Expr, layout string) string {
	if sel, ok := ast.Unparen(e).(*ast.SelectorExpr); ok {
		if obj := c.pass.TypesInfo.Uses[sel.Sel]; obj != nil && obj.Pkg() != nil && obj.Pkg().Path() == "time" {
			return "time." + obj.Name()
		}
	}
	return quote(layout)
}

func quote(s string) string { return "\"" + s + "\"" }

// reservedPart describes a constant part of the name e that Windows
// rejects: a character of <>"|?* or a device name (CON, NUL, COM1…) as a
// whole component. temp says the name is a CreateTemp/MkdirTemp pattern
// (its '*' is replaced); mkdir says the call creates a directory.
func (c *checker) reservedPart(e ast.Expr, temp, mkdir bool) string {
	parts := c.nameParts(e, 0)
	for _, p := range parts {
		if !p.known {
			continue
		}
		text := p.text
		if strings.HasPrefix(text, `\\?\`) || strings.HasPrefix(text, `\\.\`) {
			text = text[4:]
		}
		bad := `<>"|?*`
		if temp {
			bad = `<>"|?`
		}
		if i := strings.IndexAny(text, bad); i >= 0 {
			return "contains " + quote(text[i:i+1])
		}
	}
	// Device names: whole components of known text, in a name with more
	// than one component or given to Mkdir.
	isSep := func(r rune) bool { return r == '/' || r == '\\' }
	comps := 0
	var device string
	for i, p := range parts {
		if !p.known {
			comps++
			continue
		}
		fields := strings.FieldsFunc(p.text, isSep)
		comps += len(fields)
		startsWhole := p.component || i == 0 || parts[i-1].component || strings.IndexFunc(p.text, isSep) == 0
		endsWhole := p.component || i == len(parts)-1 || parts[i+1].component ||
			(p.text != "" && isSep(rune(p.text[len(p.text)-1])))
		for j, f := range fields {
			if (j > 0 || startsWhole) && (j < len(fields)-1 || endsWhole) && devices[strings.ToUpper(strings.TrimRight(f, " "))] {
				device = f
			}
		}
	}
	if device != "" && (comps > 1 || mkdir) {
		return "has the component " + quote(device) + ", a reserved device name"
	}
	return ""
}

// A namePart is known text or a computed part of a name; component marks
// an argument of filepath.Join, a whole component by itself.
type namePart struct {
	text      string
	known     bool
	component bool
}

func (c *checker) nameParts(e ast.Expr, depth int) []namePart {
	if depth > 8 {
		return []namePart{{}}
	}
	if s, ok := c.constString(e); ok {
		return []namePart{{text: s, known: true}}
	}
	e = c.single(e)
	switch x := e.(type) {
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			return append(c.nameParts(x.X, depth+1), c.nameParts(x.Y, depth+1)...)
		}
	case *ast.CallExpr:
		switch callee.CallName(c.pass.TypesInfo, x) {
		case "path/filepath.Join", "path.Join":
			var out []namePart
			for _, a := range x.Args {
				ps := c.nameParts(a, depth+1)
				if len(ps) == 1 {
					ps[0].component = true
				}
				out = append(out, ps...)
			}
			return out
		}
	}
	if s, ok := c.constString(e); ok {
		return []namePart{{text: s, known: true}}
	}
	return []namePart{{}}
}
