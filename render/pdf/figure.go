package pdf

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"galley/render"
	"galley/source"
)

// imageSet tracks the images a document embeds.
type imageSet struct {
	n      int
	widths map[int]bool // pixel widths in use
	// byImage finds an image embedded already, byData one of the same bytes (by their
	// SHA-256: keyed by the bytes themselves, each figure copied its image's).
	byImage map[*render.Image]*embedded
	byData  map[[sha256.Size]byte]*embedded
}

// embedded is an image registered with fpdf.
type embedded struct {
	name string
	// w, h are the pixel size of the original; pw is the registered width, which may carry
	// transparent columns (see register).
	w, h, pw int
	opts     fpdf.ImageOptions
}

// register embeds an image in the document. fpdf writes images sorted by pixel width only,
// in map order among equal widths, so two images of one width would come out in a random
// order and the PDF would differ between builds; an image whose width is taken is widened
// with transparent columns, which draw as nothing.
func (s *imageSet) register(p *fpdf.Fpdf, img *render.Image) (*embedded, error) {
	if s.widths == nil {
		s.widths = map[int]bool{}
		s.byImage = map[*render.Image]*embedded{}
		s.byData = map[[sha256.Size]byte]*embedded{}
	}
	if e, ok := s.byImage[img]; ok {
		return e, nil
	}
	key := sha256.Sum256(img.Data)
	if e, ok := s.byData[key]; ok {
		s.byImage[img] = e
		return e, nil
	}
	// fpdf decodes a PNG or GIF as it reads it (and widen and reencode decode it again):
	// that memory is taken from what every build's images share.
	if img.Format != "jpeg" {
		defer render.HoldImageMemory(img.DecodedSize())()
	}
	data, format, pw := img.Data, img.Format, img.Width
	if s.widths[pw] {
		for s.widths[pw] {
			pw++
		}
		padded, err := widen(img.Data, pw)
		if err != nil {
			return nil, err
		}
		data, format = padded, "png"
	}
	s.n++
	e := &embedded{name: fmt.Sprintf("img%d", s.n), w: img.Width, h: img.Height, pw: pw}
	e.opts = fpdf.ImageOptions{ImageType: strings.ToUpper(format)}
	if e.opts.ImageType == "JPEG" {
		e.opts.ImageType = "JPG"
	}
	if err := tryRegister(p, e.name, e.opts, data); err != nil {
		// fpdf reads only some PNGs (no interlacing, no 16-bit): re-encode and try again.
		re, err2 := reencode(data, pw)
		if err2 != nil {
			return nil, err
		}
		e.opts.ImageType = "PNG"
		if err := tryRegister(p, e.name, e.opts, re); err != nil {
			return nil, err
		}
	}
	s.widths[pw] = true
	s.byData[key] = e
	s.byImage[img] = e
	return e, nil
}

func tryRegister(p *fpdf.Fpdf, name string, opts fpdf.ImageOptions, data []byte) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("image: %v", r)
			p.ClearError()
		}
	}()
	p.RegisterImageOptionsReader(name, opts, bytes.NewReader(data))
	if p.Err() {
		err = p.Error()
		p.ClearError()
	}
	return err
}

// widen returns the image as a PNG pw pixels wide, the new columns transparent.
func widen(data []byte, pw int) ([]byte, error) {
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("image: %w", err)
	}
	b := src.Bounds()
	dst := image.NewNRGBA(image.Rect(0, 0, pw, b.Dy()))
	draw.Draw(dst, image.Rect(0, 0, b.Dx(), b.Dy()), src, b.Min, draw.Src)
	var out bytes.Buffer
	if err := png.Encode(&out, dst); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// reencode returns the image as a plain 8-bit PNG (at width pw).
func reencode(data []byte, pw int) ([]byte, error) {
	return widen(data, pw)
}

