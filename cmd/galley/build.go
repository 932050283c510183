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
	render render.Options
	images string
	// imagesGiven says --images was given (or the house-style file set it): an image missing
	// there is a warning even when the figure names a remote address.
	imagesGiven bool
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
	// dryRun (galley check) reads, looks up and renders every input as a build does, and
	// writes nothing.
	dryRun bool
}

const buildUsage = `usage: galley build [flags] INPUT...

Typeset each input (a file, a directory of *.txt and *.md, or - for standard input) to PDF and
EPUB in the output directory, as DIR/<stem>.pdf, DIR/<stem>.epub (and .json, .csl.json).
Defaults come from the house-style file (--config FILE, else ./galley.toml when there is one);
flags override it.

An image not found is a warning (--strict fails on it), unless the figure names only a remote
address and neither --images nor --fetch-images was given: that is a note, which --strict does
not count.

Examples:
  galley build examples/erie-canal-opens.txt
  galley build -o out --paper a4 --cite apa examples/
  galley build -f pdf,csl -j 4 --strict examples/
  galley build --shard 2/8 -q corpus/        # the 2nd of 8 slices, for a CI matrix
  cat article.txt | galley build -o out -     # writes out/article.pdf and out/article.epub

Flags:
`

const checkUsage = `usage: galley check [flags] INPUT...

Read each input as galley build would, looking up its images and rendering every format, and
print exactly the diagnostics build would print, in input order; write nothing. The exit status
is build's: 1 when an input fails (with --strict, when it has a warning; notes do not count).
check takes build's flags except those about writing files (--out, --embed-fonts, --watch).

Flags:
`

// buildFlags are the flags of galley build; galley check defines those that do not concern
// writing files (writes false).
type buildFlags struct {
	fs                                           *pflag.FlagSet
	out, paper, cite, font, images, shard, limit *string
	formats                                      *[]string
	config                                       *string
	fetch, fetchPrivate, strict, quiet           *bool
	progress, watch, lossy, embed                *bool
	jobs                                         *int
}

// newBuildFlags returns the flags of the command name; --help prints usage and the flags to
// help.
func newBuildFlags(name string, writes bool, help io.Writer, usage string) *buildFlags {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(help)
	fs.SortFlags = false
	f := &buildFlags{fs: fs, out: new(string), watch: new(bool), embed: new(bool)}
	if writes {
		f.out = fs.StringP("out", "o", "dist", "output `DIR`, created if missing")
	}
	f.formats = fs.StringSliceP("format", "f", []string{"pdf", "epub"}, "artifacts, a `LIST` of pdf, epub, json, csl")
	f.paper = fs.String("paper", "letter", "paper size (`NAME`): letter, a4, a5")
	f.cite = fs.String("cite", "chicago", "bibliography `STYLE`: chicago, mla, apa")
	f.font = fs.String("font", "serif", "embedded `FAMILY`: serif, sans, or a directory of TTF files")
	f.images = fs.String("images", "", "the `DIR` where image files are looked up (default: each input's own); an image missing there is a warning")
	f.fetch = fs.Bool("fetch-images", false, "allow http(s) image download (10 s a request, 60 s an input, 20 MiB an image, public addresses only)")
	f.fetchPrivate = fs.Bool("fetch-allow-private", false, "let --fetch-images reach loopback, private and link-local addresses (and use HTTP_PROXY)")
	f.jobs = fs.IntP("jobs", "j", runtime.NumCPU(), "`N` inputs built in parallel")
	f.strict = fs.Bool("strict", false, "warnings fail an input (notes do not)")
	f.quiet = fs.BoolP("quiet", "q", false, "no progress, only errors (and, with --strict, the warnings that fail an input)")
	f.progress = fs.Bool("progress", false, "show progress even when standard error is not a terminal")
	f.shard = fs.String("shard", "", "only the K-th of N deterministic slices of the inputs (`K/N`)")
	if writes {
		f.watch = fs.Bool("watch", false, "rebuild an input whenever it changes")
	}
	f.limit = fs.String("max-input", defaultMaxInput, "refuse inputs larger than `SIZE` (at most 1GiB)")
	f.lossy = fs.Bool("lossy", false, "replace invalid UTF-8 with U+FFFD and warn, instead of failing")
	if writes {
		f.embed = fs.Bool("embed-fonts", false, "also embed the fonts in the EPUB")
	}
	f.config = fs.String("config", "", "the house-style `FILE` (default: ./galley.toml if there is one; '' for none)")
	for _, name := range []string{"out", "images"} {
		if fs.Lookup(name) != nil {
			_ = fs.SetAnnotation(name, pathAnnotation, nil) // the flag exists: no error
		}
	}
	_ = fs.SetAnnotation("font", pathAnnotation, []string{"serif", "sans"})
	fs.Usage = func() {
		fmt.Fprint(help, usage)
		printFlags(help, fs)
	}
	return f
}

