// Command floor does nothing but start with the libraries galley is built on (fpdf, go-epub,
// goldmark and its extensions) linked in: their package initialisation runs, then it exits.
// bench/compare.sh times it beside galley, so that the table shows how much of a single
// galley run is the start-up of those libraries, which no work in galley can shorten.
package main

import (
	_ "codeberg.org/go-pdf/fpdf"
	_ "github.com/go-shiori/go-epub"
	_ "github.com/yuin/goldmark"
	_ "github.com/yuin/goldmark/extension"
)

func main() {}
