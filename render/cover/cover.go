// Package cover draws a publication's cover image: the title, the event's date and places,
// and the house's name and logo when there is one, set in the embedded Liberation faces on a
// plain ground. E-reader library views show it as the book's tile. It uses Go's image and font
// packages only, and the same cover always comes out as the same PNG bytes.
package cover

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"image"
	"image/color"
	_ "image/jpeg" // logos may be JPEG
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"galley/fonts"
)

// Cover is what a cover shows. Every field may be empty.
type Cover struct {
	// Title is the publication's title.
	Title string
	// Date is the event's date as the article writes it.
	Date string
	// Locale is the event's places, as one line.
	Locale string
	// House is the name of the school, library or publisher that issues the publication.
	House string
	// Logo is the house's logo, PNG or JPEG bytes.
	Logo []byte
}

// The cover's size in pixels: 2:3, the shape of a book, large enough for a library view at
// any density and for a full-screen cover page on a tablet.
const (
	Width  = 1200
	Height = 1800
)

// MaxLogoPixels bounds the logo's width×height, read from its header before it is decoded.
const MaxLogoPixels = 40_000_000

// Colours: black text on a warm paper ground, and the dark blue that the PDF uses for its
// rules and links, so that the cover still reads when printed in greyscale.
var (
	paper  = color.RGBA{0xf6, 0xf1, 0xe7, 0xff}
	ink    = color.RGBA{0x1c, 0x1c, 0x1c, 0xff}
	accent = color.RGBA{0x1a, 0x33, 0x73, 0xff}
	onBand = color.RGBA{0xff, 0xff, 0xff, 0xff}
	muted  = color.RGBA{0xc9, 0xd2, 0xe6, 0xff}
)

// The layout, in pixels: a band of the accent colour across the top holds the date and the
// places; the title sits below it; the house's logo and name close the page.
const (
	margin      = 96
	bandHeight  = 430
	titleTop    = bandHeight + 110
	houseHeight = 170 // the house block's height, logo included
	houseBottom = Height - 110
	titleBottom = houseBottom - houseHeight - 120
	ruleHeight  = 10
	ruleWidth   = 150

	titleMax, titleMin = 112, 56 // title sizes tried, largest first
	titleLeading       = 1.16
	dateSize           = 54
	localeSize         = 34
	houseSize          = 40
	logoMaxWidth       = 300
)

// PNG draws the cover and returns it as PNG bytes.
func PNG(c *Cover) ([]byte, error) {
	img, err := Draw(c)
	if err != nil {
		return nil, err
	}
	return encodePNG(img), nil
}

// Draw draws the cover. The logo, when given, must be a PNG or JPEG image.
func Draw(c *Cover) (*image.Paletted, error) {
	var logo *setLogo
	if len(c.Logo) > 0 {
		var err error
		if logo, err = logoOf(c.Logo); err != nil {
			return nil, err
		}
	}
	ff, err := loadFaces()
	if err != nil {
		return nil, err
	}
	var colors []color.RGBA
	if logo != nil {
		colors = logo.colors
	}
	cv := newCanvas(Width, Height, colors)
	cv.fill(image.Rect(0, 0, Width, bandHeight), iAccent)
	width := fixed.I(Width - 2*margin)

	// The band: the date, and the places beneath it, set from the band's foot up.
	y := bandHeight - 80
	if loc := oneLine(c.Locale); loc != "" {
		f := ff.face(sansRegular, localeSize)
		lines := fit(f, wrap(f, loc, width), 2)
		y -= (len(lines) - 1) * lineHeight(localeSize, 1.25)
		for i, l := range lines {
			cv.text(f, l, rightToLeft(loc), margin, Width-margin, y+i*lineHeight(localeSize, 1.25), iMuted)
		}
		y -= lineHeight(dateSize, 1.3)
	}
	if date := oneLine(c.Date); date != "" {
		f := ff.face(serifItalic, dateSize)
		lines := fit(f, wrap(f, date, width), 1)
		cv.text(f, lines[0], rightToLeft(date), margin, Width-margin, y, iOnBand)
	}

	// The title: the largest size at which it fits, balanced over its lines; at the smallest
	// size, what does not fit ends in an ellipsis.
	title := oneLine(c.Title)
	if title == "" {
		title = "Untitled"
	}
	size, lines := titleLines(ff, title, width, titleBottom-titleTop)
	f := ff.face(serifBold, size)
	lead := lineHeight(size, titleLeading)
	y = titleTop + ascent(f)
	for i, l := range lines {
		cv.text(f, l, rightToLeft(title), margin, Width-margin, y+i*lead, iInk)
	}
	ruleY, ruleX := y+(len(lines)-1)*lead+lead/2+20, margin
	if rightToLeft(title) {
		ruleX = Width - margin - ruleWidth
	}
	cv.fill(image.Rect(ruleX, ruleY, ruleX+ruleWidth, ruleY+ruleHeight), iAccent)

	// The house: a hairline, then the logo and the name beside it.
	house := oneLine(c.House)
	if house == "" && logo == nil {
		return cv.img, nil
	}
	top := houseBottom - houseHeight
	cv.fill(image.Rect(margin, top-40, Width-margin, top-38), iAccent)
	x := margin
	if logo != nil {
		at := image.Pt(x, top+(houseHeight-logo.h)/2)
		for y := range logo.h {
			copy(cv.img.Pix[cv.img.PixOffset(at.X, at.Y+y):], logo.pix[y*logo.w:(y+1)*logo.w])
		}
		x += logo.w + 40
	}
	if house != "" {
		f := ff.face(sansBold, houseSize)
		lh := lineHeight(houseSize, 1.2)
		lines := fit(f, wrap(f, house, fixed.I(Width-margin-x)), 3)
		y := top + (houseHeight-len(lines)*lh)/2 + ascent(f)
		for i, l := range lines {
			cv.text(f, l, rightToLeft(house), x, Width-margin, y+i*lh, iInk)
		}
	}
	return cv.img, nil
}

