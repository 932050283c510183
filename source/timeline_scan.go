package source

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"galley/source/cal"
)

// yearRef is a year as written: its number, its era marker and whether it was read from an
// OCR-split form ("1 931").
type yearRef struct {
	ok    bool
	val   int
	nd    int // digits as written (4 for a split year)
	era   int // -1 before the common era, +1 CE/AD, 0 unmarked
	split bool
}

// strong reports whether the year is a year whatever surrounds it: four digits in the range
// of modern history, or any number with an era marker.
func (y yearRef) strong() bool {
	if y.era != 0 {
		return y.val >= 1 && y.nd <= 4
	}
	return y.nd == 4 && y.val >= 1000 && y.val <= 2100
}

// astro returns the astronomical year: 44 BCE is -43.
func (y yearRef) astro() int {
	if y.era < 0 {
		return 1 - y.val
	}
	return y.val
}

// pt is one calendar reference as written: any of year, month and day.
type pt struct {
	y      yearRef
	m, d   int
	ts, te int // token span [ts, te)
	noYear int // the byte end of the reference without its year ("March 5" of "March 5, 10")
}

func (p pt) precision() cal.Precision {
	switch {
	case p.d > 0:
		return cal.Day
	case p.m > 0:
		return cal.Month
	}
	return cal.Year
}

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
	weak       bool // a bare year of one to three digits: its era comes from context
	needEra    bool // ... and it is a year only where an era marker is in view
	s, e       int  // the phrase's byte span in the sentence
	ts, te     int  // its token span
}

// scanner finds the date mentions of one sentence.
type scanner struct {
	text  string
	toks  []token
	lives map[[2]int]bool // the key figures' (born, died) pairs, astronomical years
	out   []mention
	// lastYear is the token after the last year read, so that a list of short years
	// ("in 408, 409, and 410") keeps its cue; -1 when none.
	lastYear int
}

var fullMonths = map[string]int{
	"January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7,
	"August": 8, "September": 9, "October": 10, "November": 11, "December": 12,
}

var abbrMonths = map[string]int{
	"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Sept": 9,
	"Oct": 10, "Nov": 11, "Dec": 12,
}

var eraWords = map[string]int{
	"b.c.e.": -1, "b.c.e": -1, "B.C.E.": -1, "B.C.E": -1, "BCE": -1, "B.C.": -1, "B.C": -1,
	"BC": -1, "b.c.": -1, "b.c": -1,
	"c.e.": 1, "c.e": 1, "C.E.": 1, "C.E": 1, "CE": 1, "A.D.": 1, "A.D": 1, "AD": 1, "a.d.": 1,
}

// Words after which a bare month is a date: "in September", "by May", "until late July".
var monthCues = map[string]bool{
	"in": true, "on": true, "by": true, "during": true, "since": true, "until": true, "till": true,
	"before": true, "after": true, "from": true, "to": true, "through": true, "between": true,
	"of": true, "and": true, "or": true, "last": true, "next": true, "this": true, "that": true,
	"throughout": true, "around": true, "early": true, "late": true, "mid": true,
}

// Words after which a number of one to three digits may be a year ("in 476").
var weakCues = map[string]bool{
	"in": true, "since": true, "until": true, "till": true, "before": true, "after": true,
	"around": true, "c.": true, "ca.": true, "ca": true, "circa": true,
}

// Words after which a number of one to three digits is a year only where an era marker is
// in view: "by 400" in an article dated c.e., not "grew by 300".
var softCues = map[string]bool{
	"by": true, "from": true, "to": true, "of": true, "during": true, "year": true,
}

// Words after which an OCR-split number ("1 931") is a year.
var splitCues = map[string]bool{
	"in": true, "by": true, "of": true, "since": true, "until": true, "till": true, "from": true,
	"to": true, "during": true, "before": true, "after": true, "the": true, "early": true,
	"late": true, "mid": true, "around": true, "c.": true, "circa": true, "and": true,
}

// Words before a year that make a following plural noun part of the date's phrase rather
// than the counted thing: "in 1916 troops were sent", "the 1932 elections".
var yearLeads = map[string]bool{
	"in": true, "since": true, "until": true, "till": true, "by": true, "during": true,
	"before": true, "after": true, "the": true, "early": true, "late": true, "mid": true,
	"from": true, "between": true,
}

// Short words that may follow a year of one to three digits ("in 410 the city fell").
var functionWords = map[string]bool{
	"and": true, "or": true, "when": true, "the": true, "he": true, "she": true, "it": true,
	"they": true, "but": true, "as": true, "while": true, "with": true, "to": true, "at": true,
	"on": true, "in": true, "after": true, "before": true, "until": true, "a": true, "an": true,
	"his": true, "her": true, "their": true, "its": true, "this": true, "that": true,
	"which": true, "who": true, "where": true, "was": true, "were": true, "had": true,
}

