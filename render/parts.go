package render

import (
	"strings"

	"galley/source"
)

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
	// PartBibliography is the formatted reading list.
	PartBibliography
	// PartTimeline is the appendix of dated events.
	PartTimeline
	// PartSeeAlso lists related articles.
	PartSeeAlso
)

// Parts is the order of an article's parts, in the PDF and in the EPUB alike: reordering the
// parts of every format is a change of this list alone. Each part appears once; a part the
// article has nothing for is left out by the renderers.
var Parts = []Part{
	PartTitle,
	PartAbstract,
	PartFacts,
	PartKeyFigures,
	PartSections,
	PartBibliography,
	PartTimeline,
	PartSeeAlso,
}

// Title returns the part's heading, as the PDF's outline and running heads and the EPUB's
// navigation show it. The bibliography's is the label the document gives its reading list
// ("Further Reading"), "Bibliography" when it gives none. The title and the sections take
// theirs from the document: Title returns "" for them.
func (p Part) Title(doc *source.Document) string {
	switch p {
	case PartAbstract:
		return "Overview"
	case PartFacts:
		return "Summary"
	case PartKeyFigures:
		return "Key Figures"
	case PartBibliography:
		if doc != nil && strings.TrimSpace(doc.BibliographyTitle) != "" {
			return doc.BibliographyTitle
		}
		return "Bibliography"
	case PartTimeline:
		return "Timeline"
	case PartSeeAlso:
		return "See also"
	}
	return ""
}