// titleLines returns the title's size and lines: the largest size, from titleMax down, at
// which the wrapped title fits in height, its lines balanced; at titleMin, as many lines
// as fit, the last ending in an ellipsis.
func titleLines(ff *faces, title string, width fixed.Int26_6, height int) (int, []string) {
	for size := titleMax; ; size = size * 15 / 16 {
		size = max(size, titleMin)
		f := ff.face(serifBold, size)
		lead := lineHeight(size, titleLeading)
		maxLines := max(1, (height-ascent(f))/lead+1)
		lines := wrap(f, title, width)
		if len(lines) <= maxLines {
			return size, balance(f, title, width, len(lines))
		}
		if size == titleMin {
			return size, fit(f, lines, maxLines)
		}
	}
}

// balance wraps s into n lines as even as they can be: the narrowest measure at which it
// still wraps into n lines, found by bisection (a title of two lines then reads as two halves,
// not a full line and a word).
func balance(f font.Face, s string, width fixed.Int26_6, n int) []string {
	if n < 2 {
		return wrap(f, s, width)
	}
	lo, hi := width/4, width
	for hi-lo > fixed.I(2) {
		mid := (lo + hi) / 2
		if len(wrap(f, s, mid)) <= n {
			hi = mid
		} else {
			lo = mid
		}
	}
	return wrap(f, s, hi)
}

// wrap breaks s into lines no wider than width, at spaces; a word wider than a line is
// broken between characters (titles in scripts that do not space their words).
func wrap(f font.Face, s string, width fixed.Int26_6) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		try := w
		if line != "" {
			try = line + " " + w
		}
		if font.MeasureString(f, try) <= width {
			line = try
			continue
		}
		if line != "" {
			lines = append(lines, line)
			line = ""
		}
		for font.MeasureString(f, w) > width {
			head := breakWord(f, w, width)
			lines = append(lines, head)
			w = w[len(head):]
		}
		line = w
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// breakWord returns the longest head of w, one character at least, no wider than width.
func breakWord(f font.Face, w string, width fixed.Int26_6) string {
	end := 0
	for i, r := range w {
		next := i + len(string(r))
		if end > 0 && font.MeasureString(f, w[:next]) > width {
			break
		}
		end = next
	}
	return w[:end]
}

// fit keeps at most n lines; when some are dropped, the last kept line ends in an ellipsis.
func fit(f font.Face, lines []string, n int) []string {
	if len(lines) == 0 {
		return []string{""}
	}
	if len(lines) <= n {
		return lines
	}
	lines = lines[:n]
	last := lines[n-1]
	width := font.MeasureString(f, last)
	for last != "" && font.MeasureString(f, last+"…") > width {
		_, size := utf8.DecodeLastRuneInString(last)
		last = strings.TrimRightFunc(last[:len(last)-size], unicode.IsSpace)
	}
	lines[n-1] = last + "…"
	return lines
}

