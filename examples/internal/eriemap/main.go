// Command eriemap draws the map of the Erie Canal that the example article
// examples/erie-canal-opens.txt shows as its figure: the canal from Buffalo to Albany, the
// Hudson to New York, the lakes and the towns along the way, on an equirectangular projection
// centred on the canal's latitude. The coastlines are simplified by hand from public
// coordinates; the towns are placed at their latitude and longitude.
//
//	go generate ./examples/...
//
// rewrites examples/erie-canal-map.png; the package's test checks that the committed image is
// what this program draws.
package main

//go:generate go run . -o ../../erie-canal-map.png

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"os"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"galley/fonts"
)

func main() {
	out := flag.String("o", "erie-canal-map.png", "output `FILE`")
	flag.Parse()
	data, err := drawPNG()
	if err == nil {
		err = os.WriteFile(*out, data, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "eriemap:", err)
		os.Exit(1)
	}
}

// The map's extent and projection: longitude is scaled by the cosine of the middle latitude,
// so that distances east-west and north-south agree near the canal.
const (
	west, east   = -79.70, -73.20
	south, north = 40.15, 44.15
	width        = 1200
)

var (
	kx     = width / ((east - west) * math.Cos((south+north)/2*math.Pi/180))
	height = int(math.Round((north - south) * kx))
)

// pt is a point in latitude and longitude.
type pt struct{ lat, lon float64 }

func (p pt) xy() (float32, float32) {
	return float32((p.lon - west) * kx * math.Cos((south+north)/2*math.Pi/180)),
		float32((north - p.lat) * kx)
}

var (
	land      = color.RGBA{0xf6, 0xf1, 0xe7, 0xff}
	water     = color.RGBA{0xcf, 0xe0, 0xee, 0xff}
	shore     = color.RGBA{0x6a, 0x8f, 0xb8, 0xff}
	river     = color.RGBA{0x5b, 0x84, 0xb1, 0xff}
	canal     = color.RGBA{0x8b, 0x1a, 0x1a, 0xff}
	ink       = color.RGBA{0x1c, 0x1c, 0x1c, 0xff}
	waterText = color.RGBA{0x2f, 0x56, 0x82, 0xff}
)

