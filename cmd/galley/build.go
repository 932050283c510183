package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/spf13/pflag"

	"galley/internal/budget"
	"galley/output"
	"galley/render"
	"galley/render/cite"
	"galley/render/data"
	"galley/render/epub"
	"galley/render/pdf"
	"galley/source"
)

// renderFunc writes one artifact of an article and returns its number of pages, 0 for a
// format without pages.
type renderFunc func(w io.Writer, a *render.Article, opt *render.Options) (pages int, err error)

// formats lists the artifact formats in the order they are built and listed, with their file
// name suffix and renderer.
var formats = []formatKind{
	{"pdf", ".pdf", nil, pdf.RenderPrint},
	{"epub", ".epub", unpaged(epub.Render), nil},
	{"json", ".json", ofDocument(data.WriteJSONIndent), nil},
	{"csl", ".csl.json", ofDocument(data.WriteCSL), nil},
}

// unpaged adapts the renderer of a format without pages.
func unpaged(f func(io.Writer, *render.Article, *render.Options) error) renderFunc {
	return func(w io.Writer, a *render.Article, opt *render.Options) (int, error) {
		return 0, f(w, a, opt)
	}
}

// ofDocument adapts a writer of the document model (no pages, no options, nothing looked up).
func ofDocument(f func(io.Writer, *source.Document) error) renderFunc {
	return func(w io.Writer, a *render.Article, _ *render.Options) (int, error) {
		return 0, f(w, a.Doc)
	}
}

// buildConfig is the parsed command line of `galley build`.
type buildConfig struct {
	out     string
	formats []string
	// render holds the options every input is rendered with (the identifier and the warnings
	// are each input's own).
	render      render.Options
	images      string
	fetchImages bool
	// fetchPrivate lets image downloads reach loopback, private and link-local addresses.
	fetchPrivate bool
	jobs         int
	strict       bool
	quiet        bool
	progress     bool
	shardK       int
	shardN       int
	watch        bool
	maxInput     int64
	lossy        bool
	inputs       []string
	// debug (GALLEY_DEBUG=1) adds the stack to an internal error's message.
	debug bool
	// mem sets the collector for the build (nil if the environment does).
	mem *memoryPlan
	// memory is what the inputs being built at once share (see inputWeight).
	memory *budget.Budget
}

const buildUsage = `usage: galley build [flags] INPUT...

Typeset each input (a file, a directory of *.txt and *.md, or - for standard input) to PDF and
EPUB in the output directory, as DIR/<stem>.pdf, DIR/<stem>.epub (and .json, .csl.json).

Examples:
  galley build examples/us-recognizes-soviet-union.txt
  galley build -o out --paper a4 --cite apa articles/
  galley build -f pdf,csl -j 4 --strict articles/
  galley build --shard 2/8 -q corpus/        # the 2nd of 8 slices, for a CI matrix
  cat article.txt | galley build -o out -     # writes out/article.pdf and out/article.epub

Flags:
`

