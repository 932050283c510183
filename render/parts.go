package render

import "galley/render/cite"

// Part is one part of an article, as every format sets it.
type Part int

// The parts of an article.
const (
	// PartTitle is the title with its dateline (when and where).
	PartTitle Part = iota
	// PartAbstract is the editorial overview.
	PartAbstract
	// PartFacts is the fact panel: the event's date, the one-sentence summary, its places.
	PartFacts
	// PartKeyFigures is the table of the people the article names.
	PartKeyFigures
	// PartSections are the article's sections with their figures.
	PartSections
	// PartTimeline is the appendix of dated events.
	PartTimeline
	// PartBibliography is the formatted reading list.
	PartBibliography
	// PartSeeAlso lists related articles.
	PartSeeAlso
)

// Parts is the order of an article's parts, in the PDF and in the EPUB alike: reordering the
// parts of every format is a change of this list alone. Each part appears once; a part the
// article has nothing for is left out by the renderers. The back matter is in book order
// (the Chicago Manual, 1.4): the chronology, then the reading list, then related articles.
var Parts = []Part{
	PartTitle,
	PartAbstract,
	PartFacts,
	PartKeyFigures,
	PartSections,
	PartTimeline,
	PartBibliography,
	PartSeeAlso,
}

// Title returns the part's heading, as the PDF's outline and running heads and the EPUB's
// navigation show it. The bibliography's is the heading of the style it is formatted in
// (Bibliography, Works Cited, References), whatever the article labels its reading list. The
// title and the sections take theirs from the document: Title returns "" for them.
func (p Part) Title(style cite.Style) string {
	switch p {
	case PartAbstract:
		return "Overview"
	case PartFacts:
		return "Summary"
	case PartKeyFigures:
		return "Key Figures"
	case PartBibliography:
		return style.Heading()
	case PartTimeline:
		return "Timeline"
	case PartSeeAlso:
		return "See also"
	}
	return ""
}
