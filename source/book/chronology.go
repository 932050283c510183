package book

import (
	"sort"

	"galley/source/cal"
)

// Statement is one chapter's statement of an event of the chronology.
type Statement struct {
	// Chapter is the index of the chapter in Book.Chapters; Event is the index of the event in
	// that chapter's timeline (its document's Timeline), whose sentence, line and offset say
	// where the statement is.
	Chapter, Event int
	// Para is the ID of the paragraph that states the event: what the entry links to.
	Para string
}

// Entry is one event of the merged chronology: its date and the chapters that state it.
type Entry struct {
	// Start is the event's date and End the end of its span (zero unless it is one): the
	// date of the lead statement.
	Start, End cal.Date
	// Statements are the chapters' statements of the event, in book order, one a chapter.
	Statements []Statement
	// Lead is the index in Statements of the statement whose sentence the entry shows: the
	// one that dates the event most precisely, the first of equals.
	Lead int
}

// How alike two sentences must be, by the weighted share of words they have in common (see
// similarity), to state one event, and how many words at least they must share. The finer
// the date they agree on, the likelier two statements of it are one event: two articles
// rarely state two events of one day, often two of one year. A coarse date that contains a
// finer one (a year, a day of it) asks for the coarse date's likeness and a little more.
var likeness = [...]struct {
	score  float64
	shared int
}{
	cal.Day:    {0.15, 2},
	cal.Month:  {0.25, 2},
	cal.Year:   {0.35, 3},
	cal.Decade: {0.50, 3},
}

// containing is what a statement whose date contains the other's must add to the likeness
// its own precision asks for.
const containing = 0.10

// maxCompared bounds the statements that one statement is compared with, so that a book
// of inputs stating thousands of events on one date is still built in time in proportion
// to its events.
const maxCompared = 256

// stated is a statement with what the merge reads of it.
type stated struct {
	Statement
	start, end cal.Date
	stems      []string
}

// when is a statement's date as a bucket key: the date and its end.
type when struct{ start, end cal.Date }

// match returns the precision that two dates agree at, and whether one contains the other
// rather than being equal; ok is false when they do not agree. Equal dates agree at their
// precision. A single date agrees with a finer single date inside it: a year with a month
// or day of it, a month with a day of it. Spans and decades agree only with their equals.
func match(a, b when) (prec cal.Precision, contains, ok bool) {
	if a == b {
		return a.start.Precision, false, true
	}
	if !a.end.IsZero() || !b.end.IsZero() {
		return 0, false, false
	}
	if a.start.Precision < b.start.Precision {
		a, b = b, a // a is the coarser
	}
	x, y := a.start, b.start
	switch {
	case x.Precision == cal.Year && (y.Precision == cal.Month || y.Precision == cal.Day) && x.Year == y.Year:
		return cal.Year, true, true
	case x.Precision == cal.Month && y.Precision == cal.Day && x.Year == y.Year && x.Month == y.Month:
		return cal.Month, true, true
	}
	return 0, false, false
}

// coarser returns the single dates that contain d: its month and its year for a day, its
// year for a month.
func coarser(d cal.Date) []when {
	switch d.Precision {
	case cal.Day:
		return []when{{start: cal.DateOf(d.Year, d.Month, 0)}, {start: cal.DateOf(d.Year, 0, 0)}}
	case cal.Month:
		return []when{{start: cal.DateOf(d.Year, 0, 0)}}
	}
	return nil
}

