package pdf

import (
	"galley/render"
	"galley/source"
)

// A cell is the content of a table cell: text blocks stacked (a name and its alias).
type cell struct {
	blocks []*textBlock
	// page, when set, is drawn right-aligned in the cell at draw time: the page a timeline
	// event's paragraph landed on, known only after pagination.
	page func(d *drawer) string
}

func (c *cell) height() float64 {
	h := 0.0
	for _, b := range c.blocks {
		h += b.height()
	}
	return h
}

// table is a booktabs table: rules above and below, a light rule under the header, no
// vertical rules, generous row spacing.
type table struct {
	x      float64   // offset from the left margin
	widths []float64 // column widths
	gap    float64   // space between columns
	pad    float64   // space above and below each row's text
	// link, if set, returns the anchor a row links to.
	link func(row int) string
	// anchor, if set, returns the anchor a row's first box is placed at (a key figure's row,
	// which a book's index refers to).
	anchor func(row int) string
	// rowHeads makes each body row's first cell its header (TH /Scope /Row): the name of a
	// key figure, the date of an event.
	rowHeads bool
}

// rowTags are the elements of a table row: the TR, its cells (TH or TD), and the Link of a
// row that links somewhere, in the cell that shows where (made when it is first drawn).
type rowTags struct {
	tr    *tag
	cells []*tag
	link  *tag
}

// rowTags makes the elements of a row of n cells in the table element tbl: TH /Scope /Column
// for the header, TH /Scope /Row for a body row's first cell when the table has row headers,
// TD for the others; a row of fewer cells than columns spans its last one over the rest.
func (t *table) rowTags(tbl *tag, n int, header bool) *rowTags {
	rt := &rowTags{tr: tbl.add("TR"), cells: make([]*tag, n)}
	for i := range n {
		switch {
		case header:
			rt.cells[i] = rt.tr.add("TH")
			rt.cells[i].attrs = "<</O /Table /Scope /Column>>"
		case t.rowHeads && i == 0 && n == len(t.widths):
			rt.cells[i] = rt.tr.add("TH")
			rt.cells[i].attrs = "<</O /Table /Scope /Row>>"
		default:
			rt.cells[i] = rt.tr.add("TD")
		}
		if i == n-1 && n < len(t.widths) {
			rt.cells[i].attrs = "<</O /Table /ColSpan " + itoa(len(t.widths)-n+1) + ">>"
		}
	}
	return rt
}

func (t *table) colX(i int) float64 {
	x := t.x
	for _, w := range t.widths[:i] {
		x += w + t.gap
	}
	return x
}

func (t *table) total() float64 {
	w := 0.0
	for _, c := range t.widths {
		w += c
	}
	return w + t.gap*float64(len(t.widths)-1)
}

