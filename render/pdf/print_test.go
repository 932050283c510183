package pdf

import (
	"bytes"
	"encoding/xml"
	"image"
	"image/color"
	"image/png"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"galley/internal/testkit"
	"galley/render"
	"galley/source"
)

// The page as a reader sees it, through pdftotext's word boxes: these tests check the
// measure, the right edge and the fill of every page of every corpus and layout article, on
// every paper.

// bboxLine is a line of text as pdftotext -bbox-layout finds it.
type bboxLine struct {
	page                   int // 1-based
	xMin, yMin, xMax, yMax float64
	text                   string
}

// bboxLines returns the lines of a PDF, page by page, in pdftotext's reading order.
func bboxLines(t testing.TB, path string) (lines []bboxLine, pages int) {
	t.Helper()
	out := run(t, "pdftotext", "-bbox-layout", path, "-")
	var doc struct {
		Pages []struct {
			Flows []struct {
				Blocks []struct {
					Lines []struct {
						XMin  float64  `xml:"xMin,attr"`
						YMin  float64  `xml:"yMin,attr"`
						XMax  float64  `xml:"xMax,attr"`
						YMax  float64  `xml:"yMax,attr"`
						Words []string `xml:"word"`
					} `xml:"line"`
				} `xml:"block"`
			} `xml:"flow"`
		} `xml:"body>doc>page"`
	}
	dec := xml.NewDecoder(strings.NewReader(out))
	dec.Strict = false
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("pdftotext -bbox-layout %s: %v", path, err)
	}
	for n, p := range doc.Pages {
		for _, f := range p.Flows {
			for _, b := range f.Blocks {
				for _, l := range b.Lines {
					lines = append(lines, bboxLine{n + 1, l.XMin, l.YMin, l.XMax, l.YMax, strings.Join(l.Words, " ")})
				}
			}
		}
	}
	return lines, len(doc.Pages)
}

// printed is one article rendered on one paper, as the layout tests read it.
type printed struct {
	name, paper string
	doc         *source.Document
	g           geom
	path        string
	lines       []bboxLine
	pages       int
}

// printAll renders every corpus and layout article on Letter, A4 and A5, the layout
// articles' figures with images (4:3, and one as tall as wide), and reads their lines.
func printAll(t *testing.T) []printed {
	t.Helper()
	testkit.NeedTool(t, "pdftotext")
	var docs []*source.Document
	var names []string
	for _, name := range testkit.Articles {
		docs, names = append(docs, parse(t, name)), append(names, name)
	}
	for _, name := range testkit.Layout {
		doc, err := source.Parse(readFile(t, testkit.LayoutArticle(name)), source.Options{File: name + ".txt"})
		if err != nil {
			t.Fatal(err)
		}
		docs, names = append(docs, doc), append(names, name)
	}
	imgs := figureImages(t)
	var out []printed
	for i, doc := range docs {
		for _, paper := range []string{"letter", "a4", "a5"} {
			opt := options(nil)
			opt.Paper = paper
			path := writeTemp(t, renderArticle(t, render.NewArticle(doc, imgs), opt))
			g, _ := geometry(paper)
			lines, pages := bboxLines(t, path)
			out = append(out, printed{names[i], paper, doc, g, path, lines, pages})
		}
	}
	return out
}

// figureImages serves an image for the layout articles' figures: a 4:3 picture for
// hastings-plan.png, a square one for any other .jpg but the seed's (a placeholder).
func figureImages(t testing.TB) imageMap {
	t.Helper()
	mk := func(w, h int) *render.Image {
		im := image.NewGray(image.Rect(0, 0, w, h))
		for y := range h {
			for x := range w {
				im.Set(x, y, color.Gray{uint8(128 + (x*y)%100)})
			}
		}
		var b bytes.Buffer
		if err := png.Encode(&b, im); err != nil {
			t.Fatal(err)
		}
		out, err := render.Decode(b.Bytes(), "x.png")
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	return imageMap{"hastings-plan.png": mk(800, 600), "90012345-77821.jpg": mk(600, 600)}
}

// TestPrinted renders every article on every paper once and checks the pages.
func TestPrinted(t *testing.T) {
	all := printAll(t)
	t.Run("no line past the measure", func(t *testing.T) { noLinePastMeasure(t, all) })
	t.Run("measure", func(t *testing.T) { measure(t, all) })
	t.Run("page fill", func(t *testing.T) { pageFill(t, all) })
	t.Run("punctuation", func(t *testing.T) { punctuation(t, all) })
	t.Run("fact panel", func(t *testing.T) { factPanel(t, all) })
}

// factPanel: the panel after the overview adds the summary and the places in full, and does
// not repeat the title and the date the title block gives.
func factPanel(t *testing.T, all []printed) {
	for _, p := range all {
		var first []string
		for _, l := range p.lines {
			if l.page == 1 {
				first = append(first, l.text)
				if strings.HasPrefix(l.text, "Date ") {
					t.Errorf("%s %s: page 1 gives the date again: %q", p.name, p.paper, l.text)
				}
			}
		}
		text := strings.Join(strings.Fields(strings.Join(first, " ")), " ")
		set := func(s string) string { return strings.Join(strings.Fields(render.Smart(s)), " ") }
		var abstract strings.Builder
		for _, b := range p.doc.Abstract {
			if para, ok := b.(*source.Paragraph); ok {
				abstract.WriteString(set(para.Text()) + " ")
			}
		}
		if n, in := strings.Count(text, set(p.doc.Title)), strings.Count(abstract.String(), set(p.doc.Title)); n != 1+in {
			t.Errorf("%s %s: the title %d times on page 1 (%d in the overview)", p.name, p.paper, n, in)
		}
		for _, want := range []string{set(p.doc.Summary), set(render.Places(p.doc))} {
			if !strings.Contains(strings.Join(strings.Fields(strings.Join(linesText(p.lines), " ")), " "), want) {
				t.Errorf("%s %s: the panel lacks %q", p.name, p.paper, want)
			}
		}
	}
}

func linesText(ls []bboxLine) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l.text
	}
	return out
}

