package render

import (
	"bytes"
	"encoding/binary"
	"github.com/klauspost/compress/flate"
	"hash/adler32"
	"runtime"
	"sync/atomic"
)

// Both renderers compress with DEFLATE at flate.BestSpeed: the PDF's page content and font
// programs (zlib, for FlateDecode), the EPUB's zip entries. A flate.Writer costs over a
// megabyte to make, more than compressing an article's page with it; a sync.Pool would be
// emptied by every garbage collection, which a batch runs about once per article. So the
// process keeps a fixed set of writers, one per processor, made on first need and never
// freed: compressing more streams at once than there are processors gains nothing, and a
// renderer may start one goroutine per stream, which then wait their turn here.
var flaters = struct {
	free chan *flate.Writer
	made atomic.Int32
}{free: make(chan *flate.Writer, max(1, runtime.GOMAXPROCS(0)))}

func getFlater(w *bytes.Buffer) *flate.Writer {
	select {
	case fw := <-flaters.free:
		fw.Reset(w)
		return fw
	default:
	}
	if int(flaters.made.Add(1)) <= cap(flaters.free) {
		fw, _ := flate.NewWriter(w, flate.BestSpeed) // the level is valid: no error
		return fw
	}
	flaters.made.Add(-1)
	fw := <-flaters.free
	fw.Reset(w)
	return fw
}

// Prepare makes the process's DEFLATE writers now, as its first documents would: a program
// about to render can call it in a goroutine while it reads and parses its input.
func Prepare() {
	for int(flaters.made.Add(1)) <= cap(flaters.free) {
		fw, _ := flate.NewWriter(nil, flate.BestSpeed) // the level is valid: no error
		putFlater(fw)
	}
	flaters.made.Add(-1)
}

func putFlater(fw *flate.Writer) {
	fw.Reset(nil)
	flaters.free <- fw // never blocks: at most cap(free) writers exist
}

// Deflate appends the concatenation of data compressed as a raw DEFLATE stream (RFC 1951)
// to dst.
func Deflate(dst *bytes.Buffer, data ...[]byte) {
	fw := getFlater(dst)
	for _, d := range data {
		fw.Write(d) // a bytes.Buffer does not fail
	}
	fw.Close()
	putFlater(fw)
}

// Zlib appends the concatenation of data compressed as a zlib stream (RFC 1950: what a
// PDF's FlateDecode reads) to dst.
func Zlib(dst *bytes.Buffer, data ...[]byte) {
	// The header of a BestSpeed stream with a 32 KiB window and no dictionary.
	dst.Write([]byte{0x78, 0x01})
	Deflate(dst, data...)
	h := adler32.New()
	for _, d := range data {
		h.Write(d)
	}
	var sum [4]byte
	binary.BigEndian.PutUint32(sum[:], h.Sum32())
	dst.Write(sum[:])
}
