package pdf

// The seam between fpdf and galley.
//
// fpdf (codeberg.org/go-pdf/fpdf v0.12.0) writes the document's structure: the pages and
// their tree, the images, the links, the outline, the metadata and the catalog. galley does
// the rest itself (finish.go): the fonts, which it subsets from faces parsed once per process,
// and the page content, which it draws into its own buffer and compresses with pooled
// compressors. fpdf left to do them re-parsed each font file per document and made a fresh
// compressor (over a megabyte) per stream, which was most of a render. The two meet here,
// and only here: readFpdf reads fpdf's output and checks every property below, finish
// rewrites it, and TestFpdfLayout fails, saying what changed, when an fpdf upgrade writes
// otherwise.
//
// What fpdf writes, set up as newPDF sets it up (no compression, catalog entries sorted),
// and what finish relies on:
//
//  1. A header, then the indirect objects, each "N 0 obj\n" … "endobj\n" (generation 0),
//     then one cross-reference table, "xref\n0 S\n" and S entries of 20 bytes, every object
//     in use, and the trailer "trailer\n<<\n/Size S\n" … ">>\n" "startxref\nOFFSET\n%%EOF".
//     The trailer's other entries (/Root, the catalog; /Info, the metadata) are kept.
//  2. Object 2 is the resource dictionary that every page names ("/Resources 2 0 R"). It
//     begins "2 0 obj\n<<", and its font dictionary is empty, "/Font <<\n>>", since galley
//     gives fpdf no font.
//  3. Every page's content is a stream with no filter and no entry but its length,
//     "<</Length n>>\nstream\n" n bytes "\nendstream\nendobj\n". It holds what fpdf drew (the
//     graphics state it starts a page with, images) and, where galley's content goes, the
//     marker lines drawer.flush wrote through fpdf ("%galley-chunk K\n"), each chunk once.
//
// What finish writes instead:
//
//   - Object 2 with its font dictionary filled: "/F1 R 0 R" and so on, one per face drawn.
//   - Each page's content stream with its markers replaced by galley's chunks, compressed.
//   - fpdf's other objects as they are, in fpdf's order.
//   - New objects after fpdf's, numbered from S: the ToUnicode map the fonts share, then
//     five per font (see docFont.write).
//   - A new cross-reference table, and the trailer with the new /Size and fpdf's entries.
//
// Adding objects. A new kind of object (a structure tree for a tagged PDF: the
// StructTreeRoot, its elements and the parent tree) is added the way the fonts are: numbers
// reserved with objWriter.reserve before fpdf's objects are copied, so that the objects that
// refer to them can be written with the references; then the objects written with
// objWriter.begin after fpdf's. An fpdf object that must change (the catalog, to point to
// the tree; a page, for its /StructParents) is rewritten in finish's copy loop, as object 2
// is, and what finish relies on in it is added to the list above, checked in readFpdf and
// in TestFpdfLayout.

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
)

// errLayout is what every layoutError is (errors.Is): fpdf's output is not laid out as
// finish expects, so the fpdf in the build is not the one this package was written against.
var errLayout = errors.New("pdf: fpdf's output layout changed")

// A layoutError says which property of fpdf's output, of those listed above, does not hold.
type layoutError struct {
	expected string
	got      []byte
}

func (e *layoutError) Error() string {
	got := e.got
	if len(got) > 60 {
		got = append(got[:60:60], "…"...)
	}
	return fmt.Sprintf("pdf: fpdf's output layout changed: expected %s, got %q (render/pdf/seam.go lists what galley relies on)",
		e.expected, got)
}

// Is makes every layoutError errLayout.
func (e *layoutError) Is(target error) bool { return target == errLayout }

// changed returns the layoutError for a property that does not hold: what was expected, and
// the bytes found instead.
func changed(expected string, got []byte) error {
	return &layoutError{expected: expected, got: got}
}

// resourcesObj is the number of fpdf's shared resource dictionary (property 2).
const resourcesObj = 2

// emptyFonts is the empty font dictionary of fpdf's resource dictionary.
const emptyFonts = "/Font <<\n>>"

