// Package bib reads the entries of an article's bibliography into CSL-JSON items, the form
// Zotero and pandoc's citeproc read, and gives them citation keys.
//
// An entry is one line, Chicago-like, followed by an annotation sentence:
//
//	Bennett, Edward M. Recognition of Russia. Waltham, Mass.: Blaisdell, 1970. Discusses ...
//	Horsfall, Nicholas. “The Ides of March.” Greece & Rome 21, no. 2 (1974): 191-199. Examines ...
//	Smith, S. A. “Petrograd in 1917.” In The Workers’ Revolution, edited by Daniel H. Kaiser. ...
//
// ParseEntry reads it as head (names), title, modifiers, facts of publication and annotation.
package bib

// Item is a CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html),
// the form Zotero and pandoc's citeproc read.
type Item struct {
	ID             string     `json:"id,omitempty"`
	Type           string     `json:"type"`
	Author         []Name     `json:"author,omitempty"`
	Editor         []Name     `json:"editor,omitempty"`
	Translator     []Name     `json:"translator,omitempty"`
	Title          string     `json:"title,omitempty"`
	ContainerTitle string     `json:"container-title,omitempty"`
	Volume         string     `json:"volume,omitempty"`
	Issue          string     `json:"issue,omitempty"`
	Page           string     `json:"page,omitempty"`
	Edition        string     `json:"edition,omitempty"`
	PublisherPlace string     `json:"publisher-place,omitempty"`
	Publisher      string     `json:"publisher,omitempty"`
	Issued         *DateParts `json:"issued,omitempty"`
	OriginalDate   *DateParts `json:"original-date,omitempty"`
	Annote         string     `json:"annote,omitempty"`
}

// Name is a CSL name: a person (Family, Given) or an institution (Literal).
type Name struct {
	Family  string `json:"family,omitempty"`
	Given   string `json:"given,omitempty"`
	Literal string `json:"literal,omitempty"`
}

// DateParts is a CSL date: {"date-parts": [[year, month, day]]}, month and day optional.
type DateParts struct {
	Parts [][]int `json:"date-parts"`
}

// Year returns the first year of d, and false when d holds none.
func (d *DateParts) Year() (int, bool) {
	if d == nil || len(d.Parts) == 0 || len(d.Parts[0]) == 0 {
		return 0, false
	}
	return d.Parts[0][0], true
}
