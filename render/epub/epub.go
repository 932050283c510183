// Package epub renders a document as an EPUB 3 publication: one XHTML content document per
// part, in the order render.Parts gives (title page, overview with the fact panel, key
// figures, each section, timeline, bibliography under its style's heading, see also), a
// navigation document with landmarks, an NCX for older readers, accessibility metadata, and
// byte-identical output for identical input and options.
//
// go-epub frames the content documents and writes the container (learned once per process
// from a book it writes: pack.go); one finishing step (finish.go) writes the rest: the
// package document, the navigation document and NCX, the language of each page, and a zip
// with a fixed entry order and fixed times.
package epub

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"galley/render"
	"galley/source"
)

// Render writes the article as an EPUB 3 file to w. Problems that still allow a complete
// book (a missing image, an unusable language tag) are reported through opt.Warnf. The
// output is byte-identical for the same document and options; opt.Modified should be set for
// that (SOURCE_DATE_EPOCH), since a zero time means now. Render is safe for concurrent use,
// of one article too.
func Render(w io.Writer, a *render.Article, opt *render.Options) error {
	if a == nil || a.Doc == nil {
		return errors.New("epub: no document")
	}
	if opt == nil {
		opt = &render.Options{}
	}
	fr, err := goepubFrame()
	if err != nil {
		return fmt.Errorf("epub: %w", err)
	}
	b, err := newRenderer(a, opt).book()
	if err != nil {
		return fmt.Errorf("epub: %w", err)
	}
	if err := b.finish(w, fr); err != nil {
		return fmt.Errorf("epub: %w", err)
	}
	return nil
}

// Landmark types (EPUB Structural Semantics) used in the navigation document.
const (
	lmCover        = "cover"
	lmTitle        = "titlepage"
	lmToc          = "toc"
	lmBody         = "bodymatter"
	lmBibliography = "bibliography"
	lmAppendix     = "appendix"
)

// part is one XHTML content document of the book, in reading order.
type part struct {
	// file is the document's name inside the xhtml folder.
	file string
	// label names the part in the navigation document and its <title>.
	label string
	// level nests the part in the table of contents (1 = top).
	level int
	// landmark is the part's landmark type, if it is one.
	landmark string
	body     []byte
}

// media is a resource file: a style sheet, font or image.
type media struct {
	name, mediaType string
	data            []byte
}

// book is everything the EPUB holds, ready to be packaged.
type book struct {
	title, lang, ident, desc string
	subjects                 []string
	coverage                 string
	modified                 time.Time
	generator                string
	parts                    []part
	css                      media
	fonts                    []media
	images                   []media
	// pages, for a book built with its print edition, holds the content document each
	// printed page begins in (the page's mark is "page-N" there), and pageSource names the
	// edition.
	pages      []string
	pageSource string

	// publisher is the house that issues the book, "" for none.
	publisher string
	// cover is the cover image (see cover.go), which the first page shows.
	cover media
}

// renderer turns the document model into the parts of a book.
type renderer struct {
	art *render.Article
	doc *source.Document // the document as it is set: art.Typeset()
	opt *render.Options
	b   *book
	// where maps a paragraph's id to the file that holds it, for the timeline's links back.
	where map[string]string
	// cur is the file being written, if writing is set, and open its entry in the book,
	// added when the file is done (see begin).
	cur     string
	writing bool
	open    part
	// imageNames maps an embedded image's name to its bytes, so that two figures of the same
	// image share one file and two different images never share a name.
	imageNames map[string][]byte
	// title is the document's title as its title page shows it.
	title string
	// chapterID and chapter are the ID and number of the chapter being written in a book
	// (0 in an article).
	chapterID string
	chapter   int
	// bk is the book being written, nil for an article.
	bk *render.Book
	// pb is the page list's state, nil when the book is built without a print edition.
	pb *pageBreaks
}

