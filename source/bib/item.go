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
	ID             string
	Type           string
	Author         []Name
	Editor         []Name
	Translator     []Name
	Title          string
	ContainerTitle string
	Volume         string
	Issue          string
	Page           string
	Edition        string
	PublisherPlace string
	Publisher      string
	Issued         *DateParts
	OriginalDate   *DateParts
	Annote         string
}

// Name is a CSL name: a person (Family, Given) or an institution (Literal).
type Name struct {
	Family  string
	Given   string
	Literal string
}

// DateParts is a CSL date: {"date-parts": [[year, month, day]]}, month and day optional.
type DateParts struct {
	Parts [][]int
}

// Year returns the first year of d, and false when d holds none.
func (d *DateParts) Year() (int, bool) {
	if d == nil || len(d.Parts) == 0 || len(d.Parts[0]) == 0 {
		return 0, false
	}
	return d.Parts[0][0], true
}
