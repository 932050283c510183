package timeline

import "strings"

// Deciding: which of a sentence's calendar references are dates the sentence states, and of
// what kind. The words around a reference decide (cues.go); what date each resolves to is the
// timeline's to say (resolve.go).

// mentionKind tells how a mention resolves to a date.
type mentionKind uint8

const (
	mDate    mentionKind = iota // a calendar date or range, its year written or from context
	mDecade                     // a decade: start and end years
	mRelYear                    // "the following year": the context year plus off
	mRelDay                     // "the next day": the context day plus off
)

// mention is one date phrase found in a sentence, before resolution.
type mention struct {
	kind       mentionKind
	start, end pt
	hasEnd     bool
	off        int
	weak       bool // a bare year of one to three digits
	needEra    bool // ... and it is a year only where an era is in view
	rel        bool // its year is the narrative's plus off: "in March of that year"
	ahead      bool // it looks ahead of the narrative: "who would die in 1612", "until 709"
	period     bool // it names a period rather than a point: "after 216", a decade
	judged     bool // its sentence judges what it dates (judge.go)
	s, e       int  // the phrase's byte span in the sentence
	ts, te     int  // its token span
}

// scanner finds the date mentions of one sentence.
type scanner struct {
	reader
	// bce is set in an article before the common era, where a range of unmarked years may
	// count down.
	bce   bool
	lives map[[2]int]bool // the people's (born, died) pairs, astronomical years
	out   []mention
	// lastYear is the token after the last year read, so that a list of short years
	// ("in 408, 409, and 410") keeps its cue; -1 when none.
	lastYear int
}

// scan finds every date mention of the sentence.
func (sc *scanner) scan() []mention {
	sc.out = sc.out[:0]
	sc.lastYear = -1
	for i := 0; i < len(sc.toks); {
		m, ok, next := sc.match(i)
		if ok {
			if m.kind == mDate {
				m.ahead = sc.ahead(m)
			}
			sc.out = append(sc.out, m)
		}
		if next <= i {
			next = i + 1
		}
		i = next
	}
	return sc.out
}

// match tries to read a mention that starts at token i. It returns the mention (ok false when
// there is none) and the token to go on from, past anything read that is not a date.
func (sc *scanner) match(i int) (mention, bool, int) {
	t := sc.toks[i]
	switch t.kind {
	case tkWord:
		w := sc.text[t.s:t.e]
		if m, ok, next := sc.relative(i); ok {
			return m, true, next
		}
		switch w {
		case "Ides", "Nones", "Kalends", "Calends":
			// A Roman named day: not a calendar reference of its own.
			if sc.word(i+1) == "of" {
				if m, j := sc.month(i + 2); m > 0 {
					return mention{}, false, j
				}
			}
		case "c.", "ca.", "ca", "circa", "Circa", "C.":
			if nt := sc.tok(i + 1); nt != nil && nt.kind == tkNum {
				return sc.dated(i+1, i, 0)
			}
		case "A.D.", "AD":
			if nt := sc.tok(i + 1); nt != nil && nt.kind == tkNum {
				return sc.dated(i+1, i, 1)
			}
		}
		if len(w) <= len("reigned") && lifeMarks[w] {
			// "(b. 1946)", "(r. 1894-1917)", "(fl. 1190)": a life or a reign, not an event.
			j := i + 1
			if sc.punct(j) == "." {
				j++
			}
			if nt := sc.tok(j); nt != nil && nt.kind == tkNum {
				_, _, next := sc.dated(j, j, 0)
				return mention{}, false, next
			}
		}
		if m, _ := sc.month(i); m > 0 {
			return sc.dated(i, i, 0)
		}
	case tkNum, tkOrd:
		if m, ok, next := sc.yearsLater(i); ok {
			return m, true, next
		}
		return sc.dated(i, i, 0)
	case tkDecade:
		return sc.decade(i)
	}
	return mention{}, false, i + 1
}

