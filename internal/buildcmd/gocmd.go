package buildcmd

import (
	"strings"

	"github.com/winlint/winlint/internal/fold"
)

// A Go is a "go build" or "go install" command with its flags parsed as the
// go command parses them: GOFLAGS first, then the command line, each flag
// as -name, --name, -name=value or (for flags that take a value) -name
// value; flag parsing stops at the first non-flag word or "--".
type Go struct {
	Cmd  *Command
	Verb string // "build" or "install"
	// Flags holds the GOFLAGS flags, then the command line's, in order.
	Flags []Flag
	// Packages holds the words after the flags.
	Packages []Word
	// Open is true when some word in flag position is not understood, so
	// flags may be missing from Flags.
	Open bool
}

// A Flag is one go command flag.
type Flag struct {
	Name     string
	Value    fold.Shape // nil for a boolean flag given without a value
	HasValue bool
	// Word is the command-line word that names the flag (or the GOFLAGS
	// variable's word); Index is its index in Cmd.Args, -1 for GOFLAGS.
	Word  Word
	Index int
	// GOFLAGS is true for flags that come from the GOFLAGS variable.
	GOFLAGS bool
	// Cond is true for a flag given on some paths only.
	Cond bool
	// Var is the GOFLAGS variable a GOFLAGS flag comes from.
	Var *Var
}

// goValueFlags are the build flags that take a value (cmd/go/internal/work
// AddBuildFlags, and -o of build/install).
var goValueFlags = map[string]bool{
	"o": true, "p": true, "C": true, "asmflags": true, "buildmode": true, "compiler": true,
	"gccgoflags": true, "gcflags": true, "installsuffix": true, "ldflags": true, "mod": true,
	"modfile": true, "overlay": true, "pgo": true, "pkgdir": true, "tags": true, "toolexec": true,
	"covermode": true, "coverpkg": true,
}

// goBoolFlags are the build flags without a value; -buildvcs is one too
// (IsBoolFlag), so "-buildvcs false" is -buildvcs=true and a package named
// false.
var goBoolFlags = map[string]bool{
	"a": true, "n": true, "race": true, "msan": true, "asan": true, "v": true, "work": true,
	"x": true, "cover": true, "linkshared": true, "modcacherw": true, "trimpath": true,
	"buildvcs": true, "json": true, "i": true,
}

// ParseGo parses c as a go build or go install command, or returns nil.
func ParseGo(c *Command) *Go {
	if c.Program() != "go" || len(c.Args) < 2 {
		return nil
	}
	verb, ok := c.Args[1].Known()
	if !ok || c.Args[1].Cond || verb != "build" && verb != "install" {
		return nil
	}
	g := &Go{Cmd: c, Verb: verb}
	g.goflags()
	args := c.Args[2:]
	for i := 0; i < len(args); i++ {
		w := args[i]
		if w.Spread || w.IsHole() {
			if allHoles(args[i:]) && !w.Cond {
				// Trailing words we cannot read: by the command's
				// shape (go build [flags] [packages]) the packages.
				g.Packages = args[i:]
				return g
			}
			g.Open = true
			continue
		}
		p := w.Prefix()
		if p == "--" {
			g.Packages = args[i+1:]
			return g
		}
		if !strings.HasPrefix(p, "-") || p == "-" {
			g.Packages = args[i:]
			return g
		}
		name := strings.TrimPrefix(strings.TrimPrefix(p, "-"), "-")
		eq := strings.IndexByte(name, '=')
		var f Flag
		if eq >= 0 {
			f = Flag{Name: name[:eq], Value: dropPrefix(w.Shape, len(p)-len(name)+eq+1), HasValue: true}
		} else {
			if _, ok := w.Known(); !ok {
				g.Open = true // "-" + something unknown
				continue
			}
			f = Flag{Name: name}
		}
		f.Word, f.Index, f.Cond = w, i+2, w.Cond
		switch {
		case goValueFlags[f.Name] && !f.HasValue:
			if i+1 >= len(args) {
				g.Open = true
				return g
			}
			i++
			f.Value, f.HasValue = args[i].Shape, true
			if args[i].Spread {
				g.Open = true
				continue
			}
		case goValueFlags[f.Name], goBoolFlags[f.Name]:
		default:
			g.Open = true // a flag we do not know: it may take the next word
			return g
		}
		g.Flags = append(g.Flags, f)
	}
	return g
}

func allHoles(ws []Word) bool {
	for _, w := range ws {
		if !w.Spread && !w.IsHole() {
			return false
		}
	}
	return true
}

// goflags reads the flags of a known GOFLAGS variable: space-separated
// -name or -name=value words.
func (g *Go) goflags() {
	v, st := g.Cmd.Env.Lookup("GOFLAGS")
	if st != IsSet {
		return
	}
	s, ok := v.Value.Known()
	if !ok {
		g.Open = true
		return
	}
	for _, field := range strings.Fields(s) {
		if !strings.HasPrefix(field, "-") {
			g.Open = true
			continue
		}
		name := strings.TrimLeft(field, "-")
		f := Flag{Name: name, Index: -1, GOFLAGS: true, Var: v, Word: known(field)}
		if eq := strings.IndexByte(name, '='); eq >= 0 {
			f.Name = name[:eq]
			f.Value, f.HasValue = fold.Shape{{Text: name[eq+1:], Known: true}}, true
		}
		g.Flags = append(g.Flags, f)
	}
}

