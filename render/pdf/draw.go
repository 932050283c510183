package pdf

import (
	"fmt"
	"strconv"
	"unicode/utf16"

	"codeberg.org/go-pdf/fpdf"
)

// drawer writes the pages: text goes straight into the page content as PDF text operators
// (one TJ array per line and style, with kerning and justification as displacements), which
// is what fpdf's own text calls cannot do; fpdf does images, links, the outline and the
// metadata, and finish (finish.go) the fonts and the compression.
type drawer struct {
	r     *renderer
	p     *fpdf.Fpdf
	fonts []*docFont // in the order of first use
	font  map[*face]*docFont
	// buf holds the document's content, drawn page after page; chunks are its pieces, each
	// in fpdf's page content as a marker (see flush), replaced by finish.
	buf    []byte
	chunks [][]byte
	done   int // the length of buf in chunks
	pageH  float64
	links  map[string]int // fpdf link per anchor
	page   int
	pages  int
	// heads holds the running heads, shortened: the title at "", each part at "part:" + part.
	heads map[string]string

	// The marked content (see tag.go): what the drawing belongs to (want) and the sequence
	// open in the page (open); the element whose lines are drawn (para) and the Link element
	// of the link run being drawn in it (linkNode, for the style linkSt); repeat while a
	// table's header is drawn again on the page it continues on.
	want, open marking
	para       *tag
	linkNode   *tag
	linkSt     *textStyle
	repeat     bool
	// parents holds, per page, the element of each MCID; annots the link annotations, in
	// the order fpdf writes them.
	parents [][]*tag
	annots  [][]*annot
}

// draw renders the paginated boxes.
func (r *renderer) draw(pages []*page) (*fpdf.Fpdf, error) {
	p := r.p
	d := &drawer{r: r, p: p, font: map[*face]*docFont{}, pageH: r.g.pageH,
		links: map[string]int{}, pages: len(pages), buf: make([]byte, 0, 24<<10*len(pages))}
	d.parents = make([][]*tag, 0, len(pages))
	d.annots = make([][]*annot, 0, len(pages))
	for n, pg := range pages {
		d.page = n + 1
		p.AddPage()
		d.parents = append(d.parents, nil)
		d.annots = append(d.annots, nil)
		d.furniture(pg)
		for _, it := range pg.items {
			if m := it.b.mark; m != nil && !it.repeat {
				p.Bookmark(utf16Text(m.title), m.level, it.y)
			}
			if it.b.draw != nil {
				// Each box says what it draws; a sequence never runs into the next box
				// unless it is the same element's.
				d.want, d.para, d.repeat = marking{}, nil, it.repeat
				it.b.draw(d, it.y)
			}
		}
		d.repeat = false
		d.closeMark() // a sequence does not cross a page
		d.flush()
	}
	if p.Err() {
		return nil, fmt.Errorf("pdf: %w", p.Error())
	}
	// fpdf needs the last page current when it closes the document.
	p.SetPage(p.PageCount())
	r.fonts, r.chunks = d.fonts, d.chunks
	r.tagged = &structure{root: r.tree, parents: d.parents, annots: d.annots}
	return p, nil
}

// use returns the document's use of a face, registering it on first use.
func (d *drawer) use(f *face) *docFont {
	df := d.font[f]
	if df == nil {
		df = &docFont{f: f, name: "F" + itoa(len(d.fonts)+1)}
		d.font[f] = df
		d.fonts = append(d.fonts, df)
	}
	return df
}

// utf16Text returns s as a PDF text string in UTF-16BE with a byte order mark, for fpdf's
// outline (which encodes titles itself only while one of its own UTF-8 fonts is current).
func utf16Text(s string) string {
	b := make([]byte, 2, 2+2*len(s))
	b[0], b[1] = 0xfe, 0xff
	for _, r := range s {
		if r >= 0x10000 {
			r1, r2 := utf16.EncodeRune(r)
			b = append(b, byte(r1>>8), byte(r1), byte(r2>>8), byte(r2))
			continue
		}
		b = append(b, byte(r>>8), byte(r))
	}
	return string(b)
}

// flush ends a chunk of content: it goes to the current page, after what fpdf wrote there
// (an image). fpdf gets a marker only, a comment line naming the chunk, which finish
// replaces: copying the content through fpdf's buffers cost more than drawing it.
func (d *drawer) flush() {
	if len(d.buf) > d.done {
		d.p.RawWriteStr(chunkMarker + itoa(len(d.chunks)) + "\n")
		d.chunks = append(d.chunks, d.buf[d.done:len(d.buf):len(d.buf)])
		d.done = len(d.buf)
	}
}

