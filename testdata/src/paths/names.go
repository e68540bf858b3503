package paths

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// databacker/mysql-backup#136: an RFC 3339 time in a backup name.
func backupName(dir string) (*os.File, error) {
	name := fmt.Sprintf("db_backup_%s.tgz", time.Now().Format(time.RFC3339))
	return os.Create(filepath.Join(dir, name)) // want `the name given to os.Create, contains a time formatted with the layout time.RFC3339: Windows file names cannot hold ':'`
}

// A log file per run with time.DateTime.
func logFile(dir string) (*os.File, error) {
	ts := time.Now().Format(time.DateTime)
	return os.OpenFile(filepath.Join(dir, "run-"+ts+".log"), os.O_CREATE|os.O_WRONLY, 0o644) // want `contains a time formatted with the layout time.DateTime`
}

// A snapshot directory with a literal clock layout.
func snapshotDir(root string, t time.Time) error {
	return os.MkdirAll(filepath.Join(root, t.Format("2006-01-02 15:04:05")), 0o755) // want `os.MkdirAll, contains a time formatted with the layout "2006-01-02 15:04:05"`
}

// cloudpanel's shape: a HH:MM directory from Sprintf.
func hourDir(root string, t time.Time) error {
	return os.Mkdir(filepath.Join(root, fmt.Sprintf("%02d:%02d", t.Hour(), t.Minute())), 0o755) // want `os.Mkdir, contains the format "%02d:%02d"`
}

// time.Kitchen in a report written with WriteFile.
func report(dir string, data []byte) error {
	return os.WriteFile(dir+"/report-"+time.Now().Format(time.Kitchen)+".txt", data, 0o644) // want `time.Kitchen`
}

// Rename to a timestamped name (log rotation).
func rotate(p string) error {
	return os.Rename(p, p+"."+time.Now().Format(time.RFC3339Nano)) // want `os.Rename, contains a time formatted with the layout time.RFC3339Nano`
}

// time.Time's String in a name.
func dumpName(dir string) (*os.File, error) {
	return os.Create(filepath.Join(dir, "dump-"+time.Now().String())) // want `a time.Time's String`
}

// A CreateTemp pattern with a clock time.
func tempWithTime() (*os.File, error) {
	return os.CreateTemp("", "snap-"+time.Now().Format("15:04:05")+"-*") // want `os.CreateTemp, contains a time formatted with the layout "15:04:05"`
}

// Reserved characters in a constant part.
func reservedChar(dir string) (*os.File, error) {
	return os.Create(filepath.Join(dir, "what?.txt")) // want `filepath.Join\(dir, "what\?.txt"\), the name given to os.Create, contains "\?"; Windows cannot create it`
}

// A device name as a directory component.
func deviceDir(root string) error {
	return os.MkdirAll(filepath.Join(root, "aux", "data"), 0o755) // want `has the component "aux", a reserved device name`
}

// ---- silent ----

// A layout without colons.
func backupGood(dir string) (*os.File, error) {
	name := "backup-" + time.Now().Format("20060102T150405Z0700") + ".tgz"
	return os.Create(filepath.Join(dir, name))
}

// The colons replaced before use.
func backupSanitized(dir string) (*os.File, error) {
	ts := strings.ReplaceAll(time.Now().Format(time.RFC3339), ":", "-")
	return os.Create(filepath.Join(dir, "backup-"+ts+".tgz"))
}

// A timestamp written into the file, not its name.
func stamp(f *os.File) error {
	_, err := fmt.Fprintf(f, "created %s\n", time.Now().Format(time.RFC3339))
	return err
}

// Opening (not creating) a file whose name holds a date only.
func openDaily(dir string) (*os.File, error) {
	return os.Open(filepath.Join(dir, time.Now().Format(time.DateOnly)+".log"))
}

// Drive letters and long-path prefixes.
func drive() error {
	return os.MkdirAll(`C:\ProgramData\app`, 0o755)
}

func longPath(p string) (*os.File, error) {
	return os.Create(`\\?\` + p)
}

// A deliberate alternate data stream (the Mark of the Web).
func zoneID(p string) error {
	return os.WriteFile(p+":Zone.Identifier", []byte("[ZoneTransfer]\r\nZoneId=3\r\n"), 0o644)
}

// The null device itself.
func nullDevice() (*os.File, error) {
	return os.OpenFile("NUL", os.O_WRONLY, 0)
}

// The '*' of a CreateTemp pattern is replaced.
func tempPattern() (*os.File, error) {
	return os.CreateTemp("", "app-*.tmp")
}

// Names that merely start like device names.
func console(dir string) (*os.File, error) {
	return os.Create(filepath.Join(dir, "console.log"))
}

// A colon inside a Sprintf format that is not between numbers.
func hostLog(dir, host string) (*os.File, error) {
	return os.Create(filepath.Join(dir, fmt.Sprintf("%s.log", host)))
}
