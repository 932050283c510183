// Package source holds galley's document model and reads history-encyclopedia articles, in
// their canonical plain-text form or as whole Markdown documents, into it with one entry
// point, Parse, as go/parser builds go/ast.
//
// The model is data only: a Document of blocks (Inspect walks them), key figures, the
// bibliography's entries as CSL-JSON items (package bib reads them), the dated events of the
// timeline (package timeline finds them) and dates as cal.Date values. The package knows
// nothing of PDF, EPUB or JSON. Every node carries the 1-based source line it starts on, so
// every diagnostic can name it.
package source

import (
	"galley/source/bib"
	"galley/source/cal"
	"galley/source/timeline"
)

// Document is one parsed article: the model that every renderer reads.
type Document struct {
	// File is the name diagnostics use for the input ("-" or a path).
	File string
	// Lang is the BCP 47 language tag of the text, "en" unless the input says otherwise.
	Lang string

	Title     string
	TitleLine int
	// Abstract is the editorial overview before the header lines (paragraphs; any blocks in a
	// Markdown document).
	Abstract []Block
	Date     *Date
	Summary  string
	// SummaryLine is the line of the one-sentence summary (0 when there is none).
	SummaryLine int
	Locales     []string
	KeyFigures  []KeyFigure
	Sections    []*Section
	// BibliographyTitle is the label the article gives its reading list
	// ("Bibliography" or "Further Reading").
	BibliographyTitle string
	Bibliography      []*BibEntry
	Timeline          []timeline.Event
	SeeAlso           []string
	Diagnostics       []Diagnostic
}

// Date is the event's date as the `Date` line (or a Markdown document's front matter) gives
// it.
type Date struct {
	// Text is exactly what follows "Date ".
	Text string
	// Start is the date Text reads as, and End the end of a range (zero unless Text is one);
	// both are zero when Text cannot be read as a date.
	Start cal.Date
	End   cal.Date
	Line  int
}

// KeyFigure is one person of the Key Figures list.
type KeyFigure struct {
	Name    string
	Aliases []string
	// Born and Died are years, zero when unknown.
	Born cal.Date
	Died cal.Date
	// Life is the lifespan as written inside the parentheses ("c. 86-42 b.c.e.").
	Life string
	Role string
	// Raw is set, and Name holds the raw text, when the entry could not be parsed.
	Raw  bool
	Line int
}

// Section is a labelled part of the body ("Summary of Event", "Significance", or a Markdown
// heading in a Markdown document).
type Section struct {
	Title string
	// Level is the heading level: 1 for article sections, 1-6 for Markdown headings.
	Level  int
	Blocks []Block
	Line   int
	// ID is a stable anchor for links and navigation ("s-significance").
	ID string
}

// Block is a block-level node: *Paragraph, *Figure, *Heading, *List, *Quote, *CodeBlock,
// *Table or *Rule.
type Block interface {
	// Pos is the 1-based source line the block starts on.
	Pos() int
	block()
}

// Style is a set of inline style flags.
type Style uint8

// Inline styles; they combine.
const (
	Italic Style = 1 << iota
	Bold
	Code
	Strike
)

// Inline is a run of text with one style. Paragraph text is a flat sequence of runs: renderers
// lay runs out without walking a tree.
type Inline struct {
	Text  string
	Style Style
	// Link is the target of a hyperlink run (http, https or mailto only).
	Link string
	// Break marks a hard line break after the run.
	Break bool
}

// Paragraph is a paragraph of running text.
type Paragraph struct {
	Inlines []Inline
	Line    int
	// ID is a stable anchor ("p12", from the line) that the timeline links back to.
	ID string
}

// Figure is an image with its caption and credit, split out of the Markdown alt text.
type Figure struct {
	Alt     string
	Caption string
	Credit  string
	// File is the image's file name (from the caption or the URL's path).
	File string
	Src  string
	Line int
	ID   string
}

// Heading is a heading inside a section (Markdown documents only).
type Heading struct {
	Level   int
	Inlines []Inline
	Line    int
	ID      string
}

// List is an ordered or bullet list; each item is a sequence of blocks.
type List struct {
	Ordered bool
	Start   int
	Items   [][]Block
	Line    int
}

// Quote is a block quotation.
type Quote struct {
	Blocks []Block
	Line   int
}

// CodeBlock is preformatted text.
type CodeBlock struct {
	Lang string
	Text string
	Line int
}

// Align is a table column's alignment.
type Align uint8

// Column alignments.
const (
	AlignNone Align = iota
	AlignLeft
	AlignCenter
	AlignRight
)

// Table is a GFM table; every row has as many cells as the header.
type Table struct {
	Align  []Align
	Header [][]Inline
	Rows   [][][]Inline
	Line   int
}

// Rule is a thematic break.
type Rule struct {
	Line int
}

// Pos returns the line the paragraph starts on.
func (b *Paragraph) Pos() int { return b.Line }

// Pos returns the line the figure starts on.
func (b *Figure) Pos() int { return b.Line }

// Pos returns the line the heading starts on.
func (b *Heading) Pos() int { return b.Line }

// Pos returns the line the list starts on.
func (b *List) Pos() int { return b.Line }

// Pos returns the line the quotation starts on.
func (b *Quote) Pos() int { return b.Line }

// Pos returns the line the code block starts on.
func (b *CodeBlock) Pos() int { return b.Line }

// Pos returns the line the table starts on.
func (b *Table) Pos() int { return b.Line }

// Pos returns the line the rule starts on.
func (b *Rule) Pos() int { return b.Line }

func (*Paragraph) block() {}
func (*Figure) block()    {}
func (*Heading) block()   {}
func (*List) block()      {}
func (*Quote) block()     {}
func (*CodeBlock) block() {}
func (*Table) block()     {}
func (*Rule) block()      {}

// Text returns the paragraph's plain text.
func (b *Paragraph) Text() string { return PlainText(b.Inlines) }

// PlainText joins the text of inline runs; hard breaks become spaces.
func PlainText(runs []Inline) string {
	if len(runs) == 1 && !runs[0].Break {
		return runs[0].Text
	}
	n := 0
	for _, r := range runs {
		n += len(r.Text) + 1
	}
	buf := make([]byte, 0, n)
	for i, r := range runs {
		buf = append(buf, r.Text...)
		if r.Break && i < len(runs)-1 {
			buf = append(buf, ' ')
		}
	}
	return string(buf)
}

// BibEntry is one entry of the bibliography: its CSL-JSON reading and where it came from.
type BibEntry struct {
	Item bib.Item
	// Raw is the entry line as written.
	Raw  string
	Line int
}

// Severity grades a diagnostic.
type Severity string

// Severities.
const (
	SevError   Severity = "error"
	SevWarning Severity = "warning"
	// SevNote is information that asks for no change to the input (an image the build was
	// not asked to look for): --strict does not count it.
	SevNote Severity = "note"
)

// Diagnostic is a problem found in the input, with its position.
type Diagnostic struct {
	Line     int
	Col      int
	Severity Severity
	Message  string
}
