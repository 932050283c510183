package pdf

import (
	"bytes"
	"errors"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

// fpdfOutput returns what fpdf writes for a page holding one chunk marker, as Render has it
// write, and the chunk.
func fpdfOutput(t *testing.T) ([]byte, [][]byte) {
	t.Helper()
	p := fpdf.New("P", "pt", "Letter", "")
	p.SetCompression(false)
	p.AddPage()
	p.RawWriteStr(chunkMarker + "0\n")
	var out bytes.Buffer
	if err := p.Output(&out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes(), [][]byte{[]byte("BT ET")}
}

// TestFinishChecksFpdf feeds finish outputs that are not laid out as fpdf v0.12.0 lays
// them out: each must be errLayout, not a panic or a broken file.
func TestFinishChecksFpdf(t *testing.T) {
	src, chunks := fpdfOutput(t)
	var ok bytes.Buffer
	if err := finish(&ok, src, nil, chunks); err != nil {
		t.Fatalf("fpdf's own output: %v", err)
	}
	for _, tc := range []struct {
		name   string
		src    []byte
		chunks [][]byte
	}{
		{"truncated", src[:len(src)/2], chunks},
		{"no xref", bytes.Replace(src, []byte("xref\n"), []byte("xreg\n"), 1), chunks},
		{"resources with fonts", bytes.Replace(src, []byte("/Font <<\n>>"), []byte("/Font <</F1 9 0 R>>"), 1), chunks},
		{"chunk not placed", src, append(chunks, []byte("q Q"))},
		{"unknown chunk", bytes.Replace(src, []byte(chunkMarker+"0"), []byte(chunkMarker+"7"), 1), chunks},
		{"empty", nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			if err := finish(&out, tc.src, nil, tc.chunks); !errors.Is(err, errLayout) {
				t.Errorf("err = %v, want errLayout", err)
			}
		})
	}
}

// FuzzFinish checks that finish reads any output without panicking: it is fpdf's, but the
// layout it relies on is checked, not assumed.
func FuzzFinish(f *testing.F) {
	p := fpdf.New("P", "pt", "Letter", "")
	p.SetCompression(false)
	p.AddPage()
	p.RawWriteStr(chunkMarker + "0\n")
	var out bytes.Buffer
	if err := p.Output(&out); err != nil {
		f.Fatal(err)
	}
	f.Add(out.Bytes())
	f.Fuzz(func(t *testing.T, src []byte) {
		var dst bytes.Buffer
		finish(&dst, src, nil, [][]byte{[]byte("BT ET")})
	})
}
