package pdf

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"

	"galley/internal/testkit"
	"galley/render"
	"galley/source"
	"galley/source/bib"
	"galley/source/cal"
	"galley/source/timeline"
)

// emptyText are texts that draw nothing: no character, or only characters the layout drops
// or sets with no width (zero-width space and joiners, word joiner, soft hyphen, variation
// selector, byte-order mark, direction marks).
var emptyText = []string{"", "\u200b", "\u2060\u2060", "\u00ad", "\ufe0f", "\ufeff", "\u200c\u200d", "\u200e", "\u202e", " \u200b "}

// emptyDocument is a document every text of which is s: the parser refuses such a title,
// but the layout must be total over whatever a document holds.
func emptyDocument(s string) *source.Document {
	runs := []source.Inline{{Text: s}}
	return &source.Document{
		File: "empty.txt", Lang: "en", Title: s, TitleLine: 1,
		Abstract: []source.Block{&source.Paragraph{Inlines: runs, Line: 2, ID: "p2"}},
		Date:     &source.Date{Text: s, Line: 3},
		Summary:  s, SummaryLine: 4,
		Locales:    []string{s, s},
		KeyFigures: []source.KeyFigure{{Name: s, Aliases: []string{s}, Life: s, Role: s, Line: 6}},
		Sections: []*source.Section{{Title: s, Level: 1, Line: 7, ID: "s-x", Blocks: []source.Block{
			&source.Paragraph{Inlines: runs, Line: 8, ID: "p8"},
			&source.Heading{Level: 3, Inlines: runs, Line: 9, ID: "h9"},
			&source.Figure{Alt: s, Caption: s, Credit: s, File: s, Line: 10, ID: "f10"},
			&source.List{Items: [][]source.Block{{&source.Paragraph{Inlines: runs, Line: 11}}, {}}, Line: 11},
			&source.Quote{Blocks: []source.Block{&source.Paragraph{Inlines: runs, Line: 12}}, Line: 12},
			&source.CodeBlock{Text: s, Line: 13},
			&source.Table{Align: []source.Align{source.AlignNone}, Header: [][]source.Inline{runs},
				Rows: [][][]source.Inline{{runs}}, Line: 14},
		}}},
		BibliographyTitle: "Bibliography",
		Bibliography: []*source.BibEntry{{Raw: s, Line: 16, Item: bib.Item{ID: "x", Type: "book", Title: s,
			Author: []bib.Name{{Family: s, Given: s}}, Annote: s}}},
		Timeline: []timeline.Event{{Start: cal.DateOf(1933, 0, 0), Text: s, Line: 8, Para: "p8"}},
		SeeAlso:  []string{s},
	}
}

// TestEmptyText lays out documents whose every field draws nothing: there is no line to
// flow, no box to grow, no word to shorten, and the PDF is still whole.
func TestEmptyText(t *testing.T) {
	for _, s := range emptyText {
		t.Run(source.Printable(s), func(t *testing.T) {
			pdf := renderDoc(t, emptyDocument(s), options(nil))
			if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
				t.Fatal("not a PDF")
			}
			qpdf := testkit.NeedTool(t, "qpdf")
			if out, err := exec.Command(qpdf, "--check", writeTemp(t, pdf)).CombinedOutput(); err != nil {
				t.Errorf("qpdf --check: %v\n%s", err, out)
			}
		})
	}
	// The same through an article: one title is visible, everything else is not.
	doc := emptyDocument("\u200b")
	doc.Title = "Visible"
	renderArticle(t, render.NewArticle(doc, nil), options(nil))
}

// TestDeepNestingKeepsAMeasure sets a paragraph inside 24 quotations, and inside 24 lists:
// the indentation stops where the measure would fall below half the text block, with a
// warning, so the paragraph takes a few lines, not one word a line.
func TestDeepNestingKeepsAMeasure(t *testing.T) {
	text := strings.Repeat("word ", 400)
	for _, md := range []string{
		strings.Repeat(">", 24) + " " + text + "\n",
		func() string {
			var b strings.Builder
			for i := range 24 {
				b.WriteString(strings.Repeat("  ", i) + "- item\n")
			}
			return b.String() + strings.Repeat("  ", 24) + text + "\n"
		}(),
	} {
		doc, err := source.Parse([]byte("# Deep\n\n"+md), source.Options{File: "deep.md", Markdown: true})
		if err != nil {
			t.Fatal(err)
		}
		var warnings []string
		var buf bytes.Buffer
		pages, err := Render(&buf, render.NewArticle(doc, nil), options(func(_ int, msg string) { warnings = append(warnings, msg) }))
		if err != nil {
			t.Fatal(err)
		}
		// At half the measure the words take about three pages; a column of one word a
		// line, what nesting without a floor gives, would take over ten.
		if pages > 4 {
			t.Errorf("%d pages for 400 words nested 24 deep", pages)
		}
		if !strings.Contains(strings.Join(warnings, "\n"), "nested too deep to indent further") {
			t.Errorf("no warning: %q", warnings)
		}
	}
}
