package pdf

// The seam between fpdf and galley.
//
// fpdf (codeberg.org/go-pdf/fpdf v0.12.0) writes the document's structure: the pages and
// their tree, the images, the links, the outline, the metadata (the Info dictionary, the XMP
// packet, the language) and the catalog. galley does the rest itself (finish.go): the fonts,
// which it subsets from faces parsed once per process, the page content, which it draws into
// its own buffer and compresses with pooled compressors, and what a tagged PDF/UA-1 and
// PDF/A-2 document needs that fpdf does not write (tagged.go). fpdf left to do them
// re-parsed each font file per document and made a fresh compressor (over a megabyte) per
// stream, which was most of a render. The two meet here, and only here: readFpdf reads
// fpdf's output and checks every property below, finish rewrites it, and TestFpdfLayout
// fails, saying what changed, when an fpdf upgrade writes otherwise.
//
// What fpdf writes, set up as newPDF sets it up (no compression, catalog entries sorted),
// and what finish relies on:
//
//  1. A header, then the indirect objects, each "N 0 obj\n" … "endobj\n" (generation 0),
//     then one cross-reference table, "xref\n0 S\n" and S entries of 20 bytes, every object
//     in use, and the trailer "trailer\n<<\n/Size S\n" … ">>\n" "startxref\nOFFSET\n%%EOF".
//     The trailer's other entries are kept; they name the catalog ("/Root N 0 R") and the
//     Info dictionary ("/Info N 0 R").
//  2. Object 2 is the resource dictionary that every page names ("/Resources 2 0 R"). It
//     begins "2 0 obj\n<<", and its font dictionary is empty, "/Font <<\n>>", since galley
//     gives fpdf no font.
//  3. Every page's content is a stream with no filter and no entry but its length,
//     "<</Length n>>\nstream\n" n bytes "\nendstream\nendobj\n". It holds what fpdf drew (the
//     graphics state it starts a page with, images) and, where galley's content goes, the
//     marker lines drawer.flush wrote through fpdf ("%galley-chunk K\n"), each chunk once.
//  4. The header's first line is "%PDF-1.x\n".
//  5. Object 1 is the page tree, "<</Type /Pages\n" with "/Kids [3 0 R 5 0 R …]" naming the
//     pages in order. Each page object begins "<</Type /Page\n"; a page with links has them
//     on one line, "\n/Annots [<<…>><<…>>]\n", direct dictionaries in the order the links
//     were made (drawer.linkTo), each with "/Rect [x0 y0 x1 y1]" and ending ">>".
//  6. The catalog holds "\n/Type /Catalog\n", /Lang and /Metadata (SetLang, SetXmpMetadata),
//     and ends with an empty tree of embedded files: fpdfNames, then ">>\nendobj\n".
//  7. The Info dictionary's dates are "/CreationDate (D:" and "/ModDate (D:", each with 14
//     digits and ")": no time zone.
//
// What finish writes instead:
//
//   - The header's version 1.7: PDF/UA-1 is ISO 32000-1, and a page's /Tabs is PDF 1.5.
//   - Object 2 with its font dictionary filled: "/F1 R 0 R" and so on, one per face drawn.
//   - Each page's content stream with its markers replaced by galley's chunks, compressed.
//   - Each page with "/StructParents i" (its key in the parent tree) and "/Tabs /S" after
//     its first line, and its /Annots as references to objects of their own.
//   - The catalog without the embedded-files tree (PDF/A checkers take the empty tree for
//     embedded files), with /MarkInfo, /StructTreeRoot, /ViewerPreferences and
//     /OutputIntents.
//   - The Info dictionary with its dates in UTC ("+00'00'"), as the XMP packet has them.
//   - fpdf's other objects as they are, in fpdf's order.
//   - New objects after fpdf's, numbered from S: the ToUnicode map the fonts share, then
//     five per font (see docFont.write), then the structure tree's root, the parent tree,
//     the output intent's profile, the structure elements and the link annotations (see
//     tagObjects); the dictionaries among them packed in object streams (objWriter.pack),
//     numbered after them.
//   - A cross-reference stream instead of fpdf's table (objects in object streams can only
//     be found through one), whose dictionary is the trailer: the new /Size, fpdf's
//     entries and an /ID.
//
// Adding objects. A new kind of object is added the way the fonts and the structure are:
// numbers reserved with objWriter.reserve before fpdf's objects are copied, so that the
// objects that refer to them can be written with the references; then the objects written
// with objWriter.begin after fpdf's. An fpdf object that must change is rewritten in
// finish's copy loop (writePage, writeCatalog, writeInfo), and what finish relies on in it
// is added to the list above, checked in readFpdf and in TestFpdfLayout.

