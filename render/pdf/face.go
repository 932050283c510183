package pdf

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"unsafe"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"galley/fonts"
	"galley/render/pdf/hyph"
)

// A face is one parsed TrueType font, shared by every document and goroutine of the process:
// parsed once (see loadFace), read-only afterwards. It holds what layout measures with and
// what the PDF embeds: the metrics in thousandths of an em, the kerning pairs, and the
// tables the per-document subset (subset.go) is cut from.
type face struct {
	// name is the font's PostScript name, cleaned for use as a PDF name.
	name string
	// cw holds the advance widths, in thousandths of an em, of the runes of the BMP: 0
	// means the font has no glyph, 65535 a glyph of zero width. The PDF declares the same
	// widths, so measuring with them places glyphs exactly where viewers draw them.
	cw widths
	// segs are the segments of the Unicode cmap (format 4) the glyphs are found with; sorted
	// when they come in increasing order without overlap, as they should.
	segs   []cmapSeg
	sorted bool
	// ascent and descent (negative) in thousandths of an em.
	ascent, descent int
	desc            fontDesc
	// kern holds the pair adjustments (thousandths of an em) between the runes of
	// kernRunes, keyed by r0<<16 | r1; kernASCII holds the ASCII pairs' again, as a table,
	// and kernLeft marks the runes that start a pair, so that most lookups are one load.
	kern      map[uint32]int16
	kernASCII *[128 * 128]int16
	kernLeft  [0x10000 / 64]uint64

	// The font file and what subsetting needs of it.
	data        []byte
	tables      map[string][]byte // table data by tag
	loca        []uint32          // glyph offsets into glyf, numGlyphs+1 entries
	numHMetrics int
}

// cmapSeg is a segment of a format 4 cmap: runes first to last map to glyphs by delta, or
// through the glyph array at glyphs (an offset into the cmap table) when it is not 0.
type cmapSeg struct {
	first, last uint16
	delta       uint16
	glyphs      int
}

// fontDesc is what a PDF font descriptor says about the font, in thousandths of an em.
type fontDesc struct {
	capHeight, flags, italicAngle, stemV, missingWidth int
	bbox                                               [4]int
}

// kernRunes are the characters whose pairs are looked up in the font's kerning: Latin text
// and its punctuation. Pairs outside it are set without kerning.
var kernRunes = func() []rune {
	var rs []rune
	for r := rune(0x20); r < 0x7f; r++ {
		rs = append(rs, r)
	}
	for r := rune(0xc0); r <= 0x17f; r++ {
		rs = append(rs, r)
	}
	return append(rs, '‘', '’', '“', '”', '–', '—', '…')
}()

var (
	facesMu sync.Mutex
	faces   = map[*byte]*faceEntry{}
)

type faceEntry struct {
	once sync.Once
	f    *face
	err  error
}

// loadFace returns the face of a TrueType file, parsing it on first use. Faces are keyed by
// the font's bytes, so the embedded families are parsed once per process.
func loadFace(data []byte) (*face, error) {
	if len(data) == 0 {
		return nil, errors.New("empty font file")
	}
	facesMu.Lock()
	e := faces[unsafe.SliceData(data)]
	if e == nil {
		e = &faceEntry{}
		faces[unsafe.SliceData(data)] = e
	}
	facesMu.Unlock()
	e.once.Do(func() { e.f, e.err = parseFace(data) })
	return e.f, e.err
}

// errFont reports a font file this package cannot use.
var errFont = errors.New("not a TrueType font with a Unicode cmap")

