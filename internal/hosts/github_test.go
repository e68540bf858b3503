package hosts

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestGitHubAnnotations runs winlint -f github in a module below a
// repository's root and parses its output as GitHub's runner does
// (internal/output has the escaping tests): one annotation per finding of
// -f json, with the file relative to the repository root.
func TestGitHubAnnotations(t *testing.T) {
	repo := t.TempDir()
	mod := filepath.Join(repo, "svc")
	if err := os.Rename(hostsFixture(t), mod); err != nil {
		t.Fatal(err)
	}
	gitRepo(t, repo)
	bin := winlintBinary(t)
	out, code := run(t, mod, []string{"GOOS="}, bin, "-f", "github", "./...")
	if code != 3 {
		t.Fatalf("exit %d, want 3:\n%s", code, out)
	}
	jsonOut, _ := run(t, mod, []string{"GOOS="}, bin, "-f", "json", "./...")
	var rep struct {
		Findings []struct {
			ID, Severity, Message string
			Posn                  struct {
				File string
				Line int
			}
		}
	}
	if err := json.Unmarshal([]byte(jsonOut), &rep); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "::") {
			lines = append(lines, l)
		}
	}
	if len(lines) != len(rep.Findings) {
		t.Fatalf("%d annotations for %d findings:\n%s", len(lines), len(rep.Findings), out)
	}
	unprop := strings.NewReplacer("%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",", "%25", "%")
	undata := strings.NewReplacer("%0D", "\r", "%0A", "\n", "%25", "%")
	level := map[string]string{"error": "error", "warning": "warning", "note": "notice"}
	for i, l := range lines {
		head, msg, ok := strings.Cut(l[2:], "::")
		if !ok {
			t.Fatalf("malformed %q", l)
		}
		cmd, props, _ := strings.Cut(head, " ")
		p := map[string]string{}
		for _, kv := range strings.Split(props, ",") {
			k, v, _ := strings.Cut(kv, "=")
			p[k] = unprop.Replace(v)
		}
		f := rep.Findings[i]
		if cmd != level[f.Severity] || p["file"] != "svc/"+filepath.ToSlash(f.Posn.File) ||
			p["line"] != strconv.Itoa(f.Posn.Line) || !strings.HasPrefix(p["title"], f.ID+": ") ||
			undata.Replace(msg) != f.Message+" ("+f.ID+")" {
			t.Errorf("annotation %q does not match finding %+v", l, f)
		}
	}
}
