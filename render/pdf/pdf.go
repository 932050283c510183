// Package pdf typesets a document as a print-ready PDF handout with fpdf: measured and broken
// into lines and pages by its own layout engine (Knuth–Plass line breaking, hyphenation,
// kerning, widow and orphan control), then drawn, and finished with the fonts (subsets of
// faces parsed once per process) and the compressed streams (finish.go). seam.go documents
// the one boundary between fpdf and galley: what fpdf writes, what finish relies on in it and
// what finish writes instead.
//
// The parts come in the order render.Parts gives (title and dateline, overview, fact panel,
// key figures, the sections with their figures, the timeline appendix, the bibliography under
// its style's heading and "See also"), with a nested outline (the title, its parts, the
// headings of a section beneath it), running heads, "page N of M" footers and the document's
// metadata.
package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"galley/render"
	"galley/source"
)

// Render typesets the article as a PDF, writes it to w and returns its number of pages.
// Problems that still allow a complete PDF (a missing image, a character the font lacks) go
// to opt.Warnf; an error means nothing usable was written. Render is safe for concurrent use,
// of one article too.
func Render(w io.Writer, a *render.Article, opt *render.Options) (pages int, err error) {
	p, err := RenderPrint(w, a, opt)
	if err != nil {
		return 0, err
	}
	return len(p.Pages), nil
}

// RenderPrint renders as Render does, and returns the print edition the PDF is: where each
// of its pages begins, for the EPUB of the same build to mark and list them
// (render.Options.Print), and the edition's name, galley's version and the paper.
func RenderPrint(w io.Writer, a *render.Article, opt *render.Options) (*render.Print, error) {
	if a == nil || a.Doc == nil {
		return nil, errors.New("pdf: no document")
	}
	if opt == nil {
		opt = &render.Options{}
	}
	r, err := newRenderer(a, opt)
	if err != nil {
		return nil, err
	}
	raw, err := r.fpdfOutput()
	if err != nil {
		return nil, err
	}
	if err := r.write(w, raw); err != nil {
		return nil, err
	}
	return r.print, nil
}

// write finishes what fpdf wrote (see finish) and writes the document to w whole, so that a
// failure leaves nothing half-written there.
func (r *renderer) write(w io.Writer, raw []byte) error {
	var out bytes.Buffer
	if err := finish(&out, raw, r.fonts, r.chunks, r.tagged); err != nil {
		return err
	}
	if _, err := w.Write(out.Bytes()); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	return nil
}

// newRenderer returns the renderer of one article, its fonts and styles ready.
func newRenderer(a *render.Article, opt *render.Options) (*renderer, error) {
	g, err := geometry(opt.Paper)
	if err != nil {
		return nil, err
	}
	fam, err := opt.Family()
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	fs, err := loadFontSet(fam)
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	r := &renderer{art: a, doc: a.Typeset(), opt: opt, fs: fs, g: g, paraIDs: map[string]bool{}}
	r.tree = &tag{typ: "Document"}
	r.sect = r.tree
	r.styles()
	return r, nil
}

// fpdfOutput lays the article out, draws it with fpdf and returns what fpdf writes: the
// document finish completes (see seam.go).
func (r *renderer) fpdfOutput() ([]byte, error) {
	r.p = r.newPDF()
	r.layout()
	return r.placeAndDraw()
}

// placeAndDraw paginates the boxes laid out, draws the pages with fpdf and returns what fpdf
// writes; it notes the pages and the print edition they are.
func (r *renderer) placeAndDraw() ([]byte, error) {
	pages := r.paginate()
	p, err := r.draw(pages)
	if err != nil {
		return nil, err
	}
	r.pages = len(pages)
	r.print = r.printEdition(pages)
	var raw bytes.Buffer
	if err := p.Output(&raw); err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	return raw.Bytes(), nil
}

// geom is the page and the type sizes, in points.
type geom struct {
	paper              string
	pageW, pageH       float64
	left, top, bottom  float64 // margins; the right margin is what the text width leaves
	width              float64 // text block
	body, lead         float64 // body size and leading
	headY, footY       float64 // baselines of the running head and the footer
	scale              float64 // type sizes relative to Letter's 11.5 pt body
	figMaxH            float64 // tallest figure image
	hang               float64 // bibliography hanging indent
	small, smallLead   float64 // notes, captions, tables
	script, scriptLead float64 // aliases, credits
}

