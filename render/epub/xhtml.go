package epub

import (
	"bytes"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"galley/render"
	"galley/source"
)

// xw writes the body of one XHTML content document. Every piece of text goes through text or
// attr, which escape it and drop what XML cannot hold, so nothing from the input is ever
// markup.
type xw struct {
	bytes.Buffer
	// ids holds the ids used in the current document: an id appears at most once per file.
	ids map[string]bool
	// heading is the level of the last heading written, so that levels never skip one.
	heading int
	// pb marks and records where the printed pages begin; nil when the book has no page
	// list.
	pb *pageBreaks
	// midWord says that the text written last ended inside a word, which the next run may
	// continue (a word of two styles is one word).
	midWord bool
}

// reset starts a new document.
func (w *xw) reset() {
	w.Reset()
	clear(w.ids)
	w.heading = 1
}

// text writes s as character data.
func (w *xw) text(s string) { escape(&w.Buffer, s, false) }

// attr writes s as the value of an attribute in double quotes.
func (w *xw) attr(s string) { escape(&w.Buffer, s, true) }

// escape writes s with &, < and > (and " in attributes) escaped, invalid UTF-8 replaced by
// U+FFFD, and the characters XML 1.0 forbids or discourages (C0 and C1 controls other than
// tab and newline, noncharacters) dropped, since a conforming parser must reject them.
func escape(b *bytes.Buffer, s string, inAttr bool) {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			var rep string
			switch {
			case c == '&':
				rep = "&amp;"
			case c == '<':
				rep = "&lt;"
			case c == '>':
				rep = "&gt;"
			case c == '"' && inAttr:
				rep = "&quot;"
			case c == '\t' || c == '\n':
				if inAttr {
					rep = " "
				} else {
					i++
					continue
				}
			case c < 0x20 || c == 0x7f:
				rep = ""
			default:
				i++
				continue
			}
			b.WriteString(s[last:i])
			b.WriteString(rep)
			i++
			last = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || !xmlChar(r) {
			b.WriteString(s[last:i])
			if r == utf8.RuneError {
				b.WriteRune(utf8.RuneError)
			}
			i += size
			last = i
			continue
		}
		i += size
	}
	b.WriteString(s[last:])
}

// xmlChar reports whether a non-ASCII rune may appear in the output: C1 controls and
// noncharacters may not (XML 1.0 §2.2 discourages them; HTML forbids them).
func xmlChar(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f:
		return false
	case r >= 0xfdd0 && r <= 0xfdef:
		return false
	case r&0xfffe == 0xfffe:
		return false
	case r >= 0xd800 && r <= 0xdfff:
		return false
	}
	return true
}

// clean returns s as escape would keep it, unescaped: for values that go into metadata
// through another encoder.
func clean(s string) string {
	var b bytes.Buffer
	escape(&b, s, false)
	if b.Len() == len(s) {
		return s
	}
	r := strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">")
	return r.Replace(b.String())
}

// id writes ` id="..."` when the id is a valid XML name not yet used in this document.
// It reports whether the id was written, so that links only ever point at ids that exist.
func (w *xw) id(id string) bool {
	if !validID(id) || w.ids[id] {
		return false
	}
	if w.ids == nil {
		w.ids = map[string]bool{}
	}
	w.ids[id] = true
	w.WriteString(` id="`)
	w.WriteString(id)
	w.WriteByte('"')
	return true
}

// validID reports whether s is an ASCII XML name: a letter or '_' then letters, digits,
// '_', '-' or '.'.
func validID(s string) bool {
	if s == "" || len(s) > 200 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
		if !letter && (i == 0 || !(c >= '0' && c <= '9' || c == '-' || c == '.')) {
			return false
		}
	}
	return true
}

// inlines writes styled runs: a flat sequence, each run opening and closing its own elements.
func (w *xw) inlines(runs []source.Inline) {
	for _, r := range runs {
		link := safeHref(r.Link)
		if link != "" {
			w.WriteString(`<a href="`)
			w.attr(link)
			w.WriteString(`">`)
		}
		for _, t := range styleTags {
			if r.Style&t.style != 0 {
				w.WriteString("<" + t.tag + ">")
			}
		}
		w.words(r.Text)
		for i := len(styleTags) - 1; i >= 0; i-- {
			if t := styleTags[i]; r.Style&t.style != 0 {
				w.WriteString("</" + t.tag + ">")
			}
		}
		if link != "" {
			w.WriteString("</a>")
		}
		if r.Break {
			w.WriteString("<br/>")
			w.midWord = false
		}
	}
}

// safeHref returns a link target fit for an href: an absolute http(s) URL with a host, or a
// mailto: address, re-serialised so that it is a valid URL; anything else is "" (no link).
// The model already keeps only these schemes; this also refuses what epubcheck would call
// an invalid URL.
func safeHref(s string) string {
	if s == "" || len(s) > 2048 || strings.ContainsAny(s, " \t\n\r\\<>\"`{}|^") {
		return ""
	}
	u, err := url.Parse(s)
	if err != nil {
		return ""
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" || u.Opaque != "" || u.User != nil || !validHost(u.Hostname()) {
			return ""
		}
	case "mailto":
		if u.Opaque == "" || !strings.Contains(u.Opaque, "@") {
			return ""
		}
	default:
		return ""
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 0x21 || s[i] >= 0x7f {
			// url.String percent-encodes what the source left raw.
			return u.String()
		}
	}
	return s
}

