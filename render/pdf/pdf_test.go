package pdf

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"galley/internal/testkit"
	"galley/render"
	"galley/render/cite"
	"galley/source"
	"galley/source/cal"
	"galley/source/timeline"
)

// parse parses a corpus article by name ("a1", testkit.Seed).
func parse(t testing.TB, name string) *source.Document {
	t.Helper()
	doc, err := source.Parse(testkit.Read(t, "articles/"+name+".txt"), source.Options{File: name + ".txt"})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// parseSpec parses the CommonMark spec, 200 KB of Markdown.
func parseSpec(t testing.TB) *source.Document {
	t.Helper()
	doc, err := source.Parse(testkit.Read(t, testkit.SpecFile), source.Options{File: "spec.txt", Markdown: true})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func options(warn func(int, string)) *render.Options {
	return &render.Options{Version: "test", Modified: time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC), Warn: warn}
}

// renderDoc renders doc without images.
func renderDoc(t testing.TB, doc *source.Document, opt *render.Options) []byte {
	t.Helper()
	return renderArticle(t, render.NewArticle(doc, nil), opt)
}

// renderArticle renders a and checks the page count Render reports against the PDF's.
func renderArticle(t testing.TB, a *render.Article, opt *render.Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	pages, err := Render(&buf, a, opt)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	if n := bytes.Count(buf.Bytes(), []byte("/Type /Page\n")); pages != n || n == 0 {
		t.Fatalf("Render reports %d pages; the PDF has %d page objects", pages, n)
	}
	return buf.Bytes()
}

func writeTemp(t testing.TB, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func run(t testing.TB, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

// pageTexts returns the text of each page.
func pageTexts(t testing.TB, path string) []string {
	t.Helper()
	return strings.Split(run(t, "pdftotext", "-enc", "UTF-8", path, "-"), "\f")
}

type outlineEntry struct {
	Title string         `json:"title"`
	Page  int            `json:"destpageposfrom1"`
	Kids  []outlineEntry `json:"kids"`
}

// outlineTop returns the top level of the PDF's outline, each entry with its kids.
func outlineTop(t testing.TB, path string) []outlineEntry {
	t.Helper()
	var v struct {
		Outlines []outlineEntry `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(run(t, "qpdf", "--json=2", "--json-key=outlines", path)), &v); err != nil {
		t.Fatal(err)
	}
	return v.Outlines
}

// outline returns the entries of the PDF's outline in order, flattened.
func outline(t testing.TB, path string) []outlineEntry {
	t.Helper()
	var v struct{ Outlines []outlineEntry }
	v.Outlines = outlineTop(t, path)
	var flat []outlineEntry
	var walk func([]outlineEntry)
	walk = func(es []outlineEntry) {
		for _, e := range es {
			flat = append(flat, e)
			walk(e.Kids)
		}
	}
	walk(v.Outlines)
	return flat
}

func TestArticles(t *testing.T) {
	for _, tool := range []string{"qpdf", "pdffonts", "pdfinfo", "pdftotext"} {
		testkit.NeedTool(t, tool)
	}
	for _, name := range testkit.Articles {
		t.Run(name, func(t *testing.T) {
			doc := parse(t, name)
			var buf bytes.Buffer
			npages, err := Render(&buf, render.NewArticle(doc, nil), options(nil))
			if err != nil {
				t.Fatal(err)
			}
			path := writeTemp(t, buf.Bytes())

			if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
				t.Errorf("qpdf --check: %v\n%s", err, out)
			}
			fonts := run(t, "pdffonts", path)
			rows := strings.Split(strings.TrimSpace(fonts), "\n")[2:]
			if len(rows) < 3 {
				t.Errorf("pdffonts lists %d fonts, want regular, bold and italic:\n%s", len(rows), fonts)
			}
			for _, row := range rows {
				if f := strings.Fields(row); len(f) < 5 || f[len(f)-5] != "yes" {
					t.Errorf("font not embedded: %s", row)
				}
			}
			info := run(t, "pdfinfo", path)
			if want := fmt.Sprintf("\nPages:           %d\n", npages); !strings.Contains(info, want) {
				t.Errorf("Render reports %d pages; pdfinfo says:\n%s", npages, info)
			}
			// what is set is the text with typographic punctuation, no-break spaces as
			// pdftotext and strings.Fields read them
			set := func(s string) string { return strings.Join(strings.Fields(render.Smart(s)), " ") }
			for _, want := range []string{"Title:           " + render.Smart(doc.Title), "Creator:         galley test",
				"Keywords:        " + render.Smart(strings.Join(doc.Locales, "; "))} {
				if !strings.Contains(info, want) {
					t.Errorf("pdfinfo lacks %q:\n%s", want, info)
				}
			}

			var titles []string
			for _, e := range outline(t, path) {
				titles = append(titles, e.Title)
			}
			want := []string{render.Smart(doc.Title), "Overview", "Summary", "Key Figures"}
			for _, s := range doc.Sections {
				want = append(want, render.Smart(s.Title))
			}
			if len(doc.Timeline) > 0 {
				want = append(want, "Timeline")
			}
			want = append(want, "Bibliography")
			if len(doc.SeeAlso) > 0 {
				want = append(want, "See also")
			}
			if got := strings.Join(titles, " | "); got != strings.Join(want, " | ") {
				t.Errorf("outline:\n got %s\nwant %s", got, strings.Join(want, " | "))
			}
			// nested: the title alone at the top, every part beneath it
			if top := outlineTop(t, path); len(top) != 1 || top[0].Title != want[0] || len(top[0].Kids) != len(want)-1 {
				t.Errorf("outline top level: %d entries, the first with %d kids; want the title with %d",
					len(top), len(top[0].Kids), len(want)-1)
			}

			pages := pageTexts(t, path)
			text := strings.Join(pages, "\n")
			flat := strings.Join(strings.Fields(text), " ")
			for _, kf := range doc.KeyFigures {
				if !strings.Contains(flat, set(kf.Name)) {
					t.Errorf("key figure %q not in the text", kf.Name)
				}
			}
			if !strings.Contains(flat, set(doc.Summary)) {
				t.Errorf("summary not in the text")
			}
			if strings.Contains(pages[0], "page 1 of") == false {
				t.Errorf("page 1 has no footer")
			}
			n := len(pages) - 1 // pdftotext ends the last page with a form feed
			for i, p := range pages[:n] {
				foot := fmt.Sprintf("page %d of %d", i+1, n)
				if !strings.Contains(p, foot) {
					t.Errorf("page %d lacks %q", i+1, foot)
				}
			}
		})
	}
}

func TestRunningHead(t *testing.T) {
	testkit.NeedTool(t, "pdftotext")
	doc := parse(t, testkit.Seed)
	pages := pageTexts(t, writeTemp(t, renderDoc(t, doc, options(nil))))
	first := strings.TrimSpace(pages[0])
	if strings.HasPrefix(first, doc.Title+"\n"+doc.Title) {
		t.Errorf("page 1 has a running head")
	}
	// The head is the title, cut to what the part name leaves.
	head := strings.Join(strings.Fields(doc.Title)[:3], " ")
	for i, p := range pages[1 : len(pages)-1] {
		if !strings.HasPrefix(strings.TrimSpace(p), head) {
			t.Errorf("page %d does not start with the running head: %.60q", i+2, p)
		}
	}
}

func TestReproducible(t *testing.T) {
	doc := parse(t, testkit.Seed)
	addFigures(doc, 4)
	imgs := testImages(t)
	opt := options(nil)
	a := renderArticle(t, render.NewArticle(doc, imgs), opt)
	for range 3 {
		b := renderArticle(t, render.NewArticle(doc, imgs), opt)
		if !bytes.Equal(a, b) {
			t.Fatal("two renders of one document differ")
		}
	}
}

func TestPaper(t *testing.T) {
	testkit.NeedTool(t, "pdfinfo")
	doc := parse(t, testkit.Articles[1])
	for _, c := range []struct{ paper, size string }{
		{"", "612 x 792"}, {"letter", "612 x 792"}, {"a4", "595.28 x 841.89"}, {"A5", "419.53 x 595.28"},
	} {
		opt := options(nil)
		opt.Paper = c.paper
		info := run(t, "pdfinfo", writeTemp(t, renderDoc(t, doc, opt)))
		if !strings.Contains(info, "Page size:       "+c.size) {
			t.Errorf("paper %q: want %s pts:\n%s", c.paper, c.size, info)
		}
	}
	opt := options(nil)
	opt.Paper = "legal"
	if _, err := Render(&bytes.Buffer{}, render.NewArticle(doc, nil), opt); err == nil {
		t.Error("paper legal: want an error")
	}
}

// TestLongTable sets 2,000 key figures: the table runs over many pages, each continuation
// with the caption and the header row again, and no row lost.
func TestLongTable(t *testing.T) {
	testkit.NeedTool(t, "pdftotext")
	doc := parse(t, testkit.Seed)
	doc.KeyFigures = nil
	for i := range 2000 {
		kf := source.KeyFigure{Name: fmt.Sprintf("Person Number%04d", i), Life: "1900-1980", Role: "delegate to the conference"}
		if i%7 == 0 {
			kf.Aliases = []string{"Alias of " + strconv.Itoa(i)}
			kf.Role = strings.Repeat("a long role that wraps onto several lines ", 3)
		}
		doc.KeyFigures = append(doc.KeyFigures, kf)
	}
	pages := pageTexts(t, writeTemp(t, renderDoc(t, doc, options(nil))))
	text := strings.Join(pages, "")
	for i := range 2000 {
		if !strings.Contains(text, fmt.Sprintf("Person Number%04d", i)) {
			t.Fatalf("row %d missing", i)
		}
	}
	cont := 0
	for _, p := range pages {
		if strings.Contains(p, "Number") && !strings.Contains(p, "Key Figures (continued)") && !strings.Contains(p, "Name\n") {
			t.Errorf("a table page without its header: %.80q", p)
		}
		if strings.Contains(p, "Key Figures (continued)") {
			cont++
		}
	}
	if cont < 40 {
		t.Errorf("%d continuation pages, want the header repeated on each of dozens", cont)
	}
}

// TestBCETimeline checks the timeline appendix: BCE dates, each event linking to the page of
// its paragraph, which the page column names.
func TestBCETimeline(t *testing.T) {
	testkit.NeedTool(t, "pdftotext")
	testkit.NeedTool(t, "qpdf")
	doc := parse(t, "a1")
	var paras []*source.Paragraph
	for _, s := range doc.Sections {
		for _, b := range s.Blocks {
			if p, ok := b.(*source.Paragraph); ok {
				paras = append(paras, p)
			}
		}
	}
	if len(paras) < 3 {
		t.Fatal("a1 has too few paragraphs")
	}
	last := paras[len(paras)-1]
	doc.Timeline = []timeline.Event{
		{Start: cal.DateOf(-43, 3, 15), Text: "Caesar was killed on the Ides of March.", Phrase: "Ides of March", At: 26, Line: paras[0].Line, Para: paras[0].ID},
		{Start: cal.DateOf(-43, 0, 0), End: cal.DateOf(-41, 0, 0), Text: "Civil wars followed for years.", Line: last.Line, Para: last.ID},
		{Start: cal.DateOf(14, 0, 0), Text: "Augustus died in 14 c.e.", Phrase: "14 c.e.", At: 15, Line: last.Line, Para: last.ID},
	}
	path := writeTemp(t, renderDoc(t, doc, options(nil)))
	pages := pageTexts(t, path)
	all := strings.Join(pages, "")
	for _, want := range []string{"March 15, 44 BCE", render.EventDate(doc.Timeline[1]), "Timeline"} {
		if !strings.Contains(all, want) {
			t.Errorf("timeline lacks %q", want)
		}
	}
	// the page column names the page the paragraph is on
	pageOf := func(text string) int {
		for i, p := range pages {
			if strings.Contains(strings.Join(strings.Fields(p), " "), text) {
				return i + 1
			}
		}
		return 0
	}
	words := strings.Fields(source.PlainText(last.Inlines))
	lastPage := pageOf(strings.Join(words[len(words)-6:], " "))
	if lastPage == 0 || !strings.Contains(all, fmt.Sprintf("p. %d", lastPage)) {
		t.Errorf("no page reference to page %d", lastPage)
	}
	// one link annotation per event, to a page of the document
	f := readPDF(t, path)
	links := 0
	for _, p := range f.pages() {
		for _, a := range f.array(f.dict(p)["/Annots"]) {
			if d := f.dict(a); d["/Subtype"] == "/Link" && len(f.array(d["/Dest"])) == 5 {
				links++
			}
		}
	}
	if links != len(doc.Timeline) {
		t.Errorf("%d internal links, want %d (one per event)", links, len(doc.Timeline))
	}
}

// addFigures appends n figures to the first section.
func addFigures(doc *source.Document, n int) {
	s := doc.Sections[0]
	for i := range n {
		f := &source.Figure{Caption: fmt.Sprintf("Figure number %d", i), Credit: "By the test", File: fmt.Sprintf("img%d", i), Line: 100 + i}
		s.Blocks = append(s.Blocks, f, &source.Paragraph{Inlines: plain("Text between the figures, long enough to fill a line or two of the page so that the figures spread."), Line: 200 + i})
	}
}

// testImages serves images of several formats, two of the same width.
type imageMap map[string]*render.Image

func (m imageMap) Find(f *source.Figure) (*render.Image, error) {
	if im, ok := m[f.File]; ok {
		return im, nil
	}
	return nil, fmt.Errorf("%w: %s", render.ErrNoImage, f.File)
}

func testImages(t testing.TB) imageMap {
	t.Helper()
	mk := func(w, h int, shade uint8) image.Image {
		im := image.NewRGBA(image.Rect(0, 0, w, h))
		for y := range h {
			for x := range w {
				im.Set(x, y, color.RGBA{shade, uint8(x), uint8(y), 255})
			}
		}
		return im
	}
	enc := func(format string, im image.Image) *render.Image {
		var b bytes.Buffer
		var err error
		switch format {
		case "png":
			err = png.Encode(&b, im)
		case "jpeg":
			err = jpeg.Encode(&b, im, nil)
		case "gif":
			err = gif.Encode(&b, im, nil)
		}
		if err != nil {
			t.Fatal(err)
		}
		out, err := render.Decode(b.Bytes(), "x."+format)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	return imageMap{
		"img0": enc("png", mk(300, 200, 10)),
		"img1": enc("jpeg", mk(300, 150, 90)),
		"img2": enc("gif", mk(300, 100, 200)),
		"img3": enc("png", mk(120, 400, 50)),
	}
}

func TestImages(t *testing.T) {
	testkit.NeedTool(t, "pdfimages")
	doc := parse(t, testkit.Seed)
	addFigures(doc, 5) // img4 does not exist: a placeholder
	var warns []string
	opt := options(func(line int, msg string) { warns = append(warns, msg) })
	path := writeTemp(t, renderArticle(t, render.NewArticle(doc, testImages(t)), opt))
	list := run(t, "pdfimages", "-list", path)
	n := 0
	for _, l := range strings.Split(list, "\n")[2:] {
		if f := strings.Fields(l); len(f) > 3 && f[2] == "image" {
			n++
		}
	}
	if n != 4 {
		t.Errorf("%d images embedded, want 4:\n%s", n, list)
	}
	found := 0
	for _, w := range warns {
		if strings.Contains(w, "img4") || strings.Contains(w, "89316673-64532.jpg") {
			found++
		}
	}
	if found != 2 {
		t.Errorf("want a warning for each of the 2 missing images, got %q", warns)
	}
}

func TestMissingCharacters(t *testing.T) {
	testkit.NeedTool(t, "pdftotext")
	doc := parse(t, testkit.Seed)
	p := doc.Sections[0].Blocks[0].(*source.Paragraph)
	p.Inlines = append(p.Inlines, source.Inline{Text: " Emoji 😀 and 😀 again, kana カ, control \x01, combining e\u0301."})
	var warns []string
	opt := options(func(line int, msg string) { warns = append(warns, msg) })
	text := strings.Join(pageTexts(t, writeTemp(t, renderDoc(t, doc, opt))), "")
	want := map[string]bool{"U+1F600": false, "U+30AB": false, "U+0001": false}
	for _, w := range warns {
		for k := range want {
			if strings.Contains(w, k) {
				if want[k] {
					t.Errorf("second warning for %s", k)
				}
				want[k] = true
			}
		}
	}
	for k, seen := range want {
		if !seen {
			t.Errorf("no warning for %s in %q", k, warns)
		}
	}
	if !strings.Contains(text, "Emoji \ufffd and \ufffd again") && !strings.Contains(text, "Emoji ? and ? again") {
		t.Errorf("missing characters not substituted visibly")
	}
	if !strings.Contains(text, "combining é.") {
		t.Errorf("decomposed accent not composed")
	}
}

func TestMarkdown(t *testing.T) {
	testkit.NeedTool(t, "pdftotext")
	doc := parseSpec(t)
	path := writeTemp(t, renderDoc(t, doc, options(nil)))
	pages := pageTexts(t, path)
	if len(pages) < 50 {
		t.Errorf("%d pages for the CommonMark spec", len(pages))
	}
	text := strings.Join(pages, "")
	for _, want := range []string{"Introduction", "What is Markdown?", "<h2>Foo</h2>", "Tabs"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	testkit.NeedTool(t, "qpdf")
	if len(outline(t, path)) < 20 {
		t.Errorf("the spec's outline has few entries")
	}
}

// TestConcurrent renders from several goroutines at once (run with -race).
func TestConcurrent(t *testing.T) {
	docs := []*source.Document{parse(t, testkit.Seed), parse(t, testkit.Articles[2])}
	want := [][]byte{renderDoc(t, docs[0], options(nil)), renderDoc(t, docs[1], options(nil))}
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			var buf bytes.Buffer
			if _, err := Render(&buf, render.NewArticle(docs[i%2], nil), options(nil)); err != nil {
				t.Error(err)
				return
			}
			if !bytes.Equal(buf.Bytes(), want[i%2]) {
				t.Error("a concurrent render differs")
			}
		})
	}
	wg.Wait()
}

func FuzzRender(f *testing.F) {
	for _, name := range testkit.Articles {
		f.Add(testkit.Read(f, "articles/"+name+".txt"), false)
	}
	f.Add([]byte("# T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> q\n\n- x\n  - y\n\n```\ncode\n```\n\n---\n"), true)
	f.Add([]byte("Title\nDate 44 b.c.e.\n\u0301\U0001F600\x00"), false)
	f.Fuzz(func(t *testing.T, data []byte, md bool) {
		doc, err := source.Parse(data, source.Options{Markdown: md, Lossy: true})
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if _, err := Render(&buf, render.NewArticle(doc, nil), options(nil)); err != nil {
			t.Fatalf("Render: %v", err)
		}
		if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
			t.Fatal("not a PDF")
		}
	})
}

// BenchmarkRenderSeed renders the seed article in-process, fonts already parsed.
func BenchmarkRenderSeed(b *testing.B) {
	doc := parse(b, testkit.Seed)
	opt := options(nil)
	renderDoc(b, doc, opt) // warm: fonts parsed, patterns loaded
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Render(&bytes.Buffer{}, render.NewArticle(doc, nil), opt); err != nil {
			b.Fatal(err)
		}
	}
}

// TestPathological renders inputs that once hung or could: a 20,000-letter word, deep
// nesting, a table of 40 columns wider than the page, a paragraph of 20,000 words. Each must
// give a valid PDF whose every page has its footer, with all of the text, and nothing drawn
// off the paper.
func TestPathological(t *testing.T) {
	testkit.NeedTool(t, "qpdf")
	testkit.NeedTool(t, "pdftotext")
	row := func(cell func(i int) string) string {
		var b strings.Builder
		for i := range 40 {
			b.WriteString("| " + cell(i) + " ")
		}
		return b.String() + "|\n"
	}
	var nest strings.Builder
	for i := range 30 {
		nest.WriteString(strings.Repeat("  ", i) + "- item\n")
	}
	// count returns a check that the text holds n of s.
	count := func(s string, n int) func(string) error {
		return func(text string) error {
			if got := strings.Count(text, s); got != n {
				return fmt.Errorf("%d of %q, want %d", got, s, n)
			}
			return nil
		}
	}
	for _, c := range []struct {
		name string
		md   bool
		text string
		// checks run on the text with its white space removed.
		checks []func(string) error
	}{
		{"long word", false, "T\n" + strings.Repeat("x", 20000) + "\nDate 1933\n",
			// The date once, in the dateline: the fact panel does not repeat it.
			[]func(string) error{count("x", 20000), count("1933", 1)}},
		{"nesting", true, nest.String() + "\n" + strings.Repeat(">", 40) + " quote\n",
			[]func(string) error{count("m", 30), count("quote", 1)}},
		{"wide table", true, row(func(i int) string { return fmt.Sprintf("c%d", i) }) + row(func(int) string { return "---" }) +
			row(func(i int) string { return fmt.Sprintf("averyveryverylongcellwithoutanyspace%d", i) }),
			// One h (in "with") in each body cell, none in the header and the page's furniture.
			[]func(string) error{count("h", 40)}},
		{"long paragraph", false, "T\n" + strings.Repeat("word and other words ", 5000) + "\n",
			// Three d a sentence, none in the page's furniture ("page N of M", the running
			// head: the title and "Overview").
			[]func(string) error{count("d", 15000)}},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc, err := source.Parse([]byte(c.text), source.Options{Markdown: c.md})
			if err != nil {
				t.Fatal(err)
			}
			path := writeTemp(t, renderDoc(t, doc, options(nil)))
			if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
				t.Errorf("qpdf --check: %v\n%s", err, out)
			}
			pages := pageTexts(t, path)
			pages = pages[:len(pages)-1] // pdftotext ends the last page with a form feed
			for i, p := range pages {
				if foot := fmt.Sprintf("page %d of %d", i+1, len(pages)); !strings.Contains(p, foot) {
					t.Errorf("page %d lacks its footer %q", i+1, foot)
				}
			}
			text := strings.Join(strings.Fields(strings.Join(pages, "")), "")
			for _, check := range c.checks {
				if err := check(text); err != nil {
					t.Errorf("text: %v", err)
				}
			}
			checkOnPaper(t, path, 612, 792)
		})
	}
}

// wordBox matches a word's box in pdftotext -bbox's output.
var wordBox = regexp.MustCompile(`<word xMin="([-0-9.]+)" yMin="([-0-9.]+)" xMax="([-0-9.]+)" yMax="([-0-9.]+)">([^<]*)</word>`)

// checkOnPaper fails t for each word of the PDF at path that is not on a page of width w and
// height h.
func checkOnPaper(t *testing.T, path string, w, h float64) {
	t.Helper()
	words := wordBox.FindAllStringSubmatch(run(t, "pdftotext", "-bbox", path, "-"), -1)
	if len(words) == 0 {
		t.Fatal("pdftotext -bbox found no words")
	}
	for _, m := range words {
		var box [4]float64
		for i := range box {
			box[i], _ = strconv.ParseFloat(m[i+1], 64)
		}
		if box[0] < 0 || box[1] < 0 || box[2] > w || box[3] > h {
			t.Errorf("%q is drawn off the paper: %v", m[5], box)
			return
		}
	}
}

// newTestRenderer returns a renderer ready to set text, as Render makes it.
func newTestRenderer(t testing.TB, doc *source.Document) *renderer {
	t.Helper()
	r, err := newRenderer(render.NewArticle(doc, nil), options(nil))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestBibliographyHeading: the reading list is headed, in the outline and on the page, as
// the style heads it, after the timeline.
func TestBibliographyHeading(t *testing.T) {
	testkit.NeedTool(t, "qpdf")
	doc := parse(t, testkit.Seed)
	doc.BibliographyTitle = "Further Reading"
	for _, c := range []struct {
		style cite.Style
		want  string
	}{{cite.Chicago, "Bibliography"}, {cite.MLA, "Works Cited"}, {cite.APA, "References"}} {
		opt := options(nil)
		opt.Cite = c.style
		path := writeTemp(t, renderDoc(t, doc, opt))
		var titles []string
		for _, e := range outline(t, path) {
			titles = append(titles, e.Title)
		}
		tl, bib := slices.Index(titles, "Timeline"), slices.Index(titles, c.want)
		if tl < 0 || bib < tl || bib != len(titles)-1 {
			t.Errorf("%s: outline %q, want the timeline then %q last", c.style, titles, c.want)
		}
		if text := strings.Join(pageTexts(t, path), ""); !strings.Contains(text, "\n"+c.want+"\n") {
			t.Errorf("%s: no heading %q on the pages", c.style, c.want)
		}
	}
}