// parseFace reads a TrueType file: its table directory, metrics, Unicode cmap and glyph
// locations. The widths and descriptor values are computed as fpdf computed them, which
// galley's layout was tuned with (TestFaceMatchesFpdf checks it).
func parseFace(data []byte) (f *face, err error) {
	defer func() {
		// The readers below check bounds as they go; a table that lies about its size
		// would still index out of range somewhere: that is a broken font, not a crash.
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("font: %v", r)
		}
	}()
	if len(data) < 12 {
		return nil, errFont
	}
	if tag := string(data[:4]); tag != "\x00\x01\x00\x00" && tag != "true" {
		return nil, fmt.Errorf("font: %w (an OpenType/CFF or collection file?)", errFont)
	}
	f = &face{data: data, tables: map[string][]byte{}}
	n := int(u16(data, 4))
	for i := 0; i < n; i++ {
		e := 12 + 16*i
		if e+16 > len(data) {
			return nil, errFont
		}
		off, size := int(u32(data, e+8)), int(u32(data, e+12))
		if off < 0 || size < 0 || off > len(data) || size > len(data)-off {
			return nil, fmt.Errorf("font: table %q out of bounds", data[e:e+4])
		}
		f.tables[string(data[e:e+4])] = data[off : off+size : off+size]
	}
	for _, t := range []string{"head", "hhea", "maxp", "hmtx", "cmap", "loca", "glyf"} {
		if f.tables[t] == nil {
			return nil, fmt.Errorf("font: no %s table: %w", t, errFont)
		}
	}
	f.name = postScriptName(f.tables["name"])

	head := f.tables["head"]
	upem := int(u16(head, 18))
	if upem == 0 {
		return nil, errFont
	}
	scale := 1000.0 / float64(upem)
	sc := func(v int16) int { return int(float64(v) * scale) }
	f.desc.bbox = [4]int{sc(i16(head, 36)), sc(i16(head, 38)), sc(i16(head, 40)), sc(i16(head, 42))}
	locaLong := i16(head, 50) != 0

	hhea := f.tables["hhea"]
	f.ascent, f.descent = sc(i16(hhea, 4)), sc(i16(hhea, 6))
	f.numHMetrics = int(u16(hhea, 34))
	numGlyphs := int(u16(f.tables["maxp"], 4))
	if f.numHMetrics == 0 || f.numHMetrics > numGlyphs || len(f.tables["hmtx"]) < 4*f.numHMetrics {
		return nil, fmt.Errorf("font: bad horizontal metrics: %w", errFont)
	}

	weight := 500
	if os2 := f.tables["OS/2"]; os2 != nil {
		weight = int(u16(os2, 4))
		if fsType := u16(os2, 8); fsType == 0x0002 || fsType&0x0300 != 0 {
			weight = 0 // fpdf stops reading here for restricted fonts
		} else {
			if f.ascent == 0 {
				f.ascent = sc(i16(os2, 68))
			}
			if f.descent == 0 {
				f.descent = sc(i16(os2, 70))
			}
			if u16(os2, 0) > 1 {
				f.desc.capHeight = sc(i16(os2, 88))
			} else {
				f.desc.capHeight = f.ascent
			}
		}
	} else {
		if f.ascent == 0 {
			f.ascent = int(float64(f.desc.bbox[3]) * scale)
		}
		if f.descent == 0 {
			f.descent = int(float64(f.desc.bbox[1]) * scale)
		}
		f.desc.capHeight = f.ascent
	}
	f.desc.stemV = 50 + int(math.Pow(float64(weight)/65.0, 2))
	f.desc.flags = 4
	if post := f.tables["post"]; len(post) >= 16 {
		f.desc.italicAngle = int(i16(post, 4))
		if f.desc.italicAngle != 0 {
			f.desc.flags |= 64
		}
		if u32(post, 12) != 0 {
			f.desc.flags |= 1
		}
	}
	if weight >= 600 {
		f.desc.flags |= 262144
	}

	if err := f.readCmap(); err != nil {
		return nil, err
	}
	f.readWidths(scale)
	if f.loca, err = readLoca(f.tables["loca"], numGlyphs, locaLong, len(f.tables["glyf"])); err != nil {
		return nil, err
	}
	if k := embeddedKern(data); k != nil {
		f.kern = k
	} else if f.kern, err = computeKern(data); err != nil {
		return nil, err
	}
	f.kernASCII = new([128 * 128]int16)
	for k, v := range f.kern {
		r := k >> 16
		f.kernLeft[r/64] |= 1 << (r % 64)
		if r < 128 && k&0xffff < 128 {
			f.kernASCII[r<<7|k&0xffff] = v
		}
	}
	return f, nil
}

