package source

import (
	"fmt"
	"path/filepath"
	"strings"

	"galley/source/bib"
	"galley/source/cal"
	"galley/source/timeline"
)

// Options control how an input is read.
type Options struct {
	// File names the input in diagnostics ("-" for standard input).
	File string
	// Markdown reads the input as a whole Markdown document rather than an article. Inputs that
	// begin with YAML front matter are read as Markdown whatever this says.
	Markdown bool
	// MaxInput is the largest input accepted, in bytes; 0 means DefaultMaxInput.
	MaxInput int64
	// Lossy replaces invalid UTF-8 with U+FFFD and warns, instead of failing.
	Lossy bool
}

// Parse reads one input into a Document. A fatal problem is returned as an *Error; problems
// that still allow a complete document are in Document.Diagnostics as warnings.
func Parse(data []byte, opt Options) (*Document, error) {
	if opt.File == "" {
		opt.File = "-"
	}
	doc := &Document{File: opt.File, Lang: "en", Locales: []string{}, KeyFigures: []KeyFigure{},
		Timeline: []timeline.Event{}, SeeAlso: []string{}, BibliographyTitle: "Bibliography"}
	lines, err := readLines(data, &opt, &doc.Diagnostics)
	if err != nil {
		return nil, err
	}
	p := &docParser{doc: doc, opt: &opt}
	if opt.Markdown || hasFrontMatter(lines) {
		err = p.markdownDoc(lines)
	} else {
		err = p.article(lines)
	}
	if err != nil {
		return nil, err
	}
	p.checkBibliography()
	items := make([]*bib.Item, len(doc.Bibliography))
	for i, e := range doc.Bibliography {
		items[i] = &e.Item
	}
	bib.AssignKeys(items)
	extractTimeline(doc)
	return doc, nil
}

// IsMarkdownName reports whether a file name asks to be read as a Markdown document.
func IsMarkdownName(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown":
		return true
	}
	return false
}

// Part labels of the article format.
const (
	labelSummary      = "Summary of Event"
	labelSignificance = "Significance"
	labelBibliography = "Bibliography"
	labelFurther      = "Further Reading"
	labelSeeAlso      = "See also"
	labelKeyFigures   = "Key Figures"
)

var knownLabels = []string{labelSummary, labelSignificance, labelBibliography, labelFurther,
	labelSeeAlso, labelKeyFigures}

var headingMarkRE = cal.Lazy(`^#{1,6}\s+`)

// asLabel returns the canonical label when the line is one (optionally as a Markdown heading,
// with a trailing colon), or "".
func asLabel(text string) string {
	t := headingMarkRE().ReplaceAllString(text, "")
	t = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(t), ":"))
	t = strings.TrimSpace(strings.TrimRight(t, "#"))
	for _, l := range knownLabels {
		if strings.EqualFold(t, l) {
			return l
		}
	}
	return ""
}

var (
	dateLineRE   = cal.Lazy(`^(?:#{1,6}\s+)?Date:?\s+(\S.*)$`)
	localeLineRE = cal.Lazy(`^(?:#{1,6}\s+)?Locales?:?\s+(\S.*)$`)
	seeAlsoRE    = cal.Lazy(`^(?i:see also):?\s+(\S.*)$`)
)

// docParser is what one Parse call knows besides the document it fills.
type docParser struct {
	doc *Document
	opt *Options
	// figures counts the figures read, against maxFigures.
	figures int
	// bibHeading is the line of the first Bibliography or Further Reading label, 0 when
	// there is none.
	bibHeading int
	// manySections is set once the document has had more sections than maxSections.
	manySections bool
}

// bibLabel records a Bibliography or Further Reading label read at line n.
func (p *docParser) bibLabel(label string, n int) {
	p.doc.BibliographyTitle = label
	if p.bibHeading == 0 {
		p.bibHeading = n
	}
}

