package main

import (
	"bytes"
	"image/png"
	"os"
	"testing"
)

// TestCommittedMark: the logo examples/galley.toml names is the one this program draws, so
// that a change to either is seen (go generate ./examples/... redraws it).
func TestCommittedMark(t *testing.T) {
	drawn, err := drawPNG()
	if err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile("../../house-logo.png")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(drawn, committed) {
		t.Fatalf("examples/house-logo.png is not what housemark draws (%d bytes against %d): run go generate ./examples/...", len(committed), len(drawn))
	}
	img, err := png.Decode(bytes.NewReader(committed))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != size || b.Dy() != size {
		t.Errorf("size %v", b)
	}
}
