package process

import (
	"archive/tar"
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
	if os.Geteuid() != 0 { // want `os.Geteuid\(\) is always -1 on Windows, so this root test refuses every user there, administrators included`
		return errors.New("must run as root")
	}
	return nil
}

func mustBeRootFatal() {
	if os.Getuid() != 0 { // want `os.Getuid\(\) is always -1 on Windows`
		log.Fatal("this command needs root")
	}
}

func mustBeRootExit() {
	if syscall.Geteuid() != 0 { // want `syscall.Geteuid\(\) is always -1`
		fmt.Fprintln(os.Stderr, "run as root")
		os.Exit(1)
	}
}

var errNotRoot = errors.New("not root")

func mustBeRootVar() (int, error) {
	uid := os.Geteuid()
	if uid != 0 { // want `os.Geteuid\(\) is always -1`
		return 0, errNotRoot
	}
	return uid, nil
}

func mustBeRootAnd(force bool) error {
	if os.Getuid() != 0 && !force { // want `os.Getuid\(\) is always -1`
		return errNotRoot
	}
	return nil
}

func mustBeRootElse() error {
	if 0 == os.Getuid() { // want `os.Getuid\(\) is always -1`
		fmt.Println("ok")
	} else {
		return fmt.Errorf("uid %d is not root", os.Getuid())
	}
	return nil
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

// owner is ownership metadata from a snapshot or an archive.
type owner struct{ UserID, GroupID uint32 }

// kopia#516: restoring ownership from snapshot metadata fails every restore
// on Windows.
func restoreOwner(path string, o owner) error {
	if err := os.Chown(path, int(o.UserID), int(o.GroupID)); err != nil { // want `os.Chown always fails on Windows \(not supported by windows\), and its error here ends the operation`
		return fmt.Errorf("chown: %w", err)
	}
	return nil
}

func restoreLink(path string, hdr *tar.Header) error {
	return os.Lchown(path, hdr.Uid, hdr.Gid) // want `os.Lchown always fails`
}

// The flag is the restorer's own setting, true by default: the restore
// fails on Windows unless the user finds it.
type restorer struct{ skipOwners bool }

func (r *restorer) restore(path string, o owner) error {
	if !r.skipOwners {
		if err := os.Lchown(path, int(o.UserID), int(o.GroupID)); err != nil { // want `os.Lchown always fails`
			return err
		}
	}
	return nil
}

// The owner comes from a parameter, but the function picks it: a root
// owner for every file it installs.
func installAsRoot(path string, uid int) error {
	owner := 0
	if uid > 0 {
		owner = uid
	}
	return os.Chown(path, owner, owner) // want `os.Chown always fails`
}

func chownFile(f *os.File) {
	err := f.Chown(0, 0) // want `f.Chown always fails`
	if err != nil {
		log.Fatal(err)
	}
}

// --- silent ---

// containerd's core/diff/apply: not root, so do not preserve owners — right
// on Windows too.
func applyOpts() []string {
	var opts []string
	if os.Getuid() != 0 {
		opts = append(opts, "no-same-owner")
	}
	return opts
}

func chownIfRoot(path string) {
	if os.Geteuid() == 0 {
		os.Chown(path, 0, 0)
	}
}

func isRoot() bool {
	return os.Getuid() == 0
}

func notRootNothingToDo() error {
	if os.Geteuid() != 0 {
		return nil
	}
	return nil
}

func rootUnix() error {
	if runtime.GOOS != "windows" && os.Geteuid() != 0 {
		return errNotRoot
	}
	return nil
}

func rootGuarded() error {
	if runtime.GOOS == "windows" {
		return nil
	}
	if os.Getuid() != 0 {
		return errNotRoot
	}
	return nil
}

func rootOr() {
	if runtime.GOOS == "windows" || os.Getuid() == 0 {
		fmt.Println("ok")
	} else {
		log.Fatal("need root")
	}
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

// The error is ignored on Windows.
func chownErrorOffWindows(path string) error {
	if err := os.Chown(path, 0, 0); err != nil && runtime.GOOS != "windows" {
		return err
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

// An ownership primitive (afero's OsFs.Chown): changing the owner is what
// its caller asked for, and returning the error is its contract.
type osFs struct{}

func (osFs) Chown(name string, uid, gid int) error {
	return os.Chown(name, uid, gid)
}

func (osFs) Lchown(name string, uid, gid int) error {
	if err := os.Lchown(name, int(uid), int(gid)); err != nil {
		return &os.PathError{Op: "lchown", Path: name, Err: err}
	}
	return nil
}

// go-plugin's setGroupWritable: the group is the caller's (a name or a
// gid); its Gid is parsed only to be passed to Chown.
func setGroupWritable(path, groupString string, mode os.FileMode) error {
	groupID, err := strconv.Atoi(groupString)
	if err != nil {
		group, err := user.LookupGroup(groupString)
		if err != nil {
			return fmt.Errorf("failed to find gid from %q: %w", groupString, err)
		}
		groupID, err = strconv.Atoi(group.Gid)
		if err != nil {
			return fmt.Errorf("failed to parse %q group's gid as an integer: %w", groupString, err)
		}
	}
	err = os.Chown(path, -1, groupID)
	if err != nil {
		return err
	}
	return os.Chmod(path, mode)
}

func chownToUser(path, name string) error {
	u, err := user.Lookup(name)
	if err != nil {
		return err
	}
	uid, err := strconv.Atoi(u.Uid)
	if err != nil {
		return err
	}
	gid, err := strconv.Atoi(u.Gid)
	if err != nil {
		return err
	}
	return os.Lchown(path, uid, gid)
}

// containerd's createTarFile: owners are restored only when the caller does
// not ask for WithNoSameOwner; Windows callers do.
func extractEntry(path string, hdr *tar.Header, noSameOwner bool) error {
	if !noSameOwner {
		if err := os.Lchown(path, hdr.Uid, hdr.Gid); err != nil {
			return fmt.Errorf("failed to Lchown %q: %w", path, err)
		}
	}
	return nil
}

func copyTree(dst string, hdr *tar.Header, preserveOwner, verbose bool) error {
	if preserveOwner && hdr != nil {
		return os.Chown(dst, hdr.Uid, hdr.Gid)
	}
	return nil
}