import (
	"bytes"
	"crypto/md5"
	"encoding/hex"
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
	// root and info are the catalog's and the Info dictionary's numbers (the trailer's /Root
	// and /Info); pages are the page objects' numbers in page order (the /Kids of object 1).
	root, info int
	pages      []int
}

// pdfObject is one indirect object of fpdf's output.
type pdfObject struct {
	num  int
	data []byte // from "N 0 obj" to the line after "endobj"
}

// readFpdf splits fpdf's output into its objects, by its cross-reference table, checking
// properties 1, 2 and 4 to 7.
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
	if !bytes.HasPrefix(doc.header, []byte("%PDF-1.")) || len(doc.header) < 9 || doc.header[8] != '\n' {
		return nil, changed(`the header "%PDF-1.x\n"`, doc.header)
	}
	if err := doc.readStructure(); err != nil {
		return nil, err
	}
	return doc, nil
}

// readStructure finds the catalog, the Info dictionary and the pages, and checks properties 5
// to 7 (writePage checks the annotations).
func (doc *fpdfDoc) readStructure() error {
	byNum := make(map[int]*pdfObject, len(doc.objs))
	for i := range doc.objs {
		byNum[doc.objs[i].num] = &doc.objs[i]
	}
	var ok bool
	if doc.root, ok = trailerRef(doc.trailer, "/Root"); !ok || byNum[doc.root] == nil {
		return changed(`the trailer's "/Root N 0 R"`, doc.trailer)
	}
	if doc.info, ok = trailerRef(doc.trailer, "/Info"); !ok || byNum[doc.info] == nil {
		return changed(`the trailer's "/Info N 0 R"`, doc.trailer)
	}
	if !bytes.HasSuffix(byNum[doc.root].data, []byte(fpdfNames+">>\nendobj\n")) ||
		!bytes.Contains(byNum[doc.root].data, []byte("\n/Type /Catalog\n")) {
		return changed(fmt.Sprintf("the catalog to end with the empty embedded-files tree %q", fpdfNames), byNum[doc.root].data)
	}
	info := byNum[doc.info].data
	for _, key := range []string{"/CreationDate (D:", "/ModDate (D:"} {
		if _, ok := infoDate(info, key); !ok {
			return changed(fmt.Sprintf(`the Info dictionary's %s with 14 digits and no time zone`, key), info)
		}
	}
	pages := byNum[1]
	if pages == nil {
		return changed("object 1, the page tree", nil)
	}
	kids := pages.data
	i := bytes.Index(kids, []byte("\n/Kids ["))
	j := bytes.IndexByte(kids[max(i, 0):], ']')
	if !bytes.Contains(kids, []byte("<</Type /Pages\n")) || i < 0 || j < 0 {
		return changed(`object 1 as the page tree, "<</Type /Pages\n" with "/Kids [… ]"`, kids)
	}
	f := bytes.Fields(kids[i+len("\n/Kids [") : i+j])
	if len(f)%3 != 0 {
		return changed(`the page tree's kids as "N 0 R"`, kids)
	}
	for k := 0; k < len(f); k += 3 {
		n, err := strconv.Atoi(string(f[k]))
		if err != nil || string(f[k+1]) != "0" || string(f[k+2]) != "R" {
			return changed(`the page tree's kids as "N 0 R"`, kids)
		}
		if p := byNum[n]; p == nil || !bytes.HasPrefix(p.data[len(strconv.Itoa(n))+len(" 0 obj\n"):], []byte(pageStart)) {
			return changed(fmt.Sprintf("page object %d to begin %q", n, pageStart), nil)
		}
		doc.pages = append(doc.pages, n)
	}
	return nil
}

