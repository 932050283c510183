package render

import (
	"sync"

	"galley/render/cite"
	"galley/source"
	"galley/source/book"
)

// Book is a book ready to render: the composed book, an Article for each of its chapters, and
// what the renderers look up about the book's own parts (the chronology as it is set, the
// combined bibliography formatted in a style), each looked up once however many formats are
// rendered from it. Like Article, it is safe for renderers running at once.
type Book struct {
	// Book is the composed book.
	*book.Book
	// Chapters are the chapters' articles, in the book's order.
	Chapters []*Article

	chronOnce sync.Once
	chron     []Dated

	bibMu sync.Mutex
	bibs  map[cite.Style]*bookFormatted
}

// bookFormatted is the combined bibliography in one style, formatted on first need.
type bookFormatted struct {
	once    sync.Once
	entries []Cited
}

// NewBook returns b ready to render, chapters holding an Article for each of its chapters
// in order (images are found through them).
func NewBook(b *book.Book, chapters []*Article) *Book {
	return &Book{Book: b, Chapters: chapters}
}

// Short returns the short title of chapter i (for running heads and references) with
// typographic punctuation.
func (b *Book) Short(i int) string { return Smart(b.Book.Chapters[i].Short) }

// Reporter returns the Warn and Note functions of the Options that render chapter ch of a
// book (-1: the book's own parts), which pass what they receive to report with the chapter
// and the severity; nil functions when report is nil.
func Reporter(report func(ch, line int, sev source.Severity, msg string), ch int) (warn, note func(line int, msg string)) {
	if report == nil {
		return nil, nil
	}
	return func(line int, msg string) { report(ch, line, source.SevWarning, msg) },
		func(line int, msg string) { report(ch, line, source.SevNote, msg) }
}

// BookPart is one part of a book beyond its chapters.
type BookPart int

// The parts of a book.
const (
	// BookTitle is the title page: title, subtitle, the house and the date of the build.
	BookTitle BookPart = iota
	// BookContents lists the chapters and the back matter.
	BookContents
	// BookChapters are the chapters, each with the parts ChapterParts gives.
	BookChapters
	// BookChronology is every chapter's events in one date order.
	BookChronology
	// BookBibliography is the combined bibliography.
	BookBibliography
	// BookIndex is the index of key figures.
	BookIndex
)

// BookParts is the order of a book's parts, in the PDF and the EPUB alike: the front
// matter, the chapters, then the back matter in book order (the Chicago Manual, 1.4:
// chronology, bibliography, index).
var BookParts = []BookPart{BookTitle, BookContents, BookChapters, BookChronology, BookBibliography, BookIndex}

// Title returns the part's heading; the bibliography's is the heading of its style. The
// title page and the chapters take theirs from the book: Title returns "" for them.
func (p BookPart) Title(style cite.Style) string {
	switch p {
	case BookContents:
		return "Contents"
	case BookChronology:
		return "Chronology"
	case BookBibliography:
		return style.Heading()
	case BookIndex:
		return "Index of Key Figures"
	}
	return ""
}

// ChapterParts returns the parts a chapter of a book keeps, in the order of Parts: all but
// the timeline and the bibliography, which the book's chronology and combined bibliography
// take over. A chapter's timeline would repeat, in part, the chronology a few pages on, and
// its reading list the combined one, in which a work several chapters cite appears once and
// says which cite it.
func ChapterParts() []Part {
	out := make([]Part, 0, len(Parts))
	for _, p := range Parts {
		if p != PartTimeline && p != PartBibliography {
			out = append(out, p)
		}
	}
	return out
}

// Dated is one entry of the chronology as it is set.
type Dated struct {
	// Date is the event's date or span, as the lead statement's timeline row shows it.
	Date string
	// Runs are the lead statement's sentence, as its chapter's timeline sets it.
	Runs []source.Inline
	// Stated are the chapters' statements of the event, in book order.
	Stated []Statement
}

// Statement is where a chapter states an event of the chronology.
type Statement struct {
	// Chapter is the index of the chapter; Para the ID of the paragraph and Line its source
	// line (what a link goes to when the paragraph has no ID).
	Chapter int
	Para    string
	Line    int
}

// Chronology returns the chronology as it is set, in date order.
func (b *Book) Chronology() []Dated {
	b.chronOnce.Do(func() {
		b.chron = make([]Dated, 0, len(b.Book.Chronology))
		for _, e := range b.Book.Chronology {
			var d Dated
			for i, s := range e.Statements {
				ev := b.Chapters[s.Chapter].Events()[s.Event]
				if i == e.Lead {
					d.Date, d.Runs = ev.Date, ev.Runs
				}
				d.Stated = append(d.Stated, Statement{Chapter: s.Chapter, Para: s.Para, Line: ev.Line})
			}
			b.chron = append(b.chron, d)
		}
	})
	return b.chron
}

// Cited is one item of the combined bibliography as it is set.
type Cited struct {
	cite.Entry
	// Chapters are the indexes of the chapters that cite the work, in book order.
	Chapters []int
}

// Bibliography returns the combined bibliography formatted in style (Chicago if empty), in
// the style's order, with typographic punctuation. APA's sentence case reads what every
// chapter writes of its words' capitals.
func (b *Book) Bibliography(style cite.Style) []Cited {
	if len(b.Book.Bibliography) == 0 {
		return nil
	}
	if style == "" {
		style = cite.Chicago
	}
	b.bibMu.Lock()
	f := b.bibs[style]
	if f == nil {
		if b.bibs == nil {
			b.bibs = map[cite.Style]*bookFormatted{}
		}
		f = &bookFormatted{}
		b.bibs[style] = f
	}
	b.bibMu.Unlock()
	f.once.Do(func() {
		var lex cite.Lexicon
		if style == cite.APA {
			lex = cite.Lexicon{}
			for _, a := range b.Chapters {
				for w, m := range a.Lexicon() {
					lex[w] |= m
				}
			}
		}
		entries := make([]*source.BibEntry, len(b.Book.Bibliography))
		chapters := map[string][]int{}
		for i := range b.Book.Bibliography {
			w := &b.Book.Bibliography[i]
			first := w.Cited[0]
			line := b.Chapters[first.Chapter].Doc.Bibliography[first.Entry].Line
			entries[i] = &source.BibEntry{Item: w.Item, Line: line}
			chapters[w.Item.ID] = w.Chapters()
		}
		for _, e := range cite.Format(entries, style, lex) {
			e.Runs = smartCite(e.Runs)
			e.Annote = Smart(e.Annote)
			f.entries = append(f.entries, Cited{Entry: e, Chapters: chapters[e.ID]})
		}
	})
	return f.entries
}