func parseBuildFlags(args []string, stderr io.Writer, getenv func(string) string, isTerminal bool) (*buildConfig, error) {
	fs := pflag.NewFlagSet("build", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.SortFlags = false
	out := fs.StringP("out", "o", "dist", "output `DIR`, created if missing")
	formatList := fs.StringP("format", "f", "pdf,epub", "artifacts to write: any of pdf, epub, json, csl")
	paper := fs.String("paper", "letter", "paper size: letter, a4, a5")
	citeStyle := fs.String("cite", "chicago", "bibliography style: chicago, mla, apa")
	font := fs.String("font", "serif", "embedded family: serif, sans, or a directory of TTF files")
	images := fs.String("images", "", "where local image files are looked up (default: each input's directory)")
	fetch := fs.Bool("fetch-images", false, "allow http(s) image download (10 s a request, 60 s an input, 20 MiB an image, public addresses only)")
	fetchPrivate := fs.Bool("fetch-allow-private", false, "let --fetch-images reach loopback, private and link-local addresses (and use HTTP_PROXY)")
	jobs := fs.IntP("jobs", "j", runtime.NumCPU(), "inputs built in parallel")
	strict := fs.Bool("strict", false, "warnings fail the build")
	quiet := fs.BoolP("quiet", "q", false, "no progress, only errors")
	progress := fs.Bool("progress", false, "show progress even when standard error is not a terminal")
	shard := fs.String("shard", "", "build only the K-th of N deterministic slices of the inputs (`K/N`)")
	watch := fs.Bool("watch", false, "rebuild an input whenever it changes")
	maxInput := fs.String("max-input", defaultMaxInput, "refuse larger inputs (the largest allowed is 1GiB)")
	lossy := fs.Bool("lossy", false, "replace invalid UTF-8 with U+FFFD and warn, instead of failing")
	embed := fs.Bool("embed-fonts", false, "also embed the fonts in the EPUB")
	fs.Usage = func() {
		fmt.Fprint(stderr, buildUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	c := &buildConfig{out: *out, images: *images, fetchImages: *fetch, fetchPrivate: *fetchPrivate, jobs: *jobs, strict: *strict,
		quiet: *quiet, watch: *watch, lossy: *lossy,
		render: render.Options{Paper: strings.ToLower(*paper), Font: *font, EmbedFonts: *embed, Version: galleyVersion()}}
	c.progress = !c.quiet && (*progress || isTerminal)
	if fs.NArg() == 0 {
		return nil, fmt.Errorf("no input (a file, a directory, or - for standard input)")
	}
	seen := map[string]bool{}
	for _, f := range strings.Split(*formatList, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		if f == "" || seen[f] {
			continue
		}
		ok := false
		for _, k := range formats {
			ok = ok || k.name == f
		}
		if !ok {
			return nil, fmt.Errorf("--format: unknown format %q (pdf, epub, json, csl)", f)
		}
		seen[f] = true
	}
	for _, k := range formats {
		if seen[k.name] {
			c.formats = append(c.formats, k.name)
		}
	}
	if len(c.formats) == 0 {
		return nil, fmt.Errorf("--format: no format given")
	}
	switch c.render.Paper {
	case "letter", "a4", "a5":
	default:
		return nil, fmt.Errorf("--paper: unknown paper %q (letter, a4, a5)", *paper)
	}
	var err error
	if c.render.Cite, err = cite.ParseStyle(*citeStyle); err != nil {
		return nil, fmt.Errorf("--cite: %w", err)
	}
	if _, err = c.render.Family(); err != nil {
		return nil, fmt.Errorf("--font: %w", err)
	}
	if c.jobs < 1 {
		return nil, fmt.Errorf("--jobs: must be at least 1")
	}
	if c.maxInput, err = parseSize(*maxInput); err != nil {
		return nil, fmt.Errorf("--max-input: %w", err)
	}
	if *shard != "" {
		if c.shardK, c.shardN, err = parseShard(*shard); err != nil {
			return nil, fmt.Errorf("--shard: %w", err)
		}
	}
	if c.render.Modified, err = output.BuildTime(getenv); err != nil {
		return nil, err
	}
	c.mem = newMemoryPlan(getenv, c.jobs)
	c.memory = budget.New(inputMemory)
	c.debug = getenv("GALLEY_DEBUG") == "1"
	if c.inputs, err = expandInputs(fs.Args()); err != nil {
		return nil, err
	}
	if c.shardN > 0 {
		c.inputs = shardOf(c.inputs, c.shardK, c.shardN)
	}
	return c, nil
}

// parseShard reads "K/N" with 1 ≤ K ≤ N.
func parseShard(s string) (int, int, error) {
	a, b, ok := strings.Cut(s, "/")
	k, err1 := strconv.Atoi(strings.TrimSpace(a))
	n, err2 := strconv.Atoi(strings.TrimSpace(b))
	if !ok || err1 != nil || err2 != nil || n < 1 || k < 1 || k > n {
		return 0, 0, fmt.Errorf("%q is not K/N with 1 ≤ K ≤ N", s)
	}
	return k, n, nil
}

// shardOf keeps the K-th of N slices of the (sorted, expanded) inputs: every N-th input from
// the K-th, so slices are balanced and their union is the whole list.
func shardOf(inputs []string, k, n int) []string {
	var out []string
	for i, in := range inputs {
		if i%n == k-1 {
			out = append(out, in)
		}
	}
	return out
}

// stem is the output base name of an input: its file name without extension.
func stem(input string) string {
	if input == "-" {
		return "article"
	}
	b := filepath.Base(input)
	return strings.TrimSuffix(b, filepath.Ext(b))
}

// result is what building one input produced.
type result struct {
	input     string
	messages  []string
	artifacts []output.Artifact
	failed    bool
}

func cmdBuild(args []string, stdin io.Reader, stdout, stderr io.Writer, env environment) int {
	c, err := parseBuildFlags(args, stderr, env.getenv, env.stderrIsTerminal)
	if err == pflag.ErrHelp {
		return exitOK
	}
	if err != nil {
		say(stderr, "galley build: %v", err)
		return exitUsage
	}
	if !utf8.ValidString(c.out) {
		say(stderr, "galley build: --out %s: the directory name is not UTF-8 text", c.out)
		return exitUsage
	}
	if err := os.MkdirAll(c.out, 0o755); err != nil {
		say(stderr, "galley build: %v", err)
		return exitFailed
	}
	output.CleanStale(c.out)
	stop := handleSignals(stderr)
	defer stop()
	// What a process's first PDF and EPUB need whatever the input (fonts, hyphenation
	// patterns, go-epub's frame, the compressors) is made in one goroutine while the first input is read and
	// parsed; one, so that the parse keeps a core of a two-core machine to itself. It starts
	// after the signal handler, whose set-up waits for a goroutine of its own to run.
	go func() {
		if slices.Contains(c.formats, "pdf") {
			pdf.Prepare(c.render.Font)
		}
		if slices.Contains(c.formats, "epub") {
			epub.Prepare()
		}
		render.Prepare()
	}()
	if c.watch {
		return watchInputs(c, stdin, stderr)
	}
	return buildAll(c, stdin, stderr)
}

// Garbage collector settings of a build, unless GOGC or GOMEMLIMIT say otherwise. An article
// allocates a few megabytes and keeps little of them, so with Go's default (collect whenever
// the heap has doubled) a batch collected about once per article, for a quarter of its CPU
// time. A build of small articles collects when the heap has grown to five times what is
// live (GOGC=400), and a memory limit keeps a batch's heap near 64 MiB all the same. A large
// article (past 128 KiB, ten times a long one) keeps Go's default percentage, since its heap
// is mostly live (a 1 MiB input of one-letter headings reaches 460 MB at GOGC=100, and 700 MB
// at 400), and the limit is raised for it: 64 times its size for each job.
const (
	buildGCPercent = 400
	smallArticle   = 128 << 10
	baseMemory     = 64 << 20
	heapPerByte    = 64
)

// The memory of the inputs being built at once. An input of n bytes is counted as
// inputWeight(n): the most an input of that size was measured to take, made of the smallest
// blocks the formats cost most for (lines of "##", one-letter paragraphs, key figures of six
// bytes: about 550 times their size; prose takes 75). The workers wait for their input's
// weight: whatever -j is, the inputs built at once stay within inputMemory, and an input
// heavier than all of it (a --max-input above the default) is built alone. Images have a
// budget of their own (render.MaxImageMemory).
const (
	inputBase    = 16 << 20
	inputPerByte = 600
)

// inputMemory is the memory the inputs being built at once share (a variable: tests lower
// it).
var inputMemory int64 = 768 << 20

// inputWeight is the memory an input of n bytes is counted for while it is built.
func inputWeight(n int64) int64 { return inputBase + inputPerByte*n }

// memoryPlan sets the collector for a build and adapts it to the inputs as they are read.
type memoryPlan struct {
	gc, limit bool // set the percentage, the limit (the environment sets neither)
	jobs      int64

	mu        sync.Mutex
	active    bool
	largest   int64 // the largest input read so far
	prevGC    int
	prevLimit int64
}

// newMemoryPlan returns the plan of a build with jobs workers, nil if the environment sets
// both GOGC and GOMEMLIMIT.
func newMemoryPlan(getenv func(string) string, jobs int) *memoryPlan {
	m := &memoryPlan{gc: getenv("GOGC") == "", limit: getenv("GOMEMLIMIT") == "", jobs: int64(jobs)}
	if !m.gc && !m.limit {
		return nil
	}
	return m
}

// apply sets the collector for the build and returns a function that restores the previous
// settings.
func (m *memoryPlan) apply() func() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.active = true
	if m.gc {
		m.prevGC = debug.SetGCPercent(m.percent())
	}
	if m.limit {
		m.prevLimit = debug.SetMemoryLimit(baseMemory + m.jobs*heapPerByte*m.largest)
	}
	return func() {
		m.mu.Lock()
		defer m.mu.Unlock()
		m.active = false
		if m.gc {
			debug.SetGCPercent(m.prevGC)
		}
		if m.limit {
			debug.SetMemoryLimit(m.prevLimit)
		}
	}
}

func (m *memoryPlan) percent() int {
	if m.largest > smallArticle {
		return 100
	}
	return buildGCPercent
}

// input adapts the settings, if needed, to an input of n bytes.
func (m *memoryPlan) input(n int64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if n <= m.largest {
		return
	}
	m.largest = n
	if !m.active {
		return
	}
	if m.gc {
		debug.SetGCPercent(m.percent())
	}
	if m.limit {
		debug.SetMemoryLimit(baseMemory + m.jobs*heapPerByte*n)
	}
}

// buildAll builds every input with c.jobs workers and writes the manifest for a batch.
func buildAll(c *buildConfig, stdin io.Reader, stderr io.Writer) int {
	if c.mem != nil {
		defer c.mem.apply()()
	}
	results := make([]result, len(c.inputs))
	clash := claimOutputs(c.inputs, c.formats, len(c.inputs) > 1, output.FoldsCase(c.out))

	prog := newProgress(c, len(c.inputs), stderr)
	var mu sync.Mutex
	done := make([]bool, len(c.inputs))
	next := 0 // the first input whose messages are not printed yet
	// emit prints the messages of input i once every input before it has had its printed:
	// the log of a batch is in input order, the same whatever -j is.
	emit := func(i int) {
		mu.Lock()
		defer mu.Unlock()
		done[i] = true
		prog.clear()
		for ; next < len(done) && done[next]; next++ {
			for _, m := range results[next].messages {
				fmt.Fprintln(stderr, m)
			}
		}
		prog.step(results[i].input)
	}

	work := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(c.jobs, max(1, len(c.inputs))); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				in := c.inputs[i]
				if clash[i] != "" {
					results[i] = result{input: in, failed: true, messages: []string{source.InputError(clash[i]).Format(in)}}
				} else {
					prog.current(in)
					results[i] = buildCaught(c, in, stdin)
				}
				emit(i)
			}
		}()
	}
	for i := range c.inputs {
		work <- i
	}
	close(work)
	wg.Wait()
	prog.finish()

	code := exitOK
	m := &output.Manifest{Generator: "galley " + galleyVersion(), Created: c.render.Modified.Format(time.RFC3339)}
	for _, r := range results {
		if r.failed {
			code = exitFailed
			m.Failed = append(m.Failed, r.input)
		}
		m.Artifacts = append(m.Artifacts, r.artifacts...)
	}
	if len(c.inputs) > 1 {
		if err := output.WriteManifest(filepath.Join(c.out, manifestName), m); err != nil {
			say(stderr, "galley build: manifest: %v", err)
			code = exitFailed
		}
	}
	return code
}

