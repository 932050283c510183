package epub

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/google/uuid"

	"galley/render"
	"galley/render/cite"
	"galley/source"
)

// RenderBook writes a book as one EPUB 3 file to w: a title page, the contents (the
// navigation document, which follows the title page in the reading order), the chapters in
// order, each a title page with the parts render.ChapterParts gives nested beneath it in the
// navigation, then the chronology, the combined bibliography and the index of key figures,
// whose links go to the paragraphs and key-figures rows they name. Problems that still allow
// a complete book (warnings and notes) go to report, with the index of the chapter they are
// in (-1: the book's own parts); opt.Warn and opt.Note are not used. The output is byte-identical for the same book and options.
func RenderBook(w io.Writer, b *render.Book, opt *render.Options, report func(chapter, line int, sev source.Severity, msg string)) error {
	if b == nil || b.Book == nil || len(b.Chapters) == 0 || len(b.Chapters) != len(b.Book.Chapters) {
		return errors.New("epub: no book")
	}
	if opt == nil {
		opt = &render.Options{}
	}
	fr, err := goepubFrame()
	if err != nil {
		return fmt.Errorf("epub: %w", err)
	}
	o := *opt
	o.Warn, o.Note = render.Reporter(report, -1)
	r := newRenderer(b.Chapters[0], &o)
	r.bk = b
	bk, err := r.wholeBook(report)
	if err != nil {
		return fmt.Errorf("epub: %w", err)
	}
	if err := bk.finish(w, fr); err != nil {
		return fmt.Errorf("epub: %w", err)
	}
	return nil
}

// Landmark type of the index of key figures.
const lmIndex = "index"

// wholeBook renders every part of the book, in the order of render.BookParts.
func (r *renderer) wholeBook(report func(chapter, line int, sev source.Severity, msg string)) (*book, error) {
	bk := r.bk
	r.b.title = clean(render.Smart(bk.Title))
	r.b.desc = clean(render.Smart(bk.Subtitle))
	r.b.coverage = ""
	r.b.subjects = nil
	for _, a := range bk.Chapters {
		for _, l := range a.Doc.Locales {
			if l = clean(strings.TrimSpace(l)); l != "" && !contains(r.b.subjects, l) {
				r.b.subjects = append(r.b.subjects, l)
			}
		}
	}
	r.b.ident = bookIdentifier(bk, r.opt)
	w := &xw{pb: r.pb}
	cover := r.startCover()
	r.coverPage(w)
	// wheres holds each chapter's map of paragraph IDs to files, for the back matter's links.
	wheres := make([]map[string]string, len(bk.Chapters))
	for _, p := range render.BookParts {
		switch p {
		case render.BookTitle:
			r.bookTitlePage(w)
		case render.BookContents:
			// The navigation document, which finish writes.
		case render.BookChapters:
			opt := r.opt
			for i, ch := range bk.Book.Chapters {
				o := *opt
				o.Warn, o.Note = render.Reporter(report, i)
				r.opt = &o
				r.art = bk.Chapters[i]
				r.doc = r.art.Typeset()
				r.title = clean(strings.TrimSpace(r.doc.Title))
				if r.title == "" {
					r.title = "Untitled"
				}
				r.chapterID, r.chapter = ch.ID, ch.Number
				r.where = map[string]string{}
				if r.pb != nil {
					r.pb.inChapter, r.pb.chapter = true, i
				}
				r.parts(w, render.ChapterParts())
				w.leave()
				r.close(w)
				wheres[i] = r.where
			}
			r.opt, r.chapterID, r.chapter = opt, "", 0
			if r.pb != nil {
				r.pb.inChapter = false
			}
		case render.BookChronology:
			r.chronology(w, wheres)
		case render.BookBibliography:
			r.combinedBibliography(w)
		case render.BookIndex:
			r.figureIndex(w, wheres)
		default:
			panic(fmt.Sprintf("epub: no content document for book part %d", p))
		}
	}
	return r.finishBook(w, cover)
}

// contains reports whether ss holds s.
func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// bookIdentifier returns the book's identifier: the one the options give, or else a
// name-based UUID of its title and its chapters' content.
func bookIdentifier(b *render.Book, opt *render.Options) string {
	if id := clean(strings.TrimSpace(opt.Identifier)); id != "" {
		return id
	}
	data := []byte("galley-book:" + b.Title + "\x00" + b.Subtitle)
	for _, a := range b.Chapters {
		d, err := json.Marshal(a.Doc)
		if err != nil {
			d = []byte(a.Doc.Title)
		}
		data = append(append(data, 0), d...)
	}
	return "urn:uuid:" + uuid.NewSHA1(uuid.NameSpaceURL, data).String()
}

