package buildflags_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/winlint/winlint/analysistest"
)

// TestSignedBuild runs the "signed build" negative fixture for real: go
// generate builds the Windows binary its directives describe and signs it
// with osslsigncode and a throwaway self-signed certificate made with
// openssl (the commands of FACTS F); osslsigncode verify -CAfile must
// accept the result and reject it after a one-byte change. In CI (CI set)
// missing tools fail the test; elsewhere they skip it.
func TestSignedBuild(t *testing.T) {
	for _, tool := range []string{"osslsigncode", "openssl", "env"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s is not installed; .ci/run installs it (apt-get install osslsigncode openssl)", tool)
			}
			t.Skipf("%s is not installed", tool)
		}
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("go is not on PATH: %v", err)
	}

	dir := t.TempDir()
	src, err := os.ReadFile(filepath.Join(analysistest.TestData(), "src", "buildflags", "signed", "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "main.go"), src)
	write(t, filepath.Join(dir, "go.mod"), []byte("module example.com/signed\n\ngo 1.26\n"))

	run(t, dir, nil, "openssl", "req", "-x509", "-newkey", "rsa:3072", "-sha256", "-days", "30", "-nodes",
		"-keyout", "test.key", "-out", "test.crt", "-subj", "/CN=winlint test code signing",
		"-addext", "keyUsage=critical,digitalSignature", "-addext", "extendedKeyUsage=codeSigning")

	// go generate runs the fixture's directives: the build, then the
	// signature.
	env := append(os.Environ(), "GOFLAGS=", "GOTOOLCHAIN=local", "GOWORK=off")
	run(t, dir, env, goTool, "generate", "-x", ".")

	exe := filepath.Join(dir, "app.signed.exe")
	data, err := os.ReadFile(exe)
	if err != nil {
		t.Fatalf("the fixture's directives did not write app.signed.exe: %v", err)
	}
	if !bytes.HasPrefix(data, []byte("MZ")) {
		t.Fatalf("app.signed.exe is not a PE file")
	}

	out := run(t, dir, nil, "osslsigncode", "verify", "-CAfile", "test.crt", "-in", "app.signed.exe")
	if !strings.Contains(out, "Signature verification: ok") {
		t.Errorf("osslsigncode verify did not report a good signature:\n%s", out)
	}

	// One byte changed in the middle of the image: the hash no longer
	// matches.
	tampered := append([]byte(nil), data...)
	tampered[len(tampered)/2] ^= 0xff
	write(t, filepath.Join(dir, "app.tampered.exe"), tampered)
	cmd := exec.Command("osslsigncode", "verify", "-CAfile", "test.crt", "-in", "app.tampered.exe")
	cmd.Dir = dir
	b, err := cmd.CombinedOutput()
	if err == nil {
		t.Errorf("osslsigncode verify accepted a tampered binary:\n%s", b)
	} else if !strings.Contains(string(b), "MISMATCH") {
		t.Errorf("osslsigncode verify failed on the tampered binary, but not with a hash mismatch:\n%s", b)
	}
}

func write(t *testing.T, name string, data []byte) {
	t.Helper()
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func run(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = env
	b, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, b)
	}
	return string(b)
}
