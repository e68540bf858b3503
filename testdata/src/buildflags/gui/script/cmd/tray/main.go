// A tray program: no console output, built with -H windowsgui on purpose.
package main

import "time"

func main() {
	for {
		time.Sleep(time.Hour)
	}
}