// rows turns a header and rows into boxes: the header kept with the first row and repeated
// (with the caption marked "continued") on every page the table continues on. A row is one
// box, never split, unless it is taller than a page, when it is cut between its lines.
//
// The table is a Table element in the current one, each row a TR.
func (r *renderer) rows(t *table, caption string, header []cell, body [][]cell, at any) []*vbox {
	g := &r.g
	var out []*vbox
	var cont []*vbox
	tbl := r.sect.add("Table")
	capSt := &textStyle{face: r.fs.faces[slotItalic], size: g.small, color: grey}
	if caption != "" {
		text := caption + " (continued)"
		cont = append(cont, &vbox{h: g.smallLead + 2, draw: func(d *drawer, y float64) {
			d.artifact(artHeader)
			d.text(capSt, text, g.left+t.x, y+g.smallLead*0.5+0.32*g.small)
		}})
	}
	if header != nil {
		hb := r.row(t, header, t.rowTags(tbl, len(header), true), -1, 0, -1)
		hb.keep, hb.at = true, render.Row{Table: at}
		out = append(out, hb)
		cont = append(cont, hb)
	} else {
		out = append(out, &vbox{h: 1, keep: true, at: render.Row{Table: at}, draw: func(d *drawer, y float64) {
			d.artifact(artLayout)
			d.rule(g.left+t.x, y, t.total(), 0.8, black)
		}})
	}
	maxH := (g.bodyBottom() - g.top) * 0.9
	for i, row := range body {
		rt := t.rowTags(tbl, len(row), false)
		h := rowHeight(t, row)
		// A tall row (a tenth of the page or more) splits where rowCuts allow, so that
		// when it does not fit in what is left of a page it begins there rather than leaving
		// the page short; a shorter row goes whole to the next page, which leaves less than
		// a tenth empty. A band taller than a page is cut between its lines wherever it must.
		edges := []float64{0, h}
		if h >= (g.bodyBottom()-g.top)/10 {
			edges = append(append([]float64{0}, rowCuts(t, row)...), h)
		}
		for k := 1; k < len(edges); k++ {
			for from := edges[k-1]; from < edges[k]; {
				to := edges[k]
				if to-from > maxH {
					to = r.bandEnd(row, t, from, maxH)
				}
				var b *vbox
				if from == 0 && to == h {
					b = r.row(t, row, rt, i, 0, -1)
				} else {
					b = r.row(t, row, rt, i, from, to)
				}
				b.cont = cont
				b.keep = to < edges[k]
				if t.anchor != nil && from == 0 {
					b.anchor = t.anchor(i)
				}
				top := from
				b.at, b.words = render.Row{Table: at, Row: i + 1}, func() int { return wordsAbove(t, row, top) }
				out = append(out, b)
				from = to
			}
		}
	}
	// the bottom rule
	last := out[len(out)-1]
	inner := last.draw
	last.h += 2
	last.draw = func(d *drawer, y float64) {
		inner(d, y)
		d.artifact(artLayout)
		d.rule(g.left+t.x, y+last.h-1, t.total(), 0.8, black)
	}
	if len(out) > 1 {
		out[0].keep = true
	}
	return out
}

// wordsAbove returns how many words the cells of a row set above y (from the row's top), cell
// after cell, as the EPUB reads the row: where a page begins in a row cut across pages.
func wordsAbove(t *table, row []cell, y float64) int {
	n := 0
	for _, c := range row {
		top := t.pad
		for _, b := range c.blocks {
			k := 0
			for k < len(b.lines) && top+float64(k+1)*b.lead <= y+0.01 {
				k++
			}
			n += b.wordsBefore(k)
			top += float64(len(b.lines)) * b.lead
		}
	}
	return n
}

func rowHeight(t *table, row []cell) float64 {
	h := 0.0
	for _, c := range row {
		h = max(h, c.height())
	}
	return h + 2*t.pad
}

// rowCuts returns where a row may be split across pages: between two lines of its tallest
// cell, two lines or more from either end (a row's widow and orphan), where no line of
// another cell is cut in two.
func rowCuts(t *table, row []cell) []float64 {
	tall := -1
	for ci, c := range row {
		if tall < 0 || c.height() > row[tall].height() {
			tall = ci
		}
	}
	if tall < 0 {
		return nil
	}
	var ends []float64 // the bottoms of the tallest cell's lines
	y := t.pad
	for _, b := range row[tall].blocks {
		for range b.lines {
			y += b.lead
			ends = append(ends, y)
		}
	}
	var cuts []float64
	for k := 2; k <= len(ends)-2; k++ {
		at := ends[k-1]
		ok := true
		for ci, c := range row {
			if ci == tall {
				continue
			}
			y := t.pad
			for _, b := range c.blocks {
				for range b.lines {
					if y < at-0.01 && at+0.01 < y+b.lead {
						ok = false
					}
					y += b.lead
				}
			}
		}
		if ok {
			cuts = append(cuts, at)
		}
	}
	return cuts
}

// bandEnd returns where a band of a tall row starting at from should end: at a line edge of
// every cell, no more than maxH below from.
func (r *renderer) bandEnd(row []cell, t *table, from, maxH float64) float64 {
	limit := from + maxH
	end := 0.0
	for _, c := range row {
		y := t.pad
		for _, b := range c.blocks {
			for range b.lines {
				if y+b.lead <= limit && y+b.lead > end {
					end = y + b.lead
				}
				y += b.lead
			}
		}
	}
	if end <= from {
		end = limit
	}
	if h := rowHeight(t, row); end >= h-t.pad {
		end = h
	}
	return end
}

