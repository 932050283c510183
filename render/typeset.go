package render

import (
	"strconv"
	"strings"

	"galley/source"
	"galley/source/timeline"
)

// The document as galley sets it. The model keeps the article as written; what the renderers
// set is that text with typographic punctuation (Smart), the years the source split by OCR
// as the parser read them, and a timeline whose rows carry their sentences' emphasis. Both
// renderers set this one view, made once per Article.

// Event is one row of the timeline as it is set.
type Event struct {
	// Date is the event's date or span, as EventDate shows it.
	Date string
	// Runs are the sentence that states the event with the emphasis its paragraph gives it,
	// and its date phrase set off: in italics, or in roman where the sentence is in italics
	// already (a date in a book's title), as emphasis inside emphasis is set.
	Runs []source.Inline
	// Para is the ID of the paragraph that states the event, Line its source line.
	Para string
	Line int
}

// typeset is the view of an Article that its renderers set.
type typeset struct {
	doc    *source.Document
	events []Event
	labels map[*source.Figure]string
}

// Typeset returns the document as the renderers set it: every text with typographic
// punctuation, code aside, and each year that the source's OCR split ("1 931") as the year
// the timeline read there ("1931"). Its blocks are copies; the IDs, lines and the timeline
// are the document's. It is made on first need and shared, read-only, by every renderer.
func (a *Article) Typeset() *source.Document {
	a.typeOnce.Do(a.typeset)
	return a.typed.doc
}

// Events returns the timeline as it is set, in the document's order.
func (a *Article) Events() []Event {
	a.typeOnce.Do(a.typeset)
	return a.typed.events
}

// FigureLabel returns the label of a figure of the document as set: "Figure 1." for its first
// figure in reading order, and so on; "" for a figure it does not hold.
func (a *Article) FigureLabel(f *source.Figure) string {
	a.typeOnce.Do(a.typeset)
	return a.typed.labels[f]
}

// An edit is a byte range of a paragraph's text set otherwise: replaced by text (when it is
// not empty) and with toggle's styles turned over.
type edit struct {
	from, to int
	text     string
	toggle   source.Style
}

func (a *Article) typeset() {
	doc := a.Doc
	// The paragraphs the timeline reads, by ID, and their text as it read it.
	paras := map[string]*source.Paragraph{}
	index := func(b source.Block) bool {
		if p, ok := b.(*source.Paragraph); ok && p.ID != "" {
			paras[p.ID] = p
		}
		return true
	}
	source.Inspect(doc.Abstract, index)
	for _, s := range doc.Sections {
		source.Inspect(s.Blocks, index)
	}
	if doc.Summary != "" {
		paras["summary"] = &source.Paragraph{Inlines: []source.Inline{{Text: doc.Summary}}, ID: "summary", Line: doc.SummaryLine}
	}
	texts := map[string]string{}
	fixes := map[string][]edit{}
	events := make([]Event, len(doc.Timeline))
	for i, e := range doc.Timeline {
		events[i] = Event{Date: EventDate(e), Para: e.Para, Line: e.Line}
		p := paras[e.Para]
		if p == nil {
			events[i].Runs = SmartRuns(phraseRuns(e))
			continue
		}
		text, ok := texts[e.Para]
		if !ok {
			text = p.Text()
			texts[e.Para] = text
		}
		runs, year, ok := sentenceRuns(e, p.Inlines, text)
		if !ok {
			runs = phraseRuns(e)
		}
		events[i].Runs = SmartRuns(runs)
		if year != (edit{}) {
			fixes[e.Para] = append(fixes[e.Para], year)
		}
	}
	t := *doc
	t.Title = Smart(doc.Title)
	t.Summary = doc.Summary
	if fx := fixes["summary"]; len(fx) > 0 {
		t.Summary = source.PlainText(splice(paras["summary"].Inlines, fx))
	}
	t.Summary = Smart(t.Summary)
	t.Locales = smartAll(doc.Locales)
	if doc.Date != nil {
		d := *doc.Date
		d.Text = Smart(d.Text)
		t.Date = &d
	}
	t.KeyFigures = make([]source.KeyFigure, len(doc.KeyFigures))
	for i, f := range doc.KeyFigures {
		f.Name, f.Role, f.Life = Smart(f.Name), Smart(f.Role), Smart(f.Life)
		f.Aliases = smartAll(f.Aliases)
		t.KeyFigures[i] = f
	}
	t.Abstract = typesetBlocks(doc.Abstract, fixes)
	t.Sections = make([]*source.Section, len(doc.Sections))
	for i, s := range doc.Sections {
		c := *s
		c.Title = Smart(s.Title)
		c.Blocks = typesetBlocks(s.Blocks, fixes)
		t.Sections[i] = &c
	}
	t.SeeAlso = smartAll(doc.SeeAlso)
	t.BibliographyTitle = Smart(doc.BibliographyTitle)
	labels := map[*source.Figure]string{}
	number := func(b source.Block) bool {
		if f, ok := b.(*source.Figure); ok {
			labels[f] = "Figure " + strconv.Itoa(len(labels)+1) + "."
		}
		return true
	}
	source.Inspect(t.Abstract, number)
	for _, s := range t.Sections {
		source.Inspect(s.Blocks, number)
	}
	a.typed = typeset{doc: &t, events: events, labels: labels}
}

