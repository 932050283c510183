package source

import (
	"bytes"
	"encoding/json"
	"strings"

	"galley/source/bib"
	"galley/source/cal"
)

// The JSON shapes of `galley parse` (CONTRACT.md): every key present, empty lists as [],
// unknown values as null.

type jsonDoc struct {
	Title        string         `json:"title"`
	Abstract     []string       `json:"abstract"`
	Date         *jsonDate      `json:"date"`
	Summary      string         `json:"summary"`
	Locales      []string       `json:"locales"`
	KeyFigures   []jsonFigure   `json:"key_figures"`
	Sections     []jsonSection  `json:"sections"`
	Timeline     []jsonEvent    `json:"timeline"`
	Bibliography []bib.Item     `json:"bibliography"`
	SeeAlso      []string       `json:"see_also"`
	Diagnostics  []Diagnostic   `json:"diagnostics"`
	Lang         string         `json:"lang"`
	AbstractRich []jsonBlockAny `json:"abstract_blocks"`
}

type jsonDate struct {
	Text  string  `json:"text"`
	Start *string `json:"start"`
	End   *string `json:"end"`
}

type jsonFigure struct {
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
	Born    *string  `json:"born"`
	Died    *string  `json:"died"`
	Role    string   `json:"role"`
	Life    string   `json:"life"`
	Raw     bool     `json:"raw,omitempty"`
	Line    int      `json:"line"`
}

type jsonSection struct {
	Title  string         `json:"title"`
	Kind   string         `json:"kind,omitempty"`
	Level  int            `json:"level"`
	ID     string         `json:"id"`
	Line   int            `json:"line"`
	Blocks []jsonBlockAny `json:"blocks"`
}

type jsonEvent struct {
	Start     string  `json:"start"`
	End       *string `json:"end"`
	Precision string  `json:"precision"`
	Text      string  `json:"text"`
	Phrase    string  `json:"phrase"`
	At        int     `json:"at"`
	Line      int     `json:"line"`
	Para      string  `json:"para"`
}

// jsonBlockAny is one block as an ordered JSON object.
type jsonBlockAny = map[string]any

// isoOrNull is a date in ISO 8601, or null when there is none.
func isoOrNull(d cal.Date) *string {
	if d.IsZero() {
		return nil
	}
	s := d.ISO()
	return &s
}

