package pdf

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"galley/render"
	"galley/source"
)

// RenderBook typesets a book as one PDF, writes it to w and returns its number of pages: a
// title page, the contents with the page of each chapter, the chapters in order (each
// beginning a page, with the parts render.ChapterParts gives and running heads with its
// short title), then the chronology, the combined bibliography and the index of key
// figures, whose page numbers are those of the chapters' paragraphs. The outline nests each
// chapter's parts beneath it. Problems that still allow a complete PDF (warnings and notes)
// go to report, with the index of the chapter they are in (-1: the book's own parts);
// opt.Warn and opt.Note are not used.
func RenderBook(w io.Writer, b *render.Book, opt *render.Options, report func(chapter, line int, sev source.Severity, msg string)) (pages int, err error) {
	p, err := RenderBookPrint(w, b, opt, report)
	if err != nil {
		return 0, err
	}
	return len(p.Pages), nil
}

// RenderBookPrint renders as RenderBook does, and returns the print edition the PDF is: where
// each of its pages begins, for the EPUB of the same book to mark and list them. A page in a
// chapter begins at a render.InChapter.
func RenderBookPrint(w io.Writer, b *render.Book, opt *render.Options, report func(chapter, line int, sev source.Severity, msg string)) (*render.Print, error) {
	if b == nil || b.Book == nil || len(b.Chapters) == 0 || len(b.Chapters) != len(b.Book.Chapters) {
		return nil, errors.New("pdf: no book")
	}
	if opt == nil {
		opt = &render.Options{}
	}
	o := *opt
	o.Warn, o.Note = render.Reporter(report, -1)
	r, err := newRenderer(b.Chapters[0], &o)
	if err != nil {
		return nil, err
	}
	r.bk = b
	raw, err := r.bookOutput(report)
	if err != nil {
		return nil, err
	}
	if err := r.write(w, raw); err != nil {
		return nil, err
	}
	return r.print, nil
}

// bookOutput lays the book out, paginates and draws it with fpdf. The back matter refers to
// the pages of the chapters' paragraphs: the chapters are paginated first, then the back
// matter is set with those pages, which it does not move since it comes after them, and the
// whole book is paginated once more before anything is drawn.
func (r *renderer) bookOutput(report func(chapter, line int, sev source.Severity, msg string)) ([]byte, error) {
	r.p = r.newPDF()
	back := false
	for _, p := range render.BookParts {
		switch p {
		case render.BookTitle:
			r.bookTitle()
		case render.BookContents:
			r.contents()
		case render.BookChapters:
			r.chapters(report)
		case render.BookChronology, render.BookBibliography, render.BookIndex:
			if !back {
				r.paginate()
				back = true
			}
			switch p {
			case render.BookChronology:
				r.chronology()
			case render.BookBibliography:
				r.combinedBibliography()
			case render.BookIndex:
				r.figureIndex()
			}
		default:
			panic(fmt.Sprintf("pdf: no layout for book part %d", p))
		}
	}
	return r.placeAndDraw()
}

// bookMetadata returns the Info dictionary and XMP of a book: its title, its subtitle as the
// subject, and its chapters' places as keywords, in the order the chapters give them.
func (r *renderer) bookMetadata(m *meta) {
	bk := r.bk
	m.title = metaText(render.Smart(bk.Title))
	m.subject = metaText(render.Smart(bk.Subtitle))
	var kw []string
	for _, a := range bk.Chapters {
		for _, l := range a.Doc.Locales {
			if !slices.Contains(kw, l) {
				kw = append(kw, l)
			}
		}
	}
	m.keywords = metaText(strings.Join(kw, "; "))
}

// Anchors of the book's own parts and of a chapter's start (qualified by its scope).
const (
	chapterAnchor = "chapter"
	bookAnchor    = "book:"
)

// scopeOf returns the scope of chapter i's boxes.
func (r *renderer) scopeOf(i int) string { return r.bk.Book.Chapters[i].ID + "/" }

// bookDate is the date of the build, as the title page shows it.
func (r *renderer) bookDate() string {
	mod := r.opt.Modified
	if mod.IsZero() {
		mod = time.Now()
	}
	return mod.UTC().Format("January 2, 2006")
}

