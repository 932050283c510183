package pdf

import (
	"fmt"
	"strconv"
	"strings"

	"galley/render"
	"galley/source"
)

// layout measures every part of the document into boxes, in the order of render.Parts.
func (r *renderer) layout() { r.layoutParts(render.Parts) }

// layoutParts measures the given parts of the document into boxes, in their order.
func (r *renderer) layoutParts(parts []render.Part) {
	for _, p := range parts {
		switch p {
		case render.PartTitle:
			r.titleBlock()
		case render.PartAbstract:
			r.abstract()
		case render.PartFacts:
			r.summaryBox()
		case render.PartKeyFigures:
			r.keyFigures()
		case render.PartSections:
			for _, s := range r.doc.Sections {
				r.section(s)
			}
		case render.PartBibliography:
			r.bibliography()
		case render.PartTimeline:
			r.timeline()
		case render.PartSeeAlso:
			r.seeAlso()
		default:
			panic(fmt.Sprintf("pdf: no layout for part %d", p))
		}
	}
}

// add appends boxes to the flow, in the current chapter's scope.
func (r *renderer) add(bs ...*vbox) {
	if r.scope != "" {
		for _, b := range bs {
			if b.scope == "" {
				b.scope = r.scope
			}
		}
	}
	r.boxes = append(r.boxes, bs...)
}

// heading sets a heading kept with what follows, with space above and below: an element H1
// to H6 one level below the outline entry m's parent, so that levels never skip one.
//
// at is what the heading sets, for the EPUB's page breaks (see render.PageStart).
func (r *renderer) heading(runs []source.Inline, ps *paraStyle, before, after float64, m *mark, part string, line int, at any) {
	es := r.elems(runs, ps, line)
	if len(es) == 0 {
		return
	}
	level := 1
	if m != nil {
		level = m.level
	}
	t := r.set(es, ps, blockOpts{width: r.g.width, lead: ps.size * 1.2})
	bs := r.flow(t, flowOpts{before: before, keepAll: true, mark: m, part: part, line: line,
		tag: r.sect.add(headingType(level)), at: at})
	growLast(bs, after)
	r.add(bs...)
	r.noIndent = true
}

// growLast adds h to the height of the last box of bs. A text of characters that draw nothing
// (zero-width spaces, joiners) flows into no box at all, and then there is none to grow.
func growLast(bs []*vbox, h float64) {
	if len(bs) > 0 {
		bs[len(bs)-1].h += h
	}
}

func plain(s string) []source.Inline { return []source.Inline{{Text: s}} }

// partHeading sets the heading of a part (16 pt) with its outline entry, and returns it.
func (r *renderer) partHeading(p render.Part) string {
	g := &r.g
	title := p.Title(r.opt.Cite)
	n := len(r.boxes)
	r.levels = r.levels[:0]
	r.heading(plain(title), &r.heading16, 18*g.scale, 6*g.scale, &mark{title: title, level: 1}, title, 0, p)
	if len(r.boxes) > n {
		r.boxes[n].barrier = true
	}
	return title
}

func (r *renderer) titleBlock() {
	doc := r.doc
	title := doc.Title
	if title == "" {
		title = "Untitled"
	}
	g := &r.g
	if r.bk == nil {
		r.logo(false) // a book's is on its title page
	}
	dl := render.Dateline(doc)
	after := 10 * g.scale
	if dl != "" {
		after = 3 * g.scale
	}
	r.heading(plain(title), &r.title, 0, after, &mark{title: title, level: 0}, "", doc.TitleLine, render.PartTitle)
	if dl == "" {
		return
	}
	// The dateline: when and where, in italics under the title, so the handout's first lines
	// place the event. The fact panel after the overview adds the summary and the places in
	// full.
	st := r.standfirst
	st.size, st.hyphenate, st.ragged, st.color = r.g.body, false, true, accent
	es := r.elems(plain(dl), &st, doc.TitleLine)
	t := r.set(es, &st, blockOpts{width: g.width, lead: g.body * 1.3})
	bs := r.flow(t, flowOpts{keepAll: true, line: doc.TitleLine, tag: r.sect.add("P"), at: render.PartTitle})
	growLast(bs, 10*g.scale)
	r.add(bs...)
	r.noIndent = true
}