// figure sets a figure, a float: the image scaled to the measure (never past its own
// resolution, taken as 96 pixels an inch), or, when there is no image, a light frame of 4:3
// that says so; beneath either, the numbered caption ("Figure 1.") and the credit on a line
// of its own in smaller italics, centred when each is one line (as LaTeX sets a short
// caption), else set left. The caption goes under the frame too, where a reader looks for it: inside, it
// would read as part of the missing picture.
func (r *renderer) figure(f *source.Figure, x, width float64) {
	g := &r.g
	var emb *embedded
	if img, err := r.art.Image(f); err != nil {
		r.opt.MissingImage(f.Line, err)
	} else if emb, err = r.images.register(r.p, img); err != nil {
		r.opt.Warnf(f.Line, fmt.Sprintf("image %s not embedded, placeholder set instead: %v", img.Name, err))
		emb = nil
	}
	capPS := r.body
	capPS.size = g.small
	capPS.hyphenate = false
	credPS := r.body
	credPS.size, credPS.regular, credPS.italic = g.script, r.fs.faces[slotItalic], r.fs.faces[slotRegular]
	credPS.hyphenate = false
	caption := f.Caption
	if caption == "" && f.Credit == "" {
		caption = f.Alt
	}
	var runs []source.Inline
	if label := r.art.FigureLabel(f); label != "" {
		runs = append(runs, source.Inline{Text: label, Style: source.Bold})
		if caption != "" {
			runs[0].Text += " "
		}
	}
	if caption != "" {
		runs = append(runs, source.Inline{Text: caption})
	}
	var blocks []*textBlock
	if len(runs) > 0 {
		blocks = append(blocks, r.set(r.elems(runs, &capPS, f.Line), &capPS, blockOpts{width: width, lead: g.smallLead}))
	}
	if f.Credit != "" {
		blocks = append(blocks, r.set(r.elems(plain(f.Credit), &credPS, f.Line), &credPS, blockOpts{width: width, lead: g.scriptLead}))
	}
	short := true
	for _, b := range blocks {
		short = short && len(b.lines) == 1
	}
	for _, b := range blocks {
		if short {
			b.align = 1
		}
	}
	textH := 0.0
	for _, b := range blocks {
		textH += b.height()
	}
	gapAbove, gapBelow, capGap := 8*g.scale, 8*g.scale, 4*g.scale

	// A Figure with its text alternative, and its Caption, together in a Div, where the
	// figure's anchor is in the text whatever page it floats to.
	div := r.sect.add("Div")
	fig := div.add("Figure")
	var capTag *tag
	if len(blocks) > 0 {
		capTag = div.add("Caption")
	}

	// the picture: the image, or the frame that stands for it
	var w, h float64
	var picture func(d *drawer, x, y float64)
	if emb != nil {
		w = min(width, float64(emb.w)*0.75)
		h = w * float64(emb.h) / float64(emb.w)
		if h > g.figMaxH {
			h = g.figMaxH
			w = h * float64(emb.w) / float64(emb.h)
		}
		pw := w * float64(emb.pw) / float64(emb.w)
		fig.alt = render.AltText(f)
		picture = func(d *drawer, x, y float64) {
			d.content(fig)
			d.image(emb, x, y, pw, h)
		}
	} else {
		w = min(width, 3.3*72*g.scale)
		h = w * 3 / 4
		st := &textStyle{face: r.fs.faces[slotItalic], size: g.small, color: grey}
		note := "Image not available"
		fig.alt = note + ": " + render.AltText(f)
		picture = func(d *drawer, x, y float64) {
			d.artifact(artLayout)
			d.rect(x, y, w, h, rgb{0.96, 0.96, 0.96})
			d.frame(x, y, w, h, 0.6, grey)
			d.content(fig)
			d.text(st, note, x+(w-st.width(note))/2, y+h/2+0.32*g.small)
		}
	}
	px := g.left + x + (width-w)/2
	total := h + gapBelow
	if len(blocks) > 0 {
		total += capGap + textH
	}
	r.add(&vbox{h: total, before: gapAbove, float: true, anchor: f.ID, line: f.Line, at: f, draw: func(d *drawer, y float64) {
		fig.attrs = "<</O /Layout /Placement /Block /BBox [" + d.bbox(px, y, w, h) + "]>>"
		picture(d, px, y)
		ty := y + h + capGap
		for _, b := range blocks {
			d.content(capTag)
			b.draw(d, g.left+x, ty)
			ty += b.height()
		}
	}})
}
