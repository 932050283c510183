package source

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"galley/source/cal"
)

// extractTimeline lists the dated events the article states, as FORMAT.md's "The timeline"
// describes them: every date of the abstract, the summary line and the body sections (not the
// key figures' lives, the bibliography, image captions or the Date line), one event per date
// and sentence, resolved to ISO 8601 and ordered by date. Year-less dates take the year of the
// nearest preceding explicit year, in the same paragraph or an earlier one.
//
// It runs in time linear in the text: each paragraph is cut into sentences and each sentence
// tokenised once, and the scanner looks at most a few tokens around each one.
func extractTimeline(doc *Document) []Event {
	x := &timeline{doc: doc, seen: map[eventKey]int{}, sentences: map[string]int{}}
	x.sc.lives = lifeYears(doc.KeyFigures)
	if doc.Date != nil && !doc.Date.Start.IsZero() {
		x.ctx.fallback, x.ctx.hasFallback = doc.Date.Start.Year, true
	}
	Inspect(doc.Abstract, x.block)
	if strings.TrimSpace(doc.Summary) != "" {
		x.paragraph(doc.Summary, doc.SummaryLine, "summary")
	}
	for _, s := range doc.Sections {
		Inspect(s.Blocks, x.block)
	}
	return x.ordered()
}

// Bounds that keep the timeline of any input small: an event's text is the sentence, or a
// window of it around the date when the sentence is longer than maxEventText bytes (a line
// without sentence ends must not be copied into every event it states); past maxEvents
// events the rest are left out with a warning.
const (
	maxEventText = 1200
	eventWindow  = 400
	maxEvents    = 10000
	// maxScan bounds the text scanned at once: a longer "sentence" (a line with no sentence
	// end) is read in pieces cut at spaces, so memory stays bounded whatever the input.
	maxScan = 1 << 16
)

// eventKey identifies duplicates: the same dates stated by the same sentence.
type eventKey struct {
	start, end isoKey
	hasEnd     bool
	sentence   int
}

// sentence is the sentence being read, with where it comes from.
type sentence struct {
	text string
	id   int // equal texts have equal ids; -1 until an event needs it
	line int
	para string
	// later[k] is the index of the first mention after k with an explicit year, or -1;
	// computed when first needed.
	later []int
}

// timeline accumulates the events of one document in reading order.
type timeline struct {
	doc       *Document
	sc        scanner
	ctx       dateContext
	events    []Event
	keys      [][2]isoKey
	rel       []bool // the event came from a relative phrase ("the next day")
	seen      map[eventKey]int
	sentences map[string]int
	full      bool // maxEvents reached
}

// dateContext is what earlier text says about the time being told.
type dateContext struct {
	// year is the astronomical year last written explicitly.
	year    int
	hasYear bool
	// marked is the era marker that came with that year (-1 BCE, +1 CE, 0 none), which bare
	// short years ("in 49") inherit.
	marked int
	// day is the last date read, when it was a full date, for "the next day".
	day    isoKey
	hasDay bool
	// fallback is the Date line's year, for a year-less date that nothing precedes.
	fallback    int
	hasFallback bool
	// top is the latest year of a day or month date in the paragraph being read. A
	// narrative moves forward by such dates; a year before top in the middle of a sentence
	// looks back ("France returned to its borders of 1792") and does not become the year of
	// the dates that follow.
	top    int
	hasTop bool
}

// isoKey is a sortable date: astronomical year, month and day, missing parts zero.
type isoKey [3]int

func (k isoKey) less(o isoKey) bool {
	for i := range k {
		if k[i] != o[i] {
			return k[i] < o[i]
		}
	}
	return false
}

// lifeYears collects the key figures' (born, died) pairs, so that the same span in
// parentheses in the text is read as a life, not an event.
func lifeYears(figs []KeyFigure) map[[2]int]bool {
	lives := map[[2]int]bool{}
	for _, f := range figs {
		if !f.Born.IsZero() && !f.Died.IsZero() {
			lives[[2]int{f.Born.Year, f.Died.Year}] = true
		}
	}
	return lives
}

// block reads a paragraph, and goes into lists and quotations. Captions, headings, code and
// tables state no events.
func (x *timeline) block(b Block) bool {
	if p, ok := b.(*Paragraph); ok {
		x.paragraph(p.Text(), p.Line, p.ID)
	}
	return true
}

// paragraph reads the events of one paragraph, sentence by sentence.
func (x *timeline) paragraph(text string, line int, id string) {
	x.ctx.hasTop = false
	for s, e := range sentences(text) {
		for s < e && !x.full {
			end := e
			if end-s > maxScan {
				end = cutNear(text, s+maxScan, s)
			}
			x.sentence(text[s:end], line, id)
			s = skipSpace(text, end)
		}
		if x.full {
			return
		}
	}
}