// checkBibliography warns of a Bibliography label with no entry after it.
func (p *docParser) checkBibliography() {
	if p.bibHeading > 0 && len(p.doc.Bibliography) == 0 {
		p.doc.Diagnostics = append(p.doc.Diagnostics, Diagnostic{Line: p.bibHeading, Col: 1,
			Severity: SevWarning, Message: p.doc.BibliographyTitle + " section has no entries"})
	}
}

// article reads the canonical article layout: title, abstract, repeated title, Date,
// summary, Locale, Key Figures, labelled sections and See also.
func (p *docParser) article(all []line) error {
	doc, opt := p.doc, p.opt
	lines := make([]line, 0, len(all))
	for _, l := range all {
		t := strings.TrimSpace(l.text)
		if t == "" {
			continue
		}
		if !visible(t) {
			// A line of zero-width spaces or joiners is a blank line that some editor filled;
			// as the title it is no title.
			if len(lines) == 0 {
				return &Error{File: opt.File, Line: l.num, Col: 1,
					Err: fmt.Errorf("missing title: the first line has no visible character (only %s)", unseen(t))}
			}
			doc.Diagnostics = append(doc.Diagnostics, Diagnostic{Line: l.num, Col: 1, Severity: SevWarning,
				Message: fmt.Sprintf("line has no visible character (only %s); read as a blank line", unseen(t))})
			continue
		}
		l.text = t
		lines = append(lines, l)
	}
	first := lines[0]
	if dateLineRE().MatchString(first.text) || localeLineRE().MatchString(first.text) || asLabel(first.text) != "" {
		return &Error{File: opt.File, Line: first.num, Col: 1,
			Err: fmt.Errorf("missing title: the article begins with %q", clip(first.text, 40))}
	}
	doc.Title = strings.TrimSpace(headingMarkRE().ReplaceAllString(first.text, ""))
	doc.TitleLine = first.num
	if !visible(doc.Title) {
		return &Error{File: opt.File, Line: first.num, Col: 1,
			Err: fmt.Errorf("missing title: the title line has no visible character (only %s)", unseen(doc.Title))}
	}

	// The header ends at the Date line; the abstract ends at the repeated title, or failing
	// that at the Date line.
	dateAt := -1
	for i := 1; i < len(lines); i++ {
		if asLabel(lines[i].text) != "" {
			break
		}
		if dateLineRE().MatchString(lines[i].text) {
			dateAt = i
			break
		}
	}
	absEnd, next := dateAt, dateAt
	if dateAt < 0 {
		absEnd = len(lines)
		for i := 1; i < len(lines); i++ {
			if asLabel(lines[i].text) != "" {
				absEnd = i
				break
			}
		}
		next = absEnd
		doc.Diagnostics = append(doc.Diagnostics, Diagnostic{Line: first.num, Col: 1,
			Severity: SevWarning, Message: "no Date line after the title; the article has no date"})
	}
	for i := 1; i < absEnd; i++ {
		if sameTitle(lines[i].text, doc.Title) {
			absEnd = i
			break
		}
	}
	for _, l := range lines[1:absEnd] {
		doc.Abstract = append(doc.Abstract, p.textBlock(l))
	}

	i := next
	if dateAt >= 0 {
		dl := lines[dateAt]
		value := strings.TrimSpace(dateLineRE().FindStringSubmatch(dl.text)[1])
		if !visible(value) {
			doc.Diagnostics = append(doc.Diagnostics, Diagnostic{Line: dl.num, Col: 6, Severity: SevWarning,
				Message: fmt.Sprintf("the Date line has no visible date (only %s); the article has no date", unseen(value))})
		} else if d, ok := parseDateValue(value); ok {
			d.Line = dl.num
			doc.Date = d
		} else {
			doc.Date = &Date{Text: value, Line: dl.num}
			doc.Diagnostics = append(doc.Diagnostics, Diagnostic{Line: dl.num, Col: 6,
				Severity: SevWarning, Message: fmt.Sprintf("date %q not understood; kept as written", value)})
		}
		i = dateAt + 1
		// Summary and Locale, in either order, until the first label.
		for ; i < len(lines) && asLabel(lines[i].text) == ""; i++ {
			l := lines[i]
			if m := localeLineRE().FindStringSubmatch(l.text); m != nil && len(doc.Locales) == 0 {
				doc.Locales = splitList(m[1])
				continue
			}
			if doc.Summary == "" && len(doc.Locales) == 0 {
				doc.Summary, doc.SummaryLine = l.text, l.num
				continue
			}
			// Anything else before the first label is kept with the abstract.
			doc.Diagnostics = append(doc.Diagnostics, Diagnostic{Line: l.num, Col: 1,
				Severity: SevWarning, Message: "unexpected line in the article header; kept as a paragraph"})
			doc.Abstract = append(doc.Abstract, p.textBlock(l))
		}
	}
	p.body(lines[i:])
	return nil
}

