package pdf

import "strconv"

// Tagging: the PDF's logical structure (ISO 32000-1, 14.7 and 14.8; PDF/UA-1, ISO 14289-1),
// made in the same three stages as the pages.
//
//   - layout creates the structure elements (tags), in reading order, under the Document
//     root: the title H1, the parts' and sections' headings H2 to H6 (one level below the
//     heading they nest in, never skipping one), P, L/LI/Lbl/LBody, BlockQuote, Code,
//     Table/TR/TH/TD, Div holding a Figure (with /Alt) and its Caption, BibEntry. Each box's
//     draw function knows the elements of what it draws. A figure that floats to a later page
//     is in the tree where its anchor is in the text.
//   - draw writes the marked content: before anything is painted, the drawer is told what it
//     belongs to, d.content(n) for an element's content or d.artifact(kind) for what is not
//     content (running heads, page numbers, rules, panels, the frame of a missing image, a
//     table's header repeated on the page it continues on). The painting primitives (text,
//     setLine, rect, rule, frame, image) open the matching sequence, "/P <</MCID n>> BDC" or
//     "/Artifact <<…>> BDC", and close the previous one: lines of one paragraph drawn one
//     after the other share a sequence. Links become Link elements inside the text they are
//     in, with the annotation as an OBJR; a word hyphenated at a line end carries, on its
//     hyphen, /ActualText with the rest of the word, and the rest on the next line an empty
//     one, so that it is read and copied whole.
//   - finish writes the tree (see writeStructure), the parent tree that maps each page's
//     MCIDs and each annotation back to its element, and the catalog's entries.
//
// Drawing new content (a house name in the footer, a logo in the title block): call
// d.artifact(artFooter) (or artHeader, artLayout) or d.content(n) with an element made in
// layout before the drawing calls, and draw with the drawer's primitives. A logo drawn as an
// image goes through d.image, which keeps fpdf's image inside the sequence. Nothing may be
// drawn before one of them: TestTagged fails on a painting operator outside marked content.

// Kinds of artifact: what they are is their property list.
const (
	artHeader = "/Type /Pagination /Subtype /Header" // running head; a table's repeated header
	artFooter = "/Type /Pagination /Subtype /Footer" // page number
	artLayout = "/Type /Layout"                      // rules, panels, frames
)

// A tag is an element of the structure tree.
type tag struct {
	typ    string // standard structure type: P, H1, Table, TH, Figure…
	parent *tag
	kids   []kid
	alt    string // /Alt: a figure's text alternative
	attrs  string // /A: attributes, a PDF dictionary ("<</O /Table /Scope /Column>>")
	num    int    // object number, set by finish; 0 when it is not written (no content)
}

// A kid is one entry of an element's /K, in order: a child element, marked content on a page
// (its MCID), or a link annotation.
type kid struct {
	n     *tag
	page  int // 1-based page of the marked content or the annotation
	mcid  int
	annot *annot
}

// An annot is a link annotation fpdf writes, known by its page and its place in the page's
// /Annots (fpdf writes a page's links in the order they were made).
type annot struct {
	link     *tag   // the Link element that owns it
	contents string // /Contents: where it goes, for assistive technology
	dict     []byte // fpdf's dictionary, set by finish
	num, key int    // object number and key in the parent tree, set by finish
}

// add appends a new element of type typ to parent and returns it.
func (parent *tag) add(typ string) *tag {
	n := &tag{typ: typ, parent: parent}
	parent.kids = append(parent.kids, kid{n: n})
	return n
}

// headingType is the element of a heading at outline level level (the title at 0): H1 to H6.
func headingType(level int) string {
	return "H" + strconv.Itoa(min(max(level+1, 1), 6))
}

// A marking is what the drawing going into the page belongs to: an element's content, or an
// artifact of a kind; the zero marking is neither.
type marking struct {
	n   *tag
	art string
}