// centred sets runs centred across the measure, each line kept with the next, as the
// content of a new element of type typ (H1, P).
func (r *renderer) centred(text string, ps *paraStyle, lead, before float64, typ string) []*vbox {
	es := r.elems(plain(text), ps, 0)
	if len(es) == 0 {
		return nil
	}
	t := r.set(es, ps, blockOpts{width: r.g.width, lead: lead, align: 1})
	return r.flow(t, flowOpts{before: before, keepAll: true, tag: r.sect.add(typ), at: render.BookTitle})
}

// bookTitle sets the title page: the house's logo and the title a fifth of the way down, the
// subtitle, a rule, the chapters' count, and at the foot the house's name and the date of
// the build.
func (r *renderer) bookTitle() {
	g := &r.g
	bk := r.bk
	title := render.Smart(bk.Title)
	ps := r.title
	ps.size = 28 * g.scale
	ps.ragged = false
	r.sect = r.tree
	body := g.bodyBottom() - g.top
	top := &vbox{h: body * 0.22, keep: true, mark: &mark{title: title, level: 0}}
	r.add(top)
	r.logo(true)
	bs := r.centred(title, &ps, ps.size*1.2, 0, "H1")
	if len(bs) == 0 {
		return
	}
	bs[0].before = 0
	r.add(bs...)
	if bk.Subtitle != "" {
		st := r.standfirst
		st.size = 16 * g.scale
		r.add(r.centred(render.Smart(bk.Subtitle), &st, st.size*1.3, 10*g.scale, "P")...)
	}
	w := g.width / 4
	r.add(&vbox{h: 30 * g.scale, keep: true, draw: func(d *drawer, y float64) {
		d.artifact(artLayout)
		d.rule(g.left+(g.width-w)/2, y+15*g.scale, w, 0.8, accent)
	}})
	n := len(bk.Book.Chapters)
	count := itoa(n) + " chapters"
	if n == 1 {
		count = "1 chapter"
	}
	sm := r.body
	sm.color = grey
	r.add(r.centred(count, &sm, g.lead, 0, "P")...)
	if r.opt.House != "" {
		r.add(r.centred(r.opt.House, &sm, g.lead, body*0.25, "P")...)
		r.add(r.centred(r.bookDate(), &sm, g.lead, 0, "P")...)
	} else {
		r.add(r.centred(r.bookDate(), &sm, g.lead, body*0.25, "P")...)
	}
	r.noIndent = true
}

// bookHeading starts a part of the book's own on a page of its own, a Sect of the structure
// tree: its heading at the top level of the outline, named by the running heads beside the
// book's title.
func (r *renderer) bookHeading(p render.BookPart) {
	g := &r.g
	title := p.Title(r.opt.Cite)
	n := len(r.boxes)
	r.levels = r.levels[:0]
	r.sect = r.tree.add("Sect")
	r.heading(plain(title), &r.heading16, 0, 10*g.scale, &mark{title: title, level: 0}, title, 0, p)
	if len(r.boxes) > n {
		b := r.boxes[n]
		b.pageBreak, b.barrier, b.head, b.anchor = true, true, render.Smart(r.bk.Title), bookAnchor+title
	}
}