func newRenderer(a *render.Article, opt *render.Options) *renderer {
	doc := a.Typeset()
	r := &renderer{art: a, doc: doc, opt: opt, where: map[string]string{}, imageNames: map[string][]byte{}}
	r.b = &book{
		title:     clean(strings.TrimSpace(doc.Title)),
		lang:      render.Lang(doc, opt),
		ident:     identifier(a.Doc, opt),
		desc:      clean(doc.Summary),
		publisher: clean(strings.TrimSpace(opt.House)),
		modified:  opt.Modified,
		generator: "galley",
	}
	if r.b.title == "" {
		r.b.title = "Untitled"
	}
	r.title = r.b.title
	if opt.Version != "" {
		r.b.generator = "galley " + clean(opt.Version)
	}
	if r.b.modified.IsZero() {
		r.b.modified = time.Now()
	}
	r.b.modified = r.b.modified.UTC().Truncate(time.Second)
	if p := opt.Print; p != nil && len(p.Pages) > 0 {
		r.pb = &pageBreaks{pages: p.Pages}
		r.b.pageSource = clean(p.Source)
	}
	for _, l := range doc.Locales {
		if l = clean(strings.TrimSpace(l)); l != "" {
			r.b.subjects = append(r.b.subjects, l)
		}
	}
	if doc.Date != nil {
		r.b.coverage = clean(strings.TrimSpace(doc.Date.Text))
	}
	return r
}

// identifier returns the book's identifier: the one the options give, or else a name-based
// (version 5) UUID of the document's content, so that the same document always gets the same
// identifier.
func identifier(doc *source.Document, opt *render.Options) string {
	if id := clean(strings.TrimSpace(opt.Identifier)); id != "" {
		return id
	}
	data, err := json.Marshal(doc)
	if err != nil {
		data = []byte(doc.Title)
	}
	return "urn:uuid:" + uuid.NewSHA1(uuid.NameSpaceURL, append([]byte("galley:"), data...)).String()
}

// book renders the cover and every part, in the order of render.Parts.
func (r *renderer) book() (*book, error) {
	w := &xw{pb: r.pb}
	// The cover image is drawn meanwhile, on a core the parts may leave free.
	cover := r.startCover()
	r.coverPage(w)
	r.parts(w, render.Parts)
	return r.finishBook(w, cover)
}

// finishBook ends the book whose content documents w wrote: the pages of the print edition
// left unmarked are marked at its end, the last document is added, the cover image drawn
// meanwhile is waited for, and the style sheet added.
func (r *renderer) finishBook(w *xw, cover func() error) (*book, error) {
	w.finishPages()
	r.close(w)
	if r.pb != nil {
		r.b.pages = r.pb.files
	}
	if err := cover(); err != nil {
		return nil, err
	}
	css, err := r.styleSheet()
	if err != nil {
		return nil, err
	}
	r.b.css = media{name: cssName, mediaType: "text/css", data: css}
	return r.b, nil
}

// parts renders the given parts of the document, in their order.
func (r *renderer) parts(w *xw, parts []render.Part) {
	for _, p := range parts {
		switch p {
		case render.PartTitle:
			r.titlePage(w)
		case render.PartAbstract:
			r.overview(w)
		case render.PartFacts:
			r.facts(w)
		case render.PartKeyFigures:
			r.keyFigures(w)
		case render.PartSections:
			r.sections(w)
		case render.PartBibliography:
			r.bibliography(w)
		case render.PartTimeline:
			r.timeline(w)
		case render.PartSeeAlso:
			r.seeAlso(w)
		default:
			panic(fmt.Sprintf("epub: no content document for part %d", p))
		}
	}
}

// begin starts writing file, the content document labelled label in the navigation at
// level, with landmark type landmark (if any). A part written right after another part of
// the same file is added to it (the overview and the fact panel share a page). The file is added
// to the book when another begins, or at close.
func (r *renderer) begin(w *xw, file, label string, level int, landmark string) {
	if r.chapter > 0 {
		// A chapter's files are named after it, its title page heads its parts in the
		// navigation, and the book's first chapter is where its text starts.
		file = r.chapterID + "-" + file
		switch {
		case landmark == lmTitle && r.chapter == 1:
			landmark = lmBody
		case landmark == lmTitle:
			landmark = ""
		default:
			level, landmark = 2, ""
		}
	}
	if r.writing && r.cur == file {
		return
	}
	r.close(w)
	r.cur, r.writing = file, true
	if r.pb != nil {
		r.pb.file = file
	}
	r.open = part{file: file, label: label, level: level, landmark: landmark}
}

// close adds the file being written, if any, to the book.
func (r *renderer) close(w *xw) {
	if !r.writing {
		return
	}
	p := &r.open
	if p.label = clean(strings.Join(strings.Fields(p.label), " ")); p.label == "" {
		p.label = "Untitled"
	}
	p.body = bytes.Clone(w.Bytes())
	r.b.parts = append(r.b.parts, *p)
	r.writing = false
	w.reset()
}

