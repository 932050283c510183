package source

import (
	"fmt"
	"strings"

	"galley/source/timeline"
)

// extractTimeline lists the dated events the article states: those of its running text, that is
// the paragraphs of the abstract, the summary line and the body sections, inside lists and
// quotations too. Captions, headings, code, tables, the key figures' lives, the bibliography
// and the Date line state none. The Date line tells the timeline the article's era and
// centuries, and the year that year-less dates fall back on; the abstract and the summary line
// are its front matter, whose events the body's own statements of them replace.
func extractTimeline(doc *Document) {
	n := len(doc.Abstract) + 1 // an article's blocks are paragraphs (and figures) with no lists
	for _, s := range doc.Sections {
		n += len(s.Blocks)
	}
	paras := make([]timeline.Paragraph, 0, n)
	part := timeline.Abstract
	gather := func(b Block) bool {
		if p, ok := b.(*Paragraph); ok {
			paras = append(paras, timeline.Paragraph{ID: p.ID, Line: p.Line, Text: p.Text(), Part: part})
		}
		return true
	}
	Inspect(doc.Abstract, gather)
	if strings.TrimSpace(doc.Summary) != "" {
		paras = append(paras, timeline.Paragraph{ID: "summary", Line: doc.SummaryLine, Text: doc.Summary, Part: timeline.Summary})
	}
	part = timeline.Body
	for _, s := range doc.Sections {
		Inspect(s.Blocks, gather)
	}
	var a timeline.Article
	for _, f := range doc.KeyFigures {
		if !f.Born.IsZero() && !f.Died.IsZero() {
			a.Lives = append(a.Lives, timeline.Life{Born: f.Born.Year, Died: f.Died.Year})
		}
	}
	if doc.Date != nil {
		a.Date, a.End = doc.Date.Start, doc.Date.End
	}
	events, cut := timeline.Extract(paras, a)
	doc.Timeline = events
	if cut > 0 {
		doc.Diagnostics = append(doc.Diagnostics, Diagnostic{Line: cut, Col: 1, Severity: SevWarning,
			Message: fmt.Sprintf("more than %d dated events; the timeline leaves out the rest", timeline.MaxEvents)})
	}
}
