package source

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Format returns the diagnostic as compilers print theirs, "file:line:col: severity: message":
// the one form of every message galley writes about an input. The file name and the message
// come from the input (a figure's file name, a quoted line), so both are made Printable: a
// diagnostic shows what the input holds and never acts on the terminal.
func (d Diagnostic) Format(file string) string {
	return Printable(file) + ":" + strconv.Itoa(d.Line) + ":" + strconv.Itoa(d.Col) + ": " +
		string(d.Severity) + ": " + Printable(d.Message)
}

// Printable returns s with every character that a terminal would act on rather than show
// written as a Go escape: C0 and C1 controls and DEL (\x1b, \x07, \x00, \u009b), the
// bidirectional controls that reorder what follows them (\u202e), line and paragraph
// separators, and bytes that are not UTF-8 (\xff). Text without them is returned as it is.
func Printable(s string) string {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if acts(r, size) {
			break
		}
		i += size
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(`\x`)
			b.WriteString(hex2(s[i]))
		case !acts(r, size):
			b.WriteString(s[i : i+size])
		case r < 0x80:
			b.WriteString(`\x`)
			b.WriteString(hex2(byte(r)))
		default:
			b.WriteString(`\u`)
			h := strconv.FormatInt(int64(r), 16)
			b.WriteString(strings.Repeat("0", 4-len(h)) + h)
		}
		i += size
	}
	return b.String()
}

// acts reports whether a terminal acts on the character r (of size bytes in UTF-8).
func acts(r rune, size int) bool {
	switch {
	case r == utf8.RuneError && size == 1, r < 0x20, r >= 0x7f && r < 0xa0:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f,
		r == 0x061c, r == 0x2028, r == 0x2029:
		return true
	}
	return false
}

func hex2(c byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[c>>4], digits[c&15]})
}

// InputError is an error about an input as a whole (a file that cannot be read, an artifact
// that cannot be written), placed at its first line.
func InputError(msg string) Diagnostic {
	return Diagnostic{Line: 1, Col: 1, Severity: SevError, Message: msg}
}

// LineWarning is a warning about a source line, placed at its first column; a line below 1 (a
// problem with no better place) is the first line.
func LineWarning(line int, msg string) Diagnostic {
	return Diagnostic{Line: max(line, 1), Col: 1, Severity: SevWarning, Message: msg}
}
