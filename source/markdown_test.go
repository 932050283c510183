package source

import (
	"reflect"
	"strings"
	"testing"
)

func TestMarkdownDocument(t *testing.T) {
	src := "---\ntitle: \"Notes: A Test\"\ndate: July 1, 1916\nlocale: [Picardy, France]\nlang: fr\n---\n" +
		"Intro *text*.\n\n## First\n\nPara one.\n\n- a\n- b\n\n| h1 | h2 |\n|---|--:|\n| c | d |\n\n### Sub\n\n```go\nx := 1\n```\n\n" +
		"> quoted\n\n## Key Figures\n\nJane Doe (1900-1980), historian\n\n## Bibliography\n\n- Doe, Jane. A Book. Boston: Beacon, 1950. Annotated.\n\n<div onclick=\"x\">raw</div>\n"
	doc, err := Parse([]byte(src), Options{File: "n.md", Markdown: true})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "Notes: A Test" || doc.Lang != "fr" || doc.Date.Start.ISO() != "1916-07-01" || len(doc.Locales) != 2 {
		t.Errorf("front matter: %q %q %+v %q", doc.Title, doc.Lang, doc.Date, doc.Locales)
	}
	if len(doc.Abstract) != 1 || len(doc.Sections) != 1 || doc.Sections[0].Title != "First" {
		t.Fatalf("structure: %d abstract, sections %+v", len(doc.Abstract), doc.Sections)
	}
	var kinds []string
	for _, b := range doc.Sections[0].Blocks {
		kinds = append(kinds, strings.TrimPrefix(reflect.TypeOf(b).String(), "*source."))
	}
	if strings.Join(kinds, " ") != "Paragraph List Table Heading CodeBlock Quote" {
		t.Errorf("blocks: %s", kinds)
	}
	if p := doc.Sections[0].Blocks[0].(*Paragraph); p.Line != 11 {
		t.Errorf("paragraph line %d, want 11", p.Line)
	}
	if len(doc.KeyFigures) != 1 || doc.KeyFigures[0].Name != "Jane Doe" || len(doc.Bibliography) != 2 {
		t.Errorf("figures %+v, %d entries", doc.KeyFigures, len(doc.Bibliography))
	}
	tab := doc.Sections[0].Blocks[2].(*Table)
	if len(tab.Header) != 2 || tab.Align[1] != AlignRight || PlainText(tab.Rows[0][1]) != "d" {
		t.Errorf("table %+v", tab)
	}
}

func TestMarkdownNestingLimit(t *testing.T) {
	src := "# T\n\n" + strings.Repeat(">", 50000) + " deep\n\n" + strings.Repeat("[", 50000) + "\n\n" + strings.Repeat("![", 25000) + "\n"
	doc, err := Parse([]byte(src), Options{Markdown: true})
	if err != nil {
		t.Fatal(err)
	}
	depth := 0
	b := doc.Abstract[0]
	for {
		q, ok := b.(*Quote)
		if !ok || len(q.Blocks) == 0 {
			break
		}
		depth++
		b = q.Blocks[0]
	}
	if depth > maxNesting {
		t.Errorf("quotes nested %d deep", depth)
	}
}

func TestMarkdownHardBreakAndStrike(t *testing.T) {
	doc, err := Parse([]byte("# T\n\nLine one  \nline two\\\nthree ~~gone~~ x\n"), Options{Markdown: true})
	if err != nil {
		t.Fatal(err)
	}
	got := doc.Abstract[0].(*Paragraph).Inlines
	want := []Inline{{Text: "Line one", Break: true}, {Text: "line two", Break: true}, {Text: "three "},
		{Text: "gone", Style: Strike}, {Text: " x"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

// TestTableBound reads tables whose cells would outgrow their text: rows of a lone '|' under
// a header of 26 columns (goldmark gives each row 26 cells), and a table that is small
// enough. The big one stays text, with a warning; the small one is a table.
func TestTableBound(t *testing.T) {
	header := "|a|b|c|d|e|f|g|h|i|j|k|l|m|n|o|p|q|r|s|t|u|v|w|x|y|z|\n" + strings.Repeat("|-", 26) + "|\n"
	small := "| x | y |\n|---|---|\n| 1 | 2 |\n"
	doc, err := Parse([]byte("# T\n\n"+header+strings.Repeat("|\n", 5000)+"\n"+small), Options{File: "t.md", Markdown: true})
	if err != nil {
		t.Fatal(err)
	}
	var tables, paragraphs int
	Inspect(doc.Abstract, func(b Block) bool {
		switch b.(type) {
		case *Table:
			tables++
		case *Paragraph:
			paragraphs++
		}
		return true
	})
	if tables != 1 || paragraphs != 1 {
		t.Errorf("%d tables and %d paragraphs, want the small table and the big one as text", tables, paragraphs)
	}
	if len(doc.Diagnostics) != 1 || doc.Diagnostics[0].Line != 3 || !strings.Contains(doc.Diagnostics[0].Message, "kept as text") {
		t.Errorf("diagnostics %+v", doc.Diagnostics)
	}
	// Prose with a '|' on each of many lines, but no delimiter row: never a table, no warning.
	doc, err = Parse([]byte("# T\n\n"+strings.Repeat("either|or\n", 60_000)), Options{File: "t.md", Markdown: true})
	if err != nil || len(doc.Diagnostics) != 0 {
		t.Errorf("prose with pipes: %v %+v", err, doc.Diagnostics)
	}
}

// TestSectionBound gives a document more headings than it may have sections, as Markdown
// headings and as the article's labels: the first maxSections are sections, the rest are
// kept in the last one (as headings, or as paragraphs), with one warning; nothing is lost.
func TestSectionBound(t *testing.T) {
	const n = maxSections + 500
	for _, tc := range []struct {
		name string
		text string
		md   bool
	}{
		{"markdown", "# T\n\n" + strings.Repeat("## a\n\ntext\n\n", n), true},
		{"article", "T\nDate 1933\nA summary.\n" + strings.Repeat("Significance\ntext\n", n), false},
	} {
		doc, err := Parse([]byte(tc.text), Options{File: "t", Markdown: tc.md})
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Sections) != maxSections {
			t.Errorf("%s: %d sections", tc.name, len(doc.Sections))
		}
		blocks := 0
		for _, s := range doc.Sections {
			blocks += len(s.Blocks)
		}
		if blocks != n+500 || countWarnings(doc, "sections") != 1 {
			t.Errorf("%s: %d blocks, want %d; diagnostics %+v", tc.name, blocks, n+500, doc.Diagnostics)
		}
	}
}
