//go:build !windows && !linux

package main

// platformListen does nothing on other systems.
func platformListen() error { return nil }
