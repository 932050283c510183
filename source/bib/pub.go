package bib

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"galley/source/cal"
)

// Facts of publication. A book's facts are one sentence, "Place: Publisher, Year.", found by
// their year: each ", YEAR." of the entry anchors a candidate, whose publisher runs back to
// the nearest ": " and whose place runs back from there to the start of the sentence. Titles
// have colons and years too ("Through German Eyes: The British and the Somme, 1916."), so the
// caller tries the candidates in order until one leaves a title before it. Every candidate
// looks back a bounded distance, so finding them all is linear in the entry.

// pubFacts is one candidate for the facts of publication.
type pubFacts struct {
	// start is where the sentence begins (at "Reprint, " when it has one); end is after its
	// closing period.
	start, end       int
	place, publisher string
	date             *DateParts
	reprint          bool
}

// Bounds of the look-back from a year: a publisher's name and a place are short.
const (
	maxPublisher   = 200
	maxPlaceTokens = 8
	maxPubTokens   = 10
)

// findPubs returns the candidates for the facts of publication in s[from:], best first:
// "Place: Publisher, Year." from the last to the first, then "Publisher, Year.", then
// "Place: Publisher." with no year.
func findPubs(s string, from int) []pubFacts {
	var colon, bare, undated []pubFacts
	for i := from; ; {
		j := strings.Index(s[i:], ", ")
		if j < 0 {
			break
		}
		p := i + j
		i = p + 2
		date, end, ok := yearAt(s, p+2)
		if !ok {
			continue
		}
		if c, ok := colonPub(s, from, p); ok {
			c.date, c.end = date, end
			colon = append(colon, c)
			continue
		}
		if c, ok := barePub(s, from, p); ok {
			c.date, c.end = date, end
			bare = append(bare, c)
		}
	}
	for i := from; ; {
		j := strings.Index(s[i:], ": ")
		if j < 0 {
			break
		}
		c := i + j
		i = c + 2
		if f, ok := undatedPub(s, from, c); ok {
			undated = append(undated, f)
		}
	}
	out := make([]pubFacts, 0, len(colon)+len(bare)+len(undated))
	for _, l := range [][]pubFacts{colon, bare, undated} {
		for k := len(l) - 1; k >= 0; k-- {
			out = append(out, l[k])
		}
	}
	return out
}

// yearAt reads the year of a publication at s[i:]: "1970", "1970-75", "1990a", "[1970]",
// "c. 1970" or "n.d.", which must end the sentence. It returns the date (nil for n.d.) and
// the index after the sentence's period.
func yearAt(s string, i int) (*DateParts, int, bool) {
	rest := s[i:]
	var date *DateParts
	n := 0
	switch {
	case strings.HasPrefix(rest, "n.d."):
		n = 4
	case strings.HasPrefix(rest, "n. d."):
		n = 5
	default:
		if strings.HasPrefix(rest, "c. ") || strings.HasPrefix(rest, "ca. ") {
			n = strings.IndexByte(rest, ' ') + 1
		}
		bracket := strings.HasPrefix(rest[n:], "[")
		if bracket {
			n++
		}
		y, ok := digitsAt(rest, n, 4)
		if !ok {
			return nil, 0, false
		}
		n += 4
		date = &DateParts{Parts: [][]int{{y}}}
		if bracket {
			if !strings.HasPrefix(rest[n:], "]") {
				return nil, 0, false
			}
			n++
		}
		if r, w := utf8.DecodeRuneInString(rest[n:]); r == '-' || r == '–' || r == '/' {
			if k := cal.Digits(rest[n+w:]); k == 2 || k == 4 {
				y2, _ := strconv.Atoi(rest[n+w : n+w+k])
				if k == 2 {
					y2 += y / 100 * 100
				}
				if y2 > y {
					date.Parts = append(date.Parts, []int{y2})
				}
				n += w + k
			}
		}
		if n < len(rest) && rest[n] >= 'a' && rest[n] <= 'z' && (n+1 == len(rest) || rest[n+1] == '.') {
			n++ // "1990a"
		}
	}
	switch {
	case n == len(rest):
		return date, len(s), true
	case rest[n] == '.' && strings.HasSuffix(rest[:n], "."):
		// "n.d." already carries the sentence's period.
		return date, i + n, true
	case rest[n] == '.' && (n+1 == len(rest) || rest[n+1] == ' '):
		return date, i + n + 1, true
	case strings.HasSuffix(rest[:n], ".") && rest[n] == ' ':
		return date, i + n, true
	}
	return nil, 0, false
}