// row makes the box of one row (or the band [from, to) of it when to >= 0), the content of
// the row's elements rt; index is the row's in the body, -1 for the header.
func (r *renderer) row(t *table, row []cell, rt *rowTags, index int, from, to float64) *vbox {
	g := &r.g
	header := index < 0
	h := rowHeight(t, row)
	if to >= 0 {
		h = to - from
	}
	b := &vbox{h: h}
	if header {
		b.h += 3
	}
	b.draw = func(d *drawer, y float64) {
		if header {
			d.artifact(artLayout)
			d.rule(g.left+t.x, y, t.total(), 0.8, black)
			y += 1.5
		}
		// A row that links somewhere (a timeline event, to its paragraph) is a Link in the
		// cell that shows the page.
		id, anchor := 0, ""
		if t.link != nil && !header {
			anchor = t.link(index)
			id = d.link(anchor)
		}
		for ci, c := range row {
			cx := g.left + t.colX(ci)
			off := t.pad
			d.content(rt.cells[ci])
			for _, blk := range c.blocks {
				for n := range blk.lines {
					lo := off + float64(n)*blk.lead
					if to >= 0 && (lo < from-0.01 || lo+blk.lead > to+0.01) {
						continue
					}
					blk.drawLine(d, n, cx, y+lo-from)
				}
				off += blk.height()
			}
			if id != 0 && rt.link == nil && (c.page != nil || ci == len(row)-1) {
				rt.link = rt.cells[ci].add("Link")
			}
			if c.page != nil && (to < 0 || from == 0) {
				s := c.page(d)
				st := &textStyle{face: r.fs.faces[slotRegular], size: g.script, color: grey}
				w := st.width(s)
				if rt.link != nil {
					d.content(rt.link)
				}
				d.text(st, s, cx+t.widths[ci]-w, y+t.pad+g.smallLead/2+0.32*g.small)
			}
		}
		if header {
			d.artifact(artLayout)
			d.rule(g.left+t.x, y+h+0.5, t.total(), 0.4, black)
		}
		if id != 0 {
			d.linkTo(rt.link, g.left+t.x, y, t.total(), h, "", id,
				"Go to page "+itoa(r.anchors[anchor].page)+", where the text states it")
		}
	}
	return b
}

// cellText sets runs in a column: ragged right, hyphenated where the column is narrow.
func (r *renderer) cellText(runs []source.Inline, ps *paraStyle, width float64, align, line int) *textBlock {
	es := r.elems(runs, ps, line)
	return r.set(es, ps, blockOpts{width: width, lead: ps.size * 1.3, align: align})
}