func smartAll(ss []string) []string {
	if ss == nil {
		return nil
	}
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = Smart(s)
	}
	return out
}

// typesetBlocks returns copies of blocks as they are set, the paragraphs with their fixes.
func typesetBlocks(bs []source.Block, fixes map[string][]edit) []source.Block {
	if bs == nil {
		return nil
	}
	out := make([]source.Block, len(bs))
	for i, b := range bs {
		switch b := b.(type) {
		case *source.Paragraph:
			c := *b
			runs := b.Inlines
			if fx := fixes[b.ID]; len(fx) > 0 {
				runs = splice(runs, fx)
			}
			c.Inlines = SmartRuns(runs)
			out[i] = &c
		case *source.Heading:
			c := *b
			c.Inlines = SmartRuns(b.Inlines)
			out[i] = &c
		case *source.Figure:
			c := *b
			c.Caption, c.Credit, c.Alt = Smart(b.Caption), Smart(b.Credit), Smart(b.Alt)
			out[i] = &c
		case *source.List:
			c := *b
			c.Items = make([][]source.Block, len(b.Items))
			for k, item := range b.Items {
				c.Items[k] = typesetBlocks(item, fixes)
			}
			out[i] = &c
		case *source.Quote:
			c := *b
			c.Blocks = typesetBlocks(b.Blocks, fixes)
			out[i] = &c
		case *source.Table:
			c := *b
			c.Header = make([][]source.Inline, len(b.Header))
			for k, cell := range b.Header {
				c.Header[k] = SmartRuns(cell)
			}
			c.Rows = make([][][]source.Inline, len(b.Rows))
			for k, row := range b.Rows {
				c.Rows[k] = make([][]source.Inline, len(row))
				for n, cell := range row {
					c.Rows[k][n] = SmartRuns(cell)
				}
			}
			out[i] = &c
		default: // code and rules are set as they are
			out[i] = b
		}
	}
	return out
}

// sentenceRuns returns the runs of an event's sentence, sliced from its paragraph's runs
// (whose text, as the timeline read it, is text), its date phrase set off; and, when the
// phrase is a year the source's OCR split, the edit that sets it whole in the paragraph. ok
// is false when the event's text is not where its Offset says.
func sentenceRuns(e timeline.Event, runs []source.Inline, text string) (out []source.Inline, year edit, ok bool) {
	body, pre, post := e.Text, "", ""
	if strings.HasPrefix(body, "…") && !strings.HasPrefix(text[min(max(e.Offset, 0), len(text)):], "…") {
		body, pre = body[len("…"):], "…"
	}
	at := e.At - len(pre)
	if e.Offset < 0 || e.Offset+len(body) > len(text) || !strings.HasPrefix(text[e.Offset:], body) {
		if strings.HasSuffix(body, "…") {
			body, post = body[:len(body)-len("…")], "…"
		}
		if e.Offset < 0 || e.Offset+len(body) > len(text) || text[e.Offset:e.Offset+len(body)] != body {
			return nil, edit{}, false
		}
	}
	from, to := e.Offset, e.Offset+len(body)
	var edits []edit
	if n := len(e.Phrase); n > 0 && at >= 0 && at+n <= len(body) && body[at:at+n] == e.Phrase {
		ph := edit{from: from + at, to: from + at + n, toggle: source.Italic}
		if y := ocrYear(e); y != "" {
			ph.text = y
			year = edit{from: ph.from, to: ph.to, text: y}
		}
		edits = append(edits, ph)
	}
	out = slice(splice(runs, edits), from, to+lengthChange(edits))
	if pre != "" {
		out = append([]source.Inline{{Text: pre}}, out...)
	}
	if post != "" {
		out = append(out, source.Inline{Text: post})
	}
	return out, year, true
}

