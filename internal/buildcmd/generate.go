package buildcmd

import (
	"go/ast"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/winlint/winlint/internal/fold"
)

// generateSet reads the package's //go:generate directives in the order go
// generate runs them: files in name order (test files after the others,
// as in go generate's InternalGoFiles), lines in order.
func (m *model) generateSet() *Set {
	set := &Set{Generate: true}
	files := append([]*ast.File(nil), m.pass.Files...)
	sort.SliceStable(files, func(i, j int) bool {
		ni, nj := m.fileName(files[i]), m.fileName(files[j])
		ti, tj := strings.HasSuffix(ni, "_test.go"), strings.HasSuffix(nj, "_test.go")
		if ti != tj {
			return tj
		}
		return ni < nj
	})
	for _, f := range files {
		name := m.fileName(f)
		shorthands := make(map[string][]string)
		for _, group := range f.Comments {
			for _, c := range group.List {
				line, ok := directive(c.Text)
				if !ok || m.pass.Fset.Position(c.Slash).Column != 1 {
					continue
				}
				words, ok := SplitGenerate(line)
				if !ok || len(words) == 0 {
					continue
				}
				if words[0] == "-command" {
					// A shorthand for the rest of the file; go generate
					// rejects a second definition of the same name.
					if len(words) >= 2 {
						if _, dup := shorthands[words[1]]; !dup {
							shorthands[words[1]] = words[2:]
						}
					}
					continue
				}
				if sh, ok := shorthands[words[0]]; ok {
					words = append(append([]string(nil), sh...), words[1:]...)
				}
				lineNum := m.pass.Fset.Position(c.Slash).Line
				cmd := &Command{
					Origin: Generate,
					At:     c,
					Env:    &Env{Inherits: true},
					Test:   strings.HasSuffix(name, "_test.go"),
					File:   f,
				}
				for _, w := range words {
					cmd.Args = append(cmd.Args, Word{Shape: expandGenerate(w, name, m.pass.Pkg.Name(), lineNum)})
				}
				unwrapEnv(cmd, c)
				set.add(cmd)
			}
		}
	}
	return set
}

func (m *model) fileName(f *ast.File) string {
	return filepath.Base(m.pass.Fset.File(f.FileStart).Name())
}

// directive returns the text of a //go:generate comment after the marker.
func directive(text string) (string, bool) {
	const marker = "//go:generate"
	if !strings.HasPrefix(text, marker) || len(text) == len(marker) {
		return "", false
	}
	if c := text[len(marker)]; c != ' ' && c != '\t' {
		return "", false
	}
	return strings.TrimRight(text[len(marker)+1:], "\r"), true
}

// SplitGenerate splits the text of a //go:generate directive into words as
// go generate does (cmd/go/internal/generate: Generator.split): words are
// separated by spaces and tabs, and a word that starts with a double quote
// is a Go string literal, which must be followed by a space or the end of
// the line. A quote inside a word is an ordinary character, so
// `-ldflags="-s -w"` is the two words `-ldflags="-s` and `-w"`. The boolean
// is false where go generate stops with an error.
//
// A word "//" ends the directive here. go generate would pass it and what
// follows to the command, which then fails; no working directive contains
// one, and the analysis reads the rest as a comment (test fixtures keep
// their expectations there).
func SplitGenerate(line string) ([]string, bool) {
	var words []string
	for {
		line = strings.TrimLeft(line, " \t")
		if line == "" {
			return words, true
		}
		if line[0] == '"' {
			end := -1
			for i := 1; i < len(line); i++ {
				if line[i] == '\\' {
					i++
					continue
				}
				if line[i] == '"' {
					end = i
					break
				}
			}
			if end < 0 {
				return nil, false
			}
			w, err := strconv.Unquote(line[:end+1])
			if err != nil {
				return nil, false
			}
			line = line[end+1:]
			if line != "" && line[0] != ' ' && line[0] != '\t' {
				return nil, false
			}
			words = append(words, w)
			continue
		}
		i := strings.IndexAny(line, " \t")
		if i < 0 {
			i = len(line)
		}
		if line[:i] == "//" {
			return words, true
		}
		words = append(words, line[:i])
		line = line[i:]
	}
}

// hole stands for text expanded from a variable whose value is not known.
const hole = "\x00"

// expandGenerate expands $NAME and ${NAME} in a directive's word as go
// generate does (os.Expand). $GOFILE, $GOPACKAGE, $GOLINE and $DOLLAR are
// known; everything else ($GOOS and $GOARCH are go generate's target, not
// the analysis's) is a hole.
func expandGenerate(w, file, pkg string, line int) fold.Shape {
	return expand(w, func(name string) (string, bool) {
		switch name {
		case "GOFILE":
			return file, true
		case "GOPACKAGE":
			return pkg, true
		case "GOLINE":
			return strconv.Itoa(line), true
		case "DOLLAR":
			return "$", true
		}
		return "", false
	})
}

// expand applies os.Expand to s, making a hole of each variable lookup
// does not know.
func expand(s string, lookup func(string) (string, bool)) fold.Shape {
	if !strings.Contains(s, "$") {
		return fold.Shape{{Text: s, Known: true}}
	}
	x := os.Expand(s, func(name string) string {
		if v, ok := lookup(name); ok && !strings.Contains(v, hole) {
			return v
		}
		return hole
	})
	return holeShape(x)
}

// holeShape turns a string with hole markers into a shape.
func holeShape(x string) fold.Shape {
	var out fold.Shape
	for i, part := range strings.Split(x, hole) {
		if i > 0 {
			out = append(out, fold.Part{})
		}
		if part != "" {
			out = append(out, fold.Part{Text: part, Known: true})
		}
	}
	return out
}

// unwrapEnv turns "env [-i] NAME=VALUE... prog args" into "prog args" run
// with those variables. Options of env other than -i make the command's
// program unknown.
func unwrapEnv(c *Command, at rangeNode) {
	if c.Program() != "env" {
		return
	}
	i := 1
	for ; i < len(c.Args); i++ {
		w := c.Args[i]
		if w.Cond {
			c.Args = []Word{{Shape: fold.Shape{{}}}}
			return
		}
		p := w.Prefix()
		if p == "-i" || p == "--ignore-environment" || p == "-" {
			if _, ok := w.Known(); ok {
				c.Env = &Env{}
				continue
			}
		}
		if strings.HasPrefix(p, "-") || w.IsHole() {
			// Another option, or an argument we cannot read.
			c.Args = []Word{{Shape: fold.Shape{{}}}}
			return
		}
		eq := strings.IndexByte(p, '=')
		if eq <= 0 {
			break // the program
		}
		c.Env.set(p[:eq], &Var{Value: dropPrefix(w.Shape, eq+1), At: rangeOf(w.Node, at)})
	}
	c.Args = c.Args[i:]
	if len(c.Args) == 0 {
		c.Args = []Word{{Shape: fold.Shape{{}}}}
	}
}

// dropPrefix returns s without its first n bytes, which are known.
func dropPrefix(s fold.Shape, n int) fold.Shape {
	var out fold.Shape
	for _, p := range s {
		if n > 0 && p.Known {
			if n >= len(p.Text) {
				n -= len(p.Text)
				continue
			}
			p.Text = p.Text[n:]
			n = 0
		}
		out = append(out, p)
	}
	if len(out) == 0 {
		out = fold.Shape{{Text: "", Known: true}}
	}
	return out
}