// logo sets the house's logo above the title, flush left (centred on a book's title page):
// at most 40 pt high (scaled with the paper) and a third of the measure wide, never past its
// own resolution.
func (r *renderer) logo(centre bool) {
	if r.opt.Logo == nil {
		return
	}
	emb, err := r.images.register(r.p, r.opt.Logo)
	if err != nil {
		r.opt.Warnf(1, fmt.Sprintf("the house's logo is not set: %v", err))
		return
	}
	g := &r.g
	h := min(40*g.scale, float64(emb.h)*0.75)
	w := h * float64(emb.w) / float64(emb.h)
	if w > g.width/3 {
		w = g.width / 3
		h = w * float64(emb.h) / float64(emb.w)
	}
	pw := w * float64(emb.pw) / float64(emb.w)
	// A Figure before the title, which says whose logo it is.
	fig := r.sect.add("Figure")
	fig.alt = "Logo"
	if house := strings.TrimSpace(r.opt.House); house != "" {
		fig.alt = "Logo of " + house
	}
	x := g.left
	if centre {
		x += (g.width - w) / 2
	}
	r.add(&vbox{h: h + 12*g.scale, keep: true, draw: func(d *drawer, y float64) {
		fig.attrs = "<</O /Layout /Placement /Block /BBox [" + d.bbox(x, y, pw, h) + "]>>"
		d.content(fig)
		d.image(emb, x, y, pw, h)
	}})
}

// abstract sets the editorial overview, as the article's opening.
func (r *renderer) abstract() {
	if len(r.doc.Abstract) == 0 {
		return
	}
	n := len(r.boxes)
	r.noIndent = true
	r.blocks(r.doc.Abstract, 0, r.g.width)
	if len(r.boxes) > n {
		title := render.PartAbstract.Title(r.opt.Cite)
		r.boxes[n].mark = &mark{title: title, level: 1}
		r.boxes[n].part = title
	}
}

// summaryBox sets the fact panel: what the title block does not say. The one-sentence
// summary as a standfirst, in italics, ragged right (justified, its few long words left
// rivers of space), and the places in full when the dateline shortened them; the title and
// the date, which the title block has just given, are not repeated.
func (r *renderer) summaryBox() {
	doc := r.doc
	where := render.Places(doc)
	if doc.Summary == "" && where == "" {
		return
	}
	g := &r.g
	pad := 8 * g.scale
	inner := g.width - 2*pad
	var bs []*vbox
	panel := r.sect.add("Div")
	if doc.Summary != "" {
		st := r.standfirst
		st.ragged, st.hyphenate = true, false
		es := r.elems(plain(doc.Summary), &st, doc.SummaryLine)
		t := r.set(es, &st, blockOpts{width: inner, lead: st.size * 1.35})
		bs = append(bs, r.flow(t, flowOpts{x: pad, line: doc.SummaryLine, anchor: "summary", tag: panel.add("P"), at: render.PartFacts})...)
	}
	if where != "" {
		runs := []source.Inline{{Text: "Locale  ", Style: source.Bold}, {Text: where}}
		ps := r.small
		ps.ragged = true
		es := r.elems(runs, &ps, 0)
		t := r.set(es, &ps, blockOpts{width: inner, lead: g.smallLead})
		lines := r.flow(t, flowOpts{x: pad, before: 4 * g.scale, tag: panel.add("P"), at: render.PartFacts})
		// The panel is one object for the page breaks: the words after the summary's.
		addWords(lines, func() int { return len(render.Words(doc.Summary)) })
		bs = append(bs, lines...)
	}
	if len(bs) == 0 {
		return // text that draws nothing
	}
	first, last := bs[0], bs[len(bs)-1]
	first.before += pad
	last.h += pad
	for _, b := range bs {
		b := b
		inner := b.draw
		isFirst, isLast := b == first, b == last
		b.draw = func(d *drawer, y float64) {
			top, h := y, b.h
			if isFirst {
				top -= pad
				h += pad
			} else {
				top -= b.before // shade the space between the panel's lines too
				h += b.before
			}
			d.artifact(artLayout)
			d.rect(g.left, top, g.width, h+0.2, rgb{0.95, 0.95, 0.95})
			if isFirst {
				d.rule(g.left, top, g.width, 0.8, accent)
			}
			if isLast {
				d.rule(g.left, top+h-0.8, g.width, 0.8, accent)
			}
			inner(d, y)
		}
	}
	// The panel's padding above belongs to the first box; the space before the panel is
	// the gap to the abstract.
	first.before += 14 * g.scale
	title := render.PartFacts.Title(r.opt.Cite)
	first.mark = &mark{title: title, level: 1}
	first.part = title
	r.add(bs...)
	r.noIndent = true
}

