package timeline

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"galley/source/cal"
)

// Reading: the forms a calendar reference takes in one sentence's tokens (a month name, a day,
// a year with its era, a date made of them), read at a given token. Whether the sentence
// states a date there is the scanner's to decide (scan.go).

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
func (y yearRef) astro() int { return cal.Astro(y.val, y.era < 0) }

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

// reader reads the tokens of one sentence.
type reader struct {
	text string
	// low is text lowercased, made when a capitalised word is first asked for in lowercase,
	// and kept when that keeps every byte offset (as for ASCII): the words the scanner
	// compares in lowercase are read from it without an allocation each.
	low     string
	lowDone bool
	toks    []token
	// shortYears is set in an article of the first millennium: a number of one to three
	// digits after a month is its year unless it counts something ("in March of 597 landed").
	shortYears bool
}

// eraWords are the era markers as running text writes them, in capitals or with periods:
// lowercase "ad", "bc" and "ce" are words there, though a Date line may write them so (see
// cal.EraOf).
var eraWords = map[string]int{
	"b.c.e.": -1, "b.c.e": -1, "B.C.E.": -1, "B.C.E": -1, "BCE": -1, "B.C.": -1, "B.C": -1,
	"BC": -1, "b.c.": -1, "b.c": -1,
	"c.e.": 1, "c.e": 1, "C.E.": 1, "C.E": 1, "CE": 1, "A.D.": 1, "A.D": 1, "AD": 1, "a.d.": 1,
}

// tok returns token i, or nil past either end.
func (rd *reader) tok(i int) *token {
	if i < 0 || i >= len(rd.toks) {
		return nil
	}
	return &rd.toks[i]
}

// word returns token i's text when it is a word, else "".
func (rd *reader) word(i int) string {
	t := rd.tok(i)
	if t == nil || t.kind != tkWord {
		return ""
	}
	return rd.text[t.s:t.e]
}

// lw returns token i's text lowercased when it is a word, else "".
func (rd *reader) lw(i int) string {
	t := rd.tok(i)
	if t == nil || t.kind != tkWord {
		return ""
	}
	w := rd.text[t.s:t.e]
	if !hasUpper(w) {
		return w
	}
	if !rd.lowDone {
		rd.low, rd.lowDone = strings.ToLower(rd.text), true
		if len(rd.low) != len(rd.text) {
			rd.low = ""
		}
	}
	if rd.low != "" {
		return rd.low[t.s:t.e]
	}
	return strings.ToLower(w)
}

// hasUpper reports whether w may have a capital: an ASCII capital or any byte beyond ASCII.
func hasUpper(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return true
		}
	}
	return false
}

// read sets the sentence the reader reads, and its tokens.
func (rd *reader) read(text string) {
	rd.text, rd.low, rd.lowDone = text, "", false
	rd.toks = tokenize(text, rd.toks)
}

// punct returns token i's text when it is punctuation, else "".
func (rd *reader) punct(i int) string {
	t := rd.tok(i)
	if t == nil || t.kind != tkPunct {
		return ""
	}
	return rd.text[t.s:t.e]
}

// glued reports whether token i follows token i-1 with no space between.
func (rd *reader) glued(i int) bool {
	t := rd.tok(i)
	return t != nil && i > 0 && !t.sp
}

// isDash reports whether p is a hyphen or a dash that joins a range.
func isDash(p string) bool {
	return p == "-" || p == "–" || p == "‐" || p == "‑" || p == "‒"
}

