package data

import (
	"encoding/json"
	"io"

	"galley/source"
	"galley/source/bib"
)

// cslItem is a CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html).
type cslItem struct {
	ID             string    `json:"id,omitempty"`
	Type           string    `json:"type"`
	Author         []cslName `json:"author,omitempty"`
	Editor         []cslName `json:"editor,omitempty"`
	Translator     []cslName `json:"translator,omitempty"`
	Title          string    `json:"title,omitempty"`
	ContainerTitle string    `json:"container-title,omitempty"`
	Volume         string    `json:"volume,omitempty"`
	Issue          string    `json:"issue,omitempty"`
	Page           string    `json:"page,omitempty"`
	Edition        string    `json:"edition,omitempty"`
	PublisherPlace string    `json:"publisher-place,omitempty"`
	Publisher      string    `json:"publisher,omitempty"`
	Issued         *cslDate  `json:"issued,omitempty"`
	OriginalDate   *cslDate  `json:"original-date,omitempty"`
	Annote         string    `json:"annote,omitempty"`
}

type cslName struct {
	Family  string `json:"family,omitempty"`
	Given   string `json:"given,omitempty"`
	Literal string `json:"literal,omitempty"`
}

type cslDate struct {
	Parts [][]int `json:"date-parts"`
}

// WriteCSL writes the bibliography as a CSL-JSON array, each item with its citation key,
// indented by two spaces and followed by a newline: the csl format of `galley build`.
func WriteCSL(w io.Writer, doc *source.Document) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(cslItems(doc.Bibliography))
}

// cslItems returns the entries' items, [] when there are none.
func cslItems(entries []*source.BibEntry) []cslItem {
	out := make([]cslItem, 0, len(entries))
	for _, e := range entries {
		out = append(out, cslItemOf(&e.Item))
	}
	return out
}

func cslItemOf(it *bib.Item) cslItem {
	return cslItem{
		ID:             it.ID,
		Type:           it.Type,
		Author:         cslNames(it.Author),
		Editor:         cslNames(it.Editor),
		Translator:     cslNames(it.Translator),
		Title:          it.Title,
		ContainerTitle: it.ContainerTitle,
		Volume:         it.Volume,
		Issue:          it.Issue,
		Page:           it.Page,
		Edition:        it.Edition,
		PublisherPlace: it.PublisherPlace,
		Publisher:      it.Publisher,
		Issued:         (*cslDate)(it.Issued),
		OriginalDate:   (*cslDate)(it.OriginalDate),
		Annote:         it.Annote,
	}
}

func cslNames(ns []bib.Name) []cslName {
	if ns == nil {
		return nil
	}
	out := make([]cslName, len(ns))
	for i, n := range ns {
		out[i] = cslName(n)
	}
	return out
}