func (r *renderer) section(s *source.Section) {
	g := &r.g
	level := max(s.Level, 1)
	ps := &r.heading16
	before, after := 18*g.scale, 6*g.scale
	switch {
	case level == 2:
		ps, before, after = &r.heading13, 14*g.scale, 4*g.scale
	case level >= 3:
		ps, before, after = &r.heading11, 12*g.scale, 3*g.scale
	}
	title := s.Title
	r.heading(plain(title), ps, before, after, &mark{title: title, level: r.outlineLevel(level)}, title, s.Line, s)
	r.blocks(s.Blocks, 0, g.width)
}

// outlineLevel maps the heading levels of the sections and the headings inside them to
// outline levels that never skip one (fpdf's outline needs each entry at most one level
// below the previous), beneath the title (level 0): the outline nests the title, its parts
// (a section is one) and the headings of a section beneath it.
func (r *renderer) outlineLevel(level int) int {
	for len(r.levels) > 0 && r.levels[len(r.levels)-1] >= level {
		r.levels = r.levels[:len(r.levels)-1]
	}
	r.levels = append(r.levels, level)
	return len(r.levels)
}

// blocks sets body blocks at offset x with the given width.
func (r *renderer) blocks(bs []source.Block, x, width float64) {
	g := &r.g
	for _, b := range bs {
		switch b := b.(type) {
		case *source.Paragraph:
			indent := g.body
			if r.noIndent {
				indent = 0
			}
			r.noIndent = false
			es := r.elems(b.Inlines, &r.body, b.Line)
			if len(es) == 0 {
				continue
			}
			if b.ID != "" {
				r.paraIDs[b.ID] = true
			}
			t := r.set(es, &r.body, blockOpts{width: width, indent: indent, lead: g.lead, justify: true})
			r.add(r.flow(t, flowOpts{x: x, anchor: b.ID, line: b.Line, tag: r.sect.add("P"), at: b})...)
		case *source.Heading:
			ps, before, after := &r.heading13, 12*g.scale, 4*g.scale
			if b.Level >= 3 {
				ps, before, after = &r.heading11, 10*g.scale, 3*g.scale
			}
			title := source.PlainText(b.Inlines)
			r.heading(b.Inlines, ps, before, after, &mark{title: title, level: r.outlineLevel(b.Level + 1)}, "", b.Line, b)
		case *source.Figure:
			// A float: the paragraph after it continues the text, indented.
			r.figure(b, x, width)
		case *source.List:
			r.list(b, x, width)
			r.noIndent = true
		case *source.Quote:
			r.quote(b, x, width)
			r.noIndent = true
		case *source.CodeBlock:
			r.codeBlock(b, x, width)
			r.noIndent = true
		case *source.Table:
			r.gfmTable(b, x, width)
			r.noIndent = true
		case *source.Rule:
			w := width / 3
			r.add(&vbox{h: 18 * g.scale, at: b, draw: func(d *drawer, y float64) {
				d.artifact(artLayout)
				d.rule(g.left+x+(width-w)/2, y+9*g.scale, w, 0.5, grey)
			}})
			r.noIndent = true
		}
	}
}

