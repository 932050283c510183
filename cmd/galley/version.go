package main

import (
	"fmt"
	"io"
	"runtime/debug"
)

// version is set at link time (-ldflags "-X main.version=..."); otherwise it comes from the
// build info.
var version = ""

// galleyVersion returns the program's version.
func galleyVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

// depVersions lists the versions of the libraries galley is built on, from the build info.
func depVersions() map[string]string {
	out := map[string]string{}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return out
	}
	for _, d := range bi.Deps {
		out[d.Path] = d.Version
		if d.Replace != nil {
			out[d.Path] = d.Replace.Version
		}
	}
	return out
}

func cmdVersion(w io.Writer) int {
	fmt.Fprintf(w, "galley %s\n", galleyVersion())
	deps := depVersions()
	for _, p := range []string{"codeberg.org/go-pdf/fpdf", "github.com/go-shiori/go-epub", "github.com/yuin/goldmark"} {
		v := deps[p]
		if v == "" {
			v = "(not linked)"
		}
		fmt.Fprintf(w, "  %s %s\n", p, v)
	}
	return exitOK
}
