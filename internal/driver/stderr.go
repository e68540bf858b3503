package driver

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
)

// positional matches a "file:line:col: message" or "file:line: message"
// line, as the go command, the compiler and type checkers write them.
var positional = regexp.MustCompile(`^(\S.*?:\d+(?::\d+)?): (.*)$`)

// informational lines of the go command that report progress, not problems.
var informational = []string{
	"go: downloading ",
	"go: finding ",
	"go: extracting ",
}

// ParseStderr splits what go vet wrote to its standard error into errors.
//
// go vet writes a "# <package>" line before the output of a failed step for
// a package (a type error, an analyzer's crash), then that output; other
// lines stand alone ("go: warning: "./x/..." matched no packages", "no
// packages to vet", a load error with its indented continuation lines).
// Within a package block each "file:line:col: message" line is one error and
// other lines extend the error before them; file names are resolved against
// dir. Progress lines ("go: downloading …") are dropped.
func ParseStderr(text, dir string) []*Error {
	var (
		errs    []*Error
		pkg     string
		inBlock bool
		cur     *Error
	)
	add := func(e *Error) {
		errs = append(errs, e)
		cur = e
	}
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if isInformational(line) {
			continue
		}
		if name, ok := strings.CutPrefix(line, "# "); ok {
			pkg, inBlock, cur = strings.TrimSpace(name), true, nil
			continue
		}
		if strings.TrimSpace(line) == "" {
			if cur != nil && inBlock {
				cur.Message += "\n"
			}
			continue
		}
		if m := positional.FindStringSubmatch(line); m != nil && !strings.HasPrefix(line, "\t") {
			posn := ParsePosition(m[1])
			if isFileName(posn.File) && posn.Line > 0 {
				if !filepath.IsAbs(posn.File) && dir != "" {
					posn.File = filepath.Join(dir, posn.File)
				}
				add(&Error{Package: pkg, Posn: posn, Message: m[2]})
				continue
			}
		}
		switch {
		case cur != nil && (inBlock || startsIndented(line)):
			// A continuation: an indented line, or any line of a
			// package block's multi-line message (a panic's stack).
			cur.Message += "\n" + line
		default:
			add(&Error{Package: pkg, Message: line})
		}
	}
	for _, e := range errs {
		e.Message = strings.TrimRight(e.Message, "\n")
	}
	return rephrase(errs, dir)
}

var (
	// go: warning: "./x/..." matched no packages
	matchedNothing = regexp.MustCompile(`^go: warning: "(.*)" matched no packages$`)
	// pattern ./x/...: lstat ./x/: no such file or directory
	missingDir = regexp.MustCompile(`^pattern (.*): lstat (.*?)/?: no such file or directory$`)
	// no Go files in /abs/dir
	noGoFiles = regexp.MustCompile(`^no Go files in (.+)$`)
)

// noPackagesToVet is what go vet says when no pattern matched a package,
// after saying which patterns matched nothing.
const noPackagesToVet = "no packages to vet"

// rephrase says what the go command reported about patterns in winlint's
// words: winlint analyses packages, it does not "vet" them, and a pattern
// matching no package is the user's concern, not a warning of go's.
func rephrase(errs []*Error, dir string) []*Error {
	out := errs[:0]
	named := false // a pattern matching nothing was named
	for _, e := range errs {
		if e.Package != "" || e.Posn.IsValid() {
			out = append(out, e)
			continue
		}
		if m := matchedNothing.FindStringSubmatch(e.Message); m != nil {
			e.Message = fmt.Sprintf("winlint: pattern %q matches no packages", m[1])
			named = true
		} else if m := missingDir.FindStringSubmatch(e.Message); m != nil {
			e.Message = fmt.Sprintf("winlint: pattern %q matches no packages: directory %s does not exist", m[1], m[2])
			named = true
		} else if m := noGoFiles.FindStringSubmatch(e.Message); m != nil {
			d := m[1]
			if rel, err := filepath.Rel(dir, d); err == nil && dir != "" && !strings.HasPrefix(rel, "..") {
				d = "." + string(filepath.Separator) + rel
			}
			e.Message = fmt.Sprintf("winlint: pattern %s matches no packages: the directory holds no Go files", d)
			named = true
		} else if e.Message == noPackagesToVet {
			if named {
				continue
			}
			e.Message = "winlint: no packages to analyse"
		}
		out = append(out, e)
	}
	return out
}

func isInformational(line string) bool {
	for _, p := range informational {
		if strings.HasPrefix(line, p) {
			return true
		}
	}
	return false
}

func startsIndented(line string) bool {
	return strings.HasPrefix(line, "\t") || strings.HasPrefix(line, " ")
}

// isFileName tells a file name in a "file:line: message" line from the
// start of a message that happens to contain a colon and a number.
func isFileName(name string) bool {
	if name == "" || strings.Contains(name, ": ") {
		return false
	}
	for _, ext := range []string{".go", ".s", ".c", ".h", ".mod", ".work", ".cfg"} {
		if strings.HasSuffix(name, ext) {
			return true
		}
	}
	return !strings.Contains(name, " ")
}