// Nouns that count rather than date the number before them ("1500 men").
var quantityNouns = map[string]bool{
	"men": true, "people": true, "feet": true, "children": true, "women": true, "aircraft": true,
	"sheep": true, "cattle": true, "dead": true, "killed": true, "wounded": true, "percent": true,
	"per": true, "square": true, "cubic": true, "strong": true, "head": true, "more": true,
	"other": true, "others": true, "of": true,
}

// Words that count what follows "of": "a population of 1800" is no year.
var countNouns = map[string]bool{
	"population": true, "total": true, "force": true, "army": true, "crew": true, "fleet": true,
	"garrison": true, "band": true, "sum": true, "cost": true, "salary": true, "height": true,
	"depth": true, "altitude": true, "distance": true, "length": true, "area": true,
	"budget": true, "debt": true, "loan": true, "ransom": true, "tribute": true, "strength": true,
	"majority": true, "margin": true, "maximum": true, "minimum": true, "average": true,
	"circulation": true, "membership": true, "enrollment": true, "toll": true, "loss": true,
	"losses": true, "price": true, "speed": true, "range": true, "capacity": true,
}

// Words before a number that make it a count: "some 1500 guns".
var countLeads = map[string]bool{
	"some": true, "nearly": true, "approximately": true, "roughly": true, "almost": true,
}

// Labels before a number that make it an identifier: "No. 1", "Flight 1549".
var numberLabels = map[string]bool{
	"No": true, "no": true, "Nos": true, "nos": true, "Number": true, "number": true,
	"Vol": true, "vol": true, "Volume": true, "volume": true, "p.": true, "pp": true,
	"Page": true, "page": true, "pages": true, "Chapter": true, "chapter": true, "Flight": true,
	"flight": true, "Route": true, "route": true, "Highway": true, "highway": true,
	"Resolution": true, "Room": true, "room": true, "Box": true, "Op": true, "op": true,
	"Opus": true, "Psalm": true, "Article": true, "Section": true, "Sec": true, "Catalog": true,
	"Serial": true, "serial": true, "Plate": true, "plate": true, "Figure": true, "figure": true,
	"Fig": true, "fig": true, "Table": true, "table": true, "Interstate": true, "Item": true,
	"item": true, "Art": true, "art": true, "Ch": true, "ch": true, "Code": true, "Form": true,
	"Apollo": true, "Boeing": true, "Order": true, "Gemini": true, "Soyuz": true, "Vostok": true,
}

// Markers of a lifespan or a reign before a year: "(b. 1946)", "(r. 1894-1917)".
var lifeMarks = map[string]bool{
	"b.": true, "d.": true, "r.": true, "fl": true, "born": true, "died": true, "reigned": true,
	"ruled": true,
}

// Capitalised words before a parenthesised range that make it an event's span, not a
// person's life: "Russian Civil War (1918-1921)".
var spanNouns = map[string]bool{
	"War": true, "Wars": true, "Revolution": true, "Treaty": true, "Conference": true,
	"Crisis": true, "Era": true, "Age": true, "Period": true, "Dynasty": true, "dynasty": true,
	"Empire": true, "Kingdom": true, "Republic": true, "Union": true, "Reich": true,
	"Regime": true, "Government": true, "Administration": true, "Movement": true,
	"Rebellion": true, "Uprising": true, "Campaign": true, "Expedition": true, "Occupation": true,
	"Mandate": true, "Protectorate": true, "Colony": true, "Depression": true, "Pact": true,
	"Reconstruction": true, "Renaissance": true, "Reformation": true, "Restoration": true,
	"Reign": true, "Rule": true, "Presidency": true, "Ministry": true, "Cabinet": true,
	"Parliament": true, "Assembly": true, "Congress": true, "Council": true, "Duma": true,
	"League": true, "Party": true, "Commonwealth": true, "Confederation": true,
	"Federation": true, "Company": true, "Act": true, "Plan": true, "Program": true,
	"Deal": true, "Games": true, "Olympics": true, "Exposition": true, "Exhibition": true,
	"Festival": true, "Siege": true, "Battle": true, "Blockade": true, "Famine": true,
	"Strike": true, "Purge": true, "Terror": true, "Trial": true, "Trials": true, "Crusade": true,
	"Schism": true, "Council's": true, "Epidemic": true, "Pandemic": true, "Plague": true,
	"Offensive": true, "Airlift": true, "Embargo": true, "Crash": true, "Boom": true,
	"Sultanate": true, "Caliphate": true, "Shogunate": true, "Khanate": true, "Raj": true,
}

func (sc *scanner) tok(i int) *token {
	if i < 0 || i >= len(sc.toks) {
		return nil
	}
	return &sc.toks[i]
}

