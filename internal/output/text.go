package output

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/winlint/winlint/internal/catalog"
)

// Text writes one line per finding, sorted by file, line, column and ID:
//
//	path/file.go:12:3: message (WL2001)
//
// followed by one indented line per related position. When several GOOS
// values were analysed, a finding reported for only some of them ends with
// those values in brackets: "... (WL2002) [windows]".
func Text(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	for _, f := range r.Findings {
		fmt.Fprintf(bw, "%s: %s", r.Position(f.Posn), catalog.WithID(f.Message, f.ID))
		if goos := r.PartialGOOS(f.GOOS); goos != nil {
			fmt.Fprintf(bw, " [%s]", strings.Join(goos, ","))
		}
		bw.WriteByte('\n')
		for _, rel := range f.Related {
			fmt.Fprintf(bw, "\t%s: %s\n", r.Position(rel.Posn), rel.Message)
		}
	}
	return bw.Flush()
}

// WriteErrors writes the report's errors the way the go command does: a
// "# package" line before the errors of each package (with the GOOS values
// in brackets when only some of the analysed ones failed), then one error
// per line, "file:line:col: message" for those with a position. An error
// outside any package block names its GOOS values at its end instead.
func WriteErrors(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	header := ""
	for _, e := range r.Errors {
		h, suffix := e.Package, ""
		if goos := r.PartialGOOS(e.GOOS); goos != nil {
			suffix = " [" + strings.Join(goos, ",") + "]"
		}
		if h != "" {
			h, suffix = h+suffix, ""
		}
		if h != header {
			header = h
			if h != "" {
				fmt.Fprintf(bw, "# %s\n", h)
			}
		}
		msg := e.Message + suffix
		if e.Analyzer != "" {
			msg = e.Analyzer + ": " + msg
		}
		if e.Posn.IsValid() {
			fmt.Fprintf(bw, "%s: %s\n", r.Position(e.Posn), msg)
		} else {
			fmt.Fprintf(bw, "%s\n", msg)
		}
	}
	return bw.Flush()
}