// relative reads "the following year", "the next day", "later that year", "that same
// year", "two years later", "a year earlier" at token i.
func (sc *scanner) relative(i int) (mention, bool, int) {
	w := sc.word(i)
	switch w {
	case "the", "The", "that", "That":
		w = strings.ToLower(w)
	default:
		return sc.yearsLater(i)
	}
	var kind mentionKind
	off, n := 0, 0
	switch w {
	case "the":
		switch sc.lw(i + 1) {
		case "following", "next":
			off = 1
		case "same":
			off = 0
		case "previous", "preceding":
			off = -1
		default:
			return mention{}, false, i
		}
		n = 3
	case "that":
		switch {
		case sc.lw(i+1) == "same":
			n = 3 // "that same year"
		case relThat[sc.lw(i-1)]:
			n = 2
		default:
			return mention{}, false, i
		}
	default:
		return mention{}, false, i
	}
	switch sc.word(i + n - 1) {
	case "year":
		kind = mRelYear
	case "day":
		kind = mRelDay
	default:
		return mention{}, false, i
	}
	return mention{kind: kind, off: off, s: sc.toks[i].s, e: sc.toks[i+n-1].e, ts: i, te: i + n}, true, i + n
}

// yearsLater reads "two years later", "a year earlier", "10 years later" at token i: a
// relative year that many years from the narrative's. An approximate count ("some twenty
// years later") is no date.
func (sc *scanner) yearsLater(i int) (mention, bool, int) {
	if u := sc.word(i + 1); u != "years" && u != "year" {
		return mention{}, false, i
	}
	n, ok := 0, false
	if t := sc.tok(i); t != nil && t.kind == tkNum && t.nd <= 3 {
		n, ok = t.val, true
	} else {
		n, ok = numberWords[sc.lw(i)]
	}
	if !ok || n == 0 || approximate[sc.lw(i-1)] {
		return mention{}, false, i
	}
	unit := sc.lw(i + 1)
	if !(unit == "years" && n > 1 || unit == "year" && n == 1) {
		return mention{}, false, i
	}
	switch sc.lw(i + 2) {
	case "later", "afterward", "afterwards":
	case "earlier":
		n = -n
	default:
		return mention{}, false, i
	}
	return mention{kind: mRelYear, off: n, s: sc.toks[i].s, e: sc.toks[i+2].e, ts: i, te: i + 3}, true, i + 3
}

// decade reads "the 1920’s", "1930s", "early 1930’s", "late 1920s". A decade that ends in
// "00" is left out: "the 1900s" may mean a century. So is "mid-1930s": unlike early (X0-X3)
// and late (X7-X9), its years have no agreed reading.
func (sc *scanner) decade(i int) (mention, bool, int) {
	t := sc.toks[i]
	if t.nd != 4 || t.val%100 == 0 || t.val < 1000 || t.val > 2090 {
		return mention{}, false, i + 1
	}
	mod, ps := sc.modifier(i)
	lo, hi := 0, 9
	switch mod {
	case "early":
		hi = 3
	case "late":
		lo = 7
	case "mid", "middle":
		return mention{}, false, i + 1
	}
	m := mention{kind: mDecade, hasEnd: true, s: sc.toks[ps].s, e: t.e, ts: ps, te: i + 1}
	m.start = pt{y: yearRef{ok: true, val: t.val + lo, nd: 4}, ts: i, te: i + 1}
	m.end = pt{y: yearRef{ok: true, val: t.val + hi, nd: 4}, ts: i, te: i + 1}
	return m, true, i + 1
}

// dated reads a date or a range whose first reference starts at token i; ps is where the
// phrase starts (a "c." or "A.D." before it) and era a marker that precedes the number.
func (sc *scanner) dated(i, ps, era int) (mention, bool, int) {
	p, j, ok := sc.point(i, false)
	if !ok {
		return mention{}, false, i + 1
	}
	if era != 0 && p.y.ok && p.y.era == 0 {
		p.y.era = era
	}
	_, ps = sc.modifier(ps)
	lead := sc.lw(ps - 1)
	m := mention{kind: mDate, start: p, s: sc.toks[ps].s, ts: ps}
	if k, isSep, dash := sc.sep(j, p, lead); isSep {
		if w := sc.lw(k); w == "early" || w == "mid" || w == "late" {
			k++
			if isDash(sc.punct(k)) && sc.glued(k) {
				k++
			}
		}
		if q, j2, ok := sc.point(k, p.d > 0); ok {
			if a, b, ok := sc.rangeOf(p, q, dash); ok {
				m.start, m.end, m.hasEnd = a, b, true
				m.te, m.e = j2, sc.toks[j2-1].e
				if sc.lifespan(ps, j2, a, b) {
					return mention{}, false, j2
				}
				if a.m == 0 && !sc.countless(i, j2, ps, lead, a.y.era != 0) {
					return mention{}, false, j2 // "1500-2000 men"
				}
				sc.lastYear = j2
				return m, true, j2
			}
		}
	}
	m.te, m.e = j, sc.toks[j-1].e
	if p.m == 0 {
		// A year alone.
		h, part := sc.partOfYear(ps)
		if part {
			lead = "in" // "the first half of 1933 studies" reads as "in 1933 studies"
		}
		switch sc.acceptYear(p, ps, lead) {
		case notYear:
			return mention{}, false, j
		case weakYear:
			m.weak = true
		case eraYear:
			m.weak, m.needEra = true, true
		}
		sc.lastYear = j
		m.period = periodLeads[lead]
		if part && !m.needEra {
			// "the first half of 1933": the months of that part of the year.
			m.start.m, m.end, m.hasEnd = h.from, m.start, true
			m.end.m = h.to
			m.s, m.ts = sc.toks[h.ps].s, h.ps
		}
		return m, true, j
	}
	if p.d == 0 && !p.y.ok && !sc.monthAlone(p, ps, lead) {
		return mention{}, false, j
	}
	if p.y.ok && !p.y.strong() {
		m.weak, m.needEra = true, p.y.nd <= 2 && !sc.shortYears
	}
	if !p.y.ok && sc.word(j) == "of" {
		// "in March of that year", "in May of the following year": a month of a relative year.
		if r, ok, next := sc.relative(j + 1); ok && r.kind == mRelYear {
			m.rel, m.off = true, r.off
			m.te, m.e = next, sc.toks[next-1].e
			return m, true, next
		}
	}
	return m, true, j
}