// yearRange is a range of years (or pages) set with a hyphen.
var yearRange = regexp.MustCompile(`(^|[^\d.-])\d{3,4}-\d{2,4}($|[^\d-])`)

// punctuation: no straight quote or apostrophe anywhere a reader sees (title, running head,
// tables, timeline, bibliography), year ranges with an en dash, the OCR-split year whole.
func punctuation(t *testing.T, all []printed) {
	for _, p := range all {
		for _, l := range p.lines {
			if strings.ContainsAny(l.text, "'\"") {
				t.Errorf("%s %s page %d: a straight quote: %q", p.name, p.paper, l.page, l.text)
			}
			if m := yearRange.FindString(l.text); m != "" {
				t.Errorf("%s %s page %d: a range with a hyphen %q: %q", p.name, p.paper, l.page, m, l.text)
			}
			if strings.Contains(l.text, "1 931") || strings.Contains(l.text, "1 898") {
				t.Errorf("%s %s page %d: an OCR-split year: %q", p.name, p.paper, l.page, l.text)
			}
		}
	}
}

// noLinePastMeasure: every line of every page, the last of a paragraph, the title, the
// tables, the captions, the bibliography and the running head included, lies inside the
// text block.
func noLinePastMeasure(t *testing.T, all []printed) {
	for _, p := range all {
		left, right := p.g.left, p.g.left+p.g.width
		for _, l := range p.lines {
			if l.xMax > right+0.5 || l.xMin < left-0.5 {
				t.Errorf("%s %s page %d: line from %.1f to %.1f, the block is %.1f to %.1f: %.50q",
					p.name, p.paper, l.page, l.xMin, l.xMax, left, right, l.text)
			}
		}
	}
}

// measure: the median justified line holds 60 to 75 characters on Letter and A4, 55 to 65
// on A5, as book typography asks.
func measure(t *testing.T, all []printed) {
	for _, p := range all {
		right := p.g.left + p.g.width
		var n []int
		for _, l := range p.lines {
			if right-l.xMax < 0.6 && len([]rune(l.text)) > 20 {
				n = append(n, len([]rune(l.text)))
			}
		}
		if len(n) < 20 {
			t.Errorf("%s %s: %d justified lines", p.name, p.paper, len(n))
			continue
		}
		slices.Sort(n)
		lo, hi := 60, 75
		if p.paper == "a5" {
			lo, hi = 55, 65
		}
		if m := n[len(n)/2]; m < lo || m > hi {
			t.Errorf("%s %s: %d characters a line (median), want %d to %d", p.name, p.paper, m, lo, hi)
		}
	}
}

// pageFill: no page is less than 85% full, but the last and a page that a part or section
// starting the next page follows: a figure or a table row that does not fit waits, the text
// goes on.
func pageFill(t *testing.T, all []printed) {
	for _, p := range all {
		starts := map[string]bool{}
		for _, part := range render.Parts {
			starts[part.Title("")] = true
		}
		for _, s := range p.doc.Sections {
			starts[s.Title] = true
		}
		top, bottom := p.g.top, p.g.bodyBottom()
		body := func(page int) []bboxLine {
			var ls []bboxLine
			for _, l := range p.lines {
				if l.page == page && l.yMin > top-2 && l.yMax < bottom+2 {
					ls = append(ls, l)
				}
			}
			return ls
		}
		for page := 1; page < p.pages; page++ {
			if next := body(page + 1); len(next) > 0 && starts[next[0].text] {
				continue
			}
			low := top
			for _, l := range body(page) {
				low = max(low, l.yMax)
			}
			if fill := (low - top) / (bottom - top); fill < 0.85 {
				t.Errorf("%s %s: page %d is %.0f%% full", p.name, p.paper, page, 100*fill)
			}
		}
	}
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
