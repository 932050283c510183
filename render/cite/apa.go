package cite

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"galley/source/bib"
	"galley/source/cal"
)

// APA's reference-list entries (Publication Manual, 7th edition, chapters 9 and 10):
//
//	Gelzer, M. (1968). *Caesar: Politician and statesman* (P. Needham, Trans.). Harvard University Press.
//	Horsfall, N. (1974). The Ides of March: Some new problems. *Greece & Rome*, *21*(2), 191–199.
//	Smith, S. A. (1987). Petrograd in 1917: The view from below. In D. H. Kaiser (Ed.), *The workers’ revolution in Russia, 1917: The view from below*. Cambridge University Press.
//	Syme, R. (2002). *The Roman revolution*. Oxford University Press. (Original work published 1939)
//
// Names are surname and initials, up to twenty, "&" before the last (9.8); titles of books and
// articles are in sentence case, journal titles in title case (6.17); the place of
// publication is left out (9.29); page ranges are in full (9.52).

func apa(it *bib.Item, suffix string, lex Lexicon) []Run {
	var b builder
	names, role := creators(it, false)
	date := apaDate(it, suffix)
	if len(names) > 0 {
		b.roman(apaNames(names))
		switch role {
		case "editor":
			b.roman(plural(len(names), " (Ed.)", " (Eds.)"))
		case "editor+translator":
			b.roman(plural(len(names), " (Ed. & Trans.)", " (Eds. & Trans.)"))
		}
		apaStop(&b)
		b.roman(" " + date + ". ")
	}
	switch it.Type {
	case "article-journal":
		b.roman(SentenceCase(it.Title, lex))
		apaStop(&b)
		if len(names) == 0 {
			b.roman(" " + date + ".")
		}
		b.roman(" ")
		b.italic(it.ContainerTitle)
		if it.Volume != "" {
			b.roman(", ")
			b.italic(it.Volume)
		} else if it.Issue != "" {
			b.roman(", ")
		}
		if it.Issue != "" {
			b.roman("(" + it.Issue + ")")
		}
		if it.Page != "" {
			b.roman(", " + apaPages(it.Page))
		}
		b.stop()
		return b.runs
	case "chapter":
		b.roman(SentenceCase(it.Title, lex))
		apaStop(&b)
		if len(names) == 0 {
			b.roman(" " + date + ".")
		}
		b.roman(" In ")
		if len(it.Editor) > 0 {
			b.roman(apaDirectNames(it.Editor) + plural(len(it.Editor), " (Ed.), ", " (Eds.), "))
		}
		b.italic(SentenceCase(it.ContainerTitle, lex))
		var info []string
		if len(it.Translator) > 0 {
			info = append(info, apaDirectNames(it.Translator)+", Trans.")
		}
		if e := apaNumbers(it, "pp. "); e != "" {
			info = append(info, e)
		}
		if len(info) > 0 {
			b.roman(" (" + strings.Join(info, "; ") + ")")
		}
		apaStop(&b)
	default:
		if it.Title != "" {
			b.italic(SentenceCase(it.Title, lex))
		}
		var info []string
		if c := apaContributors(it, role); c != "" {
			info = append(info, c)
		}
		if e := apaNumbers(it, ""); e != "" {
			info = append(info, e)
		}
		if len(info) > 0 {
			b.roman(" (" + strings.Join(info, "; ") + ")")
		}
		apaStop(&b)
		if len(names) == 0 {
			b.roman(" " + date + ".")
		}
	}
	if it.Publisher != "" {
		b.roman(" " + dropBusinessWords(it.Publisher))
		b.stop()
	}
	if o := year(it.OriginalDate); o != "" {
		b.roman(" (Original work published " + o + ")")
	}
	return trimRuns(b.runs)
}

// apaStop ends an element with a period, also after a closing parenthesis ("(Eds.).").
func apaStop(b *builder) {
	if strings.HasSuffix(b.lastText(), ")") {
		b.roman(".")
		return
	}
	b.stop()
}

// apaDate writes the date element: "(1970)", "(1977a)", "(n.d.)", "(1990, March 5)".
func apaDate(it *bib.Item, suffix string) string {
	y := yearRange(it.Issued)
	if y == "" {
		if suffix != "" {
			return "(n.d.-" + suffix + ")"
		}
		return "(n.d.)"
	}
	y += suffix
	if it.Type == "article-journal" && it.Volume == "" && it.Issue == "" {
		if m, d := monthDay(it.Issued); m > 0 {
			y += ", " + cal.MonthName(m)
			if d > 0 {
				y += " " + itoa(d)
			}
		}
	}
	return "(" + y + ")"
}

