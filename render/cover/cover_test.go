package cover

import (
	"bytes"
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"strings"
	"sync"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

var seedCover = Cover{
	Title:  "United States Recognizes Russia’s Bolshevik Regime",
	Date:   "November 16, 1933",
	Locale: "Washington, D.C.; Moscow, Soviet Union (now Russia)",
	House:  "Lincoln High School Library",
}

func TestPNG(t *testing.T) {
	c := seedCover
	c.Logo = testLogo(t, 40, 30)
	a, err := PNG(&c)
	if err != nil {
		t.Fatal(err)
	}
	b, err := PNG(&c)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("two covers of the same publication differ")
	}
	img, err := png.Decode(bytes.NewReader(a))
	if err != nil {
		t.Fatalf("image/png cannot read the cover: %v", err)
	}
	if img.Bounds() != image.Rect(0, 0, Width, Height) {
		t.Fatalf("size %v", img.Bounds())
	}
	drawn, err := Draw(&c)
	if err != nil {
		t.Fatal(err)
	}
	// What the PNG holds is what was drawn, pixel for pixel.
	for y := 0; y < Height; y += 7 {
		for x := 0; x < Width; x += 5 {
			if !sameColor(img.At(x, y), drawn.At(x, y)) {
				t.Fatalf("pixel (%d,%d): PNG %v, drawn %v", x, y, img.At(x, y), drawn.At(x, y))
			}
		}
	}
	if got := img.At(5, 5); !sameColor(got, accent) {
		t.Errorf("the band is %v, want the accent", got)
	}
	if got := img.At(Width-5, Height-5); !sameColor(got, paper) {
		t.Errorf("the ground is %v, want paper", got)
	}
	// The title, the date and the house are there: ink in each of their places.
	for _, area := range []struct {
		name string
		r    image.Rectangle
		c    color.Color
	}{
		{"title", image.Rect(margin, titleTop, Width-margin, titleBottom), ink},
		{"date", image.Rect(margin, 0, Width-margin, bandHeight), onBand},
		{"house", image.Rect(margin, houseBottom-houseHeight, Width-margin, houseBottom), ink},
	} {
		if n := count(drawn, area.r, area.c); n < 100 {
			t.Errorf("%s: %d pixels of %v in its place", area.name, n, area.c)
		}
	}
	// The logo, set in the palette's cube: its red, and nothing of it outside its box.
	red := 0
	for y := houseBottom - houseHeight; y < houseBottom; y++ {
		for x := margin; x < margin+logoMaxWidth; x++ {
			if r, g, b, _ := drawn.At(x, y).RGBA(); r>>8 > 120 && g>>8 < 60 && b>>8 < 60 {
				red++
			}
		}
	}
	// The 40×30 logo is scaled into the house block's height (three times at most).
	if red < 100*90*9/10 {
		t.Errorf("logo: %d red pixels in its place", red)
	}
	// No house, no logo: no house block.
	bare, _ := Draw(&Cover{Title: "Erie Canal Opens"})
	if n := count(bare, image.Rect(0, houseBottom-houseHeight-60, Width, Height), accent); n > 0 {
		t.Errorf("a cover without a house has %d pixels of its rule", n)
	}
}

// TestConcurrent: covers drawn at once share the parsed fonts, and each comes out as drawn
// alone.
func TestConcurrent(t *testing.T) {
	covers := []Cover{seedCover, {Title: "Erie Canal Opens", Date: "October 26, 1825"}, {Title: "明治維新", House: "מגילת"}}
	want := make([][]byte, len(covers))
	for i := range covers {
		var err error
		if want[i], err = PNG(&covers[i]); err != nil {
			t.Fatal(err)
		}
	}
	got := make([][]byte, len(covers))
	var wg sync.WaitGroup
	for i := range covers {
		wg.Go(func() { got[i], _ = PNG(&covers[i]) })
	}
	wg.Wait()
	for i := range covers {
		if !bytes.Equal(got[i], want[i]) {
			t.Errorf("cover %d drawn concurrently differs", i)
		}
	}
}

