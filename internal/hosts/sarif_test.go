package hosts

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"unicode/utf16"
)

// sarifMultitoolVersion is the npm package version of the SARIF validator
// the test installs when none is given.
const sarifMultitoolVersion = "5.7.0"

// sarifMultitool returns the path of the SARIF Multitool executable:
// $WINLINT_SARIF_MULTITOOL, or the npm package @microsoft/sarif-multitool
// installed (once) under $HOME/.cache/winlint-sarif. The executable is run
// directly: npm's wrapper passes its arguments through a shell, which
// splits "Gh;Sarif".
func sarifMultitool(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("WINLINT_SARIF_MULTITOOL"); p != "" {
		return p
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		t.Fatal(err)
	}
	prefix := filepath.Join(cache, "winlint-sarif", sarifMultitoolVersion)
	plat := map[string]string{"linux": "linux", "darwin": "darwin", "windows": "win32"}[runtime.GOOS]
	exe := filepath.Join(prefix, "node_modules", "@microsoft", "sarif-multitool-"+plat, "Sarif.Multitool")
	if runtime.GOOS == "windows" {
		exe += ".exe"
	}
	if _, err := os.Stat(exe); err != nil {
		npm := requireTool(t, "npm", "install Node.js and npm (the test installs @microsoft/sarif-multitool with npm)")
		if err := os.MkdirAll(prefix, 0o755); err != nil {
			t.Fatal(err)
		}
		mustRun(t, prefix, nil, npm, "install", "--no-audit", "--no-fund", "--prefix", prefix,
			"@microsoft/sarif-multitool@"+sarifMultitoolVersion)
	}
	// npm may not run the package's postinstall script (chmod u+x).
	if err := os.Chmod(exe, 0o755); err != nil {
		t.Fatal(err)
	}
	return exe
}

// ajvVersion and ajvFormatsVersion are the npm packages with which the test
// validates SARIF against its JSON schema.
const (
	ajvVersion        = "8.20.0"
	ajvFormatsVersion = "3.0.1"
)

// ajvScript validates the JSON document argv[3] against the JSON schema
// (draft 2020-12) argv[2], printing every error; exit 1 when invalid.
const ajvScript = `const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats").default;
const fs = require("fs");
const [schemaFile, docFile] = process.argv.slice(2);
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, "utf8")));
if (validate(JSON.parse(fs.readFileSync(docFile, "utf8")))) {
  console.log("valid");
  process.exit(0);
}
for (const e of validate.errors) console.log((e.instancePath || "/") + ": " + e.message + " " + JSON.stringify(e.params));
process.exit(1);
`