// chronology merges the chapters' timelines into one, in date order. An event that several
// chapters state is one entry with a statement of each: two statements are of one event
// when their dates agree (see match) and their sentences are alike enough for the date's
// precision (see likeness). Statements of one chapter are never merged: its own timeline
// has already told its events apart. The pairs of statements are merged most alike first, so
// that a statement joins the event it is likest to, and an entry never holds two
// statements of one chapter or two dates that do not agree.
func (b *Book) chronology() []Entry {
	var all []stated
	var w weights
	for ci, ch := range b.Chapters {
		seen := map[string][]string{}
		for ei, e := range ch.Doc.Timeline {
			stems, ok := seen[e.Text]
			if !ok {
				stems = content(e.Text)
				seen[e.Text] = stems
				w.add(stems)
			}
			all = append(all, stated{Statement: Statement{Chapter: ci, Event: ei, Para: e.Para},
				start: e.Start, end: e.End, stems: stems})
		}
	}
	buckets := map[when][]int{}
	for i, s := range all {
		k := when{s.start, s.end}
		buckets[k] = append(buckets[k], i)
	}
	type pair struct {
		i, j  int
		score float64
	}
	var pairs []pair
	consider := func(i, j int) {
		a, c := &all[i], &all[j]
		if a.Chapter == c.Chapter {
			return
		}
		prec, contains, ok := match(when{a.start, a.end}, when{c.start, c.end})
		if !ok || int(prec) >= len(likeness) || prec == cal.Unknown {
			return
		}
		need := likeness[prec]
		if contains {
			need.score += containing
		}
		score, shared := w.similarity(a.stems, c.stems)
		if shared >= need.shared && score >= need.score {
			pairs = append(pairs, pair{i: min(i, j), j: max(i, j), score: score})
		}
	}
	for i, s := range all {
		n := 0
		for _, j := range buckets[when{s.start, s.end}] {
			if j >= i || n == maxCompared {
				break
			}
			consider(i, j)
			n++
		}
		if !s.end.IsZero() {
			continue
		}
		for _, k := range coarser(s.start) {
			for _, j := range buckets[k] {
				if n == maxCompared {
					break
				}
				consider(i, j)
				n++
			}
		}
	}
	sort.SliceStable(pairs, func(x, y int) bool {
		if pairs[x].score != pairs[y].score {
			return pairs[x].score > pairs[y].score
		}
		if pairs[x].i != pairs[y].i {
			return pairs[x].i < pairs[y].i
		}
		return pairs[x].j < pairs[y].j
	})
	groups := newGroups(len(all))
	for _, p := range pairs {
		groups.join(p.i, p.j, func(x, y []int) bool { return mergeable(all, x, y) })
	}
	var out []Entry
	for _, members := range groups.lists() {
		e := Entry{Statements: make([]Statement, len(members))}
		for k, m := range members {
			e.Statements[k] = all[m].Statement
			if finer(all[m].start, all[members[e.Lead]].start) {
				e.Lead = k
			}
		}
		lead := all[members[e.Lead]]
		e.Start, e.End = lead.start, lead.end
		out = append(out, e)
	}
	sort.SliceStable(out, func(x, y int) bool {
		a, c := out[x], out[y]
		if k := compareDates(a.Start, c.Start); k != 0 {
			return k < 0
		}
		if k := compareDates(a.End, c.End); k != 0 {
			return k < 0
		}
		sa, sc := a.Statements[0], c.Statements[0]
		if sa.Chapter != sc.Chapter {
			return sa.Chapter < sc.Chapter
		}
		return sa.Event < sc.Event
	})
	return out
}

// mergeable reports whether two groups of statements may be one event: no chapter in both,
// and every date of one agreeing with every date of the other.
func mergeable(all []stated, x, y []int) bool {
	for _, i := range x {
		for _, j := range y {
			a, c := &all[i], &all[j]
			if a.Chapter == c.Chapter {
				return false
			}
			if _, _, ok := match(when{a.start, a.end}, when{c.start, c.end}); !ok {
				return false
			}
		}
	}
	return true
}

// finer reports whether date a is more precise than b: a day than a month, a month than a
// year.
func finer(a, b cal.Date) bool { return a.Precision < b.Precision }

// compareDates orders dates by year, month and day, a missing part first: 44 BCE (-43)
// before 1916, the year 1933 before its November, the zero date before any.
func compareDates(a, b cal.Date) int {
	switch {
	case a.IsZero() && b.IsZero():
		return 0
	case a.IsZero():
		return -1
	case b.IsZero():
		return 1
	}
	for _, d := range [][2]int{{a.Year, b.Year}, {a.Month, b.Month}, {a.Day, b.Day}} {
		if d[0] != d[1] {
			if d[0] < d[1] {
				return -1
			}
			return 1
		}
	}
	return 0
}