// manifestName is the batch manifest's file name in the output directory.
const manifestName = "manifest.json"

// claimOutputs gives each input, in input order, the names of its artifacts in formats. An
// input one of whose artifacts would take the name of an earlier input's artifact, or of the
// manifest when there is one, is refused: its entry says why, and it claims nothing, so no
// build overwrites another's file. With fold (a file system that ignores case), names that
// differ only in case are the same name.
func claimOutputs(inputs, formats []string, manifest, fold bool) []string {
	key := func(name string) string {
		if fold {
			return strings.ToLower(name)
		}
		return name
	}
	owner := map[string]string{}
	if manifest {
		owner[key(manifestName)] = ""
	}
	clash := make([]string, len(inputs))
	for i, in := range inputs {
		var names []string
		for _, f := range formats {
			names = append(names, stem(in)+formatByName(f).suffix)
		}
		for _, n := range names {
			prev, taken := owner[key(n)]
			switch {
			case !taken:
				continue
			case prev == "":
				clash[i] = fmt.Sprintf("output %s would overwrite the batch's %s", n, manifestName)
			default:
				clash[i] = fmt.Sprintf("output %s is already an output of %s", n, prev)
			}
			break
		}
		if clash[i] == "" {
			for _, n := range names {
				owner[key(n)] = in
			}
		}
	}
	return clash
}

