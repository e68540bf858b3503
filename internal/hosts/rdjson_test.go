package hosts

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// rdformatValidatorVersion is the npm package @umbrelladocs/rdformat-validator
// the test validates rdjson with (reviewdog itself does not build from the
// module proxy here).
const rdformatValidatorVersion = "1.0.1"

// TestRDJSON validates winlint's -f rdjson output against the Reviewdog
// Diagnostic Format in strict mode with no extra fields, and checks the
// upper-case severities and the suggestions made from fixes.
func TestRDJSON(t *testing.T) {
	cache, err := os.UserCacheDir()
	if err != nil {
		t.Fatal(err)
	}
	prefix := filepath.Join(cache, "winlint-rdformat", rdformatValidatorVersion)
	validator := filepath.Join(prefix, "node_modules", ".bin", "rdformat-validator")
	if _, err := os.Stat(validator); err != nil {
		npm := requireTool(t, "npm", "install Node.js and npm (the test installs @umbrelladocs/rdformat-validator with npm)")
		if err := os.MkdirAll(prefix, 0o755); err != nil {
			t.Fatal(err)
		}
		mustRun(t, prefix, nil, npm, "install", "--no-audit", "--no-fund", "--prefix", prefix,
			"@umbrelladocs/rdformat-validator@"+rdformatValidatorVersion)
	}
	requireTool(t, "node", "install Node.js")

	dir := hostsFixture(t)
	out, code := run(t, dir, []string{"GOOS="}, winlintBinary(t), "-f", "rdjson", "./...")
	if code != 3 {
		t.Fatalf("winlint -f rdjson: exit %d, want 3:\n%s", code, out)
	}
	file := filepath.Join(t.TempDir(), "winlint.rdjson")
	if err := os.WriteFile(file, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	res, vcode := run(t, dir, nil, validator, "--strict", "--no-extra-fields", file)
	if vcode != 0 || !strings.Contains(res, "Total errors: 0") || !strings.Contains(res, "Total warnings: 0") {
		t.Fatalf("rdformat-validator --strict --no-extra-fields: exit %d\n%s", vcode, res)
	}

	var rd struct {
		Diagnostics []struct {
			Severity    string
			Location    struct{ Path string }
			Code        struct{ Value string }
			Suggestions []struct {
				Text string
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &rd); err != nil {
		t.Fatal(err)
	}
	suggested := false
	for _, d := range rd.Diagnostics {
		if d.Severity != strings.ToUpper(d.Severity) || d.Severity == "" {
			t.Errorf("%s in %s: severity %q", d.Code.Value, d.Location.Path, d.Severity)
		}
		if d.Code.Value == "WL2001" && d.Location.Path == "main.go" && len(d.Suggestions) == 1 && d.Suggestions[0].Text == `"tcp"` {
			suggested = true
		}
	}
	if !suggested {
		t.Errorf("no suggestion \"tcp\" for WL2001 in main.go:\n%s", out)
	}
}