// postScriptName returns the font's PostScript name (name ID 6), keeping only what a PDF
// name may hold, or "Font".
func postScriptName(t []byte) string {
	name := ""
	if len(t) >= 6 {
		count, strOff := int(u16(t, 2)), int(u16(t, 4))
		for i := 0; i < count && 6+12*i+12 <= len(t); i++ {
			r := t[6+12*i:]
			plat, enc, lang, id := u16(r, 0), u16(r, 2), u16(r, 4), u16(r, 6)
			size, off := int(u16(r, 8)), strOff+int(u16(r, 10))
			if id != 6 || off+size > len(t) {
				continue
			}
			s := t[off : off+size]
			if plat == 3 && enc == 1 && lang == 0x409 {
				var b strings.Builder
				for j := 0; j+1 < len(s); j += 2 {
					b.WriteRune(rune(u16(s, j)))
				}
				name = b.String()
				break
			}
			if plat == 1 && enc == 0 && name == "" {
				name = string(s)
			}
		}
	}
	name = strings.Map(func(r rune) rune {
		if r < '!' || r > '~' || strings.ContainsRune("()<>[]{}/%#", r) {
			return -1
		}
		return r
	}, name)
	if name == "" {
		return "Font"
	}
	return name
}

// readCmap reads the segments of the first Unicode format 4 subtable (platform 3 encoding
// 1, or platform 0), the one fpdf reads.
func (f *face) readCmap() error {
	t := f.tables["cmap"]
	sub := -1
	for i := 0; i < int(u16(t, 2)); i++ {
		r := 4 + 8*i
		plat, enc, off := u16(t, r), u16(t, r+2), int(u32(t, r+4))
		if (plat == 3 && enc == 1) || plat == 0 {
			if off+2 <= len(t) && u16(t, off) == 4 {
				sub = off
				break
			}
		}
	}
	if sub < 0 {
		return fmt.Errorf("font: %w", errFont)
	}
	end := min(len(t), sub+int(u16(t, sub+2)))
	n := int(u16(t, sub+6)) / 2
	ends, starts := sub+14, sub+16+2*n
	deltas, ranges := starts+2*n, starts+4*n
	if ranges+2*n > end {
		return fmt.Errorf("font: short cmap: %w", errFont)
	}
	f.segs = make([]cmapSeg, n)
	for i := range f.segs {
		sg := cmapSeg{first: u16(t, starts+2*i), last: u16(t, ends+2*i), delta: u16(t, deltas+2*i)}
		if ro := int(u16(t, ranges+2*i)); ro != 0 {
			sg.glyphs = ranges + 2*i + ro
		}
		f.segs[i] = sg
	}
	f.sorted = true
	for i, sg := range f.segs {
		if sg.first > sg.last || i > 0 && sg.first <= f.segs[i-1].last {
			f.sorted = false
		}
	}
	f.tables["cmap"] = t[:end]
	return nil
}

// glyphIn returns the glyph of rune c in segment sg (0 for none).
func (f *face) glyphIn(sg *cmapSeg, c int) int {
	if sg.glyphs == 0 {
		return (c + int(sg.delta)) & 0xffff
	}
	t := f.tables["cmap"]
	p := sg.glyphs + 2*(c-int(sg.first))
	if p+2 > len(t) {
		return 0
	}
	g := int(u16(t, p))
	if g != 0 {
		g = (g + int(sg.delta)) & 0xffff
	}
	return g
}