// validHost reports whether h is a plausible DNS name or IP literal: labels of letters,
// digits and '-' separated by single dots.
func validHost(h string) bool {
	if h == "" || len(h) > 253 {
		return false
	}
	if strings.Contains(h, ":") { // IPv6 literal, already bracket-checked by url.Parse
		return true
	}
	for _, label := range strings.Split(h, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for i := 0; i < len(label); i++ {
			c := label[i]
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
				return false
			}
		}
	}
	return true
}

// headingTag returns the tag of a heading asked for at level want, never more than one level
// below the previous heading of the document (an h4 right after an h2 becomes an h3).
func (w *xw) headingTag(want int) string {
	if want > w.heading+1 {
		want = w.heading + 1
	}
	want = max(2, min(want, 6))
	w.heading = want
	return "h" + strconv.Itoa(want)
}

// h1 writes the document's top heading.
func (w *xw) h1(id, text string) {
	w.WriteString("<h1")
	w.id(id)
	w.WriteByte('>')
	w.text(text)
	w.WriteString("</h1>\n")
	w.heading = 1
}

// blocks writes a sequence of blocks; base is the model's heading level that maps to the
// document's h1, so a section's inner headings nest beneath its title.
func (w *xw) blocks(r *renderer, bs []source.Block, base int) {
	for _, b := range bs {
		w.block(r, b, base)
	}
}

func (w *xw) block(r *renderer, b source.Block, base int) {
	switch b := b.(type) {
	case *source.Paragraph:
		w.WriteString("<p")
		if w.id(b.ID) {
			r.anchor(b.ID)
		}
		w.WriteByte('>')
		w.enter(b)
		w.inlines(b.Inlines)
		w.leave()
		w.WriteString("</p>\n")
	case *source.Figure:
		w.enter(b)
		r.figure(w, b)
		w.leave()
	case *source.Heading:
		tag := w.headingTag(b.Level - base + 1)
		w.WriteString("<" + tag)
		w.id(b.ID)
		w.WriteByte('>')
		w.enter(b)
		w.inlines(b.Inlines)
		w.leave()
		w.WriteString("</" + tag + ">\n")
	case *source.List:
		tag := "ul"
		if b.Ordered {
			tag = "ol"
		}
		w.WriteString("<" + tag)
		if b.Ordered && b.Start != 1 && b.Start >= 0 {
			fmt.Fprintf(w, ` start="%d"`, b.Start)
		}
		w.WriteString(">\n")
		for _, item := range b.Items {
			w.WriteString("<li>")
			w.blocks(r, item, base)
			w.WriteString("</li>\n")
		}
		w.WriteString("</" + tag + ">\n")
	case *source.Quote:
		w.WriteString("<blockquote>\n")
		w.blocks(r, b.Blocks, base)
		w.WriteString("</blockquote>\n")
	case *source.CodeBlock:
		w.WriteString(`<pre><code`)
		if lang := codeLang(b.Lang); lang != "" {
			w.WriteString(` class="language-`)
			w.WriteString(lang)
			w.WriteByte('"')
		}
		w.WriteByte('>')
		w.enter(b)
		w.words(b.Text)
		w.leave()
		w.WriteString("</code></pre>\n")
	case *source.Table:
		w.table(b)
	case *source.Rule:
		w.enter(b)
		w.leave()
		w.WriteString("<hr/>\n")
	}
}

// codeLang returns a fenced block's language when it is a plain word, for a class name.
func codeLang(s string) string {
	if len(s) > 32 {
		return ""
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '+') {
			return ""
		}
	}
	return s
}

// table writes a GFM table; alignment is a class, so the style sheet decides.
func (w *xw) table(t *source.Table) {
	w.WriteString("<table class=\"md\">\n")
	var row render.Row // the row being written, for the page breaks
	cell := func(tag string, i int, runs []source.Inline) {
		w.WriteString("<" + tag)
		if tag == "th" {
			w.WriteString(` scope="col"`)
		}
		if i < len(t.Align) {
			switch t.Align[i] {
			case source.AlignLeft:
				w.WriteString(` class="left"`)
			case source.AlignCenter:
				w.WriteString(` class="center"`)
			case source.AlignRight:
				w.WriteString(` class="right"`)
			}
		}
		w.WriteByte('>')
		if i == 0 {
			w.enter(row)
		}
		w.midWord = false
		w.inlines(runs)
		w.WriteString("</" + tag + ">")
	}
	if len(t.Header) > 0 {
		w.WriteString("<thead><tr>")
		row = render.Row{Table: t}
		for i, c := range t.Header {
			cell("th", i, c)
		}
		w.leave()
		w.WriteString("</tr></thead>\n")
	}
	if len(t.Rows) > 0 {
		w.WriteString("<tbody>\n")
		for n, cells := range t.Rows {
			w.WriteString("<tr>")
			row = render.Row{Table: t, Row: n + 1}
			for i, c := range cells {
				cell("td", i, c)
			}
			w.leave()
			w.WriteString("</tr>\n")
		}
		w.WriteString("</tbody>\n")
	}
	w.WriteString("</table>\n")
}

// styleTags are the elements of inline styles, outermost first; they close in reverse.
var styleTags = []struct {
	style source.Style
	tag   string
}{{source.Bold, "strong"}, {source.Italic, "em"}, {source.Strike, "s"}, {source.Code, "code"}}
