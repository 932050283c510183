package cover

import (
	"golang.org/x/text/unicode/bidi"
)

// Right-to-left text (Hebrew; Arabic shows as boxes, having no face) is stored in reading order
// and drawn left to right, so each line is put in the order it is drawn first: the result of
// Unicode's bidirectional algorithm for the simple texts a title or a name is, a paragraph of
// one direction with runs of the other and numbers in it.

// rightToLeft reports whether s reads from right to left: its first letter with a direction
// is a right-to-left one.
func rightToLeft(s string) bool {
	for _, r := range s {
		switch class(r) {
		case bidi.L:
			return false
		case bidi.R, bidi.AL:
			return true
		}
	}
	return false
}

func class(r rune) bidi.Class {
	p, _ := bidi.LookupRune(r)
	return p.Class()
}

// visual returns line in drawing order, for a paragraph that reads right to left if rtl. The
// runs that read against the paragraph are found first; then, in a left-to-right paragraph,
// each right-to-left run is reversed; in a right-to-left one, the line is reversed but its
// left-to-right runs are not. A number keeps its digits' order either way, and a bracket in
// a reversed stretch is mirrored, as the algorithm does.
func visual(line string, rtl bool) string {
	rs := []rune(line)
	if !rtl {
		hasRTL := false
		for _, r := range rs {
			if c := class(r); c == bidi.R || c == bidi.AL {
				hasRTL = true
				break
			}
		}
		if !hasRTL {
			return line
		}
	}
	out := make([]rune, 0, len(rs))
	if !rtl {
		for i := 0; i < len(rs); {
			if c := class(rs[i]); c != bidi.R && c != bidi.AL {
				out = append(out, rs[i])
				i++
				continue
			}
			// A right-to-left run: to the last right-to-left letter or number before the
			// next left-to-right letter.
			end := i + 1
			for j := i + 1; j < len(rs) && class(rs[j]) != bidi.L; j++ {
				if c := class(rs[j]); c == bidi.R || c == bidi.AL || c == bidi.EN || c == bidi.AN {
					end = j + 1
				}
			}
			out = append(out, reverseUnits(rs[i:end], false)...)
			i = end
		}
		return string(out)
	}
	return string(reverseUnits(rs, true))
}

// reverseUnits reverses rs, mirroring brackets, but keeps in their order the numbers and, if
// keepLTR, the left-to-right runs: from a left-to-right letter to the last left-to-right
// letter or number before a right-to-left letter.
func reverseUnits(rs []rune, keepLTR bool) []rune {
	var units [][]rune
	for i := 0; i < len(rs); {
		c := class(rs[i])
		end := i + 1
		switch {
		case c == bidi.EN || c == bidi.AN:
			for j := i + 1; j < len(rs); j++ {
				cj := class(rs[j])
				if cj == bidi.EN || cj == bidi.AN {
					end = j + 1
				} else if cj != bidi.CS && cj != bidi.ET && cj != bidi.ES {
					break
				}
			}
		case keepLTR && c == bidi.L:
			for j := i + 1; j < len(rs); j++ {
				cj := class(rs[j])
				if cj == bidi.R || cj == bidi.AL {
					break
				}
				if cj == bidi.L || cj == bidi.EN || cj == bidi.AN {
					end = j + 1
				}
			}
		default:
			units = append(units, []rune{mirror(rs[i])})
			i++
			continue
		}
		units = append(units, rs[i:end])
		i = end
	}
	out := make([]rune, 0, len(rs))
	for k := len(units) - 1; k >= 0; k-- {
		out = append(out, units[k]...)
	}
	return out
}

// mirrors pairs the brackets whose glyphs are drawn mirrored in right-to-left text.
var mirrors = map[rune]rune{'(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{',
	'<': '>', '>': '<', '«': '»', '»': '«', '‹': '›', '›': '‹'}

func mirror(r rune) rune {
	if m, ok := mirrors[r]; ok {
		return m
	}
	return r
}
