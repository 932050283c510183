package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"sync"

	"galley/render"
)

// The finishing step. fpdf builds the document's structure (pages, links, outline, images,
// metadata) without fonts and without compressing page content; finish then adds what
// galley does faster itself: each font as a subset cut from the face parsed once per
// process, every page's content compressed with a pooled compressor, and a new
// cross-reference table. fpdf, left to it, re-parses each font file per document and
// allocates a fresh compressor (over a megabyte) per stream, which was most of a render.

// A docFont is a face as one document uses it: its resource name and the characters drawn.
type docFont struct {
	f    *face
	name string // resource name, "F1", "F2"… in the order of first use
	used runeSet
}

// errLayout reports that fpdf's output is not laid out as finish expects: the fpdf in the
// build is not the one this package was written against.
var errLayout = errors.New("pdf: fpdf's output is not laid out as expected (fpdf v0.12.0); update render/pdf/finish.go")

// deflate appends the zlib stream of the concatenation of data to dst, at BestSpeed as fpdf
// compressed. Measured on the seed's streams: the default level (6) makes its PDF 15%
// smaller (89.6 -> 76 KB) for 3.2 times the compression time (1.8 -> 5.7 ms), level 2 8%
// smaller for 1.2 times.
func deflate(dst *bytes.Buffer, data ...[]byte) { render.Zlib(dst, data...) }

