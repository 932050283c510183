package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/pflag"

	"galley/internal/regfile"
	"galley/render/data"
	"galley/source"
)

// readInput reads one input file or standard input ("-") under the size limit.
func readInput(name string, stdin io.Reader, limit int64) ([]byte, error) {
	var r io.Reader
	if name == "-" {
		r = stdin
	} else {
		// Regular files only: a FIFO in a directory of articles would block the build
		// forever (standard input is the way to read a pipe).
		f, err := regfile.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	if limit <= 0 {
		limit = source.DefaultMaxInput
	}
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	return data, nil
}

// parseFile reads and parses one input, printing its diagnostics to stderr.
func parseFile(input string, stdin io.Reader, stderr io.Writer, opt source.Options) (*source.Document, error) {
	name := displayName(input)
	data, err := readInput(input, stdin, opt.MaxInput)
	if err != nil {
		fmt.Fprintln(stderr, source.InputError(unwrapPath(err).Error()).Format(name))
		return nil, err
	}
	opt.File = name
	opt.Markdown = source.IsMarkdownName(input)
	doc, err := source.Parse(data, opt)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return nil, err
	}
	printDiagnostics(stderr, name, doc.Diagnostics)
	return doc, nil
}

// unwrapPath drops the path an *os.PathError repeats, since the diagnostic names the file.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

func printDiagnostics(w io.Writer, name string, ds []source.Diagnostic) {
	for _, d := range ds {
		fmt.Fprintln(w, d.Format(name))
	}
}

const parseUsage = `usage: galley parse [flags] INPUT

Print the document model of one input (a file, or - for standard input) as JSON on standard
output, and its diagnostics on standard error.

Flags:
`

func cmdParse(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := pflag.NewFlagSet("parse", pflag.ContinueOnError)
	fs.SetOutput(stdout)
	fs.SortFlags = false
	pretty := fs.Bool("pretty", false, "indent the JSON")
	lossy := fs.Bool("lossy", false, "replace invalid UTF-8 with U+FFFD and warn, instead of failing")
	maxInput := fs.String("max-input", defaultMaxInput, "refuse inputs larger than `SIZE` (at most 1GiB)")
	fs.Usage = func() {
		fmt.Fprint(stdout, parseUsage)
		printFlags(stdout, fs)
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return exitOK
		}
		say(stderr, "galley parse: %v ('galley parse --help' lists the flags)", err)
		return exitUsage
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: galley parse [flags] INPUT (galley parse --help lists the flags)")
		return exitUsage
	}
	limit, err := parseSize(*maxInput)
	if err != nil {
		say(stderr, "galley parse: --max-input: %v", err)
		return exitUsage
	}
	doc, err := parseFile(fs.Arg(0), stdin, stderr, source.Options{Lossy: *lossy, MaxInput: limit})
	if err != nil {
		return exitFailed
	}
	write := data.WriteJSON
	if *pretty {
		write = data.WriteJSONIndent
	}
	if err := write(stdout, doc); err != nil {
		fmt.Fprintln(stderr, source.InputError(err.Error()).Format(displayName(fs.Arg(0))))
		return exitFailed
	}
	return exitOK
}