// parseBuildFlags reads galley build's command line (--help prints to help).
func parseBuildFlags(args []string, help io.Writer, getenv func(string) string, isTerminal bool) (*buildConfig, error) {
	return parseFlags(newBuildFlags("build", true, help, buildUsage), args, getenv, isTerminal)
}

// parseCheckFlags reads galley check's command line (--help prints to help).
func parseCheckFlags(args []string, help io.Writer, getenv func(string) string, isTerminal bool) (*buildConfig, error) {
	c, err := parseFlags(newBuildFlags("check", false, help, checkUsage), args, getenv, isTerminal)
	if c != nil {
		c.dryRun = true
	}
	return c, err
}

// parseFlags reads the command line, then the house-style file for what it left at its
// default, and checks the result. A problem with a value the file gave is reported where the
// file gives it (a *configError).
func parseFlags(f *buildFlags, args []string, getenv func(string) string, isTerminal bool) (*buildConfig, error) {
	fs := f.fs
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return nil, err
		}
		return nil, fmt.Errorf("%w ('galley %s --help' lists the flags)", err, fs.Name())
	}
	var house *houseStyle
	if path := findHouseStyle(*f.config, fs.Changed("config")); path != "" {
		var err error
		// The file is checked against build's flags whatever the command, so that check
		// and build take the same files.
		if house, err = loadHouseStyle(path, newBuildFlags("build", true, io.Discard, "").fs); err != nil {
			return nil, err
		}
		if err := house.apply(fs); err != nil {
			return nil, err
		}
	}
	// flagErr names the flag a bad value came from: the command line, or the file.
	flagErr := func(name string, err error) error {
		if at, ok := house.positionOf(name); ok && house.applied[name] {
			e := &configError{file: house.File}
			e.add(at, "build.%s: %v", name, err)
			return e
		}
		return fmt.Errorf("--%s: %w", name, err)
	}
	c := &buildConfig{out: *f.out, images: *f.images, imagesGiven: fs.Changed("images"), fetchImages: *f.fetch,
		fetchPrivate: *f.fetchPrivate, jobs: *f.jobs, strict: *f.strict, quiet: *f.quiet, watch: *f.watch, lossy: *f.lossy,
		render: render.Options{Paper: strings.ToLower(*f.paper), Font: *f.font, EmbedFonts: *f.embed, Version: galleyVersion()}}
	if house != nil {
		c.render.House, c.render.Logo = house.Name, house.Logo
	}
	c.progress = !c.quiet && (*f.progress || isTerminal)
	if fs.NArg() == 0 {
		return nil, fmt.Errorf("no input (a file, a directory, or - for standard input)")
	}
	seen := map[string]bool{}
	for _, name := range *f.formats {
		name = strings.ToLower(strings.TrimSpace(name))
		if name == "" || seen[name] {
			continue
		}
		ok := false
		for _, k := range formats {
			ok = ok || k.name == name
		}
		if !ok {
			return nil, flagErr("format", fmt.Errorf("unknown format %q (pdf, epub, json, csl)", name))
		}
		seen[name] = true
	}
	for _, k := range formats {
		if seen[k.name] {
			c.formats = append(c.formats, k.name)
		}
	}
	if len(c.formats) == 0 {
		return nil, flagErr("format", errors.New("no format given"))
	}
	switch c.render.Paper {
	case "letter", "a4", "a5":
	default:
		return nil, flagErr("paper", fmt.Errorf("unknown paper %q (letter, a4, a5)", *f.paper))
	}
	var err error
	if c.render.Cite, err = cite.ParseStyle(*f.cite); err != nil {
		return nil, flagErr("cite", err)
	}
	if _, err = c.render.Family(); err != nil {
		return nil, flagErr("font", err)
	}
	if c.jobs < 1 {
		return nil, flagErr("jobs", errors.New("must be at least 1"))
	}
	if c.maxInput, err = parseSize(*f.limit); err != nil {
		return nil, flagErr("max-input", err)
	}
	if *f.shard != "" {
		if c.shardK, c.shardN, err = parseShard(*f.shard); err != nil {
			return nil, flagErr("shard", err)
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
	messages  []message
	artifacts []output.Artifact
	failed    bool
}

// message is a diagnostic about an input, as printed, and its severity; the stack of an
// internal error (GALLEY_DEBUG=1) is an error's message of several lines.
type message struct {
	sev  source.Severity
	text string
}

// shows reports whether the build prints m: with -q only errors, and with --strict the
// warnings too, since they fail the input.
func (c *buildConfig) shows(m message) bool {
	return !c.quiet || m.sev == source.SevError || c.strict && m.sev == source.SevWarning
}

// displayName is an input's name in diagnostics: standard input is <stdin>, as compilers
// name it.
func displayName(input string) string {
	if input == "-" {
		return "<stdin>"
	}
	return input
}

// flagsFailed reports what parsing a command's flags gave: the exit status, and whether to
// stop (help was asked for, or the command line or the house-style file is wrong).
func flagsFailed(cmd string, err error, stderr io.Writer) (int, bool) {
	var ce *configError
	switch {
	case err == nil:
		return exitOK, false
	case errors.Is(err, pflag.ErrHelp):
		return exitOK, true
	case errors.As(err, &ce):
		fmt.Fprintln(stderr, ce.Error()) // diagnostics, made printable
	default:
		say(stderr, "galley %s: %v", cmd, err)
	}
	return exitUsage, true
}

func cmdCheck(args []string, stdin io.Reader, stdout, stderr io.Writer, env environment) int {
	c, err := parseCheckFlags(args, stdout, env.getenv, env.stderrIsTerminal)
	if code, stop := flagsFailed("check", err, stderr); stop {
		return code
	}
	go prepare(c)
	return buildAll(c, stdin, stderr)
}

// prepare makes what a process's first PDF and EPUB need whatever the input (fonts,
// hyphenation patterns, go-epub's frame, the compressors), meant to run in one goroutine
// while the first input is read and parsed; one, so that the parse keeps a core of a two-core
// machine to itself.
func prepare(c *buildConfig) {
	if slices.Contains(c.formats, "pdf") {
		pdf.Prepare(c.render.Font)
	}
	if slices.Contains(c.formats, "epub") {
		epub.Prepare()
	}
	render.Prepare()
}

// inputImages is where an input's images are found.
func inputImages(c *buildConfig, input string) render.Images {
	dir := c.images
	if dir == "" {
		dir = filepath.Dir(input)
		if input == "-" {
			dir = "."
		}
	}
	images := &render.DirImages{Dir: dir, Explicit: c.imagesGiven}
	if c.fetchImages {
		images.Fetch = render.NewFetcher(c.fetchPrivate).Fetch
	}
	return images
}

// startOutput readies the output directory of command name (build, book) and what a run
// that writes into it needs: the directory made and cleared of a dead run's temporary files,
// the signal handler that removes this run's, and the warm-up, started after the handler,
// whose set-up waits for a goroutine of its own to run. It returns the handler's stop, or
// nil and the exit status when the directory cannot be used.
func startOutput(name string, c *buildConfig, stderr io.Writer) (stop func(), code int) {
	if !utf8.ValidString(c.out) {
		say(stderr, "galley %s: --out %s: the directory name is not UTF-8 text", name, c.out)
		return nil, exitUsage
	}
	if err := os.MkdirAll(c.out, 0o755); err != nil {
		say(stderr, "galley %s: %v", name, err)
		return nil, exitFailed
	}
	output.CleanStale(c.out)
	stop = handleSignals(stderr)
	go prepare(c)
	return stop, exitOK
}

func cmdBuild(args []string, stdin io.Reader, stdout, stderr io.Writer, env environment) int {
	c, err := parseBuildFlags(args, stdout, env.getenv, env.stderrIsTerminal)
	if code, stop := flagsFailed("build", err, stderr); stop {
		return code
	}
	stop, code := startOutput("build", c, stderr)
	if stop == nil {
		return code
	}
	defer stop()
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
	// A check writes nothing, not even the file that tells whether names fold case.
	clash := claimOutputs(c.inputs, c.formats, len(c.inputs) > 1, !c.dryRun && output.FoldsCase(c.out))

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
				if c.shows(m) {
					fmt.Fprintln(stderr, m.text)
				}
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
					results[i] = result{input: in, failed: true,
						messages: []message{{source.SevError, source.InputError(clash[i]).Format(displayName(in))}}}
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
	if len(c.inputs) > 1 && !c.dryRun {
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
	name := displayName(input)
	fail := func(msg string) result {
		r.messages = append(r.messages, message{source.SevError, msg})
		r.failed = true
		r.artifacts = nil // a failed input has none
		return r
	}
	failInput := func(format string, a ...any) result {
		return fail(source.InputError(fmt.Sprintf(format, a...)).Format(name))
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
	doc, err := source.Parse(data, source.Options{File: name, Markdown: source.IsMarkdownName(input),
		MaxInput: c.maxInput, Lossy: c.lossy})
	if err != nil {
		return fail(err.Error()) // a *source.Error, positioned
	}
	warnings := 0
	for _, d := range doc.Diagnostics {
		r.messages = append(r.messages, message{d.Severity, d.Format(name)})
		if d.Severity == source.SevWarning {
			warnings++
		}
	}
	images := inputImages(c, input)
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
	seen := map[string]bool{}
	for i, k := range kinds {
		for _, w := range outs[i].warnings {
			m := source.Diagnostic{Line: max(w.line, 1), Col: 1, Severity: w.sev, Message: w.msg}.Format(name)
			if !seen[m] {
				seen[m] = true
				if w.sev == source.SevWarning {
					warnings++
				}
				r.messages = append(r.messages, message{w.sev, m})
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
		if c.dryRun {
			continue
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

// warning is a renderer's warning or note.
type warning struct {
	line int
	msg  string
	sev  source.Severity
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
			outs[i].warnings = append(outs[i].warnings, warning{line, msg, source.SevWarning})
		}
		o.Note = func(line int, msg string) {
			outs[i].warnings = append(outs[i].warnings, warning{line, msg, source.SevNote})
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
