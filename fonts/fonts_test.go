package fonts

import (
	"os"
	"path/filepath"
	"testing"
)

func TestLoadDirPicksPlainFaces(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"DejaVuMathTeXGyre.ttf":        append([]byte("\x00\x01\x00\x00"), "math......"...),
		"DejaVuSans-ExtraLight.ttf":    append([]byte("\x00\x01\x00\x00"), "light....."...),
		"DejaVuSans.ttf":               append([]byte("\x00\x01\x00\x00"), "regular..."...),
		"DejaVuSans-Bold.ttf":          append([]byte("\x00\x01\x00\x00"), "bold......"...),
		"DejaVuSans-Oblique.ttf":       append([]byte("\x00\x01\x00\x00"), "italic...."...),
		"DejaVuSansCondensed-Bold.ttf": append([]byte("\x00\x01\x00\x00"), "condbold.."...),
		"DejaVuSans-BoldOblique.ttf":   append([]byte("\x00\x01\x00\x00"), "bolditalic"...),
		"README.txt":                   []byte("not a font"),
	}
	for n, b := range files {
		os.WriteFile(filepath.Join(dir, n), b, 0o644)
	}
	f, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for name, got := range map[string][]byte{"regular": f.Regular, "bold": f.Bold, "italic": f.Italic, "bold italic": f.BoldItalic} {
		want := map[string]string{"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf",
			"italic": "DejaVuSans-Oblique.ttf", "bold italic": "DejaVuSans-BoldOblique.ttf"}[name]
		if string(got) != string(files[want]) {
			t.Errorf("%s face is %q, want %s", name, got[4:], want)
		}
	}
	os.WriteFile(filepath.Join(dir, "Bad.ttf"), []byte("<html>"), 0o644)
	os.Remove(filepath.Join(dir, "DejaVuSans.ttf"))
	for n := range files {
		if n != "README.txt" && n != "DejaVuSans-Bold.ttf" {
			os.Remove(filepath.Join(dir, n))
		}
	}
	if _, err := LoadDir(dir); err == nil {
		t.Error("a directory whose plainest face is no TrueType file was accepted")
	}
	if _, err := Lookup(t.TempDir()); err == nil {
		t.Error("an empty directory was accepted")
	}
}

func TestLookup(t *testing.T) {
	for _, tc := range []struct {
		name string
		want *Family
	}{{"", Serif}, {"serif", Serif}, {"sans", Sans}} {
		if got, err := Lookup(tc.name); err != nil || got != tc.want {
			t.Errorf("Lookup(%q) = %v, %v; want the %s family", tc.name, got, err, tc.want.Name)
		}
	}
	dir := t.TempDir()
	if _, err := Lookup(dir); err == nil {
		t.Fatal("an empty directory was accepted")
	}
	// A directory that failed is read again; one that was read is not.
	os.WriteFile(filepath.Join(dir, "Face-Regular.ttf"), append([]byte("\x00\x01\x00\x00"), "regular..."...), 0o644)
	a, err := Lookup(dir)
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, "Face-Regular.ttf"))
	b, err := Lookup(dir)
	if err != nil || b != a || &b.Regular[0] != &a.Regular[0] {
		t.Errorf("a second lookup of %s read it again: %v, %v", dir, b, err)
	}
}
