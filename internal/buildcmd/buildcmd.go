// Package buildcmd models the commands a Go package writes down for its own
// build: //go:generate directives, os/exec commands and mage's sh helpers.
//
// A Command is an argument vector whose words are known in whole or in part
// (fold.Shape), with the environment it runs in and the place it was written.
// Commands are grouped in Sets, in the order they run: the go:generate
// directives of a package form one set, and the commands a top-level
// function (with its function literals) creates form another. Nothing here
// guesses: a word that is not understood is a hole, an argument list of
// unknown length is a spread, and an environment whose entries are not all
// understood is open. Checks decide what they can say about such commands.
//
// The go command's own flag syntax (GOFLAGS, -flag=value, -flag value,
// per-package -ldflags patterns, quoted linker flags) is parsed by ParseGo
// and ParseLinkFlags.
package buildcmd

import (
	"go/ast"
	"path"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/winlint/winlint/internal/fold"
)

// Origin says where a command was written.
type Origin int

const (
	Generate Origin = iota // a //go:generate directive
	Exec                   // os/exec.Command or CommandContext
	Mage                   // github.com/magefile/mage/sh
)

func (o Origin) String() string {
	switch o {
	case Generate:
		return "go:generate"
	case Exec:
		return "exec.Command"
	case Mage:
		return "sh"
	}
	return "?"
}

// A Word is one argument of a command.
type Word struct {
	Shape fold.Shape
	// Spread stands for an unknown number of unknown words (a slice that
	// could not be folded). Environ marks the spread of os.Environ().
	Spread, Environ bool
	// Cond marks a word appended on some paths only (inside an if or a
	// loop).
	Cond bool
	// Node is the expression that gives the word, if any.
	Node ast.Node
}

// Known returns the word's text if all of it is known.
func (w Word) Known() (string, bool) {
	if w.Spread {
		return "", false
	}
	return w.Shape.Known()
}

// Prefix returns the known text at the start of the word.
func (w Word) Prefix() string {
	if w.Spread {
		return ""
	}
	return w.Shape.Prefix()
}

// Suffix returns the known text at the end of the word.
func (w Word) Suffix() string {
	if w.Spread || len(w.Shape) == 0 {
		return ""
	}
	last := w.Shape[len(w.Shape)-1]
	if !last.Known {
		return ""
	}
	return last.Text
}

// IsHole reports whether nothing at all is known of the word.
func (w Word) IsHole() bool {
	return w.Spread || len(w.Shape) == 0 || !w.Shape[0].Known && len(w.Shape) == 1
}

func known(s string) Word { return Word{Shape: fold.Shape{{Text: s, Known: true}}} }

// A Var is an environment variable given to a command.
type Var struct {
	Value fold.Shape
	Cond  bool // set on some paths only
	// At is where it is set: the expression or the directive.
	At analysis.Range
}

// Env is the environment a command runs with.
type Env struct {
	Vars map[string]*Var
	// Inherits is true when the process environment (the user's, or go
	// generate's) is passed on under the explicit variables.
	Inherits bool
	// Open is true when some entries are not understood.
	Open bool
}

// State of an environment variable, as far as the analysis knows.
type State int

const (
	Unknown State = iota // may or may not be set, to anything
	IsUnset              // certainly not set
	IsSet                // set to the returned value
)

// Lookup returns what is known of the variable name.
func (e *Env) Lookup(name string) (*Var, State) {
	if e == nil {
		return nil, Unknown
	}
	if v, ok := e.Vars[name]; ok {
		if v.Cond {
			return v, Unknown
		}
		return v, IsSet
	}
	if e.Open || e.Inherits {
		return nil, Unknown
	}
	return nil, IsUnset
}

// KnownValue returns the variable's value when it is certainly set to a
// fully known string.
func (e *Env) KnownValue(name string) (string, bool) {
	v, st := e.Lookup(name)
	if st != IsSet {
		return "", false
	}
	return v.Value.Known()
}

func (e *Env) set(name string, v *Var) {
	if e.Vars == nil {
		e.Vars = make(map[string]*Var)
	}
	e.Vars[name] = v
}

// A Command is one program run with its arguments.
type Command struct {
	Origin Origin
	// At is where the command is written: the //go:generate comment or
	// the call that creates the command.
	At analysis.Range
	// Args is the argument vector; Args[0] names the program.
	Args []Word
	Env  *Env
	// DirSet is true when the command runs in a directory set in code
	// (exec.Cmd.Dir) rather than the process's or go generate's.
	DirSet bool
	// Test is true for commands written in _test.go files.
	Test bool
	// File is the file the command is written in.
	File *ast.File
	// Set and Index place the command in its set.
	Set   *Set
	Index int
}

// Program returns the program's base name, lower case, without directory
// and without ".exe", or "" if it is not known.
func (c *Command) Program() string {
	if len(c.Args) == 0 {
		return ""
	}
	s, ok := c.Args[0].Known()
	if !ok {
		return ""
	}
	return ProgramName(s)
}

// ProgramName reduces a program path to its lower-case base name without
// ".exe".
func ProgramName(s string) string {
	s = strings.ReplaceAll(s, `\`, "/")
	s = strings.ToLower(path.Base(s))
	return strings.TrimSuffix(s, ".exe")
}

// Later returns the commands of c's set that run after c.
func (c *Command) Later() []*Command {
	if c.Set == nil {
		return nil
	}
	return c.Set.Commands[c.Index+1:]
}

// A Set is a group of commands that run one after the other: the
// go:generate directives of a package, or the commands of a function.
type Set struct {
	Generate bool
	// Decl is the top-level declaration of a function's set (nil for
	// go:generate).
	Decl     ast.Decl
	Commands []*Command
}

func (s *Set) add(c *Command) {
	c.Set = s
	c.Index = len(s.Commands)
	s.Commands = append(s.Commands, c)
}

// Collect returns the command sets of the package.
func Collect(pass *analysis.Pass) []*Set {
	m := newModel(pass)
	var sets []*Set
	if s := m.generateSet(); len(s.Commands) > 0 {
		sets = append(sets, s)
	}
	sets = append(sets, m.funcSets()...)
	return sets
}
