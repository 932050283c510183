// Package cite formats bibliography items (CSL-JSON) in Chicago, MLA and APA styles as styled
// runs that both renderers typeset.
//
// The styles follow their manuals' bibliography forms: Chicago's notes-bibliography style
// (17th edition), MLA's works-cited list (9th edition) and APA's reference list (7th edition).
// Each entry comes out as runs of roman and italic text with quotation marks already in place,
// and the entries come out sorted as the style sorts them.
package cite

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"galley/source"
	"galley/source/bib"
)

// Style is a bibliography style.
type Style string

// The supported styles.
const (
	Chicago Style = "chicago"
	MLA     Style = "mla"
	APA     Style = "apa"
)

// ParseStyle reads a --cite value.
func ParseStyle(s string) (Style, error) {
	switch Style(strings.ToLower(s)) {
	case "", Chicago:
		return Chicago, nil
	case MLA:
		return MLA, nil
	case APA:
		return APA, nil
	}
	return "", fmt.Errorf("unknown citation style %q (chicago, mla, apa)", s)
}

// Heading returns the heading a reading list takes in the style: "Bibliography" in
// Chicago's, "Works Cited" in MLA's, "References" in APA's (Chicago's when s is empty).
func (s Style) Heading() string {
	switch s {
	case MLA:
		return "Works Cited"
	case APA:
		return "References"
	}
	return "Bibliography"
}

// Run is a piece of a formatted entry in one style.
type Run struct {
	Text   string
	Italic bool
}

// Entry is one formatted bibliography entry.
type Entry struct {
	Runs []Run
	// Annote is the article's annotation of the entry, typeset as its own short paragraph.
	Annote string
	// Line is the source line of the entry.
	Line int
	// ID is the entry's citation key (the item's ID), empty when it has none.
	ID string
}

// Format formats a document's bibliography in a style, sorted as the style sorts. An entry
// that was kept as written (its item is only the raw line as a title) is set as written.
// lex is the article's lexicon (NewLexicon); APA needs it to keep proper nouns capitalised
// in sentence-case titles, and nil means no word is known to be proper.
func Format(entries []*source.BibEntry, style Style, lex Lexicon) []Entry {
	if style == "" {
		style = Chicago
	}
	items := make([]*sortItem, 0, len(entries))
	for i, e := range entries {
		if e == nil {
			continue
		}
		items = append(items, newSortItem(e, i, style))
	}
	sortItems(items, style)
	out := make([]Entry, 0, len(items))
	var prev *sortItem
	for _, s := range items {
		e := s.entry
		var runs []Run
		switch {
		case s.raw:
			runs = []Run{{Text: e.Raw}}
		case style == MLA:
			runs = mla(&e.Item, sameCreators(prev, s))
		case style == APA:
			runs = apa(&e.Item, s.yearSuffix, lex)
		default:
			runs = chicago(&e.Item, sameCreators(prev, s))
		}
		out = append(out, Entry{Runs: runs, Annote: e.Item.Annote, Line: e.Line, ID: e.Item.ID})
		prev = s
	}
	return out
}

// isRaw reports whether an entry was kept as written because it could not be parsed.
func isRaw(e *source.BibEntry) bool {
	it := &e.Item
	return it.Title == e.Raw && len(it.Author) == 0 && len(it.Editor) == 0 && it.Publisher == "" &&
		it.Issued == nil && it.ContainerTitle == ""
}

// builder accumulates runs, merging neighbours of the same style.
type builder struct {
	runs []Run
}

func (b *builder) add(s string, italic bool) {
	if s == "" {
		return
	}
	if n := len(b.runs); n > 0 && b.runs[n-1].Italic == italic {
		b.runs[n-1].Text += s
		return
	}
	b.runs = append(b.runs, Run{Text: s, Italic: italic})
}

// roman adds upright text.
func (b *builder) roman(s string) { b.add(s, false) }

// italic adds italic text.
func (b *builder) italic(s string) { b.add(s, true) }

// stop ends a sentence: adds a period unless the text already ends in one (or in '?' or
// '!', with closing quotes after it).
func (b *builder) stop() {
	if !endsTerminal(b.lastText()) {
		b.roman(".")
	}
}

// lastText returns the text of the last run (enough to see how the entry ends).
func (b *builder) lastText() string {
	if len(b.runs) == 0 {
		return ""
	}
	return b.runs[len(b.runs)-1].Text
}

// endsTerminal reports whether s ends a sentence by itself: '.', '?' or '!', perhaps inside
// closing quotes.
func endsTerminal(s string) bool {
	s = strings.TrimRight(s, "”’\"')]")
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '?' || r == '!'
}

// endsQuestion reports whether s ends in '?' or '!', which take the place of a period.
func endsQuestion(s string) bool {
	s = strings.TrimRight(s, "”’\"')")
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '?' || r == '!'
}

