package pdf

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
)

// A reader of finished PDFs for the tests, through qpdf's JSON (version 2, streams decoded and
// inline): what a validator reads, not what galley meant to write.

// pdfFile is a PDF as qpdf reads it.
type pdfFile struct {
	version string
	objs    map[string]json.RawMessage // "obj:N 0 R" → {"value": …} or {"stream": …}
	trailer map[string]any
	cache   map[string]any
}

// readPDF reads the PDF at path with qpdf.
func readPDF(t testing.TB, path string) *pdfFile {
	t.Helper()
	out := run(t, "qpdf", "--json=2", "--json-stream-data=inline", "--decode-level=generalized", path)
	var j struct {
		QPDF []json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal([]byte(out), &j); err != nil || len(j.QPDF) != 2 {
		t.Fatalf("qpdf --json: %v", err)
	}
	var head struct {
		Version string `json:"pdfversion"`
	}
	f := &pdfFile{cache: map[string]any{}}
	if err := json.Unmarshal(j.QPDF[0], &head); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(j.QPDF[1], &f.objs); err != nil {
		t.Fatal(err)
	}
	f.version = head.Version
	f.trailer = f.dict(f.object("trailer"))
	return f
}

// isRef reports whether v is an indirect reference ("12 0 R").
func isRef(v any) bool {
	s, ok := v.(string)
	return ok && strings.HasSuffix(s, " 0 R")
}

// object returns the value of object ref ("12 0 R", or "trailer"): a stream's dictionary for
// a stream. Values are as qpdf writes them: names "/N", strings "u:text" or "b:hex",
// references "N 0 R", numbers, booleans, arrays, maps.
func (f *pdfFile) object(ref string) any {
	if v, ok := f.cache[ref]; ok {
		return v
	}
	key := ref
	if ref != "trailer" {
		key = "obj:" + ref
	}
	var o struct {
		Value  any `json:"value"`
		Stream *struct {
			Dict any `json:"dict"`
		} `json:"stream"`
	}
	if raw, ok := f.objs[key]; ok {
		json.Unmarshal(raw, &o)
	}
	v := o.Value
	if o.Stream != nil {
		v = o.Stream.Dict
	}
	f.cache[ref] = v
	return v
}

// get resolves v when it is a reference.
func (f *pdfFile) get(v any) any {
	if isRef(v) {
		return f.object(v.(string))
	}
	return v
}

// dict returns v, resolved, as a dictionary (empty if it is none).
func (f *pdfFile) dict(v any) map[string]any {
	d, _ := f.get(v).(map[string]any)
	if d == nil {
		d = map[string]any{}
	}
	return d
}

// array returns v as an array, resolved when it refers to one; any other value is an array
// of one (a /K of one kid).
func (f *pdfFile) array(v any) []any {
	if a, ok := f.get(v).([]any); ok {
		return a
	}
	if v == nil {
		return nil
	}
	return []any{v}
}

// data returns the decoded data of stream ref.
func (f *pdfFile) data(ref any) []byte {
	r, _ := ref.(string)
	var o struct {
		Stream struct {
			Data string `json:"data"`
		} `json:"stream"`
	}
	json.Unmarshal(f.objs["obj:"+r], &o)
	b, _ := base64.StdEncoding.DecodeString(o.Stream.Data)
	return b
}

// text returns a string value as text.
func text(v any) string {
	s, _ := v.(string)
	switch {
	case strings.HasPrefix(s, "u:"):
		return s[2:]
	case strings.HasPrefix(s, "b:"):
		b, _ := hex.DecodeString(s[2:])
		return string(b)
	}
	return ""
}

// num returns a number value as an int (-1 if it is none).
func num(v any) int {
	if n, ok := v.(float64); ok {
		return int(n)
	}
	return -1
}

// pages returns the page objects' references in order.
func (f *pdfFile) pages() []string {
	var out []string
	var walk func(v any)
	walk = func(v any) {
		d := f.dict(v)
		if d["/Type"] == "/Pages" {
			for _, k := range f.array(d["/Kids"]) {
				walk(k)
			}
			return
		}
		out = append(out, v.(string))
	}
	walk(f.dict(f.trailer["/Root"])["/Pages"])
	return out
}

// operations splits a content stream into its operations: each operator with its operands.
// It reads what galley and fpdf write, and enough more (comments, nested strings, escapes)
// not to be fooled.
func operations(data []byte) (ops []operation) {
	var stack [][]any // open arrays and dictionaries
	var operands []any
	push := func(v any) {
		if len(stack) > 0 {
			stack[len(stack)-1] = append(stack[len(stack)-1], v)
		} else {
			operands = append(operands, v)
		}
	}
	delim := func(c byte) bool { return strings.IndexByte(" \t\r\n\f\x00()<>[]{}/%", c) >= 0 }
	for i := 0; i < len(data); {
		c := data[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == 0:
			i++
		case c == '%':
			for i < len(data) && data[i] != '\n' && data[i] != '\r' {
				i++
			}
		case c == '[':
			stack = append(stack, nil)
			i++
		case bytes.HasPrefix(data[i:], []byte("<<")):
			stack = append(stack, nil)
			i += 2
		case c == ']' || bytes.HasPrefix(data[i:], []byte(">>")):
			if len(stack) == 0 {
				return ops
			}
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if c == ']' {
				push(top)
				i++
			} else {
				d := map[string]any{}
				for k := 0; k+1 < len(top); k += 2 {
					if name, ok := top[k].(string); ok {
						d[name] = top[k+1]
					}
				}
				push(d)
				i += 2
			}
		case c == '<':
			j := bytes.IndexByte(data[i:], '>')
			if j < 0 {
				return ops
			}
			h := bytes.Map(func(r rune) rune {
				if strings.ContainsRune(" \t\r\n\f", r) {
					return -1
				}
				return r
			}, data[i+1:i+j])
			if len(h)%2 == 1 {
				h = append(h, '0')
			}
			b := make([]byte, len(h)/2)
			hex.Decode(b, h)
			push(b)
			i += j + 1
		case c == '(':
			var b []byte
			depth := 0
			for i++; i < len(data); i++ {
				c := data[i]
				if c == '\\' && i+1 < len(data) {
					i++
					switch e := data[i]; e {
					case 'n':
						b = append(b, '\n')
					case 'r':
						b = append(b, '\r')
					case 't':
						b = append(b, '\t')
					case 'b':
						b = append(b, '\b')
					case 'f':
						b = append(b, '\f')
					case '\n':
					default:
						if e >= '0' && e <= '7' {
							n := 0
							for k := 0; k < 3 && i < len(data) && data[i] >= '0' && data[i] <= '7'; k++ {
								n = n*8 + int(data[i]-'0')
								i++
							}
							i--
							b = append(b, byte(n))
						} else {
							b = append(b, e)
						}
					}
					continue
				}
				if c == '(' {
					depth++
				} else if c == ')' {
					if depth == 0 {
						break
					}
					depth--
				}
				b = append(b, c)
			}
			push(b)
			i++
		case c == '/':
			j := i + 1
			for j < len(data) && !delim(data[j]) {
				j++
			}
			push(string(data[i:j]))
			i = j
		default:
			j := i
			for j < len(data) && !delim(data[j]) {
				j++
			}
			if j == i {
				j++ // a stray delimiter
			}
			w := string(data[i:j])
			i = j
			if n, err := strconv.ParseFloat(w, 64); err == nil {
				push(n)
				continue
			}
			if len(stack) > 0 {
				push(w) // true, false, null inside an array or dictionary
				continue
			}
			ops = append(ops, operation{op: w, args: operands})
			operands = nil
			if w == "BI" { // an inline image: skip to its end
				k := bytes.Index(data[i:], []byte("EI"))
				if k < 0 {
					return ops
				}
				i += k + 2
			}
		}
	}
	return ops
}

// An operation is an operator of a content stream with its operands.
type operation struct {
	op   string
	args []any
}

// textOf decodes a PDF text string as qpdf gives it, or as a content stream holds it (UTF-16
// with a byte order mark, else PDFDocEncoding taken as Latin-1).
func textOf(b []byte) string {
	if len(b) >= 2 && b[0] == 0xfe && b[1] == 0xff {
		u := make([]uint16, 0, len(b)/2)
		for i := 2; i+1 < len(b); i += 2 {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		}
		return string(utf16.Decode(u))
	}
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return string(r)
}
