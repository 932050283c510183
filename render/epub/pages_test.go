package epub

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"galley/internal/testkit"
	"galley/render"
	"galley/render/pdf"
	"galley/source"
)

// printed renders a's PDF on paper and then its EPUB with the PDF's pages, as a build of
// both does; it returns the EPUB, the PDF and where the PDF's pages begin.
func printed(t *testing.T, a *render.Article, paper string) ([]byte, []byte, *render.Print) {
	t.Helper()
	opt := &render.Options{Paper: paper, Version: "v1.2.3", Modified: testTime, Warn: func(int, string) {}}
	var p bytes.Buffer
	print, err := pdf.RenderPrint(&p, a, opt)
	if err != nil {
		t.Fatal(err)
	}
	opt.Print = print
	return renderArticle(t, a, opt), p.Bytes(), print
}

var (
	pageMark   = regexp.MustCompile(`<span epub:type="pagebreak" role="doc-pagebreak" id="page-(\d+)" aria-label="(\d+)"/>`)
	pageListRe = regexp.MustCompile(`(?s)<nav epub:type="page-list" id="page-list" role="doc-pagelist"[^>]*>\s*<ol>(.*?)</ol>\s*</nav>`)
	pageLinkRe = regexp.MustCompile(`<li><a href="xhtml/([^"#]+)#page-(\d+)">(\d+)</a></li>`)
	tagRe      = regexp.MustCompile(`<[^>]*>`)
	cellRe     = regexp.MustCompile(`</?(br|p|li|th|td|tr)\b[^>]*>`)
)

