package hosts

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/winlint/winlint/internal/snippet"
)

// actionSpec is what the test reads from action.yml: the inputs' defaults
// and the environment its step maps the inputs to.
type actionSpec struct {
	defaults map[string]string // input → default
	env      map[string]string // variable → input
	run      string
}

var inputRef = regexp.MustCompile(`^\$\{\{ inputs\.([a-z-]+) \}\}$`)

// readAction parses action.yml line by line (it is plain block YAML).
func readAction(t *testing.T, path string) *actionSpec {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	spec := &actionSpec{defaults: map[string]string{}, env: map[string]string{}}
	var section, input string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		indent := len(line) - len(strings.TrimLeft(line, " "))
		key, value, _ := strings.Cut(strings.TrimPrefix(trimmed, "- "), ":")
		value = unquoteYAML(strings.TrimSpace(value))
		switch {
		case indent == 0:
			section = key
		case section == "inputs" && indent == 2:
			input = key
			spec.defaults[input] = ""
		case section == "inputs" && indent == 4 && key == "default":
			spec.defaults[input] = value
		case section == "runs" && indent == 8 && inputRef.MatchString(value):
			spec.env[key] = inputRef.FindStringSubmatch(value)[1]
		case section == "runs" && key == "run":
			spec.run = value
		}
	}
	return spec
}

func unquoteYAML(s string) string {
	if len(s) >= 2 && (s[0] == '"' && s[len(s)-1] == '"' || s[0] == '\'' && s[len(s)-1] == '\'') {
		return s[1 : len(s)-1]
	}
	return s
}

// workflowSteps returns the with: inputs of each step of a workflow that
// uses the winlint action.
func workflowSteps(t *testing.T, workflow string) []map[string]string {
	t.Helper()
	var (
		steps   []map[string]string
		cur     map[string]string
		inWith  bool
		withInd int
	)
	for _, line := range strings.Split(workflow, "\n") {
		trimmed := strings.TrimSpace(line)
		indent := len(line) - len(strings.TrimLeft(line, " "))
		switch {
		case strings.HasPrefix(trimmed, "- ") || (cur != nil && inWith && indent < withInd && trimmed != ""):
			inWith = false
			if strings.HasPrefix(trimmed, "- ") {
				cur = nil
			}
		}
		key, value, _ := strings.Cut(strings.TrimPrefix(trimmed, "- "), ":")
		value = unquoteYAML(strings.TrimSpace(value))
		switch {
		case key == "uses" && strings.HasPrefix(value, "winlint/winlint@"):
			cur = map[string]string{}
			steps = append(steps, cur)
		case cur != nil && key == "with":
			inWith, withInd = true, indent+2
		case cur != nil && inWith && indent == withInd:
			cur[key] = value
		}
	}
	return steps
}

// TestGitHubAction runs the composite action's step as GitHub would for
// each winlint step of the README's workflow: with the environment
// action.yml maps its inputs to (the step's with: values, else the
// defaults), GITHUB_ACTION_PATH at this checkout and GITHUB_OUTPUT.
func TestGitHubAction(t *testing.T) {
	if testing.Short() {
		t.Skip("builds winlint with go install")
	}
	requireTool(t, "git", "install git")
	requireTool(t, "bash", "the action's step is a bash script")
	root := repoRoot(t)
	spec := readAction(t, filepath.Join(root, "action.yml"))
	if spec.run != `"$GITHUB_ACTION_PATH/action/winlint.sh"` || len(spec.env) < 7 {
		t.Fatalf("action.yml: run %q, env %v", spec.run, spec.env)
	}
	workflow, err := snippet.Get(filepath.Join(root, "README.md"), "github-workflow")
	if err != nil {
		t.Fatal(err)
	}
	steps := workflowSteps(t, workflow)
	if len(steps) != 2 || steps[0]["format"] != "sarif" || steps[1]["format"] != "github" {
		t.Fatalf("README workflow: winlint steps %v, want a sarif and a github step", steps)
	}

	// The repository the workflow checks out: a pull request adding one
	// finding to the fixture.
	repo := hostsFixture(t)
	gitRepo(t, repo)
	base := strings.TrimSpace(mustRun(t, repo, gitEnv, "git", "rev-parse", "HEAD"))
	writeFiles(t, repo, map[string]string{"pr.go": "package main\n\nimport \"net\"\n\nfunc pr() { net.Listen(\"tcp6\", \":7100\") }\n"})
	mustRun(t, repo, gitEnv, "git", "add", "pr.go")
	mustRun(t, repo, gitEnv, "git", "commit", "-q", "-m", "pull request")

	gobin := t.TempDir()
	for i, with := range steps {
		outputs := filepath.Join(t.TempDir(), "github_output")
		env := []string{
			"GITHUB_ACTION_PATH=" + root, "GITHUB_OUTPUT=" + outputs, "GOBIN=" + gobin, "GOOS=", "GOFLAGS=",
		}
		for name, input := range spec.env {
			v, ok := with[input]
			if !ok {
				v = spec.defaults[input]
			}
			if v == "${{ steps.base.outputs.rev }}" {
				v = base // what the workflow's merge-base step computes
			}
			env = append(env, name+"="+v)
		}
		out, code := run(t, repo, env, "bash", filepath.Join(root, "action", "winlint.sh"))
		outData, _ := os.ReadFile(outputs)
		switch i {
		case 0: // code scanning: SARIF, findings do not fail the step
			if code != 0 || !strings.Contains(string(outData), "exit-code=3") {
				t.Fatalf("sarif step: exit %d, outputs %q, want 0 and exit-code=3:\n%s", code, outData, out)
			}
			m := regexp.MustCompile(`(?m)^sarif-file=(.*)$`).FindStringSubmatch(string(outData))
			if m == nil {
				t.Fatalf("no sarif-file output: %q", outData)
			}
			validateSARIF(t, m[1])
		case 1: // pull request: annotations on the new line only, step fails
			var ann []string
			for _, l := range strings.Split(out, "\n") {
				if strings.HasPrefix(l, "::") {
					ann = append(ann, l)
				}
			}
			if code != 3 || len(ann) != 1 || !strings.HasPrefix(ann[0], "::warning file=pr.go,line=5,") {
				t.Fatalf("github step: exit %d, annotations %q, want exit 3 and one on pr.go:5:\n%s", code, ann, out)
			}
		}
	}
}
