// Package registry is a fixture stub of golang.org/x/sys/windows/registry.
package registry

import "syscall"

type Key syscall.Handle

const (
	CLASSES_ROOT  Key = Key(0x80000000)
	CURRENT_USER  Key = Key(0x80000001)
	LOCAL_MACHINE Key = Key(0x80000002)
	USERS         Key = Key(0x80000003)
)

const (
	QUERY_VALUE        = 0x00001
	SET_VALUE          = 0x00002
	CREATE_SUB_KEY     = 0x00004
	ENUMERATE_SUB_KEYS = 0x00008
	READ               = 0x20019
	WRITE              = 0x20006
	ALL_ACCESS         = 0xf003f
)

const (
	NONE      = 0
	SZ        = 1
	EXPAND_SZ = 2
	BINARY    = 3
	DWORD     = 4
	MULTI_SZ  = 7
	QWORD     = 11
)

var ErrNotExist = syscall.Errno(2)

func OpenKey(k Key, path string, access uint32) (Key, error) { return 0, nil }
func CreateKey(k Key, path string, access uint32) (newk Key, openedExisting bool, err error) {
	return 0, false, nil
}
func DeleteKey(k Key, path string) error { return nil }
func (k Key) Close() error               { return nil }
func (k Key) GetStringValue(name string) (val string, valtype uint32, err error) {
	return "", 0, nil
}
func (k Key) GetStringsValue(name string) (val []string, valtype uint32, err error) {
	return nil, 0, nil
}
func (k Key) GetIntegerValue(name string) (val uint64, valtype uint32, err error) {
	return 0, 0, nil
}
func (k Key) GetValue(name string, buf []byte) (n int, valtype uint32, err error) {
	return 0, 0, nil
}
func (k Key) GetBinaryValue(name string) (value []byte, valtype uint32, err error) {
	return nil, 0, nil
}
func (k Key) SetStringValue(name, value string) error           { return nil }
func (k Key) SetStringsValue(name string, value []string) error { return nil }
func (k Key) SetDWordValue(name string, value uint32) error     { return nil }
func (k Key) ReadSubKeyNames(n int) ([]string, error)           { return nil, nil }
func (k Key) ReadValueNames(n int) ([]string, error)            { return nil, nil }