// yearPart is a part of a year named before it: its first and last months and the token
// the phrase starts at.
type yearPart struct{ from, to, ps int }

// partOfYear reads "first half of", "the second half of", "the third quarter of" before
// token ps, the year after "of".
func (sc *scanner) partOfYear(ps int) (yearPart, bool) {
	if sc.lw(ps-1) != "of" {
		return yearPart{}, false
	}
	part, nth := sc.lw(ps-2), ordinals[sc.lw(ps-3)]
	switch {
	case part == "half" && (nth == 1 || nth == 2):
		return yearPart{from: 6*nth - 5, to: 6 * nth, ps: ps - 3}, true
	case part == "quarter" && nth >= 1 && nth <= 4:
		return yearPart{from: 3*nth - 2, to: 3 * nth, ps: ps - 3}, true
	}
	return yearPart{}, false
}

// maxClause bounds how far back ahead looks for the clause's "would".
const maxClause = 16

// ahead reports whether the date mention m looks ahead of the narrative rather than moving
// it: in a clause of the future in the past ("Cecil, who would die in 1612, …"), or as the
// end of a span in years ("who lived until 709").
func (sc *scanner) ahead(m mention) bool {
	if m.start.m == 0 && !m.hasEnd {
		if w := sc.lw(m.ts - 1); w == "until" || w == "till" {
			return true
		}
	}
	for k := m.ts - 1; k >= 0 && k >= m.ts-maxClause; k-- {
		switch sc.punct(k) {
		case ",", ";", "(", ":", "—", "–":
			return false
		}
		if w := sc.lw(k); w == "would" || w == "was" && sc.lw(k+1) == "to" && sc.tok(k+2) != nil && sc.lowerWord(k+2) {
			return true
		}
	}
	return false
}

// sep reads the separator of a range after a first reference p: a hyphen or en dash, "to",
// "through" or "until" (after "from", or between month dates), "and" after "between".
func (sc *scanner) sep(j int, p pt, lead string) (next int, ok, dash bool) {
	if isDash(sc.punct(j)) {
		return j + 1, true, true
	}
	if sc.punct(j) == "," && lead == "from" && p.y.ok {
		j++ // "from December 30, 1916, to January 2, 1917"
	}
	switch sc.word(j) {
	case "to", "through", "until", "till", "thru":
		if lead == "from" || p.m > 0 {
			return j + 1, true, false
		}
	case "and":
		if lead == "between" {
			return j + 1, true, false
		}
	}
	return j, false, false
}