// maxText is the most characters of one text that a cover sets: more than its title's
// place holds at the smallest size, so what is cut is behind the ellipsis anyway, and a
// title of megabytes costs no more than one that fills the page.
const maxText = 2000

// oneLine joins s's words with single spaces (control characters are spaces), up to
// maxText characters.
func oneLine(s string) string {
	i := 0
	for k := range s {
		if i == maxText {
			s = s[:k]
			break
		}
		i++
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r)
	}), " ")
}

func lineHeight(size int, leading float64) int { return int(float64(size)*leading + 0.5) }

func ascent(f font.Face) int { return f.Metrics().Ascent.Ceil() }

// scaleInto returns the rectangle at the origin of an image of size sz scaled to fit within
// w×h, keeping its proportions, never enlarged more than three times.
func scaleInto(sz image.Point, w, h int) image.Rectangle {
	scale := min(float64(w)/float64(sz.X), float64(h)/float64(sz.Y), 3)
	return image.Rect(0, 0, max(1, int(float64(sz.X)*scale+0.5)), max(1, int(float64(sz.Y)*scale+0.5)))
}

// logos holds the logos set so far, by the SHA-256 of their bytes: a house's logo is the
// same for every cover of a process, and is decoded, scaled and put in the palette once.
var logos struct {
	sync.Mutex
	set map[[sha256.Size]byte]*setLogo
}

// logoOf returns the logo of data, set once per process.
func logoOf(data []byte) (*setLogo, error) {
	key := sha256.Sum256(data)
	logos.Lock()
	defer logos.Unlock()
	if l := logos.set[key]; l != nil {
		return l, nil
	}
	img, err := decodeLogo(data)
	if err != nil {
		return nil, err
	}
	r := scaleInto(img.Bounds().Size(), logoMaxWidth, houseHeight)
	l := prepareLogo(img, r.Dx(), r.Dy())
	if logos.set == nil {
		logos.set = map[[sha256.Size]byte]*setLogo{}
	}
	logos.set[key] = l
	return l, nil
}

// decodeLogo decodes a PNG or JPEG logo, refusing from its header one that is too large.
func decodeLogo(data []byte) (image.Image, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || format != "png" && format != "jpeg" {
		return nil, errors.New("cover: the logo is not a PNG or JPEG image")
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || int64(cfg.Width)*int64(cfg.Height) > MaxLogoPixels {
		return nil, fmt.Errorf("cover: the logo's %d×%d pixels are over the limit", cfg.Width, cfg.Height)
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("cover: logo: %w", err)
	}
	return img, nil
}

// The faces a cover uses.
const (
	serifBold = iota
	serifItalic
	sansRegular
	sansBold
	numStyles
)

// parsed holds the Liberation fonts, parsed once per process: the styles the cover sets,
// each followed by the other families' faces of that style, for characters it lacks.
var parsed = sync.OnceValues(func() ([numStyles][]*opentype.Font, error) {
	var out [numStyles][]*opentype.Font
	sources := [numStyles][][]byte{
		serifBold:   {fonts.Serif.Bold, fonts.Sans.Bold, fonts.Mono.Bold},
		serifItalic: {fonts.Serif.Italic, fonts.Sans.Italic, fonts.Mono.Regular},
		sansRegular: {fonts.Sans.Regular, fonts.Serif.Regular, fonts.Mono.Regular},
		sansBold:    {fonts.Sans.Bold, fonts.Serif.Bold, fonts.Mono.Bold},
	}
	cache := map[*byte]*opentype.Font{}
	for style, list := range sources {
		for _, data := range list {
			f := cache[&data[0]]
			if f == nil {
				var err error
				if f, err = opentype.Parse(data); err != nil {
					return out, fmt.Errorf("cover: %w", err)
				}
				cache[&data[0]] = f
			}
			out[style] = append(out[style], f)
		}
	}
	return out, nil
})

// faces makes the faces of one drawing (an opentype face is not safe for concurrent use).
type faces struct {
	fonts [numStyles][]*opentype.Font
	made  map[[2]int]font.Face
}

func loadFaces() (*faces, error) {
	fs, err := parsed()
	if err != nil {
		return nil, err
	}
	return &faces{fonts: fs, made: map[[2]int]font.Face{}}, nil
}

// face returns style at size pixels, falling back to the other families for a character.
func (ff *faces) face(style, size int) font.Face {
	key := [2]int{style, size}
	if f := ff.made[key]; f != nil {
		return f
	}
	fb := &fallback{}
	for _, f := range ff.fonts[style] {
		face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: float64(size), DPI: 72, Hinting: font.HintingNone})
		if err != nil {
			continue // a size the font cannot set; the others will do
		}
		fb.faces = append(fb.faces, face)
	}
	ff.made[key] = fb
	return fb
}

