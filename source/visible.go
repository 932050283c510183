package source

import (
	"fmt"
	"strings"
	"unicode"
)

// invisibleChars are the characters that draw nothing: Unicode's default-ignorable code points
// (the soft hyphen, zero-width spaces and joiners, direction marks and overrides, word joiner
// and invisible operators, variation selectors, the byte-order mark, Hangul fillers, tags) and
// the blank braille pattern, which fonts draw as an empty cell.
var invisibleChars = &unicode.RangeTable{
	R16: []unicode.Range16{
		{Lo: 0x00ad, Hi: 0x00ad, Stride: 1},
		{Lo: 0x034f, Hi: 0x034f, Stride: 1},
		{Lo: 0x061c, Hi: 0x061c, Stride: 1},
		{Lo: 0x115f, Hi: 0x1160, Stride: 1},
		{Lo: 0x17b4, Hi: 0x17b5, Stride: 1},
		{Lo: 0x180b, Hi: 0x180f, Stride: 1},
		{Lo: 0x200b, Hi: 0x200f, Stride: 1},
		{Lo: 0x202a, Hi: 0x202e, Stride: 1},
		{Lo: 0x2060, Hi: 0x206f, Stride: 1},
		{Lo: 0x2800, Hi: 0x2800, Stride: 1},
		{Lo: 0x3164, Hi: 0x3164, Stride: 1},
		{Lo: 0xfe00, Hi: 0xfe0f, Stride: 1},
		{Lo: 0xfeff, Hi: 0xfeff, Stride: 1},
		{Lo: 0xffa0, Hi: 0xffa0, Stride: 1},
		{Lo: 0xfff0, Hi: 0xfff8, Stride: 1},
	},
	R32: []unicode.Range32{
		{Lo: 0x1bca0, Hi: 0x1bca3, Stride: 1},
		{Lo: 0x1d173, Hi: 0x1d17a, Stride: 1},
		{Lo: 0xe0000, Hi: 0xe0fff, Stride: 1},
	},
}

// visible reports whether s has a character that shows: one that is not white space, not
// invisible (invisibleChars) and not a combining mark with nothing to combine with. A field
// without one (a title of zero-width spaces) is read as empty.
func visible(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && !unicode.Is(invisibleChars, r) && !unicode.Is(unicode.Mn, r) {
			return true
		}
	}
	return false
}

// unseen names the characters of an invisible text for a diagnostic: "U+200B U+2060", the
// first three that are not white space.
func unseen(s string) string {
	var out []string
	seen := map[rune]bool{}
	for _, r := range s {
		if unicode.IsSpace(r) || seen[r] {
			continue
		}
		seen[r] = true
		if len(out) == 3 {
			out = append(out, "…")
			break
		}
		out = append(out, fmt.Sprintf("%U", r))
	}
	return strings.Join(out, " ")
}
