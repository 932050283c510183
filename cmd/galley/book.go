package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"sync"
	"unicode/utf8"

	"galley/output"
	"galley/render"
	"galley/render/epub"
	"galley/render/pdf"
	"galley/source"
	"galley/source/book"
)

const bookUsage = `usage: galley book [flags] --title T INPUT...

Typeset the inputs (files, directories of *.txt and *.md, or - for standard input) as one
book, in the order given: a title page, the contents, one chapter per input, a chronology of
every chapter's events, a combined bibliography and an index of key figures, written as
DIR/<slug of the title>.pdf and DIR/<slug of the title>.epub. One input that fails fails the
book, and nothing is written.

Examples:
  galley book --title "Unit 3: Interwar Diplomacy" -o unit3 a.txt b.txt c.txt
  galley book --title "The Great War" --subtitle "Five articles" --paper a4 --cite apa articles/

Flags:
`

// bookFormats are the formats a book is written in.
var bookFormats = []formatKind{
	{name: "pdf", suffix: ".pdf"},
	{name: "epub", suffix: ".epub"},
}

// bookRender renders a book in one format and returns its print edition (nil for the
// EPUB), whose pages the EPUB lists when opt.Print is set.
type bookRender func(w io.Writer, b *render.Book, opt *render.Options, report func(chapter, line int, sev source.Severity, msg string)) (*render.Print, error)

var bookRenderers = map[string]bookRender{
	"pdf": pdf.RenderBookPrint,
	"epub": func(w io.Writer, b *render.Book, opt *render.Options, report func(chapter, line int, sev source.Severity, msg string)) (*render.Print, error) {
		return nil, epub.RenderBook(w, b, opt, report)
	},
}

func cmdBook(args []string, stdin io.Reader, stdout, stderr io.Writer, env environment) int {
	f := newBuildFlags("book", true, stdout, bookUsage)
	title := f.fs.String("title", "", "the book's `TITLE` (required); its slug names the files")
	subtitle := f.fs.String("subtitle", "", "the book's `SUBTITLE`, on its title page")
	c, err := parseFlags(f, args, env.getenv, env.stderrIsTerminal)
	if err == nil {
		if err = bookFlags(c, *title); err != nil {
			err = fmt.Errorf("%w ('galley book --help' lists the flags)", err)
		}
	}
	if code, stop := flagsFailed("book", err, stderr); stop {
		return code
	}
	stop, code := startOutput("book", c, stderr)
	if stop == nil {
		return code
	}
	defer stop()
	if c.mem != nil {
		defer c.mem.apply()()
	}
	msgs, ok := buildBook(c, *title, *subtitle, stdin)
	for _, m := range msgs {
		if c.shows(m) {
			fmt.Fprintln(stderr, m.text)
		}
	}
	if !ok {
		return exitFailed
	}
	return exitOK
}

// bookFlags checks what a book needs of the build flags: a title, and formats a book has.
func bookFlags(c *buildConfig, title string) error {
	if !utf8.ValidString(title) {
		return errors.New("--title: not UTF-8 text")
	}
	// The book's own rule for a title: something that shows.
	if _, err := book.New(title, "", nil); errors.Is(err, book.ErrNoTitle) {
		return fmt.Errorf("--title: %w", err)
	}
	if !utf8.ValidString(c.out) {
		return fmt.Errorf("--out %s: the directory name is not UTF-8 text", c.out)
	}
	for _, f := range c.formats {
		if f != "pdf" && f != "epub" {
			return fmt.Errorf("--format: a book is written as pdf and epub, not %s", f)
		}
	}
	switch {
	case c.watch:
		return errors.New("--watch: not available for a book")
	case c.shardN > 0:
		return errors.New("--shard: not available for a book, which is built whole")
	}
	return nil
}

// parsed is one input of a book, read and parsed.
type parsed struct {
	data     []byte
	doc      *source.Document
	messages []message
	failed   bool
	warnings int
}

