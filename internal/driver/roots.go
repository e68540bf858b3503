package driver

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
)

// FixRoots says which files suggested fixes may change: files of the main
// module (or the workspace's modules), but never files under GOROOT, the
// module cache or a vendor directory.
type FixRoots struct {
	Allowed []string // main module directories
	Denied  []string // GOROOT, GOMODCACHE and each main module's vendor directory
}

// FixRoots asks the go command for the main modules and GOROOT.
func (cfg *Config) FixRoots(ctx context.Context) (*FixRoots, error) {
	dir, err := cfg.dir()
	if err != nil {
		return nil, err
	}
	run := func(args ...string) ([]string, error) {
		cmd := exec.CommandContext(ctx, cfg.goCmd(), args...)
		cmd.Dir = dir
		cmd.Env = ToolchainEnv(cfg.environ())
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			return nil, fmt.Errorf("go %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
		}
		var lines []string
		for _, l := range strings.Split(string(out), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
		return lines, nil
	}
	mods, err := run("list", "-m", "-f", "{{.Dir}}")
	if err != nil {
		return nil, err
	}
	env, err := run("env", "GOROOT", "GOMODCACHE")
	if err != nil {
		return nil, err
	}
	roots := &FixRoots{Allowed: mods, Denied: env}
	for _, m := range mods {
		roots.Denied = append(roots.Denied, filepath.Join(m, "vendor"))
	}
	return roots, nil
}

// Allows reports whether a fix may change file.
func (r *FixRoots) Allows(file string) bool {
	if r == nil || !filepath.IsAbs(file) {
		return false
	}
	file = filepath.Clean(file)
	for _, d := range r.Denied {
		if within(d, file) {
			return false
		}
	}
	for _, a := range r.Allowed {
		if within(a, file) {
			return true
		}
	}
	return false
}

// within reports whether file is dir or lies below it.
func within(dir, file string) bool {
	if dir == "" {
		return false
	}
	rel, err := filepath.Rel(filepath.Clean(dir), file)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
