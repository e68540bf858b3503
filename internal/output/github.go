package output

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/winlint/winlint/internal/catalog"
)

// GitHub writes one workflow command per finding, which GitHub Actions
// shows as an annotation on the pull request's diff:
//
//	::warning file=pkg/a.go,line=12,col=3,endLine=12,endColumn=9,title=WL2001 …::message (WL2001)
//
// Files are relative to the repository root; columns count UTF-16 code
// units. Severities map error→error, warning→warning, note→notice. Errors
// (packages that failed to load) become ::error commands. Property values
// escape %, CR, LF, ':' and ','; messages escape %, CR and LF (FACTS G7).
func GitHub(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	for _, f := range r.Findings {
		sev, title := catalog.Warning, f.ID
		if f.Check != nil {
			sev, title = f.Check.Severity, f.ID+": "+f.Check.Title
		}
		props := []string{"file=" + escapeProperty(r.RootPath(f.Posn.File))}
		if f.Posn.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", f.Posn.Line))
			if f.Posn.Column > 0 {
				props = append(props, fmt.Sprintf("col=%d", r.utf16Column(f.Posn)))
			}
			if f.End.File == f.Posn.File && f.End.Line >= f.Posn.Line && f.End.Column > 0 {
				props = append(props, fmt.Sprintf("endLine=%d", f.End.Line))
				if f.End.Line == f.Posn.Line {
					props = append(props, fmt.Sprintf("endColumn=%d", r.utf16Column(f.End)))
				}
			}
		}
		props = append(props, "title="+escapeProperty(title))
		msg := catalog.WithID(f.Message, f.ID)
		if goos := r.PartialGOOS(f.GOOS); goos != nil {
			msg += " [" + strings.Join(goos, ",") + "]"
		}
		fmt.Fprintf(bw, "::%s %s::%s\n", githubLevel(sev), strings.Join(props, ","), escapeData(msg))
	}
	for _, e := range r.Errors {
		msg := e.Message
		if e.Analyzer != "" {
			msg = e.Analyzer + ": " + msg
		}
		if e.Package != "" {
			msg = e.Package + ": " + msg
		}
		props := []string{"title=" + escapeProperty("winlint could not analyze a package")}
		if e.Posn.IsValid() {
			props = append([]string{
				"file=" + escapeProperty(r.RootPath(e.Posn.File)),
				fmt.Sprintf("line=%d", e.Posn.Line),
			}, props...)
		}
		fmt.Fprintf(bw, "::error %s::%s\n", strings.Join(props, ","), escapeData(msg))
	}
	return bw.Flush()
}

func githubLevel(s catalog.Severity) string {
	switch s {
	case catalog.Error:
		return "error"
	case catalog.Note:
		return "notice"
	}
	return "warning"
}

// escapeData escapes a workflow command's message.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