// bookTitlePage writes the book's title page: title, subtitle, the number of chapters, the
// house that issues it and the date of the build.
func (r *renderer) bookTitlePage(w *xw) {
	r.begin(w, "title.xhtml", r.b.title, 1, lmTitle)
	section(w, "titlepage", "titlepage", "")
	w.enter(render.BookTitle)
	w.h1("", r.b.title)
	if r.b.desc != "" {
		w.WriteString(`<p class="subtitle">`)
		w.text(r.b.desc)
		w.WriteString("</p>\n")
	}
	n := len(r.bk.Book.Chapters)
	count := strconv.Itoa(n) + " chapters"
	if n == 1 {
		count = "1 chapter"
	}
	w.WriteString(`<p class="count">` + count + "</p>\n")
	if r.b.publisher != "" {
		w.WriteString(`<p class="house">`)
		w.text(r.b.publisher)
		w.WriteString("</p>\n")
	}
	mod := r.b.modified
	w.WriteString(`<p class="built"><time datetime="` + mod.Format("2006-01-02") + `">`)
	w.text(mod.Format("January 2, 2006"))
	w.WriteString("</time></p>\n")
	w.leave()
	w.WriteString("</section>\n")
}

// chapterFile is the file of a chapter's title page.
func (r *renderer) chapterFile(i int) string { return r.bk.Book.Chapters[i].ID + "-title.xhtml" }

// placeHref returns the link to a paragraph of chapter i, or to the chapter when the
// paragraph is in none of its files.
func (r *renderer) placeHref(wheres []map[string]string, i int, para string) string {
	if file, ok := wheres[i][para]; ok && para != "" {
		return file + "#" + para
	}
	return r.chapterFile(i)
}

// link writes a link with its text, words of the object being written (see xw.words).
func link(w *xw, href, text string) {
	w.WriteString(`<a href="`)
	w.attr(href)
	w.WriteString(`">`)
	w.words(text)
	w.WriteString("</a>")
}

// bookHeading writes the heading of a part of the book's own, where the pages that begin
// with it are marked.
func (r *renderer) bookHeading(w *xw, p render.BookPart, id, title string) {
	w.enter(p)
	w.h1(id, title)
	w.leave()
}

// chronology writes every chapter's events in one date order, each with the chapters that
// state it, linked to the paragraphs.
func (r *renderer) chronology(w *xw, wheres []map[string]string) {
	evs := r.bk.Chronology()
	if len(evs) == 0 {
		return
	}
	title := render.BookChronology.Title(r.opt.Cite)
	r.begin(w, "chronology.xhtml", title, 1, lmAppendix)
	section(w, "timeline", "appendix", "doc-appendix")
	r.bookHeading(w, render.BookChronology, "chronology", title)
	w.WriteString("<table class=\"timeline\">\n<thead><tr><th scope=\"col\">Date</th>" +
		"<th scope=\"col\">Event</th></tr></thead>\n<tbody>\n")
	for i, e := range evs {
		w.WriteString(`<tr><th scope="row" class="date">`)
		w.enter(render.Row{Table: render.BookChronology, Row: i + 1})
		w.words(e.Date)
		w.WriteString(`</th><td>`)
		w.midWord = false
		w.inlines(e.Runs)
		w.WriteString(`<br/><span class="stated">`)
		w.midWord = false
		for k, s := range e.Stated {
			if k > 0 {
				w.words("; ")
			}
			link(w, r.placeHref(wheres, s.Chapter, s.Para), r.bk.Short(s.Chapter))
		}
		w.WriteString("</span>")
		w.leave()
		w.WriteString("</td></tr>\n")
	}
	w.WriteString("</tbody>\n</table>\n</section>\n")
}

