package source

import (
	"sort"
	"strconv"
	"strings"
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
	x := &timeline{seen: map[eventKey]int{}}
	x.sc.lives = lifeYears(doc.KeyFigures)
	if doc.Date != nil {
		x.ctx.fallback, x.ctx.hasFallback = isoYear(doc.Date.Start)
	}
	for _, b := range doc.Abstract {
		x.block(b)
	}
	if strings.TrimSpace(doc.Summary) != "" {
		x.paragraph(doc.Summary, doc.SummaryLine, "summary")
	}
	for _, s := range doc.Sections {
		for _, b := range s.Blocks {
			x.block(b)
		}
	}
	return x.ordered()
}

// eventKey identifies duplicates: the same dates stated by the same sentence.
type eventKey struct{ start, end, text string }

// timeline accumulates the events of one document in reading order.
type timeline struct {
	sc     scanner
	ctx    dateContext
	events []Event
	keys   [][2]isoKey
	rel    []bool // the event came from a relative phrase ("the next day")
	seen   map[eventKey]int
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
		b, ok1 := isoYear(f.Born)
		d, ok2 := isoYear(f.Died)
		if ok1 && ok2 {
			lives[[2]int{b, d}] = true
		}
	}
	return lives
}

// isoYear reads the astronomical year at the start of an ISO 8601 date ("-0043-03-15").
func isoYear(s string) (int, bool) {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	if i := strings.IndexByte(s, '-'); i >= 0 {
		s = s[:i]
	}
	y, err := strconv.Atoi(s)
	if err != nil || s == "" {
		return 0, false
	}
	if neg {
		y = -y
	}
	return y, true
}

// block reads the paragraphs of a block, inside lists and quotations too.
func (x *timeline) block(b Block) {
	switch b := b.(type) {
	case *Paragraph:
		x.paragraph(b.Text(), b.Line, b.ID)
	case *List:
		for _, it := range b.Items {
			for _, c := range it {
				x.block(c)
			}
		}
	case *Quote:
		for _, c := range b.Blocks {
			x.block(c)
		}
	}
}

// paragraph reads the events of one paragraph, sentence by sentence.
func (x *timeline) paragraph(text string, line int, id string) {
	for _, sp := range splitSentences(text) {
		sent := text[sp.s:sp.e]
		x.sc.text = sent
		x.sc.toks = tokenize(sent, x.sc.toks)
		ms := x.sc.scan()
		if len(ms) > 0 {
			x.resolve(ms, sent, line, id)
		}
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
func (x *timeline) resolve(ms []mention, sent string, line int, id string) {
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
			x.emit(m, isoKey{m.start.y.val}, isoKey{m.end.y.val}, true, PrecisionDecade, sent, line, id, false)
			x.ctx.hasDay = false
		case mRelYear:
			if !x.ctx.hasYear {
				continue
			}
			x.emit(m, isoKey{x.ctx.year + m.off}, isoKey{}, false, PrecisionYear, sent, line, id, true)
			x.ctx.hasDay = false
		case mRelDay:
			if !x.ctx.hasDay {
				continue
			}
			d := addDays(x.ctx.day, m.off)
			x.emit(m, d, isoKey{}, false, PrecisionDay, sent, line, id, true)
			x.ctx.day = d
		case mDate:
			x.date(ms, k, implied[k], sent, line, id)
		}
	}
}

// date resolves the calendar mention ms[k] and emits its event.
func (x *timeline) date(ms []mention, k int, implied bool, sent string, line int, id string) {
	m := &ms[k]
	a, b := m.start, m.end
	var ya, yb int
	switch {
	case a.y.ok && !implied:
		ya, yb = a.y.astro(), b.y.astro()
		if m.weak {
			if a.y.nd <= 2 && x.ctx.marked == 0 {
				return // "in 49" means a year only where the era is in view
			}
			ya = a.y.val
			if x.ctx.marked < 0 {
				ya = 1 - a.y.val
			}
		}
		x.ctx.year, x.ctx.hasYear = ya, true
		if m.hasEnd {
			x.ctx.year = yb
		}
		switch {
		case m.hasEnd && b.y.era != 0:
			x.ctx.marked = b.y.era
		case a.y.era != 0:
			x.ctx.marked = a.y.era
		case !m.weak:
			x.ctx.marked = 0
		}
	case a.y.ok:
		ya, yb = a.y.astro(), b.y.astro()
	default:
		y, ok := x.contextYear(ms, k)
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
	x.emit(m, start, end, m.hasEnd, a.precision(), sent, line, id, false)
	last := start
	if m.hasEnd {
		last = end
	}
	x.ctx.day, x.ctx.hasDay = last, last[2] > 0
}

// contextYear finds the year of a year-less date: the nearest preceding explicit year, else
// the first explicit year later in the same sentence ("on the Ides of March in 44 BCE"), else
// the Date line's.
func (x *timeline) contextYear(ms []mention, k int) (int, bool) {
	if x.ctx.hasYear {
		return x.ctx.year, true
	}
	for _, n := range ms[k+1:] {
		if n.kind == mDate && n.start.y.ok && !n.weak {
			return n.start.y.astro(), true
		}
	}
	return x.ctx.fallback, x.ctx.hasFallback
}

// emit adds one event unless the same dates and sentence are there already; an explicit
// phrase replaces a relative one for the same date ("The next day, March 8").
func (x *timeline) emit(m *mention, start, end isoKey, hasEnd bool, prec, sent string, line int, id string, rel bool) {
	ev := Event{Start: start.iso(), Precision: prec, Text: sent, Phrase: sent[m.s:m.e], At: m.s,
		Line: line, Para: id}
	if hasEnd {
		ev.End = end.iso()
	} else {
		end = start
	}
	key := eventKey{ev.Start, ev.End, sent}
	if i, ok := x.seen[key]; ok {
		if x.rel[i] && !rel {
			x.events[i].Phrase, x.events[i].At, x.rel[i] = ev.Phrase, ev.At, false
		}
		return
	}
	x.seen[key] = len(x.events)
	x.events = append(x.events, ev)
	x.keys = append(x.keys, [2]isoKey{start, end})
	x.rel = append(x.rel, rel)
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

// iso formats the key as an ISO 8601 date of its own precision.
func (k isoKey) iso() string {
	return isoAstro(k[0], k[1], k[2])
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
