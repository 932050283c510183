package main

import (
	"bytes"
	"image/png"
	"os"
	"testing"
)

// TestCommittedMap: the map the example article shows is the one this program draws, so that
// a change to either is seen (go generate ./examples/... redraws it).
func TestCommittedMap(t *testing.T) {
	drawn, err := drawPNG()
	if err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile("../../erie-canal-map.png")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(drawn, committed) {
		t.Fatalf("examples/erie-canal-map.png is not what eriemap draws (%d bytes against %d): run go generate ./examples/...", len(committed), len(drawn))
	}
	img, err := png.Decode(bytes.NewReader(committed))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != width || b.Dy() != height {
		t.Errorf("size %v", b)
	}
}