// anchor records that the paragraph id is in the current file.
func (r *renderer) anchor(id string) {
	if _, ok := r.where[id]; !ok {
		r.where[id] = r.cur
	}
}

// section opens the <section> that wraps a part's body.
func section(w *xw, class, epubType, role string) {
	w.WriteString(`<section class="` + class + `"`)
	if epubType != "" {
		w.WriteString(` epub:type="` + epubType + `"`)
	}
	if role != "" {
		w.WriteString(` role="` + role + `"`)
	}
	w.WriteString(">\n")
}

func (r *renderer) titlePage(w *xw) {
	d := r.doc
	r.begin(w, "title.xhtml", r.title, 1, lmTitle)
	w.enter(render.PartTitle)
	if r.chapter > 0 {
		section(w, "titlepage", "", "")
		w.WriteString(`<p class="chapter-number">Chapter ` + strconv.Itoa(r.chapter) + "</p>\n")
	} else {
		section(w, "titlepage", "titlepage", "")
	}
	w.h1("", r.title)
	// The dateline: the date, then the places by the first part of their names, as the PDF
	// sets it (render.Dateline); the fact panel gives the places in full.
	line := render.Dateline(d)
	if line != "" {
		w.WriteString(`<p class="dateline">`)
		if d.Date != nil && d.Date.End.IsZero() {
			date := d.Date.Text
			if dt := htmlDate(d.Date.Start.ISO()); dt != "" && date != "" && strings.HasPrefix(line, date) {
				w.WriteString(`<time datetime="` + dt + `">`)
				w.text(date)
				w.WriteString("</time>")
				line = line[len(date):]
			}
		}
		w.text(line)
		w.WriteString("</p>\n")
	}
	w.leave()
	w.WriteString("</section>\n")
}

// htmlDate returns an ISO date as an HTML valid date string (year 1 or later, four digits),
// or "" when it is not one (BCE years, decades).
func htmlDate(iso string) string {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(iso) != len(layout) {
			continue
		}
		if t, err := time.Parse(layout, iso); err == nil && t.Year() >= 1 {
			return iso
		}
	}
	return ""
}

// overviewFile is the content document of the overview and the fact panel.
const overviewFile = "overview.xhtml"

// hasOverview reports whether the book has an overview page: the article has an abstract or a
// summary. The fact panel is on that page, so an article without one has no panel.
func (r *renderer) hasOverview() bool {
	return len(r.doc.Abstract) > 0 || r.doc.Summary != ""
}

// overview writes the editorial overview.
func (r *renderer) overview(w *xw) {
	if !r.hasOverview() {
		return
	}
	title := render.PartAbstract.Title(r.opt.Cite)
	r.begin(w, overviewFile, title, 1, "")
	section(w, "overview", "abstract", "doc-abstract")
	w.h1("overview", title)
	w.blocks(r, r.doc.Abstract, 1)
	w.WriteString("</section>\n")
}

// facts writes the event's fact panel on the overview page (or on a page of its own when the
// overview does not come right before it): what the title page does not say, the one-sentence
// summary as a standfirst and the places in full when the dateline shortened them.
func (r *renderer) facts(w *xw) {
	d := r.doc
	where := render.Places(d)
	if !r.hasOverview() || d.Summary == "" && where == "" {
		return
	}
	if !r.writing || r.cur != overviewFile {
		r.begin(w, "facts.xhtml", render.PartFacts.Title(r.opt.Cite), 1, "")
	}
	w.WriteString(`<section class="facts" aria-label="The event">` + "\n")
	w.enter(render.PartFacts)
	if d.Summary != "" {
		w.WriteString(`<p class="standfirst" id="summary">`)
		w.words(d.Summary)
		w.WriteString("</p>\n")
		r.anchor("summary")
	}
	if where != "" {
		w.WriteString(`<p class="fact"><b>`)
		w.midWord = false
		w.words("Locale")
		w.WriteString(`</b> `)
		w.midWord = false
		w.words(where)
		w.WriteString("</p>\n")
	}
	w.leave()
	w.WriteString("</section>\n")
}