// body reads the labelled parts after the header.
func (p *docParser) body(lines []line) {
	doc := p.doc
	var cur *Section
	label := ""
	var figureLines []line
	for _, l := range lines {
		if lab := asLabel(l.text); lab != "" {
			if (lab == labelSummary || lab == labelSignificance) && !p.roomForSection(l.num) {
				// Kept as text of the last section.
				label, cur = "", doc.Sections[len(doc.Sections)-1]
				cur.Blocks = append(cur.Blocks, p.textBlock(l))
				continue
			}
			label = lab
			cur = nil
			switch lab {
			case labelSummary, labelSignificance:
				cur = &Section{Title: lab, Level: 1, Line: l.num, Blocks: []Block{}}
				doc.Sections = append(doc.Sections, cur)
			case labelBibliography, labelFurther:
				p.bibLabel(lab, l.num)
			}
			continue
		}
		if m := seeAlsoRE().FindStringSubmatch(l.text); m != nil && label != labelKeyFigures {
			doc.SeeAlso = append(doc.SeeAlso, splitList(m[1])...)
			continue
		}
		switch label {
		case labelKeyFigures:
			figureLines = append(figureLines, l)
		case labelBibliography, labelFurther:
			doc.Bibliography = append(doc.Bibliography, p.bibEntry(l))
		case labelSeeAlso:
			doc.SeeAlso = append(doc.SeeAlso, splitList(l.text)...)
		default:
			if cur == nil && p.roomForSection(l.num) {
				// Text after the header with no label yet: a section of its own.
				cur = &Section{Title: "", Level: 1, Line: l.num, Blocks: []Block{}}
				doc.Sections = append(doc.Sections, cur)
			} else if cur == nil {
				cur = doc.Sections[len(doc.Sections)-1]
			}
			cur.Blocks = append(cur.Blocks, p.textBlock(l))
		}
	}
	doc.KeyFigures = parseKeyFigures(figureLines, &doc.Diagnostics)
	if doc.KeyFigures == nil {
		doc.KeyFigures = []KeyFigure{}
	}
	assignIDs(doc)
}

// bibEntry reads one bibliography line into an entry; what cannot be parsed is kept whole
// with a warning; an entry that gives no year is warned of too (Chicago and APA cite it
// as "n.d.").
func (p *docParser) bibEntry(l line) *BibEntry {
	e := &BibEntry{Raw: l.text, Line: l.num}
	item, err := bib.ParseEntry(l.text)
	switch {
	case err != nil:
		p.doc.Diagnostics = append(p.doc.Diagnostics, Diagnostic{Line: l.num, Col: 1,
			Severity: SevWarning, Message: fmt.Sprintf("bibliography entry not understood (%v); kept as written", err)})
		item = bib.Item{Type: "book", Title: l.text}
	case item.Issued == nil:
		p.doc.Diagnostics = append(p.doc.Diagnostics, Diagnostic{Line: l.num, Col: 1,
			Severity: SevWarning, Message: "bibliography entry gives no year of publication"})
	}
	e.Item = item
	return e
}

