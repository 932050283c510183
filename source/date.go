package source

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// Precisions of a date, from finest to coarsest.
const (
	PrecisionDay    = "day"
	PrecisionMonth  = "month"
	PrecisionYear   = "year"
	PrecisionDecade = "decade"
)

var monthNames = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan.": 1, "feb.": 2, "mar.": 3, "apr.": 4, "jun.": 6, "jul.": 7, "aug.": 8,
	"sept.": 9, "sep.": 9, "oct.": 10, "nov.": 11, "dec.": 12,
}

// monthOf returns the month number of a month name (or abbreviation with its period).
func monthOf(word string) int {
	return monthNames[strings.ToLower(word)]
}

// eraOf reads an era marker: -1 before the common era, +1 for CE/AD, 0 when word is none.
func eraOf(word string) int {
	w := strings.ToLower(strings.TrimRight(word, ",;"))
	switch w {
	case "b.c.e.", "bce", "b.c.", "bc", "b.c.e", "b.c":
		return -1
	case "c.e.", "ce", "a.d.", "ad", "c.e", "a.d":
		return 1
	}
	return 0
}

// point is one calendar reference: any of year, month and day, with era; zero means absent.
type point struct {
	year, month, day int
	hasYear          bool
	era              int // -1 BCE, +1 CE, 0 unmarked
	approx           bool
}

// ISOYear formats a year in ISO 8601 astronomical numbering: 44 BCE is "-0043".
func ISOYear(year int, bce bool) string {
	if bce {
		year = 1 - year
	}
	if year < 0 {
		return fmt.Sprintf("-%04d", -year)
	}
	return fmt.Sprintf("%04d", year)
}

// iso formats p as an ISO 8601 date of its own precision.
func (p point) iso() string {
	s := ISOYear(p.year, p.era < 0)
	if p.month > 0 {
		s += fmt.Sprintf("-%02d", p.month)
		if p.day > 0 {
			s += fmt.Sprintf("-%02d", p.day)
		}
	}
	return s
}

func (p point) precision() string {
	switch {
	case p.day > 0:
		return PrecisionDay
	case p.month > 0:
		return PrecisionMonth
	}
	return PrecisionYear
}

// dateWords splits a date value into words, with range dashes as words of their own and commas
// dropped: "June 28-July 3, 1919" gives June 28 - July 3 1919.
func dateWords(s string) []string {
	var words []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			words = append(words, cur.String())
			cur.Reset()
		}
	}
	for _, r := range s {
		switch {
		case r == '-' || r == '–' || r == '—':
			flush()
			words = append(words, "-")
		case r == ',' || unicode.IsSpace(r):
			flush()
		default:
			cur.WriteRune(r)
		}
	}
	flush()
	// "to" and "until" join a range like a dash.
	for i, w := range words {
		if lw := strings.ToLower(w); lw == "to" || lw == "until" || lw == "through" {
			words[i] = "-"
		}
	}
	return words
}

// parsePoint reads one calendar reference from words; ok is false when a word is not part of
// a date.
func parsePoint(words []string) (p point, ok bool) {
	if len(words) == 0 {
		return p, false
	}
	for i := 0; i < len(words); i++ {
		w := words[i]
		lw := strings.ToLower(w)
		switch {
		case lw == "c." || lw == "ca." || lw == "circa" || lw == "about":
			p.approx = true
		case monthOf(w) > 0 && p.month == 0 && !p.hasYear:
			p.month = monthOf(w)
		case eraOf(w) != 0 && p.era == 0:
			p.era = eraOf(w)
		case isDigits(w) && len(w) <= 4:
			n, _ := strconv.Atoi(w)
			switch {
			case p.month > 0 && p.day == 0 && !p.hasYear && len(w) <= 2 && n >= 1 && n <= 31 &&
				i+1 < len(words) && isDigits(words[i+1]):
				p.day = n // "November 16 1933"
			case p.month > 0 && p.day == 0 && !p.hasYear && len(w) <= 2 && n >= 1 && n <= 31 &&
				(i+1 == len(words)):
				p.day = n // "July 3" (year from the other end of a range)
			case p.month == 0 && p.day == 0 && !p.hasYear && len(w) <= 2 && n >= 1 && n <= 31 &&
				i+1 < len(words) && monthOf(words[i+1]) > 0:
				p.day = n // "1 July 1916"
			case p.month == 0 && p.day == 0 && !p.hasYear && len(w) <= 2 && n >= 1 && n <= 31 &&
				i+1 < len(words) && isDigits(words[i+1]):
				p.day = n // "17, 1917" (month from the other end of a range)
			case !p.hasYear:
				p.year, p.hasYear = n, true
			default:
				return p, false
			}
		default:
			return p, false
		}
	}
	return p, p.hasYear || p.month > 0 || p.day > 0
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// parseDateValue reads the value of a `Date` line (or any explicit date or range) into its ISO
// start and end. Missing parts of either end of a range come from the other end: the year and
// era of "June 28-July 3, 1919", the month of "March 15-17, 1917".
func parseDateValue(text string) (*Date, bool) {
	words := dateWords(text)
	var left, right []string
	dash := -1
	for i, w := range words {
		if w == "-" {
			if dash >= 0 {
				return nil, false
			}
			dash = i
		}
	}
	if dash >= 0 {
		left, right = words[:dash], words[dash+1:]
	} else {
		left = words
	}
	start, ok := parsePoint(left)
	if !ok {
		return nil, false
	}
	d := &Date{Text: text}
	if dash < 0 {
		if !start.hasYear {
			return nil, false
		}
		if start.era == 0 && start.year == 0 {
			return nil, false
		}
		d.Start, d.Precision = start.iso(), start.precision()
		return d, true
	}
	end, ok := parsePoint(right)
	if !ok {
		return nil, false
	}
	if end.month == 0 && end.day > 0 {
		end.month = start.month
	}
	if !end.hasYear && !start.hasYear {
		return nil, false
	}
	if !end.hasYear {
		end.year, end.hasYear = start.year, true
		if end.era == 0 {
			end.era = start.era
		}
	}
	if !start.hasYear {
		start.year, start.hasYear = end.year, true
	}
	if start.era == 0 {
		start.era = end.era
	}
	if end.day > 0 && end.month == 0 {
		return nil, false
	}
	d.Start, d.End, d.Precision = start.iso(), end.iso(), start.precision()
	return d, true
}

// isoAstro formats an astronomical year, with month and day when they are not zero, as an
// ISO 8601 date: isoAstro(-43, 3, 15) is "-0043-03-15", isoAstro(410, 0, 0) is "0410".
func isoAstro(y, m, d int) string {
	b := make([]byte, 0, 11)
	if y < 0 {
		b = append(b, '-')
		y = -y
	}
	b = appendPadded(b, y, 4)
	if m > 0 {
		b = appendPadded(append(b, '-'), m, 2)
		if d > 0 {
			b = appendPadded(append(b, '-'), d, 2)
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
