// Command housemark draws the mark of the example house that examples/galley.toml sets, a
// school library: an open book in cream on a dark blue square, a gold rule beneath it and the
// letters LHS, in the embedded Liberation Serif. It shows what a logo gives a house's
// handouts, above the PDF's title and on the EPUB's cover.
//
//	go generate ./examples/...
//
// rewrites examples/house-logo.png; the package's test checks that the committed image is
// what this program draws.
package main

//go:generate go run . -o ../../house-logo.png

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"galley/fonts"
)

func main() {
	out := flag.String("o", "house-logo.png", "output `FILE`")
	flag.Parse()
	data, err := drawPNG()
	if err == nil {
		err = os.WriteFile(*out, data, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "housemark:", err)
		os.Exit(1)
	}
}

// size is the mark's side in pixels.
const size = 480

var (
	navy  = color.RGBA{0x1b, 0x33, 0x6e, 0xff}
	cream = color.RGBA{0xf6, 0xf1, 0xe7, 0xff}
	gold  = color.RGBA{0xc8, 0x9b, 0x3c, 0xff}
)

// drawPNG draws the mark and encodes it as a PNG.
func drawPNG() ([]byte, error) {
	img, err := drawMark()
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// drawMark draws the mark: the book's two pages rise from the spine to the outer corners, the
// rule and the letters are centred beneath.
func drawMark() (*image.RGBA, error) {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	draw.Draw(img, img.Bounds(), image.NewUniform(navy), image.Point{}, draw.Src)

	const mid, gap = size / 2, 8
	fill(img, []float32{mid - gap, 150, 90, 100, 90, 290, mid - gap, 330}, cream)
	fill(img, []float32{mid + gap, 150, size - 90, 100, size - 90, 290, mid + gap, 330}, cream)
	for _, y := range []float32{150, 185, 220, 255} { // lines of text on the pages
		fill(img, []float32{125, y - 20, mid - 40, y, mid - 40, y + 6, 125, y - 14}, navy)
		fill(img, []float32{size - 125, y - 20, mid + 40, y, mid + 40, y + 6, size - 125, y - 14}, navy)
	}
	fill(img, []float32{90, 352, size - 90, 352, size - 90, 362, 90, 362}, gold)

	f, err := opentype.Parse(fonts.Serif.Bold)
	if err != nil {
		return nil, err
	}
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: 78, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil, err
	}
	d := font.Drawer{Dst: img, Src: image.NewUniform(cream), Face: face}
	w := d.MeasureString("LHS")
	d.Dot = fixed.Point26_6{X: fixed.I(size/2) - w/2, Y: fixed.I(440)}
	d.DrawString("LHS")
	return img, nil
}

// fill fills the polygon of pixel coordinates x0, y0, x1, y1, ...
func fill(dst draw.Image, xy []float32, c color.Color) {
	b := dst.Bounds()
	r := vector.NewRasterizer(b.Dx(), b.Dy())
	r.MoveTo(xy[0], xy[1])
	for i := 2; i < len(xy); i += 2 {
		r.LineTo(xy[i], xy[i+1])
	}
	r.ClosePath()
	r.Draw(dst, b, image.NewUniform(c), image.Point{})
}
