// WL6001 negative: the default logger goes to a file.
package main

//go:generate go build -ldflags=-H=windowsgui

import (
	"log"
	"os"
)

func main() {
	f, err := os.Create("app.log")
	if err != nil {
		return
	}
	log.SetOutput(f)
	log.Printf("started")
}
