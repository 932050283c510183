package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/pflag"

	"galley/source"
)

// Exit statuses, as the README documents them: 0 when every input succeeded (warnings
// allowed), 1 when at least one failed (the others were still built), 2 for a usage error.
const (
	exitOK     = 0
	exitFailed = 1
	exitUsage  = 2
)

const usage = `galley typesets history-encyclopedia articles as print-ready PDF and EPUB 3.

Usage:
  galley build [flags] INPUT...   typeset each input to PDF and EPUB
  galley parse [flags] INPUT      print the document model as JSON on stdout
  galley check [flags] INPUT...   print the diagnostics build would print, write nothing
  galley book [flags] --title T INPUT...
                                  typeset the inputs as one book: DIR/<slug of T>.pdf/.epub
  galley version                  print the version and the versions of fpdf, go-epub, goldmark

INPUT is a file, a directory (every *.txt and *.md in it, sorted), or - for standard input.
Run 'galley COMMAND --help' for a command's flags. Defaults for build, check and book come
from the house-style file galley.toml (see --config).
`

func run(args []string, stdin io.Reader, stdout, stderr io.Writer, env environment) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "build":
		return cmdBuild(args[1:], stdin, stdout, stderr, env)
	case "book":
		return cmdBook(args[1:], stdin, stdout, stderr, env)
	case "parse":
		return cmdParse(args[1:], stdin, stdout, stderr)
	case "check":
		return cmdCheck(args[1:], stdin, stdout, stderr, env)
	case "version", "--version":
		return cmdVersion(stdout)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "galley: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}

// expandInputs turns the command line's inputs into files: a directory stands for every *.txt
// and *.md in it, sorted; "-" is standard input.
func expandInputs(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		if a == "-" {
			out = append(out, a)
			continue
		}
		st, err := os.Stat(a)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", a, unwrapPath(err))
		}
		if !st.IsDir() {
			out = append(out, a)
			continue
		}
		entries, err := os.ReadDir(a)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", a, unwrapPath(err))
		}
		var files []string
		for _, e := range entries {
			ext := strings.ToLower(filepath.Ext(e.Name()))
			if !e.IsDir() && (ext == ".txt" || ext == ".md") {
				files = append(files, filepath.Join(a, e.Name()))
			}
		}
		sort.Strings(files)
		out = append(out, files...)
	}
	return out, nil
}

// defaultMaxInput is --max-input's default: the largest input a build holds within 1 GiB of
// memory, whatever it is made of (see inputWeight).
const defaultMaxInput = "1MiB"

// maxSize is the largest size --max-input accepts. An input takes up to several hundred times
// its size in memory to build; a larger limit only defers the failure.
const maxSize = 1 << 30

// parseSize reads a size such as 32MiB, 10MB, 512KiB or a plain number of bytes, from 1 byte
// to maxSize.
func parseSize(s string) (int64, error) {
	units := []struct {
		suffix string
		mult   int64
	}{{"kib", 1 << 10}, {"mib", 1 << 20}, {"gib", 1 << 30}, {"kb", 1000}, {"mb", 1000 * 1000},
		{"gb", 1000 * 1000 * 1000}, {"k", 1 << 10}, {"m", 1 << 20}, {"g", 1 << 30}, {"b", 1}}
	t := strings.ToLower(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range units {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) || n <= 0 {
		return 0, fmt.Errorf("%q is not a size (like 32MiB)", s)
	}
	// Compared before multiplying, so that no product overflows.
	if err != nil || n > maxSize/mult {
		return 0, fmt.Errorf("%q is over the largest size allowed, 1GiB", s)
	}
	return n * mult, nil
}

// printFlags lists the flags of fs as GNU tools do, one a line: its short and long forms,
// its value's name (a bool takes none), what it does and its default when it has one.
func printFlags(w io.Writer, fs *pflag.FlagSet) {
	type row struct{ left, right string }
	var rows []row
	width := 0
	fs.VisitAll(func(f *pflag.Flag) {
		left := "      --" + f.Name
		if f.Shorthand != "" {
			left = "  -" + f.Shorthand + ", --" + f.Name
		}
		name, usage := pflag.UnquoteUsage(f)
		if f.Value.Type() != "bool" && name != "" {
			left += " " + name
		}
		switch def := f.DefValue; {
		case f.Value.Type() == "bool" || def == "" || def == "[]" || def == "0":
		case f.Value.Type() == "stringSlice":
			usage += " (default " + strings.Trim(def, "[]") + ")"
		default:
			usage += " (default " + def + ")"
		}
		rows = append(rows, row{left, usage})
		width = max(width, len(left))
	})
	for _, r := range rows {
		fmt.Fprintf(w, "%-*s   %s\n", width, r.left, r.right)
	}
}

// say writes one line about the command (not about an input: those are diagnostics) to w,
// made printable: what it quotes (a path, a flag's value) may hold terminal controls.
func say(w io.Writer, format string, a ...any) {
	fmt.Fprintln(w, source.Printable(fmt.Sprintf(format, a...)))
}