// glyphOf returns the glyph of a BMP rune, 0 for none. Where segments overlap, the last
// one counts, as it does for the widths.
func (f *face) glyphOf(r rune) uint16 {
	if !f.sorted {
		for i := len(f.segs) - 1; i >= 0; i-- {
			if sg := &f.segs[i]; rune(sg.first) <= r && r <= rune(sg.last) {
				return uint16(f.glyphIn(sg, int(r)))
			}
		}
		return 0
	}
	i, _ := slices.BinarySearchFunc(f.segs, r, func(sg cmapSeg, r rune) int { return int(sg.last) - int(r) })
	if i == len(f.segs) || rune(f.segs[i].first) > r {
		return 0
	}
	return uint16(f.glyphIn(&f.segs[i], int(r)))
}

// readWidths fills f.cw from hmtx for every rune the cmap maps to a glyph other than 0.
func (f *face) readWidths(scale float64) {
	hmtx := f.tables["hmtx"]
	f.desc.missingWidth = int(math.Round(scale * float64(f.advanceOf(0, hmtx))))
	for i := range f.segs {
		sg := &f.segs[i]
		for c := max(1, int(sg.first)); c <= int(sg.last) && c < 0xffff; c++ {
			g := f.glyphIn(sg, c)
			if g == 0 {
				continue
			}
			w := int(math.Round(scale * float64(f.advanceOf(g, hmtx))))
			if w == 0 {
				w = 65535
			}
			f.cw.set(rune(c), uint16(w))
		}
	}
}

// advanceOf returns glyph g's advance in font units (as fpdf reads it: a value with the
// top bit set counts as 0).
func (f *face) advanceOf(g int, hmtx []byte) int {
	g = min(g, f.numHMetrics-1)
	w := int(u16(hmtx, 4*g))
	if w >= 1<<15 {
		return 0
	}
	return w
}

func readLoca(t []byte, numGlyphs int, long bool, glyfLen int) ([]uint32, error) {
	loca := make([]uint32, numGlyphs+1)
	for i := range loca {
		var v uint32
		if long {
			if 4*i+4 > len(t) {
				return nil, fmt.Errorf("font: short loca table: %w", errFont)
			}
			v = u32(t, 4*i)
		} else {
			if 2*i+2 > len(t) {
				return nil, fmt.Errorf("font: short loca table: %w", errFont)
			}
			v = 2 * uint32(u16(t, 2*i))
		}
		if int(v) > glyfLen || (i > 0 && v < loca[i-1]) {
			return nil, fmt.Errorf("font: bad loca table: %w", errFont)
		}
		loca[i] = v
	}
	return loca, nil
}

// computeKern reads the kerning between kernRunes pairs with x/image's sfnt (GPOS pair
// adjustments, or the kern table). It costs a few milliseconds a face, so the embedded
// fonts' pairs are precomputed (kern_data.go) and this runs only for fonts from a directory.
func computeKern(data []byte) (map[uint32]int16, error) {
	sf, err := sfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("font: %w", err)
	}
	var buf sfnt.Buffer
	kern := map[uint32]int16{}
	upem := fixed.Int26_6(sf.UnitsPerEm())
	gi := make([]sfnt.GlyphIndex, len(kernRunes))
	for i, r := range kernRunes {
		gi[i], _ = sf.GlyphIndex(&buf, r)
	}
	for i, a := range kernRunes {
		if gi[i] == 0 {
			continue
		}
		for j, b := range kernRunes {
			if gi[j] == 0 {
				continue
			}
			// With ppem equal to the units per em, Kern returns font units (26.6).
			k, err := sf.Kern(&buf, gi[i], gi[j], upem<<6, font.HintingNone)
			if err != nil || k == 0 {
				continue
			}
			v := int16(float64(k) / 64 * 1000 / float64(upem))
			if v != 0 {
				kern[uint32(a)<<16|uint32(b)] = v
			}
		}
	}
	return kern, nil
}

// fingerprint identifies a font file by content cheaply: its length, the head table's
// whole-file checksum adjustment and its modification time.
func fingerprint(data []byte) [3]uint64 {
	if len(data) < 12 {
		return [3]uint64{}
	}
	for i := 0; i < int(u16(data, 4)); i++ {
		e := 12 + 16*i
		if e+16 > len(data) {
			break
		}
		if string(data[e:e+4]) == "head" {
			off := int(u32(data, e+8))
			if off+36 > len(data) {
				break
			}
			return [3]uint64{uint64(len(data)), uint64(u32(data, off+8)), binary.BigEndian.Uint64(data[off+28:])}
		}
	}
	return [3]uint64{}
}

