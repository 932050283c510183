// Package data writes a document as data rather than typeset, as pandoc treats JSON as one
// output format among others: the JSON document of `galley parse` (and of `galley build`'s
// json format), and the bibliography as CSL-JSON, the form Zotero and pandoc's citeproc read
// (the csl format).
//
// The JSON shapes are defined here, once; the document model carries no JSON tags.
package data

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"

	"galley/source"
	"galley/source/cal"
	"galley/source/timeline"
)

// The JSON document: every key present, empty lists as [], unknown values as null.

type jsonDoc struct {
	Title        string           `json:"title"`
	Abstract     []string         `json:"abstract"`
	Date         *jsonDate        `json:"date"`
	Summary      string           `json:"summary"`
	Locales      []string         `json:"locales"`
	KeyFigures   []jsonFigure     `json:"key_figures"`
	Sections     []jsonSection    `json:"sections"`
	Timeline     []jsonEvent      `json:"timeline"`
	Bibliography []cslItem        `json:"bibliography"`
	SeeAlso      []string         `json:"see_also"`
	Diagnostics  []jsonDiagnostic `json:"diagnostics"`
	Lang         string           `json:"lang"`
	AbstractRich []jsonBlock      `json:"abstract_blocks"`
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
	Title  string      `json:"title"`
	Kind   string      `json:"kind,omitempty"`
	Level  int         `json:"level"`
	ID     string      `json:"id"`
	Line   int         `json:"line"`
	Blocks []jsonBlock `json:"blocks"`
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

type jsonDiagnostic struct {
	Line     int             `json:"line"`
	Col      int             `json:"col"`
	Severity source.Severity `json:"severity"`
	Message  string          `json:"message"`
}

type jsonInline struct {
	Text  string       `json:"text"`
	Style source.Style `json:"style,omitempty"`
	Link  string       `json:"link,omitempty"`
	Break bool         `json:"break,omitempty"`
}

// jsonBlock is one block as a JSON object, its keys in sorted order.
type jsonBlock = map[string]any

// WriteJSON writes doc as the JSON document of `galley parse`: one line, then a newline.
func WriteJSON(w io.Writer, doc *source.Document) error {
	b, err := marshal(doc)
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// WriteJSONIndent writes the same document indented by two spaces, as `galley parse --pretty`
// and the json format of `galley build` do.
func WriteJSONIndent(w io.Writer, doc *source.Document) error {
	b, err := marshal(doc)
	if err != nil {
		return err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, b, "", "  "); err != nil {
		return err
	}
	out.WriteByte('\n')
	_, err = w.Write(out.Bytes())
	return err
}

// marshal returns the JSON document on one line. Its strings escape <, > and & as \u003c,
// \u003e and \u0026, as galley has always written them.
func marshal(d *source.Document) ([]byte, error) {
	j := jsonDoc{
		Title:        d.Title,
		Abstract:     []string{},
		Summary:      d.Summary,
		Locales:      nonNil(d.Locales),
		KeyFigures:   []jsonFigure{},
		Sections:     []jsonSection{},
		Timeline:     []jsonEvent{},
		Bibliography: cslItems(d.Bibliography),
		SeeAlso:      nonNil(d.SeeAlso),
		Diagnostics:  []jsonDiagnostic{},
		Lang:         d.Lang,
		AbstractRich: blocksJSON(d.Abstract),
	}
	for _, g := range d.Diagnostics {
		j.Diagnostics = append(j.Diagnostics, jsonDiagnostic(g))
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
	if d.BibliographyTitle != "" && d.BibliographyTitle != "Bibliography" && len(d.Bibliography) > 0 {
		// A reading list labelled otherwise ("Further Reading") is a labelled part of the
		// article; its entries are the bibliography.
		j.Sections = append(j.Sections, jsonSection{Title: d.BibliographyTitle, Kind: "bibliography",
			Level: 1, ID: "bibliography", Line: d.Bibliography[0].Line - 1, Blocks: []jsonBlock{}})
	}
	for _, e := range d.Timeline {
		j.Timeline = append(j.Timeline, eventJSON(e))
	}
	return json.Marshal(j)
}

func eventJSON(e timeline.Event) jsonEvent {
	return jsonEvent{Start: e.Start.ISO(), End: isoOrNull(e.End), Precision: e.Start.Precision.String(),
		Text: e.Text, Phrase: e.Phrase, At: e.At, Line: e.Line, Para: e.Para}
}

// isoOrNull is a date in ISO 8601, or null when there is none.
func isoOrNull(d cal.Date) *string {
	if d.IsZero() {
		return nil
	}
	s := d.ISO()
	return &s
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func blocksJSON(bs []source.Block) []jsonBlock {
	out := make([]jsonBlock, 0, len(bs))
	for _, b := range bs {
		out = append(out, blockJSON(b))
	}
	return out
}

// blockJSON gives each block its type, text (caption for figures) and line, and its structure.
// A table's column alignments are its Align values as a base64 string ("AQID" for left,
// centre, right), as encoding/json writes a slice of bytes and galley always has.
func blockJSON(b source.Block) jsonBlock {
	m := jsonBlock{"line": b.Pos()}
	switch b := b.(type) {
	case *source.Paragraph:
		m["type"], m["text"], m["id"], m["inlines"] = "paragraph", b.Text(), b.ID, inlinesJSON(b.Inlines)
	case *source.Figure:
		m["type"], m["caption"], m["credit"], m["file"], m["src"], m["alt"], m["id"] =
			"figure", b.Caption, b.Credit, b.File, b.Src, b.Alt, b.ID
	case *source.Heading:
		m["type"], m["text"], m["level"], m["id"], m["inlines"] = "heading", source.PlainText(b.Inlines), b.Level, b.ID, inlinesJSON(b.Inlines)
	case *source.List:
		items := make([][]jsonBlock, 0, len(b.Items))
		for _, it := range b.Items {
			items = append(items, blocksJSON(it))
		}
		m["type"], m["text"], m["ordered"], m["start"], m["items"] = "list", blockText(b), b.Ordered, b.Start, items
	case *source.Quote:
		m["type"], m["text"], m["blocks"] = "quote", blockText(b), blocksJSON(b.Blocks)
	case *source.CodeBlock:
		m["type"], m["text"], m["lang"] = "code", b.Text, b.Lang
	case *source.Table:
		m["type"], m["text"], m["align"], m["header"], m["rows"] = "table", blockText(b), b.Align, cellsJSON(b.Header), rowsJSON(b.Rows)
	case *source.Rule:
		m["type"], m["text"] = "rule", ""
	}
	return m
}

// inlinesJSON converts runs; nil stays nil, which JSON writes as null.
func inlinesJSON(runs []source.Inline) []jsonInline {
	if runs == nil {
		return nil
	}
	out := make([]jsonInline, len(runs))
	for i, r := range runs {
		out[i] = jsonInline(r)
	}
	return out
}

func cellsJSON(cells [][]source.Inline) [][]jsonInline {
	if cells == nil {
		return nil
	}
	out := make([][]jsonInline, len(cells))
	for i, c := range cells {
		out[i] = inlinesJSON(c)
	}
	return out
}

func rowsJSON(rows [][][]source.Inline) [][][]jsonInline {
	if rows == nil {
		return nil
	}
	out := make([][][]jsonInline, len(rows))
	for i, r := range rows {
		out[i] = cellsJSON(r)
	}
	return out
}

// blockText is the plain text of any block, its parts separated by newlines: the text of
// each paragraph, heading, code block and table row, and each figure's caption, inside lists
// and quotations too. A list or quotation that holds no blocks is one empty part.
func blockText(b source.Block) string {
	var parts []string
	source.Inspect([]source.Block{b}, func(b source.Block) bool {
		switch b := b.(type) {
		case *source.Paragraph:
			parts = append(parts, b.Text())
		case *source.Figure:
			parts = append(parts, b.Caption)
		case *source.Heading:
			parts = append(parts, source.PlainText(b.Inlines))
		case *source.CodeBlock:
			parts = append(parts, b.Text)
		case *source.Rule:
			parts = append(parts, "")
		case *source.Table:
			for _, row := range append([][][]source.Inline{b.Header}, b.Rows...) {
				var cells []string
				for _, cell := range row {
					cells = append(cells, source.PlainText(cell))
				}
				parts = append(parts, strings.Join(cells, "\t"))
			}
		case *source.List:
			if empty(b.Items...) {
				parts = append(parts, "")
			}
		case *source.Quote:
			if empty(b.Blocks) {
				parts = append(parts, "")
			}
		}
		return true
	})
	return strings.Join(parts, "\n")
}

// empty reports whether the sequences of blocks hold none.
func empty(seqs ...[]source.Block) bool {
	for _, s := range seqs {
		if len(s) > 0 {
			return false
		}
	}
	return true
}