// geometry returns the page of a paper. The measure is what sets it: about 66 characters a
// line, as book typography holds best (Bringhurst; LaTeX's article class sets about 65).
// Liberation Serif sets 0.413 em a character on average, spaces included, so 11.5 pt on a
// 4.4 in block gives 66 characters; the 11 pt on 6 in of galley's first pages gave 95, a
// line the eye loses its way back along. The block is centred: a handout is printed one side,
// and the margins are wide, as LaTeX's are, because the measure, not the paper, sets the
// width. A4 keeps Letter's block; A5, a page two thirds the size, 10 pt on 3.45 in, about 60.
func geometry(paper string) (geom, error) {
	in := 72.0
	g := geom{paper: strings.ToLower(paper)}
	switch g.paper {
	case "", "letter":
		g.paper = "letter"
		g.pageW, g.pageH = 8.5*in, 11*in
	case "a4":
		g.pageW, g.pageH = 595.28, 841.89
	case "a5":
		g.pageW, g.pageH = 419.53, 595.28
	default:
		return g, fmt.Errorf("pdf: unknown paper %q (letter, a4, a5)", paper)
	}
	if g.paper == "a5" {
		g.body, g.lead = 10, 13.5
		g.width = 3.45 * in
		g.top, g.bottom = 0.75*in, 0.8*in
	} else {
		g.body, g.lead = 11.5, 15.5
		g.width = 4.4 * in
		g.top, g.bottom = 1.0*in, 1.1*in
	}
	g.scale = g.body / 11.5
	g.left = (g.pageW - g.width) / 2
	g.small, g.smallLead = 9.5*g.scale, 12.5*g.scale
	g.script, g.scriptLead = 8.5*g.scale, 11*g.scale
	g.headY = g.top - 0.4*in*g.scale
	g.footY = g.pageH - g.bottom + 0.55*in*g.scale
	g.figMaxH = (g.pageH - g.top - g.bottom) * 0.45
	g.hang = 0.5 * in * g.scale
	return g, nil
}

// bodyBottom is the lowest y text may reach.
func (g *geom) bodyBottom() float64 { return g.pageH - g.bottom }

// renderer holds one document's rendering.
type renderer struct {
	art     *render.Article
	doc     *source.Document // the document as it is set: art.Typeset()
	opt     *render.Options
	fs      *fontSet
	g       geom
	missing map[rune]bool

	body, small, script, title, standfirst, code paraStyle
	heading16, heading13, heading11              paraStyle

	p        *fpdf.Fpdf
	noIndent bool  // the next paragraph follows a heading or a display: no indent
	levels   []int // heading levels open in the outline
	paraIDs  map[string]bool
	// deepWarned is set once nesting too deep to indent has been warned of (see nested).
	deepWarned bool

	fonts  []*docFont    // the faces drawn, for finish
	chunks [][]byte      // the pages' content, for finish
	pages  int           // the number of pages drawn
	print  *render.Print // where each page begins

	tb    *textBuilder // reused for every paragraph (see builder)
	arena []elem       // where paragraphs' elements are kept (see keep)

	// tree is the structure tree's root, the Document element; sect is the element the
	// blocks being laid out go into (the root, a list item's body, a quotation); tagged is
	// the structure with its content, once drawn (see tag.go).
	tree, sect *tag
	tagged     *structure

	boxes []*vbox
	// scope is the chapter being laid out in a book: its ID and a slash, which qualifies
	// the anchors of its boxes ("" in an article).
	scope string
	// bk is the book being rendered, nil for an article.
	bk *render.Book
	// anchors maps paragraph IDs (and "line:N") to where they were placed.
	anchors map[string]place
	images  imageSet
}

// place is a position in the paginated document.
type place struct {
	page int // 1-based
	y    float64
}

func (r *renderer) styles() {
	f := r.fs.faces
	base := paraStyle{regular: f[slotRegular], bold: f[slotBold], italic: f[slotItalic],
		boldItalic: f[slotBoldItalic], mono: f[slotMono], size: r.g.body, color: black, hyphenate: true}
	r.body = base
	r.small = base
	r.small.size = r.g.small
	r.script = base
	r.script.size = r.g.script
	r.title = base
	r.title.size, r.title.regular, r.title.italic = 22*r.g.scale, f[slotBold], f[slotBoldItalic]
	r.title.hyphenate, r.title.ragged = false, true
	r.heading16 = r.title
	r.heading16.size = 16 * r.g.scale
	r.heading13 = r.title
	r.heading13.size = 13 * r.g.scale
	r.heading11 = r.title
	r.heading11.size = r.g.body
	r.standfirst = base
	r.standfirst.size = 12 * r.g.scale
	r.standfirst.regular, r.standfirst.italic = f[slotItalic], f[slotRegular]
	r.standfirst.bold, r.standfirst.boldItalic = f[slotBoldItalic], f[slotBold]
	r.code = base
	r.code.regular, r.code.bold, r.code.italic, r.code.boldItalic = f[slotMono], f[slotMono], f[slotMono], f[slotMono]
	r.code.size, r.code.hyphenate, r.code.ragged = 8.5*r.g.scale, false, true
}

// newPDF returns an fpdf document set up for reproducible output.
func (r *renderer) newPDF() *fpdf.Fpdf {
	p := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "pt",
		Size: fpdf.SizeType{Wd: r.g.pageW, Ht: r.g.pageH}})
	p.SetCatalogSort(true)
	p.SetCompression(false) // finish compresses, with pooled compressors
	p.SetAutoPageBreak(false, 0)
	p.SetMargins(r.g.left, r.g.top, r.g.pageW-r.g.left-r.g.width)
	mod := r.opt.Modified
	if mod.IsZero() {
		mod = time.Now()
	}
	doc := r.doc
	title := doc.Title
	if title == "" {
		title = "Untitled" // as the title block sets it: PDF/UA wants a title
	}
	m := &meta{title: metaText(title), subject: metaText(doc.Summary),
		keywords: metaText(strings.Join(doc.Locales, "; ")),
		creator:  metaText(strings.TrimSpace("galley " + r.opt.Version)), producer: "galley (fpdf)",
		lang: render.Lang(doc, r.opt), date: mod.UTC().Truncate(time.Second)}
	if r.bk != nil {
		r.bookMetadata(m)
	}
	m.set(p)
	return p
}