// chunkMarker starts the comment line that stands for a chunk of content in fpdf's page.
const chunkMarker = "%galley-chunk "

// furniture draws the running head (not on page 1 nor on a chapter's first page) and the
// footer.
func (d *drawer) furniture(pg *page) {
	r := d.r
	g := &r.g
	st := &textStyle{face: r.fs.faces[slotRegular], size: g.script, color: grey}
	if d.page > 1 && !pg.opening {
		d.artifact(artHeader)
		// The part name first, then the title in what it leaves: on a measure of 66
		// characters the head is short, and the title is what is cut. Each is shortened
		// once per document (and once per part), not on every page.
		if d.heads == nil {
			d.heads = map[string]string{}
		}
		titleW := g.width
		if pg.part != "" {
			it := &textStyle{face: r.fs.faces[slotItalic], size: g.script, color: grey}
			part, ok := d.heads["part:"+pg.part]
			if !ok {
				part = shortTitle(pg.part, it, g.width*0.4)
				d.heads["part:"+pg.part] = part
			}
			pw := it.width(part)
			d.text(it, part, g.left+g.width-pw, g.headY)
			titleW -= pw + 2*g.script
		}
		full := pg.head
		if full == "" {
			full = r.doc.Title
		}
		key := "title:" + pg.head + "\x00" + pg.part
		title, ok := d.heads[key]
		if !ok {
			title = shortTitle(full, st, titleW)
			d.heads[key] = title
		}
		d.text(st, title, g.left, g.headY)
		d.rule(g.left, g.headY+3.5, g.width, 0.3, grey)
	}
	d.artifact(artFooter)
	foot := "page " + itoa(d.page) + " of " + itoa(d.pages)
	fw := st.width(foot)
	d.text(st, foot, g.left+(g.width-fw)/2, g.footY)
	// The house that issues the handout, flush left, in what the page number leaves.
	if r.opt.House != "" {
		if d.heads == nil {
			d.heads = map[string]string{}
		}
		house, ok := d.heads["house:"]
		if !ok {
			house = shortTitle(r.opt.House, st, (g.width-fw)/2-2*g.script)
			d.heads["house:"] = house
		}
		d.text(st, house, g.left, g.footY)
	}
}

// shortTitle fits a title into width, cutting after the last word that fits and adding an
// ellipsis; when not even the first word fits, it cuts at the last character that does. The
// widths of the title's prefixes are summed in one pass, so a title of any length costs time
// in proportion to its length.
func shortTitle(t string, st *textStyle, width float64) string {
	if st.width(t) <= width {
		return t
	}
	f := st.face
	fits := func(w int) bool { return float64(w)*st.size/1000 <= width }
	ell := f.advance('…')
	w, prev := 0, rune(-1) // the width of t[:i], and its last character
	word, char := -1, -1   // the longest cuts that fit, at a space and anywhere
	for i, r := range t {
		if i > 0 {
			cut := w + ell + f.kerning(prev, '…')
			if fits(cut) {
				char = i
				if r == ' ' {
					word = i
				}
			}
		}
		w += f.advance(r)
		if prev >= 0 {
			w += f.kerning(prev, r)
		}
		prev = r
	}
	switch {
	case word > 0:
		return t[:word] + "…"
	case char > 0:
		return t[:char] + "…"
	}
	return "…"
}

// text draws a string at a baseline, without justification.
func (d *drawer) text(st *textStyle, s string, x, base float64) {
	d.sync()
	d.beginText(st, x, base)
	d.glyphs(st, s, -1)
	d.buf = append(d.buf, "] TJ ET\n"...)
}

func (d *drawer) beginText(st *textStyle, x, base float64) {
	df := d.use(st.face)
	d.buf = append(d.buf, "BT "...)
	d.color(st.color, false)
	d.buf = append(d.buf, '/')
	d.buf = append(d.buf, df.name...)
	d.buf = append(d.buf, ' ')
	d.num(st.size)
	d.buf = append(d.buf, " Tf "...)
	d.num(x)
	d.buf = append(d.buf, ' ')
	d.num(d.pageH - base)
	d.buf = append(d.buf, " Td ["...)
}