// buildOne reads, parses and renders one input into every requested format. Its artifacts
// are committed together, and only when all of them succeeded (and, with --strict, nothing
// was worth a warning).
func buildOne(c *buildConfig, input string, stdin io.Reader) result {
	r := result{input: input}
	fail := func(msg string) result {
		r.messages = append(r.messages, msg)
		r.failed = true
		r.artifacts = nil // a failed input has none
		return r
	}
	failInput := func(format string, a ...any) result {
		return fail(source.InputError(fmt.Sprintf(format, a...)).Format(input))
	}
	if !utf8.ValidString(input) {
		// The manifest, JSON, could not name the input or its artifacts.
		return failInput("the file name is not UTF-8 text; rename the file")
	}
	data, err := readInput(input, stdin, c.maxInput)
	if err != nil {
		return failInput("%v", unwrapPath(err))
	}
	if c.mem != nil {
		c.mem.input(int64(len(data)))
	}
	defer c.memory.Take(inputWeight(int64(len(data))))()
	if testHook != nil {
		testHook(input, "")
		defer testHook(input, "built")
	}
	doc, err := source.Parse(data, source.Options{File: input, Markdown: source.IsMarkdownName(input),
		MaxInput: c.maxInput, Lossy: c.lossy})
	if err != nil {
		return fail(err.Error()) // a *source.Error, positioned
	}
	warnings := 0
	for _, d := range doc.Diagnostics {
		r.messages = append(r.messages, d.Format(input))
		if d.Severity == source.SevWarning {
			warnings++
		}
	}
	imgDir := c.images
	if imgDir == "" {
		imgDir = filepath.Dir(input)
		if input == "-" {
			imgDir = "."
		}
	}
	images := &render.DirImages{Dir: imgDir}
	if c.fetchImages {
		images.Fetch = render.NewFetcher(c.fetchPrivate).Fetch
	}
	opt := c.render
	opt.Identifier = output.Identifier(data)
	kinds := make([]formatKind, len(c.formats))
	for i, f := range c.formats {
		if kinds[i] = formatByName(f); !kinds[i].available() {
			return failInput("%s output is not available in this build", f)
		}
	}
	outs := renderAll(kinds, render.NewArticle(doc, images), &opt, len(c.inputs) < c.jobs)

	// Whatever ends the build of this input (a failure, a panic), its temporary files go;
	// once committed, they are artifacts, which Abort leaves.
	var temps []*output.Temp
	defer func() {
		for _, t := range temps {
			t.Abort()
		}
	}()
	seenWarn := map[string]bool{}
	for i, k := range kinds {
		for _, w := range outs[i].warnings {
			m := source.LineWarning(w.line, w.msg).Format(input)
			if !seenWarn[m] {
				seenWarn[m] = true
				warnings++
				r.messages = append(r.messages, m)
			}
		}
		if err := outs[i].err; err != nil {
			if ie := (*internalError)(nil); errors.As(err, &ie) {
				r.messages = append(r.messages, internalMessages(c, input, fmt.Errorf("%s: %w", k.name, err))...)
				r.failed, r.artifacts = true, nil
				return r
			}
			// The renderers' errors mostly name their format already ("pdf: ...").
			msg := err.Error()
			if !strings.HasPrefix(msg, k.name+": ") {
				msg = k.name + ": " + msg
			}
			return failInput("%s", msg)
		}
		buf := outs[i].buf.Bytes()
		path := filepath.Join(c.out, stem(input)+k.suffix)
		t, err := output.Create(path)
		if err == nil {
			_, err = t.Write(buf)
			temps = append(temps, t)
		}
		if err != nil {
			return failInput("%v", err)
		}
		r.artifacts = append(r.artifacts, output.Describe(input, path, k.name, buf, outs[i].pages))
	}
	if c.strict && warnings > 0 {
		return failInput("%d warning(s) and --strict: nothing written", warnings)
	}
	// All of the input's formats, or none of them.
	if err := output.CommitAll(temps); err != nil {
		return failInput("%v", err)
	}
	return r
}