// toUnicode is the ToUnicode CMap every font shares: character codes are Unicode (BMP), so
// each maps to itself. One range per high byte, as a bfrange may only vary its last byte.
var toUnicode = sync.OnceValue(func() []byte {
	var b bytes.Buffer
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for blk := 0; blk < 256; blk += 100 {
		n := min(100, 256-blk)
		fmt.Fprintf(&b, "%d beginbfrange\n", n)
		for h := blk; h < blk+n; h++ {
			fmt.Fprintf(&b, "<%02X00> <%02XFF> <%02X00>\n", h, h, h)
		}
		b.WriteString("endbfrange\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	var z bytes.Buffer
	deflate(&z, b.Bytes())
	return z.Bytes()
})

// pdfObject is one indirect object of fpdf's output.
type pdfObject struct {
	num  int
	data []byte // from "N 0 obj" to the line after "endobj"
}

// finish writes the finished PDF to dst from fpdf's output src, the fonts drawn and the
// chunks of content that src's pages hold markers for.
func finish(dst *bytes.Buffer, src []byte, fonts []*docFont, chunks [][]byte) error {
	header, objs, trailer, err := readObjects(src)
	if err != nil {
		return err
	}
	size := len(objs) + 1
	offsets := make([]int, size, size+1+6*len(fonts))
	content := 0
	for _, c := range chunks {
		content += len(c)
	}
	dst.Grow(len(src) + content/3 + 20000*len(fonts))
	dst.Write(header)

	// The fonts' object numbers follow fpdf's: ToUnicode, then five per font.
	toUni := size
	first := size + 1
	fontRef := func(i int) int { return first + 5*i }
	// Every stream is compressed first, at once: one goroutine per page and per font
	// (render.Zlib runs as many at a time as there are processors).
	used := make([]bool, len(chunks))
	streams := make([]*packedStream, len(objs))
	var wg sync.WaitGroup
	for i, o := range objs {
		if body, ok := plainStream(o); ok {
			parts, err := withChunks(body, chunks, used)
			if err != nil {
				return err
			}
			ps := &packedStream{}
			streams[i] = ps
			wg.Go(func() { ps.pack(parts...) })
		}
	}
	for _, u := range used {
		if !u {
			return errLayout
		}
	}
	packs := make([]*fontPack, len(fonts))
	for k, f := range fonts {
		fp := &fontPack{}
		packs[k] = fp
		wg.Go(func() { fp.pack(f) })
	}
	wg.Wait()

	resources := false
	for i, o := range objs {
		offsets[o.num] = dst.Len()
		if o.num == 2 {
			// The resource dictionary all pages share (fpdf: "/Resources 2 0 R"): its font
			// dictionary is empty, fpdf having no fonts.
			const empty = "/Font <<\n>>"
			i := bytes.Index(o.data, []byte(empty))
			if i < 0 || !bytes.HasPrefix(o.data, []byte("2 0 obj\n<<")) {
				return errLayout
			}
			dst.Write(o.data[:i])
			dst.WriteString("/Font <<")
			for k, f := range fonts {
				fmt.Fprintf(dst, " /%s %d 0 R", f.name, fontRef(k))
			}
			dst.WriteString(" >>")
			dst.Write(o.data[i+len(empty):])
			resources = true
			continue
		}
		if ps := streams[i]; ps != nil {
			fmt.Fprintf(dst, "%d 0 obj\n", o.num)
			ps.write(dst, "")
			continue
		}
		dst.Write(o.data)
	}
	if !resources {
		return errLayout
	}

	offsets = append(offsets, dst.Len())
	fmt.Fprintf(dst, "%d 0 obj\n<</Length %d /Filter /FlateDecode>>\nstream\n", toUni, len(toUnicode()))
	dst.Write(toUnicode())
	dst.WriteString("\nendstream\nendobj\n")
	for k, f := range fonts {
		offsets = f.write(dst, packs[k], fontRef(k), toUni, offsets)
	}

	xref := dst.Len()
	fmt.Fprintf(dst, "xref\n0 %d\n0000000000 65535 f \n", len(offsets))
	var line [20]byte
	for _, off := range offsets[1:] {
		b := strconv.AppendInt(line[:0], int64(off), 10)
		dst.WriteString("0000000000"[len(b):])
		dst.Write(b)
		dst.WriteString(" 00000 n \n")
	}
	fmt.Fprintf(dst, "trailer\n<<\n/Size %d\n%s>>\nstartxref\n%d\n%%%%EOF\n", len(offsets), trailer, xref)
	return nil
}

// readObjects splits fpdf's output into its objects, in file order, by its cross-reference
// table, and returns them with the header before them and the trailer's entries other than
// /Size.
func readObjects(src []byte) (header []byte, objs []pdfObject, trailer []byte, err error) {
	i := bytes.LastIndex(src, []byte("startxref\n"))
	if i < 0 {
		return nil, nil, nil, errLayout
	}
	rest := src[i+len("startxref\n"):]
	xref, err := strconv.Atoi(string(rest[:max(0, bytes.IndexByte(rest, '\n'))]))
	if err != nil || xref <= 0 || xref >= i {
		return nil, nil, nil, errLayout
	}
	x := src[xref:i]
	var n int
	if _, err = fmt.Sscanf(string(x[:min(len(x), 32)]), "xref\n0 %d\n", &n); err != nil || n < 3 || n > len(x)/20 {
		return nil, nil, nil, errLayout
	}
	entries := x[bytes.IndexByte(x[5:], '\n')+6:]
	if len(entries) < 20*n {
		return nil, nil, nil, errLayout
	}
	trailer = entries[20*n:]
	const tstart = "trailer\n<<\n"
	sizeLine := fmt.Sprintf("/Size %d\n", n)
	if !bytes.HasPrefix(trailer, []byte(tstart+sizeLine)) || !bytes.HasSuffix(trailer, []byte(">>\n")) {
		return nil, nil, nil, errLayout
	}
	trailer = trailer[len(tstart)+len(sizeLine) : len(trailer)-3]

	type loc struct{ num, off int }
	locs := make([]loc, 0, n-1)
	for num := 1; num < n; num++ {
		e := entries[20*num : 20*num+20]
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || string(e[10:]) != " 00000 n \n" || off <= 0 || off >= xref {
			return nil, nil, nil, errLayout
		}
		locs = append(locs, loc{num, off})
	}
	slices.SortFunc(locs, func(a, b loc) int { return a.off - b.off })
	objs = make([]pdfObject, len(locs))
	for k, l := range locs {
		end := xref
		if k+1 < len(locs) {
			end = locs[k+1].off
		}
		o := pdfObject{num: l.num, data: src[l.off:end]}
		if !bytes.HasPrefix(o.data, []byte(strconv.Itoa(o.num)+" 0 obj\n")) || !bytes.HasSuffix(o.data, []byte("endobj\n")) {
			return nil, nil, nil, errLayout
		}
		objs[k] = o
	}
	return src[:locs[0].off], objs, trailer, nil
}

// plainStream returns the data of an object that is a stream with no filter and no entry
// but its length (fpdf's page content, uncompressed).
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
// replaced by its chunk, each of which must appear once in the document.
func withChunks(body []byte, chunks [][]byte, used []bool) ([][]byte, error) {
	var parts [][]byte
	for {
		i := bytes.Index(body, []byte(chunkMarker))
		if i < 0 {
			return append(parts, body), nil
		}
		end := bytes.IndexByte(body[i:], '\n')
		if end < 0 {
			return nil, errLayout
		}
		k, err := strconv.Atoi(string(body[i+len(chunkMarker) : i+end]))
		if err != nil || k < 0 || k >= len(chunks) || used[k] {
			return nil, errLayout
		}
		used[k] = true
		parts = append(parts, body[:i], chunks[k])
		body = body[i+end+1:]
	}
}

// A packedStream is a stream's data, compressed.
type packedStream struct{ z bytes.Buffer }

// pack compresses the concatenation of data.
func (ps *packedStream) pack(data ...[]byte) {
	n := 0
	for _, d := range data {
		n += len(d)
	}
	ps.z.Grow(n/3 + 64)
	deflate(&ps.z, data...)
}

// write writes the stream object's dictionary (with extra entries), data and end; the
// object's first line is the caller's.
func (ps *packedStream) write(dst *bytes.Buffer, extra string) {
	fmt.Fprintf(dst, "<</Length %d /Filter /FlateDecode%s>>\nstream\n", ps.z.Len(), extra)
	dst.Write(ps.z.Bytes())
	dst.WriteString("\nendstream\nendobj\n")
}

// A fontPack is a font's subset and its compressed streams.
type fontPack struct {
	s              *subset
	cidToGID, prog packedStream
	progLen        int
}

func (fp *fontPack) pack(df *docFont) {
	fp.s = df.f.newSubset(&df.used)
	fp.cidToGID.pack(fp.s.cidToGID())
	prog := fp.s.program()
	fp.progLen = len(prog)
	fp.prog.pack(prog)
}

// write appends the font's five objects, numbered from ref: the Type 0 font, its CIDFont,
// the descriptor, and the CIDToGIDMap and subset font program packed in fp. Character codes are the
// runes, two bytes each (Identity-H); the map gives each its glyph in the subset.
func (df *docFont) write(dst *bytes.Buffer, fp *fontPack, ref, toUni int, offsets []int) []int {
	f := df.f
	s := fp.s
	name := s.tag() + "+" + f.name

	offsets = append(offsets, dst.Len())
	fmt.Fprintf(dst, "%d 0 obj\n<</Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H "+
		"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R>>\nendobj\n", ref, name, ref+1, toUni)

	offsets = append(offsets, dst.Len())
	fmt.Fprintf(dst, "%d 0 obj\n<</Type /Font /Subtype /CIDFontType2 /BaseFont /%s "+
		"/CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> "+
		"/FontDescriptor %d 0 R /DW %d /CIDToGIDMap %d 0 R\n/W [", ref+1, name, ref+2, f.desc.missingWidth, ref+3)
	var b []byte
	for i := 0; i < len(s.runes); {
		j := i + 1
		for j < len(s.runes) && s.runes[j] == s.runes[j-1]+1 {
			j++
		}
		b = strconv.AppendInt(b[:0], int64(s.runes[i]), 10)
		b = append(b, " ["...)
		for k := i; k < j; k++ {
			if k > i {
				b = append(b, ' ')
			}
			b = strconv.AppendInt(b, int64(f.advance(s.runes[k])), 10)
		}
		b = append(b, "]\n"...)
		dst.Write(b)
		i = j
	}
	dst.WriteString("]>>\nendobj\n")

	d := f.desc
	// Symbolic (4), not non-symbolic (32): the glyphs are addressed through the map.
	flags := (d.flags | 4) &^ 32
	offsets = append(offsets, dst.Len())
	fmt.Fprintf(dst, "%d 0 obj\n<</Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%d %d %d %d] "+
		"/ItalicAngle %d /Ascent %d /Descent %d /CapHeight %d /StemV %d /MissingWidth %d /FontFile2 %d 0 R>>\nendobj\n",
		ref+2, name, flags, d.bbox[0], d.bbox[1], d.bbox[2], d.bbox[3], d.italicAngle, f.ascent, f.descent,
		d.capHeight, d.stemV, d.missingWidth, ref+4)

	offsets = append(offsets, dst.Len())
	fmt.Fprintf(dst, "%d 0 obj\n", ref+3)
	fp.cidToGID.write(dst, "")

	offsets = append(offsets, dst.Len())
	fmt.Fprintf(dst, "%d 0 obj\n", ref+4)
	fp.prog.write(dst, " /Length1 "+strconv.Itoa(fp.progLen))
	return offsets
}