// keyFigures sets the Key Figures table: name (bold) with aliases beneath in small italics,
// lifespan, role; the role column takes what the others leave.
func (r *renderer) keyFigures() {
	kf := r.doc.KeyFigures
	if len(kf) == 0 {
		return
	}
	g := &r.g
	title := r.partHeading(render.PartKeyFigures)
	ps := r.cellStyle()
	// Aliases in italics of the table's size: a smaller size would make text extraction
	// read them as a block apart, out of order.
	alias := ps
	alias.color = grey
	bold := &textStyle{face: r.fs.faces[slotBold], size: ps.size}
	reg := &textStyle{face: r.fs.faces[slotRegular], size: ps.size}
	gap := 12 * g.scale
	nameW, lifeW := bold.width("Name"), reg.width("Life")
	for _, f := range kf {
		if f.Raw {
			continue
		}
		nameW = max(nameW, bold.width(f.Name))
		for _, a := range f.Aliases {
			nameW = max(nameW, (&textStyle{face: r.fs.faces[slotItalic], size: alias.size}).width(a))
		}
		lifeW = max(lifeW, reg.width(render.Lifespan(f)))
	}
	nameW = min(nameW+1, g.width*0.34)
	lifeW = min(lifeW+1, g.width*0.2)
	t := &table{widths: []float64{nameW, lifeW, g.width - nameW - lifeW - 2*gap}, gap: gap, pad: 3 * g.scale, rowHeads: true}
	hdr := []cell{
		{blocks: []*textBlock{r.cellText(plain("Name"), &ps, nameW, 0, 0)}},
		{blocks: []*textBlock{r.cellText(plain("Life"), &ps, lifeW, 0, 0)}},
		{blocks: []*textBlock{r.cellText(plain("Role"), &ps, t.widths[2], 0, 0)}},
	}
	for i := range hdr {
		r.boldCell(&hdr[i])
	}
	var body [][]cell
	for _, f := range kf {
		if f.Raw {
			tb := r.cellText(plain(f.Name), &ps, t.total(), 0, f.Line)
			body = append(body, []cell{{blocks: []*textBlock{tb}}})
			continue
		}
		name := cell{blocks: []*textBlock{r.cellText([]source.Inline{{Text: f.Name, Style: source.Bold}}, &ps, nameW, 0, f.Line)}}
		for _, a := range f.Aliases {
			name.blocks = append(name.blocks, r.cellText([]source.Inline{{Text: a, Style: source.Italic}}, &alias, nameW, 0, f.Line))
		}
		life := cell{blocks: []*textBlock{r.cellText(plain(render.Lifespan(f)), &ps, lifeW, 0, f.Line)}}
		role := cell{blocks: []*textBlock{r.cellText(plain(f.Role), &ps, t.widths[2], 0, f.Line)}}
		body = append(body, []cell{name, life, role})
	}
	if r.bk != nil {
		t.anchor = figureKey
	}
	bs := r.rows(t, title, hdr, body, render.PartKeyFigures)
	bs[0].before = 4 * g.scale
	r.add(bs...)
	r.noIndent = true
}

// figureKey is the anchor of the row of the i-th key figure.
func figureKey(i int) string { return "figure:" + itoa(i) }

// cellStyle is the paragraph style of table text.
func (r *renderer) cellStyle() paraStyle {
	ps := r.body
	ps.size = r.g.small
	ps.ragged = true
	return ps
}

// boldCell resets a header cell's text in bold.
func (r *renderer) boldCell(c *cell) {
	for _, b := range c.blocks {
		for i := range b.es {
			if b.es[i].st != nil {
				st := *b.es[i].st
				st.face = r.fs.faces[slotBold]
				b.es[i].st = &st
			}
		}
	}
}

// timeline sets the appendix of dated events: date (right-aligned) | the sentence, with its
// emphasis and its date phrase set off | the page of the paragraph that states it; each row
// links there.
func (r *renderer) timeline() {
	evs := r.art.Events()
	if len(evs) == 0 {
		return
	}
	g := &r.g
	title := r.partHeading(render.PartTimeline)
	ps := r.cellStyle()
	reg := &textStyle{face: r.fs.faces[slotRegular], size: ps.size}
	gap := 10 * g.scale
	dateW := reg.width("Date")
	for _, e := range evs {
		dateW = max(dateW, reg.width(e.Date))
	}
	dateW = min(dateW+1, g.width*0.26)
	pageW := reg.width("p. 000")
	t := &table{widths: []float64{dateW, g.width - dateW - pageW - 2*gap, pageW}, gap: gap, pad: 2.5 * g.scale, rowHeads: true}
	anchorOf := func(e render.Event) string {
		if e.Para != "" {
			if _, ok := r.paraIDs[e.Para]; ok {
				return e.Para
			}
		}
		if e.Line > 0 {
			return lineKey(e.Line)
		}
		return ""
	}
	t.link = func(i int) string { return anchorOf(evs[i]) }
	hdr := []cell{
		{blocks: []*textBlock{r.cellText(plain("Date"), &ps, dateW, 2, 0)}},
		{blocks: []*textBlock{r.cellText(plain("Event"), &ps, t.widths[1], 0, 0)}},
		{blocks: []*textBlock{r.cellText(plain("Page"), &ps, pageW, 2, 0)}},
	}
	for i := range hdr {
		r.boldCell(&hdr[i])
	}
	body := make([][]cell, 0, len(evs))
	for _, e := range evs {
		date := cell{blocks: []*textBlock{r.cellText(plain(e.Date), &ps, dateW, 2, e.Line)}}
		ev := cell{blocks: []*textBlock{r.cellText(e.Runs, &ps, t.widths[1], 0, e.Line)}}
		anchor := anchorOf(e)
		pg := cell{page: func(d *drawer) string {
			if pl, ok := r.anchors[anchor]; ok && anchor != "" {
				return "p. " + itoa(pl.page)
			}
			return ""
		}}
		body = append(body, []cell{date, ev, pg})
	}
	bs := r.rows(t, title, hdr, body, render.PartTimeline)
	bs[0].before = 4 * g.scale
	r.add(bs...)
}