// rangeOf joins the two ends of a range: missing parts of either end come from the other
// (the year of "June 28-July 3, 1919", the month of "March 15-17", the era of
// "100-44 b.c.e."); "1916-18" ends in 1918. ok is false when the two do not make a range.
func (sc *scanner) rangeOf(p, q pt, dash bool) (pt, pt, bool) {
	if p.m == 0 && p.y.ok && p.y.era == 0 && p.y.nd <= 2 && p.y.val <= 31 && q.m > 0 && q.d > 0 && !p.y.split {
		// "1-3 July 1916", "from 1 to 3 August 1914": the first number is a day.
		p.d, p.m, p.y = p.y.val, q.m, yearRef{}
	}
	if q.m == 0 && q.d > 0 {
		if p.m == 0 || p.d == 0 {
			return p, q, false
		}
		q.m = p.m
	}
	if p.m > 0 && q.m == 0 {
		return p, q, false
	}
	borrowed := false
	switch {
	case p.y.ok && q.y.ok:
		if dash && q.y.nd == 2 && q.y.era == 0 && p.y.era == 0 && p.y.nd == 4 && p.m == 0 && q.m == 0 {
			v := p.y.val/100*100 + q.y.val
			if v <= p.y.val {
				return p, q, false
			}
			q.y.val, q.y.nd = v, 4
		}
		if sc.bce && p.y.era == 0 && q.y.era == 0 && p.y.val > q.y.val {
			// In an article before the common era, "the winter of 427-426" counts down.
			p.y.era, q.y.era = -1, -1
		}
		if p.y.era == 0 && q.y.era != 0 {
			p.y.era = q.y.era
		}
		if q.y.era == 0 && p.y.era != 0 && q.y.nd < 4 {
			q.y.era = p.y.era
		}
		if !p.y.strong() || !q.y.strong() {
			return p, q, false
		}
	case p.y.ok:
		if !p.y.strong() {
			return p, q, false
		}
		q.y = p.y
	case q.y.ok:
		if !q.y.strong() {
			return p, q, false
		}
		p.y, borrowed = q.y, true
	}
	c := compareDates(p, q)
	if c > 0 && borrowed && p.m > q.m {
		// "December 30-January 2, 1917" starts in the year before.
		if p.y.era < 0 {
			p.y.val++
		} else if p.y.val > 1 {
			p.y.val--
		} else {
			return p, q, false
		}
		c = compareDates(p, q)
	}
	if c > 0 || (c == 0 && p.precision() == q.precision()) {
		return p, q, false
	}
	return p, q, true
}

// compareDates orders two references by astronomical year (when both have one), month and
// day, missing parts first.
func compareDates(p, q pt) int {
	a := [3]int{0, p.m, p.d}
	b := [3]int{0, q.m, q.d}
	if p.y.ok && q.y.ok {
		a[0], b[0] = p.y.astro(), q.y.astro()
	}
	for k := range a {
		switch {
		case a[k] < b[k]:
			return -1
		case a[k] > b[k]:
			return 1
		}
	}
	return 0
}

// lifespan reports whether the year range between tokens ps and end is a person's life in
// parentheses: the years of a life Extract was given, or a span of a lifetime right after a
// name, as in "Franklin D. Roosevelt (1882-1945)".
func (sc *scanner) lifespan(ps, end int, a, b pt) bool {
	if a.m > 0 || b.m > 0 || sc.punct(ps-1) != "(" {
		return false
	}
	if p := sc.punct(end); p != ")" && p != ";" && p != "," {
		return false
	}
	if sc.lives[[2]int{a.y.astro(), b.y.astro()}] {
		return true
	}
	span := b.y.astro() - a.y.astro()
	if span < 15 || span > 110 {
		return false
	}
	// The name: capitalised words and initials just before the parenthesis.
	words := 0
	for k := ps - 2; k >= 0 && k >= ps-6; k-- {
		if sc.punct(k) == "." && sc.glued(k) {
			continue
		}
		if !sc.capitalized(k) {
			break
		}
		if spanNouns[sc.word(k)] {
			return false
		}
		words++
	}
	return words > 0
}

// yearClass is how sure a number read alone is to be a year.
type yearClass uint8

const (
	notYear  yearClass = iota
	isYear             // four digits, or an era marker
	weakYear           // "in 476": a year, of the era in view
	eraYear            // "in 49", "by 400": a year only where an era marker is in view
)

// acceptYear decides whether a number read alone (p, starting the phrase at token ps after
// the word lead) is a year.
func (sc *scanner) acceptYear(p pt, ps int, lead string) yearClass {
	y, i := p.y, p.ts
	if !sc.countless(i, p.te, ps, lead, y.era != 0) {
		return notYear
	}
	switch {
	case y.split:
		if y.era != 0 || splitCues[lead] {
			return isYear
		}
		return notYear
	case y.strong():
		return isYear
	case y.era != 0 || y.nd > 3:
		return notYear
	}
	listed := sc.listedAfterYear(ps)
	if sc.shortYears {
		// An article of the first millennium: after a cue, a number is a year unless it
		// counts what follows ("in 627 baptized", but "by 30 monks", "in 200 small boats").
		if (earlyCues[lead] || earlyCues[sc.lw(i-1)] || listed) && !sc.counts(p.te) {
			return weakYear
		}
		return notYear
	}
	if !sc.quietAfter(p.te) {
		return notYear
	}
	switch {
	case (weakCues[lead] || weakCues[sc.lw(i-1)] || listed) && y.nd == 3:
		return weakYear
	case weakCues[lead] || weakCues[sc.lw(i-1)] || softCues[lead] || listed:
		return eraYear
	}
	return notYear
}

