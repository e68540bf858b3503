package hosts

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/winlint/winlint/internal/snippet"
)

// TestGoVetAndGoFix runs the winlint binary as the go command's vet tool
// and fix tool (FACTS G3), for GOOS=windows from any host. Directives and
// skipping generated files are winlint-command features: go vet reports
// every finding; go fix applies every fix outside generated files.
func TestGoVetAndGoFix(t *testing.T) {
	requireTool(t, "sh", "the README's commands are shell commands")
	bin := winlintBinary(t)
	dir := hostsFixture(t)
	env := []string{"GOOS=windows", "GOFLAGS="}

	// The README's commands, run by sh with winlint on $PATH.
	cmds, err := snippet.Get(filepath.Join(repoRoot(t), "README.md"), "go-vet-fix")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(cmds), "\n")
	if len(lines) != 3 {
		t.Fatalf("README go-vet-fix snippet: want 3 commands, got %q", lines)
	}
	shEnv := append(slices.Clone(env), "PATH="+filepath.Dir(bin)+string(filepath.ListSeparator)+os.Getenv("PATH"))
	sh := func(line string) (string, int) { return run(t, dir, shEnv, "sh", "-c", line) }

	out, code := sh(lines[0])
	var got []string
	for _, m := range regexp.MustCompile(`(?m)^(\S+\.go):(\d+):\d+: .*\((WL\d{4})\)$`).FindAllStringSubmatch(out, -1) {
		got = append(got, m[1]+":"+m[2]+" "+m[3])
	}
	slices.Sort(got)
	want := []string{
		"fileignore.go:8 WL2001", "fileignore.go:9 WL2001", "gen.go:8 WL2001",
		"ignore.go:11 WL0001", "ignore.go:12 WL2004", "ignore.go:20 WL2001",
		"ignore.go:7 WL2001", "ignore.go:9 WL2001", "main.go:11 WL2001",
	}
	slices.Sort(want)
	if code != 1 || !slices.Equal(got, want) {
		t.Errorf("go vet -vettool=winlint: exit %d, findings\n\t%s\nwant exit 1 and\n\t%s\noutput:\n%s",
			code, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"), out)
	}

	// go vet forwards -checks to the tool.
	out, _ = sh(lines[1])
	if n := strings.Count(out, "(WL"); n != len(want)-1 || strings.Contains(out, "(WL0001)") {
		t.Errorf("%s: want the findings but WL0001's:\n%s", lines[1], out)
	}

	out, code = sh(lines[2])
	if code != 0 {
		t.Fatalf("%s: exit %d\n%s", lines[2], code, out)
	}
	for _, name := range []string{"main.go", "ignore.go", "fileignore.go"} {
		src := readFile(t, dir+"/"+name)
		if strings.Contains(src, `"tcp6"`) || strings.Contains(src, `"TCP"`) {
			t.Errorf("go fix -fixtool=winlint left a fixable finding in %s:\n%s\n%s", name, src, out)
		}
	}
	// go fix leaves generated files alone.
	if !strings.Contains(readFile(t, dir+"/gen.go"), `"tcp6"`) {
		t.Error("go fix changed the generated file gen.go")
	}
	// Fixed code builds and has nothing left to fix but in gen.go.
	mustRun(t, dir, env, "go", "build", "./...")
	out, _ = run(t, dir, env, "go", "vet", "-vettool="+bin, "-checks=WL2001,WL2004", "./...")
	if n := strings.Count(out, "(WL"); n != 1 || !strings.Contains(out, "gen.go:8:") {
		t.Errorf("go vet after go fix: want only gen.go:8 left:\n%s", out)
	}
}
