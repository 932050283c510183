package render

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"io"
	"strings"
	"sync"
	"testing"
)

func TestCompress(t *testing.T) {
	for _, data := range [][]byte{nil, []byte("x"), []byte(strings.Repeat("BT /F1 11 Tf [<0041>] TJ ET\n", 5000))} {
		var z, d bytes.Buffer
		half := len(data) / 2
		Zlib(&z, data[:half], data[half:])
		Deflate(&d, data[:half], nil, data[half:])
		zr, err := zlib.NewReader(&z)
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(zr) // checks the Adler-32 too
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("zlib round trip of %d bytes: %d bytes back, %v", len(data), len(got), err)
		}
		got, err = io.ReadAll(flate.NewReader(&d))
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("deflate round trip of %d bytes: %d bytes back, %v", len(data), len(got), err)
		}
	}
}

// TestCompressConcurrent shares the writers between goroutines (run with -race).
func TestCompressConcurrent(t *testing.T) {
	data := []byte(strings.Repeat("galley ", 10000))
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				var b bytes.Buffer
				Zlib(&b, data)
				zr, err := zlib.NewReader(&b)
				if err != nil {
					t.Error(err)
					return
				}
				if got, err := io.ReadAll(zr); err != nil || !bytes.Equal(got, data) {
					t.Error("round trip failed")
				}
			}
		})
	}
	wg.Wait()
}