// gfmTable sets a Markdown table: columns sized to their content, wrapped when the table
// is wider than the measure.
func (r *renderer) gfmTable(tb *source.Table, x, width float64) {
	g := &r.g
	cols := len(tb.Header)
	if cols == 0 {
		return
	}
	ps := r.cellStyle()
	gap := 10 * g.scale
	avail := width - gap*float64(cols-1)
	if avail < float64(cols)*10 {
		gap = 2
		avail = width - gap*float64(cols-1)
	}
	natural := make([]float64, cols)
	minimum := make([]float64, cols)
	measure := func(c int, runs []source.Inline, bold bool) {
		es := r.elems(runs, &ps, tb.Line)
		line, word := 0.0, 0.0
		for _, e := range es {
			switch e.kind {
			case kBox:
				line += e.w
				word += e.w
			case kGlue:
				line += e.w
				word = 0
			}
			minimum[c] = max(minimum[c], word)
		}
		if bold {
			line *= 1.08
		}
		natural[c] = max(natural[c], line)
	}
	for c := range cols {
		measure(c, tb.Header[c], true)
		for _, row := range tb.Rows {
			if c < len(row) {
				measure(c, row[c], false)
			}
		}
	}
	widths := columnWidths(natural, minimum, avail)
	t := &table{x: x, widths: widths, gap: gap, pad: 2.5 * g.scale}
	align := func(c int) int {
		if c < len(tb.Align) {
			switch tb.Align[c] {
			case source.AlignCenter:
				return 1
			case source.AlignRight:
				return 2
			}
		}
		return 0
	}
	hdr := make([]cell, cols)
	for c := range cols {
		hdr[c] = cell{blocks: []*textBlock{r.cellText(tb.Header[c], &ps, widths[c], align(c), tb.Line)}}
		r.boldCell(&hdr[c])
	}
	body := make([][]cell, 0, len(tb.Rows))
	for _, row := range tb.Rows {
		cs := make([]cell, cols)
		for c := range cols {
			var runs []source.Inline
			if c < len(row) {
				runs = row[c]
			}
			cs[c] = cell{blocks: []*textBlock{r.cellText(runs, &ps, widths[c], align(c), tb.Line)}}
		}
		body = append(body, cs)
	}
	bs := r.rows(t, "", hdr, body, tb)
	bs[0].before = 6 * g.scale
	bs[len(bs)-1].h += 6 * g.scale
	r.add(bs...)
}

// columnWidths shares avail among columns: each its natural width if all fit; otherwise
// each at least its longest word (or an equal share), the rest in proportion to what more
// each would take.
func columnWidths(natural, minimum []float64, avail float64) []float64 {
	n := len(natural)
	out := make([]float64, n)
	total := 0.0
	for i := range natural {
		natural[i] = max(natural[i]+1, 8)
		total += natural[i]
	}
	if total <= avail {
		copy(out, natural)
		return out
	}
	share := avail / float64(n)
	base := 0.0
	for i := range out {
		out[i] = min(max(minimum[i]+1, 8), share, natural[i])
		base += out[i]
	}
	extra := avail - base
	want := 0.0
	for i := range out {
		want += natural[i] - out[i]
	}
	if want > 0 && extra > 0 {
		for i := range out {
			out[i] += extra * (natural[i] - out[i]) / want
		}
	}
	return out
}