// buildBook parses the inputs (c.jobs at once), composes them as a book and renders it in
// every format; it returns the diagnostics, in input order, and whether the book was
// written. Its files are committed together, and only when every input parsed and every
// format rendered (and, with --strict, nothing was worth a warning).
func buildBook(c *buildConfig, title, subtitle string, stdin io.Reader) (msgs []message, ok bool) {
	ins := make([]parsed, len(c.inputs))
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(c.jobs, max(1, len(c.inputs))) {
		wg.Go(func() {
			for i := range work {
				ins[i] = parseCaught(c, c.inputs[i], stdin)
			}
		})
	}
	for i := range c.inputs {
		work <- i
	}
	close(work)
	wg.Wait()
	warnings, failed := 0, false
	docs := make([]*source.Document, len(ins))
	arts := make([]*render.Article, len(ins))
	for i, in := range ins {
		msgs = append(msgs, in.messages...)
		warnings += in.warnings
		failed = failed || in.failed
		if !in.failed {
			docs[i] = in.doc
			arts[i] = render.NewArticle(in.doc, inputImages(c, c.inputs[i]))
		}
	}
	fail := func(format string, a ...any) ([]message, bool) {
		return append(msgs, message{source.SevError, "galley book: " + fmt.Sprintf(format, a...)}), false
	}
	if failed {
		return fail("an input failed: nothing written")
	}
	bk, err := book.New(title, subtitle, docs)
	if err != nil {
		return fail("%v", err)
	}
	b := render.NewBook(bk, arts)
	opt := c.render
	id := []byte(title + "\x00" + subtitle)
	for _, in := range ins {
		id = append(append(id, 0), in.data...)
	}
	opt.Identifier = output.Identifier(id)

	var kinds []formatKind
	for _, k := range bookFormats {
		for _, f := range c.formats {
			if f == k.name {
				kinds = append(kinds, k)
			}
		}
	}
	outs := make([]rendered, len(kinds))
	var edition *render.Print
	one := func(i int) {
		defer catch(&outs[i].err)
		report := func(ch, line int, sev source.Severity, msg string) {
			name := filepath.Join(c.out, bk.Slug+kinds[i].suffix)
			if ch >= 0 {
				name = displayName(c.inputs[ch])
			}
			d := source.Diagnostic{Line: max(line, 1), Col: 1, Severity: sev, Message: msg}
			outs[i].warnings = append(outs[i].warnings, warning{line, d.Format(name), sev})
		}
		o := opt
		if kinds[i].name == "epub" {
			o.Print = edition
		}
		p, err := bookRenderers[kinds[i].name](&outs[i].buf, b, &o, report)
		outs[i].err = err
		if p != nil {
			outs[i].pages, edition = len(p.Pages), p
		}
	}
	// The PDF first: the EPUB lists its pages.
	for i := range kinds {
		one(i)
	}
	var temps []*output.Temp
	defer func() {
		for _, t := range temps {
			t.Abort()
		}
	}()
	seen := map[string]bool{}
	for i, k := range kinds {
		for _, w := range outs[i].warnings {
			if !seen[w.msg] {
				seen[w.msg] = true
				if w.sev == source.SevWarning {
					warnings++
				}
				msgs = append(msgs, message{w.sev, w.msg})
			}
		}
		if err := outs[i].err; err != nil {
			var ie *internalError
			if errors.As(err, &ie) {
				msgs = append(msgs, internalMessages(c, bk.Slug+k.suffix, fmt.Errorf("%s: %w", k.name, err))...)
				return fail("nothing written")
			}
			return fail("%v: nothing written", err)
		}
		path := filepath.Join(c.out, bk.Slug+k.suffix)
		t, err := output.Create(path)
		if err == nil {
			_, err = t.Write(outs[i].buf.Bytes())
			temps = append(temps, t)
		}
		if err != nil {
			return fail("%v", err)
		}
	}
	if c.strict && warnings > 0 {
		return fail("%d warning(s) and --strict: nothing written", warnings)
	}
	if err := output.CommitAll(temps); err != nil {
		return fail("%v", err)
	}
	return msgs, true
}

// parseCaught reads and parses one input of a book, a panic on the way being that input's
// failure.
func parseCaught(c *buildConfig, input string, stdin io.Reader) (p parsed) {
	var err error
	defer func() {
		if err != nil {
			p = parsed{failed: true, messages: internalMessages(c, input, err)}
		}
	}()
	defer catch(&err)
	return parseInput(c, input, stdin)
}

// parseInput reads and parses one input of a book, with its diagnostics.
func parseInput(c *buildConfig, input string, stdin io.Reader) parsed {
	var p parsed
	name := displayName(input)
	fail := func(msg string) parsed {
		p.messages = append(p.messages, message{source.SevError, msg})
		p.failed = true
		return p
	}
	if !utf8.ValidString(input) {
		return fail(source.InputError("the file name is not UTF-8 text; rename the file").Format(name))
	}
	data, err := readInput(input, stdin, c.maxInput)
	if err != nil {
		return fail(source.InputError(unwrapPath(err).Error()).Format(name))
	}
	if c.mem != nil {
		c.mem.input(int64(len(data)))
	}
	defer c.memory.Take(inputWeight(int64(len(data))))()
	doc, err := source.Parse(data, source.Options{File: name, Markdown: source.IsMarkdownName(input),
		MaxInput: c.maxInput, Lossy: c.lossy})
	if err != nil {
		return fail(err.Error())
	}
	p.data, p.doc = data, doc
	for _, d := range doc.Diagnostics {
		p.messages = append(p.messages, message{d.Severity, d.Format(name)})
		if d.Severity == source.SevWarning {
			p.warnings++
		}
	}
	return p
}
