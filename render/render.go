// Package render holds what galley's renderers share: the options of a build, how images are
// found, and how dates and lifespans are shown. The renderers themselves are render/pdf and
// render/epub; citation styles are render/cite.
package render

import (
	"sync"
	"time"
	"weak"

	"galley/fonts"
	"galley/render/cite"
	"galley/source"
)

// Options configure one rendering of a document.
type Options struct {
	// Paper is "letter" (default), "a4" or "a5" (PDF only).
	Paper string
	// Cite is the bibliography style.
	Cite cite.Style
	// Font is the embedded family; nil means fonts.Serif.
	Font *fonts.Family
	// EmbedFonts embeds the family in the EPUB too (the PDF always embeds it).
	EmbedFonts bool
	// Images finds figures' image bytes; nil means every figure gets a placeholder.
	Images Images
	// Version is galley's version, written as the PDF's Creator and the EPUB's generator.
	Version string
	// Modified is the build time written into metadata: SOURCE_DATE_EPOCH when set, so that
	// builds are reproducible.
	Modified time.Time
	// Identifier is the document's stable identifier (a urn:uuid derived from the source).
	Identifier string
	// Warn receives problems that do not stop the rendering (a missing image, a character the
	// font lacks), with the source line they concern.
	Warn func(line int, msg string)
}

// Warnf reports a warning through o.Warn, if set.
func (o *Options) Warnf(line int, msg string) {
	if o.Warn != nil {
		o.Warn(line, msg)
	}
}

// Family returns the font family to use.
func (o *Options) Family() *fonts.Family {
	if o.Font == nil {
		return fonts.Serif
	}
	return o.Font
}

// Bibliography formats doc's bibliography in style (the default style if empty). The
// document's lexicon is computed only for a style that reads it: cite.Format documents that
// APA needs it and that no lexicon means no word is known to be proper; computing it reads
// the whole text.
func Bibliography(doc *source.Document, style cite.Style) []cite.Entry {
	if len(doc.Bibliography) == 0 {
		return nil
	}
	var lex cite.Lexicon
	if style == cite.APA {
		lex = Lexicon(doc)
	}
	return cite.Format(doc.Bibliography, style, lex)
}

// Lexicon returns the words the article writes capitalised mid-sentence (from the body, the
// key figures' names and the locales), which APA's sentence case must keep. It is computed
// once per document and shared, read-only, by the renderers of that document (reading the
// whole text, it cost as much as the EPUB's packaging); a document must not change once it
// is being rendered.
func Lexicon(doc *source.Document) cite.Lexicon {
	if doc == nil {
		return cite.NewLexicon(nil)
	}
	// Weak keys: the cache keeps no document alive, and a document allocated where a
	// collected one was is a different key.
	key := weak.Make(doc)
	lexicons.Lock()
	for _, e := range lexicons.recent {
		if e.doc == key && e.lex != nil {
			lexicons.Unlock()
			return e.lex
		}
	}
	lexicons.Unlock()
	lex := cite.NewLexicon(doc)
	lexicons.Lock()
	lexicons.recent[lexicons.next] = lexEntry{key, lex}
	lexicons.next = (lexicons.next + 1) % len(lexicons.recent)
	lexicons.Unlock()
	return lex
}

// lexicons holds the lexicons of the documents rendered last: enough for every worker of a
// batch to find its document's.
var lexicons struct {
	sync.Mutex
	recent [16]lexEntry
	next   int
}

type lexEntry struct {
	doc weak.Pointer[source.Document]
	lex cite.Lexicon
}