func sameColor(a, b color.Color) bool {
	r1, g1, b1, _ := a.RGBA()
	r2, g2, b2, _ := b.RGBA()
	return r1>>8 == r2>>8 && g1>>8 == g2>>8 && b1>>8 == b2>>8
}

func count(img image.Image, r image.Rectangle, c color.Color) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if sameColor(img.At(x, y), c) {
				n++
			}
		}
	}
	return n
}

var logoRed = color.RGBA{0xb0, 0x10, 0x10, 0xff}

func testLogo(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, logoRed)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestLogoRefused(t *testing.T) {
	var g bytes.Buffer
	if err := gif.Encode(&g, image.NewPaletted(image.Rect(0, 0, 2, 2), color.Palette{color.Black}), nil); err != nil {
		t.Fatal(err)
	}
	// A PNG header that claims 100000×100000 pixels, refused before anything is decoded.
	var huge bytes.Buffer
	huge.WriteString("\x89PNG\r\n\x1a\n")
	chunk(&huge, "IHDR", []byte{0, 1, 0x86, 0xa0, 0, 1, 0x86, 0xa0, 8, 2, 0, 0, 0})
	for name, logo := range map[string][]byte{
		"text":  []byte("not an image"),
		"GIF":   g.Bytes(),
		"bomb":  huge.Bytes(),
		"empty": {0x89, 'P', 'N', 'G'},
	} {
		c := seedCover
		c.Logo = logo
		if _, err := PNG(&c); err == nil || !strings.HasPrefix(err.Error(), "cover: ") {
			t.Errorf("%s logo: error %v", name, err)
		}
	}
}

// TestTitleFits: a title of any length is set inside its place, whole when it fits, and
// ending in an ellipsis when it does not.
func TestTitleFits(t *testing.T) {
	if testing.Short() {
		t.Skip("lays out titles of megabytes")
	}
	ff, err := loadFaces()
	if err != nil {
		t.Fatal(err)
	}
	width := fixed.I(Width - 2*margin)
	height := titleBottom - titleTop
	for _, tc := range []struct {
		name, title string
		whole       bool
	}{
		{"short", "Erie Canal Opens", true},
		{"typical", seedCover.Title, true},
		{"long", strings.Repeat("The Congress of Vienna Redraws the Map of Europe ", 6), true},
		{"very long", strings.Repeat("Treaty of Westphalia and the Peace of Münster ", 200), false},
		{"one long word", strings.Repeat("Donaudampfschifffahrtsgesellschaft", 12), true},
		{"no spaces at all", strings.Repeat("明治維新と日本の近代化", 20), true},
		{"megabytes", strings.Repeat("x ", 1<<20), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			title := oneLine(tc.title)
			size, lines := titleLines(ff, title, width, height)
			f := ff.face(serifBold, size)
			if size < titleMin || size > titleMax {
				t.Errorf("size %d", size)
			}
			if h := ascent(f) + (len(lines)-1)*lineHeight(size, titleLeading) + f.Metrics().Descent.Ceil(); h > height {
				t.Errorf("%d lines at %d px take %d px of %d", len(lines), size, h, height)
			}
			for _, l := range lines {
				if w := font.MeasureString(f, l); w > width {
					t.Errorf("line %q is %d px wide, over %d", l, w.Ceil(), width.Ceil())
				}
			}
			joined := strings.Join(lines, "")
			if tc.whole {
				if strings.ReplaceAll(title, " ", "") != strings.ReplaceAll(joined, " ", "") {
					t.Errorf("title not set whole:\n%q\n%q", title, lines)
				}
			} else if !strings.HasSuffix(joined, "…") {
				t.Errorf("a title that does not fit does not end in an ellipsis: %q", lines[len(lines)-1])
			}
		})
	}
	// A title that fits on two lines is balanced: no line is less than half the other.
	_, lines := titleLines(ff, "The Erie Canal Opens from Albany to Buffalo", width, height)
	f := ff.face(serifBold, titleMax)
	if len(lines) == 2 {
		a, b := font.MeasureString(f, lines[0]), font.MeasureString(f, lines[1])
		if a > 2*b || b > 2*a {
			t.Errorf("unbalanced lines %q", lines)
		}
	}
}