// digitsAt reads exactly k ASCII digits at s[i:] that are not followed by another digit.
func digitsAt(s string, i, k int) (int, bool) {
	if i+k > len(s) || cal.Digits(s[i:]) != k {
		return 0, false
	}
	v, err := strconv.Atoi(s[i : i+k])
	return v, err == nil
}

// colonPub reads "Place: Publisher" that ends at s[p] (the comma before the year).
func colonPub(s string, from, p int) (pubFacts, bool) {
	lo := max(from, p-maxPublisher)
	c := strings.LastIndex(s[lo:p], ": ")
	if c < 0 {
		return pubFacts{}, false
	}
	c += lo
	publisher := s[c+2 : p]
	if !publisherShaped(publisher, false) {
		return pubFacts{}, false
	}
	f, ok := placeBefore(s, from, c)
	if !ok {
		return pubFacts{}, false
	}
	f.publisher = publisher
	return f, true
}

// placeBefore reads the place that ends at s[c] (the colon): capitalised words, particles and
// a state after a comma, back to the start of the sentence. A "Reprint, " before the place
// marks a reprint.
func placeBefore(s string, from, c int) (pubFacts, bool) {
	pos := c
	n := 0
	for {
		start := strings.LastIndexByte(s[from:pos], ' ')
		if start < 0 {
			start = from
		} else {
			start += from + 1
		}
		tok := s[start:pos]
		if n > 0 {
			switch tok {
			case "Reprint,", "Repr.,", "reprint,", "Reprinted,":
				return pubFacts{start: start, place: s[pos+1 : c], reprint: true}, true
			}
			if endsSentence(tok) {
				return pubFacts{start: pos + 1, place: s[pos+1 : c]}, true
			}
		}
		if !placeToken(tok) {
			return pubFacts{}, false
		}
		n++
		if n > maxPlaceTokens {
			return pubFacts{}, false
		}
		if start == from {
			return pubFacts{start: from, place: s[from:c]}, true
		}
		pos = start - 1
		if pos <= from || s[pos] != ' ' {
			return pubFacts{}, false
		}
	}
}

// endsSentence reports whether a token that precedes a place ends a sentence: it ends in
// sentence punctuation (or a closing quote after it), and is not a place prefix ("St.").
func endsSentence(tok string) bool {
	switch tok {
	case "St.", "Ste.", "Mt.", "Ft.", "Pt.":
		return false
	}
	t := strings.TrimRightFunc(tok, isCloser)
	return strings.HasSuffix(t, ".") || strings.HasSuffix(t, "?") || strings.HasSuffix(t, "!")
}

// placeParticles are the lowercase words of place names ("Newcastle upon Tyne", "Frankfurt
// am Main", "London and New York").
var placeParticles = map[string]bool{
	"upon": true, "on": true, "am": true, "an": true, "der": true, "de": true, "la": true,
	"le": true, "les": true, "del": true, "di": true, "do": true, "da": true, "dos": true,
	"das": true, "sur": true, "of": true, "y": true, "en": true, "im": true, "bei": true,
	"and": true, "&": true, "/": true, "et": true, "i": true,
}

// placeToken reports whether tok can be part of a place name.
func placeToken(tok string) bool {
	t := strings.TrimSuffix(tok, ",")
	if t == "" || strings.ContainsAny(t, "0123456789:;“”\"()[]") {
		return false
	}
	if placeParticles[t] {
		return true
	}
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r)
}