// fpdfDoc is fpdf's output, read.
type fpdfDoc struct {
	header []byte      // everything before the first object
	objs   []pdfObject // in file order
	// trailer holds the trailer's entries other than /Size, as fpdf wrote them.
	trailer []byte
	// size is fpdf's /Size: the number of the first object finish adds.
	size int
}

// pdfObject is one indirect object of fpdf's output.
type pdfObject struct {
	num  int
	data []byte // from "N 0 obj" to the line after "endobj"
}

// readFpdf splits fpdf's output into its objects, by its cross-reference table, checking
// properties 1 and 2.
func readFpdf(src []byte) (*fpdfDoc, error) {
	i := bytes.LastIndex(src, []byte("startxref\n"))
	if i < 0 {
		return nil, changed(`"startxref\n" near the end`, src[max(0, len(src)-40):])
	}
	rest := src[i+len("startxref\n"):]
	xref, err := strconv.Atoi(string(rest[:max(0, bytes.IndexByte(rest, '\n'))]))
	if err != nil || xref <= 0 || xref >= i {
		return nil, changed("the offset of the cross-reference table after startxref", rest)
	}
	x := src[xref:i]
	var n int
	if _, err = fmt.Sscanf(string(x[:min(len(x), 32)]), "xref\n0 %d\n", &n); err != nil || n < 3 || n > len(x)/20 {
		return nil, changed(`one cross-reference section, "xref\n0 S\n"`, x)
	}
	entries := x[bytes.IndexByte(x[5:], '\n')+6:]
	if len(entries) < 20*n {
		return nil, changed(fmt.Sprintf("%d cross-reference entries of 20 bytes", n), entries)
	}
	trailer := entries[20*n:]
	const tstart = "trailer\n<<\n"
	sizeLine := fmt.Sprintf("/Size %d\n", n)
	if !bytes.HasPrefix(trailer, []byte(tstart+sizeLine)) || !bytes.HasSuffix(trailer, []byte(">>\n")) {
		return nil, changed(fmt.Sprintf(`the trailer "trailer\n<<\n/Size %d\n" … ">>\n"`, n), trailer)
	}
	doc := &fpdfDoc{trailer: trailer[len(tstart)+len(sizeLine) : len(trailer)-3], size: n}

	type loc struct{ num, off int }
	locs := make([]loc, 0, n-1)
	for num := 1; num < n; num++ {
		e := entries[20*num : 20*num+20]
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || string(e[10:]) != " 00000 n \n" || off <= 0 || off >= xref {
			return nil, changed(fmt.Sprintf("object %d in use, at an offset before the table", num), e)
		}
		locs = append(locs, loc{num, off})
	}
	slices.SortFunc(locs, func(a, b loc) int { return a.off - b.off })
	doc.objs = make([]pdfObject, len(locs))
	for k, l := range locs {
		end := xref
		if k+1 < len(locs) {
			end = locs[k+1].off
		}
		o := pdfObject{num: l.num, data: src[l.off:end]}
		if head := strconv.Itoa(o.num) + " 0 obj\n"; !bytes.HasPrefix(o.data, []byte(head)) || !bytes.HasSuffix(o.data, []byte("endobj\n")) {
			return nil, changed(fmt.Sprintf(`object %d as %q … "endobj\n"`, o.num, head), o.data)
		}
		if o.num == resourcesObj && (!bytes.HasPrefix(o.data, []byte("2 0 obj\n<<")) || !bytes.Contains(o.data, []byte(emptyFonts))) {
			return nil, changed(`object 2, the shared resources, as "2 0 obj\n<<" with an empty font dictionary "/Font <<\n>>"`, o.data)
		}
		doc.objs[k] = o
	}
	doc.header = src[:locs[0].off]
	return doc, nil
}

