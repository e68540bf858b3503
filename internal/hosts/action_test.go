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

// workflowStep is a step of a workflow job: its uses:, id:, if: and with:
// inputs.
type workflowStep struct {
	uses, id, cond string
	with           map[string]string
}

// workflowSteps returns the steps of a workflow (of all its jobs, in order).
func workflowSteps(t *testing.T, workflow string) []*workflowStep {
	t.Helper()
	var (
		steps   []*workflowStep
		cur     *workflowStep
		inSteps bool
		stepInd int
		inWith  bool
		withInd int
	)
	for _, line := range strings.Split(workflow, "\n") {
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		indent := len(line) - len(strings.TrimLeft(line, " "))
		if trimmed == "steps:" {
			inSteps, stepInd, cur, inWith = true, -1, nil, false
			continue
		}
		if inSteps && stepInd >= 0 && indent < stepInd {
			inSteps, cur, inWith = false, nil, false
		}
		if !inSteps {
			continue
		}
		if strings.HasPrefix(trimmed, "- ") && (stepInd < 0 || indent == stepInd) {
			stepInd = indent
			cur = &workflowStep{with: map[string]string{}}
			steps = append(steps, cur)
			inWith = false
			indent += 2
			trimmed = strings.TrimPrefix(trimmed, "- ")
		}
		if cur == nil {
			continue
		}
		if inWith && indent < withInd {
			inWith = false
		}
		key, value, _ := strings.Cut(trimmed, ":")
		value = unquoteYAML(strings.TrimSpace(value))
		switch {
		case inWith && indent == withInd:
			cur.with[key] = value
		case indent == stepInd+2 && key == "with":
			inWith, withInd = true, indent+2
		case indent == stepInd+2 && key == "uses":
			cur.uses = value
		case indent == stepInd+2 && key == "id":
			cur.id = value
		case indent == stepInd+2 && key == "if":
			cur.cond = value
		}
	}
	return steps
}

// evalIf evaluates the subset of GitHub's expression syntax a step's if:
// uses here: ${{ }}, &&, || (no parentheses), !, the status functions, and
// steps.<id>.outputs.<name> compared with == or != to a string in single quotes. An
// empty condition is success(). failed says whether an earlier step failed.
func evalIf(t *testing.T, cond string, failed bool, outputs map[string]string) bool {
	t.Helper()
	cond = strings.TrimSpace(cond)
	if strings.HasPrefix(cond, "${{") && strings.HasSuffix(cond, "}}") {
		cond = strings.TrimSpace(cond[3 : len(cond)-2])
	}
	if !regexp.MustCompile(`\b(always|success|failure|cancelled)\(\)`).MatchString(cond) {
		// GitHub adds success() to a condition without a status function.
		if cond == "" {
			cond = "success()"
		} else {
			cond = "success() && " + cond
		}
	}
	operand := regexp.MustCompile(`^steps\.([\w-]+)\.outputs\.([\w-]+)\s*(==|!=)\s*'([^']*)'$`)
	for _, or := range strings.Split(cond, "||") {
		all := true
		for _, atom := range strings.Split(or, "&&") {
			atom = strings.TrimSpace(atom)
			neg := strings.HasPrefix(atom, "!")
			atom = strings.TrimSpace(strings.TrimPrefix(atom, "!"))
			var v bool
			switch {
			case atom == "always()":
				v = true
			case atom == "success()":
				v = !failed
			case atom == "failure()":
				v = failed
			case atom == "cancelled()":
				v = false
			case operand.MatchString(atom):
				m := operand.FindStringSubmatch(atom)
				v = (outputs[m[1]+"."+m[2]] == m[4]) == (m[3] == "==")
			default:
				t.Fatalf("if: %q: cannot evaluate %q", cond, atom)
			}
			if v == neg {
				all = false
			}
		}
		if all {
			return true
		}
	}
	return false
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
	all := workflowSteps(t, workflow)
	var steps []map[string]string
	var upload *workflowStep // the step after the sarif step
	for i, s := range all {
		if strings.HasPrefix(s.uses, "winlint/winlint@") {
			steps = append(steps, s.with)
			if s.with["format"] == "sarif" && i+1 < len(all) {
				upload = all[i+1]
				if s.id != "winlint" {
					t.Fatalf("README workflow: the sarif step's id is %q; the test reads steps.winlint.outputs", s.id)
				}
			}
		}
	}
	if len(steps) != 2 || steps[0]["format"] != "sarif" || steps[1]["format"] != "github" {
		t.Fatalf("README workflow: winlint steps %v, want a sarif and a github step", steps)
	}
	if upload == nil || !strings.HasPrefix(upload.uses, "github/codeql-action/upload-sarif@") ||
		upload.with["sarif_file"] != "${{ steps.winlint.outputs.sarif-file }}" {
		t.Fatalf("README workflow: the step after the sarif step is %+v, want upload-sarif of steps.winlint.outputs.sarif-file", upload)
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
		case 0: // code scanning: SARIF written, findings fail the step, the upload still runs
			if code != 3 || !strings.Contains(string(outData), "exit-code=3") {
				t.Fatalf("sarif step: exit %d, outputs %q, want 3 (findings fail the step) and exit-code=3:\n%s", code, outData, out)
			}
			m := regexp.MustCompile(`(?m)^sarif-file=(.*)$`).FindStringSubmatch(string(outData))
			if m == nil {
				t.Fatalf("no sarif-file output: %q", outData)
			}
			validateSARIF(t, m[1])
			if !evalIf(t, upload.cond, true, map[string]string{"winlint.sarif-file": m[1]}) {
				t.Errorf("README workflow: upload-sarif (if: %q) is skipped when the winlint step fails on findings", upload.cond)
			}
			if evalIf(t, upload.cond, true, map[string]string{}) {
				t.Errorf("README workflow: upload-sarif (if: %q) runs when winlint wrote no SARIF (failed to install)", upload.cond)
			}
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