// trailerRef returns the object a trailer entry names ("/Root 12 0 R").
func trailerRef(trailer []byte, key string) (int, bool) {
	i := bytes.Index(trailer, []byte(key+" "))
	if i < 0 {
		return 0, false
	}
	f := bytes.Fields(trailer[i+len(key):])
	if len(f) < 3 || string(f[1]) != "0" || !bytes.HasPrefix(f[2], []byte("R")) {
		return 0, false
	}
	n, err := strconv.Atoi(string(f[0]))
	return n, err == nil
}

// fpdfNames is the name dictionary fpdf ends its catalog with, whatever the document: an
// empty tree of embedded files, which PDF/A checkers take for one.
const fpdfNames = "/Names <<\n/EmbeddedFiles << /Names [\n  \n] >>\n>>\n"

// pageStart is how fpdf begins a page object.
const pageStart = "<</Type /Page\n"

// infoDate returns the index of the date after key in the Info dictionary, a date as fpdf
// writes it: 14 digits and ")", no time zone.
func infoDate(info []byte, key string) (int, bool) {
	i := bytes.Index(info, []byte(key))
	if i < 0 {
		return 0, false
	}
	i += len(key)
	if len(info) < i+15 || info[i+14] != ')' {
		return 0, false
	}
	for _, c := range info[i : i+14] {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	return i, true
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

// An objWriter writes the finished document's objects and its cross-reference stream.
type objWriter struct {
	dst *bytes.Buffer
	// xref holds each object's entry, by number (0 is the free entry); an object reserved and
	// not yet written has none.
	xref []xrefEntry
	// stm is the body of the object stream being filled (see pack), and stmObjs the number
	// and offset in it of each object it holds.
	stm     bytes.Buffer
	stmObjs []int
}

// An xrefEntry says where an object is: at an offset in the file, or in an object stream.
type xrefEntry struct {
	off      int // its offset, for an object of its own
	stm, idx int // the object stream that holds it (0 if none), and its index there
}

// maxPacked is the most objects an object stream holds: a reader decompresses all of a
// stream to read one of its objects.
const maxPacked = 500

// newObjWriter starts the document in dst with fpdf's header, its version made 1.7 (PDF/UA-1
// is ISO 32000-1; a page's /Tabs is PDF 1.5); fpdf's objects keep their numbers, and reserve
// numbers new ones after them.
func newObjWriter(dst *bytes.Buffer, doc *fpdfDoc) *objWriter {
	dst.WriteString("%PDF-1.7")
	dst.Write(doc.header[len("%PDF-1.x"):])
	return &objWriter{dst: dst, xref: make([]xrefEntry, doc.size)}
}

// reserve returns the number of a new object, to be written later with begin or pack.
func (w *objWriter) reserve() int {
	w.xref = append(w.xref, xrefEntry{})
	return len(w.xref) - 1
}

// begin starts object num ("num 0 obj\n"); the caller writes the rest, to "endobj\n".
func (w *objWriter) begin(num int) {
	w.at(num)
	var b [24]byte
	w.dst.Write(append(strconv.AppendInt(b[:0], int64(num), 10), " 0 obj\n"...))
}

// at records that object num starts here; the caller writes all of it, from "num 0 obj\n"
// (an fpdf object rewritten).
func (w *objWriter) at(num int) { w.xref[num] = xrefEntry{off: w.dst.Len()} }

// copy writes one of fpdf's objects as fpdf wrote it.
func (w *objWriter) copy(o pdfObject) {
	w.at(o.num)
	w.dst.Write(o.data)
}

// pack starts object num in an object stream (PDF 1.5), compressed with the others there:
// the caller writes its value, a dictionary, to the buffer returned, with no "num 0 obj" and
// no "endobj". The structure's thousands of small dictionaries take a sixth of the room they
// take as objects of their own.
func (w *objWriter) pack(num int) *bytes.Buffer {
	if len(w.stmObjs) == 2*maxPacked {
		w.flushPacked()
	}
	if w.stm.Len() > 0 {
		w.stm.WriteByte('\n')
	}
	w.xref[num] = xrefEntry{stm: -1, idx: len(w.stmObjs) / 2}
	w.stmObjs = append(w.stmObjs, num, w.stm.Len())
	return &w.stm
}

// flushPacked writes the object stream being filled, if any, as an object of its own.
func (w *objWriter) flushPacked() {
	if len(w.stmObjs) == 0 {
		return
	}
	num := w.reserve()
	var head []byte
	for i := 0; i < len(w.stmObjs); i += 2 {
		head = strconv.AppendInt(head, int64(w.stmObjs[i]), 10)
		head = append(head, ' ')
		head = strconv.AppendInt(head, int64(w.stmObjs[i+1]), 10)
		head = append(head, ' ')
		w.xref[w.stmObjs[i]].stm = num
	}
	var z packedStream
	z.pack(head, w.stm.Bytes())
	w.begin(num)
	z.write(w.dst, " /Type /ObjStm /N "+strconv.Itoa(len(w.stmObjs)/2)+" /First "+strconv.Itoa(len(head)))
	w.stm.Reset()
	w.stmObjs = w.stmObjs[:0]
}

// end writes the cross-reference stream, whose dictionary is the trailer: fpdf's entries, the
// new /Size, and an /ID, which PDF/A requires: twice the MD5 of everything before it, so that
// the same document has the same identifier. Every object reserved must have been written.
func (w *objWriter) end(trailer []byte) error {
	w.flushPacked()
	for num, e := range w.xref[1:] {
		if e.off == 0 && e.stm == 0 {
			return fmt.Errorf("pdf: object %d reserved and not written", num+1)
		}
	}
	sum := md5.Sum(w.dst.Bytes())
	id := hex.EncodeToString(sum[:])
	num := w.reserve()
	w.at(num)
	// Each entry: a type (0 free, 1 an object of its own, 2 in an object stream), then four
	// bytes (the offset, the stream) and two (the generation, the index).
	data := make([]byte, 0, 7*len(w.xref))
	data = append(data, 0, 0, 0, 0, 0, 0xff, 0xff)
	for _, e := range w.xref[1:] {
		typ, f2, f3 := byte(1), e.off, 0
		if e.stm > 0 {
			typ, f2, f3 = 2, e.stm, e.idx
		}
		data = append(data, typ, byte(f2>>24), byte(f2>>16), byte(f2>>8), byte(f2), byte(f3>>8), byte(f3))
	}
	var z packedStream
	z.pack(data)
	w.begin(num)
	z.write(w.dst, " /Type /XRef /Size "+strconv.Itoa(len(w.xref))+" /W [1 4 2]\n"+string(trailer)+"/ID [<"+id+"> <"+id+">]")
	fmt.Fprintf(w.dst, "startxref\n%d\n%%%%EOF\n", w.xref[num].off)
	return nil
}

// The rewrites of fpdf's objects (properties 5 to 7).

// writeCatalog writes fpdf's catalog o without its empty embedded-files tree and with the
// entries add, each ending its line.
func writeCatalog(w *objWriter, o pdfObject, add string) {
	w.at(o.num)
	d := o.data[:len(o.data)-len(fpdfNames+">>\nendobj\n")] // readStructure checked it ends so
	w.dst.Write(d)
	w.dst.WriteString(add)
	w.dst.WriteString(">>\nendobj\n")
}

// writeInfo writes fpdf's Info dictionary o with its dates in UTC, as the XMP packet has them
// (fpdf writes them without a time zone; galley gives it UTC).
func writeInfo(w *objWriter, o pdfObject) {
	w.at(o.num)
	d := o.data
	for _, key := range []string{"/CreationDate (D:", "/ModDate (D:"} {
		i, _ := infoDate(d, key) // readStructure checked it is there
		w.dst.Write(d[:i+14])
		w.dst.WriteString("+00'00'")
		d = d[i+14:]
	}
	w.dst.Write(d)
}

// writePage writes fpdf's page object o, the page index (0-based), as a page of a tagged
// document: /StructParents (its key in the parent tree) and /Tabs /S (the tab order is the
// structure's), and its link annotations, which fpdf writes as direct dictionaries, as
// references to the objects annots hold the numbers of (an OBJR needs a reference). Each
// annotation's dictionary is kept in it for writeAnnot.
func writePage(w *objWriter, o pdfObject, index int, annots []*annot) error {
	head := strconv.Itoa(o.num) + " 0 obj\n" + pageStart
	d := o.data[len(head):] // readStructure checked the page begins so
	w.at(o.num)
	w.dst.WriteString(head)
	fmt.Fprintf(w.dst, "/StructParents %d\n/Tabs /S\n", index)
	const key = "\n/Annots ["
	i := bytes.Index(d, []byte(key))
	if i < 0 {
		if len(annots) > 0 {
			return changed(fmt.Sprintf("page %d's %d link annotations in /Annots", index+1, len(annots)), o.data)
		}
		w.dst.Write(d)
		return nil
	}
	dicts, rest, ok := splitDicts(d[i+len(key):])
	if !ok || !bytes.HasPrefix(rest, []byte("]\n")) {
		return changed(`"/Annots [" followed by direct dictionaries and "]"`, d[i:])
	}
	if len(dicts) != len(annots) {
		return changed(fmt.Sprintf("page %d's /Annots to hold the %d links drawn", index+1, len(annots)), d[i:])
	}
	w.dst.Write(d[:i+len(key)])
	for k, a := range annots {
		if k > 0 {
			w.dst.WriteByte(' ')
		}
		a.dict = dicts[k]
		fmt.Fprintf(w.dst, "%d 0 R", a.num)
	}
	w.dst.Write(rest)
	return nil
}

// writeAnnot writes a link annotation fpdf made as an object of its own, with what PDF/A and
// PDF/UA want of it: /Rect with its corners in order (fpdf writes the top edge second), /F 4
// (printed), its key in the parent tree and /Contents.
func writeAnnot(w *objWriter, a *annot) error {
	d := a.dict
	const rect = "/Rect ["
	i := bytes.Index(d, []byte(rect))
	j := bytes.IndexByte(d[max(i, 0):], ']')
	if i < 0 || j < 0 || !bytes.HasSuffix(d, []byte(">>")) {
		return changed(`a link annotation "<<… /Rect [x0 y0 x1 y1] …>>"`, d)
	}
	var v [4]float64
	f := bytes.Fields(d[i+len(rect) : i+j])
	for k := range v {
		var err error
		if len(f) != 4 {
			return changed("a /Rect of four numbers", d[i:i+j])
		}
		if v[k], err = strconv.ParseFloat(string(f[k]), 64); err != nil {
			return changed("a /Rect of four numbers", d[i:i+j])
		}
	}
	dst := w.pack(a.num)
	dst.Write(d[:i+len(rect)])
	fmt.Fprintf(dst, "%.2f %.2f %.2f %.2f", min(v[0], v[2]), min(v[1], v[3]), max(v[0], v[2]), max(v[1], v[3]))
	dst.Write(d[i+j : len(d)-2])
	fmt.Fprintf(dst, " /F 4 /StructParent %d /Contents ", a.key)
	dst.Write(appendTextString(nil, a.contents))
	dst.WriteString(">>")
	return nil
}

// splitDicts splits a run of direct dictionaries ("<<…>><<…>>") into its dictionaries and
// returns what follows them. Strings are skipped as strings: a URI may hold ">>".
func splitDicts(s []byte) (dicts [][]byte, rest []byte, ok bool) {
	i := 0
	for i < len(s) && s[i] == '<' {
		start, depth := i, 0
		for {
			switch {
			case i >= len(s):
				return nil, nil, false
			case s[i] == '<' && i+1 < len(s) && s[i+1] == '<':
				depth++
				i += 2
			case s[i] == '>' && i+1 < len(s) && s[i+1] == '>':
				depth--
				i += 2
			case s[i] == '(':
				for n := 0; i < len(s); i++ {
					if s[i] == '\\' {
						i++
					} else if s[i] == '(' {
						n++
					} else if s[i] == ')' {
						if n--; n == 0 {
							break
						}
					}
				}
				i++
			default:
				i++
			}
			if depth == 0 {
				break
			}
		}
		dicts = append(dicts, s[start:i])
	}
	return dicts, s[i:], true
}
