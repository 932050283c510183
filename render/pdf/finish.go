package pdf

import (
	"bytes"
	"fmt"
	"strconv"
	"sync"

	"galley/render"
)

// The finishing step: finish completes what fpdf wrote with the fonts and the compressed
// page content (seam.go says what fpdf writes, what finish relies on and what it replaces).

// A docFont is a face as one document uses it: its resource name and the characters drawn.
type docFont struct {
	f    *face
	name string // resource name, "F1", "F2"… in the order of first use
	used runeSet
}

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

// finish writes the finished PDF to dst from fpdf's output src, the fonts drawn, the chunks
// of content that src's pages hold markers for, and the document's structure.
func finish(dst *bytes.Buffer, src []byte, fonts []*docFont, chunks [][]byte, st *structure) error {
	doc, err := readFpdf(src)
	if err != nil {
		return err
	}
	if len(doc.pages) != len(st.parents) || len(doc.pages) != len(st.annots) {
		return fmt.Errorf("pdf: %d pages, %d of them drawn", len(doc.pages), len(st.parents))
	}
	content := 0
	for _, c := range chunks {
		content += len(c)
	}
	dst.Grow(len(src) + content/3 + 20000*len(fonts))
	w := newObjWriter(dst, doc)

	// The objects added after fpdf's: the ToUnicode map, then five per font, then the
	// structure's.
	toUni := w.reserve()
	fontRefs := make([]int, len(fonts))
	for k := range fonts {
		fontRefs[k] = w.reserve()
		for range 4 {
			w.reserve()
		}
	}
	tags := st.reserve(w)

	// Every stream is compressed first, at once: one goroutine per page and per font
	// (render.Zlib runs as many at a time as there are processors).
	used := make([]bool, len(chunks))
	streams := make([]*packedStream, len(doc.objs))
	var wg sync.WaitGroup
	for i, o := range doc.objs {
		body, ok := plainStream(o)
		if !ok {
			continue
		}
		var parts [][]byte
		if parts, err = withChunks(body, chunks, used); err != nil {
			break
		}
		ps := &packedStream{}
		streams[i] = ps
		wg.Go(func() { ps.pack(parts...) })
	}
	for k, u := range used {
		if !u && err == nil {
			err = changed(fmt.Sprintf("chunk marker %d in a page's content stream", k), nil)
		}
	}
	if err != nil {
		wg.Wait()
		return err
	}
	packs := make([]*fontPack, len(fonts))
	for k, f := range fonts {
		fp := &fontPack{}
		packs[k] = fp
		wg.Go(func() { fp.pack(f) })
	}
	wg.Wait()

	// fpdf's objects, in its order: the shared resources with the fonts, the pages' content
	// compressed, the pages, the catalog and the Info dictionary as a tagged PDF/A has them,
	// the others as they are.
	page := make(map[int]int, len(doc.pages))
	for i, n := range doc.pages {
		page[n] = i
	}
	for i, o := range doc.objs {
		switch pi, isPage := page[o.num]; {
		case o.num == resourcesObj:
			w.at(o.num)
			j := bytes.Index(o.data, []byte(emptyFonts)) // readFpdf checked it is there
			dst.Write(o.data[:j])
			dst.WriteString("/Font <<")
			for k, f := range fonts {
				fmt.Fprintf(dst, " /%s %d 0 R", f.name, fontRefs[k])
			}
			dst.WriteString(" >>")
			dst.Write(o.data[j+len(emptyFonts):])
		case streams[i] != nil:
			w.begin(o.num)
			streams[i].write(dst, "")
		case isPage:
			if err := writePage(w, o, pi, st.annots[pi]); err != nil {
				return err
			}
		case o.num == doc.root:
			writeCatalog(w, o, tags.catalog())
		case o.num == doc.info:
			writeInfo(w, o)
		default:
			w.copy(o)
		}
	}

	// The objects galley adds.
	w.begin(toUni)
	fmt.Fprintf(dst, "<</Length %d /Filter /FlateDecode>>\nstream\n", len(toUnicode()))
	dst.Write(toUnicode())
	dst.WriteString("\nendstream\nendobj\n")
	for k, f := range fonts {
		f.write(w, packs[k], fontRefs[k], toUni)
	}
	if err := tags.write(w, st, doc.pages); err != nil {
		return err
	}
	return w.end(doc.trailer)
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

// write writes the font's five objects, numbered from ref: the Type 0 font, its CIDFont,
// the descriptor (the three dictionaries in an object stream), and the CIDToGIDMap and subset
// font program packed in fp. Character codes are the runes, two bytes each (Identity-H); the
// map gives each its glyph in the subset.
func (df *docFont) write(w *objWriter, fp *fontPack, ref, toUni int) {
	f := df.f
	s := fp.s
	name := s.tag() + "+" + f.name

	fmt.Fprintf(w.pack(ref), "<</Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H "+
		"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R>>", name, ref+1, toUni)

	dst := w.pack(ref + 1)
	fmt.Fprintf(dst, "<</Type /Font /Subtype /CIDFontType2 /BaseFont /%s "+
		"/CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> "+
		"/FontDescriptor %d 0 R /DW %d /CIDToGIDMap %d 0 R\n/W [", name, ref+2, f.desc.missingWidth, ref+3)
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
	dst.WriteString("]>>")

	d := f.desc
	// Symbolic (4), not non-symbolic (32): the glyphs are addressed through the map.
	flags := (d.flags | 4) &^ 32
	fmt.Fprintf(w.pack(ref+2), "<</Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%d %d %d %d] "+
		"/ItalicAngle %d /Ascent %d /Descent %d /CapHeight %d /StemV %d /MissingWidth %d /FontFile2 %d 0 R>>",
		name, flags, d.bbox[0], d.bbox[1], d.bbox[2], d.bbox[3], d.italicAngle, f.ascent, f.descent,
		d.capHeight, d.stemV, d.missingWidth, ref+4)

	w.begin(ref + 3)
	fp.cidToGID.write(w.dst, "")

	w.begin(ref + 4)
	fp.prog.write(w.dst, " /Length1 "+strconv.Itoa(fp.progLen))
}
