package timeline

import "galley/source/cal"

// Resolving: what date each mention of a sentence stands for. A year-less date takes its
// year from what the text has said before (the context), a relative one ("the next day")
// counts from it.

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
			ya = cal.Astro(a.y.val, x.ctx.marked < 0)
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
// the fallback.
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
