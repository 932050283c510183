package cite

import (
	"strings"

	"galley/source/bib"
	"galley/source/cal"
)

// Chicago's bibliography entries (CMOS 17, chapter 14):
//
//	Ramsey, John T., and A. Lewis Licht. *The Comet of 44 B.C.* Atlanta: Scholars Press, 1997.
//	Gelzer, Matthias. *Caesar*. Translated by Peter Needham. Cambridge, MA: Harvard University Press, 1968.
//	Syme, Ronald. *The Roman Revolution*. 1939. Reprint, Oxford: Oxford University Press, 2002.
//	Horsfall, Nicholas. “The Ides of March.” *Greece & Rome* 21, no. 2 (1974): 191–99.
//	Smith, S. A. “Petrograd in 1917.” In *The Workers’ Revolution*, edited by Daniel H. Kaiser, 59–79. Cambridge: ...
//
// The first name is inverted, the others are not (14.76); more than ten authors are cut to
// seven and "et al." (14.76); a repeated name becomes a 3-em dash (14.67); US states are
// postal codes (14.130); page ranges are abbreviated (9.61).

// chicagoDash replaces the names of an entry whose creators repeat the previous entry's.
const chicagoDash = "———"

func chicago(it *bib.Item, repeat bool) []Run {
	var b builder
	names, role := creators(it, true)
	if len(names) > 0 {
		if repeat {
			b.roman(chicagoDash)
		} else {
			b.roman(chicagoNames(names))
		}
		switch role {
		case "editor":
			b.roman(plural(len(names), ", ed.", ", eds."))
		case "editor+translator":
			b.roman(plural(len(names), ", ed. and trans.", ", eds. and trans."))
		case "translator":
			b.roman(", trans.")
		}
		b.stop()
		b.roman(" ")
	}
	switch it.Type {
	case "article-journal":
		chicagoArticle(&b, it)
		return b.runs
	case "chapter":
		b.roman(quoted(it.Title, "."))
		b.roman(" In ")
		b.italic(it.ContainerTitle)
		if len(it.Editor) > 0 {
			b.roman(", " + contributorsPhrase(it.Editor, it.Translator, directList))
		} else if len(it.Translator) > 0 {
			b.roman(", translated by " + directList(it.Translator))
		}
		if it.Page != "" {
			b.roman(", " + chicagoPages(it.Page))
		}
		b.stop()
	default:
		if it.Title != "" {
			b.italic(it.Title)
			b.stop()
		}
		if c := chicagoContributors(it, role); c != "" {
			b.roman(" " + c)
			b.stop()
		}
	}
	if e := edition(it.Edition); e != "" {
		b.roman(" " + e)
	}
	if it.Volume != "" && it.Type != "article-journal" {
		b.roman(" Vol. " + it.Volume + ".")
	}
	o := year(it.OriginalDate)
	if o != "" {
		b.roman(" " + o + ". Reprint,")
	}
	if facts := chicagoFacts(it); facts != "" {
		if o == "" {
			facts = capitalize(facts) // "N.d." opens its sentence
		}
		b.roman(" " + facts)
	}
	b.stop()
	return trimRuns(b.runs)
}

// chicagoArticle writes a periodical article after its creators.
func chicagoArticle(b *builder, it *bib.Item) {
	b.roman(quoted(it.Title, "."))
	b.roman(" ")
	b.italic(it.ContainerTitle)
	month, day := monthDay(it.Issued)
	if it.Volume == "" && it.Issue == "" && month > 0 {
		// Magazines and newspapers: "Time, March 5, 1990, 12."
		d := cal.MonthName(month) + " " + year(it.Issued)
		if day > 0 {
			d = cal.MonthName(month) + " " + itoa(day) + ", " + year(it.Issued)
		}
		b.roman(", " + d)
		if it.Page != "" {
			b.roman(", " + chicagoPages(it.Page))
		}
		b.stop()
		return
	}
	if it.Volume != "" {
		b.roman(" " + it.Volume)
	}
	if it.Issue != "" {
		b.roman(", no. " + it.Issue)
	}
	d := year(it.Issued)
	if month > 0 {
		d = cal.MonthName(month) + " " + d
	}
	if d == "" {
		d = "n.d."
	}
	b.roman(" (" + d + ")")
	if it.Page != "" {
		b.roman(": " + chicagoPages(it.Page))
	}
	b.stop()
}

// chicagoContributors writes the sentence naming a book's editors and translators when they
// are not its head: "Edited by X", "Translated by Y", "Edited and translated by X".
func chicagoContributors(it *bib.Item, role string) string {
	var eds, trs []bib.Name
	switch role {
	case "author":
		eds, trs = it.Editor, it.Translator
	case "editor":
		trs = it.Translator
	case "translator":
		eds = it.Editor
	case "editor+translator":
		return ""
	default:
		eds, trs = it.Editor, it.Translator
	}
	if len(eds) == 0 && len(trs) == 0 {
		return ""
	}
	return capitalize(contributorsPhrase(eds, trs, directList))
}

// contributorsPhrase writes "edited by X", "translated by Y", "edited and translated by X"
// or "edited by X, translated by Y", each role's names written by list.
func contributorsPhrase(eds, trs []bib.Name, list func([]bib.Name) string) string {
	switch {
	case sameNames(eds, trs):
		return "edited and translated by " + list(eds)
	case len(eds) > 0 && len(trs) > 0:
		return "edited by " + list(eds) + ", translated by " + list(trs)
	case len(eds) > 0:
		return "edited by " + list(eds)
	case len(trs) > 0:
		return "translated by " + list(trs)
	}
	return ""
}

// chicagoFacts writes "Place: Publisher, Year", or what of it the entry gives, the year
// "n.d." when it gives none. The place is kept as the article writes it:
// CMOS 10.28 accepts the traditional state abbreviations ("Waltham, Mass.") as well as postal
// codes, and the article's form keeps every word of the source in the handout.
func chicagoFacts(it *bib.Item) string {
	y := yearRange(it.Issued)
	if y == "" {
		y = "n.d."
	}
	place := it.PublisherPlace
	switch {
	case place != "" && it.Publisher != "":
		return place + ": " + it.Publisher + ", " + y
	case it.Publisher != "":
		return it.Publisher + ", " + y
	case place != "":
		return place + ", " + y
	}
	return y
}

// chicagoNames writes a list of creators: the first inverted, the rest in reading order, with
// "and" before the last; more than ten are cut to seven and "et al."
func chicagoNames(names []bib.Name) string {
	etAl := false
	if len(names) > 10 {
		names, etAl = names[:7], true
	}
	ss := make([]string, len(names))
	for i, n := range names {
		if i == 0 {
			ss[i] = inverted(n)
		} else {
			ss[i] = direct(n)
		}
	}
	if etAl {
		return strings.Join(ss, ", ") + ", et al."
	}
	if len(ss) == 2 && names[0].Given != "" {
		// "Ramsey, John T., and A. Lewis Licht": the inverted name's comma stays.
		return ss[0] + ", and " + ss[1]
	}
	return joinAnd(ss, "and")
}

// plural picks the singular or plural form for n.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// capitalize upper-cases the first letter of s.
func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// itoa formats a small integer.
func itoa(n int) string {
	return year(&bib.DateParts{Parts: [][]int{{n}}})
}

// trimRuns drops a leading space that an empty head may leave.
func trimRuns(runs []Run) []Run {
	if len(runs) > 0 {
		runs[0].Text = strings.TrimLeft(runs[0].Text, " ")
	}
	return runs
}
