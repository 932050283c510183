package epub

import (
	"strconv"
	"unicode/utf8"

	"galley/render"
)

// The page list: where each page of the print edition begins, marked in the text
// (<span epub:type="pagebreak" role="doc-pagebreak" id="page-N" aria-label="N"/>) and listed
// in the navigation document, when the book is built with a PDF (render.Options.Print).
//
// The PDF says where each of its pages begins as what its first line sets and how many of
// its words earlier pages set (render.PageStart). The content documents are written in the
// same order of parts and blocks: each object the PDF may begin a page in is announced with
// xw.enter before it is written and xw.leave after, and its text goes through xw.words, which
// counts the words as render.Words does and marks a page before the word it begins at. A
// page whose place is not found is marked where the next one is, and what is left at the end
// of the book at its end: the book always marks every page once, in order.

// pageBreaks is the state of the page list while the book is written.
type pageBreaks struct {
	pages []render.PageStart
	next  int      // the first page not yet marked
	file  string   // the content document being written
	files []string // the document each marked page is in
	// at is the object being written, and words how many of its words are written.
	at    any
	words int
	// inChapter is set while a book's chapter is written, chapter its index: what is
	// entered is then that chapter's (render.InChapter).
	inChapter bool
	chapter   int
}

// enter announces that at is written next: the pages that begin at its start are marked
// here, and any before them whose place was not found.
func (w *xw) enter(at any) {
	pb := w.pb
	if pb == nil {
		return
	}
	w.midWord = false
	if pb.inChapter {
		at = render.InChapter{Chapter: pb.chapter, At: at}
	}
	pb.at, pb.words = at, 0
	j := pb.next
	for j < len(pb.pages) && pb.pages[j].At != at {
		j++
	}
	if j == len(pb.pages) {
		return
	}
	for pb.next < j {
		w.pageBreak()
	}
	w.breaksAt(0)
}

// breaksAt marks the pages that begin in the object being written at or before its word n.
func (w *xw) breaksAt(n int) {
	pb := w.pb
	for pb.next < len(pb.pages) && pb.pages[pb.next].At == pb.at && pb.pages[pb.next].Word <= n {
		w.pageBreak()
	}
}

// leave says that the object being written is done: a page the PDF begins past its last word
// is marked here.
func (w *xw) leave() {
	w.midWord = false
	pb := w.pb
	if pb == nil || pb.at == nil {
		return
	}
	for pb.next < len(pb.pages) && pb.pages[pb.next].At == pb.at {
		w.pageBreak()
	}
	pb.at = nil
}

// words writes s, text of the object being written, as character data, with the marks of
// the pages that begin at its words. A word that the text before s left open and s goes on
// with is one word, as the PDF sets it.
func (w *xw) words(s string) {
	if s == "" {
		return
	}
	starts := render.Words(s)
	cont := 0
	if w.midWord && len(starts) > 0 && starts[0] == 0 {
		cont = 1
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	w.midWord = !render.Space(last)
	pb := w.pb
	if pb == nil {
		w.text(s)
		return
	}
	done := 0
	for k := cont; k < len(starts); k++ {
		n := pb.words + k - cont
		if pb.at != nil && pb.next < len(pb.pages) && pb.pages[pb.next].At == pb.at && pb.pages[pb.next].Word <= n {
			w.text(s[done:starts[k]])
			done = starts[k]
			w.breaksAt(n)
		}
	}
	w.text(s[done:])
	pb.words += len(starts) - cont
}

// pageBreak marks the next page here.
func (w *xw) pageBreak() {
	pb := w.pb
	pb.next++
	n := strconv.Itoa(pb.next)
	w.WriteString(`<span epub:type="pagebreak" role="doc-pagebreak" id="page-` + n + `" aria-label="` + n + `"/>`)
	pb.files = append(pb.files, pb.file)
}

// finishPages marks the pages left, at the end of the book.
func (w *xw) finishPages() {
	pb := w.pb
	if pb == nil {
		return
	}
	for pb.next < len(pb.pages) {
		w.pageBreak()
	}
}
