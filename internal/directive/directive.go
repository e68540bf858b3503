// Package directive parses winlint's suppression directives and the
// "generated file" header, for the driver (which applies directives) and
// the directives analyzer (which reports malformed ones in every host).
//
// Directives are line comments:
//
//	//winlint:ignore WL1001[,WL2005...] reason
//	//winlint:file-ignore WL1001[,WL2*...] reason
//
// An ignore directive suppresses the named checks' findings on its own line
// and on the line after it (so it can stand at the end of the line or alone
// on the line above). A file-ignore directive suppresses them in the whole
// file. Checks are named by ID or by glob ("WL2*"). The reason is
// mandatory: a directive without one suppresses nothing and is reported as
// malformed (WL0001).
package directive

import (
	"bytes"
	"fmt"
	"go/scanner"
	"go/token"
	"path"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Prefix starts every directive.
const Prefix = "//winlint:"

// Kind is the kind of a directive.
type Kind int

const (
	Ignore     Kind = iota // //winlint:ignore: this line and the next
	FileIgnore             // //winlint:file-ignore: the whole file
)

func (k Kind) String() string {
	if k == FileIgnore {
		return "file-ignore"
	}
	return "ignore"
}

// A Directive is one //winlint: comment.
type Directive struct {
	Kind   Kind
	Checks []string // check IDs or globs, upper case
	Reason string
	Line   int // 1-based line of the comment
	Column int // 1-based byte column of the comment
	Offset int // byte offset of the comment
	End    int // byte offset just past the comment
	// Problem says why the directive is malformed ("" if it is not): no
	// check, a check that is not an ID or glob, no reason, an unknown verb.
	Problem string
}

var checkPattern = regexp.MustCompile(`^WL[0-9*?\[\]-]{1,4}[0-9*?\]]*$`)

// Parse returns the directives of a Go source file, in order. It looks only
// at line comments, never inside strings.
func Parse(src []byte) []*Directive {
	if !bytes.Contains(src, []byte(Prefix)) {
		return nil
	}
	var (
		s    scanner.Scanner
		fset = token.NewFileSet()
		out  []*Directive
	)
	file := fset.AddFile("", -1, len(src))
	s.Init(file, src, func(token.Position, string) {}, scanner.ScanComments)
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		if tok != token.COMMENT || !strings.HasPrefix(lit, Prefix) {
			continue
		}
		p := file.Position(pos)
		d := ParseComment(lit)
		d.Line, d.Column = p.Line, p.Column
		d.Offset = file.Offset(pos)
		d.End = d.Offset + len(lit)
		out = append(out, d)
	}
	return out
}

// ParseComment parses the text of one directive comment ("//winlint:…");
// the position fields are left zero.
func ParseComment(text string) *Directive {
	d := new(Directive)
	rest := strings.TrimPrefix(text, Prefix)
	verb, rest, _ := strings.Cut(rest, " ")
	switch strings.TrimSpace(verb) {
	case "ignore":
		d.Kind = Ignore
	case "file-ignore":
		d.Kind = FileIgnore
	default:
		d.Problem = "is not a directive (want " + Prefix + "ignore or " + Prefix + "file-ignore)"
		return d
	}
	fields := strings.Fields(rest)
	if len(fields) == 0 {
		d.Problem = "names no check (want " + Prefix + d.Kind.String() + " WLnnnn reason)"
		return d
	}
	for _, c := range strings.Split(fields[0], ",") {
		c = strings.ToUpper(strings.TrimSpace(c))
		if c == "" {
			continue
		}
		if _, err := path.Match(c, ""); err != nil || !checkPattern.MatchString(c) {
			d.Problem = "names " + Escape(c) + ", not a check ID or glob (want WLnnnn or WL2*)"
			return d
		}
		d.Checks = append(d.Checks, c)
	}
	if len(d.Checks) == 0 {
		d.Problem = "names no check (want " + Prefix + d.Kind.String() + " WLnnnn reason)"
		return d
	}
	d.Reason = strings.Join(fields[1:], " ")
	if d.Reason == "" {
		d.Problem = "gives no reason (write why the finding does not apply after the check IDs)"
	}
	return d
}

// Matches reports whether the directive names check id.
func (d *Directive) Matches(id string) bool {
	for _, c := range d.Checks {
		if ok, _ := path.Match(c, id); ok {
			return true
		}
	}
	return false
}

// Covers reports whether the directive applies to a finding of check id on
// the given line of its file. A malformed directive (one without a reason,
// for one) covers nothing.
func (d *Directive) Covers(id string, line int) bool {
	if d.Problem != "" || !d.Matches(id) {
		return false
	}
	return d.Kind == FileIgnore || line == d.Line || line == d.Line+1
}

// generatedHeader is the standard marker of generated Go files
// (https://go.dev/s/generatedcode).
var generatedHeader = regexp.MustCompile(`^// Code generated .* DO NOT EDIT\.$`)

// IsGenerated reports whether a Go source file carries the standard
// "Code generated ... DO NOT EDIT." comment before its package clause.
func IsGenerated(src []byte) bool {
	for len(src) > 0 {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		line = bytes.TrimSuffix(line, []byte("\r"))
		if generatedHeader.Match(line) {
			return true
		}
		if bytes.HasPrefix(bytes.TrimSpace(line), []byte("package ")) {
			return false
		}
	}
	return false
}

// Escape returns s, text of a directive to echo in a message, with control
// characters, bidirectional formatting characters (which reorder how a
// terminal or review tool shows the rest of the line, CVE-2021-42574) and
// invalid UTF-8 written as Go escapes (\x1b, \u202e).
func Escape(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			fmt.Fprintf(&b, `\x%02x`, s[i]) // invalid UTF-8
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			fmt.Fprintf(&b, `\x%02x`, r)
		case isBidi(r) || r == '\u2028' || r == '\u2029' || r == '\ufeff':
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isBidi reports whether r is a Unicode bidirectional formatting
// character.
func isBidi(r rune) bool {
	return r == '\u061c' || r == '\u200e' || r == '\u200f' ||
		(r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069')
}
