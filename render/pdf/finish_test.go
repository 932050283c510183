package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"galley/internal/testkit"
	"galley/render"
)

// fpdfOutput returns what fpdf writes for a page holding one chunk marker, as Render has it
// write, and the chunk.
func fpdfOutput(t *testing.T) ([]byte, [][]byte) {
	t.Helper()
	p := fpdf.New("P", "pt", "Letter", "")
	p.SetCompression(false)
	p.AddPage()
	p.RawWriteStr(chunkMarker + "0\n")
	var out bytes.Buffer
	if err := p.Output(&out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes(), [][]byte{[]byte("BT ET")}
}

// onePage is the structure of a document of one page with no content.
func onePage() *structure {
	return &structure{root: &tag{typ: "Document"}, parents: make([][]*tag, 1), annots: make([][]*annot, 1)}
}

// TestFinishChecksFpdf feeds finish outputs that are not laid out as fpdf v0.12.0 lays
// them out: each must be errLayout, saying what differs, not a panic or a broken file. The
// bytes replaced keep the cross-reference table's offsets right.
func TestFinishChecksFpdf(t *testing.T) {
	src, chunks := fpdfOutput(t)
	var ok bytes.Buffer
	if err := finish(&ok, src, nil, chunks, onePage()); err != nil {
		t.Fatalf("fpdf's own output: %v", err)
	}
	// The last digit of the creation date, made a time zone.
	zoned := regexp.MustCompile(`(/CreationDate \(D:\d{13})\d\)`).ReplaceAll(src, []byte("${1}Z)"))
	for _, tc := range []struct {
		name   string
		src    []byte
		chunks [][]byte
		want   string // in the error
	}{
		{"truncated", src[:len(src)/2], chunks, "startxref"},
		{"no xref", bytes.Replace(src, []byte("xref\n"), []byte("xreg\n"), 1), chunks, "cross-reference"},
		{"resources with fonts", bytes.Replace(src, []byte("/Font <<\n>>"), []byte("/Font <</>>"), 1), chunks, "object 2"},
		{"chunk not placed", src, append(chunks, []byte("q Q")), "chunk marker 1"},
		{"unknown chunk", bytes.Replace(src, []byte(chunkMarker+"0"), []byte(chunkMarker+"7"), 1), chunks, "chunk markers once"},
		{"empty", nil, nil, "startxref"},
		{"header", bytes.Replace(src, []byte("%PDF-1."), []byte("%PDF-2."), 1), chunks, "header"},
		{"no Info", bytes.Replace(src, []byte("/Info "), []byte("/Nope "), 1), chunks, "/Info"},
		{"catalog without embedded files", bytes.Replace(src, []byte("/EmbeddedFiles"), []byte("/EmbeddedFilez"), 1), chunks, "embedded-files"},
		{"Info date with a zone", zoned, chunks, "/CreationDate"},
		{"page object", bytes.Replace(src, []byte("<</Type /Page\n"), []byte("<</Type /PAGE\n"), 1), chunks, "page object"},
		{"page tree", bytes.Replace(src, []byte("/Kids [3 0 R"), []byte("/Kids [3 0 Q"), 1), chunks, "kids"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			err := finish(&out, tc.src, nil, tc.chunks, onePage())
			if !errors.Is(err, errLayout) || !strings.Contains(fmt.Sprint(err), "fpdf's output layout changed: expected ") ||
				!strings.Contains(fmt.Sprint(err), tc.want) {
				t.Errorf("err = %v, want errLayout saying what was expected (%s)", err, tc.want)
			}
		})
	}
}

// TestFinishChecksAnnotations feeds finish a page whose links are not as drawn: each must be
// errLayout.
func TestFinishChecksAnnotations(t *testing.T) {
	p := fpdf.New("P", "pt", "Letter", "")
	p.SetCompression(false)
	p.AddPage()
	p.RawWriteStr(chunkMarker + "0\n")
	p.LinkString(10, 10, 50, 12, "https://example.org/a>>b(c)")
	var out bytes.Buffer
	if err := p.Output(&out); err != nil {
		t.Fatal(err)
	}
	link := &tag{typ: "Link"}
	for _, tc := range []struct {
		name   string
		annots []*annot
		ok     bool
	}{
		{"as drawn", []*annot{{link: link, contents: "a"}}, true},
		{"one more drawn", []*annot{{link: link}, {link: link}}, false},
		{"none drawn", nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := onePage()
			st.annots[0] = tc.annots
			var dst bytes.Buffer
			err := finish(&dst, out.Bytes(), nil, [][]byte{[]byte("BT ET")}, st)
			if tc.ok && err != nil || !tc.ok && !errors.Is(err, errLayout) {
				t.Errorf("err = %v", err)
			}
			if tc.ok && !bytes.Contains(inflated(t, dst.Bytes()), []byte("/URI (https://example.org/a>>b\\(c\\))>> /F 4 /StructParent 1 /Contents (a)>>")) {
				t.Errorf("the annotation is not as PDF/UA wants it:\n%s", inflated(t, dst.Bytes()))
			}
		})
	}
}