// sarifSchemaValidator returns the node executable and the script that
// validates a file against the SARIF 2.1.0 JSON schema, and the schema:
// sarif-2.1.0.json as the SARIF Multitool's npm package ships it, checked
// with ajv (and ajv-formats for its "uri" and "date-time" formats),
// installed (once) under $HOME/.cache/winlint-sarif.
func sarifSchemaValidator(t *testing.T) (node, script, schema string) {
	t.Helper()
	schema = filepath.Join(filepath.Dir(sarifMultitool(t)), "sarif-2.1.0.json")
	if data, err := os.ReadFile(schema); err != nil || !strings.Contains(string(data), "SARIF) Version 2.1.0 JSON Schema") {
		t.Fatalf("the SARIF Multitool package has no SARIF 2.1.0 schema at %s: %v", schema, err)
	}
	node = requireTool(t, "node", "install Node.js and npm (the test validates SARIF with ajv)")
	cache, err := os.UserCacheDir()
	if err != nil {
		t.Fatal(err)
	}
	prefix := filepath.Join(cache, "winlint-sarif", "ajv-"+ajvVersion+"-formats-"+ajvFormatsVersion)
	if _, err := os.Stat(filepath.Join(prefix, "node_modules", "ajv-formats", "package.json")); err != nil {
		npm := requireTool(t, "npm", "install Node.js and npm (the test installs ajv with npm)")
		if err := os.MkdirAll(prefix, 0o755); err != nil {
			t.Fatal(err)
		}
		mustRun(t, prefix, nil, npm, "install", "--no-audit", "--no-fund", "--prefix", prefix,
			"ajv@"+ajvVersion, "ajv-formats@"+ajvFormatsVersion)
	}
	script = filepath.Join(prefix, "validate-sarif.js")
	if data, err := os.ReadFile(script); err != nil || string(data) != ajvScript {
		if err := os.WriteFile(script, []byte(ajvScript), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return node, script, schema
}

// sarifSchemaErrors validates file against the SARIF 2.1.0 JSON schema and
// returns the validator's report and whether it accepted the file.
func sarifSchemaErrors(t *testing.T, file string) (string, bool) {
	t.Helper()
	node, script, schema := sarifSchemaValidator(t)
	out, code := run(t, filepath.Dir(script), nil, node, script, schema, file)
	if code != 0 && code != 1 {
		t.Fatalf("ajv: exit %d:\n%s", code, out)
	}
	return out, code == 0 && strings.TrimSpace(out) == "valid"
}

// validateSARIF validates file against the SARIF 2.1.0 JSON schema, then
// runs the SARIF Multitool on it with GitHub's and SARIF's rules, and fails
// the test on any schema error, or rule error or warning.
func validateSARIF(t *testing.T, file string) {
	t.Helper()
	if out, ok := sarifSchemaErrors(t, file); !ok {
		t.Fatalf("%s does not validate against the SARIF 2.1.0 schema:\n%s", file, out)
	}
	cmd := exec.Command(sarifMultitool(t), "validate", "--rule-kind", "Gh;Sarif", file)
	out, err := cmd.CombinedOutput()
	problems := regexp.MustCompile(`(?m)^.*: (error|warning) [A-Z]+[0-9]+.*$`).FindAllString(string(out), -1)
	if err != nil || len(problems) > 0 || !strings.Contains(string(out), "1 files scanned") {
		t.Fatalf("SARIF Multitool validate --rule-kind Gh;Sarif %s: %v\n%s", file, err, out)
	}
}

type sarifLog struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Name  string
				Rules []struct {
					ID               string
					ShortDescription struct{ Text string }
					FullDescription  struct{ Text string }
					Help             struct{ Text, Markdown string }
					HelpURI          string
				}
			}
		}
		AutomationDetails  struct{ ID string }
		ColumnKind         string
		OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
		Results            []struct {
			RuleID    string
			Level     string
			Message   struct{ Text string }
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI       string
						URIBaseID string `json:"uriBaseId"`
					}
					Region struct{ StartLine, StartColumn, EndLine, EndColumn int }
				}
			}
			PartialFingerprints map[string]string
		}
	}
}