// capitalized reports whether token i is a word that begins with a capital.
func (rd *reader) capitalized(i int) bool {
	w := rd.word(i)
	if w == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// lowerWord reports whether token i is a word that begins with a lowercase letter.
func (rd *reader) lowerWord(i int) bool {
	w := rd.word(i)
	if w == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// month reads a month name at token i ("March", "Sept."), returning it and the next token.
func (rd *reader) month(i int) (int, int) {
	w := rd.word(i)
	if len(w) < 3 || w[0] < 'A' || w[0] > 'Z' {
		return 0, i
	}
	switch m, abbr := cal.MonthWord(w); {
	case m > 0 && !abbr:
		return m, i + 1
	case m > 0 && rd.punct(i+1) == "." && rd.glued(i+1):
		return m, i + 2
	}
	return 0, i
}

// era reads an era marker at token i.
func (rd *reader) era(i int) int {
	return eraWords[rd.word(i)]
}

// splitYear reports whether tokens i and i+1 are one year broken by a space ("1 931"),
// returning its value.
func (rd *reader) splitYear(i int) (int, bool) {
	t, u := rd.tok(i), rd.tok(i+1)
	if t == nil || u == nil || t.kind != tkNum || u.kind != tkNum || t.nd+u.nd != 4 || t.nd > 3 {
		return 0, false
	}
	if rd.text[t.e:u.s] != " " {
		return 0, false
	}
	if c := rd.text[t.s]; c != '1' && c != '2' {
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
	if w := rd.tok(i + 2); w != nil && w.kind == tkNum && w.sp {
		return 0, false
	}
	if w := rd.word(i + 2); rd.lowerWord(i+2) && (quantityNouns[w] || plural(w)) {
		return 0, false
	}
	return v, true
}

// yearAt reads a number at token i as a year, with an era marker after it.
func (rd *reader) yearAt(i int) (yearRef, int) {
	t := rd.tok(i)
	if t == nil || t.kind != tkNum || t.val == 0 || t.nd > 4 {
		return yearRef{}, i
	}
	y := yearRef{ok: true, val: t.val, nd: t.nd}
	next := i + 1
	if v, ok := rd.splitYear(i); ok {
		y.val, y.nd, y.split = v, 4, true
		next = i + 2
	}
	if e := rd.era(next); e != 0 {
		y.era = e
		next++
	}
	return y, next
}

// dayAt reads a day of the month at token i ("9", "1st").
func (rd *reader) dayAt(i int) (int, int, bool) {
	t := rd.tok(i)
	if t == nil || (t.kind != tkNum && t.kind != tkOrd) || t.nd > 2 || t.val < 1 || t.val > 31 || !t.sp {
		return 0, i, false
	}
	if t.kind == tkNum {
		if rd.era(i+1) != 0 {
			return 0, i, false // "May 45 b.c.e." is a year
		}
		if _, ok := rd.splitYear(i); ok {
			return 0, i, false
		}
	}
	return t.val, i + 1, true
}

// yearSlot reads the year that may follow a month or a day: "November 16, 1933",
// "January of 1937", "April, 46 b.c.e.". A number of one to three digits without an era
// is taken only when nothing countable follows it ("March 10, 300 workers" is no year).
func (rd *reader) yearSlot(i int) (yearRef, int, bool) {
	j := i
	if rd.punct(j) == "," || rd.word(j) == "of" {
		j++
	}
	y, k := rd.yearAt(j)
	if !y.ok {
		return yearRef{}, i, false
	}
	if y.strong() {
		return y, k, true
	}
	if y.era == 0 && y.nd <= 3 && (rd.quietAfter(k) || rd.shortYears && !rd.countAfter(k)) {
		return y, k, true
	}
	return yearRef{}, i, false
}

// countAfter reports whether the token at i makes the number before it a count: a quantity
// word or a plural noun ("March 10, 300 workers").
func (rd *reader) countAfter(i int) bool {
	w := rd.word(i)
	return rd.lowerWord(i) && (quantityNouns[w] || plural(w))
}

// quietAfter reports whether the token at i lets the number before it be a short year: the
// end, punctuation other than '%', a capital, or a function word.
func (rd *reader) quietAfter(i int) bool {
	t := rd.tok(i)
	if t == nil {
		return true
	}
	switch t.kind {
	case tkPunct:
		p := rd.punct(i)
		return p != "%" && !isDash(p)
	case tkWord:
		return !rd.lowerWord(i) || functionWords[rd.word(i)]
	}
	return false
}

// point reads one calendar reference at token i: "November 16, 1933", "November 9",
// "January of 1937", "1 July 1916", "the 15th of March", "1933", "44 b.c.e.", and, when
// dayOnly is set (the end of "June 28-30"), a bare day.
func (rd *reader) point(i int, dayOnly bool) (pt, int, bool) {
	p := pt{ts: i}
	if m, j := rd.month(i); m > 0 {
		p.m = m
		if d, k, ok := rd.dayAt(j); ok {
			p.d, j = d, k
		}
		p.noYear = rd.toks[j-1].e
		if y, k, ok := rd.yearSlot(j); ok {
			p.y, j = y, k
		}
		p.te = j
		return p, j, true
	}
	t := rd.tok(i)
	if t == nil {
		return p, i, false
	}
	if (t.kind == tkNum || t.kind == tkOrd) && t.nd <= 2 && t.val >= 1 && t.val <= 31 {
		j := i + 1
		if t.kind == tkOrd && rd.word(j) == "of" {
			j++
		}
		if m, k := rd.month(j); m > 0 && (t.kind == tkOrd || j == i+1) {
			p.d, p.m = t.val, m
			j = k
			p.noYear = rd.toks[j-1].e
			if y, k, ok := rd.yearSlot(j); ok {
				p.y, j = y, k
			}
			p.te = j
			return p, j, true
		}
		if dayOnly && rd.era(i+1) == 0 {
			p.d = t.val
			if y, k, ok := rd.yearSlot(j); ok {
				p.y, j = y, k
			}
			p.te = j
			return p, j, true
		}
	}
	if y, j := rd.yearAt(i); y.ok {
		p.y, p.te = y, j
		return p, j, true
	}
	return p, i, false
}

// modifier finds "early", "mid" or "late" before token i ("mid-October", "early 1930’s"),
// returning it and the token the phrase then starts at.
func (rd *reader) modifier(i int) (string, int) {
	if isDash(rd.punct(i-1)) && rd.glued(i) && rd.glued(i-1) {
		if w := rd.lw(i - 2); w == "early" || w == "mid" || w == "late" {
			return w, i - 2
		}
	}
	if t := rd.tok(i); t != nil && t.sp {
		if w := rd.lw(i - 1); w == "early" || w == "mid" || w == "late" || w == "middle" {
			return w, i - 1
		}
	}
	return "", i
}
