package hosts

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// jsonFindings runs winlint -f json with args in dir and returns its
// findings as "file:line ID" (file relative to dir) and the exit code.
func jsonFindings(t *testing.T, dir string, args ...string) ([]string, int) {
	t.Helper()
	bin := winlintBinary(t)
	out, code := run(t, dir, []string{"GOOS=", "GOFLAGS="}, bin, append([]string{"-f", "json"}, args...)...)
	var rep struct {
		Findings []struct {
			ID   string
			Posn struct {
				File string
				Line int
			}
		}
		Errors []struct{ Message string }
	}
	start := strings.Index(out, "{")
	if start < 0 {
		t.Fatalf("winlint %s: exit %d, no JSON:\n%s", strings.Join(args, " "), code, out)
	}
	dec := json.NewDecoder(strings.NewReader(out[start:]))
	if err := dec.Decode(&rep); err != nil {
		t.Fatalf("winlint %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	if len(rep.Errors) > 0 {
		t.Errorf("winlint %s: errors %+v", strings.Join(args, " "), rep.Errors)
	}
	var got []string
	for _, f := range rep.Findings {
		got = append(got, fmt.Sprintf("%s:%d %s", filepath.ToSlash(f.Posn.File), f.Posn.Line, f.ID))
	}
	slices.Sort(got)
	return got, code
}

// hostsFixture copies testdata/e2e/hosts to a temporary directory.
func hostsFixture(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join(repoRoot(t), "testdata", "e2e", "hosts")
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if err := copyFile(filepath.Join(src, e.Name()), filepath.Join(dir, e.Name())); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func expect(t *testing.T, what string, got, want []string) {
	t.Helper()
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("%s: findings\n\t%s\nwant\n\t%s", what, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

// TestDirectives checks //winlint:ignore and //winlint:file-ignore, the
// directive checks WL0001 and WL0002, and generated files, end to end.
func TestDirectives(t *testing.T) {
	dir := hostsFixture(t)
	base := []string{
		"clean.go:5 WL0002",   // a file without findings: its directive is stale
		"ignore.go:11 WL0001", // no reason: it suppresses nothing, ...
		"ignore.go:12 WL2004", // ... so the finding below it is reported
		"ignore.go:14 WL0002", // suppresses nothing
		"ignore.go:17 WL0001", // unknown check
		"ignore.go:20 WL2001", // nothing suppresses it
		"main.go:11 WL2001",
	}
	got, code := jsonFindings(t, dir, "./...")
	expect(t, "default run", got, base)
	if code != 3 {
		t.Errorf("exit %d, want 3", code)
	}

	got, _ = jsonFindings(t, dir, "-generated", "./...")
	expect(t, "-generated", got, append(slices.Clone(base), "gen.go:8 WL2001"))

	// listen_linux.go is compiled for linux only: its stale directive is
	// judged there.
	got, _ = jsonFindings(t, dir, "-goos=windows,linux", "./...")
	expect(t, "-goos=windows,linux", got, append(slices.Clone(base), "listen_linux.go:5 WL0002"))

	// A directive for a check that is not enabled is not judged.
	got, _ = jsonFindings(t, dir, "-checks=WL2001,WL0002", "./...")
	expect(t, "-checks=WL2001,WL0002", got, []string{"ignore.go:20 WL2001", "main.go:11 WL2001"})

	// -fix deletes stale directives (and applies the other fixes).
	_, _ = jsonFindings(t, dir, "-fix", "./...")
	data, err := os.ReadFile(filepath.Join(dir, "clean.go"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "winlint:ignore") {
		t.Errorf("-fix left the stale directive:\n%s", data)
	}
}

// TestNewFromRev checks -new-from-rev and -new-from-patch on a real git
// repository: only findings on lines a change added or modified count, and
// the merge base keeps changes merged into the target branch out.
func TestNewFromRev(t *testing.T) {
	requireTool(t, "git", "install git")
	dir := hostsFixture(t)
	gitRepo(t, dir)
	git := func(args ...string) string { return mustRun(t, dir, gitEnv, "git", args...) }
	git("branch", "-q", "feature")

	// main moves on: a finding merged into main after feature started.
	writeFiles(t, dir, map[string]string{"onmain.go": "package main\n\nimport \"net\"\n\nfunc onMain() { net.Listen(\"tcp6\", \":7001\") }\n"})
	git("add", "onmain.go")
	git("commit", "-q", "-m", "main: a finding")

	git("checkout", "-q", "feature")
	// The feature branch: a committed change modifying a line, ...
	src, err := os.ReadFile(filepath.Join(dir, "ignore.go"))
	if err != nil {
		t.Fatal(err)
	}
	modified := strings.Replace(string(src), `net.Listen("tcp", ":8085")`, `net.Listen("TCP", ":8085")`, 1)
	writeFiles(t, dir, map[string]string{"ignore.go": modified})
	git("commit", "-q", "-a", "-m", "feature: a modified line")
	// ... an unstaged change adding a line, and an untracked file.
	writeFiles(t, dir, map[string]string{
		"main.go":      strings.Replace(readFile(t, filepath.Join(dir, "main.go")), "\tserve()\n", "\tserve()\n\tnet.Listen(\"tcp6\", \":7002\")\n", 1),
		"untracked.go": "package main\n\nimport \"net\"\n\nfunc untracked() { net.Listen(\"tcp6\", \":7003\") }\n",
	})

	want := []string{
		"ignore.go:18 WL2004",   // the modified line
		"main.go:13 WL2001",     // the added line
		"untracked.go:5 WL2001", // a new file
	}
	base := strings.TrimSpace(git("merge-base", "main", "HEAD"))
	got, code := jsonFindings(t, dir, "-new-from-rev="+base, "./...")
	expect(t, "-new-from-rev=$(git merge-base main HEAD)", got, want)
	if code != 3 {
		t.Errorf("exit %d, want 3", code)
	}

	// Against main's tip, onmain.go (absent on feature) is not new either;
	// the same findings are new.
	got, _ = jsonFindings(t, dir, "-new-from-rev=main", "./...")
	expect(t, "-new-from-rev=main", got, want)

	// The same change as a patch file ("git diff", plus the new file).
	git("add", "-N", "untracked.go")
	patch := git("diff", base)
	pf := filepath.Join(t.TempDir(), "change.patch")
	if err := os.WriteFile(pf, []byte(patch), 0o644); err != nil {
		t.Fatal(err)
	}
	got, _ = jsonFindings(t, dir, "-new-from-patch="+pf, "./...")
	expect(t, "-new-from-patch", got, want)

	// No change, no findings, exit 0.
	got, code = jsonFindings(t, dir, "-new-from-patch="+os.DevNull, "./...")
	if len(got) != 0 || code != 0 {
		t.Errorf("empty patch: exit %d, findings %v", code, got)
	}
	if _, code := run(t, dir, nil, winlintBinary(t), "-new-from-rev=no-such-rev", "./..."); code != 1 {
		t.Errorf("-new-from-rev=no-such-rev: exit %d, want 1", code)
	}
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
