package render

// The print edition an EPUB follows: where each page of the PDF of the same build begins, so
// that the EPUB can mark it and list it (a page list), and a student with the handout and one
// with an e-reader find the same "page 3".

// A PageStart is where a printed page begins, in terms every format can find: in the
// content of At, before its word Word (counted as Words counts them; 0 is its start).
//
// At is what the page's first line belongs to: a block of the document as it is set
// (*source.Paragraph, *source.Heading, *source.CodeBlock, *source.Figure, ...), a section
// (*source.Section, its heading), a row of a table (a Row), or a part (a Part) for what a part
// sets as a whole: the title block, the fact panel, the part's heading. A page that holds no
// text of the flow (only figures that floated to it) begins where the next page does.
type PageStart struct {
	At   any
	Word int
}

// A Row is a row of a table, or an entry of a list the PDF sets as one: the key figures and
// the timeline (Table is the Part), the bibliography (the Part, Row the entry), or a table of
// the text (Table is the *source.Table; Row 0 its header).
type Row struct {
	Table any
	Row   int
}

// Print describes the print edition of a build: its pages' starts, one per page in order,
// and Source, the edition as the EPUB names it ("galley 1.4, PDF, Letter").
type Print struct {
	Source string
	Pages  []PageStart
}

// InChapter is where a printed page of a book begins when it is in a chapter: At as a
// PageStart has it, in the chapter of that index (0 the first). Each chapter sets its parts
// as an article does, so the same part or row is in every chapter and only this tells them
// apart. The book's own parts (a BookPart, a Row whose Table is a BookPart) need none.
type InChapter struct {
	Chapter int
	At      any
}