// formatKind is an output format: its name on the command line, its file suffix and its
// renderer: render, or print for the print edition (the PDF), whose pages the EPUB of the
// same build lists.
type formatKind struct {
	name, suffix string
	render       renderFunc
	print        func(w io.Writer, a *render.Article, opt *render.Options) (*render.Print, error)
}

// available reports whether the format has a renderer in this build.
func (k formatKind) available() bool { return k.render != nil || k.print != nil }

func formatByName(name string) formatKind {
	for _, k := range formats {
		if k.name == name {
			return k
		}
	}
	panic("unknown format " + name)
}

// rendered is one format of a document: its bytes and pages, or the error that stopped it,
// and the warnings it gave on the way.
type rendered struct {
	buf      bytes.Buffer
	pages    int
	print    *render.Print // the print edition's pages, of the PDF
	err      error
	warnings []warning
}

type warning struct {
	line int
	msg  string
}

// renderAll renders the article in every format of kinds, all at once if parallel (a build
// with fewer inputs than workers has cores to spare), one after another otherwise; but the
// EPUB of a build with a PDF waits for it, to list its pages where the print edition's begin.
// Each format keeps its own warnings, so that the messages come in the same order either
// way; what the formats look up about the article (its images, its bibliography) is looked
// up once.
func renderAll(kinds []formatKind, a *render.Article, opt *render.Options, parallel bool) []rendered {
	outs := make([]rendered, len(kinds))
	printed := -1 // the format whose print edition the EPUB follows
	for i, k := range kinds {
		if k.print != nil {
			printed = i
		}
	}
	one := func(i int) {
		// A panic is this format's error: in a goroutine of its own, nothing else could
		// recover it, and the whole batch would stop.
		defer catch(&outs[i].err)
		if testHook != nil {
			testHook(a.Doc.File, kinds[i].name)
		}
		o := *opt
		o.Warn = func(line int, msg string) {
			outs[i].warnings = append(outs[i].warnings, warning{line, msg})
		}
		if k := kinds[i]; k.print != nil {
			outs[i].print, outs[i].err = k.print(&outs[i].buf, a, &o)
			if outs[i].print != nil {
				outs[i].pages = len(outs[i].print.Pages)
			}
			return
		}
		if kinds[i].name == "epub" && printed >= 0 {
			o.Print = outs[printed].print
		}
		outs[i].pages, outs[i].err = kinds[i].render(&outs[i].buf, a, &o)
	}
	// The print edition first, when the EPUB follows it.
	order := make([]int, 0, len(kinds))
	if printed >= 0 {
		order = append(order, printed)
	}
	for i := range kinds {
		if i != printed {
			order = append(order, i)
		}
	}
	if !parallel || len(kinds) < 2 {
		for _, i := range order {
			if one(i); outs[i].err != nil {
				break
			}
		}
		return outs
	}
	var wg sync.WaitGroup
	epubAt := slices.IndexFunc(kinds, func(k formatKind) bool { return k.name == "epub" })
	for _, i := range order {
		switch {
		case i == epubAt && printed >= 0:
		case i == printed && epubAt >= 0:
			wg.Go(func() {
				if one(i); outs[i].err == nil {
					one(epubAt)
				}
			})
		default:
			wg.Go(func() { one(i) })
		}
	}
	wg.Wait()
	return outs
}
