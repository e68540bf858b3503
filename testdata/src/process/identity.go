package process

import (
	"errors"
	"fmt"
	"log"
	"os"
	"os/user"
	"runtime"
	"strconv"
	"syscall"
)

// beats#12740: the root check refuses to run on Windows.
func mustBeRoot() error {
	if os.Geteuid() != 0 { // want `os.Geteuid\(\) is always -1 on Windows, so this non-root test is always true there`
		return errors.New("must run as root")
	}
	return nil
}

func isRoot() bool {
	return os.Getuid() == 0 // want `os.Getuid\(\) is always -1 on Windows, so this root test is never true there`
}

func isRootReversed() bool {
	return 0 == syscall.Geteuid() // want `syscall.Geteuid\(\) is always -1`
}

func isRootVar() bool {
	uid := os.Geteuid()
	return uid == 0 // want `os.Geteuid\(\) is always -1`
}

func parseUid() (int, error) {
	u, err := user.Current()
	if err != nil {
		return 0, err
	}
	return strconv.Atoi(u.Uid) // want `u.Uid is a SID string \(S-1-5-21-…\) on Windows, not a number: Atoi always fails there`
}

func parseGid(u *user.User) int64 {
	gid, _ := strconv.ParseInt(u.Gid, 10, 32) // want `u.Gid is a SID string.*ParseInt always fails`
	return gid
}

func parseGroup(g *user.Group) uint64 {
	s := g.Gid
	n, _ := strconv.ParseUint(s, 10, 32) // want `s is a SID string`
	return n
}

// kopia#516: restoring ownership fails every restore on Windows.
func restoreOwner(path string, uid, gid int) error {
	if err := os.Chown(path, uid, gid); err != nil { // want `os.Chown always fails on Windows \(not supported by windows\), and its error here ends the operation`
		return fmt.Errorf("chown: %w", err)
	}
	return nil
}

func restoreLink(path string, uid, gid int) error {
	return os.Lchown(path, uid, gid) // want `os.Lchown always fails`
}

func chownFile(f *os.File) {
	err := f.Chown(0, 0) // want `f.Chown always fails`
	if err != nil {
		log.Fatal(err)
	}
}

// --- silent ---

func rootUnix() bool {
	return runtime.GOOS != "windows" && os.Geteuid() == 0
}

func rootGuarded() bool {
	if runtime.GOOS == "windows" {
		return false
	}
	return os.Getuid() == 0
}

func rootOr() bool {
	return runtime.GOOS == "windows" || os.Getuid() == 0
}

func otherUid(uid int) bool {
	return os.Getuid() == uid || os.Getuid() == -1
}

func uidAsString() string {
	u, _ := user.Current()
	return u.Uid
}

func parseOther(u *user.User) (int, error) {
	return strconv.Atoi(u.Username)
}

func chownIgnored(path string) {
	os.Chown(path, 0, 0)
	_ = os.Lchown(path, 0, 0)
}

func chownLogged(path string) {
	if err := os.Chown(path, 0, 0); err != nil {
		log.Printf("chown %s: %v", path, err)
	}
}

func chownUnix(path string) error {
	if runtime.GOOS != "windows" {
		return os.Chown(path, 0, 0)
	}
	return nil
}

func chownSkippedOnWindows(path string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	if err := os.Chown(path, 0, 0); err != nil {
		return err
	}
	return nil
}