// TestSARIF validates winlint's SARIF against the SARIF 2.1.0 JSON schema
// (with ajv; documents that break it are shown to be rejected) and with
// Microsoft's SARIF Multitool under GitHub's and SARIF's rules
// ("Gh;Sarif"): zero errors and warnings.
// It also checks what GitHub relies on: paths relative to the repository
// root, UTF-16 columns, fingerprints that survive a moved line, rules with
// documentation pages, and the category per GOOS configuration.
func TestSARIF(t *testing.T) {
	repo := t.TempDir()
	mod := filepath.Join(repo, "svc")
	if err := os.Rename(hostsFixture(t), mod); err != nil {
		t.Fatal(err)
	}
	gitRepo(t, repo)

	sarif := func(args ...string) (*sarifLog, string) {
		t.Helper()
		out, code := run(t, mod, []string{"GOOS="}, winlintBinary(t), append([]string{"-f", "sarif"}, args...)...)
		if code != 3 {
			t.Fatalf("winlint -f sarif: exit %d, want 3:\n%s", code, out)
		}
		file := filepath.Join(t.TempDir(), "winlint.sarif")
		if err := os.WriteFile(file, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		var log sarifLog
		if err := json.Unmarshal([]byte(out), &log); err != nil {
			t.Fatalf("SARIF is not JSON: %v\n%s", err, out)
		}
		return &log, file
	}

	log, file := sarif("./...")
	validateSARIF(t, file)

	// The validation can fail: documents that break the schema are rejected.
	valid, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for name, doc := range map[string]string{
		"not SARIF":        `{"foo":1}`,
		"unknown level":    strings.Replace(string(valid), `"level": "warning"`, `"level": "fatal"`, 1),
		"no version":       strings.Replace(string(valid), `"version": "2.1.0"`, `"versio": "2.1.0"`, 1),
		"string line":      regexp.MustCompile(`"startLine": (\d+)`).ReplaceAllString(string(valid), `"startLine": "$1"`),
		"line 0 (1-based)": regexp.MustCompile(`"startLine": \d+`).ReplaceAllString(string(valid), `"startLine": 0`),
	} {
		if doc == string(valid) {
			t.Fatalf("%s: the mutation changed nothing: is the SARIF still indented?", name)
		}
		bad := filepath.Join(t.TempDir(), "bad.sarif")
		if err := os.WriteFile(bad, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		if out, ok := sarifSchemaErrors(t, bad); ok {
			t.Errorf("%s: the SARIF 2.1.0 schema validation accepted it:\n%s", name, out)
		}
	}

	if len(log.Runs) != 1 {
		t.Fatalf("%d runs", len(log.Runs))
	}
	r := log.Runs[0]
	if r.ColumnKind != "utf16CodeUnits" || r.AutomationDetails.ID != "winlint/windows/" {
		t.Errorf("columnKind %q, automationDetails.id %q", r.ColumnKind, r.AutomationDetails.ID)
	}
	if base := r.OriginalURIBaseIDs["%SRCROOT%"].URI; !strings.HasPrefix(base, "file:///") || !strings.HasSuffix(base, "/") {
		t.Errorf("%%SRCROOT%% = %q", base)
	}
	rules := make(map[string]bool)
	for _, rule := range r.Tool.Driver.Rules {
		rules[rule.ID] = true
		page := filepath.Join(repoRoot(t), "docs", "checks", rule.ID+".md")
		if _, err := os.Stat(page); err != nil || !strings.HasSuffix(rule.HelpURI, "/docs/checks/"+rule.ID+".md") {
			t.Errorf("rule %s: helpUri %q, page %v", rule.ID, rule.HelpURI, err)
		}
		if rule.ShortDescription.Text == "" || rule.FullDescription.Text == "" || rule.Help.Markdown == "" {
			t.Errorf("rule %s lacks descriptions or help", rule.ID)
		}
	}
	mainLine := strings.Split(readFile(t, filepath.Join(mod, "main.go")), "\n")[10]
	byteCol := strings.Index(mainLine, `"tcp6"`) + 1
	wantCol := len(utf16.Encode([]rune(mainLine[:byteCol-1]))) + 1
	found := false
	hashes := make(map[string]string)
	for _, res := range r.Results {
		if !rules[res.RuleID] {
			t.Errorf("result %s has no rule", res.RuleID)
		}
		loc := res.Locations[0].PhysicalLocation
		if !strings.HasPrefix(loc.ArtifactLocation.URI, "svc/") || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" {
			t.Errorf("result %s: uri %q (base %q), want svc/… relative to the repository root", res.RuleID, loc.ArtifactLocation.URI, loc.ArtifactLocation.URIBaseID)
		}
		h := res.PartialFingerprints["primaryLocationLineHash"]
		if h == "" {
			t.Errorf("result %s at %s:%d has no primaryLocationLineHash", res.RuleID, loc.ArtifactLocation.URI, loc.Region.StartLine)
		}
		hashes[loc.ArtifactLocation.URI+" "+res.RuleID+" "+res.Message.Text] = h
		if loc.ArtifactLocation.URI == "svc/main.go" && loc.Region.StartLine == 11 {
			found = true
			if loc.Region.StartColumn != wantCol || byteCol == wantCol {
				t.Errorf("main.go:11: startColumn %d, want %d UTF-16 units (byte column %d)", loc.Region.StartColumn, wantCol, byteCol)
			}
		}
	}
	if !found {
		t.Error("no result at svc/main.go:11")
	}

	// A line inserted above every finding moves them, not their fingerprints.
	for _, name := range []string{"main.go", "ignore.go", "clean.go"} {
		p := filepath.Join(mod, name)
		src := readFile(t, p)
		if err := os.WriteFile(p, []byte("// A new first line.\n"+src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	moved, _ := sarif("./...")
	for _, res := range moved.Runs[0].Results {
		loc := res.Locations[0].PhysicalLocation
		key := loc.ArtifactLocation.URI + " " + res.RuleID + " " + res.Message.Text
		if want, ok := hashes[key]; ok && res.PartialFingerprints["primaryLocationLineHash"] != want {
			t.Errorf("%s: fingerprint changed when the line moved", key)
		}
	}

	// One category per GOOS configuration.
	multi, _ := sarif("-goos=windows,linux", "./...")
	if id := multi.Runs[0].AutomationDetails.ID; id != "winlint/windows+linux/" {
		t.Errorf("-goos=windows,linux: automationDetails.id %q", id)
	}
}
