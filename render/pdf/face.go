package pdf

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"unsafe"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"galley/fonts"
)

// A face is one parsed TrueType font, shared by every document and goroutine of the process:
// fpdf's parse of a font costs more than typesetting a whole article, so it is done once per
// font and the result is handed to each document's fpdf instance (see install). Everything
// in a face is read-only once built.
type face struct {
	// key names the font inside a PDF (fpdf's font key, also its BaseFont).
	key string
	// cw holds fpdf's advance widths, in thousandths of an em, indexed by rune (BMP only):
	// 0 means the font has no glyph, 65535 a glyph of zero width. They are the widths the
	// PDF declares, so measuring with them places glyphs exactly where viewers draw them.
	cw []int
	// ascent and descent (negative) in thousandths of an em.
	ascent, descent int
	// kern holds the pair adjustments (thousandths of an em) between the runes of
	// kernRunes, keyed by r0<<16 | r1.
	kern map[uint32]int16

	proto reflect.Value // fpdf's font definition, copied into each document
	id    string        // fpdf's resource id: the font is /F<id> in page content
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

func parseFace(data []byte) (f *face, err error) {
	sf, err := sfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("font: %w", err)
	}
	var buf sfnt.Buffer
	name, err := sf.Name(&buf, sfnt.NameIDPostScript)
	if err != nil || name == "" {
		name = "font"
	}
	key := strings.ToLower(strings.Map(func(r rune) rune {
		if r < '!' || r > '~' || strings.ContainsRune("()<>[]{}/%#", r) {
			return -1
		}
		return r
	}, name))

	// fpdf prints a parse failure to stdout and registers nothing; it panics on some
	// malformed tables. Both become errors here.
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("font %s: %v", name, r)
		}
	}()
	p := fpdf.New("P", "pt", "Letter", "")
	p.AddUTF8FontFromBytes(key, "", data)
	if p.Err() {
		return nil, fmt.Errorf("font %s: %w", name, p.Error())
	}
	fontsMap := field(reflect.ValueOf(p).Elem(), "fonts")
	if !fontsMap.IsValid() || fontsMap.Kind() != reflect.Map {
		return nil, errInternals
	}
	def := fontsMap.MapIndex(reflect.ValueOf(key))
	if !def.IsValid() {
		return nil, fmt.Errorf("font %s: not a TrueType font fpdf can read", name)
	}
	proto := reflect.New(def.Type()).Elem()
	proto.Set(def)
	f = &face{key: key, proto: proto}
	cw, ok := field(proto, "Cw").Interface().([]int)
	id, ok2 := field(proto, "i").Interface().(string)
	desc, ok3 := field(proto, "Desc").Interface().(fpdf.FontDescType)
	if !ok || !ok2 || !ok3 || len(cw) < 0x10000 {
		return nil, errInternals
	}
	f.cw, f.id = cw, id
	f.ascent, f.descent = desc.Ascent, desc.Descent
	if err := checkClonable(proto); err != nil {
		return nil, err
	}

	f.kern = map[uint32]int16{}
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
				f.kern[uint32(a)<<16|uint32(b)] = v
			}
		}
	}
	return f, nil
}

// errInternals reports that the fpdf in the build is not the one this package was written
// against: the font sharing below reads its font table.
var errInternals = errors.New("pdf: fpdf's font table is not laid out as expected (fpdf v0.12.0); update render/pdf/face.go")

// field returns the named field of struct v, settable and readable even when unexported.
// The zero Value when there is no such field.
func field(v reflect.Value, name string) reflect.Value {
	f := v.FieldByName(name)
	if !f.IsValid() || !f.CanAddr() {
		return reflect.Value{}
	}
	return reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
}

// checkClonable verifies the fields install relies on.
func checkClonable(def reflect.Value) error {
	ur := field(def, "usedRunes")
	uf := field(def, "utf8File")
	if !ur.IsValid() || ur.Type() != reflect.TypeOf(map[int]int(nil)) || !uf.IsValid() || uf.Kind() != reflect.Pointer {
		return errInternals
	}
	fr := field(uf.Elem(), "fileReader")
	if !fr.IsValid() || fr.Kind() != reflect.Pointer {
		return errInternals
	}
	return nil
}

// install registers the face in a document's fpdf and returns the set of runes the document
// uses from it, which the caller fills as it draws text (fpdf subsets the font to them).
//
// The document gets its own copy of the parsed font: a fresh rune set, and a copy of the
// parser state with its own read position, because fpdf re-reads the font file through it
// when it writes the subset. Nothing shared is written to, so documents may be built
// concurrently.
func (f *face) install(p *fpdf.Fpdf) map[int]int {
	def := reflect.New(f.proto.Type()).Elem()
	def.Set(f.proto)

	used := make(map[int]int, 128)
	maps := field(f.proto, "usedRunes").Interface().(map[int]int)
	for k, v := range maps {
		used[k] = v
	}
	field(def, "usedRunes").Set(reflect.ValueOf(used))

	uf := field(def, "utf8File")
	clone := reflect.New(uf.Type().Elem())
	clone.Elem().Set(uf.Elem())
	fr := field(clone.Elem(), "fileReader")
	reader := reflect.New(fr.Type().Elem())
	reader.Elem().Set(fr.Elem())
	fr.Set(reader)
	uf.Set(clone)

	field(reflect.ValueOf(p).Elem(), "fonts").SetMapIndex(reflect.ValueOf(f.key), def)
	return used
}

// has reports whether the font has a glyph for r.
func (f *face) has(r rune) bool {
	return r >= 0 && r < 0x10000 && f.cw[r] != 0
}

// advance returns the advance width of r in thousandths of an em.
func (f *face) advance(r rune) int {
	if r < 0 || r >= 0x10000 {
		return 0
	}
	w := f.cw[r]
	if w == 65535 {
		return 0
	}
	return w
}

// kerning returns the pair adjustment between a and b, in thousandths of an em.
func (f *face) kerning(a, b rune) int {
	if a > 0xffff || b > 0xffff {
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