// combinedBibliography writes the book's bibliography, each work noting the chapters that
// cite it.
func (r *renderer) combinedBibliography(w *xw) {
	entries := r.bk.Bibliography(r.opt.Cite)
	if len(entries) == 0 {
		return
	}
	title := render.BookBibliography.Title(r.opt.Cite)
	r.begin(w, "bibliography.xhtml", title, 1, lmBibliography)
	section(w, "bibliography", "bibliography", "doc-bibliography")
	r.bookHeading(w, render.BookBibliography, "bibliography", title)
	w.WriteString("<ul class=\"bibliography\">\n")
	for i, e := range entries {
		w.WriteString(`<li epub:type="biblioentry">`)
		w.bibEntry(render.Row{Table: render.BookBibliography, Row: i + 1}, e.Runs, e.Annote)
		if len(e.Chapters) > 0 {
			w.WriteString(`<p class="annote">`)
			w.midWord = false
			w.words("Cited in ")
			for k, c := range e.Chapters {
				if k > 0 {
					w.words("; ")
				}
				link(w, r.chapterFile(c), r.bk.Short(c))
			}
			w.WriteString("</p>")
		}
		w.leave()
		w.WriteString("</li>\n")
	}
	w.WriteString("</ul>\n</section>\n")
}

// bibEntry writes a bibliography entry's paragraph, the runs its style formats, and its
// annotation; the entry is at, for the page list, until the caller leaves it.
func (w *xw) bibEntry(at any, runs []cite.Run, annote string) {
	w.WriteString(`<p class="entry">`)
	w.enter(at)
	for _, run := range runs {
		if run.Italic {
			w.WriteString("<i>")
			w.words(run.Text)
			w.WriteString("</i>")
		} else {
			w.words(run.Text)
		}
	}
	w.WriteString("</p>")
	if annote != "" {
		w.WriteString(`<p class="annote">`)
		w.midWord = false
		w.words(annote)
		w.WriteString("</p>")
	}
}

// figureID is the id of the row of the i-th key figure in a chapter of a book.
func figureID(i int) string { return "figure-" + strconv.Itoa(i+1) }

// figureIndex writes the index of key figures: each person once, with the lifespan, then for
// each chapter that names them a link to their key-figures row (the chapter's short title)
// and numbered links to the paragraphs that name them.
func (r *renderer) figureIndex(w *xw, wheres []map[string]string) {
	people := r.bk.Book.Index
	if len(people) == 0 {
		return
	}
	title := render.BookIndex.Title(r.opt.Cite)
	r.begin(w, "index.xhtml", title, 1, lmIndex)
	section(w, "index", "index", "doc-index")
	r.bookHeading(w, render.BookIndex, "index", title)
	w.WriteString("<ul class=\"index\">\n")
	for i, p := range people {
		w.WriteString(`<li>`)
		w.enter(render.Row{Table: render.BookIndex, Row: i + 1})
		w.WriteString(`<b>`)
		w.words(render.Smart(p.Heading))
		w.WriteString("</b>")
		if p.Life != "" {
			w.words(" (" + render.Smart(p.Life) + ")")
		}
		// The places by chapter, in book order: the row first, then the paragraphs.
		type places struct {
			row   string
			paras []string
		}
		var order []int
		by := map[int]*places{}
		at := func(ch int) *places {
			if by[ch] == nil {
				by[ch] = &places{}
				order = append(order, ch)
			}
			return by[ch]
		}
		for _, row := range p.Rows {
			if pl := at(row.Chapter); pl.row == "" {
				pl.row = r.bk.Book.Chapters[row.Chapter].ID + "-key-figures.xhtml#" + figureID(row.Figure)
			}
		}
		for _, m := range p.Mentions {
			file, ok := wheres[m.Chapter][m.Para]
			if !ok || m.Para == "" {
				continue
			}
			href := file + "#" + m.Para
			pl := at(m.Chapter)
			if n := len(pl.paras); n == 0 || pl.paras[n-1] != href {
				pl.paras = append(pl.paras, href)
			}
		}
		for k, ch := range order {
			if k == 0 {
				w.WriteString(": ")
			} else {
				w.WriteString("; ")
			}
			pl := by[ch]
			href := pl.row
			if href == "" {
				href = r.chapterFile(ch)
			}
			link(w, href, r.bk.Short(ch))
			if len(pl.paras) > 0 {
				w.WriteString(" (")
				for n, h := range pl.paras {
					if n > 0 {
						w.WriteString(", ")
					}
					w.WriteString(`<a href="`)
					w.attr(h)
					w.WriteString(`" aria-label="`)
					w.attr(r.bk.Short(ch) + ", mention " + strconv.Itoa(n+1))
					w.WriteString(`">` + strconv.Itoa(n+1) + "</a>")
				}
				w.WriteString(")")
			}
		}
		w.leave()
		w.WriteString("</li>\n")
	}
	w.WriteString("</ul>\n</section>\n")
}