// Last returns the flag that takes effect among those named name (the last
// one), and whether some occurrence is conditional, which makes the
// effective one uncertain.
func (g *Go) Last(name string) (f *Flag, uncertain bool) {
	for i := range g.Flags {
		if g.Flags[i].Name == name {
			if g.Flags[i].Cond {
				uncertain = true
			}
			f = &g.Flags[i]
		}
	}
	return f, uncertain || g.Open
}

// BoolValue returns the value of a boolean flag occurrence: "true" for
// -name, the text after = otherwise.
func (f *Flag) BoolValue() (string, bool) {
	if !f.HasValue {
		return "true", true
	}
	return f.Value.Known()
}

// Output returns the -o flag, if any.
func (g *Go) Output() *Flag {
	f, _ := g.Last("o")
	return f
}

// TargetGOOS returns the GOOS the command builds for, if known.
func (g *Go) TargetGOOS() (string, bool) {
	return g.Cmd.Env.KnownValue("GOOS")
}

// A LinkFlags is the linker flag list of an -ldflags value.
type LinkFlags struct {
	// Pattern is the package pattern of "-ldflags=pattern=flags" ("" for
	// the packages named on the command line).
	Pattern string
	// Fields are the linker's arguments after quoted splitting.
	Fields []fold.Shape
	// Open is true when some field is not known at all.
	Open bool
}

// linkValueFlags are the linker flags that take a value (cmd/link main.go).
var linkValueFlags = map[string]bool{
	"B": true, "E": true, "H": true, "I": true, "L": true, "R": true, "T": true, "X": true,
	"buildid": true, "buildmode": true, "capturehostobjs": true, "cpuprofile": true,
	"extar": true, "extld": true, "extldflags": true, "fipso": true, "importcfg": true,
	"installsuffix": true, "k": true, "libgcc": true, "linkmode": true, "memprofile": true,
	"memprofilerate": true, "o": true, "pluginpath": true, "r": true, "tmpdir": true,
	"benchmark": true, "benchmarkprofile": true, "strictdups": true,
}

// ParseLinkFlags splits an -ldflags value as the go command does
// (cmd/internal/quoted.Split after the optional "pattern="). Parts of the
// value computed at run time are assumed not to contain spaces or quotes:
// "-X main.version=" + v is one field.
func ParseLinkFlags(v fold.Shape) LinkFlags {
	var text strings.Builder
	for _, p := range v {
		if p.Known {
			text.WriteString(p.Text)
		} else {
			text.WriteString(hole)
		}
	}
	s := strings.TrimSpace(text.String())
	var lf LinkFlags
	if s != "" && s[0] != '-' {
		// "pattern=flags"; a value that starts with a quote is an error.
		eq := strings.IndexByte(s, '=')
		if eq <= 0 || s[0] == '"' || s[0] == '\'' || strings.Contains(s[:eq], hole) {
			lf.Open = true
			return lf
		}
		lf.Pattern, s = strings.TrimSpace(s[:eq]), s[eq+1:]
	}
	for {
		s = strings.TrimLeft(s, " \t\n\r")
		if s == "" {
			break
		}
		var field string
		if q := s[0]; q == '"' || q == '\'' {
			i := strings.IndexByte(s[1:], q)
			if i < 0 {
				lf.Open = true
				return lf
			}
			field, s = s[1:i+1], s[i+2:]
		} else {
			i := strings.IndexAny(s, " \t\n\r")
			if i < 0 {
				i = len(s)
			}
			field, s = s[:i], s[i:]
		}
		sh := holeShape(field)
		if len(sh) == 0 {
			sh = fold.Shape{{Text: "", Known: true}}
		}
		if !sh[0].Known {
			lf.Open = true
		}
		lf.Fields = append(lf.Fields, sh)
	}
	return lf
}

// Flag returns the value of the last linker flag called name (-name value,
// -name=value, --name…), and whether the flag list is understood well
// enough to tell.
func (lf LinkFlags) Flag(name string) (value fold.Shape, found, ok bool) {
	if lf.Open {
		return nil, false, false
	}
	for i := 0; i < len(lf.Fields); i++ {
		f, known := lf.Fields[i].Known()
		if !known {
			p := lf.Fields[i].Prefix()
			n := strings.TrimLeft(p, "-")
			if eq := strings.IndexByte(n, '='); eq >= 0 && strings.HasPrefix(p, "-") {
				if n[:eq] == name {
					return nil, false, false // -H=<unknown>
				}
				continue
			}
			return nil, false, false
		}
		if !strings.HasPrefix(f, "-") {
			continue // a value, or an argument the linker would reject
		}
		n := strings.TrimLeft(f, "-")
		if eq := strings.IndexByte(n, '='); eq >= 0 {
			if n[:eq] == name {
				value, found = fold.Shape{{Text: n[eq+1:], Known: true}}, true
			}
			continue
		}
		if linkValueFlags[n] && i+1 < len(lf.Fields) {
			if n == name {
				value, found = lf.Fields[i+1], true
			}
			i++
		}
	}
	return value, found, true
}
