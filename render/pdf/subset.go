package pdf

import (
	"encoding/binary"
	"hash/fnv"
	"math/bits"
	"slices"
)

// A runeSet is a set of BMP runes: the characters a document draws in one face.
type runeSet [0x10000 / 64]uint64

func (s *runeSet) add(r rune) {
	if r >= 0 && r < 0x10000 {
		s[r/64] |= 1 << (r % 64)
	}
}

// each calls fn for every rune in the set, in increasing order.
func (s *runeSet) each(fn func(r rune)) {
	for i, w := range s {
		for w != 0 {
			b := bits.TrailingZeros64(w)
			fn(rune(i*64 + b))
			w &^= 1 << b
		}
	}
}

// A subset is the part of a face one document uses, as embedded in its PDF: the glyphs of
// its characters (and the glyphs those are built from), renumbered from 1 in the order of
// the original font, glyph 0 kept.
type subset struct {
	f *face
	// runes are the characters drawn that the font has, in increasing order; newGID gives
	// each its glyph in the subset.
	runes  []rune
	newGID []uint16
	// old lists the original glyph of each subset glyph.
	old []uint16
}

// newSubset collects the glyphs for the characters in used.
func (f *face) newSubset(used *runeSet) *subset {
	s := &subset{f: f}
	glyphs := map[uint16]bool{0: true}
	used.each(func(r rune) {
		if g := f.glyphOf(r); g != 0 && f.cw.at(r) != 0 {
			s.runes = append(s.runes, r)
			glyphs[g] = true
		}
	})
	// Composite glyphs draw other glyphs, which must come along.
	work := make([]uint16, 0, len(glyphs))
	for g := range glyphs {
		work = append(work, g)
	}
	for len(work) > 0 {
		g := work[len(work)-1]
		work = work[:len(work)-1]
		f.components(g, func(c uint16, _ int) {
			if !glyphs[c] && int(c) < len(f.loca)-1 {
				glyphs[c] = true
				work = append(work, c)
			}
		})
	}
	s.old = make([]uint16, 0, len(glyphs))
	for g := range glyphs {
		s.old = append(s.old, g)
	}
	slices.Sort(s.old)
	s.newGID = make([]uint16, len(s.runes))
	for i, r := range s.runes {
		n, _ := slices.BinarySearch(s.old, f.glyphOf(r))
		s.newGID[i] = uint16(n)
	}
	return s
}

// glyph returns the glyf data of glyph g.
func (f *face) glyph(g uint16) []byte {
	if int(g)+1 >= len(f.loca) {
		return nil
	}
	return f.tables["glyf"][f.loca[g]:f.loca[g+1]]
}

// components calls fn with each component glyph of composite glyph g and the offset of its
// glyph index in g's data.
func (f *face) components(g uint16, fn func(c uint16, at int)) {
	d := f.glyph(g)
	if len(d) < 10 || i16(d, 0) >= 0 {
		return
	}
	const (
		argWords  = 0x0001
		haveScale = 0x0008
		more      = 0x0020
		xyScale   = 0x0040
		twoByTwo  = 0x0080
	)
	for p := 10; p+4 <= len(d); {
		flags := u16(d, p)
		fn(u16(d, p+2), p+2)
		p += 4
		if flags&argWords != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&haveScale != 0:
			p += 2
		case flags&xyScale != 0:
			p += 4
		case flags&twoByTwo != 0:
			p += 8
		}
		if flags&more == 0 {
			break
		}
	}
}

// tag returns the six capital letters that name the subset (PDF 32000 §9.6.4): derived from
// the face and the glyphs, so that the same document always gets the same name.
func (s *subset) tag() string {
	h := fnv.New64a()
	h.Write([]byte(s.f.name))
	var b [2]byte
	for _, g := range s.old {
		binary.BigEndian.PutUint16(b[:], g)
		h.Write(b[:])
	}
	v := h.Sum64()
	t := make([]byte, 6)
	for i := range t {
		t[i] = 'A' + byte(v%26)
		v /= 26
	}
	return string(t)
}