// textBlock reads one line of running text: a figure when it is an image on a line of its own,
// otherwise a paragraph whose inline Markdown is parsed.
func (p *docParser) textBlock(l line) Block {
	if f, ok := parseFigure(l); ok {
		if f, ok := p.countFigure(f); ok {
			return f
		}
		return &Paragraph{Inlines: []Inline{{Text: f.Caption + " " + f.Credit}}, Line: l.num}
	}
	return &Paragraph{Inlines: parseInlines(l.text, false), Line: l.num}
}

// maxSections bounds the sections of one document: each is a part of its own in every format
// (a file of the EPUB, an entry of the PDF's outline), and 256 KB of "##" lines made 87,000
// of them, a 41 MB EPUB and a thousand times the input in memory.
const maxSections = 1000

// roomForSection reports whether another section may begin; past maxSections it says no,
// once with a warning, and the caller keeps the heading in the last section.
func (p *docParser) roomForSection(line int) bool {
	if len(p.doc.Sections) < maxSections {
		return true
	}
	if !p.manySections {
		p.manySections = true
		p.doc.Diagnostics = append(p.doc.Diagnostics, Diagnostic{Line: line, Col: 1, Severity: SevWarning,
			Message: fmt.Sprintf("more than %d sections; the later headings are kept in the last section", maxSections)})
	}
	return false
}

// maxFigures bounds the figures of one document: each may cost an image look-up (or a
// download), so a hostile input cannot make thousands.
const maxFigures = 500

// countFigure counts a figure; past maxFigures it says no, once with a warning, and the
// caller keeps the figure's text as a paragraph.
func (p *docParser) countFigure(f *Figure) (*Figure, bool) {
	p.figures++
	if p.figures <= maxFigures {
		return f, true
	}
	if p.figures == maxFigures+1 {
		p.doc.Diagnostics = append(p.doc.Diagnostics, Diagnostic{Line: f.Line, Col: 1, Severity: SevWarning,
			Message: fmt.Sprintf("more than %d figures; the rest are kept as text without their images", maxFigures)})
	}
	return f, false
}

// sameTitle reports whether a line repeats the title (ignoring case, space and heading marks).
func sameTitle(text, title string) bool {
	t := strings.TrimSpace(headingMarkRE().ReplaceAllString(text, ""))
	return strings.EqualFold(strings.Join(strings.Fields(t), " "), strings.Join(strings.Fields(title), " "))
}

// splitList splits a ';'-separated list and trims each item; empty items, and items with
// no visible character, are dropped.
func splitList(s string) []string {
	out := []string{}
	for _, p := range strings.Split(s, ";") {
		if p = strings.TrimSpace(p); visible(p) {
			out = append(out, p)
		}
	}
	return out
}

// assignIDs gives every section, paragraph, figure and heading a stable anchor derived from
// its line, inside lists and quotations too.
func assignIDs(doc *Document) {
	used := map[string]int{}
	Inspect(doc.Abstract, blockID)
	for _, s := range doc.Sections {
		base := "s-" + slug(s.Title)
		if s.Title == "" {
			base = fmt.Sprintf("s-%d", s.Line)
		}
		used[base]++
		s.ID = base
		if used[base] > 1 {
			s.ID = fmt.Sprintf("%s-%d", base, used[base])
		}
		Inspect(s.Blocks, blockID)
	}
}

// blockID gives a paragraph, figure or heading its anchor; lists and quotations are gone into.
func blockID(b Block) bool {
	switch b := b.(type) {
	case *Paragraph:
		b.ID = fmt.Sprintf("p%d", b.Line)
	case *Figure:
		b.ID = fmt.Sprintf("f%d", b.Line)
	case *Heading:
		b.ID = fmt.Sprintf("h%d", b.Line)
	}
	return true
}

// slug turns a title into an ASCII anchor: lowercase letters and digits joined by '-'.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
		if b.Len() > 48 {
			break
		}
	}
	if b.Len() == 0 {
		return "x"
	}
	return b.String()
}

// clip shortens s to at most n runes for a diagnostic.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
