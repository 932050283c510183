package timeline

import "galley/source/cal"

// Resolving: what date each mention of a sentence stands for. A year-less date takes its
// year from what the text has said before (the context), a relative one ("the next day")
// counts from it, and a bare year takes its era from its own sentence or from the article.

// article is what is known of the article before its text is read.
type article struct {
	// era is the era of a bare year (-1 BCE, +1 CE) when the article's Date gives it.
	era int
	// bce is the article's Date year in BCE numbering (44 for 44 BCE), 0 for a CE article:
	// an unmarked four-digit year is BCE only within a millennium of it.
	bce int
	// early is set when the article's dates lie in the first millennium (or before): there
	// a number of one to three digits after "in", "by", "of" and the like is a year.
	early bool
	// dated is set when the article has a Date (or lives) that tells its era and centuries;
	// without one, the marked years read so far tell them.
	dated bool
	// marked counts the years read so far with an era marker, BCE and CE.
	marked [2]int
	// span is the first and last key of the article's Date, when hasSpan.
	span    [2]isoKey
	hasSpan bool
}

// profile reads what the article's Date (or, without one, its people's lives) says of the
// dates its text will give.
func (x *timeline) profile(a Article) {
	switch {
	case !a.Date.IsZero():
		x.ctx.fallback, x.ctx.hasFallback = a.Date.Year, true
		d := row{key: [2]isoKey{dateKey(a.Date), dateKey(a.Date)}, prec: a.Date.Precision}
		if !a.End.IsZero() {
			d.key[1] = dateKey(a.End)
		}
		if !d.key[1].less(d.key[0]) {
			x.art.span[0], x.art.span[1] = d.span()
			x.art.hasSpan = true
		}
		last := a.Date.Year
		if !a.End.IsZero() && a.End.Year > last {
			last = a.End.Year
		}
		x.art.dated, x.art.early = true, last <= firstMillennium
		x.art.era = 1
		if a.Date.Year <= 0 {
			x.art.era, x.art.bce = -1, 1-a.Date.Year
		}
	case len(a.Lives) > 0:
		last := a.Lives[0].Died
		for _, l := range a.Lives {
			last = max(last, l.Died)
		}
		x.art.dated, x.art.early = true, last <= firstMillennium
		x.art.era = 1
		if last <= 0 {
			x.art.era, x.art.bce = -1, 1-last
		}
	}
}

// dateKey returns the key of a date.
func dateKey(d cal.Date) isoKey { return isoKey{d.Year, d.Month, d.Day} }

// firstMillennium is the last year of an early article: one whose Date lies in the first
// millennium or before.
const firstMillennium = 1000

// early reports whether numbers of one to three digits after a cue are years: the article is
// early, or, without a Date, an era marker has been read.
func (x *timeline) early() bool {
	if x.art.dated {
		return x.art.early
	}
	return x.art.marked[0]+x.art.marked[1] > 0
}

// articleEra returns the era of an unmarked year val that its sentence does not mark: the
// article's, except that a year of four digits is BCE only within a millennium of a BCE
// article's date ("the Olympic Games of 1896" in an article on 490 BCE).
func (x *timeline) articleEra(val int) int {
	era := x.art.era
	if !x.art.dated {
		era = 1
		if x.art.marked[0] > x.art.marked[1] {
			era = -1
		}
	}
	if era < 0 && val > max(x.art.bce, 1)+firstMillennium {
		return 1
	}
	return era
}

// dateContext is what earlier text says about the time being told.
type dateContext struct {
	// year is the year of the time being told (the narrative's year): the last explicit year
	// that moved the narrative, or the last relative year resolved. prev is the one before
	// it, which a relative year falls back on when year contradicts its sentence.
	year, prev       int
	hasYear, hasPrev bool
	// day is the last date read, when it was a full date, for "the next day".
	day    isoKey
	hasDay bool
	// fallback is the year for a year-less date that nothing explains (the Date line's).
	fallback    int
	hasFallback bool
	// top is the latest year of a day or month date in the paragraph being read. A
	// narrative moves forward by such dates; a year before top in the middle of a sentence
	// looks back ("France returned to its borders of 1792") and does not become the year of
	// the dates that follow.
	top    int
	hasTop bool
}

