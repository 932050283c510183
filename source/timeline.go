package source

import (
	"fmt"
	"strings"

	"galley/source/cal"
	"galley/source/timeline"
)

// extractTimeline lists the dated events the article states: those of its running text, that is
// the paragraphs of the abstract, the summary line and the body sections, inside lists and
// quotations too. Captions, headings, code, tables, the key figures' lives, the bibliography
// and the Date line state none; the Date line's year is the one year-less dates fall back on.
func extractTimeline(doc *Document) {
	n := len(doc.Abstract) + 1 // an article's blocks are paragraphs (and figures) with no lists
	for _, s := range doc.Sections {
		n += len(s.Blocks)
	}
	paras := make([]timeline.Paragraph, 0, n)
	gather := func(b Block) bool {
		if p, ok := b.(*Paragraph); ok {
			paras = append(paras, timeline.Paragraph{ID: p.ID, Line: p.Line, Text: p.Text()})
		}
		return true
	}
	Inspect(doc.Abstract, gather)
	if strings.TrimSpace(doc.Summary) != "" {
		paras = append(paras, timeline.Paragraph{ID: "summary", Line: doc.SummaryLine, Text: doc.Summary})
	}
	for _, s := range doc.Sections {
		Inspect(s.Blocks, gather)
	}
	var lives []timeline.Life
	for _, f := range doc.KeyFigures {
		if !f.Born.IsZero() && !f.Died.IsZero() {
			lives = append(lives, timeline.Life{Born: f.Born.Year, Died: f.Died.Year})
		}
	}
	var fallback cal.Date
	if doc.Date != nil {
		fallback = doc.Date.Start
	}
	events, cut := timeline.Extract(paras, lives, fallback)
	doc.Timeline = events
	if cut > 0 {
		doc.Diagnostics = append(doc.Diagnostics, Diagnostic{Line: cut, Col: 1, Severity: SevWarning,
			Message: fmt.Sprintf("more than %d dated events; the timeline leaves out the rest", timeline.MaxEvents)})
	}
}
