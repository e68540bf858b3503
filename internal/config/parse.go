package config

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// The file format is a subset of TOML (https://toml.io), the format of
// staticcheck.conf: top-level "key = value" pairs whose values are strings
// ("…" with backslash escapes, or '…' taken literally) or arrays of
// strings, which may span lines and end with a comma; "#" starts a comment.
// A file in this subset is a valid TOML file, so editors and TOML tools
// read it, but winlint needs no TOML library: the vet tool and the driver
// are one binary with few dependencies, and a hand-written parser of this
// subset reports every error with its line, which is what users need.
// Tables, numbers, booleans and dates, which winlint.conf has no use for,
// are errors.

// A value is a parsed right-hand side: one string or an array of them.
type value struct {
	line    int
	list    []string
	isArray bool
}

// A ParseError is an error in a configuration file, at a line.
type ParseError struct {
	File string
	Line int
	Msg  string
}

func (e *ParseError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

type parser struct {
	file string
	src  string
	pos  int
	line int
}

// parse reads the key/value pairs of a file, in order; keys are unique.
func parse(file string, src []byte) (keys []string, values map[string]*value, err error) {
	defer func() {
		if r := recover(); r != nil {
			pe, ok := r.(*ParseError)
			if !ok {
				panic(r)
			}
			keys, values, err = nil, nil, pe
		}
	}()
	if !utf8.Valid(src) {
		return nil, nil, &ParseError{File: file, Msg: "not UTF-8 text"}
	}
	p := &parser{file: file, src: strings.TrimPrefix(string(src), "\ufeff"), line: 1}
	values = make(map[string]*value)
	for {
		p.skipBlank(true)
		if p.pos >= len(p.src) {
			return keys, values, nil
		}
		line := p.line
		if p.src[p.pos] == '[' {
			p.fail("tables ([section]) are not supported: write top-level key = value pairs")
		}
		key := p.key()
		p.skipBlank(false)
		p.expect('=', "= after "+key)
		p.skipBlank(false)
		v := p.value()
		v.line = line
		if _, dup := values[key]; dup {
			p.failAt(line, "%s is set twice", key)
		}
		values[key] = v
		keys = append(keys, key)
		p.skipBlank(false)
		if p.pos < len(p.src) && p.src[p.pos] != '\n' {
			p.fail("unexpected %q after the value of %s", p.rest(), key)
		}
	}
}

func (p *parser) fail(format string, args ...any) { p.failAt(p.line, format, args...) }

func (p *parser) failAt(line int, format string, args ...any) {
	panic(&ParseError{File: p.file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// rest is the text from the current position to the end of the line.
func (p *parser) rest() string {
	s := p.src[p.pos:]
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

// skipBlank skips spaces, tabs, comments and, with newlines set, line
// breaks.
func (p *parser) skipBlank(newlines bool) {
	for p.pos < len(p.src) {
		switch c := p.src[p.pos]; {
		case c == ' ' || c == '\t' || c == '\r':
			p.pos++
		case c == '#':
			for p.pos < len(p.src) && p.src[p.pos] != '\n' {
				p.pos++
			}
		case c == '\n' && newlines:
			p.pos++
			p.line++
		default:
			return
		}
	}
}

func (p *parser) expect(c byte, what string) {
	if p.pos >= len(p.src) || p.src[p.pos] != c {
		p.fail("want %s, found %q", what, p.rest())
	}
	p.pos++
}

func (p *parser) key() string {
	start := p.pos
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' {
			p.pos++
			continue
		}
		break
	}
	if p.pos == start {
		p.fail("want a key (checks, exclude), found %q", p.rest())
	}
	return p.src[start:p.pos]
}

func (p *parser) value() *value {
	if p.pos < len(p.src) && p.src[p.pos] == '[' {
		p.pos++
		v := &value{isArray: true, list: []string{}}
		for {
			p.skipBlank(true)
			if p.pos < len(p.src) && p.src[p.pos] == ']' {
				p.pos++
				return v
			}
			v.list = append(v.list, p.str())
			p.skipBlank(true)
			if p.pos < len(p.src) && p.src[p.pos] == ',' {
				p.pos++
				continue
			}
			p.skipBlank(true)
			p.expect(']', ", or ] in the array")
			return v
		}
	}
	return &value{list: []string{p.str()}}
}

// str parses a basic ("…") or literal ('…') one-line string.
func (p *parser) str() string {
	if p.pos >= len(p.src) || (p.src[p.pos] != '"' && p.src[p.pos] != '\'') {
		p.fail("want a string in quotes, found %q", p.rest())
	}
	quote := p.src[p.pos]
	if strings.HasPrefix(p.src[p.pos:], `"""`) || strings.HasPrefix(p.src[p.pos:], `'''`) {
		p.fail("multi-line strings are not supported")
	}
	p.pos++
	var b strings.Builder
	for {
		if p.pos >= len(p.src) || p.src[p.pos] == '\n' {
			p.fail("string not terminated")
		}
		c := p.src[p.pos]
		p.pos++
		switch {
		case c == quote:
			return b.String()
		case c == '\\' && quote == '"':
			if p.pos >= len(p.src) {
				p.fail("string not terminated")
			}
			e := p.src[p.pos]
			p.pos++
			switch e {
			case '"', '\\':
				b.WriteByte(e)
			case 't':
				b.WriteByte('\t')
			default:
				p.fail(`unsupported escape \%c (write \\ for a backslash, or use '…' strings)`, e)
			}
		default:
			b.WriteByte(c)
		}
	}
}