// contents lists the chapters, each with its dateline, and the back matter, with the page
// each begins on; every entry links there. The list's length does not depend on the pages,
// so it is measured before pagination and its numbers drawn after it.
func (r *renderer) contents() {
	g := &r.g
	r.bookHeading(render.BookContents)
	num := r.body
	num.size = g.body
	reg := &textStyle{face: r.fs.faces[slotRegular], size: g.body, color: black}
	numW := reg.width("00") + 6*g.scale
	pageW := reg.width("000") + 8*g.scale
	width := g.width - numW - pageW
	type entry struct {
		num, title, sub, anchor string
	}
	var es []entry
	for i, ch := range r.bk.Book.Chapters {
		es = append(es, entry{itoa(ch.Number), r.bk.Chapters[i].Typeset().Title,
			render.Dateline(r.bk.Chapters[i].Typeset()), r.scopeOf(i) + chapterAnchor})
	}
	for _, p := range render.BookParts {
		if r.hasBookPart(p) {
			es = append(es, entry{"", p.Title(r.opt.Cite), "", bookAnchor + p.Title(r.opt.Cite)})
		}
	}
	head := r.heading13
	head.size = g.body
	sub := r.standfirst
	sub.size, sub.color, sub.ragged, sub.hyphenate = g.small, grey, true, false
	toc := r.sect.add("TOC")
	for k, e := range es {
		ps := &head
		if e.num == "" {
			ps = &r.body
		}
		t := r.set(r.elems(plain(e.title), ps, 0), ps, blockOpts{width: width, lead: g.lead})
		var s *textBlock
		if e.sub != "" {
			s = r.set(r.elems(plain(e.sub), &sub, 0), &sub, blockOpts{width: width, lead: g.smallLead})
		}
		h := t.height()
		if s != nil {
			h += s.height()
		}
		before := 6 * g.scale
		if e.num == "" && k > 0 && es[k-1].num != "" {
			before = 16 * g.scale
		}
		e := e
		// A TOCI: the chapter's number (Lbl), then a Reference holding a Link whose
		// content is the title, the dateline and the page, over which its annotation lies.
		item := toc.add("TOCI")
		var lbl *tag
		if e.num != "" {
			lbl = item.add("Lbl")
		}
		lnk := item.add("Reference").add("Link")
		b := &vbox{h: h, before: before, at: render.Row{Table: render.BookContents, Row: k + 1}}
		b.draw = func(d *drawer, y float64) {
			base := y + g.lead/2 + 0.32*g.body
			if e.num != "" {
				d.content(lbl)
				d.text(reg, e.num, g.left, base)
			}
			d.content(lnk)
			t.draw(d, g.left+numW, y)
			if s != nil {
				s.draw(d, g.left+numW, y+t.height())
			}
			pl, ok := d.r.anchors[e.anchor]
			if !ok {
				return
			}
			pn := itoa(pl.page)
			last := y + t.height() - g.lead + g.lead/2 + 0.32*g.body
			d.text(reg, pn, g.left+g.width-reg.width(pn), last)
			if id := d.link(e.anchor); id != 0 {
				d.linkTo(lnk, g.left, y, g.width, h, "", id, "Page "+pn)
			}
		}
		r.add(b)
	}
}

// hasBookPart reports whether the book has something for a part of its back matter.
func (r *renderer) hasBookPart(p render.BookPart) bool {
	switch p {
	case render.BookChronology:
		return len(r.bk.Book.Chronology) > 0
	case render.BookBibliography:
		return len(r.bk.Book.Bibliography) > 0
	case render.BookIndex:
		return len(r.bk.Book.Index) > 0
	}
	return false
}

// chapters sets each chapter from a new page: a label with its number, then its parts, its
// boxes in its own scope so that its paragraph IDs and lines are its own. A chapter's
// warnings and notes go to report with its index.
func (r *renderer) chapters(report func(chapter, line int, sev source.Severity, msg string)) {
	g := &r.g
	opt := r.opt
	defer func() { r.opt, r.scope, r.sect = opt, "", r.tree }()
	for i, ch := range r.bk.Book.Chapters {
		o := *opt
		o.Warn, o.Note = render.Reporter(report, i)
		r.opt = &o
		r.art = r.bk.Chapters[i]
		r.doc = r.art.Typeset()
		r.scope = r.scopeOf(i)
		r.levels = r.levels[:0]
		r.deepWarned = false
		r.sect = r.tree.add("Part")
		n := len(r.boxes)
		label := "Chapter " + itoa(ch.Number)
		ps := r.small
		ps.color, ps.regular = accent, ps.bold
		lb := r.flow(r.set(r.elems(plain(label), &ps, 0), &ps, blockOpts{width: g.width, lead: g.smallLead}),
			flowOpts{keepAll: true, tag: r.sect.add("P"), at: render.PartTitle})
		growLast(lb, 14*g.scale)
		r.add(lb...)
		r.layoutParts(render.ChapterParts())
		for _, b := range r.boxes[n:] {
			if b.at != nil {
				b.at = render.InChapter{Chapter: i, At: b.at}
			}
		}
		if len(r.boxes) > n {
			b := r.boxes[n]
			b.pageBreak, b.barrier, b.head, b.anchor, b.part = true, true, r.bk.Short(i), chapterAnchor, label
		}
	}
	r.art, r.doc = r.bk.Chapters[0], r.bk.Chapters[0].Typeset()
}

