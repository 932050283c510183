package source

import (
	"strconv"
	"strings"
	"unicode"

	"galley/source/cal"
)

// point is one calendar reference: any of year, month and day, with era; zero means absent.
type point struct {
	year, month, day int
	hasYear          bool
	era              int // -1 BCE, +1 CE, 0 unmarked
}

// date returns p as a calendar date of the precision its parts give.
func (p point) date() cal.Date {
	return cal.DateOf(cal.Astro(p.year, p.era < 0), p.month, p.day)
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
			// An approximate date reads as the date itself.
		case cal.MonthOf(w) > 0 && p.month == 0 && !p.hasYear:
			p.month = cal.MonthOf(w)
		case cal.EraOf(w) != 0 && p.era == 0:
			p.era = cal.EraOf(w)
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
				i+1 < len(words) && cal.MonthOf(words[i+1]) > 0:
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

// isDigits reports whether s is a run of ASCII digits.
func isDigits(s string) bool {
	n := cal.Digits(s)
	return n > 0 && n == len(s)
}

// parseDateValue reads the value of a `Date` line (or any explicit date or range) into its start
// and end. Missing parts of either end of a range come from the other end: the year and
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
		d.Start = start.date()
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
	d.Start, d.End = start.date(), end.date()
	return d, true
}