// glyphs appends the hex codes of s to the open TJ array, with kerning. prev is the rune
// before s in the same font (-1 for none); it returns the last rune and s's width in points.
func (d *drawer) glyphs(st *textStyle, s string, prev rune) (rune, float64) {
	u := &d.font[st.face].used
	f := st.face
	w := 0
	open := false
	for _, c := range s {
		if prev >= 0 {
			if k := f.kerning(prev, c); k != 0 {
				if open {
					d.buf = append(d.buf, '>')
					open = false
				}
				d.buf = append(d.buf, ' ')
				d.buf = strconv.AppendInt(d.buf, int64(-k), 10)
				d.buf = append(d.buf, ' ')
				w += k
			}
		}
		if !open {
			d.buf = append(d.buf, '<')
			open = true
		}
		d.buf = appendHex4(d.buf, c)
		u.add(c)
		w += f.advance(c)
		prev = c
	}
	if open {
		d.buf = append(d.buf, '>')
	}
	return prev, float64(w) * st.size / 1000
}

// appendHex4 appends c's two-byte code as four hex digits.
func appendHex4(b []byte, c rune) []byte {
	const digits = "0123456789ABCDEF"
	if c > 0xffff || c < 0 {
		c = '?'
	}
	return append(b, digits[c>>12&15], digits[c>>8&15], digits[c>>4&15], digits[c&15])
}

// space appends a displacement of w points to the open TJ array (positive moves right).
func (d *drawer) space(st *textStyle, w float64) {
	if w == 0 {
		return
	}
	d.buf = append(d.buf, ' ')
	d.num(-w * 1000 / st.size)
	d.buf = append(d.buf, ' ')
}

// num appends a number with at most 3 decimals.
func (d *drawer) num(v float64) {
	d.buf = appendMilli(d.buf, milli(v))
}

// milli returns v in thousandths, rounded.
func milli(v float64) int64 { return int64(v*1000 + sign(v)*0.5) }

// appendMilli appends m thousandths as a decimal with no trailing zeros: what
// strconv.AppendFloat(b, float64(m)/1000, 'f', -1, 64) writes for any m a page has, without
// its search for the shortest digits.
func appendMilli(b []byte, m int64) []byte {
	if m < 0 {
		b = append(b, '-')
		m = -m
	}
	b = strconv.AppendInt(b, m/1000, 10)
	if f := m % 1000; f != 0 {
		b = append(b, '.', byte('0'+f/100))
		if f%100 != 0 {
			b = append(b, byte('0'+f/10%10))
			if f%10 != 0 {
				b = append(b, byte('0'+f%10))
			}
		}
	}
	return b
}

func sign(v float64) float64 {
	if v < 0 {
		return -1
	}
	return 1
}

func (d *drawer) color(c rgb, stroke bool) {
	d.num(c.r)
	d.buf = append(d.buf, ' ')
	d.num(c.g)
	d.buf = append(d.buf, ' ')
	d.num(c.b)
	if stroke {
		d.buf = append(d.buf, " RG "...)
	} else {
		d.buf = append(d.buf, " rg "...)
	}
}

// rule draws a horizontal rule of thickness t with its top at y.
func (d *drawer) rule(x, y, w, t float64, c rgb) {
	d.rect(x, y, w, t, c)
}

// rect fills a rectangle (top-left corner x, y).
func (d *drawer) rect(x, y, w, h float64, c rgb) {
	d.sync()
	d.color(c, false)
	d.rectPath(x, y, w, h)
	d.buf = append(d.buf, " f\n"...)
}

// rectPath appends a rectangle path (top-left corner x, y) in PDF coordinates: "x y w h re".
func (d *drawer) rectPath(x, y, w, h float64) {
	d.num(x)
	d.buf = append(d.buf, ' ')
	d.num(d.pageH - y - h)
	d.buf = append(d.buf, ' ')
	d.num(w)
	d.buf = append(d.buf, ' ')
	d.num(h)
	d.buf = append(d.buf, " re"...)
}

// frame strokes a rectangle's outline.
func (d *drawer) frame(x, y, w, h, t float64, c rgb) {
	d.sync()
	d.color(c, true)
	d.num(t)
	d.buf = append(d.buf, " w "...)
	d.rectPath(x, y, w, h)
	d.buf = append(d.buf, " S\n"...)
}