// setYear makes y the narrative's year.
func (c *dateContext) setYear(y int) {
	if c.hasYear && c.year != y {
		c.prev, c.hasPrev = c.year, true
	}
	c.year, c.hasYear = y, true
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

// marks is what a sentence's mentions tell each other, computed once per sentence so that
// resolving it stays linear: the nearest marked year before and after each mention, whether
// any year is marked, and the next mention with an explicit year that the narrative reaches.
type marks struct {
	before, after []marked
	next          []int
	any           bool
}

// marked is a year written with its era marker: the era, 0 for none, and the astronomical
// year.
type marked struct{ era, year int }

// read fills the marks of a sentence's mentions, reusing their storage.
func (mk *marks) read(ms []mention) {
	n := len(ms)
	mk.before, mk.after, mk.next = growMarked(mk.before, n), growMarked(mk.after, n), growInt(mk.next, n)
	mk.any = false
	var e marked
	for k := range ms {
		mk.before[k] = e
		if m, ok := ms[k].marked(); ok {
			e, mk.any = m, true
		}
	}
	e, next := marked{}, -1
	for k := n - 1; k >= 0; k-- {
		mk.after[k], mk.next[k] = e, next
		if m, ok := ms[k].marked(); ok {
			e = m
		}
		if ms[k].kind == mDate && ms[k].start.y.ok && !ms[k].ahead {
			next = k
		}
	}
}

// marked returns the era and year of a date mention whose year has an era marker.
func (m *mention) marked() (marked, bool) {
	if m.kind != mDate || !m.start.y.ok {
		return marked{}, false
	}
	y := m.start.y
	if m.hasEnd && m.end.y.era != 0 {
		y = m.end.y
	}
	if y.era == 0 {
		return marked{}, false
	}
	return marked{era: y.era, year: y.astro()}, true
}

func growMarked(b []marked, n int) []marked {
	if cap(b) < n {
		return make([]marked, n)
	}
	return b[:n]
}

func growInt(b []int, n int) []int {
	if cap(b) < n {
		return make([]int, n)
	}
	return b[:n]
}

// resolve turns a sentence's mentions into events, in order, updating the context.
func (x *timeline) resolve(ms []mention, st *sentence) {
	implied := make([]bool, len(ms))
	for k := len(ms) - 2; k >= 0; k-- {
		a, b := &ms[k], &ms[k+1]
		if a.kind != mDate || b.kind != mDate || !x.coordinated(a.te, b.ts) {
			continue
		}
		switch {
		case !a.start.y.ok && b.start.y.ok && !b.weak:
			// A year-less date joined to a dated one shares its year: "in March and April, 1917".
			a.start.y = b.start.y
			if a.hasEnd {
				a.end.y = b.start.y
			}
			implied[k] = true
		case a.start.y.ok && a.start.y.era == 0 && !a.hasEnd && b.start.y.ok && b.start.y.era != 0:
			// So does a bare year its era: "in 55 and 54 BCE".
			a.start.y.era = b.start.y.era
		}
	}
	x.mk.read(ms)
	if j := x.sc.judging(); j >= 0 {
		for k := range ms {
			ms[k].judged = ms[k].te <= j
		}
	}
	for k := range ms {
		if m, ok := ms[k].marked(); ok {
			x.art.marked[(m.era+1)/2]++ // BCE, CE
		}
	}
	for k := range ms {
		m := &ms[k]
		switch m.kind {
		case mDecade:
			x.emit(m, isoKey{m.start.y.val}, isoKey{m.end.y.val}, true, cal.Decade, st, false)
			x.ctx.hasDay = false
		case mRelYear:
			if x.apposed(ms, k) {
				continue // "The following year, in 665": the date beside it says which
			}
			y, ok := x.relativeYear(ms, k)
			if !ok {
				continue
			}
			x.emit(m, isoKey{y}, isoKey{}, false, cal.Year, st, true)
			x.ctx.setYear(y)
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

// eraOf returns the era of a year written in mention ms[k]: its own marker; else that of
// the nearest marked year of its sentence (before it, else after it) when the two are within
// a century in that era ("in 55 and 54 BCE", "around 390 BCE, and rebuilt by 378"); else
// the article's. A marker does not carry to a year of other times in its sentence ("landed
// in 55 BCE; the abbey was finished in 690").
func (x *timeline) eraOf(k int, y yearRef) int {
	if y.era != 0 {
		return y.era
	}
	for _, m := range []marked{x.mk.before[k], x.mk.after[k]} {
		if m.era != 0 && abs(cal.Astro(y.val, m.era < 0)-m.year) <= sameTimes {
			return m.era
		}
	}
	return x.articleEra(y.val)
}

// sameTimes is how near in years a bare year must be to a marked year of its sentence to
// take its era.
const sameTimes = 100

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// astro returns the astronomical year of a year written in mention ms[k].
func (x *timeline) astro(k int, y yearRef) int {
	return cal.Astro(y.val, x.eraOf(k, y) < 0)
}

// eraInView reports whether a bare number of one or two digits may be a year: in an early
// article, or when its sentence marks an era.
func (x *timeline) eraInView() bool {
	return x.early() || x.mk.any
}

// apposed reports whether the relative phrase ms[k] stands beside an explicit date that says
// which year it means: "The following year, in 665, …", "The following year, on January
// 27, 1606, …".
func (x *timeline) apposed(ms []mention, k int) bool {
	if k+1 >= len(ms) {
		return false
	}
	n := &ms[k+1]
	if n.kind != mDate || !n.start.y.ok || n.ts-ms[k].te > 3 {
		return false
	}
	for j := ms[k].te; j < n.ts; j++ {
		switch x.sc.punct(j) {
		case ",", "—", "–":
			continue
		}
		switch x.sc.lw(j) {
		case "in", "on", "by":
			continue
		}
		return false
	}
	return true
}

// relativeYear resolves the relative year ms[k] against the narrative's year, or the year
// before it when that contradicts the sentence. ok is false when neither agrees with the
// sentence, or no year is known.
func (x *timeline) relativeYear(ms []mention, k int) (int, bool) {
	off := ms[k].off
	if x.ctx.hasYear && x.agrees(ms, k, x.ctx.year+off) {
		return x.ctx.year + off, true
	}
	if x.ctx.hasYear && x.ctx.hasPrev && x.agrees(ms, k, x.ctx.prev+off) {
		return x.ctx.prev + off, true
	}
	return 0, false
}

// agrees reports whether year y for the relative phrase ms[k] agrees with the next explicit
// date its sentence tells: a narrative does not go back ("the following year, and by March
// of 1832": not after 1832).
func (x *timeline) agrees(ms []mention, k, y int) bool {
	j := x.mk.next[k]
	if j < 0 || (ms[j].needEra && !x.eraInView()) {
		return true
	}
	return y <= x.astro(j, ms[j].start.y)
}

// date resolves the calendar mention ms[k] and emits its event.
func (x *timeline) date(ms []mention, k int, implied bool, st *sentence) {
	m := &ms[k]
	a, b := m.start, m.end
	if m.needEra && !x.eraInView() {
		if a.m == 0 || a.noYear == 0 {
			return // "in 49" means a year only where an era is in view
		}
		// "On March 5, 10 Downing Street ...": the date has no year of its own.
		a.y, b.y, m.weak = yearRef{}, yearRef{}, false
		m.e = a.noYear
	}
	var ya, yb int
	switch {
	case a.y.ok && !implied:
		ya = x.astro(k, a.y)
		yb = ya
		if m.hasEnd {
			by := b.y
			if by.era == 0 && a.y.era != 0 {
				by.era = a.y.era
			}
			yb = x.astro(k, by)
		}
		last := ya
		if m.hasEnd {
			last = yb
		}
		// The phrase opens its sentence ("In 1792, ...", "Earlier, in 1917, ...").
		opening := m.ts <= 3
		if !m.ahead && (!x.ctx.hasTop || last >= x.ctx.top || opening) {
			x.ctx.setYear(last)
		}
		if !m.ahead && a.m > 0 && (!x.ctx.hasTop || last > x.ctx.top) {
			x.ctx.top, x.ctx.hasTop = last, true
		}
	case a.y.ok:
		ya = x.astro(k, a.y)
		yb = ya
	case m.rel && x.ctx.hasYear:
		ya = x.ctx.year + m.off
		yb = ya
		x.ctx.setYear(ya)
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
		if !validDay(end) || end.less(start) {
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

// contextYear finds the year of a year-less date: the narrative's year, else the first
// explicit year later in the same sentence ("on the Ides of March in 44 BCE"), else the
// fallback.
func (x *timeline) contextYear(ms []mention, k int, st *sentence) (int, bool) {
	if x.ctx.hasYear {
		return x.ctx.year, true
	}
	if len(st.later) == 0 {
		st.later = growInt(st.later, len(ms))
		next := -1
		for i := len(ms) - 1; i >= 0; i-- {
			st.later[i] = next
			if n := ms[i]; n.kind == mDate && n.start.y.ok && !n.weak {
				next = i
			}
		}
	}
	if n := st.later[k]; n >= 0 {
		return x.astro(n, ms[n].start.y), true
	}
	return x.ctx.fallback, x.ctx.hasFallback
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