// content says that what is drawn next is n's content: n's lines, or its text and links.
// In a table's header repeated on the page the table continues on, it is an artifact.
func (d *drawer) content(n *tag) {
	if d.repeat {
		d.artifact(artHeader)
		return
	}
	if n != d.para {
		d.para, d.linkSt, d.linkNode = n, nil, nil
	}
	d.want = marking{n: n}
}

// artifact says that what is drawn next is an artifact of the kind (artHeader, artFooter,
// artLayout).
func (d *drawer) artifact(kind string) {
	d.para = nil
	d.want = marking{art: kind}
}

// sync makes the open marked-content sequence the one wanted, closing the one open: the
// painting primitives call it before they write. A new sequence of an element takes the
// page's next MCID.
func (d *drawer) sync() {
	if d.open == d.want {
		return
	}
	d.closeMark()
	switch w := d.want; {
	case w.n != nil:
		pg := d.page
		mcid := len(d.parents[pg-1])
		d.parents[pg-1] = append(d.parents[pg-1], w.n)
		w.n.kids = append(w.n.kids, kid{page: pg, mcid: mcid})
		d.buf = append(d.buf, '/')
		d.buf = append(d.buf, w.n.typ...)
		d.buf = append(d.buf, " <</MCID "...)
		d.buf = strconv.AppendInt(d.buf, int64(mcid), 10)
		d.buf = append(d.buf, ">> BDC\n"...)
	case w.art != "":
		d.buf = append(d.buf, "/Artifact <<"...)
		d.buf = append(d.buf, w.art...)
		d.buf = append(d.buf, ">> BDC\n"...)
	}
	d.open = d.want
}

// closeMark closes the open sequence, if any.
func (d *drawer) closeMark() {
	if d.open != (marking{}) {
		d.buf = append(d.buf, "EMC\n"...)
		d.open = marking{}
	}
}

// textMark returns the marking of a run of text in style st, in the element of the lines
// being drawn: a link's text is a Link element inside it, one per run of the link, however
// many lines the run takes.
func (d *drawer) textMark(st *textStyle) marking {
	if d.para == nil {
		return d.want
	}
	if st.link == "" && st.anchor == "" {
		d.linkSt, d.linkNode = nil, nil
		return marking{n: d.para}
	}
	if d.linkSt != st || d.linkNode == nil {
		d.linkNode, d.linkSt = d.para.add("Link"), st
	}
	return marking{n: d.linkNode}
}

// linkTo makes a link annotation over the rectangle (top-left corner x, y), to the URI uri
// or, when uri is "", to fpdf's link id, owned by the Link element n.
func (d *drawer) linkTo(n *tag, x, y, w, h float64, uri string, id int, contents string) {
	if uri != "" {
		d.p.LinkString(x, y, w, h, uri)
	} else {
		d.p.Link(x, y, w, h, id)
	}
	a := &annot{link: n, contents: contents}
	d.annots[d.page-1] = append(d.annots[d.page-1], a)
	n.kids = append(n.kids, kid{page: d.page, annot: a})
}

// appendTextString appends s as a PDF text string: literal when it is printable ASCII, else
// UTF-16BE with a byte order mark, in hex.
func appendTextString(b []byte, s string) []byte {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			ascii = false
			break
		}
	}
	if ascii {
		b = append(b, '(')
		for i := 0; i < len(s); i++ {
			if c := s[i]; c == '(' || c == ')' || c == '\\' {
				b = append(b, '\\')
			}
			b = append(b, s[i])
		}
		return append(b, ')')
	}
	b = append(b, "<FEFF"...)
	for _, c := range s {
		if c >= 0x10000 {
			b = appendHex4(b, 0xd800+(c-0x10000)>>10)
			b = appendHex4(b, 0xdc00+(c-0x10000)&0x3ff)
			continue
		}
		b = appendHex4(b, c)
	}
	return append(b, '>')
}