// MarshalJSON writes the document in the shape of `galley parse`.
func (d *Document) MarshalJSON() ([]byte, error) {
	j := jsonDoc{
		Title:        d.Title,
		Abstract:     []string{},
		Summary:      d.Summary,
		Locales:      nonNil(d.Locales),
		KeyFigures:   []jsonFigure{},
		Sections:     []jsonSection{},
		Timeline:     []jsonEvent{},
		Bibliography: []bib.Item{},
		SeeAlso:      nonNil(d.SeeAlso),
		Diagnostics:  d.Diagnostics,
		Lang:         d.Lang,
		AbstractRich: blocksJSON(d.Abstract),
	}
	if j.Diagnostics == nil {
		j.Diagnostics = []Diagnostic{}
	}
	for _, b := range d.Abstract {
		j.Abstract = append(j.Abstract, blockText(b))
	}
	if d.Date != nil {
		j.Date = &jsonDate{Text: d.Date.Text, Start: isoOrNull(d.Date.Start), End: isoOrNull(d.Date.End)}
	}
	for _, f := range d.KeyFigures {
		j.KeyFigures = append(j.KeyFigures, jsonFigure{Name: f.Name, Aliases: nonNil(f.Aliases),
			Born: isoOrNull(f.Born), Died: isoOrNull(f.Died), Role: f.Role, Life: f.Life, Raw: f.Raw, Line: f.Line})
	}
	for _, s := range d.Sections {
		j.Sections = append(j.Sections, jsonSection{Title: s.Title, Level: s.Level, ID: s.ID,
			Line: s.Line, Blocks: blocksJSON(s.Blocks)})
	}
	if d.BibliographyTitle != "" && d.BibliographyTitle != labelBibliography && len(d.Bibliography) > 0 {
		// "Further Reading" is a labelled part of the article; its entries are the bibliography.
		j.Sections = append(j.Sections, jsonSection{Title: d.BibliographyTitle, Kind: "bibliography",
			Level: 1, ID: "bibliography", Line: d.Bibliography[0].Line - 1, Blocks: []jsonBlockAny{}})
	}
	for _, e := range d.Timeline {
		j.Timeline = append(j.Timeline, jsonEvent{Start: e.Start.ISO(), End: isoOrNull(e.End), Precision: e.Start.Precision.String(),
			Text: e.Text, Phrase: e.Phrase, At: e.At, Line: e.Line, Para: e.Para})
	}
	for _, e := range d.Bibliography {
		j.Bibliography = append(j.Bibliography, e.Item)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(j); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

// CSL returns the bibliography as a CSL-JSON array, each item with a citation key.
func (d *Document) CSL() []bib.Item {
	out := make([]bib.Item, 0, len(d.Bibliography))
	for _, e := range d.Bibliography {
		out = append(out, e.Item)
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func blocksJSON(bs []Block) []jsonBlockAny {
	out := make([]jsonBlockAny, 0, len(bs))
	for _, b := range bs {
		out = append(out, blockJSON(b))
	}
	return out
}

// blockJSON gives each block its type, text (caption for figures) and line, and its structure.
func blockJSON(b Block) jsonBlockAny {
	m := jsonBlockAny{"line": b.Pos()}
	switch b := b.(type) {
	case *Paragraph:
		m["type"], m["text"], m["id"], m["inlines"] = "paragraph", b.Text(), b.ID, b.Inlines
	case *Figure:
		m["type"], m["caption"], m["credit"], m["file"], m["src"], m["alt"], m["id"] =
			"figure", b.Caption, b.Credit, b.File, b.Src, b.Alt, b.ID
	case *Heading:
		m["type"], m["text"], m["level"], m["id"], m["inlines"] = "heading", PlainText(b.Inlines), b.Level, b.ID, b.Inlines
	case *List:
		items := make([][]jsonBlockAny, 0, len(b.Items))
		for _, it := range b.Items {
			items = append(items, blocksJSON(it))
		}
		m["type"], m["text"], m["ordered"], m["start"], m["items"] = "list", blockText(b), b.Ordered, b.Start, items
	case *Quote:
		m["type"], m["text"], m["blocks"] = "quote", blockText(b), blocksJSON(b.Blocks)
	case *CodeBlock:
		m["type"], m["text"], m["lang"] = "code", b.Text, b.Lang
	case *Table:
		m["type"], m["text"], m["align"], m["header"], m["rows"] = "table", blockText(b), b.Align, b.Header, b.Rows
	case *Rule:
		m["type"], m["text"] = "rule", ""
	}
	return m
}

// blockText is the plain text of any block, its parts separated by newlines: the text of
// each paragraph, heading, code block and table row, and each figure's caption, inside lists
// and quotations too. A list or quotation that holds no blocks is one empty part.
func blockText(b Block) string {
	var parts []string
	Inspect([]Block{b}, func(b Block) bool {
		switch b := b.(type) {
		case *Paragraph:
			parts = append(parts, b.Text())
		case *Figure:
			parts = append(parts, b.Caption)
		case *Heading:
			parts = append(parts, PlainText(b.Inlines))
		case *CodeBlock:
			parts = append(parts, b.Text)
		case *Rule:
			parts = append(parts, "")
		case *Table:
			for _, row := range append([][][]Inline{b.Header}, b.Rows...) {
				var cells []string
				for _, cell := range row {
					cells = append(cells, PlainText(cell))
				}
				parts = append(parts, joinTabs(cells))
			}
		case *List:
			if empty(b.Items...) {
				parts = append(parts, "")
			}
		case *Quote:
			if empty(b.Blocks) {
				parts = append(parts, "")
			}
		}
		return true
	})
	return joinLines(parts)
}

// empty reports whether the sequences of blocks hold none.
func empty(seqs ...[]Block) bool {
	for _, s := range seqs {
		if len(s) > 0 {
			return false
		}
	}
	return true
}

func joinLines(p []string) string { return strings.Join(p, "\n") }
func joinTabs(p []string) string  { return strings.Join(p, "\t") }