// TestPageList checks the page list of books built with their PDF: one entry per PDF page,
// in order, each to a mark in the text, where the page begins. A page that begins inside a
// paragraph is marked inside it, after as many words as the PDF set on earlier pages; and
// the words that follow each mark begin the PDF's page (pdftotext). A book built without a
// PDF has no page list.
func TestPageList(t *testing.T) {
	type book struct {
		name, paper string
		doc         *source.Document
	}
	var books []book
	for _, name := range testkit.Articles {
		books = append(books, book{name, "letter", parseFile(t, "articles/"+name+".txt", false)})
	}
	books = append(books, book{"seed-a5", "a5", parseFile(t, "articles/"+testkit.Seed+".txt", false)})
	books = append(books, book{"handout", "a4", parseFile(t, "markdown/handout.md", true)})
	books = append(books, book{"spec", "letter", parseFile(t, testkit.SpecFile, true)})
	for _, b := range books {
		t.Run(b.name, func(t *testing.T) {
			if b.name == "spec" && testing.Short() {
				t.Skip("the spec's 139 pages in -short")
			}
			epub, pdfBytes, print := printed(t, render.NewArticle(b.doc, nil), b.paper)
			e := openEPUB(t, epub)
			nav := string(e.data["EPUB/nav.xhtml"])
			m := pageListRe.FindStringSubmatch(nav)
			if m == nil {
				t.Fatalf("no page list in the navigation document")
			}
			links := pageLinkRe.FindAllStringSubmatch(m[1], -1)
			if len(links) != len(print.Pages) || strings.Count(m[1], "<li>") != len(links) {
				t.Fatalf("%d entries in the page list, want %d (the PDF's pages)", len(links), len(print.Pages))
			}
			// Every mark once, in the spine's order, where the list says it is.
			names, _ := e.pages(t)
			var marks []string // each mark's file, by page
			var after []string // the text after each mark, tags left out
			var before []string
			for _, name := range names {
				doc := string(e.data[name])
				for _, loc := range pageMark.FindAllStringSubmatchIndex(doc, -1) {
					n, label := doc[loc[2]:loc[3]], doc[loc[4]:loc[5]]
					if n != label || n != strconv.Itoa(len(marks)+1) {
						t.Fatalf("%s: mark of page %s (label %s) after %d marks", name, n, label, len(marks))
					}
					marks = append(marks, strings.TrimPrefix(name, "EPUB/xhtml/"))
					after = append(after, tagRe.ReplaceAllString(doc[loc[1]:], " "))
					before = append(before, doc[:loc[0]])
				}
			}
			if len(marks) != len(print.Pages) {
				t.Fatalf("%d marks in the text, want %d", len(marks), len(print.Pages))
			}
			for i, l := range links {
				if l[2] != strconv.Itoa(i+1) || l[3] != l[2] || l[1] != marks[i] {
					t.Errorf("entry %d: %q, the mark is in %s", i+1, l[0], marks[i])
				}
			}
			// Inside a paragraph, a table row, an entry, a code block: as many of its words
			// before the mark as the PDF set on earlier pages.
			inside := 0
			for i, ps := range print.Pages {
				if ps.Word == 0 {
					continue
				}
				start := "<p"
				switch at := ps.At.(type) {
				case *source.CodeBlock:
					start = "<pre"
				case render.Row:
					switch at.Table {
					case render.PartBibliography:
						start = "<li"
					case render.PartSeeAlso:
						start = "<ul"
					default:
						start = "<tr"
					}
				}
				inside++
				open := strings.LastIndex(before[i], start)
				text := htmlText(before[i][open:])
				if got := len(render.Words(text)); got != ps.Word {
					t.Errorf("page %d begins after word %d of %T; the mark is after %d: …%q", i+1, ps.Word, ps.At, got, tail(text, 40))
				}
			}
			if b.name == testkit.Seed && inside == 0 {
				t.Errorf("no page of the seed begins inside a paragraph; its PDF has some")
			}
			// The words after each mark begin the PDF's page.
			testkit.NeedTool(t, "pdftotext")
			path := filepath.Join(t.TempDir(), "x.pdf")
			if err := os.WriteFile(path, pdfBytes, 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			pages := strings.Split(string(out), "\f")
			for i := range print.Pages {
				words := strings.Fields(htmlText(after[i]))
				if len(words) == 0 {
					continue // the last page marked at the end of the book
				}
				// The page's first words: a running head, a table's repeated header, a figure
				// floated to the top come before the text the page continues (in a table,
				// pdftotext reads a row's cells after the header's).
				head := strings.Fields(pages[i])
				head = head[:min(40, len(head))]
				first := []rune(strings.TrimRight(words[0], ".,;:"))
				first = first[:min(8, len(first))] // pdftotext joins a hyphenated line end
				if !strings.Contains(strings.Join(head, " "), string(first)) {
					t.Errorf("page %d: the EPUB marks it before %q; the PDF's page begins %q", i+1, strings.Join(words[:min(5, len(words))], " "), strings.Join(head, " "))
				}
			}
		})
	}

	// Built without a PDF: no page list, no marks, no claim.
	seed, _, _ := seedBook(t)
	e := openEPUB(t, renderArticle(t, seed, &render.Options{Modified: testTime}))
	for name, data := range e.data {
		for _, s := range []string{"page-list", "pagebreak", "printPageNumbers", "pageBreakSource", "source-of"} {
			if bytes.Contains(data, []byte(s)) {
				t.Errorf("%s holds %q in a book without a print edition", name, s)
			}
		}
	}
}

// TestPageSource checks the package's description of the page list: the features, and the
// print edition named, with galley's version and the paper.
func TestPageSource(t *testing.T) {
	doc := parseFile(t, "articles/a1.txt", false)
	epub, _, _ := printed(t, render.NewArticle(doc, nil), "a4")
	opf := string(openEPUB(t, epub).data[packageName])
	for _, want := range []string{
		`<meta property="schema:accessibilityFeature">printPageNumbers</meta>`,
		`<meta property="schema:accessibilityFeature">pageNavigation</meta>`,
		`<dc:source id="print-edition">galley v1.2.3, PDF, A4</dc:source>`,
		`<meta refines="#print-edition" property="source-of">pagination</meta>`,
		`<meta property="pagesource:pageBreakSource">galley v1.2.3, PDF, A4</meta>`,
	} {
		if !strings.Contains(opf, want) {
			t.Errorf("the package has no %s", want)
		}
	}
}

// TestPageBreaksPlaced checks the marking on its own: a page beginning at a word of a
// paragraph, one at a paragraph's start, one the book does not hold (marked where the next
// is) and one past the end (marked at the end).
func TestPageBreaksPlaced(t *testing.T) {
	p1 := &source.Paragraph{Inlines: []source.Inline{{Text: "One two "}, {Text: "thr", Style: source.Bold}, {Text: "ee four five."}}}
	p2 := &source.Paragraph{Inlines: []source.Inline{{Text: "Six seven."}}}
	w := &xw{pb: &pageBreaks{pages: []render.PageStart{
		{At: p1}, {At: p1, Word: 3}, {At: "nowhere"}, {At: p2, Word: 1}, {At: p2, Word: 9},
	}}}
	for _, p := range []*source.Paragraph{p1, p2} {
		w.enter(p)
		w.inlines(p.Inlines)
		w.leave()
		w.WriteString("|")
	}
	w.finishPages()
	got := pageMark.ReplaceAllString(w.String(), "[$1]")
	want := "[1]One two <strong>thr</strong>ee [2]four five.|[3]Six [4]seven.[5]|"
	if got != want {
		t.Errorf("marked\n%s\nwant\n%s", got, want)
	}
}

// htmlText is the text of XHTML, its tags left out (those that end a line or a cell, a
// space) and its entities read.
func htmlText(s string) string {
	s = cellRe.ReplaceAllString(s, " ")
	s = tagRe.ReplaceAllString(s, "")
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&quot;", `"`, "&#39;", "'", "&amp;", "&").Replace(s)
}

func tail(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[len(r)-n:])
	}
	return s
}
