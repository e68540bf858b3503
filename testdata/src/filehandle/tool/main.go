package main

// main.main: returning from main, os.Exit and log.Fatal end the process,
// and the operating system closes every handle. Other functions of
// package main are checked as usual.

import (
	"fmt"
	"io"
	"log"
	"os"
)

func main() {
	f, err := os.Open(os.Args[1])
	if err != nil {
		log.Fatal(err)
	}
	if _, err := io.Copy(os.Stdout, f); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := run(os.Args[2]); err != nil {
		log.Fatal(err)
	}
}

func run(name string) error {
	out, err := os.Create(name) // want `out is not closed on the path through the return at line 34`
	if err != nil {
		return err
	}
	if _, err := fmt.Fprintln(out, "done"); err != nil {
		return err
	}
	return out.Close()
}