// lengthChange is how much longer the edits make a text.
func lengthChange(edits []edit) int {
	n := 0
	for _, e := range edits {
		if e.text != "" {
			n += len(e.text) - (e.to - e.from)
		}
	}
	return n
}

// ocrYear returns the year an event's phrase states when the source's OCR split it ("1 931"
// read as 1931): the year as the timeline read it. It returns "" for any other phrase.
func ocrYear(e timeline.Event) string {
	if !strings.Contains(e.Phrase, " ") || e.Start.Year <= 0 {
		return ""
	}
	y := strconv.Itoa(e.Start.Year)
	if strings.ReplaceAll(e.Phrase, " ", "") != y {
		return ""
	}
	return y
}

// phraseRuns returns an event's text alone, its date phrase set off: for an event whose
// paragraph the document does not hold.
func phraseRuns(e timeline.Event) []source.Inline {
	text, at, n := e.Text, e.At, len(e.Phrase)
	if n == 0 || at < 0 || at+n > len(text) || text[at:at+n] != e.Phrase {
		at = strings.Index(text, e.Phrase)
		if n == 0 || at < 0 {
			return []source.Inline{{Text: text}}
		}
	}
	ed := edit{from: at, to: at + n, toggle: source.Italic}
	if y := ocrYear(e); y != "" {
		ed.text = y
	}
	return splice([]source.Inline{{Text: text}}, []edit{ed})
}

// splice returns runs with edits made, the edits given by byte ranges of the runs' plain
// text (source.PlainText), in order and apart. A replaced range takes the style of the run
// it begins in.
func splice(runs []source.Inline, edits []edit) []source.Inline {
	if len(edits) == 0 {
		return runs
	}
	out := make([]source.Inline, 0, len(runs)+2*len(edits))
	pos, k := 0, 0
	for i, r := range runs {
		start, end := pos, pos+len(r.Text)
		n := len(out)
		at := start
		for at < end {
			for k < len(edits) && edits[k].to <= at {
				k++
			}
			if k >= len(edits) || edits[k].from >= end {
				out = append(out, piece(r, r.Text[at-start:end-start], 0))
				at = end
				break
			}
			ed := edits[k]
			if ed.from > at {
				out = append(out, piece(r, r.Text[at-start:ed.from-start], 0))
				at = ed.from
				continue
			}
			stop := min(ed.to, end)
			switch {
			case ed.text == "":
				out = append(out, piece(r, r.Text[at-start:stop-start], ed.toggle))
			case at == ed.from:
				out = append(out, piece(r, ed.text, ed.toggle))
			}
			at = stop
		}
		if r.Break {
			if len(out) == n {
				out = append(out, piece(r, "", 0))
			}
			out[len(out)-1].Break = true
		}
		pos = end
		if r.Break && i < len(runs)-1 {
			pos++ // the space PlainText writes for a hard break
		}
	}
	return out
}

// piece is a part of run r: text, its style with toggle turned over, no break after it.
func piece(r source.Inline, text string, toggle source.Style) source.Inline {
	return source.Inline{Text: text, Style: r.Style ^ toggle, Link: r.Link}
}

// slice returns the runs of the plain-text range [from, to); a hard break inside it is a
// space, as the timeline reads it.
func slice(runs []source.Inline, from, to int) []source.Inline {
	var out []source.Inline
	pos := 0
	for i, r := range runs {
		start, end := pos, pos+len(r.Text)
		if lo, hi := max(start, from), min(end, to); lo < hi {
			out = append(out, piece(r, r.Text[lo-start:hi-start], 0))
		}
		pos = end
		if r.Break && i < len(runs)-1 {
			if pos >= from && pos < to && len(out) > 0 {
				out = append(out, source.Inline{Text: " "})
			}
			pos++
		}
	}
	return out
}
