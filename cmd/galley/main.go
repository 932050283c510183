// Command galley typesets history-encyclopedia articles as print-ready PDF and EPUB 3.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, osEnvironment()))
}