// ref is a reference the back matter makes to a place in a chapter: its text, and the
// anchor it links to.
type ref struct {
	text, anchor string
	bold         bool
}

// refs sets references as one text, each linking to its place, separated by sep.
func (r *renderer) refs(lead []source.Inline, rs []ref, sep string, ps *paraStyle) []elem {
	b := r.builder(ps, 0)
	for _, run := range lead {
		b.add(run.Text, b.style(run.Style, "", ""))
	}
	for i, rf := range rs {
		if i > 0 {
			b.add(sep, b.style(0, "", ""))
		}
		s := source.Style(0)
		if rf.bold {
			s = source.Bold
		}
		b.add(rf.text, b.style(s, "", rf.anchor))
	}
	return r.keep(b.finish())
}

// placeOf returns the anchor and page of a place in chapter ch: its paragraph, else its
// line; ok is false when neither was placed.
func (r *renderer) placeOf(ch int, para string, line int) (string, int, bool) {
	scope := r.scopeOf(ch)
	if para != "" {
		if pl, ok := r.anchors[scope+para]; ok {
			return scope + para, pl.page, true
		}
	}
	if line > 0 {
		if pl, ok := r.anchors[scope+lineKey(line)]; ok {
			return scope + lineKey(line), pl.page, true
		}
	}
	return "", 0, false
}

// chronology sets every chapter's events in one date order: the date, the sentence, and
// under it the chapters that state the event with the page, each linking to its paragraph.
func (r *renderer) chronology() {
	evs := r.bk.Chronology()
	if len(evs) == 0 {
		return
	}
	g := &r.g
	r.bookHeading(render.BookChronology)
	ps := r.cellStyle()
	note := ps
	note.size, note.regular = g.script, r.fs.faces[slotItalic]
	reg := &textStyle{face: r.fs.faces[slotRegular], size: ps.size}
	gap := 10 * g.scale
	dateW := reg.width("Date")
	for _, e := range evs {
		dateW = max(dateW, reg.width(e.Date))
	}
	dateW = min(dateW+1, g.width*0.26)
	t := &table{widths: []float64{dateW, g.width - dateW - gap}, gap: gap, pad: 2.5 * g.scale, rowHeads: true}
	hdr := []cell{
		{blocks: []*textBlock{r.cellText(plain("Date"), &ps, dateW, 2, 0)}},
		{blocks: []*textBlock{r.cellText(plain("Event"), &ps, t.widths[1], 0, 0)}},
	}
	for i := range hdr {
		r.boldCell(&hdr[i])
	}
	body := make([][]cell, 0, len(evs))
	for _, e := range evs {
		var rs []ref
		for _, s := range e.Stated {
			rf := ref{text: r.bk.Short(s.Chapter), anchor: r.scopeOf(s.Chapter) + chapterAnchor}
			if a, pg, ok := r.placeOf(s.Chapter, s.Para, s.Line); ok {
				rf.text += ", p. " + itoa(pg)
				rf.anchor = a
			}
			rs = append(rs, rf)
		}
		date := cell{blocks: []*textBlock{r.cellText(plain(e.Date), &ps, dateW, 2, 0)}}
		ev := cell{blocks: []*textBlock{
			r.cellText(e.Runs, &ps, t.widths[1], 0, 0),
			r.set(r.refs(nil, rs, "; ", &note), &note, blockOpts{width: t.widths[1], lead: note.size * 1.35}),
		}}
		body = append(body, []cell{date, ev})
	}
	bs := r.rows(t, "Chronology", hdr, body, render.BookChronology)
	bs[0].before = 4 * g.scale
	r.add(bs...)
}

