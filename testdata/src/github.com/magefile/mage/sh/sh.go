// Package sh is a fixture stub of github.com/magefile/mage/sh: the command
// helpers' signatures only.
package sh

import "io"

func RunCmd(cmd string, args ...string) func(args ...string) error { return nil }

func OutCmd(cmd string, args ...string) func(args ...string) (string, error) { return nil }

func Run(cmd string, args ...string) error { return nil }

func RunV(cmd string, args ...string) error { return nil }

func RunWith(env map[string]string, cmd string, args ...string) error { return nil }

func RunWithV(env map[string]string, cmd string, args ...string) error { return nil }

func Output(cmd string, args ...string) (string, error) { return "", nil }

func OutputWith(env map[string]string, cmd string, args ...string) (string, error) { return "", nil }

func Exec(env map[string]string, stdout, stderr io.Writer, cmd string, args ...string) (ran bool, err error) {
	return false, nil
}

func Rm(path string) error { return nil }

func Copy(dst string, src string) error { return nil }