// list sets a list: each item's blocks indented, its marker beside the first line.
func (r *renderer) list(l *source.List, x, width float64) {
	g := &r.g
	ind := 18 * g.scale
	num := l.Start
	if num == 0 && l.Ordered {
		num = 1
	}
	// markers are measured once, so that numbers line up on their right edge
	st := &textStyle{face: r.fs.faces[slotRegular], size: g.body, color: black}
	list, sect := r.sect.add("L"), r.sect
	defer func() { r.sect = sect }()
	for i, item := range l.Items {
		marker := "•"
		if l.Ordered {
			marker = strconv.Itoa(num+i) + "."
		}
		n := len(r.boxes)
		r.noIndent = true
		cx, cw := r.nested(x, width, ind, 0, l.Line)
		li := list.add("LI")
		lbl := li.add("Lbl")
		r.sect = li.add("LBody")
		r.blocks(item, cx, cw)
		if len(r.boxes) == n {
			continue
		}
		first := r.boxes[n]
		first.before = max(first.before, 3*g.scale)
		inner := first.draw
		mw := st.width(marker)
		mx := g.left + cx - 5*g.scale - mw
		first.draw = func(d *drawer, y float64) {
			d.content(lbl)
			d.text(st, marker, mx, y+g.lead/2+0.32*g.body)
			if inner != nil {
				inner(d, y)
			}
		}
	}
	r.noIndent = true
}

// quote sets a block quotation indented, with a rule at its left.
func (r *renderer) quote(q *source.Quote, x, width float64) {
	g := &r.g
	ind := 18 * g.scale
	n := len(r.boxes)
	r.noIndent = true
	cx, cw := r.nested(x, width, ind, ind, q.Line)
	sect := r.sect
	r.sect = sect.add("BlockQuote")
	r.blocks(q.Blocks, cx, cw)
	r.sect = sect
	if len(r.boxes) > n {
		r.boxes[n].before = max(r.boxes[n].before, 6*g.scale)
	}
	barX := g.left + cx - ind + 4*g.scale
	for _, b := range r.boxes[n:] {
		b := b
		inner := b.draw
		b.draw = func(d *drawer, y float64) {
			d.artifact(artLayout)
			d.rect(barX, y, 1.5*g.scale, b.h, grey)
			if inner != nil {
				inner(d, y)
			}
		}
	}
	if len(r.boxes) > n {
		r.boxes[len(r.boxes)-1].h += 6 * g.scale
	}
}

// nested returns the offset and width of what a list or quotation at x and width holds,
// indented by left and right; but never narrower than half the text block. Past that depth,
// content is set at the depth of the last level that fitted, with one warning: 24 levels of
// quotation left a column one glyph wide (2,000 lines of '>' made 22,763 pages).
func (r *renderer) nested(x, width, left, right float64, line int) (float64, float64) {
	if width-left-right >= r.g.width/2 {
		return x + left, width - left - right
	}
	if !r.deepWarned {
		r.deepWarned = true
		r.opt.Warnf(line, "lists and quotations nested too deep to indent further; the deeper levels are set at the same indentation")
	}
	return x, width
}

