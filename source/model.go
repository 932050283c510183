// Package source reads history-encyclopedia articles in their canonical plain-text form (and
// whole Markdown documents) into galley's document model, and derives from it the parts that
// the renderers typeset: key figures, the timeline and the bibliography as CSL-JSON items.
//
// The package knows nothing of PDF or EPUB. Every node carries the 1-based source line it
// starts on, so every diagnostic can name it.
package source

import (
	"galley/source/bib"
	"galley/source/cal"
	"galley/source/timeline"
)

// Document is one parsed article: the model that every renderer reads.
type Document struct {
	// File is the name diagnostics use for the input ("-" or a path).
	File string `json:"-"`
	// Lang is the BCP 47 language tag of the text, "en" unless the input says otherwise.
	Lang string `json:"-"`

	Title     string `json:"title"`
	TitleLine int    `json:"-"`
	// Abstract is the editorial overview before the header lines (paragraphs; any blocks in a
	// Markdown document).
	Abstract []Block `json:"-"`
	Date     *Date   `json:"date"`
	Summary  string  `json:"summary"`
	// SummaryLine is the line of the one-sentence summary (0 when there is none).
	SummaryLine int         `json:"-"`
	Locales     []string    `json:"locales"`
	KeyFigures  []KeyFigure `json:"key_figures"`
	Sections    []*Section  `json:"-"`
	// BibliographyTitle is the label the article gives its reading list
	// ("Bibliography" or "Further Reading").
	BibliographyTitle string           `json:"-"`
	Bibliography      []*BibEntry      `json:"-"`
	Timeline          []timeline.Event `json:"timeline"`
	SeeAlso           []string         `json:"see_also"`
	Diagnostics       []Diagnostic

	// figures counts the figures read, against maxFigures.
	figures int
}

// Date is the event's date as the `Date` line (or a Markdown document's front matter) gives
// it.
type Date struct {
	// Text is exactly what follows "Date ".
	Text string `json:"text"`
	// Start is the date Text reads as, and End the end of a range (zero unless Text is one);
	// both are zero when Text cannot be read as a date.
	Start cal.Date `json:"start"`
	End   cal.Date `json:"end"`
	Line  int      `json:"-"`
}

// KeyFigure is one person of the Key Figures list.
type KeyFigure struct {
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
	// Born and Died are years, zero when unknown.
	Born cal.Date `json:"born"`
	Died cal.Date `json:"died"`
	// Life is the lifespan as written inside the parentheses ("c. 86-42 b.c.e.").
	Life string `json:"life"`
	Role string `json:"role"`
	// Raw is set, and Name holds the raw text, when the entry could not be parsed.
	Raw  bool `json:"raw,omitempty"`
	Line int  `json:"line"`
}

// Section is a labelled part of the body ("Summary of Event", "Significance", or a Markdown
// heading in a Markdown document).
type Section struct {
	Title string `json:"title"`
	// Level is the heading level: 1 for article sections, 1-6 for Markdown headings.
	Level  int     `json:"level"`
	Blocks []Block `json:"blocks"`
	Line   int     `json:"line"`
	// ID is a stable anchor for links and navigation ("s-significance").
	ID string `json:"id"`
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
	Text  string `json:"text"`
	Style Style  `json:"style,omitempty"`
	// Link is the target of a hyperlink run (http, https or mailto only).
	Link string `json:"link,omitempty"`
	// Break marks a hard line break after the run.
	Break bool `json:"break,omitempty"`
}

// Paragraph is a paragraph of running text.
type Paragraph struct {
	Inlines []Inline `json:"inlines"`
	Line    int      `json:"line"`
	// ID is a stable anchor ("p12", from the line) that the timeline links back to.
	ID string `json:"id"`
}

// Figure is an image with its caption and credit, split out of the Markdown alt text.
type Figure struct {
	Alt     string `json:"alt"`
	Caption string `json:"caption"`
	Credit  string `json:"credit"`
	// File is the image's file name (from the caption or the URL's path).
	File string `json:"file"`
	Src  string `json:"src"`
	Line int    `json:"line"`
	ID   string `json:"id"`
}

// Heading is a heading inside a section (Markdown documents only).
type Heading struct {
	Level   int      `json:"level"`
	Inlines []Inline `json:"inlines"`
	Line    int      `json:"line"`
	ID      string   `json:"id"`
}

// List is an ordered or bullet list; each item is a sequence of blocks.
type List struct {
	Ordered bool      `json:"ordered"`
	Start   int       `json:"start"`
	Items   [][]Block `json:"items"`
	Line    int       `json:"line"`
}

// Quote is a block quotation.
type Quote struct {
	Blocks []Block `json:"blocks"`
	Line   int     `json:"line"`
}

// CodeBlock is preformatted text.
type CodeBlock struct {
	Lang string `json:"lang"`
	Text string `json:"text"`
	Line int    `json:"line"`
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
	Align  []Align      `json:"align"`
	Header [][]Inline   `json:"header"`
	Rows   [][][]Inline `json:"rows"`
	Line   int          `json:"line"`
}

// Rule is a thematic break.
type Rule struct {
	Line int `json:"line"`
}

func (b *Paragraph) Pos() int { return b.Line }
func (b *Figure) Pos() int    { return b.Line }
func (b *Heading) Pos() int   { return b.Line }
func (b *List) Pos() int      { return b.Line }
func (b *Quote) Pos() int     { return b.Line }
func (b *CodeBlock) Pos() int { return b.Line }
func (b *Table) Pos() int     { return b.Line }
func (b *Rule) Pos() int      { return b.Line }

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
)

// Diagnostic is a problem found in the input, with its position.
type Diagnostic struct {
	Line     int      `json:"line"`
	Col      int      `json:"col"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
}