// embeddedKern returns the precomputed kerning of an embedded font, nil for any other.
func embeddedKern(data []byte) map[uint32]int16 {
	fp := fingerprint(data)
	for _, k := range kernData {
		if k.fp == fp {
			m := make(map[uint32]int16, len(k.pairs))
			for _, p := range k.pairs {
				m[p.pair] = p.v
			}
			return m
		}
	}
	return nil
}

type kernPair struct {
	pair uint32
	v    int16
}

// widths is a table of 65,536 advance widths kept in blocks of 256 runes, of which only the
// blocks where the font has glyphs exist: a font covers a few dozen blocks, and a flat table
// would be 128 KB a face for a process to allocate and zero before its first document.
type widths [256]*[256]uint16

// at returns the width of r, 0 for a rune outside the BMP or without a glyph.
func (t *widths) at(r rune) uint16 {
	if r < 0 || r >= 0x10000 {
		return 0
	}
	if b := t[r>>8]; b != nil {
		return b[r&0xff]
	}
	return 0
}

func (t *widths) set(r rune, w uint16) {
	b := t[r>>8]
	if b == nil {
		b = new([256]uint16)
		t[r>>8] = b
	}
	b[r&0xff] = w
}

func u16(b []byte, i int) uint16 { return binary.BigEndian.Uint16(b[i:]) }
func i16(b []byte, i int) int16  { return int16(binary.BigEndian.Uint16(b[i:])) }
func u32(b []byte, i int) uint32 { return binary.BigEndian.Uint32(b[i:]) }

// has reports whether the font has a glyph for r.
func (f *face) has(r rune) bool {
	return f.cw.at(r) != 0
}

// advance returns the advance width of r in thousandths of an em.
func (f *face) advance(r rune) int {
	w := f.cw.at(r)
	if w == 65535 {
		return 0
	}
	return int(w)
}

// kerning returns the pair adjustment between a and b, in thousandths of an em.
func (f *face) kerning(a, b rune) int {
	if uint32(a) < 128 && uint32(b) < 128 {
		return int(f.kernASCII[a<<7|b])
	}
	if a > 0xffff || b > 0xffff || a < 0 || f.kernLeft[a/64]&(1<<(a%64)) == 0 {
		return 0
	}
	return int(f.kern[uint32(a)<<16|uint32(b)])
}

// A fontSet is the four styles of a family plus the monospaced face for code.
type fontSet struct {
	faces [5]*face // regular, bold, italic, bold italic, mono
}

// Face slots of a fontSet.
const (
	slotRegular = iota
	slotBold
	slotItalic
	slotBoldItalic
	slotMono
)

// Prepare parses the faces of the family named font (as render.Options.Font names it) and
// loads the hyphenation patterns now, as the first Render would: a process's first PDF spends
// a few milliseconds on them. A program about to render PDFs can call it in a goroutine, so
// that the cost overlaps with reading and parsing the input. Render waits for a Prepare in
// progress.
func Prepare(font string) {
	if fam, err := fonts.Lookup(font); err == nil { // an error is Render's to report
		_, _ = loadFontSet(fam)
	}
	hyph.Load()
}

func loadFontSet(fam *fonts.Family) (*fontSet, error) {
	var fs fontSet
	for i, data := range [][]byte{fam.Regular, fam.Bold, fam.Italic, fam.BoldItalic, fonts.Mono.Regular} {
		if len(data) == 0 {
			data = fam.Regular
		}
		f, err := loadFace(data)
		if err != nil {
			return nil, fmt.Errorf("font family %s: %w", fam.Name, err)
		}
		fs.faces[i] = f
	}
	return &fs, nil
}