// publisherShaped reports whether s can be a publisher's name: it starts with a capital or a
// digit and holds no sentence boundary (initials and "Co." are fine). strict also asks for
// capitalised words only, with a few connectives, for candidates that have no colon or no
// year to confirm them.
func publisherShaped(s string, strict bool) bool {
	if noPlace(s) {
		return true
	}
	if s == "" || strings.Contains(s, ": ") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	if b, ok := nextStrong(s, 0); ok && b.End < len(s) {
		return false
	}
	if !strict {
		return true
	}
	ws := strings.Fields(s)
	if len(ws) > maxPubTokens {
		return false
	}
	for _, w := range ws {
		w = strings.TrimRight(w, ",")
		switch w {
		case "of", "and", "&", "the", "for", "de", "du", "la", "und", "y":
			continue
		}
		if strings.ContainsAny(w, "“”\"()[]") || startsLower(w) {
			return false
		}
	}
	return true
}

// noPlace reports whether s is the mark of no place or no publisher: "N.p.", "n.p.",
// "S.l.", "s.n." and the like, which name nobody.
func noPlace(s string) bool {
	switch strings.Trim(s, "[]") {
	case "N.p.", "n.p.", "N. p.", "n. p.", "N.P.", "S.l.", "s.l.", "S. l.", "s.n.", "S.n.", "s. n.":
		return true
	}
	return false
}

// barePub reads "Publisher, Year." without a place: the publisher runs back from s[p] to the
// start of its sentence.
func barePub(s string, from, p int) (pubFacts, bool) {
	lo := max(from, p-maxPublisher)
	start := lo
	for k := p - 1; k > lo; k-- {
		if s[k] == ' ' && endsSentence(tokenBefore(s, k)) && !isAbbrev(strings.TrimSuffix(tokenBefore(s, k), ".")) {
			start = k + 1
			break
		}
	}
	if start == lo && lo != from {
		return pubFacts{}, false
	}
	publisher := s[start:p]
	f := pubFacts{start: start}
	if rest, ok := strings.CutPrefix(publisher, "Reprint, "); ok {
		publisher, f.reprint = rest, true
	}
	if !publisherShaped(publisher, true) {
		return pubFacts{}, false
	}
	f.publisher = publisher
	return f, true
}

// undatedPub reads "Place: Publisher." with no year, the colon at s[c].
func undatedPub(s string, from, c int) (pubFacts, bool) {
	// The look-ahead is bounded so that a line of colons stays linear.
	window := s[:min(len(s), c+2+maxPublisher)]
	b, ok := nextStrong(window, c+2)
	if !ok || (b.End == len(window) && len(window) < len(s)) {
		return pubFacts{}, false
	}
	publisher := strings.TrimSuffix(s[c+2:b.End], ".")
	if !strings.HasSuffix(s[:b.End], ".") || !publisherShaped(publisher, true) {
		return pubFacts{}, false
	}
	f, ok := placeBefore(s, from, c)
	if !ok {
		return pubFacts{}, false
	}
	f.publisher, f.end = publisher, b.End
	return f, true
}

