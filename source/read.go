package source

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// DefaultMaxInput is the largest input read unless Options.MaxInput says otherwise.
const DefaultMaxInput = 32 << 20

// maxLineBytes bounds one source line; a longer line is an error naming it, so no later stage
// meets a paragraph it cannot lay out in bounded time.
const maxLineBytes = 1 << 20

// Error is a fatal problem with an input, positioned like a compiler diagnostic.
type Error struct {
	File string
	Line int
	Col  int
	Err  error
}

// Error formats the error as FILE:LINE:COL: error: message.
func (e *Error) Error() string {
	return Diagnostic{Line: e.Line, Col: e.Col, Severity: SevError, Message: e.Err.Error()}.Format(e.File)
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// line is one source line after reading: its text and 1-based number.
type line struct {
	text string
	num  int
	// raw keeps the trailing white space, which is a hard line break in Markdown.
	raw string
}

// readLines validates and normalises raw input and splits it into lines: it drops a leading
// byte-order mark, reads CRLF and lone CR as LF, checks UTF-8 (or replaces bad bytes when
// lossy), replaces control characters, applies NFC and trims trailing white space.
func readLines(data []byte, opt *Options, diags *[]Diagnostic) ([]line, error) {
	limit := opt.MaxInput
	if limit <= 0 {
		limit = DefaultMaxInput
	}
	if int64(len(data)) > limit {
		return nil, &Error{File: opt.File, Line: 1, Col: 1,
			Err: fmt.Errorf("input is %d bytes, over the limit of %d (see --max-input)", len(data), limit)}
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &Error{File: opt.File, Line: 1, Col: 1, Err: fmt.Errorf("empty input")}
	}
	if off := invalidUTF8(data); off >= 0 {
		ln, col := position(data, off)
		if !opt.Lossy {
			return nil, &Error{File: opt.File, Line: ln, Col: col,
				Err: fmt.Errorf("not UTF-8 text: invalid byte 0x%02X at byte offset %d (use --lossy to replace bad bytes)", data[off], off)}
		}
		*diags = append(*diags, Diagnostic{Line: ln, Col: col, Severity: SevWarning,
			Message: fmt.Sprintf("invalid UTF-8 from byte offset %d replaced with U+FFFD", off)})
		data = bytes.ToValidUTF8(data, []byte("\uFFFD"))
	}
	data = cleanControls(data, opt, diags)
	if !norm.NFC.IsNormal(data) {
		data = norm.NFC.Bytes(data)
	}

	lines := make([]line, 0, bytes.Count(data, []byte{'\n'})+1)
	num := 0
	for len(data) > 0 {
		num++
		end := bytes.IndexByte(data, '\n')
		var raw []byte
		if end < 0 {
			raw, data = data, nil
		} else {
			raw, data = data[:end], data[end+1:]
		}
		if len(raw) > maxLineBytes {
			return nil, &Error{File: opt.File, Line: num, Col: maxLineBytes + 1,
				Err: fmt.Errorf("line is %d bytes long, over the limit of %d", len(raw), maxLineBytes)}
		}
		s := string(raw)
		lines = append(lines, line{text: strings.TrimRight(s, " \t\u00a0"), num: num, raw: s})
	}
	return lines, nil
}

// invalidUTF8 returns the byte offset of the first byte that is not valid UTF-8, or -1.
func invalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}

// position converts a byte offset into a 1-based line and byte column.
func position(b []byte, off int) (int, int) {
	ln := 1 + bytes.Count(b[:off], []byte{'\n'})
	start := bytes.LastIndexByte(b[:off], '\n') + 1
	return ln, off - start + 1
}

// cleanControls turns CRLF and lone CR into LF, tabs and form feeds into spaces, and other
// control characters (which no XML document may hold) into U+FFFD with one warning.
func cleanControls(b []byte, opt *Options, diags *[]Diagnostic) []byte {
	clean := true
	for _, c := range b {
		if c < 0x20 && c != '\n' || c == 0x7f {
			clean = false
			break
		}
	}
	if clean {
		return b
	}
	out := make([]byte, 0, len(b))
	warned := false
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '\r':
			out = append(out, '\n')
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
		case c == '\t' || c == '\f' || c == '\v':
			out = append(out, ' ')
		case c < 0x20 && c != '\n' || c == 0x7f:
			if !warned {
				ln, col := position(b, i)
				*diags = append(*diags, Diagnostic{Line: ln, Col: col, Severity: SevWarning,
					Message: fmt.Sprintf("control character U+%04X replaced with U+FFFD", c)})
				warned = true
			}
			out = append(out, "\uFFFD"...)
		default:
			out = append(out, c)
		}
	}
	return out
}
