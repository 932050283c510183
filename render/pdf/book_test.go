package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"galley/internal/testkit"
	"galley/render"
	"galley/source"
	"galley/source/book"
)

// newBook composes the corpus's articles (the seed and the three public ones) as a book.
func newBook(t testing.TB) *render.Book {
	t.Helper()
	var docs []*source.Document
	var arts []*render.Article
	for _, name := range testkit.Articles {
		d := parse(t, name)
		docs = append(docs, d)
		arts = append(arts, render.NewArticle(d, nil))
	}
	bk, err := book.New("Unit 3: Interwar Diplomacy", "Four articles", docs)
	if err != nil {
		t.Fatal(err)
	}
	return render.NewBook(bk, arts)
}

// renderBook renders a book and fails the test on an error or a warning.
func renderBook(t testing.TB, b *render.Book) ([]byte, int) {
	t.Helper()
	var buf bytes.Buffer
	n, err := RenderBook(&buf, b, options(nil), func(ch, line int, sev source.Severity, msg string) {
		if sev == source.SevWarning && !strings.Contains(msg, "image not embedded") { // the corpus has no images
			t.Errorf("warning: chapter %d line %d: %s", ch, line, msg)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), n
}

// TestRenderBook renders the corpus's four articles as a book and reads it back: the
// outline has the four chapters at its top level with their parts beneath, the contents
// page lists them with their pages, the chronology runs across eras from the first
// article's earliest event, and the rendering is reproducible.
func TestRenderBook(t *testing.T) {
	b := newBook(t)
	data, pages := renderBook(t, b)
	again, _ := renderBook(t, newBook(t))
	if !bytes.Equal(data, again) {
		t.Error("two renderings of one book differ")
	}
	path := filepath.Join(t.TempDir(), "book.pdf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	text := func(first, last int) string {
		out, err := exec.Command(testkit.NeedTool(t, "pdftotext"), "-f", strconv.Itoa(first), "-l", strconv.Itoa(last), "-layout", path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		return string(out)
	}
	if title := text(1, 1); !strings.Contains(title, "Unit 3: Interwar") || !strings.Contains(title, "May 1, 2024") {
		t.Errorf("title page:\n%s", title)
	}
	contents := text(2, 2)
	for _, ch := range b.Chapters {
		title := strings.ReplaceAll(ch.Typeset().Title, "’", "'")
		if !strings.Contains(strings.ReplaceAll(contents, "’", "'"), title) {
			t.Errorf("contents page has no %q:\n%s", title, contents)
		}
	}
	outline, err := exec.Command(testkit.NeedTool(t, "mutool"), "show", path, "outline").Output()
	if err != nil {
		t.Fatal(err)
	}
	var top, nested []string
	for _, l := range strings.Split(string(outline), "\n") {
		f := strings.Split(l, "\t")
		switch {
		case len(f) == 3:
			top = append(top, strings.Trim(f[1], `"`))
		case len(f) > 3:
			nested = append(nested, strings.Trim(f[len(f)-2], `"`))
		}
	}
	want := []string{"Unit 3: Interwar Diplomacy", "Contents"}
	for _, ch := range b.Chapters {
		want = append(want, ch.Typeset().Title)
	}
	want = append(want, "Chronology", "Bibliography", "Index of Key Figures")
	if !slices.Equal(top, want) {
		t.Errorf("outline's top level = %q, want %q", top, want)
	}
	if !slices.Contains(nested, "Key Figures") || slices.Contains(nested, "Timeline") {
		t.Errorf("outline's nested entries = %q, want each chapter's parts without a timeline", nested)
	}
	var chronPage int
	for _, l := range strings.Split(contents, "\n") {
		if f := strings.Fields(l); len(f) == 2 && f[0] == "Chronology" {
			chronPage, _ = strconv.Atoi(f[1])
		}
	}
	if chronPage < 3 || chronPage > pages {
		t.Fatalf("the contents give the chronology page %d of %d", chronPage, pages)
	}
	chron := text(chronPage, pages)
	chron = chron[strings.Index(chron, "Event")+len("Event"):]
	first := strings.Fields(chron)
	if len(first) < 2 || first[0]+" "+first[1] != "59 BCE" {
		t.Errorf("the chronology begins %q, want Caesar's consulship, 59 BCE", first[:min(len(first), 4)])
	}
	ides, somme := strings.Index(chron, "March 15, 44 BCE"), strings.Index(chron, "1916")
	if ides < 0 || somme < 0 || ides > somme {
		t.Errorf("the Ides of March (at %d) should come before 1916 (at %d)", ides, somme)
	}
}

// TestBookTagged checks the book's structure as TestTagged checks an article's, every rule
// checkTagged knows: its title page, contents (a TOC of TOCIs whose links are Link
// elements), each chapter a Part with its headings, tables and figures, the chronology's
// table, the combined bibliography's entries and the index.
func TestBookTagged(t *testing.T) {
	testkit.NeedTool(t, "qpdf")
	data, _ := renderBook(t, newBook(t))
	path := writeTemp(t, data)
	sum := checkTagged(t, path)
	for role, want := range map[string]int{
		"Part": len(testkit.Articles), "TOC": 1, "TOCI": len(testkit.Articles) + 3,
		"Table": len(testkit.Articles) + 1, "Index": 1,
	} {
		if sum.roles[role] != want {
			t.Errorf("%d %s elements, want %d", sum.roles[role], role, want)
		}
	}
	if sum.roles["BibEntry"] == 0 || sum.roles["Link"] == 0 {
		t.Errorf("%d BibEntry, %d Link elements", sum.roles["BibEntry"], sum.roles["Link"])
	}
	for _, h := range []int{1, 2} {
		if !slices.Contains(sum.headings, h) {
			t.Errorf("no H%d among %v", h, sum.headings)
		}
	}
	if os.Getenv("GALLEY_TAGCHECK") != "" {
		got := tagReport(t, testkit.TagCheck(t, path))
		for k, want := range map[string]string{"marked": "yes", "lang": "en", "title": "yes", "figures_without_alt": "0", "untagged_text_share": "0.0%"} {
			if got[k] != want {
				t.Errorf("tagcheck: %s=%s, want %s", k, got[k], want)
			}
		}
	}
}
