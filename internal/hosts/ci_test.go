package hosts

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/winlint/winlint/internal/snippet"
)

// TestCIRunsREADMETestCommand checks that .ci/run runs the README's test
// command verbatim (it reads it from the README's test-command snippet), and
// that the command gives go test a timeout the cold golangci-lint build of
// the plugin's end-to-end test fits in (go test's default is 10 minutes; a
// cold build alone took about 17).
func TestCIRunsREADMETestCommand(t *testing.T) {
	requireTool(t, "bash", "install bash")
	root := repoRoot(t)
	want, err := snippet.Get(filepath.Join(root, "README.md"), "test-command")
	if err != nil {
		t.Fatal(err)
	}
	got := mustRun(t, root, nil, "bash", filepath.Join(root, ".ci", "run"), "--print-test-command")
	if got != want {
		t.Errorf(".ci/run runs %q, README says %q", got, want)
	}
	script, err := os.ReadFile(filepath.Join(root, ".ci", "run"))
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^eval "\$test_command"$`).Match(script) {
		t.Errorf(".ci/run does not run $test_command")
	}
	m := regexp.MustCompile(`^go test -timeout (\S+) (.*)\n$`).FindStringSubmatch(want)
	if m == nil {
		t.Fatalf("README test command %q: want go test -timeout D ./...", want)
	}
	if d, err := time.ParseDuration(m[1]); err != nil || d < 45*time.Minute {
		t.Errorf("README test command: -timeout %s, want at least 45m (a cold golangci-lint build takes about 20)", m[1])
	}
	if strings.TrimSpace(m[2]) != "./..." {
		t.Errorf("README test command runs %q, want ./...", m[2])
	}
}
