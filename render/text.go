package render

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"galley/source"
)

// What the renderers share about text: the document's language, a figure's text alternative,
// and what a word is, so that a position given as a word number (where a printed page
// begins) means the same in every format.

// Lang returns the document's language as a well-formed BCP 47 tag, "en" when it has none.
// A tag that is not one is warned of through opt and replaced by "en": it goes into the
// PDF's catalog and the EPUB's package as it is returned.
func Lang(doc *source.Document, opt *Options) string {
	if doc.Lang == "" {
		return "en"
	}
	tag, err := language.Parse(doc.Lang)
	if err != nil || tag == language.Und {
		opt.Warnf(1, fmt.Sprintf("language %q is not a BCP 47 tag; using en", clip(doc.Lang, 40)))
		return "en"
	}
	return tag.String()
}

// clip shortens s to at most n runes for a message.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// AltText is the text alternative of a figure's image: its caption, which the figure also
// shows, else the alternative text the source gives, else the image's file name.
func AltText(f *source.Figure) string {
	for _, s := range []string{f.Caption, f.Alt, f.File} {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return "Image"
}

// Space reports whether c separates words: a space, a tab, a line end, or the Unicode line or
// paragraph separator, all of which are set as a space.
func Space(c rune) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '\u2028', '\u2029':
		return true
	}
	return false
}

// Invisible reports whether c draws nothing and is left out of the text as set: the
// zero-width non-joiner and joiner, the word joiner, the byte order mark and the variation
// selectors. A word of these alone is no word.
func Invisible(c rune) bool {
	switch {
	case c == '\u200c' || c == '\u200d' || c == '\u2060' || c == '\ufeff':
		return true
	case c >= '\ufe00' && c <= '\ufe0f':
		return true
	}
	return false
}

// Words returns the byte offsets in s of the words' starts: a word is a run of characters
// that are not Space, with at least one that is not Invisible. The PDF counts the words of a
// paragraph set on earlier pages, the EPUB finds where the next page begins, with it.
func Words(s string) []int {
	var starts []int
	start, visible := -1, false
	for i, c := range s {
		switch {
		case Space(c):
			if start >= 0 && visible {
				starts = append(starts, start)
			}
			start, visible = -1, false
		default:
			if start < 0 {
				start = i
			}
			visible = visible || !Invisible(c)
		}
	}
	if start >= 0 && visible {
		starts = append(starts, start)
	}
	return starts
}