// plainStream returns the data of an object that is a stream with no filter and no entry
// but its length (property 3: fpdf's page content, uncompressed).
func plainStream(o pdfObject) ([]byte, bool) {
	d := o.data[len(strconv.Itoa(o.num))+len(" 0 obj\n"):]
	const pre = "<</Length "
	if !bytes.HasPrefix(d, []byte(pre)) {
		return nil, false
	}
	d = d[len(pre):]
	j := bytes.IndexByte(d, '>')
	if j < 0 {
		return nil, false
	}
	n, err := strconv.Atoi(string(d[:j]))
	const mid, post = ">>\nstream\n", "\nendstream\nendobj\n"
	if err != nil || n < 0 || !bytes.HasPrefix(d[j:], []byte(mid)) {
		return nil, false
	}
	d = d[j+len(mid):]
	if len(d) != n+len(post) || string(d[n:]) != post {
		return nil, false
	}
	return d[:n], true
}

// withChunks returns the parts of a page's content: fpdf's content with each chunk marker
// replaced by its chunk, each of which must appear once in the document (property 3).
func withChunks(body []byte, chunks [][]byte, used []bool) ([][]byte, error) {
	var parts [][]byte
	for {
		i := bytes.Index(body, []byte(chunkMarker))
		if i < 0 {
			return append(parts, body), nil
		}
		end := bytes.IndexByte(body[i:], '\n')
		if end < 0 {
			return nil, changed("a chunk marker ending its line", body[i:])
		}
		k, err := strconv.Atoi(string(body[i+len(chunkMarker) : i+end]))
		if err != nil || k < 0 || k >= len(chunks) || used[k] {
			return nil, changed(fmt.Sprintf("each of the %d chunk markers once", len(chunks)), body[i:i+end])
		}
		used[k] = true
		parts = append(parts, body[:i], chunks[k])
		body = body[i+end+1:]
	}
}

// An objWriter writes the finished document's objects and its cross-reference table.
type objWriter struct {
	dst *bytes.Buffer
	// offsets holds each object's offset in dst, by number (0 is the free entry); an object
	// reserved and not yet written has none.
	offsets []int
}

// newObjWriter starts the document in dst with fpdf's header; fpdf's objects keep their
// numbers, and reserve numbers new ones after them.
func newObjWriter(dst *bytes.Buffer, doc *fpdfDoc) *objWriter {
	dst.Write(doc.header)
	return &objWriter{dst: dst, offsets: make([]int, doc.size)}
}

// reserve returns the number of a new object, to be written later with begin.
func (w *objWriter) reserve() int {
	w.offsets = append(w.offsets, 0)
	return len(w.offsets) - 1
}

// begin starts object num ("num 0 obj\n"); the caller writes the rest, to "endobj\n".
func (w *objWriter) begin(num int) {
	w.at(num)
	var b [24]byte
	w.dst.Write(append(strconv.AppendInt(b[:0], int64(num), 10), " 0 obj\n"...))
}

// at records that object num starts here; the caller writes all of it, from "num 0 obj\n"
// (an fpdf object rewritten).
func (w *objWriter) at(num int) { w.offsets[num] = w.dst.Len() }

// copy writes one of fpdf's objects as fpdf wrote it.
func (w *objWriter) copy(o pdfObject) {
	w.at(o.num)
	w.dst.Write(o.data)
}

// end writes the cross-reference table and the trailer (fpdf's entries, the new /Size). Every
// object reserved must have been written.
func (w *objWriter) end(trailer []byte) error {
	for num, off := range w.offsets[1:] {
		if off == 0 {
			return fmt.Errorf("pdf: object %d reserved and not written", num+1)
		}
	}
	xref := w.dst.Len()
	fmt.Fprintf(w.dst, "xref\n0 %d\n0000000000 65535 f \n", len(w.offsets))
	var line [20]byte
	for _, off := range w.offsets[1:] {
		b := strconv.AppendInt(line[:0], int64(off), 10)
		w.dst.WriteString("0000000000"[len(b):])
		w.dst.Write(b)
		w.dst.WriteString(" 00000 n \n")
	}
	fmt.Fprintf(w.dst, "trailer\n<<\n/Size %d\n%s>>\nstartxref\n%d\n%%%%EOF\n", len(w.offsets), trailer, xref)
	return nil
}