func (r *renderer) keyFigures(w *xw) {
	if len(r.doc.KeyFigures) == 0 {
		return
	}
	title := render.PartKeyFigures.Title(r.opt.Cite)
	r.begin(w, "key-figures.xhtml", title, 1, "")
	section(w, "keyfigures", "", "")
	w.enter(render.PartKeyFigures)
	w.h1("key-figures", title)
	w.leave()
	w.WriteString("<table class=\"keyfigures\">\n<thead><tr><th scope=\"col\">Name</th>" +
		"<th scope=\"col\">Life</th><th scope=\"col\">Role</th></tr></thead>\n<tbody>\n")
	for i, f := range r.doc.KeyFigures {
		w.WriteString("<tr")
		if r.bk != nil {
			w.id(figureID(i))
		}
		w.WriteString(">")
		row := render.Row{Table: render.PartKeyFigures, Row: i + 1}
		if f.Raw {
			w.WriteString(`<td colspan="3">`)
			w.enter(row)
			w.words(f.Name)
			w.leave()
			w.WriteString("</td></tr>\n")
			continue
		}
		w.WriteString(`<th scope="row">`)
		w.enter(row)
		// The cells' words counted as the PDF sets them, for a page that begins in the row.
		w.WriteString(`<span class="name">`)
		w.words(f.Name)
		w.WriteString("</span>")
		if len(f.Aliases) > 0 {
			w.WriteString(`<br/><span class="alias">`)
			w.midWord = false
			w.words(strings.Join(f.Aliases, "; "))
			w.WriteString("</span>")
		}
		w.WriteString(`</th><td class="life">`)
		w.midWord = false
		w.words(render.Lifespan(f))
		w.WriteString(`</td><td class="role">`)
		w.midWord = false
		w.words(f.Role)
		w.leave()
		w.WriteString("</td></tr>\n")
	}
	w.WriteString("</tbody>\n</table>\n</section>\n")
}

func (r *renderer) sections(w *xw) {
	top := 1
	for i, s := range r.doc.Sections {
		lm := ""
		if i == 0 {
			top = max(1, s.Level)
			lm = lmBody
		}
		titled := strings.TrimSpace(s.Title) != ""
		label := s.Title
		if !titled {
			// An article's text before its first label has no title: the nav shows its
			// opening words.
			label = opening(s.Blocks)
		}
		r.begin(w, fmt.Sprintf("section-%02d.xhtml", i+1), label, min(2, max(1, s.Level-top+1)), lm)
		section(w, "chapter", "chapter", "doc-chapter")
		w.enter(s)
		if titled {
			w.h1(s.ID, s.Title)
		}
		w.leave()
		w.blocks(r, s.Blocks, max(1, s.Level))
		w.WriteString("</section>\n")
	}
}

// opening returns the first words of a section's first paragraph, for a label.
func opening(bs []source.Block) string {
	for _, b := range bs {
		if p, ok := b.(*source.Paragraph); ok {
			words := strings.Fields(p.Text())
			if len(words) > 8 {
				return strings.Join(words[:8], " ") + " …"
			}
			if len(words) > 0 {
				return strings.Join(words, " ")
			}
		}
	}
	return "Text"
}

func (r *renderer) bibliography(w *xw) {
	if len(r.doc.Bibliography) == 0 {
		return
	}
	entries := r.art.Bibliography(r.opt.Cite)
	title := render.PartBibliography.Title(r.opt.Cite)
	r.begin(w, "bibliography.xhtml", title, 1, lmBibliography)
	section(w, "bibliography", "bibliography", "doc-bibliography")
	w.enter(render.PartBibliography)
	w.h1("bibliography", title)
	w.leave()
	w.WriteString("<ul class=\"bibliography\">\n")
	for i, e := range entries {
		w.WriteString(`<li epub:type="biblioentry">`)
		w.bibEntry(render.Row{Table: render.PartBibliography, Row: i}, e.Runs, e.Annote)
		w.leave()
		w.WriteString("</li>\n")
	}
	w.WriteString("</ul>\n</section>\n")
}

// timeline writes the appendix of dated events, each linking back to the paragraph that
// states it.
func (r *renderer) timeline(w *xw) {
	if len(r.art.Events()) == 0 {
		return
	}
	title := render.PartTimeline.Title(r.opt.Cite)
	r.begin(w, "timeline.xhtml", title, 1, lmAppendix)
	section(w, "timeline", "appendix", "doc-appendix")
	w.enter(render.PartTimeline)
	w.h1("timeline", title)
	w.leave()
	w.WriteString("<table class=\"timeline\">\n<thead><tr><th scope=\"col\">Date</th>" +
		"<th scope=\"col\">Event</th></tr></thead>\n<tbody>\n")
	for i, e := range r.art.Events() {
		w.WriteString(`<tr><th scope="row" class="date">`)
		w.enter(render.Row{Table: render.PartTimeline, Row: i + 1})
		w.words(e.Date)
		w.WriteString(`</th><td>`)
		w.midWord = false
		w.inlines(e.Runs)
		if file, ok := r.where[e.Para]; ok {
			w.WriteString(` <a class="back" href="`)
			w.attr(file + "#" + e.Para)
			w.WriteString(`" title="Back to the text" aria-label="Back to the text">↩︎</a>`)
		}
		w.leave()
		w.WriteString("</td></tr>\n")
	}
	w.WriteString("</tbody>\n</table>\n</section>\n")
}