// countless reports whether the numbers from token i to token next (the phrase starting at
// ps after the word lead) may be years, going by what surrounds them: not an amount
// ("$1933", "20%", "1500 men", "a population of 1800"), an identifier ("No. 1",
// "Flight 1549", "U-2") or a measure ("the 1500-mile border").
func (sc *scanner) countless(i, next, ps int, lead string, marked bool) bool {
	// What comes before the number.
	if sc.glued(i) {
		switch prev := sc.punct(i - 1); {
		case prev == "$" || prev == "£" || prev == "€" || prev == "¥" || prev == "#" ||
			prev == "§" || prev == "№" || prev == "+" || prev == "/" || prev == "×":
			return false
		case isDash(prev):
			// "mid-1930", "pre-1914" are years; "U-2", "B-52" and the second half of a
			// broken range are not.
			switch sc.lw(i - 2) {
			case "mid", "pre", "post", "early", "late":
			default:
				return false
			}
		case prev == "." || prev == ",":
			return false
		}
	}
	if numberLabels[sc.word(i-1)] || (sc.punct(i-1) == "." && numberLabels[sc.word(i-2)]) {
		return false
	}
	if countLeads[lead] || (lead == "of" && countNouns[sc.lw(ps-2)]) {
		return false
	}
	// What comes after it.
	if sc.punct(next) == "%" {
		return false
	}
	if isDash(sc.punct(next)) && sc.glued(next) && sc.glued(next+1) && sc.lowerWord(next+1) {
		return false // "the 1500-mile border"
	}
	if sc.lowerWord(next) && !marked {
		w := sc.word(next)
		if (quantityNouns[w] || plural(w)) && !yearLeads[lead] {
			return false
		}
	}
	return true
}

// listedAfterYear reports whether the phrase at token ps continues a list of years
// ("in 408, 409, and 410"): only commas, "and" and "or" since the last year read.
func (sc *scanner) listedAfterYear(ps int) bool {
	if sc.lastYear < 0 || ps <= sc.lastYear || ps-sc.lastYear > 3 {
		return false
	}
	for k := sc.lastYear; k < ps; k++ {
		if p := sc.punct(k); p != "," && sc.word(k) != "and" && sc.word(k) != "or" {
			return false
		}
	}
	return true
}

// counts reports whether what follows token i makes the number before it a count: a
// quantity word or a plural noun ("by 30 monks"), or one word more before one ("in 200
// small boats"). A number word ("In 787 three ships") begins a count of its own, and a verb
// in the past tense ("in 793 sent letters") tells that the number was a year.
func (sc *scanner) counts(i int) bool {
	if sc.countAfter(i) {
		return true
	}
	w := sc.word(i)
	if !sc.lowerWord(i) || functionWords[w] || countWords[w] || pastVerbs[w] {
		return false
	}
	return sc.lowerWord(i+1) && plural(sc.word(i+1))
}

// plural reports whether a lowercase word looks like a plural noun ("guns", "casualties").
func plural(w string) bool {
	if len(w) < 4 || functionWords[w] || !strings.HasSuffix(w, "s") {
		return false
	}
	return !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is")
}

// monthAlone decides whether a month without day or year is a date: after "in", "by",
// "until" and the like, or with "early", "mid" or "late" ("in September", "mid-October").
func (sc *scanner) monthAlone(p pt, ps int, lead string) bool {
	if ps < p.ts {
		return true // a modifier
	}
	if !monthCues[lead] {
		return false
	}
	switch lead {
	case "to", "and", "or", "of", "from", "by", "on", "after", "before", "this", "that":
		// "to June Carter", "by August Strindberg", "the Fourth of July": a name, not a date.
		if sc.capitalized(p.te) && !sc.glued(p.te) {
			return false
		}
		if lead == "of" && sc.capitalized(ps-2) {
			return false
		}
	}
	return true
}