// cutNear returns where to cut text near at (after from): after the last space in the
// kilobyte before at, else at the start of the rune at at.
func cutNear(text string, at, from int) int {
	lo := max(from+1, at-1024)
	if k := strings.LastIndexByte(text[lo:at], ' '); k >= 0 {
		return lo + k + 1
	}
	for at > from+1 && !utf8.RuneStart(text[at]) {
		at--
	}
	return at
}

// sentence reads the events of one sentence.
func (x *timeline) sentence(sent string, line int, id string) {
	x.sc.text = sent
	x.sc.toks = tokenize(sent, x.sc.toks)
	if ms := x.sc.scan(); len(ms) > 0 {
		x.resolve(ms, &sentence{text: sent, id: -1, line: line, para: id})
	}
}

// coordinated reports whether only "and", "or" and commas stand between tokens from and to:
// "in March and April, 1917".
func (x *timeline) coordinated(from, to int) bool {
	if to-from > 3 {
		return false
	}
	for k := from; k < to; k++ {
		switch {
		case x.sc.punct(k) == "," || x.sc.punct(k) == "&":
		case x.sc.word(k) == "and" || x.sc.word(k) == "or":
		default:
			return false
		}
	}
	return true
}

// resolve turns a sentence's mentions into events, in order, updating the context.
func (x *timeline) resolve(ms []mention, st *sentence) {
	implied := make([]bool, len(ms))
	// A year-less date joined to a dated one shares its year: "in March and April, 1917".
	for k := len(ms) - 2; k >= 0; k-- {
		a, b := &ms[k], &ms[k+1]
		if a.kind == mDate && !a.start.y.ok && b.kind == mDate && b.start.y.ok && !b.weak &&
			x.coordinated(a.te, b.ts) {
			a.start.y = b.start.y
			if a.hasEnd {
				a.end.y = b.start.y
			}
			implied[k] = true
		}
	}
	for k := range ms {
		m := &ms[k]
		switch m.kind {
		case mDecade:
			x.emit(m, isoKey{m.start.y.val}, isoKey{m.end.y.val}, true, cal.Decade, st, false)
			x.ctx.hasDay = false
		case mRelYear:
			if !x.ctx.hasYear {
				continue
			}
			x.emit(m, isoKey{x.ctx.year + m.off}, isoKey{}, false, cal.Year, st, true)
			x.ctx.hasDay = false
		case mRelDay:
			if !x.ctx.hasDay {
				continue
			}
			d := addDays(x.ctx.day, m.off)
			x.emit(m, d, isoKey{}, false, cal.Day, st, true)
			x.ctx.day = d
		case mDate:
			x.date(ms, k, implied[k], st)
		}
	}
}

// date resolves the calendar mention ms[k] and emits its event.
func (x *timeline) date(ms []mention, k int, implied bool, st *sentence) {
	m := &ms[k]
	a, b := m.start, m.end
	if m.needEra && x.ctx.marked == 0 {
		if a.m == 0 {
			return // "in 49" means a year only where an era is in view
		}
		// "On March 5, 10 Downing Street ...": the date has no year of its own.
		a.y, b.y, m.weak = yearRef{}, yearRef{}, false
		m.e = a.noYear
	}
	var ya, yb int
	switch {
	case a.y.ok && !implied:
		ya, yb = a.y.astro(), b.y.astro()
		if m.weak {
			ya = a.y.val
			if x.ctx.marked < 0 {
				ya = 1 - a.y.val
			}
		}
		last := ya
		if m.hasEnd {
			last = yb
		}
		// The phrase opens its sentence ("In 1792, ...", "Earlier, in 1917, ...").
		opening := m.ts <= 3
		if !x.ctx.hasTop || last >= x.ctx.top || opening {
			x.ctx.year, x.ctx.hasYear = last, true
			switch {
			case m.hasEnd && b.y.era != 0:
				x.ctx.marked = b.y.era
			case a.y.era != 0:
				x.ctx.marked = a.y.era
			case !m.weak:
				x.ctx.marked = 0
			}
		}
		if a.m > 0 && (!x.ctx.hasTop || last > x.ctx.top) {
			x.ctx.top, x.ctx.hasTop = last, true
		}
	case a.y.ok:
		ya, yb = a.y.astro(), b.y.astro()
	default:
		y, ok := x.contextYear(ms, k, st)
		if !ok {
			return
		}
		ya, yb = y, y
	}
	start := isoKey{ya, a.m, a.d}
	end := isoKey{}
	if m.hasEnd {
		end = isoKey{yb, b.m, b.d}
		if !validDay(end) {
			return
		}
	}
	if !validDay(start) {
		return
	}
	x.emit(m, start, end, m.hasEnd, a.precision(), st, false)
	last := start
	if m.hasEnd {
		last = end
	}
	x.ctx.day, x.ctx.hasDay = last, last[2] > 0
}