func (r *renderer) seeAlso(w *xw) {
	if len(r.doc.SeeAlso) == 0 {
		return
	}
	title := render.PartSeeAlso.Title(r.opt.Cite)
	r.begin(w, "see-also.xhtml", title, 1, "")
	section(w, "seealso", "", "")
	w.enter(render.PartSeeAlso)
	w.h1("see-also", title)
	w.leave()
	w.WriteString("<ul class=\"seealso\">\n")
	// The PDF sets the list as one paragraph, "a; b; c".
	for i, s := range r.doc.SeeAlso {
		w.WriteString("<li>")
		if i == 0 {
			w.enter(render.Row{Table: render.PartSeeAlso})
		}
		w.midWord = false
		w.words(s)
		w.WriteString("</li>\n")
	}
	w.leave()
	w.WriteString("</ul>\n</section>\n")
}

// figure writes a figure: the image embedded from local bytes, or, when there is none, a
// framed placeholder that says so (the warning names the file); then the numbered caption
// ("Figure 1."), and the credit on a line of its own.
func (r *renderer) figure(w *xw, f *source.Figure) {
	img, err := r.art.Image(f)
	name := ""
	if err == nil && img != nil {
		switch img.Format {
		case "jpeg", "png", "gif":
			name = r.addImage(img)
		default:
			err = fmt.Errorf("%w: %q is not JPEG, PNG or GIF", render.ErrNoImage, img.Format)
		}
	}
	w.WriteString("<figure")
	w.id(f.ID)
	if name == "" {
		w.WriteString(` class="placeholder"`)
	}
	w.WriteString(">\n")
	if name != "" {
		w.WriteString(`<img src="../images/`)
		w.attr(name)
		w.WriteString(`" alt="`)
		w.attr(render.AltText(f))
		w.WriteByte('"')
		if img.Width > 0 && img.Height > 0 {
			fmt.Fprintf(w, ` width="%d" height="%d"`, img.Width, img.Height)
		}
		w.WriteString("/>\n")
	} else {
		if err == nil {
			err = render.ErrNoImage
		}
		r.opt.MissingImage(f.Line, err)
		w.WriteString(`<p class="missing">Image not available</p>` + "\n")
	}
	label := r.art.FigureLabel(f)
	caption := f.Caption
	if caption == "" && f.Credit == "" {
		caption = f.Alt
	}
	if label != "" || caption != "" || f.Credit != "" {
		w.WriteString("<figcaption>")
		if label != "" {
			w.WriteString(`<span class="label">`)
			w.text(label)
			w.WriteString("</span>")
			if caption != "" {
				w.WriteByte(' ')
			}
		}
		w.text(caption)
		if f.Credit != "" {
			if label != "" || caption != "" {
				w.WriteString("<br/>")
			}
			w.WriteString(`<span class="credit">`)
			w.text(f.Credit)
			w.WriteString("</span>")
		}
		w.WriteString("</figcaption>\n")
	}
	w.WriteString("</figure>\n")
}

// addImage adds an image's bytes to the book and returns its file name, the same for the
// same bytes, distinct for different ones.
func (r *renderer) addImage(img *render.Image) string {
	name := img.Name
	if name == "" || !validID("x"+name) {
		name = "image." + img.Format
	}
	base, ext := name, ""
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		base, ext = name[:i], name[i:]
	}
	for n := 2; ; n++ {
		data, used := r.imageNames[name]
		if !used {
			break
		}
		if bytes.Equal(data, img.Data) {
			return name
		}
		name = fmt.Sprintf("%s-%d%s", base, n, ext)
	}
	r.imageNames[name] = img.Data
	r.b.images = append(r.b.images, media{name: name, mediaType: img.MediaType(), data: img.Data})
	return name
}