// Shores and rivers, simplified by hand; the lakes are closed at the map's edge.
var (
	lakeErie = []pt{{42.40, -79.70}, {42.40, -79.60}, {42.49, -79.33}, {42.55, -79.20}, {42.70, -79.05},
		{42.83, -78.88}, {42.89, -78.90}, {42.90, -79.00}, {42.87, -79.25}, {42.85, -79.45}, {42.84, -79.70}}
	lakeOntario = []pt{{43.20, -79.70}, {43.22, -79.30}, {43.26, -79.06}, {43.37, -78.70}, {43.36, -78.30},
		{43.30, -77.90}, {43.26, -77.60}, {43.27, -77.00}, {43.30, -76.80}, {43.46, -76.51}, {43.55, -76.20},
		{43.70, -76.20}, {43.88, -76.15}, {44.00, -76.25}, {44.08, -76.40}, {44.15, -76.55}, {44.15, -76.95},
		{44.05, -77.05}, {43.93, -77.15}, {43.88, -77.35}, {43.93, -77.60},
		{43.96, -78.00}, {43.90, -78.50}, {43.82, -78.90}, {43.68, -79.20}, {43.63, -79.40}, {43.45, -79.70}}
	oneidaLake = []pt{{43.17, -76.13}, {43.22, -76.05}, {43.25, -75.92}, {43.24, -75.78}, {43.20, -75.73},
		{43.16, -75.80}, {43.15, -75.95}, {43.155, -76.08}}
	ocean = []pt{{40.15, -74.04}, {40.35, -74.00}, {40.47, -73.99}, {40.57, -74.00}, {40.58, -73.80},
		{40.60, -73.55}, {40.63, -73.20}, {40.15, -73.20}}
	longIslandSound = []pt{{40.80, -73.78}, {40.87, -73.65}, {40.92, -73.45}, {40.95, -73.20}, {41.10, -73.20},
		{41.02, -73.45}, {40.95, -73.65}, {40.85, -73.78}}
	fingerLakes = [][]pt{
		{{42.45, -76.51}, {42.60, -76.60}, {42.75, -76.68}, {42.93, -76.73}}, // Cayuga
		{{42.38, -76.87}, {42.55, -76.90}, {42.72, -76.93}, {42.87, -76.95}}, // Seneca
	}
	hudson = []pt{{43.30, -73.58}, {43.05, -73.60}, {42.90, -73.66}, {42.73, -73.69}, {42.65, -73.75},
		{42.50, -73.78}, {42.25, -73.79}, {42.08, -73.95}, {41.93, -73.97}, {41.70, -73.95}, {41.50, -74.00},
		{41.39, -73.96}, {41.29, -73.93}, {41.19, -73.95}, {41.08, -73.89}, {40.93, -73.91}, {40.82, -73.96},
		{40.75, -74.01}, {40.70, -74.02}, {40.65, -74.05}, {40.61, -74.04}, {40.52, -74.02}}
	eastRiver = []pt{{40.70, -74.01}, {40.75, -73.96}, {40.80, -73.88}, {40.81, -73.78}}
	mohawk    = []pt{{42.785, -73.708}, {42.80, -73.80}, {42.825, -73.95}, {42.87, -74.05}, {42.935, -74.19},
		{42.950, -74.37}, {42.91, -74.57}, {42.97, -74.75}, {43.04, -74.86}, {43.02, -74.99}, {43.11, -75.22},
		{43.20, -75.45}, {43.35, -75.50}}
	niagara = []pt{{42.89, -78.91}, {42.97, -78.95}, {43.06, -79.02}, {43.09, -79.06}, {43.15, -79.05}, {43.26, -79.06}}
	// The canal of 1825, west to east, through the towns it made.
	erieCanal = []pt{{42.886, -78.878}, {42.93, -78.90}, {43.020, -78.880}, {43.10, -78.77}, {43.170, -78.690},
		{43.220, -78.387}, {43.246, -78.194}, {43.214, -77.939}, {43.186, -77.804}, {43.157, -77.615},
		{43.090, -77.515}, {43.064, -77.233}, {43.047, -77.095}, {43.064, -76.990}, {43.084, -76.870},
		{43.010, -76.703}, {43.035, -76.624}, {43.065, -76.473}, {43.039, -76.304}, {43.049, -76.147},
		{43.045, -75.866}, {43.080, -75.752}, {43.213, -75.456}, {43.100, -75.233}, {43.026, -74.986},
		{43.043, -74.859}, {42.905, -74.572}, {42.955, -74.376}, {42.939, -74.188}, {42.814, -73.940},
		{42.79, -73.80}, {42.774, -73.700}, {42.730, -73.701}, {42.652, -73.757}}
)

// town is a place on the map, with where its name goes from its dot, in pixels.
type town struct {
	name   string
	at     pt
	dx, dy float32
}

var towns = []town{
	{"Buffalo", pt{42.886, -78.878}, 16, 34},
	{"Lockport", pt{43.170, -78.690}, -40, -20},
	{"Rochester", pt{43.157, -77.615}, -50, 44},
	{"Syracuse", pt{43.049, -76.147}, -50, 44},
	{"Rome", pt{43.213, -75.456}, -20, -20},
	{"Utica", pt{43.100, -75.233}, 10, 42},
	{"Little Falls", pt{43.043, -74.859}, -40, -20},
	{"Schenectady", pt{42.814, -73.940}, -172, 40},
	{"Albany", pt{42.652, -73.757}, -92, 40},
	{"New York", pt{40.712, -74.006}, 16, 10},
}