// FuzzFinish checks that finish reads any output without panicking: it is fpdf's, but the
// layout it relies on is checked, not assumed.
func FuzzFinish(f *testing.F) {
	p := fpdf.New("P", "pt", "Letter", "")
	p.SetCompression(false)
	p.AddPage()
	p.RawWriteStr(chunkMarker + "0\n")
	var out bytes.Buffer
	if err := p.Output(&out); err != nil {
		f.Fatal(err)
	}
	f.Add(out.Bytes())
	f.Fuzz(func(t *testing.T, src []byte) {
		var dst bytes.Buffer
		finish(&dst, src, nil, [][]byte{[]byte("BT ET")}, onePage())
	})
}

// TestFpdfLayout checks, on what fpdf writes for real articles (pages with images, links, an
// outline, metadata), every property of fpdf's output that finish relies on (seam.go lists
// them): an fpdf upgrade that changes one fails here, saying which.
func TestFpdfLayout(t *testing.T) {
	seed := parse(t, testkit.Seed)
	addFigures(seed, 4)
	a1 := parse(t, "a1")
	for name, a := range map[string]*render.Article{
		"seed with images": render.NewArticle(seed, testImages(t)),
		"a1":               render.NewArticle(a1, nil),
		"markdown":         render.NewArticle(parseSpec(t), nil),
	} {
		t.Run(name, func(t *testing.T) {
			r, err := newRenderer(a, options(func(int, string) {}))
			if err != nil {
				t.Fatal(err)
			}
			raw, err := r.fpdfOutput()
			if err != nil {
				t.Fatal(err)
			}
			checkFpdfLayout(t, raw, r.pages, len(r.chunks))
			var out bytes.Buffer
			if err := finish(&out, raw, r.fonts, r.chunks, r.tagged); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// checkFpdfLayout fails t, saying what changed, for every property of the list in seam.go
// that raw, fpdf's output for a document of pages pages and chunks chunks, does not have.
func checkFpdfLayout(t *testing.T, raw []byte, pages, chunks int) {
	t.Helper()
	changed := func(expected string, got []byte) {
		t.Helper()
		if len(got) > 80 {
			got = got[:80]
		}
		t.Errorf("fpdf's output layout changed: expected %s, got %q", expected, got)
	}
	// 1 and 2, as finish reads them.
	doc, err := readFpdf(raw)
	if err != nil {
		t.Fatal(err) // "pdf: fpdf's output layout changed: expected …, got …"
	}
	objs := map[int]pdfObject{}
	for _, o := range doc.objs {
		objs[o.num] = o
	}
	ref := regexp.MustCompile(`/(Root|Info|Contents) (\d+) 0 R`)
	refTo := func(data []byte, key string) (pdfObject, bool) {
		for _, m := range ref.FindAllSubmatch(data, -1) {
			if string(m[1]) == key {
				n, _ := strconv.Atoi(string(m[2]))
				o, ok := objs[n]
				return o, ok
			}
		}
		return pdfObject{}, false
	}
	// 1: the trailer names the catalog and the metadata.
	if cat, ok := refTo(doc.trailer, "Root"); !ok || !bytes.Contains(cat.data, []byte("/Type /Catalog")) {
		changed("the trailer's /Root to be the catalog (/Type /Catalog)", doc.trailer)
	}
	if _, ok := refTo(doc.trailer, "Info"); !ok {
		changed("the trailer's /Info to name an object", doc.trailer)
	}
	// 2 and 3: every page names the shared resources, and its content is a plain stream; the
	// chunk markers are all in the pages' content, each once.
	n, markers := 0, 0
	for _, o := range doc.objs {
		if !bytes.Contains(o.data, []byte("/Type /Page\n")) {
			continue
		}
		n++
		if !bytes.Contains(o.data, []byte("/Resources 2 0 R")) {
			changed(`every page's resources to be object 2 ("/Resources 2 0 R")`, o.data)
		}
		content, ok := refTo(o.data, "Contents")
		if !ok {
			changed("every page's /Contents to name one object", o.data)
			continue
		}
		body, ok := plainStream(content)
		if !ok {
			changed(`a page's content as "<</Length n>>\nstream\n" with no filter`, content.data)
			continue
		}
		markers += bytes.Count(body, []byte(chunkMarker))
	}
	if n != pages {
		changed(fmt.Sprintf("%d page objects (/Type /Page)", pages), []byte(strconv.Itoa(n)))
	}
	if markers != chunks || bytes.Count(raw, []byte(chunkMarker)) != chunks {
		changed(fmt.Sprintf("the %d chunk markers in the pages' content, once each", chunks), []byte(strconv.Itoa(markers)))
	}
}

// inflated returns the data of every compressed stream of a PDF, one after the other.
func inflated(t *testing.T, pdf []byte) []byte {
	t.Helper()
	var out bytes.Buffer
	for _, m := range regexp.MustCompile(`(?s)/FlateDecode[^>]*>>\nstream\n(.*?)\nendstream`).FindAllSubmatch(pdf, -1) {
		zr, err := zlib.NewReader(bytes.NewReader(m[1]))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(&out, zr); err != nil {
			t.Fatal(err)
		}
		out.WriteByte('\n')
	}
	return out.Bytes()
}
