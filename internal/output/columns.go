package output

import (
	"unicode/utf16"
	"unicode/utf8"

	"github.com/winlint/winlint/internal/driver"
)

// lineText returns the text of the 1-based line of file (without its line
// ending), or false if the file cannot be read or is shorter.
func (r *Report) lineText(file string, line int) ([]byte, bool) {
	if r.Sources == nil || line < 1 {
		return nil, false
	}
	start := r.Sources.Offset(file, line, 1)
	if start < 0 {
		return nil, false
	}
	data, err := r.Sources.Read(file)
	if err != nil {
		return nil, false
	}
	end := start
	for end < len(data) && data[end] != '\n' {
		end++
	}
	text := data[start:end]
	if n := len(text); n > 0 && text[n-1] == '\r' {
		text = text[:n-1]
	}
	return text, true
}

// utf16Column converts the 1-based byte column of p, as go/token counts,
// to a 1-based column in UTF-16 code units, as SARIF (columnKind
// utf16CodeUnits) and GitHub count. When the line cannot be read, the byte
// column is returned.
func (r *Report) utf16Column(p driver.Position) int {
	if p.Column <= 1 {
		return p.Column
	}
	text, ok := r.lineText(p.File, p.Line)
	if !ok {
		return p.Column
	}
	prefix := text
	if p.Column-1 < len(prefix) {
		prefix = prefix[:p.Column-1]
	}
	units := 0
	for len(prefix) > 0 {
		ru, size := utf8.DecodeRune(prefix)
		prefix = prefix[size:]
		if utf16.RuneLen(ru) == 2 {
			units += 2
		} else {
			units++
		}
	}
	// A column past the end of the text (the newline) keeps its distance.
	if extra := p.Column - 1 - len(text); extra > 0 {
		units += extra
	}
	return units + 1
}

// lineColumn converts a 0-based byte offset of file to a 1-based line and
// 1-based byte column; ok is false if the file cannot be read or the
// offset is out of range.
func (r *Report) lineColumn(file string, offset int) (line, column int, ok bool) {
	if r.Sources == nil {
		return 0, 0, false
	}
	return r.Sources.LineColumn(file, offset) // not a scan from the start per edit
}