// combinedBibliography sets the book's bibliography as a chapter's is set, each work noting
// the chapters that cite it, linked to their first pages.
func (r *renderer) combinedBibliography() {
	entries := r.bk.Bibliography(r.opt.Cite)
	if len(entries) == 0 {
		return
	}
	g := &r.g
	r.bookHeading(render.BookBibliography)
	ps := r.body
	ps.size = 10 * g.scale
	note := r.body
	note.size, note.ragged = g.small, true
	cited := note
	cited.size, cited.color = g.script, grey
	list := r.sect.add("L")
	for i, e := range entries {
		runs := make([]source.Inline, 0, len(e.Runs))
		for _, run := range e.Runs {
			in := source.Inline{Text: run.Text}
			if run.Italic {
				in.Style = source.Italic
			}
			runs = append(runs, in)
		}
		es := r.elems(runs, &ps, 0)
		if len(es) == 0 {
			continue
		}
		body := list.add("LI").add("LBody")
		at := render.Row{Table: render.BookBibliography, Row: i + 1}
		t := r.set(es, &ps, blockOpts{width: g.width, hang: g.hang, lead: 13 * g.scale})
		r.add(r.flow(t, flowOpts{before: 3 * g.scale, tag: body.add("BibEntry"), at: at})...)
		// The entry, its annotation and the chapters that cite it are one object for the
		// page breaks: each goes on counting the words of those before it.
		words := len(render.Words(source.PlainText(runs)))
		if e.Annote != "" {
			t := r.set(r.elems(plain(e.Annote), &note, 0), &note, blockOpts{width: g.width - g.hang, lead: g.smallLead})
			r.boxes[len(r.boxes)-1].keep = true
			bs := r.flow(t, flowOpts{x: g.hang, before: 1 * g.scale, tag: body.add("P"), at: at})
			n := words
			addWords(bs, func() int { return n })
			r.add(bs...)
			words += len(render.Words(e.Annote))
		}
		var rs []ref
		for _, c := range e.Chapters {
			rs = append(rs, ref{text: r.bk.Short(c), anchor: r.scopeOf(c) + chapterAnchor})
		}
		if len(rs) > 0 {
			lead := []source.Inline{{Text: "Cited in "}}
			t := r.set(r.refs(lead, rs, "; ", &cited), &cited, blockOpts{width: g.width - g.hang, lead: g.scriptLead})
			r.boxes[len(r.boxes)-1].keep = true
			bs := r.flow(t, flowOpts{x: g.hang, before: 1 * g.scale, tag: body.add("P"), at: at})
			addWords(bs, func() int { return words })
			r.add(bs...)
		}
	}
}

// figureIndex sets the index of key figures: each person once, surname first, with the
// lifespan, then the pages that name them, the pages of their key-figures rows in bold; each
// page links to the first place on it.
func (r *renderer) figureIndex() {
	people := r.bk.Book.Index
	if len(people) == 0 {
		return
	}
	g := &r.g
	r.bookHeading(render.BookIndex)
	ps := r.body
	ps.size, ps.ragged, ps.hyphenate = 10*g.scale, true, false
	index := r.sect.add("Index")
	for i, p := range people {
		type pageRef struct {
			anchor string
			row    bool
		}
		pages := map[int]*pageRef{}
		for _, row := range p.Rows {
			if a, pg, ok := r.placeOf(row.Chapter, figureKey(row.Figure), 0); ok {
				if pr := pages[pg]; pr == nil {
					pages[pg] = &pageRef{a, true}
				} else {
					pr.row = true
				}
			}
		}
		for _, m := range p.Mentions {
			if a, pg, ok := r.placeOf(m.Chapter, m.Para, m.Line); ok && pages[pg] == nil {
				pages[pg] = &pageRef{a, false}
			}
		}
		nums := make([]int, 0, len(pages))
		for n := range pages {
			nums = append(nums, n)
		}
		slices.Sort(nums)
		rs := make([]ref, 0, len(nums))
		for _, n := range nums {
			rs = append(rs, ref{text: itoa(n), anchor: pages[n].anchor, bold: pages[n].row})
		}
		lead := []source.Inline{{Text: render.Smart(p.Heading)}}
		if p.Life != "" {
			lead = append(lead, source.Inline{Text: " (" + render.Smart(p.Life) + ")"})
		}
		if len(rs) > 0 {
			lead = append(lead, source.Inline{Text: ", "})
		}
		t := r.set(r.refs(lead, rs, ", ", &ps), &ps, blockOpts{width: g.width, hang: g.hang, lead: 13 * g.scale})
		r.add(r.flow(t, flowOpts{before: 2 * g.scale, tag: index.add("P"), at: render.Row{Table: render.BookIndex, Row: i + 1}})...)
	}
}