// drawPNG draws the map and returns it as PNG bytes.
func drawPNG() ([]byte, error) {
	img, err := drawMap()
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func drawMap() (*image.RGBA, error) {
	sansRegular, err := face(fonts.Sans.Regular, 27)
	if err != nil {
		return nil, err
	}
	sansBold, err := face(fonts.Sans.Bold, 25)
	if err != nil {
		return nil, err
	}
	serifItalic, err := face(fonts.Serif.Italic, 33)
	if err != nil {
		return nil, err
	}
	titleFace, err := face(fonts.Serif.Bold, 46)
	if err != nil {
		return nil, err
	}
	img := image.NewRGBA(image.Rect(0, 0, width, height))
	draw.Draw(img, img.Bounds(), image.NewUniform(land), image.Point{}, draw.Src)

	for _, body := range [][]pt{lakeErie, lakeOntario, oneidaLake, ocean, longIslandSound} {
		fill(img, body, water)
		stroke(img, append(body, body[0]), 2, shore)
	}
	for _, l := range fingerLakes {
		stroke(img, l, 11, shore)
		stroke(img, l, 8, water)
	}
	stroke(img, hudson, 6, river)
	stroke(img, eastRiver, 5, river)
	stroke(img, mohawk, 3.5, river)
	stroke(img, niagara, 3.5, river)
	stroke(img, erieCanal, 7, canal)

	for _, t := range towns {
		x, y := t.at.xy()
		disc(img, x, y, 9, land)
		disc(img, x, y, 6.5, ink)
	}
	for _, t := range towns {
		x, y := t.at.xy()
		label(img, sansRegular, t.name, x+t.dx, y+t.dy, ink, land)
	}
	for _, l := range []struct {
		name string
		at   pt
	}{
		{"Lake Erie", pt{42.62, -79.55}},
		{"Lake Ontario", pt{43.66, -78.35}},
		{"Oneida Lake", pt{43.40, -76.55}},
		{"Atlantic", pt{40.42, -73.90}},
		{"Ocean", pt{40.30, -73.84}},
		{"Hudson River", pt{41.75, -74.80}},
		{"Mohawk River", pt{42.78, -75.45}},
	} {
		x, y := l.at.xy()
		label(img, serifItalic, l.name, x, y, waterText, color.Transparent)
	}

	// The title, a legend and a scale, in the empty south-west.
	x0, y0 := pt{41.55, -79.55}.xy()
	label(img, titleFace, "The Erie Canal, 1825", x0, y0, ink, color.Transparent)
	y := y0 + 56
	line(img, x0, y-8, x0+60, y-8, 7, canal)
	label(img, sansRegular, "Erie Canal: 363 miles, 83 locks", x0+76, y, ink, color.Transparent)
	y += 44
	line(img, x0, y-8, x0+60, y-8, 5, river)
	label(img, sansRegular, "Rivers", x0+76, y, ink, color.Transparent)
	y += 60
	mile := float32(kx / 69.05) // pixels a statute mile, north-south
	for i := 0; i < 5; i++ {
		c := ink
		if i%2 == 1 {
			c = land
		}
		bar := image.Rect(int(x0+float32(i)*10*mile), int(y-12), int(x0+float32(i+1)*10*mile), int(y))
		draw.Draw(img, bar, image.NewUniform(ink), image.Point{}, draw.Src)
		draw.Draw(img, bar.Inset(2), image.NewUniform(c), image.Point{}, draw.Src)
	}
	label(img, sansBold, "0", x0-6, y+32, ink, color.Transparent)
	label(img, sansBold, "50 miles", x0+50*mile-40, y+32, ink, color.Transparent)

	// A north arrow at the top right.
	nx, ny := pt{44.00, -73.55}.xy()
	fill32(img, []float32{nx, ny - 40, nx + 14, ny, nx, ny - 10, nx - 14, ny}, ink)
	label(img, sansBold, "N", nx-9, ny+32, ink, color.Transparent)

	// A neat line round the map.
	frame := img.Bounds()
	for _, r := range []image.Rectangle{
		{frame.Min, image.Pt(frame.Max.X, frame.Min.Y+3)}, {image.Pt(frame.Min.X, frame.Max.Y-3), frame.Max},
		{frame.Min, image.Pt(frame.Min.X+3, frame.Max.Y)}, {image.Pt(frame.Max.X-3, frame.Min.Y), frame.Max},
	} {
		draw.Draw(img, r, image.NewUniform(ink), image.Point{}, draw.Src)
	}
	return img, nil
}

func face(ttf []byte, size float64) (font.Face, error) {
	f, err := opentype.Parse(ttf)
	if err != nil {
		return nil, err
	}
	return opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
}

// label draws s with its baseline's left end at x, y, over a halo of the colour halo (if not
// transparent) that keeps it clear of the lines beneath.
func label(dst draw.Image, f font.Face, s string, x, y float32, c, halo color.Color) {
	if _, _, _, a := halo.RGBA(); a != 0 {
		for k := 0; k < 16; k++ {
			a := float64(k) * math.Pi / 8
			d := font.Drawer{Dst: dst, Src: image.NewUniform(halo), Face: f,
				Dot: fixed.Point26_6{X: fixed.Int26_6((float64(x) + 3*math.Cos(a)) * 64), Y: fixed.Int26_6((float64(y) + 3*math.Sin(a)) * 64)}}
			d.DrawString(s)
		}
	}
	d := font.Drawer{Dst: dst, Src: image.NewUniform(c), Face: f, Dot: fixed.Point26_6{X: fixed.Int26_6(x * 64), Y: fixed.Int26_6(y * 64)}}
	d.DrawString(s)
}

// fill fills the polygon of points.
func fill(dst draw.Image, poly []pt, c color.Color) {
	xy := make([]float32, 0, 2*len(poly))
	for _, p := range poly {
		x, y := p.xy()
		xy = append(xy, x, y)
	}
	fill32(dst, xy, c)
}

// fill32 fills the polygon of pixel coordinates x0, y0, x1, y1, ...
func fill32(dst draw.Image, xy []float32, c color.Color) {
	b := dst.Bounds()
	r := vector.NewRasterizer(b.Dx(), b.Dy())
	addPolygon(r, xy)
	r.Draw(dst, b, image.NewUniform(c), image.Point{})
}

func addPolygon(r *vector.Rasterizer, xy []float32) {
	// The rasterizer adds the coverage of the shapes it is given, so every shape is wound
	// the same way, and overlapping ones make a union rather than a hole.
	area := float32(0)
	n := len(xy) / 2
	for i := range n {
		j := (i + 1) % n
		area += xy[2*i]*xy[2*j+1] - xy[2*j]*xy[2*i+1]
	}
	at := func(i int) (float32, float32) {
		if area < 0 {
			i = n - 1 - i
		}
		return xy[2*i], xy[2*i+1]
	}
	r.MoveTo(at(0))
	for i := 1; i < n; i++ {
		r.LineTo(at(i))
	}
	r.ClosePath()
}

// stroke draws the line through points, width pixels wide, with round joins and ends.
func stroke(dst draw.Image, line []pt, width float32, c color.Color) {
	if len(line) == 0 {
		return
	}
	xy := make([]float32, 0, 2*len(line))
	for _, p := range line {
		x, y := p.xy()
		xy = append(xy, x, y)
	}
	b := dst.Bounds()
	r := vector.NewRasterizer(b.Dx(), b.Dy())
	strokePath(r, xy, width)
	r.Draw(dst, b, image.NewUniform(c), image.Point{})
}

func line(dst draw.Image, x0, y0, x1, y1, width float32, c color.Color) {
	b := dst.Bounds()
	r := vector.NewRasterizer(b.Dx(), b.Dy())
	strokePath(r, []float32{x0, y0, x1, y1}, width)
	r.Draw(dst, b, image.NewUniform(c), image.Point{})
}

// strokePath adds to r a quadrilateral for each segment of the path xy and a disc at each
// point.
func strokePath(r *vector.Rasterizer, xy []float32, width float32) {
	h := width / 2
	for i := 0; i+3 < len(xy); i += 2 {
		x0, y0, x1, y1 := xy[i], xy[i+1], xy[i+2], xy[i+3]
		dx, dy := x1-x0, y1-y0
		l := float32(math.Hypot(float64(dx), float64(dy)))
		if l == 0 {
			continue
		}
		nx, ny := -dy/l*h, dx/l*h
		addPolygon(r, []float32{x0 + nx, y0 + ny, x1 + nx, y1 + ny, x1 - nx, y1 - ny, x0 - nx, y0 - ny})
	}
	for i := 0; i+1 < len(xy); i += 2 {
		addPolygon(r, circle(xy[i], xy[i+1], h))
	}
}

func disc(dst draw.Image, x, y, radius float32, c color.Color) {
	fill32(dst, circle(x, y, radius), c)
}

func circle(x, y, radius float32) []float32 {
	const n = 24
	out := make([]float32, 0, 2*n)
	for k := range n {
		a := float64(k) * 2 * math.Pi / n
		out = append(out, x+radius*float32(math.Cos(a)), y+radius*float32(math.Sin(a)))
	}
	return out
}
