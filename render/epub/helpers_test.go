package epub

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"path"
	"strings"
	"testing"
	"time"

	"galley/internal/testkit"
	"galley/render"
	"galley/source"
	"galley/source/cal"
	"galley/source/timeline"
)

// testTime is the SOURCE_DATE_EPOCH-like build time of the tests.
var testTime = time.Date(2024, 3, 1, 12, 30, 44, 0, time.UTC)

// seedFile is the reference article in the corpus.
const seedFile = "articles/" + testkit.Seed + ".txt"

// parseFile reads a corpus file ("articles/a1.txt", testkit.SpecFile); md reads it as a
// whole Markdown document.
func parseFile(t testing.TB, name string, md bool) *source.Document {
	t.Helper()
	doc, err := source.Parse(testkit.Read(t, name), source.Options{File: path.Base(name), Markdown: md})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// renderBook renders doc, without images, and returns the EPUB's bytes.
func renderBook(t testing.TB, doc *source.Document, opt *render.Options) []byte {
	t.Helper()
	return renderArticle(t, render.NewArticle(doc, nil), opt)
}

// renderArticle renders a and returns the EPUB's bytes.
func renderArticle(t testing.TB, a *render.Article, opt *render.Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(&buf, a, opt); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return buf.Bytes()
}

// epubFiles is an EPUB opened for inspection.
type epubFiles struct {
	zr    *zip.Reader
	names []string
	data  map[string][]byte
}

func openEPUB(t testing.TB, b []byte) *epubFiles {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	e := &epubFiles{zr: zr, data: map[string][]byte{}}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		e.names = append(e.names, f.Name)
		e.data[f.Name] = data
	}
	return e
}

// node is a parsed XML element: enough of a DOM for structural assertions.
type node struct {
	name     xml.Name
	attrs    []xml.Attr
	children []*node
	parent   *node
	// text is the element's character data, its descendants' included.
	text strings.Builder
}

func (n *node) attr(local string) string {
	for _, a := range n.attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// all returns the descendants (n included) for which match is true, in document order.
func (n *node) all(match func(*node) bool) []*node {
	var out []*node
	var walk func(*node)
	walk = func(m *node) {
		if match(m) {
			out = append(out, m)
		}
		for _, c := range m.children {
			walk(c)
		}
	}
	walk(n)
	return out
}

func (n *node) tag(local string) []*node {
	return n.all(func(m *node) bool { return m.name.Local == local })
}

func (n *node) byID(id string) *node {
	found := n.all(func(m *node) bool { return m.attr("id") == id })
	if len(found) == 0 {
		return nil
	}
	return found[0]
}

func (n *node) Text() string { return strings.Join(strings.Fields(n.text.String()), " ") }

// parseXML parses data strictly (no entities beyond XML's five, no undeclared prefixes), as
// EPUB reading systems and epubcheck do, and returns the root element.
func parseXML(data []byte) (*node, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	root := &node{}
	cur := root
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			// encoding/xml leaves an undeclared prefix as the name's space, where a
			// declared one becomes its namespace URL.
			for _, name := range append([]xml.Name{tok.Name}, attrNames(tok.Attr)...) {
				if name.Space != "" && name.Space != "xmlns" && !strings.Contains(name.Space, ":") {
					return nil, fmt.Errorf("undeclared namespace prefix %q on <%s>", name.Space, tok.Name.Local)
				}
			}
			n := &node{name: tok.Name, attrs: tok.Copy().Attr, parent: cur}
			cur.children = append(cur.children, n)
			cur = n
		case xml.EndElement:
			cur = cur.parent
		case xml.CharData:
			for m := cur; m != nil; m = m.parent {
				m.text.Write(tok)
			}
		}
	}
	if len(root.children) != 1 {
		return nil, errors.New("not exactly one root element")
	}
	return root.children[0], nil
}

func attrNames(as []xml.Attr) []xml.Name {
	out := make([]xml.Name, len(as))
	for i, a := range as {
		out[i] = a.Name
	}
	return out
}

func mustXML(t testing.TB, name string, data []byte) *node {
	t.Helper()
	n, err := parseXML(data)
	if err != nil {
		t.Fatalf("%s is not well-formed XML: %v", name, err)
	}
	return n
}

// pages returns the book's XHTML documents in spine order, with their names.
func (e *epubFiles) pages(t testing.TB) (names []string, docs []*node) {
	t.Helper()
	pkg := mustXML(t, packageName, e.data[packageName])
	hrefs := map[string]string{}
	for _, it := range pkg.tag("item") {
		hrefs[it.attr("id")] = it.attr("href")
	}
	for _, ref := range pkg.tag("itemref") {
		name := path.Join(path.Dir(packageName), hrefs[ref.attr("idref")])
		data, ok := e.data[name]
		if !ok {
			t.Fatalf("spine item %s is not in the archive", name)
		}
		names = append(names, name)
		docs = append(docs, mustXML(t, name, data))
	}
	return names, docs
}

// text returns the text of the spine's pages, in reading order.
func (e *epubFiles) text(t testing.TB) string {
	_, docs := e.pages(t)
	var b strings.Builder
	for _, d := range docs {
		for _, body := range d.tag("body") {
			b.WriteString(body.Text())
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// testPNG returns a small PNG image as render.Decode reads it.
func testPNG(t testing.TB, name string) *render.Image {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 8, 6))
	for x := 0; x < 8; x++ {
		img.Set(x, x%6, color.RGBA{R: 200, A: 255})
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	im, err := render.Decode(buf.Bytes(), name)
	if err != nil {
		t.Fatal(err)
	}
	return im
}

// fixedImages finds the same image for every figure.
type fixedImages struct{ img *render.Image }

func (f fixedImages) Find(*source.Figure) (*render.Image, error) { return f.img, nil }

// paragraphWith returns the id of the first paragraph (abstract or sections) whose text
// contains s.
func paragraphWith(doc *source.Document, s string) (id string, offset int) {
	var found string
	var walk func([]source.Block)
	walk = func(bs []source.Block) {
		for _, b := range bs {
			if found != "" {
				return
			}
			switch b := b.(type) {
			case *source.Paragraph:
				if i := strings.Index(b.Text(), s); i >= 0 {
					found, offset = b.ID, i
				}
			case *source.List:
				for _, it := range b.Items {
					walk(it)
				}
			case *source.Quote:
				walk(b.Blocks)
			}
		}
	}
	walk(doc.Abstract)
	for _, sec := range doc.Sections {
		walk(sec.Blocks)
	}
	return found, offset
}

// event returns a timeline event stated by the paragraph that contains sentence.
func event(t testing.TB, doc *source.Document, start, end cal.Date, sentence, phrase string) timeline.Event {
	t.Helper()
	id, off := paragraphWith(doc, sentence)
	if id == "" {
		t.Fatalf("no paragraph contains %q", sentence)
	}
	return timeline.Event{Start: start, End: end, Text: sentence, Phrase: phrase,
		At: strings.Index(sentence, phrase), Offset: off, Para: id}
}