// fallback is a face that sets each character in the first of its faces that has it. A
// character none of them has (Chinese, Arabic, emoji: the Liberation faces cover Latin, Greek,
// Cyrillic and Hebrew) is drawn as a hollow box, the convention for a missing glyph, so that a
// title in a script without a face still shows how much of it there is; a mark or format
// character none has takes no room.
type fallback struct {
	faces []font.Face
	which map[rune]int // index into faces; -1: no face has it
}

func (f *fallback) pick(r rune) (font.Face, bool) {
	i, ok := f.which[r]
	if !ok {
		i = -1
		for j, face := range f.faces {
			if _, ok := face.GlyphAdvance(r); ok {
				i = j
				break
			}
		}
		if f.which == nil {
			f.which = map[rune]int{}
		}
		f.which[r] = i
	}
	if i < 0 {
		return f.faces[0], false
	}
	return f.faces[i], true
}

// Close implements font.Face.
func (f *fallback) Close() error { return nil }

// Glyph implements font.Face.
func (f *fallback) Glyph(dot fixed.Point26_6, r rune) (image.Rectangle, image.Image, image.Point, fixed.Int26_6, bool) {
	face, ok := f.pick(r)
	if ok {
		return face.Glyph(dot, r)
	}
	adv := f.missingAdvance(r)
	if adv == 0 {
		return image.Rectangle{}, nil, image.Point{}, 0, false
	}
	// A box from the baseline to the cap height, with a side bearing on each side.
	m := face.Metrics()
	h := (m.CapHeight * 9 / 10).Ceil()
	if h <= 0 {
		h = (m.Ascent * 7 / 10).Ceil()
	}
	w := (adv * 7 / 10).Ceil()
	stroke := max(1, h/12)
	box := image.NewAlpha(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			if x < stroke || x >= w-stroke || y < stroke || y >= h-stroke {
				box.SetAlpha(x, y, color.Alpha{0xff})
			}
		}
	}
	x, y := (dot.X + adv*15/100).Round(), dot.Y.Round()
	return image.Rect(x, y-h, x+w, y), box, image.Point{}, adv, false
}

// missingAdvance is the width of a character no face has: none for a mark or a format
// character, two thirds of an em otherwise.
func (f *fallback) missingAdvance(r rune) fixed.Int26_6 {
	if unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf) || unicode.Is(unicode.Variation_Selector, r) {
		return 0
	}
	m := f.faces[0].Metrics()
	return (m.Ascent + m.Descent) * 2 / 3
}

// GlyphBounds implements font.Face.
func (f *fallback) GlyphBounds(r rune) (fixed.Rectangle26_6, fixed.Int26_6, bool) {
	face, ok := f.pick(r)
	if ok {
		return face.GlyphBounds(r)
	}
	adv := f.missingAdvance(r)
	return fixed.Rectangle26_6{Min: fixed.Point26_6{Y: -face.Metrics().CapHeight}, Max: fixed.Point26_6{X: adv}}, adv, false
}

// GlyphAdvance implements font.Face.
func (f *fallback) GlyphAdvance(r rune) (fixed.Int26_6, bool) {
	face, ok := f.pick(r)
	if ok {
		return face.GlyphAdvance(r)
	}
	return f.missingAdvance(r), false
}

// Kern implements font.Face: pairs are kerned within one face only.
func (f *fallback) Kern(r0, r1 rune) fixed.Int26_6 {
	a, okA := f.pick(r0)
	b, okB := f.pick(r1)
	if !okA || !okB || a != b {
		return 0
	}
	return a.Kern(r0, r1)
}

// Metrics implements font.Face: the first face's.
func (f *fallback) Metrics() font.Metrics { return f.faces[0].Metrics() }