// program returns the subset as a TrueType file: the glyphs in their new order, their
// metrics, a cmap of the document's characters, and the font's hinting and naming tables
// as they are.
func (s *subset) program() []byte {
	f := s.f
	n := len(s.old)
	type table struct {
		tag  string
		data []byte
	}
	var tables []table
	add := func(tag string, data []byte) {
		if data != nil {
			tables = append(tables, table{tag, data})
		}
	}

	// glyf and loca (long offsets), with components renumbered.
	size := 0
	for _, g := range s.old {
		size += (len(f.glyph(g)) + 3) &^ 3
	}
	glyf := make([]byte, 0, size)
	loca := make([]byte, 4*(n+1))
	for i, g := range s.old {
		binary.BigEndian.PutUint32(loca[4*i:], uint32(len(glyf)))
		start := len(glyf)
		glyf = append(glyf, f.glyph(g)...)
		f.components(g, func(c uint16, at int) {
			k, _ := slices.BinarySearch(s.old, c)
			binary.BigEndian.PutUint16(glyf[start+at:], uint16(k))
		})
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
	}
	binary.BigEndian.PutUint32(loca[4*n:], uint32(len(glyf)))

	hmtxIn := f.tables["hmtx"]
	hmtx := make([]byte, 4*n)
	for i, g := range s.old {
		if int(g) < f.numHMetrics {
			copy(hmtx[4*i:], hmtxIn[4*int(g):4*int(g)+4])
		} else {
			copy(hmtx[4*i:], hmtxIn[4*(f.numHMetrics-1):4*(f.numHMetrics-1)+2])
			if p := 4*f.numHMetrics + 2*(int(g)-f.numHMetrics); p+2 <= len(hmtxIn) {
				copy(hmtx[4*i+2:], hmtxIn[p:p+2])
			}
		}
	}

	head := slices.Clone(f.tables["head"])
	binary.BigEndian.PutUint32(head[8:], 0) // checkSumAdjustment, set below
	binary.BigEndian.PutUint16(head[50:], 1)
	hhea := slices.Clone(f.tables["hhea"])
	binary.BigEndian.PutUint16(hhea[34:], uint16(n))
	maxp := slices.Clone(f.tables["maxp"])
	binary.BigEndian.PutUint16(maxp[4:], uint16(n))
	var post []byte
	if p := f.tables["post"]; len(p) >= 32 {
		// Format 3: no glyph names.
		post = make([]byte, 32)
		copy(post, p[:32])
		binary.BigEndian.PutUint32(post, 0x00030000)
		clear(post[16:])
	}

	// In tag order, as the table directory must be.
	add("OS/2", f.tables["OS/2"])
	add("cmap", s.cmap())
	add("cvt ", f.tables["cvt "])
	add("fpgm", f.tables["fpgm"])
	add("gasp", f.tables["gasp"])
	add("glyf", glyf)
	add("head", head)
	add("hhea", hhea)
	add("hmtx", hmtx)
	add("loca", loca)
	add("maxp", maxp)
	add("name", f.tables["name"])
	add("post", post)
	add("prep", f.tables["prep"])

	total := 12 + 16*len(tables)
	for _, t := range tables {
		total += (len(t.data) + 3) &^ 3
	}
	out := make([]byte, 12+16*len(tables), total)
	nt := len(tables)
	sel := bits.Len(uint(nt)) - 1
	binary.BigEndian.PutUint32(out[0:], 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(nt))
	binary.BigEndian.PutUint16(out[6:], uint16(16<<sel))
	binary.BigEndian.PutUint16(out[8:], uint16(sel))
	binary.BigEndian.PutUint16(out[10:], uint16(16*nt-16<<sel))
	headAt := 0
	for i, t := range tables {
		e := out[12+16*i:]
		copy(e, t.tag)
		binary.BigEndian.PutUint32(e[4:], checksum(t.data))
		binary.BigEndian.PutUint32(e[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(e[12:], uint32(len(t.data)))
		if t.tag == "head" {
			headAt = len(out)
		}
		out = append(out, t.data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	return out
}

// cmap returns a cmap table with one format 4 subtable (Windows Unicode BMP) mapping the
// document's characters to their subset glyphs.
func (s *subset) cmap() []byte {
	type seg struct{ start, end, delta uint16 }
	var segs []seg
	for i, r := range s.runes {
		g := s.newGID[i]
		if k := len(segs) - 1; k >= 0 && int(segs[k].end)+1 == int(r) && uint16(r)+segs[k].delta == g {
			segs[k].end++
			continue
		}
		segs = append(segs, seg{uint16(r), uint16(r), g - uint16(r)})
	}
	segs = append(segs, seg{0xffff, 0xffff, 1})
	n := len(segs)
	sel := bits.Len(uint(n)) - 1
	sub := make([]byte, 16+8*n)
	be := binary.BigEndian
	be.PutUint16(sub[0:], 4)
	be.PutUint16(sub[2:], uint16(len(sub)))
	be.PutUint16(sub[6:], uint16(2*n))
	be.PutUint16(sub[8:], uint16(2<<sel))
	be.PutUint16(sub[10:], uint16(sel))
	be.PutUint16(sub[12:], uint16(2*n-2<<sel))
	for i, sg := range segs {
		be.PutUint16(sub[14+2*i:], sg.end)
		be.PutUint16(sub[16+2*n+2*i:], sg.start)
		be.PutUint16(sub[16+4*n+2*i:], sg.delta)
		// idRangeOffset stays 0
	}
	out := make([]byte, 12, 12+len(sub))
	be.PutUint16(out[2:], 1)
	be.PutUint16(out[4:], 3)
	be.PutUint16(out[6:], 1)
	be.PutUint32(out[8:], 12)
	return append(out, sub...)
}

// checksum is the TrueType table checksum: the sum of the data as big-endian 32-bit words,
// zero-padded.
func checksum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 4 {
		sum += binary.BigEndian.Uint32(b)
		b = b[4:]
	}
	var last [4]byte
	copy(last[:], b)
	return sum + binary.BigEndian.Uint32(last[:])
}

// cidToGID returns the CIDToGIDMap stream: for each character code (the rune) up to the
// highest drawn, its glyph in the subset as two bytes.
func (s *subset) cidToGID() []byte {
	if len(s.runes) == 0 {
		return []byte{0, 0}
	}
	m := make([]byte, 2*(int(s.runes[len(s.runes)-1])+1))
	for i, r := range s.runes {
		binary.BigEndian.PutUint16(m[2*r:], s.newGID[i])
	}
	return m
}
