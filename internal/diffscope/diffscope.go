// Package diffscope keeps only the findings on lines a change added or
// modified, for pull-request checks that must not fail on old code
// (winlint -new-from-rev, -new-from-patch).
//
// The change is a unified diff: "git diff REV" of the working tree against
// a revision (committed, staged and unstaged changes, plus untracked files
// as wholly new), or a patch file. In CI, compare against the merge base
// with the target branch, not the branch's tip, so that changes merged to
// the target since the branch started do not count:
//
//	winlint -new-from-rev=$(git merge-base origin/main HEAD) ./...
package diffscope

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/winlint/winlint/internal/driver"
)

// Lines maps a file (absolute path) to the set of its new-side lines the
// change added or modified; a nil set means the whole file is new.
type Lines map[string]map[int]bool

// Contains reports whether line of file was added or modified.
func (l Lines) Contains(file string, line int) bool {
	set, ok := l[filepath.Clean(file)]
	if !ok {
		// The same file under another name (a symbolic link in the path).
		real, err := filepath.EvalSymlinks(file)
		if err != nil {
			return false
		}
		if set, ok = l[real]; !ok {
			return false
		}
	}
	return set == nil || set[line]
}

// ParsePatch reads a unified diff and returns the new-side lines of each
// file it changes, with file names joined to root. Deleted files are left
// out; "+++ b/x" and "+++ x" are both accepted. Input that is not empty
// but holds no diff header or hunk is an error: it is not a unified diff
// (and would otherwise silently drop every finding).
func ParsePatch(r io.Reader, root string) (Lines, error) {
	var (
		content bool // a line that is not blank
		diff    bool // a line only a diff has
	)
	out := make(Lines)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1024*1024), 64*1024*1024)
	var (
		cur     map[int]bool
		curFile string
		next    int // next new-side line in the hunk
		left    int // new-side lines left in the hunk
		oldLeft int
	)
	for sc.Scan() {
		line := sc.Text()
		if strings.TrimSpace(line) != "" {
			content = true
		}
		if strings.HasPrefix(line, "+++ ") || strings.HasPrefix(line, "--- ") || strings.HasPrefix(line, "@@ ") || strings.HasPrefix(line, "diff ") {
			diff = true
		}
		switch {
		case left > 0 || oldLeft > 0:
			if line == `\ No newline at end of file` {
				continue
			}
			switch {
			case strings.HasPrefix(line, "+"):
				if cur != nil {
					cur[next] = true
				}
				next++
				left--
			case strings.HasPrefix(line, "-"):
				oldLeft--
			default: // context
				next++
				left--
				oldLeft--
			}
		case strings.HasPrefix(line, "+++ "):
			name := strings.TrimPrefix(line, "+++ ")
			if i := strings.IndexByte(name, '\t'); i >= 0 {
				name = name[:i] // "+++ b/x\t<timestamp>"
			}
			name = unquote(name)
			if name == "/dev/null" {
				cur, curFile = nil, ""
				continue
			}
			name = strings.TrimPrefix(name, "b/")
			curFile = filepath.Clean(filepath.Join(root, filepath.FromSlash(name)))
			cur = make(map[int]bool)
			out[curFile] = cur
		case strings.HasPrefix(line, "@@ "):
			// @@ -a[,b] +c[,d] @@
			fields := strings.Fields(line)
			if len(fields) < 3 || !strings.HasPrefix(fields[2], "+") || !strings.HasPrefix(fields[1], "-") {
				return nil, fmt.Errorf("malformed hunk header %q", line)
			}
			start, count, err := hunkRange(fields[2][1:])
			if err != nil {
				return nil, fmt.Errorf("malformed hunk header %q: %v", line, err)
			}
			_, oldCount, err := hunkRange(fields[1][1:])
			if err != nil {
				return nil, fmt.Errorf("malformed hunk header %q: %v", line, err)
			}
			next, left, oldLeft = start, count, oldCount
			if curFile == "" && cur == nil {
				continue // a deleted file's hunks
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if content && !diff {
		return nil, fmt.Errorf("not a unified diff: no \"--- \", \"+++ \" or \"@@ \" line")
	}
	return out, nil
}

func hunkRange(s string) (start, count int, err error) {
	a, b, hasCount := strings.Cut(s, ",")
	start, err = strconv.Atoi(a)
	if err != nil {
		return 0, 0, err
	}
	count = 1
	if hasCount {
		count, err = strconv.Atoi(b)
	}
	return start, count, err
}

// unquote undoes git's C-style quoting of unusual file names ("b/a\tb.go").
func unquote(s string) string {
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		if u, err := strconv.Unquote(s); err == nil {
			return u
		}
	}
	return s
}

// GitRoot returns the top directory of the git work tree holding dir.
func GitRoot(ctx context.Context, dir string) (string, error) {
	out, err := git(ctx, dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return "", err
	}
	root := filepath.Clean(strings.TrimSpace(string(out)))
	if real, err := filepath.EvalSymlinks(root); err == nil {
		root = real
	}
	return root, nil
}

// FromRev returns the lines the working tree of the git repository at dir
// adds or modifies relative to rev: "git diff rev" (committed, staged and
// unstaged changes) plus untracked, non-ignored files as wholly new.
func FromRev(ctx context.Context, dir, rev string) (Lines, error) {
	root, err := GitRoot(ctx, dir)
	if err != nil {
		return nil, err
	}
	if _, err := git(ctx, root, "rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		return nil, fmt.Errorf("-new-from-rev: %q is not a commit of the repository at %s", rev, root)
	}
	diff, err := git(ctx, root, "-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff", "--no-textconv",
		"--src-prefix=a/", "--dst-prefix=b/", "-U0", rev, "--")
	if err != nil {
		return nil, err
	}
	lines, err := ParsePatch(bytes.NewReader(diff), root)
	if err != nil {
		return nil, err
	}
	untracked, err := git(ctx, root, "-c", "core.quotePath=false", "ls-files", "-z", "--others", "--exclude-standard")
	if err != nil {
		return nil, err
	}
	for _, name := range strings.Split(string(untracked), "\x00") {
		if name != "" {
			lines[filepath.Clean(filepath.Join(root, filepath.FromSlash(name)))] = nil
		}
	}
	return lines, nil
}

// FromPatchFile reads a unified diff from a file ("-" for standard input).
// Its file names are relative to the root of the git work tree holding
// dir, or to dir outside git (as "git diff" and "diff -ru" write them from
// the top directory).
func FromPatchFile(ctx context.Context, dir, name string) (Lines, error) {
	root, err := GitRoot(ctx, dir)
	if err != nil {
		root = dir
	}
	var r io.Reader = os.Stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	return ParsePatch(r, root)
}

func git(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

// Filter keeps the findings on changed lines.
type Filter struct {
	Lines Lines
	What  string // how the change was given, for the filter's name
}

// Name implements driver.Filter.
func (f *Filter) Name() string { return f.What }

// Filter implements driver.Filter.
func (f *Filter) Filter(r *driver.Result, _ *driver.Sources) error {
	r.Keep(func(fd *driver.Finding) bool { return f.Lines.Contains(fd.Posn.File, fd.Posn.Line) })
	return nil
}
