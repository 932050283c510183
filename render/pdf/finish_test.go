package pdf

import (
	"bytes"
	"errors"
	"fmt"
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

// TestFinishChecksFpdf feeds finish outputs that are not laid out as fpdf v0.12.0 lays
// them out: each must be errLayout, saying what differs, not a panic or a broken file.
func TestFinishChecksFpdf(t *testing.T) {
	src, chunks := fpdfOutput(t)
	var ok bytes.Buffer
	if err := finish(&ok, src, nil, chunks); err != nil {
		t.Fatalf("fpdf's own output: %v", err)
	}
	for _, tc := range []struct {
		name   string
		src    []byte
		chunks [][]byte
	}{
		{"truncated", src[:len(src)/2], chunks},
		{"no xref", bytes.Replace(src, []byte("xref\n"), []byte("xreg\n"), 1), chunks},
		{"resources with fonts", bytes.Replace(src, []byte("/Font <<\n>>"), []byte("/Font <</F1 9 0 R>>"), 1), chunks},
		{"chunk not placed", src, append(chunks, []byte("q Q"))},
		{"unknown chunk", bytes.Replace(src, []byte(chunkMarker+"0"), []byte(chunkMarker+"7"), 1), chunks},
		{"empty", nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			err := finish(&out, tc.src, nil, tc.chunks)
			if !errors.Is(err, errLayout) || !strings.Contains(fmt.Sprint(err), "fpdf's output layout changed: expected ") {
				t.Errorf("err = %v, want errLayout saying what was expected", err)
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
		finish(&dst, src, nil, [][]byte{[]byte("BT ET")})
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
			if err := finish(&out, raw, r.fonts, r.chunks); err != nil {
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
