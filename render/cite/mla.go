package cite

import (
	"strings"

	"galley/source/bib"
)

// MLA's works-cited entries (MLA Handbook, 9th edition): author, title, then the container's
// elements separated by commas (other contributors, version, number, publisher, date,
// location):
//
//	Gelzer, Matthias. *Caesar: Politician and Statesman*. Translated by Peter Needham, Harvard UP, 1968.
//	Horsfall, Nicholas. “The Ides of March.” *Greece & Rome*, vol. 21, no. 2, 1974, pp. 191-99.
//	Smith, S. A. “Petrograd in 1917.” *The Workers’ Revolution*, edited by Daniel H. Kaiser, Cambridge UP, 1987.
//
// Three or more authors are the first and "et al." (2.6), and so are three or more editors or
// translators of a container (2.6, 5.41); places of publication are left out
// (5.100); "University Press" is "UP" and business words are dropped (5.98); the original date
// of a republished book follows its title (5.106); a repeated name is three hyphens (5.126).

// mlaDash replaces the names of an entry whose creators repeat the previous entry's.
const mlaDash = "---"

var mlaMonths = []string{"", "Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.",
	"Sept.", "Oct.", "Nov.", "Dec."}

func mla(it *bib.Item, repeat bool) []Run {
	var b builder
	names, role := creators(it, true)
	if len(names) > 0 {
		if repeat {
			b.roman(mlaDash)
		} else {
			b.roman(mlaNames(names))
		}
		switch role {
		case "editor":
			b.roman(plural(len(names), ", editor", ", editors"))
		case "editor+translator":
			b.roman(plural(len(names), ", editor and translator", ", editors and translators"))
		case "translator":
			b.roman(plural(len(names), ", translator", ", translators"))
		}
		b.stop()
		b.roman(" ")
	}
	var parts []string // the container's elements, joined by commas
	switch it.Type {
	case "article-journal":
		b.roman(quoted(it.Title, "."))
		b.roman(" ")
		b.italic(it.ContainerTitle)
		if it.Volume != "" {
			parts = append(parts, "vol. "+it.Volume)
		}
		if it.Issue != "" {
			parts = append(parts, "no. "+it.Issue)
		}
		if d := mlaDate(it.Issued); d != "" {
			parts = append(parts, d)
		}
		if it.Page != "" {
			parts = append(parts, mlaPages(it.Page))
		}
		b.roman(mlaElements(parts, false))
		b.stop()
		return trimRuns(b.runs)
	case "chapter":
		b.roman(quoted(it.Title, "."))
		b.roman(" ")
		b.italic(it.ContainerTitle)
		if c := contributorsPhrase(it.Editor, it.Translator, mlaList); c != "" {
			parts = append(parts, c)
		}
	default:
		if it.Title != "" {
			b.italic(it.Title)
			b.stop()
		}
		if o := year(it.OriginalDate); o != "" {
			b.roman(" " + o + ".")
		}
		if c := mlaContributors(it, role); c != "" {
			parts = append(parts, c)
		}
	}
	if e := edition(it.Edition); e != "" {
		parts = append(parts, e)
	}
	if it.Volume != "" {
		parts = append(parts, "vol. "+it.Volume)
	}
	if it.Publisher != "" {
		parts = append(parts, mlaPublisher(it.Publisher))
	}
	if y := yearRange(it.Issued); y != "" {
		parts = append(parts, y)
	}
	if it.Type == "chapter" && it.Page != "" {
		parts = append(parts, mlaPages(it.Page))
	}
	b.roman(mlaElements(parts, it.Type != "chapter"))
	if it.Type == "chapter" && len(parts) == 0 {
		b.stop()
	}
	return trimRuns(b.runs)
}

// mlaElements joins a container's elements: ", a, b." after a container title, or " A, b."
// as a new sentence after a book's title.
func mlaElements(parts []string, sentence bool) string {
	if len(parts) == 0 {
		return ""
	}
	s := strings.Join(parts, ", ")
	if !endsTerminal(s) {
		s += "."
	}
	if sentence {
		return " " + capitalize(s)
	}
	return ", " + s
}

// mlaContributors names a book's editors and translators when they are not its head.
func mlaContributors(it *bib.Item, role string) string {
	switch role {
	case "editor":
		return contributorsPhrase(nil, it.Translator, mlaList)
	case "translator":
		return contributorsPhrase(it.Editor, nil, mlaList)
	case "editor+translator":
		return ""
	}
	return contributorsPhrase(it.Editor, it.Translator, mlaList)
}

// mlaNames writes one author inverted, two as "Ramsey, John T., and A. Lewis Licht", three or
// more as the first and "et al."
func mlaNames(names []bib.Name) string {
	switch len(names) {
	case 1:
		return mlaName(names[0])
	case 2:
		sep := " and "
		if names[0].Given != "" {
			sep = ", and "
		}
		return mlaName(names[0]) + sep + direct(names[1])
	}
	return mlaName(names[0]) + ", et al."
}

// mlaList writes the other contributors of one role in reading order: one, two as "A and
// B", three or more as the first and "et al." ("edited by Carole Fink et al.", 2.6).
func mlaList(names []bib.Name) string {
	if len(names) >= 3 {
		return direct(names[0]) + " et al."
	}
	return directList(names)
}

// mlaName writes a name inverted; a government author's parts are separated by commas
// ("Great Britain, War Office").
func mlaName(n bib.Name) string {
	if n.Literal != "" {
		return strings.ReplaceAll(n.Literal, ". ", ", ")
	}
	return inverted(n)
}

// mlaDate writes a periodical's date: "1974", "Mar. 1990", "5 Mar. 1990".
func mlaDate(d *bib.DateParts) string {
	y := year(d)
	if y == "" {
		return ""
	}
	m, day := monthDay(d)
	switch {
	case m > 0 && day > 0:
		return itoa(day) + " " + mlaMonths[m] + " " + y
	case m > 0:
		return mlaMonths[m] + " " + y
	}
	return y
}

// mlaPublisher shortens a publisher's name as MLA does: business words dropped, "University
// Press" as "UP", "University of X Press" as "U of X P".
func mlaPublisher(p string) string {
	p = dropBusinessWords(p)
	if strings.Contains(p, "University Press") {
		return strings.Replace(p, "University Press", "UP", 1)
	}
	if strings.Contains(p, "University") && strings.HasSuffix(p, " Press") {
		p = strings.TrimSuffix(p, " Press") + " P"
		return strings.Replace(p, "University", "U", 1)
	}
	return p
}

// dropBusinessWords drops "Inc.", "Co.", "Ltd." and the like from the end of a publisher's
// name ("Harcourt, Brace & Co." is "Harcourt, Brace").
func dropBusinessWords(p string) string {
	for _, w := range []string{", Inc.", " Inc.", ", Ltd.", " Ltd.", " & Co.", " and Company", " & Company",
		", Co.", " Co.", " Company", " Corporation", " Corp.", ", LLC", " LLC", " Limited"} {
		if strings.HasSuffix(p, w) && len(p) > len(w) {
			return strings.TrimSpace(strings.TrimSuffix(p, w))
		}
	}
	return p
}
