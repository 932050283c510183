// Package fonts provides the font families galley embeds: Liberation Serif and Liberation Sans
// (metric-compatible with Times and Arial, SIL Open Font License) from Go modules, Liberation
// Mono for code, or a directory of TTF files.
package fonts

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/go-fonts/liberation/liberationmonobold"
	"github.com/go-fonts/liberation/liberationmonoregular"
	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"

	"galley/internal/regfile"
)

// Family is one typeface in four styles, as TrueType bytes.
type Family struct {
	// Name identifies the family ("serif", "sans", or the directory's base name).
	Name                              string
	Regular, Bold, Italic, BoldItalic []byte
}

// Serif is the default body family, Liberation Serif.
var Serif = &Family{Name: "serif", Regular: liberationserifregular.TTF, Bold: liberationserifbold.TTF,
	Italic: liberationserifitalic.TTF, BoldItalic: liberationserifbolditalic.TTF}

// Sans is Liberation Sans.
var Sans = &Family{Name: "sans", Regular: liberationsansregular.TTF, Bold: liberationsansbold.TTF,
	Italic: liberationsansitalic.TTF, BoldItalic: liberationsansbolditalic.TTF}

// Mono is Liberation Mono, for code; its italic styles reuse the upright faces.
var Mono = &Family{Name: "mono", Regular: liberationmonoregular.TTF, Bold: liberationmonobold.TTF,
	Italic: liberationmonoregular.TTF, BoldItalic: liberationmonobold.TTF}

// Lookup returns the family a --font value names: "serif" (also for ""), "sans", or a
// directory of TTF files. A directory is read on its first lookup only: every later lookup of
// the same name in the process returns the same family, the same bytes, so that what is made
// from a family's bytes (a renderer's parsed faces) is made once too. A directory that cannot
// be read is tried again on the next lookup.
func Lookup(name string) (*Family, error) {
	switch name {
	case "", "serif":
		return Serif, nil
	case "sans":
		return Sans, nil
	}
	loaded.Lock()
	defer loaded.Unlock()
	if f := loaded.dirs[name]; f != nil {
		return f, nil
	}
	f, err := LoadDir(name)
	if err != nil {
		return nil, err
	}
	if loaded.dirs == nil {
		loaded.dirs = map[string]*Family{}
	}
	loaded.dirs[name] = f
	return f, nil
}

// loaded holds the families read from directories, by the name they were looked up with.
var loaded struct {
	sync.Mutex
	dirs map[string]*Family
}

// LoadDir reads a family from a directory of .ttf files. The styles are told apart by the file
// names ("Bold", "Italic"/"Oblique"); a missing style falls back to the regular face.
func LoadDir(dir string) (*Family, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("font directory: %w", err)
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), ".ttf") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	f := &Family{Name: filepath.Base(dir)}
	// Each style takes the plainest file that has it: "DejaVuSans.ttf" rather than
	// "DejaVuSans-ExtraLight.ttf" or "DejaVuMathTeXGyre.ttf".
	best := map[*[]byte]string{}
	for _, n := range names {
		l := strings.ToLower(n)
		bold := strings.Contains(l, "bold")
		italic := strings.Contains(l, "italic") || strings.Contains(l, "oblique")
		slot := &f.Regular
		switch {
		case bold && italic:
			slot = &f.BoldItalic
		case bold:
			slot = &f.Bold
		case italic:
			slot = &f.Italic
		}
		if cur, ok := best[slot]; !ok || plainer(n, cur) {
			best[slot] = n
		}
	}
	for slot, n := range best {
		data, err := readFont(filepath.Join(dir, n))
		if err != nil {
			return nil, fmt.Errorf("font %s: %w", n, err)
		}
		if len(data) < 12 || !isTrueType(data) {
			return nil, fmt.Errorf("font %s: not a TrueType file", n)
		}
		*slot = data
	}
	if f.Regular == nil {
		return nil, fmt.Errorf("font directory %s: no regular .ttf file", dir)
	}
	for _, s := range []*[]byte{&f.Bold, &f.Italic, &f.BoldItalic} {
		if *s == nil {
			*s = f.Regular
		}
	}
	return f, nil
}

// oddStyles mark faces that are not a family's plain text face.
var oddStyles = []string{"light", "thin", "black", "heavy", "condensed", "narrow", "semi", "demi",
	"extra", "ultra", "medium", "math", "mono", "display", "caption"}

// plainer reports whether font file a looks more like the plain face of its style than b:
// fewer odd style words, then a shorter name.
func plainer(a, b string) bool {
	odd := func(n string) int {
		l, k := strings.ToLower(n), 0
		for _, w := range oddStyles {
			if strings.Contains(l, w) {
				k++
			}
		}
		return k
	}
	if oa, ob := odd(a), odd(b); oa != ob {
		return oa < ob
	}
	return len(a) < len(b)
}

func isTrueType(b []byte) bool {
	tag := string(b[:4])
	return tag == "\x00\x01\x00\x00" || tag == "true"
}

// maxFontBytes bounds a font file read from a directory: the largest CJK fonts are about
// 20 MB.
const maxFontBytes = 64 << 20

// readFont reads a font file: a regular file (a FIFO would block forever) of at most
// maxFontBytes.
func readFont(name string) ([]byte, error) {
	f, err := regfile.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFontBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxFontBytes {
		return nil, fmt.Errorf("over %d bytes", maxFontBytes)
	}
	return data, nil
}
