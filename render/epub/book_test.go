package epub

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"galley/internal/testkit"
	"galley/render"
	"galley/render/pdf"
	"galley/source"
	composed "galley/source/book"
)

// newBook composes corpus files as a book.
func newBook(t testing.TB, files ...string) *render.Book {
	t.Helper()
	var docs []*source.Document
	var arts []*render.Article
	for _, f := range files {
		d := parseFile(t, f, false)
		docs = append(docs, d)
		arts = append(arts, render.NewArticle(d, nil))
	}
	bk, err := composed.New("Unit 3: Interwar Diplomacy", "Four articles", docs)
	if err != nil {
		t.Fatal(err)
	}
	return render.NewBook(bk, arts)
}

// corpusBook is the book of the corpus's four articles.
func corpusBook(t testing.TB) *render.Book {
	var files []string
	for _, a := range testkit.Articles {
		files = append(files, "articles/"+a+".txt")
	}
	return newBook(t, files...)
}

func renderWholeBook(t testing.TB, b *render.Book) []byte {
	t.Helper()
	var buf bytes.Buffer
	err := RenderBook(&buf, b, &render.Options{Modified: testTime}, func(ch, line int, sev source.Severity, msg string) {
		if sev == source.SevWarning && !strings.Contains(msg, "image not embedded") { // the corpus has no images
			t.Errorf("warning: chapter %d line %d: %s", ch, line, msg)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestRenderBook renders the corpus's four articles as one EPUB: the navigation nests each
// chapter's parts beneath its title, the chronology's entries link into the chapters'
// files, every link goes to a file and an id that exist, and two renderings are the same.
func TestRenderBook(t *testing.T) {
	b := corpusBook(t)
	data := renderWholeBook(t, b)
	if again := renderWholeBook(t, corpusBook(t)); !bytes.Equal(data, again) {
		t.Error("two renderings of one book differ")
	}
	e := openEPUB(t, data)
	nav := mustXML(t, "nav", e.data["EPUB/nav.xhtml"])
	toc := nav.byID("toc")
	if toc == nil {
		t.Fatal("no toc")
	}
	var top []string
	for _, ol := range toc.tag("ol")[:1] {
		for _, li := range ol.children {
			a := li.tag("a")[0]
			top = append(top, a.Text())
		}
	}
	want := []string{"Unit 3: Interwar Diplomacy"}
	for _, a := range b.Chapters {
		want = append(want, strings.Join(strings.Fields(a.Typeset().Title), " "))
	}
	want = append(want, "Chronology", "Bibliography", "Index of Key Figures")
	if strings.Join(top, "|") != strings.Join(want, "|") {
		t.Errorf("the navigation's top level = %q, want %q", top, want)
	}
	for _, typ := range []string{"titlepage", "toc", "bodymatter", "bibliography", "appendix", "index"} {
		if !strings.Contains(string(e.data["EPUB/nav.xhtml"]), `epub:type="`+typ+`"`) {
			t.Errorf("no %s landmark", typ)
		}
	}
	// Every link between the book's files goes to a file and an id that exist.
	ids := map[string]map[string]bool{}
	docs := map[string]*node{}
	for _, name := range e.names {
		if strings.HasPrefix(name, "EPUB/xhtml/") {
			doc := mustXML(t, name, e.data[name])
			docs[filepath.Base(name)] = doc
			ids[filepath.Base(name)] = map[string]bool{}
			for _, n := range doc.all(func(n *node) bool { return n.attr("id") != "" }) {
				ids[filepath.Base(name)][n.attr("id")] = true
			}
		}
	}
	links := 0
	for name, doc := range docs {
		for _, a := range doc.tag("a") {
			href := a.attr("href")
			if strings.HasPrefix(href, "http") || href == "" {
				continue
			}
			file, frag, _ := strings.Cut(href, "#")
			if ids[file] == nil {
				t.Errorf("%s links to %q: no such file", name, href)
				continue
			}
			if frag != "" && !ids[file][frag] {
				t.Errorf("%s links to %q: no such id", name, href)
			}
			links++
		}
	}
	chron := docs["chronology.xhtml"]
	if chron == nil {
		t.Fatal("no chronology")
	}
	first := chron.tag("tbody")[0].tag("th")[0].Text()
	if first != "59 BCE" {
		t.Errorf("the chronology begins %q, want 59 BCE", first)
	}
	if links < 100 {
		t.Errorf("only %d links between the book's files", links)
	}
	if idx := docs["index.xhtml"]; idx == nil || len(idx.tag("li")) < 10 {
		t.Error("no index of key figures")
	}
}

// TestBookEpubcheck validates the corpus's book, and one with the articles written to
// share events, works and people with it, with W3C epubcheck.
func TestBookEpubcheck(t *testing.T) {
	if testing.Short() {
		t.Skip("epubcheck is slow; skipped in -short mode")
	}
	testkit.NeedEPUBCheck(t)
	file := filepath.Join(t.TempDir(), "book.epub")
	b := newBook(t, "articles/"+testkit.Seed+".txt", "articles/a1.txt", "articles/a3.txt", "articles/a5.txt", "book/b1.txt", "book/b2.txt")
	if err := os.WriteFile(file, renderWholeBook(t, b), 0o644); err != nil {
		t.Fatal(err)
	}
	testkit.EPUBCheck(t, file)
}

// TestBookPageList checks the page list of a book built with its PDF, as TestPageList does an
// article's: one entry per PDF page, in order, each to its mark; a page of a chapter marked
// in that chapter's files, where the PDF's page begins (pdftotext), though each chapter sets
// the same parts; the book's own pages (its title page, chronology, bibliography, index)
// marked in their files. The contents page, which the EPUB's navigation document is, is
// marked where the first chapter begins. The book passes epubcheck, and Ace when it is
// configured.
func TestBookPageList(t *testing.T) {
	b := corpusBook(t)
	opt := &render.Options{Version: "v1.2.3", Modified: testTime}
	var pdfBuf bytes.Buffer
	print, err := pdf.RenderBookPrint(&pdfBuf, b, opt, func(int, int, source.Severity, string) {})
	if err != nil {
		t.Fatal(err)
	}
	o := *opt
	o.Print = print
	var buf bytes.Buffer
	if err := RenderBook(&buf, b, &o, func(int, int, source.Severity, string) {}); err != nil {
		t.Fatal(err)
	}
	e := openEPUB(t, buf.Bytes())
	m := pageListRe.FindStringSubmatch(string(e.data["EPUB/nav.xhtml"]))
	if m == nil {
		t.Fatal("no page list in the navigation document")
	}
	links := pageLinkRe.FindAllStringSubmatch(m[1], -1)
	if len(links) != len(print.Pages) || len(links) < 30 {
		t.Fatalf("%d entries in the page list, want %d (the PDF's pages)", len(links), len(print.Pages))
	}
	names, _ := e.pages(t)
	var marks, after []string
	for _, name := range names {
		doc := string(e.data[name])
		for _, loc := range pageMark.FindAllStringSubmatchIndex(doc, -1) {
			if n := doc[loc[2]:loc[3]]; n != strconv.Itoa(len(marks)+1) {
				t.Fatalf("%s: mark of page %s after %d marks", name, n, len(marks))
			}
			marks = append(marks, strings.TrimPrefix(name, "EPUB/xhtml/"))
			after = append(after, tagRe.ReplaceAllString(doc[loc[1]:], " "))
		}
	}
	if len(marks) != len(print.Pages) {
		t.Fatalf("%d marks in the text, want %d", len(marks), len(print.Pages))
	}
	testkit.NeedTool(t, "pdftotext")
	path := filepath.Join(t.TempDir(), "book.pdf")
	if err := os.WriteFile(path, pdfBuf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pdfPages := strings.Split(string(out), "\f")
	inChapters := 0
	for i, ps := range print.Pages {
		if links[i][1] != marks[i] {
			t.Errorf("entry %d goes to %s, the mark is in %s", i+1, links[i][1], marks[i])
		}
		switch at := ps.At.(type) {
		case render.InChapter:
			inChapters++
			if id := b.Book.Chapters[at.Chapter].ID; !strings.HasPrefix(marks[i], id+"-") {
				t.Errorf("page %d begins in chapter %d (%s); the EPUB marks it in %s", i+1, at.Chapter+1, id, marks[i])
			}
		case render.BookPart:
			if at == render.BookContents {
				continue // the navigation document: marked where the first chapter begins
			}
		case render.Row:
			if at.Table == render.BookContents {
				continue
			}
		}
		words := strings.Fields(htmlText(after[i]))
		if len(words) == 0 {
			continue
		}
		head := strings.Fields(pdfPages[i])
		head = head[:min(40, len(head))]
		first := []rune(strings.TrimRight(words[0], ".,;:"))
		first = first[:min(8, len(first))]
		if !strings.Contains(strings.Join(head, " "), string(first)) {
			t.Errorf("page %d (%#v): the EPUB marks it before %q; the PDF's page begins %q", i+1, ps.At, strings.Join(words[:min(5, len(words))], " "), strings.Join(head, " "))
		}
	}
	if inChapters < len(b.Chapters)*3 {
		t.Errorf("%d pages begin in chapters", inChapters)
	}
	if testing.Short() {
		return
	}
	file := filepath.Join(t.TempDir(), "book.epub")
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	testkit.EPUBCheck(t, file)
	t.Run("ace", func(t *testing.T) {
		if v := testkit.Ace(t, file); len(v) > 0 {
			t.Errorf("Ace: %+v", v)
		}
	})
}
