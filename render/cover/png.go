package cover

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"

	"galley/render"
)

// encodePNG writes img as an 8-bit indexed PNG with no row filter, compressed with the
// renderers' DEFLATE: a cover is flat colour and text, which DEFLATE's repeated strings catch
// without a filter, and the rows go to the compressor as they are, one byte a pixel, never
// copied.
func encodePNG(img *image.Paletted) []byte {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	var out bytes.Buffer
	out.WriteString("\x89PNG\r\n\x1a\n")
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = 8, 3 // 8 bits a sample, indexed colour; compression, filter, interlace 0
	chunk(&out, "IHDR", ihdr[:])
	plte := make([]byte, 0, 3*len(img.Palette))
	for _, c := range img.Palette {
		r, g, b, _ := c.RGBA()
		plte = append(plte, uint8(r>>8), uint8(g>>8), uint8(b>>8))
	}
	chunk(&out, "PLTE", plte)
	none := []byte{0} // each row's filter type: None
	rows := make([][]byte, 0, 2*h)
	for y := range h {
		rows = append(rows, none, img.Pix[y*img.Stride:y*img.Stride+w])
	}
	var idat bytes.Buffer
	render.Zlib(&idat, rows...)
	chunk(&out, "IDAT", idat.Bytes())
	chunk(&out, "IEND", nil)
	return out.Bytes()
}

// chunk writes a PNG chunk: length, type, data and the CRC of type and data.
func chunk(out *bytes.Buffer, typ string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	out.Write(n[:])
	out.WriteString(typ)
	out.Write(data)
	crc := crc32.NewIEEE()
	crc.Write([]byte(typ))
	crc.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	out.Write(n[:])
}