// TestScripts: titles in any script, and bytes that are not text, draw without error, and
// something is drawn for each.
func TestScripts(t *testing.T) {
	if testing.Short() {
		t.Skip("draws a cover for each script")
	}
	for _, title := range []string{
		"Большевистский режим признан",          // Cyrillic, in the faces
		"Η μάχη του Μαραθώνα",                   // Greek, in the faces
		"מגילת העצמאות נחתמה",                   // Hebrew, right to left
		"明治維新",                                  // no face: boxes
		"إعلان الاستقلال",                       // Arabic, no face: boxes, right to left
		"👑 Coronation 🎉",                        // emoji
		"e\u0301te\u0301 \u200d\ufe0f",          // combining marks, a joiner, a selector
		"bad \xff\xfe bytes\x00and\tcontrols\n", // not UTF-8, controls
		"",                                      // nothing: "Untitled"
	} {
		c := Cover{Title: title, Date: title, Locale: title, House: title}
		img, err := Draw(&c)
		if err != nil {
			t.Errorf("%q: %v", title, err)
			continue
		}
		if n := count(img, image.Rect(margin, titleTop, Width-margin, titleBottom), ink); n < 50 {
			t.Errorf("%q: nothing drawn for the title (%d pixels)", title, n)
		}
	}
}

func TestVisual(t *testing.T) {
	for _, tc := range []struct {
		in   string
		rtl  bool
		want string
	}{
		{"Erie Canal", false, "Erie Canal"},
		{"The אבג title", false, "The גבא title"},
		{"The אבג דה title", false, "The הד גבא title"},
		{"(אבג)", false, "(גבא)"},
		{"The שנת 1948 title", false, "The 1948 תנש title"},
		{"אבג", true, "גבא"},
		{"אבג 1948", true, "1948 גבא"},
		{"אב (ג)", true, "(ג) בא"},
		{"אב World War 2 גד", true, "דג World War 2 בא"},
	} {
		if got := visual(tc.in, tc.rtl); got != tc.want {
			t.Errorf("visual(%q, %v) = %q, want %q", tc.in, tc.rtl, got, tc.want)
		}
	}
	if !rightToLeft("1948 אבג") || rightToLeft("1948 Erie") || rightToLeft("") {
		t.Error("rightToLeft: the first letter with a direction decides")
	}
}

// FuzzDraw: any text draws without error or panic, and its title lines fit.
func FuzzDraw(f *testing.F) {
	f.Add(seedCover.Title, seedCover.House)
	f.Add("מגילת העצמאות (1948) נחתמה", "明治維新")
	f.Add(strings.Repeat("Donaudampfschifffahrt", 40), "\xff\x00")
	f.Fuzz(func(t *testing.T, title, house string) {
		if _, err := Draw(&Cover{Title: title, Date: house, Locale: title, House: house}); err != nil {
			t.Fatal(err)
		}
		ff, _ := loadFaces()
		size, lines := titleLines(ff, oneLine(title), fixed.I(Width-2*margin), titleBottom-titleTop)
		face := ff.face(serifBold, size)
		for _, l := range lines {
			if font.MeasureString(face, l) > fixed.I(Width-2*margin) && len([]rune(l)) > 1 {
				t.Fatalf("line %q too wide", l)
			}
			_ = visual(l, rightToLeft(title))
		}
	})
}

// BenchmarkPNG draws and writes a cover with a house and a logo.
func BenchmarkPNG(b *testing.B) {
	c := seedCover
	c.Logo = testLogo(&testing.T{}, 200, 120)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := PNG(&c); err != nil {
			b.Fatal(err)
		}
	}
}