// image draws an image registered with fpdf, its top-left corner at x, y. fpdf writes it
// into the page after the content drawn so far, inside the sequence open: the sequence's end
// goes into the next chunk.
func (d *drawer) image(e *embedded, x, y, w, h float64) {
	d.sync()
	d.flush()
	d.p.ImageOptions(e.name, x, y, w, h, false, e.opts, 0, "")
}

// bbox returns a rectangle (top-left corner x, y) in PDF coordinates, as a bounding box's
// four numbers: "x0 y0 x1 y1".
func (d *drawer) bbox(x, y, w, h float64) string {
	b := appendMilli(nil, milli(x))
	b = append(b, ' ')
	b = appendMilli(b, milli(d.pageH-y-h))
	b = append(b, ' ')
	b = appendMilli(b, milli(x+w))
	b = append(b, ' ')
	return string(appendMilli(b, milli(d.pageH-y)))
}

// link returns the fpdf link to an anchor, or 0 if the anchor was not placed.
func (d *drawer) link(anchor string) int {
	if id, ok := d.links[anchor]; ok {
		return id
	}
	pl, ok := d.r.anchors[anchor]
	if !ok {
		return 0
	}
	id := d.p.AddLink()
	d.p.SetLink(id, pl.y, pl.page)
	d.links[anchor] = id
	return id
}

// setLine draws line l of a paragraph's elements es, its left edge at x and baseline at base,
// justified if justify is set (else at natural spacing, aligned by align: 0 left, 1 centre,
// 2 right). The line's boxes before rest are the end of a word hyphenated on the line before
// (rest <= l.from when there is none).
//
// The line is the content of the element the drawer was given (d.content); a link's text is
// a Link element in it, drawn in a text object of its own, since a marked-content sequence
// must not begin in one text object and end in another. The hyphen at the line end carries
// the rest of its word as /ActualText, and the rest, at the start of the next line, an empty
// one: the word is read whole, once.
func (d *drawer) setLine(es []elem, l *line, x, base, width float64, justify bool, align int, rest int) {
	nat, stretch, shrink := measureLine(es, l)
	r := 0.0
	switch {
	case nat > width && shrink > 0:
		// Longer than the measure: the breaker chose this line counting on its spaces'
		// shrink, so it is set shrunk, justified or not (the last line of a paragraph
		// too), as TeX sets it. Never past the measure.
		r = max((width-nat)/shrink, -1)
	case justify && nat < width && stretch > 0:
		r = (width - nat) / stretch
	}
	if !justify && align != 0 {
		set := nat + r*shrink
		if align == 1 {
			x += (width - set) / 2
		} else {
			x += width - set
		}
	}
	var cur *textStyle
	prev := rune(-1)
	xpos := x
	type span struct {
		st     *textStyle
		x0, x1 float64
		n      *tag // the element the span's text is in: the Link of a link
	}
	var spans []span
	inText, inRest := false, false
	endText := func() {
		if !inText {
			return
		}
		d.buf = append(d.buf, "] TJ "...)
		if inRest {
			d.buf = append(d.buf, "EMC "...)
			inRest = false
		}
		d.buf = append(d.buf, "ET\n"...)
		inText, cur = false, nil
	}
	startSeg := func(st *textStyle, i int) {
		if inText {
			d.buf = append(d.buf, "] TJ "...)
		} else {
			d.sync()
			d.buf = append(d.buf, "BT "...)
			d.num(xpos)
			d.buf = append(d.buf, ' ')
			d.num(d.pageH - base)
			d.buf = append(d.buf, " Td "...)
			inText = true
		}
		df := d.use(st.face)
		d.color(st.color, false)
		d.buf = append(d.buf, '/')
		d.buf = append(d.buf, df.name...)
		d.buf = append(d.buf, ' ')
		d.num(st.size)
		d.buf = append(d.buf, " Tf "...)
		if i < rest && !inRest && i == l.from {
			d.buf = append(d.buf, "/Span <</ActualText ()>> BDC "...)
			inRest = true
		}
		d.buf = append(d.buf, '[')
		cur = st
		prev = -1
		spans = append(spans, span{st: st, x0: xpos, x1: xpos, n: d.want.n})
	}
	for i := l.from; i < l.to; i++ {
		e := &es[i]
		if inRest && i >= rest {
			d.buf = append(d.buf, "] TJ EMC ["...)
			inRest = false
		}
		switch e.kind {
		case kBox:
			if m := d.textMark(e.st); m != d.want {
				endText()
				d.want = m
			}
			if cur == nil || !sameLook(cur, e.st) {
				startSeg(e.st, i)
			} else if spans[len(spans)-1].st != e.st {
				spans = append(spans, span{st: e.st, x0: xpos, x1: xpos, n: d.want.n})
			}
			var w float64
			prev, w = d.glyphs(cur, e.text, prev)
			xpos += w
			spans[len(spans)-1].x1 = xpos
		case kGlue:
			if cur == nil {
				continue
			}
			gw := e.w
			if r > 0 {
				gw += r * e.stretch
			} else if r < 0 {
				gw += r * e.shrink
			}
			if gw <= 0 {
				continue
			}
			// a real space glyph, so that text extraction sees the word break
			sp := float64(cur.face.advance(' ')) * cur.size / 1000
			d.buf = append(d.buf, "<0020>"...)
			d.font[cur.face].used.add(' ')
			d.space(cur, gw-sp)
			xpos += gw
			prev = -1
		}
	}
	if l.hyphen != nil && cur != nil {
		if !inRest {
			// The hyphen stands for the rest of the word; a line that is all the middle of
			// a word has its hyphen inside the empty replacement, the word being given by
			// the first hyphen.
			d.buf = append(d.buf, "] TJ /Span <</ActualText "...)
			d.buf = appendTextString(d.buf, restOfWord(es, l.to))
			d.buf = append(d.buf, ">> BDC ["...)
			inRest = true
		}
		var w float64
		prev, w = d.glyphs(cur, l.hyphen.text, prev)
		xpos += w
		spans[len(spans)-1].x1 = xpos
	}
	endText()
	// links and strike-through, over each styled span
	for _, s := range spans {
		st := s.st
		if s.n != nil && s.n.typ == "Link" {
			if st.link != "" {
				d.linkTo(s.n, s.x0, base-st.size*0.8, s.x1-s.x0, st.size*1.05, st.link, 0, st.link)
			} else if id := d.link(st.anchor); id != 0 {
				d.linkTo(s.n, s.x0, base-st.size*0.8, s.x1-s.x0, st.size*1.05, "", id,
					"Go to page "+itoa(d.r.anchors[st.anchor].page))
			}
		}
		if st.strike {
			d.want = marking{n: s.n}
			if s.n == nil {
				d.want = d.open // an artifact's
			}
			d.rule(s.x0, base-st.size*0.3, s.x1-s.x0, st.size*0.05, st.color)
		}
	}
}