// quoted returns a title in double quotation marks with its closing punctuation inside:
// “Title.” or “Who Lost Russia?”. Double quotes inside the title become single ones.
func quoted(title, punct string) string {
	t := strings.NewReplacer("“", "‘", "”", "’", "\"", "'").Replace(title)
	if endsQuestion(t) || (punct == "." && strings.HasSuffix(t, ".")) {
		punct = ""
	}
	return "“" + t + punct + "”"
}

// ordinal returns "1st", "2nd", "3rd", "4th", "11th", "21st" ...
func ordinal(n string) string {
	v := 0
	for _, c := range n {
		if c < '0' || c > '9' {
			return n
		}
		v = v*10 + int(c-'0')
	}
	suffix := "th"
	if v%100 < 11 || v%100 > 13 {
		switch v % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return n + suffix
}

// edition returns an edition as the styles write it: "2" is "2nd ed.", "Rev. ed." stays.
func edition(e string) string {
	if e == "" {
		return ""
	}
	if e[0] >= '0' && e[0] <= '9' {
		return ordinal(e) + " ed."
	}
	if strings.HasSuffix(e, "ed.") || strings.HasSuffix(e, "edition") {
		return e
	}
	return strings.TrimSuffix(e, ".") + " ed."
}

// year returns the first year of a date as text, "" when there is none.
func year(d *bib.DateParts) string {
	if y, ok := d.Year(); ok {
		return fmt.Sprint(y)
	}
	return ""
}

// yearRange returns a date's year, or its years joined by an en dash for a range
// ("1950–1953").
func yearRange(d *bib.DateParts) string {
	y := year(d)
	if y != "" && len(d.Parts) > 1 && len(d.Parts[1]) > 0 {
		return fmt.Sprintf("%s–%d", y, d.Parts[1][0])
	}
	return y
}

// monthDay returns a date's month and day (0 when absent).
func monthDay(d *bib.DateParts) (int, int) {
	if d == nil || len(d.Parts) == 0 || len(d.Parts[0]) < 2 {
		return 0, 0
	}
	m, day := d.Parts[0][1], 0
	if len(d.Parts[0]) > 2 {
		day = d.Parts[0][2]
	}
	if m < 1 || m > 12 {
		return 0, 0
	}
	return m, day
}

// creators returns the names an entry begins with and the role they play: the authors, or
// failing them the editors (role "editor", "editor+translator" when they also translated),
// or the translators.
func creators(it *bib.Item, translatorsLead bool) ([]bib.Name, string) {
	switch {
	case len(it.Author) > 0:
		return it.Author, "author"
	case len(it.Editor) > 0 && it.Type != "chapter":
		if sameNames(it.Editor, it.Translator) {
			return it.Editor, "editor+translator"
		}
		return it.Editor, "editor"
	case len(it.Translator) > 0 && translatorsLead && it.Type != "chapter":
		return it.Translator, "translator"
	}
	return nil, ""
}

// sameNames reports whether two name lists are the same people in the same order.
func sameNames(a, b []bib.Name) bool {
	if len(a) != len(b) || len(a) == 0 {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// sameCreators reports whether an entry begins with the same names as the one before it,
// which Chicago and MLA replace with a dash.
func sameCreators(prev, cur *sortItem) bool {
	if prev == nil || prev.raw || cur.raw {
		return false
	}
	a, _ := creators(&prev.entry.Item, true)
	b, _ := creators(&cur.entry.Item, true)
	return sameNames(a, b)
}

// splitSuffix separates a suffix kept after a comma in the given names ("Martin Luther, Jr.").
func splitSuffix(given string) (string, string) {
	if i := strings.LastIndex(given, ", "); i >= 0 {
		return given[:i], given[i+2:]
	}
	return given, ""
}

// inverted writes a name surname first: "Ramsey, John T.", "King, Martin Luther, Jr.".
func inverted(n bib.Name) string {
	switch {
	case n.Literal != "":
		return n.Literal
	case n.Given == "":
		return n.Family
	}
	return n.Family + ", " + n.Given
}

// direct writes a name in reading order: "A. Lewis Licht", "Martin Luther King Jr.".
func direct(n bib.Name) string {
	switch {
	case n.Literal != "":
		return n.Literal
	case n.Given == "":
		return n.Family
	}
	given, suffix := splitSuffix(n.Given)
	s := given + " " + n.Family
	if suffix != "" {
		s += " " + suffix
	}
	return s
}

// joinAnd joins names with commas and "and" before the last ("A and B", "A, B, and C").
func joinAnd(names []string, and string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	case 2:
		return names[0] + " " + and + " " + names[1]
	}
	return strings.Join(names[:len(names)-1], ", ") + ", " + and + " " + names[len(names)-1]
}

// directList writes names in reading order joined with "and".
func directList(names []bib.Name) string {
	ss := make([]string, len(names))
	for i, n := range names {
		ss[i] = direct(n)
	}
	return joinAnd(ss, "and")
}