// apaNumbers writes a book's edition, volume and (for a chapter) pages: "3rd ed., Vol. 2".
func apaNumbers(it *bib.Item, pagesPrefix string) string {
	var parts []string
	if e := edition(it.Edition); e != "" {
		parts = append(parts, e)
	}
	if it.Volume != "" {
		parts = append(parts, "Vol. "+it.Volume)
	}
	if pagesPrefix != "" && it.Page != "" {
		prefix := "pp. "
		if _, _, ok := pageRange(it.Page); !ok && !strings.ContainsAny(it.Page, "-–,") {
			prefix = "p. "
		}
		parts = append(parts, prefix+apaPages(it.Page))
	}
	return strings.Join(parts, ", ")
}

// apaContributors writes the editors and translators of a book that are not its head:
// "P. Needham, Trans.", "J. Carmichael, Ed. & Trans.", "D. Roe, Ed.; P. Needham, Trans."
func apaContributors(it *bib.Item, role string) string {
	var eds, trs []bib.Name
	switch role {
	case "author", "":
		eds, trs = it.Editor, it.Translator
	case "editor":
		trs = it.Translator
	}
	switch {
	case sameNames(eds, trs):
		return apaDirectNames(eds) + plural(len(eds), ", Ed. & Trans.", ", Eds. & Trans.")
	case len(eds) > 0 && len(trs) > 0:
		return apaDirectNames(eds) + plural(len(eds), ", Ed.", ", Eds.") + "; " +
			apaDirectNames(trs) + ", Trans."
	case len(eds) > 0:
		return apaDirectNames(eds) + plural(len(eds), ", Ed.", ", Eds.")
	case len(trs) > 0:
		return apaDirectNames(trs) + ", Trans."
	}
	return ""
}

// apaNames writes creators as "Surname, I. I.", joined with commas and "&" before the last;
// more than twenty are the first nineteen, an ellipsis and the last.
func apaNames(names []bib.Name) string {
	ss := make([]string, len(names))
	for i, n := range names {
		ss[i] = apaName(n)
	}
	switch {
	case len(ss) == 1:
		return ss[0]
	case len(ss) > 20:
		return strings.Join(ss[:19], ", ") + ", . . . " + ss[len(ss)-1]
	}
	return strings.Join(ss[:len(ss)-1], ", ") + ", & " + ss[len(ss)-1]
}

// apaName writes one name surname first with initials: "Bennett, E. M.", "King, M. L., Jr."
func apaName(n bib.Name) string {
	switch {
	case n.Literal != "":
		return n.Literal
	case n.Given == "":
		return n.Family
	}
	given, suffix := splitSuffix(n.Given)
	s := n.Family + ", " + initials(given)
	if suffix != "" {
		s += ", " + suffix
	}
	return s
}

// apaDirectNames writes editors and translators initials first: "D. H. Kaiser",
// "A. Smith & B. Jones", "A. Smith, B. Jones, & C. Roe".
func apaDirectNames(names []bib.Name) string {
	ss := make([]string, len(names))
	for i, n := range names {
		switch {
		case n.Literal != "":
			ss[i] = n.Literal
		case n.Given == "":
			ss[i] = n.Family
		default:
			given, suffix := splitSuffix(n.Given)
			ss[i] = initials(given) + " " + n.Family
			if suffix != "" {
				ss[i] += ", " + suffix
			}
		}
	}
	switch len(ss) {
	case 1:
		return ss[0]
	case 2:
		return ss[0] + " & " + ss[1]
	}
	return strings.Join(ss[:len(ss)-1], ", ") + ", & " + ss[len(ss)-1]
}

// initials reduces given names to initials: "Edward M." is "E. M.", "Jean-Paul" is "J.-P.",
// "Katherine A.S." is "K. A. S."; particles stay ("Ludwig von" is "L. von").
func initials(given string) string {
	var out []string
	for _, w := range strings.Fields(given) {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) {
			out = append(out, w)
			continue
		}
		var parts []string
		for _, h := range strings.Split(w, "-") {
			var letters []string
			for _, p := range strings.Split(h, ".") {
				if r, _ := utf8.DecodeRuneInString(p); r != utf8.RuneError && unicode.IsLetter(r) {
					letters = append(letters, string(r)+".")
				}
			}
			if len(letters) > 0 {
				parts = append(parts, strings.Join(letters, " "))
			}
		}
		if len(parts) > 0 {
			out = append(out, strings.Join(parts, "-"))
		}
	}
	return strings.Join(out, " ")
}
