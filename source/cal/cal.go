// Package cal is what galley's readers share about dates as articles write them: the
// calendar Date the document model carries, month names and era markers, runs of digits, and
// Lazy, the patterns the readers match compiled on first use.
//
// It imports nothing of galley's: the article parser, the bibliography reader and the
// timeline extractor all stand on it, and the renderers name months with it.
package cal

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// Precision says which parts of a Date are known.
type Precision uint8

// Precisions, from none to coarsest. A Date of precision Decade holds the decade's first or
// last year.
const (
	Unknown Precision = iota
	Day
	Month
	Year
	Decade
)

var precisionNames = [...]string{Unknown: "", Day: "day", Month: "month", Year: "year", Decade: "decade"}

// String returns the precision's name: "day", "month", "year", "decade", or "" for Unknown.
func (p Precision) String() string {
	if int(p) < len(precisionNames) {
		return precisionNames[p]
	}
	return ""
}

// Date is a calendar date of some precision: a day, a month, a year or a decade. Year is
// astronomical, as ISO 8601 numbers years: 1 BCE is 0 and 44 BCE is -43. Month and Day are 0
// when absent. The zero Date, of precision Unknown, is no date at all.
type Date struct {
	Year      int
	Month     int
	Day       int
	Precision Precision
}

// DateOf returns the date of an astronomical year, a month (0 when absent) and a day (0 when
// absent), of the precision its parts give. A day without a month is dropped.
func DateOf(year, month, day int) Date {
	switch {
	case month == 0:
		return Date{Year: year, Precision: Year}
	case day == 0:
		return Date{Year: year, Month: month, Precision: Month}
	}
	return Date{Year: year, Month: month, Day: day, Precision: Day}
}

// Astro returns the astronomical number of a year written with its era: Astro(44, true) is
// -43, Astro(1933, false) is 1933.
func Astro(year int, bce bool) int {
	if bce {
		return 1 - year
	}
	return year
}

// IsZero reports whether d is no date.
func (d Date) IsZero() bool { return d.Precision == Unknown }

// ISO returns d in ISO 8601 with the parts it has: "1933-11-16", "1933-11", "1933", "-0043"
// for 44 BCE; "" for the zero Date. A decade is written as its year.
func (d Date) ISO() string {
	if d.IsZero() {
		return ""
	}
	b := make([]byte, 0, 11)
	y := d.Year
	if y < 0 {
		b = append(b, '-')
		y = -y
	}
	b = appendPadded(b, y, 4)
	if d.Month > 0 {
		b = appendPadded(append(b, '-'), d.Month, 2)
		if d.Day > 0 {
			b = appendPadded(append(b, '-'), d.Day, 2)
		}
	}
	return string(b)
}

// appendPadded appends n in decimal, zero-padded to width digits.
func appendPadded(b []byte, n, width int) []byte {
	s := strconv.Itoa(n)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// months are the month names and the abbreviations articles and bibliographies write of them,
// in the calendar's order.
var months = [12]struct {
	name  string
	abbrs []string
}{
	{"January", []string{"Jan"}}, {"February", []string{"Feb"}}, {"March", []string{"Mar"}},
	{"April", []string{"Apr"}}, {"May", nil}, {"June", []string{"Jun"}}, {"July", []string{"Jul"}},
	{"August", []string{"Aug"}}, {"September", []string{"Sept", "Sep"}},
	{"October", []string{"Oct"}}, {"November", []string{"Nov"}}, {"December", []string{"Dec"}},
}

// monthWords maps the lowercased names and abbreviations, with their period, to month
// numbers; capitalised maps the names and abbreviations as written, without the period, to
// month numbers, negative for an abbreviation.
var monthWords, capitalised = func() (map[string]int, map[string]int) {
	lower, caps := map[string]int{}, map[string]int{}
	for i, m := range months {
		lower[strings.ToLower(m.name)], caps[m.name] = i+1, i+1
		for _, a := range m.abbrs {
			lower[strings.ToLower(a)+"."], caps[a] = i+1, -(i + 1)
		}
	}
	return lower, caps
}()

// MonthName returns the English name of month m (1 is "January"), or "" when m is no month.
func MonthName(m int) string {
	if m < 1 || m > 12 {
		return ""
	}
	return months[m-1].name
}

// MonthOf returns the number of the month a word names, in any case: a full name ("March")
// or an abbreviation with its period ("Sept."). It returns 0 when the word names none.
func MonthOf(word string) int {
	return monthWords[strings.ToLower(word)]
}

// MonthWord reads a month as running text capitalises it: its name ("March"), or an
// abbreviation ("Sept") that the caller must find its period after, which abbr reports. It
// returns 0 for any other word, "march" and "MARCH" included.
func MonthWord(word string) (month int, abbr bool) {
	m := capitalised[word]
	if m < 0 {
		return -m, true
	}
	return m, false
}

// EraOf reads an era marker, in any case and with or without its periods or a trailing comma
// or semicolon: -1 for "b.c.e." or "BC", +1 for "c.e." or "A.D.", 0 when word is none.
func EraOf(word string) int {
	switch strings.ToLower(strings.TrimRight(word, ",;")) {
	case "b.c.e.", "bce", "b.c.", "bc", "b.c.e", "b.c":
		return -1
	case "c.e.", "ce", "a.d.", "ad", "c.e", "a.d":
		return 1
	}
	return 0
}

// Digits returns the number of ASCII digits at the start of s.
func Digits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// Lazy returns a function that compiles pattern on its first call and returns the same
// compiled expression ever after. The readers' larger patterns (the bibliography's, the
// lifespans') take a fraction of a millisecond and a few hundred kilobytes to compile: a
// process pays for them when it first reads text that needs them, not when it starts.
func Lazy(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}