// A journal article's details after its quoted title: "Journal 12, no. 3 (1990): 45-67."
// (volume, issue and pages each optional), or a magazine's or newspaper's "Name, November 17,
// 1933, 12."
var (
	journalRE = cal.Lazy(`^([^()]+?)(?:,? (?:[Vv]ol\. ?)?(\d+[A-Za-z]?|[IVXLC]+))?` +
		`(?:,? (?:[Nn]o|[Nn]os|[Ii]ss|[Ii]ssue|[Nn]r)\.? ?([0-9A-Za-z][0-9A-Za-z\-–/]*))?,? \(([^()]{0,40})\)` +
		`(?:(?::|,) ((?:pp?\. )?[^.()]{1,40}?))?(?:\.(?: |$)|$)`)
	periodicalRE = cal.Lazy(`^([^,()]+?), ((?:\d{1,2} )?\p{Lu}\p{Ll}+\.?(?: \d{1,2})?,? \d{4})` +
		`(?:, ((?:pp?\. )?[0-9A-Za-z][0-9A-Za-z\-–, ]{0,30}?))?(?:\.(?: |$)|$)`)
	yearInRE = cal.Lazy(`\b(\d{4})\b`)
	// undatedRE is a journal article's details with no date at all, which an entry that
	// lacks its year still gives: "Slavic Review 12, no. 3: 45-67.", "Peritia 9: 101-130.",
	// "Recusant History, no. 41: 233-251." A volume or an issue and the pages are required,
	// so that no book's facts read as a journal's.
	undatedRE = cal.Lazy(`^(\p{Lu}[^():,]*?)(?:,? (?:[Vv]ol\. ?)?(\d+[A-Za-z]?|[IVXLC]+))?` +
		`(?:,? (?:[Nn]o|[Nn]os|[Ii]ss|[Ii]ssue|[Nn]r)\.? ?(\d[0-9A-Za-z\-–/]*))?` +
		`(?::|,) ((?:pp?\. )?\d+(?:[-–]\d+)?)(?:\.(?: |$)|$)`)
)

// periodical is a journal article's details.
type periodical struct {
	container, volume, issue, page string
	date                           *DateParts
	end                            int
}

// parsePeriodical reads the details of a journal, magazine or newspaper article at s[i:]; a
// journal's may come without a date, and then the article has none.
func parsePeriodical(s string, i int) (periodical, bool) {
	rest := s[i:]
	if m := journalRE().FindStringSubmatchIndex(rest); m != nil {
		g := func(k int) string {
			if m[2*k] < 0 {
				return ""
			}
			return rest[m[2*k]:m[2*k+1]]
		}
		date := dateIn(g(4))
		if date != nil {
			return periodical{container: strings.TrimSpace(strings.TrimSuffix(g(1), ",")), volume: g(2),
				issue: g(3), page: strings.TrimPrefix(strings.TrimPrefix(g(5), "pp. "), "p. "), date: date,
				end: i + m[1]}, true
		}
	}
	if m := periodicalRE().FindStringSubmatchIndex(rest); m != nil {
		date := dateIn(rest[m[4]:m[5]])
		if date != nil && len(date.Parts[0]) > 1 {
			p := periodical{container: rest[m[2]:m[3]], date: date, end: i + m[1]}
			if m[6] >= 0 {
				p.page = strings.TrimPrefix(strings.TrimPrefix(rest[m[6]:m[7]], "pp. "), "p. ")
			}
			return p, true
		}
	}
	if m := undatedRE().FindStringSubmatchIndex(rest); m != nil && (m[4] >= 0 || m[6] >= 0) {
		g := func(k int) string {
			if m[2*k] < 0 {
				return ""
			}
			return rest[m[2*k]:m[2*k+1]]
		}
		return periodical{container: strings.TrimSpace(g(1)), volume: g(2), issue: g(3),
			page: strings.TrimPrefix(strings.TrimPrefix(g(4), "pp. "), "p. "), end: i + m[1]}, true
	}
	return periodical{}, false
}

// dateIn reads the year, and a month and day when given, of a periodical's date
// ("1974", "Spring 1986", "March 1990", "November 17, 1933", "17 November 1933").
func dateIn(s string) *DateParts {
	m := yearInRE().FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	y, _ := strconv.Atoi(m[1])
	parts := []int{y}
	month, day := 0, 0
	for _, w := range strings.Fields(s) {
		w = strings.TrimRight(w, ",")
		if mo := cal.MonthOf(w); mo > 0 {
			month = mo
		} else if mo := cal.MonthOf(w + "."); mo > 0 && len(w) > 2 {
			month = mo
		} else if d, err := strconv.Atoi(w); err == nil && d >= 1 && d <= 31 {
			day = d
		}
	}
	if month > 0 {
		parts = append(parts, month)
		if day > 0 {
			parts = append(parts, day)
		}
	}
	return &DateParts{Parts: [][]int{parts}}
}