// contextYear finds the year of a year-less date: the nearest preceding explicit year, else
// the first explicit year later in the same sentence ("on the Ides of March in 44 BCE"), else
// the Date line's.
func (x *timeline) contextYear(ms []mention, k int, st *sentence) (int, bool) {
	if x.ctx.hasYear {
		return x.ctx.year, true
	}
	if st.later == nil {
		st.later = make([]int, len(ms))
		next := -1
		for i := len(ms) - 1; i >= 0; i-- {
			st.later[i] = next
			if n := ms[i]; n.kind == mDate && n.start.y.ok && !n.weak {
				next = i
			}
		}
	}
	if n := st.later[k]; n >= 0 {
		return ms[n].start.y.astro(), true
	}
	return x.ctx.fallback, x.ctx.hasFallback
}

// emit adds one event unless the same dates and sentence are there already; an explicit
// phrase replaces a relative one for the same date ("The next day, March 8").
func (x *timeline) emit(m *mention, start, end isoKey, hasEnd bool, prec cal.Precision, st *sentence, rel bool) {
	if x.full {
		return
	}
	if !hasEnd {
		end = start
	}
	if st.id < 0 {
		// Sentences are numbered only when they state an event, so the table stays small.
		id, ok := x.sentences[st.text]
		if !ok {
			id = len(x.sentences)
			x.sentences[st.text] = id
		}
		st.id = id
	}
	key := eventKey{start, end, hasEnd, st.id}
	i, dup := x.seen[key]
	switch {
	case dup && (!x.rel[i] || rel):
		return
	case !dup && len(x.events) == maxEvents:
		x.full = true
		x.doc.Diagnostics = append(x.doc.Diagnostics, Diagnostic{Line: st.line, Col: 1, Severity: SevWarning,
			Message: fmt.Sprintf("more than %d dated events; the timeline leaves out the rest", maxEvents)})
		return
	}
	text, at := eventText(st.text, m.s, m.e)
	ev := Event{Start: start.date(prec), Text: text, Phrase: st.text[m.s:m.e], At: at,
		Line: st.line, Para: st.para}
	if hasEnd {
		ev.End = end.date(prec)
	}
	if dup {
		x.events[i], x.rel[i] = ev, false
		return
	}
	x.seen[key] = len(x.events)
	x.events = append(x.events, ev)
	x.keys = append(x.keys, [2]isoKey{start, end})
	x.rel = append(x.rel, rel)
}

// eventText returns the text of an event whose phrase is sent[s:e], and the phrase's offset
// in it: the sentence, or a window of a very long one around the phrase, cut at spaces and
// marked with ellipses.
func eventText(sent string, s, e int) (string, int) {
	if len(sent) <= maxEventText {
		return sent, s
	}
	lo, hi := max(0, s-eventWindow), min(len(sent), e+eventWindow)
	if lo > 0 {
		if k := strings.IndexByte(sent[lo:s], ' '); k >= 0 {
			lo += k + 1
		} else {
			lo = s
		}
	}
	if hi < len(sent) {
		if k := strings.LastIndexByte(sent[e:hi], ' '); k >= 0 {
			hi = e + k
		} else {
			hi = e
		}
	}
	text, at := sent[lo:hi], s-lo
	if lo > 0 {
		text, at = "…"+text, at+len("…")
	}
	if hi < len(sent) {
		text += "…"
	}
	return text, at
}

// ordered returns the events by date: by start, then end, then reading order.
func (x *timeline) ordered() []Event {
	idx := make([]int, len(x.events))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool {
		a, b := x.keys[idx[i]], x.keys[idx[j]]
		if a[0] != b[0] {
			return a[0].less(b[0])
		}
		return a[1].less(b[1])
	})
	out := make([]Event, len(idx))
	for i, k := range idx {
		out[i] = x.events[k]
	}
	return out
}

// date returns the key as a date: a decade's year when prec says so, else of the precision
// its parts give.
func (k isoKey) date(prec cal.Precision) cal.Date {
	if prec == cal.Decade {
		return cal.Date{Year: k[0], Precision: cal.Decade}
	}
	return cal.DateOf(k[0], k[1], k[2])
}

// validDay reports whether the day exists in its month (a missing day always does).
func validDay(k isoKey) bool {
	if k[2] == 0 {
		return true
	}
	return k[1] >= 1 && k[1] <= 12 && k[2] <= daysIn(k[0], k[1])
}

// daysIn returns the days of a month of an astronomical year: Julian leap years before 1582,
// Gregorian after, as historians date events.
func daysIn(y, m int) int {
	switch m {
	case 4, 6, 9, 11:
		return 30
	case 2:
		leap := y%4 == 0
		if y > 1582 {
			leap = leap && (y%100 != 0 || y%400 == 0)
		}
		if leap {
			return 29
		}
		return 28
	}
	return 31
}

// addDays moves a full date by off days (off is -1, 0 or 1).
func addDays(d isoKey, off int) isoKey {
	y, m, day := d[0], d[1], d[2]+off
	if day < 1 {
		m--
		if m < 1 {
			m, y = 12, y-1
		}
		day = daysIn(y, m)
	} else if day > daysIn(y, m) {
		day, m = 1, m+1
		if m > 12 {
			m, y = 1, y+1
		}
	}
	return isoKey{y, m, day}
}