// restOfWord returns the text of the boxes after the break at es[at] up to the next space:
// the rest of a word hyphenated there.
func restOfWord(es []elem, at int) string {
	var b []byte
	for i := at + 1; i < len(es); i++ {
		e := &es[i]
		if e.kind == kGlue || e.kind == kPenalty && e.penalty <= -infPenalty {
			break
		}
		if e.kind == kBox {
			b = append(b, e.text...)
		}
	}
	return string(b)
}

// wordEnd returns the index of the first element from i that ends a word: a space or a
// forced break.
func wordEnd(es []elem, i int) int {
	for ; i < len(es); i++ {
		if e := &es[i]; e.kind == kGlue || e.kind == kPenalty && e.penalty <= -infPenalty {
			break
		}
	}
	return i
}

// measureLine returns the natural width of a line as setLine draws it (kerning across
// the boxes of one style included) and the stretch and shrink of its glue.
func measureLine(es []elem, l *line) (nat, stretch, shrink float64) {
	var cur *textStyle
	prev := rune(-1)
	started := false
	for i := l.from; i < l.to; i++ {
		e := &es[i]
		switch e.kind {
		case kBox:
			if cur == nil || !sameLook(cur, e.st) {
				cur, prev = e.st, -1
			}
			f := cur.face
			w := 0
			for _, c := range e.text {
				if prev >= 0 {
					w += f.kerning(prev, c)
				}
				w += f.advance(c)
				prev = c
			}
			nat += float64(w) * cur.size / 1000
			started = true
		case kGlue:
			if !started {
				continue
			}
			nat += e.w
			stretch += e.stretch
			shrink += e.shrink
			prev = -1
		}
	}
	if l.hyphen != nil && cur != nil {
		nat += cur.width(l.hyphen.text)
	}
	return nat, stretch, shrink
}

// sameLook reports whether two styles draw with the same font, size and colour.
func sameLook(a, b *textStyle) bool {
	return a.face == b.face && a.size == b.size && a.color == b.color
}
