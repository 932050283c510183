// Package render holds what galley's renderers share: the article they render (a document and
// what is looked up about it once), the options of a rendering, the order of an article's
// parts, how images are found, and how dates and lifespans are shown. The renderers themselves
// are render/pdf and render/epub; citation styles are render/cite.
package render

import (
	"time"

	"galley/fonts"
	"galley/render/cite"
)

// Options configure one rendering of an article.
type Options struct {
	// Paper is "letter" (default), "a4" or "a5" (PDF only).
	Paper string
	// Cite is the bibliography style; empty means Chicago.
	Cite cite.Style
	// Font names the embedded family: "serif" (the default, also for ""), "sans", or a
	// directory of TTF files. The renderers resolve it with Family.
	Font string
	// EmbedFonts embeds the family in the EPUB too (the PDF always embeds it).
	EmbedFonts bool
	// Version is galley's version, written as the PDF's Creator and the EPUB's generator.
	Version string
	// Modified is the build time written into metadata: SOURCE_DATE_EPOCH when set, so that
	// builds are reproducible.
	Modified time.Time
	// Identifier is the document's stable identifier (a urn:uuid derived from the source).
	Identifier string
	// Print is the print edition of the same build, for the EPUB: with it, the EPUB marks
	// where each printed page begins and lists the pages; nil, it has no page list. The PDF
	// renderer returns it (pdf.RenderPrint).
	Print *Print
	// House names the school, library or publisher that issues the document (a house-style
	// file's): the PDF's footer, the EPUB's publisher and its cover carry it. "" for none.
	House string
	// Logo is the house's logo, a PNG or JPEG image, for the PDF's title block and the
	// EPUB's cover; nil for none.
	Logo *Image
	// Warn receives problems that do not stop the rendering (a missing image, a character the
	// font lacks), with the source line they concern.
	Warn func(line int, msg string)
	// Note receives what is worth knowing but asks for no change (an image at a remote
	// address that was not asked for: see ErrNotFetched), with its source line.
	Note func(line int, msg string)
}

// Warnf reports a warning through o.Warn, if set.
func (o *Options) Warnf(line int, msg string) {
	if o.Warn != nil {
		o.Warn(line, msg)
	}
}

// Family returns the font family that Font names. A directory is read once per process (see
// fonts.Lookup), so a program can call Family to check its options before rendering.
func (o *Options) Family() (*fonts.Family, error) {
	return fonts.Lookup(o.Font)
}

// CiteStyle returns the bibliography style, Chicago when Cite is empty.
func (o *Options) CiteStyle() cite.Style {
	if o.Cite == "" {
		return cite.Chicago
	}
	return o.Cite
}