// word returns token i's text when it is a word, else "".
func (sc *scanner) word(i int) string {
	t := sc.tok(i)
	if t == nil || t.kind != tkWord {
		return ""
	}
	return sc.text[t.s:t.e]
}

func (sc *scanner) lw(i int) string { return strings.ToLower(sc.word(i)) }

// punct returns token i's text when it is punctuation, else "".
func (sc *scanner) punct(i int) string {
	t := sc.tok(i)
	if t == nil || t.kind != tkPunct {
		return ""
	}
	return sc.text[t.s:t.e]
}

// glued reports whether token i follows token i-1 with no space between.
func (sc *scanner) glued(i int) bool {
	t := sc.tok(i)
	return t != nil && i > 0 && !t.sp
}

func isDash(p string) bool {
	return p == "-" || p == "–" || p == "‐" || p == "‑" || p == "‒"
}

// capitalized reports whether token i is a word that begins with a capital.
func (sc *scanner) capitalized(i int) bool {
	w := sc.word(i)
	if w == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// lowerWord reports whether token i is a word that begins with a lowercase letter.
func (sc *scanner) lowerWord(i int) bool {
	w := sc.word(i)
	if w == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// month reads a month name at token i ("March", "Sept."), returning it and the next token.
func (sc *scanner) month(i int) (int, int) {
	w := sc.word(i)
	if len(w) < 3 || w[0] < 'A' || w[0] > 'Z' {
		return 0, i
	}
	if m := fullMonths[w]; m > 0 {
		return m, i + 1
	}
	if m := abbrMonths[w]; m > 0 && sc.punct(i+1) == "." && sc.glued(i+1) {
		return m, i + 2
	}
	return 0, i
}

// era reads an era marker at token i.
func (sc *scanner) era(i int) int {
	return eraWords[sc.word(i)]
}

// splitYear reports whether tokens i and i+1 are one year broken by a space ("1 931"),
// returning its value.
func (sc *scanner) splitYear(i int) (int, bool) {
	t, u := sc.tok(i), sc.tok(i+1)
	if t == nil || u == nil || t.kind != tkNum || u.kind != tkNum || t.nd+u.nd != 4 || t.nd > 3 {
		return 0, false
	}
	if sc.text[t.e:u.s] != " " {
		return 0, false
	}
	if c := sc.text[t.s]; c != '1' && c != '2' {
		return 0, false
	}
	v := t.val
	for k := 0; k < u.nd; k++ {
		v *= 10
	}
	v += u.val
	if v < 1000 || v > 2099 {
		return 0, false
	}
	// Not the first part of a longer run of numbers ("1 931 2"), nor a day and a count
	// ("on March 1 300 workers struck").
	if w := sc.tok(i + 2); w != nil && w.kind == tkNum && w.sp {
		return 0, false
	}
	if w := sc.word(i + 2); sc.lowerWord(i+2) && (quantityNouns[w] || plural(w)) {
		return 0, false
	}
	return v, true
}

// yearAt reads a number at token i as a year, with an era marker after it.
func (sc *scanner) yearAt(i int) (yearRef, int) {
	t := sc.tok(i)
	if t == nil || t.kind != tkNum || t.val == 0 || t.nd > 4 {
		return yearRef{}, i
	}
	y := yearRef{ok: true, val: t.val, nd: t.nd}
	next := i + 1
	if v, ok := sc.splitYear(i); ok {
		y.val, y.nd, y.split = v, 4, true
		next = i + 2
	}
	if e := sc.era(next); e != 0 {
		y.era = e
		next++
	}
	return y, next
}

// dayAt reads a day of the month at token i ("9", "1st").
func (sc *scanner) dayAt(i int) (int, int, bool) {
	t := sc.tok(i)
	if t == nil || (t.kind != tkNum && t.kind != tkOrd) || t.nd > 2 || t.val < 1 || t.val > 31 || !t.sp {
		return 0, i, false
	}
	if t.kind == tkNum {
		if sc.era(i+1) != 0 {
			return 0, i, false // "May 45 b.c.e." is a year
		}
		if _, ok := sc.splitYear(i); ok {
			return 0, i, false
		}
	}
	return t.val, i + 1, true
}

// yearSlot reads the year that may follow a month or a day: "November 16, 1933",
// "January of 1937", "April, 46 b.c.e.". A number of one to three digits without an era
// is taken only when nothing countable follows it ("March 10, 300 workers" is no year).
func (sc *scanner) yearSlot(i int) (yearRef, int, bool) {
	j := i
	if sc.punct(j) == "," || sc.word(j) == "of" {
		j++
	}
	y, k := sc.yearAt(j)
	if !y.ok {
		return yearRef{}, i, false
	}
	if y.strong() {
		return y, k, true
	}
	if y.era == 0 && y.nd <= 3 && sc.quietAfter(k) {
		return y, k, true
	}
	return yearRef{}, i, false
}

// quietAfter reports whether the token at i lets the number before it be a short year: the
// end, punctuation other than '%', a capital, or a function word.
func (sc *scanner) quietAfter(i int) bool {
	t := sc.tok(i)
	if t == nil {
		return true
	}
	switch t.kind {
	case tkPunct:
		p := sc.punct(i)
		return p != "%" && !isDash(p)
	case tkWord:
		return !sc.lowerWord(i) || functionWords[sc.word(i)]
	}
	return false
}

// point reads one calendar reference at token i: "November 16, 1933", "November 9",
// "January of 1937", "1 July 1916", "the 15th of March", "1933", "44 b.c.e.", and, when
// dayOnly is set (the end of "June 28-30"), a bare day.
func (sc *scanner) point(i int, dayOnly bool) (pt, int, bool) {
	p := pt{ts: i}
	if m, j := sc.month(i); m > 0 {
		p.m = m
		if d, k, ok := sc.dayAt(j); ok {
			p.d, j = d, k
		}
		p.noYear = sc.toks[j-1].e
		if y, k, ok := sc.yearSlot(j); ok {
			p.y, j = y, k
		}
		p.te = j
		return p, j, true
	}
	t := sc.tok(i)
	if t == nil {
		return p, i, false
	}
	if (t.kind == tkNum || t.kind == tkOrd) && t.nd <= 2 && t.val >= 1 && t.val <= 31 {
		j := i + 1
		if t.kind == tkOrd && sc.word(j) == "of" {
			j++
		}
		if m, k := sc.month(j); m > 0 && (t.kind == tkOrd || j == i+1) {
			p.d, p.m = t.val, m
			j = k
			p.noYear = sc.toks[j-1].e
			if y, k, ok := sc.yearSlot(j); ok {
				p.y, j = y, k
			}
			p.te = j
			return p, j, true
		}
		if dayOnly && sc.era(i+1) == 0 {
			p.d = t.val
			if y, k, ok := sc.yearSlot(j); ok {
				p.y, j = y, k
			}
			p.te = j
			return p, j, true
		}
	}
	if y, j := sc.yearAt(i); y.ok {
		p.y, p.te = y, j
		return p, j, true
	}
	return p, i, false
}

// modifier finds "early", "mid" or "late" before token i ("mid-October", "early 1930’s"),
// returning it and the token the phrase then starts at.
func (sc *scanner) modifier(i int) (string, int) {
	if isDash(sc.punct(i-1)) && sc.glued(i) && sc.glued(i-1) {
		if w := sc.lw(i - 2); w == "early" || w == "mid" || w == "late" {
			return w, i - 2
		}
	}
	if t := sc.tok(i); t != nil && t.sp {
		if w := sc.lw(i - 1); w == "early" || w == "mid" || w == "late" || w == "middle" {
			return w, i - 1
		}
	}
	return "", i
}

// scan finds every date mention of the sentence.
func (sc *scanner) scan() []mention {
	sc.out = sc.out[:0]
	sc.lastYear = -1
	for i := 0; i < len(sc.toks); {
		m, ok, next := sc.match(i)
		if ok {
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
		return sc.dated(i, i, 0)
	case tkDecade:
		return sc.decade(i)
	}
	return mention{}, false, i + 1
}

// relative reads "the following year", "the next day", "later that year" at token i.
func (sc *scanner) relative(i int) (mention, bool, int) {
	w := sc.word(i)
	switch w {
	case "the", "The", "that", "That":
		w = strings.ToLower(w)
	default:
		return mention{}, false, i
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
		switch sc.lw(i - 1) {
		case "in", "later", "earlier", "of", "by", "during", "throughout", "until":
		default:
			return mention{}, false, i
		}
		n = 2
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
		switch sc.acceptYear(p, ps, lead) {
		case notYear:
			return mention{}, false, j
		case weakYear:
			m.weak = true
		case eraYear:
			m.weak, m.needEra = true, true
		}
		sc.lastYear = j
		return m, true, j
	}
	if p.d == 0 && !p.y.ok && !sc.monthAlone(p, ps, lead) {
		return mention{}, false, j
	}
	if p.y.ok && !p.y.strong() {
		m.weak, m.needEra = true, p.y.nd <= 2
	}
	return m, true, j
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
// parentheses: a key figure's years, or a span of a lifetime right after a name, as in
// "Franklin D. Roosevelt (1882-1945)".
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
	case y.era != 0 || y.nd > 3 || !sc.quietAfter(p.te):
		return notYear
	}
	listed := sc.listedAfterYear(ps)
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