// codeBlock sets preformatted text in the monospaced face on a light panel, wrapping lines
// longer than the measure at the character.
func (r *renderer) codeBlock(c *source.CodeBlock, x, width float64) {
	g := &r.g
	st := &textStyle{face: r.fs.faces[slotMono], size: r.code.size, color: black}
	pad := 5 * g.scale
	cw := float64(st.face.advance('M')) * st.size / 1000
	if cw <= 0 {
		cw = st.size * 0.6
	}
	per := max(int((width-2*pad)/cw), 8)
	lead := st.size * 1.25
	var rows []string
	var ends []bool // whether a row ends its line of the text (else the text wraps)
	text := strings.TrimRight(strings.ReplaceAll(c.Text, "\t", "    "), "\n")
	for _, ln := range strings.Split(text, "\n") {
		ln = r.clean(ln, st.face, c.Line)
		rs := []rune(ln)
		for len(rs) > per {
			rows = append(rows, string(rs[:per]))
			ends = append(ends, false)
			rs = rs[per:]
		}
		rows = append(rows, string(rs))
		ends = append(ends, true)
	}
	// wordsBefore counts the words of the rows before row i, for the EPUB's page breaks.
	wordsBefore := func(i int) int {
		var b strings.Builder
		for k, row := range rows[:i] {
			b.WriteString(row)
			if ends[k] {
				b.WriteByte('\n')
			}
		}
		return len(render.Words(b.String()))
	}
	n := len(rows)
	code := r.sect.add("Code")
	for i, row := range rows {
		row := row
		b := &vbox{h: lead, keep: i == 0 || i >= n-2, at: c, words: func() int { return wordsBefore(i) }}
		if i == 0 {
			b.before = 6 * g.scale
			b.h += pad
		}
		if i == n-1 {
			b.h += pad
			b.keep = false
		}
		first := i == 0
		b.draw = func(d *drawer, y float64) {
			d.artifact(artLayout)
			d.rect(g.left+x, y, width, b.h+0.2, rgb{0.95, 0.95, 0.95})
			top := y
			if first {
				top += pad
			}
			d.content(code)
			d.text(st, row, g.left+x+pad, top+lead*0.5+0.32*st.size)
		}
		r.add(b)
	}
	if n > 0 {
		r.boxes[len(r.boxes)-1].line = 0
	}
}

// bibliography sets the formatted entries with a hanging indent, each with its annotation,
// ragged right: entries are full of names and numbers that cannot be hyphenated, and
// justified they would need wide spaces.
func (r *renderer) bibliography() {
	doc := r.doc
	if len(doc.Bibliography) == 0 {
		return
	}
	g := &r.g
	r.partHeading(render.PartBibliography)
	ps := r.body
	ps.size = 10 * g.scale
	note := r.body
	note.size = g.small
	list := r.sect.add("L")
	for i, e := range r.art.Bibliography(r.opt.Cite) {
		runs := make([]source.Inline, 0, len(e.Runs))
		for _, run := range e.Runs {
			in := source.Inline{Text: run.Text}
			if run.Italic {
				in.Style = source.Italic
			}
			runs = append(runs, in)
		}
		es := r.elems(runs, &ps, e.Line)
		if len(es) == 0 {
			continue
		}
		body := list.add("LI").add("LBody")
		t := r.set(es, &ps, blockOpts{width: g.width, hang: g.hang, lead: 13 * g.scale})
		at := render.Row{Table: render.PartBibliography, Row: i}
		r.add(r.flow(t, flowOpts{before: 3 * g.scale, line: e.Line, tag: body.add("BibEntry"), at: at})...)
		if e.Annote != "" {
			es := r.elems(plain(e.Annote), &note, e.Line)
			t := r.set(es, &note, blockOpts{width: g.width - g.hang, lead: g.smallLead})
			bs := r.flow(t, flowOpts{x: g.hang, before: 1 * g.scale, tag: body.add("P"), at: at})
			// The entry and its annotation are one object for the page breaks.
			addWords(bs, func() int { return len(render.Words(source.PlainText(runs))) })
			r.boxes[len(r.boxes)-1].keep = true // the annotation stays with its entry
			r.add(bs...)
		}
	}
}

// seeAlso lists related articles.
func (r *renderer) seeAlso() {
	if len(r.doc.SeeAlso) == 0 {
		return
	}
	r.partHeading(render.PartSeeAlso)
	es := r.elems(plain(strings.Join(r.doc.SeeAlso, "; ")), &r.body, 0)
	t := r.set(es, &r.body, blockOpts{width: r.g.width, lead: r.g.lead})
	r.add(r.flow(t, flowOpts{tag: r.sect.add("P"), at: render.Row{Table: render.PartSeeAlso}})...)
}
