package hosts

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestCacheProg shares winlint's results between two "machines" (two
// GOCACHE directories) through the go command's remote cache protocol,
// GOCACHEPROG, with internal/cmd/dircache (a backend over a shared
// directory) standing in for a cache server, as the README's "Sharing
// results across machines" section sets it up.
//
// The backend logs every request. An action the go command runs (a
// compile, or the vet tool on a package) is put into the cache; an action
// whose result is found is not run. So a run with no put replayed every
// result, and a run with puts analysed (or compiled) again.
func TestCacheProg(t *testing.T) {
	bin := winlintBinary(t)
	tmp := t.TempDir()
	dircache := filepath.Join(tmp, "dircache")
	mustRun(t, repoRoot(t), nil, "go", "build", "-o", dircache, "./internal/cmd/dircache")

	// The module, in one place for every machine: go vet's cache keys
	// include the source files' paths, as CI machines checking out to the
	// same directory have them.
	mod := filepath.Join(tmp, "netapp")
	copyTree(t, filepath.Join(repoRoot(t), "testdata", "e2e", "netapp"), mod)
	// A checkout older than a few seconds: the go command does not cache
	// its index of a directory modified just now (cmd/go/internal/modindex),
	// so machine 2 would put what machine 1 skipped.
	old := time.Now().Add(-time.Hour)
	err := filepath.Walk(mod, func(path string, _ os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		return os.Chtimes(path, old, old)
	})
	if err != nil {
		t.Fatal(err)
	}
	shared := filepath.Join(tmp, "shared")

	n := 0
	// machine runs winlint with a new GOCACHE and the shared backend and
	// returns its output and the backend's log.
	machine := func(tool string, args ...string) (out string, log *cacheLog) {
		t.Helper()
		n++
		logFile := filepath.Join(tmp, "log"+string(rune('0'+n)))
		env := []string{
			"GOCACHE=" + filepath.Join(tmp, "gocache"+string(rune('0'+n))),
			"GOCACHEPROG=" + dircache + " -dir " + shared + " -log " + logFile,
			"GOFLAGS=-mod=mod", "GOOS=",
		}
		out, code := run(t, mod, env, tool, append([]string{"-f", "json"}, args...)...)
		if code != 0 && code != 3 {
			t.Fatalf("winlint %s (machine %d): exit %d\n%s", strings.Join(args, " "), n, code, out)
		}
		return out, readCacheLog(t, logFile)
	}

	// Machine 1 analyses everything and fills the shared cache.
	first, log1 := machine(bin, "./...")
	if log1.puts == 0 {
		t.Fatalf("machine 1 put nothing into the shared cache: %+v", log1)
	}
	if !strings.Contains(first, `"WL2001"`) {
		t.Fatalf("machine 1: no WL2001 finding:\n%s", first)
	}

	// Machine 2, empty GOCACHE: every result comes from the shared cache,
	// nothing is analysed, and the findings are the same.
	second, log2 := machine(bin, "./...")
	if log2.puts != 0 || log2.hits == 0 {
		t.Errorf("machine 2: %d puts, %d hits: want no put (nothing analysed again) and hits", log2.puts, log2.hits)
	}
	if second != first {
		t.Errorf("machine 2 reports\n%s\nmachine 1 reported\n%s", second, first)
	}

	// Another -checks selection is a cache hit too: the vet tool always
	// runs every check and the driver filters.
	only, log3 := machine(bin, "-checks", "WL2004", "./...")
	if log3.puts != 0 {
		t.Errorf("-checks WL2004 on machine 3: %d puts: the selection re-analysed packages", log3.puts)
	}
	if !strings.Contains(only, `"WL2004"`) || strings.Contains(only, `"WL2001"`) || strings.Contains(only, `"WL2002"`) {
		t.Errorf("-checks WL2004 on machine 3: want only WL2004 findings:\n%s", only)
	}

	// Another GOOS is not replayed from the windows results: it is
	// analysed (puts), and the windows-only file's finding is gone.
	linux, log4 := machine(bin, "-goos", "linux", "./...")
	if log4.puts == 0 {
		t.Errorf("-goos linux: no put: results were replayed from the windows run")
	}
	if strings.Contains(linux, "listen_windows.go") {
		t.Errorf("-goos linux reports a finding in listen_windows.go (stale windows result):\n%s", linux)
	}

	// Another winlint build (a different executable, so a different vet
	// tool ID) does not replay the results of the first: it analyses again,
	// and finds the same.
	other := filepath.Join(tmp, "winlint-other")
	mustRun(t, repoRoot(t), nil, "go", "build", "-trimpath", "-o", other, "./cmd/winlint")
	again, log5 := machine(other, "./...")
	if log5.puts == 0 {
		t.Errorf("a different winlint build replayed the first build's results (no put)")
	}
	if again != first {
		t.Errorf("a different winlint build reports\n%s\nthe first reported\n%s", again, first)
	}
}

// cacheLog counts the requests dircache logged.
type cacheLog struct{ hits, misses, puts int }

func readCacheLog(t *testing.T, file string) *cacheLog {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("the GOCACHEPROG backend logged nothing (was it run?): %v", err)
	}
	l := new(cacheLog)
	for _, line := range strings.Split(string(data), "\n") {
		switch {
		case strings.HasPrefix(line, "get hit "):
			l.hits++
		case strings.HasPrefix(line, "get miss "):
			l.misses++
		case strings.HasPrefix(line, "put "):
			l.puts++
		}
	}
	return l
}
