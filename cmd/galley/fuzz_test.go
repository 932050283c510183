package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"image"
	"image/png"
	"strings"
	"testing"

	"galley/render"
	"galley/source"
)

// strangeText are the characters the end-to-end fuzz target is seeded with, in every field of
// an article and of a Markdown document: invisible ones (zero-width space and joiners, word
// joiner, soft hyphen, variation selector, byte-order mark, Hangul filler, blank braille),
// format and bidirectional controls, combining marks with and without a base, astral
// characters (emoji, mathematical letters, a tag), private-use characters, right-to-left
// scripts, and the replacement and object characters.
var strangeText = []string{
	"\u200b", "\u200c\u200d", "\u2060", "\u00ad", "\ufe0f", "\ufeff", "\u3164", "\u2800", "\u180e",
	"\u200e\u200f", "\u202a\u202b\u202c\u202d\u202e", "\u2066\u2067\u2068\u2069", "\u061c",
	"\u0301", "e\u0301\u0302\u0303", "\u20dd", "\U0001F600\U0001F1FA\U0001F1F8", "\U0001D518\U0001D51E",
	"\U000E0041", "\ue000\uf8ff", "\U000F0000\U0010FFFD", "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627",
	"\ufffd\ufffc", "\u00a0\u2028\u2029", "\U0001F468\u200d\U0001F469\u200d\U0001F467",
}

// articleWith is an article titled title every other field of which holds s, alone where
// alone means empty and beside text where it does not.
func articleWith(title, s string) string {
	return title + "\n" + s + "\nAbstract " + s + " text.\n" + s + "\n" + title + "\nDate " + s + "\n" +
		s + "\nLocale " + s + "; Rome " + s + "\nKey Figures\n" + s + " Name (" + s + "1900-1950), " + s + "\n" +
		s + "\nSummary of Event\n" + s + "\nIn 1933 " + s + " it happened " + s + ".\n![" + s + " caption " + s + " By " + s +
		" [" + s + "] x.png](x.png)\n" + s + s + "\nSignificance\n**" + s + "** [" + s + "](https://e.org/" + s + ")\n" +
		"Bibliography\n" + s + "\n" + s + "Doe, " + s + ". " + s + "Title" + s + ". Place: Pub, 1990. " + s + "\nSee also " + s + "; X" + s + "\n"
}

// markdownWith is a Markdown document titled title every other part of which holds s.
func markdownWith(title, s string) string {
	return "---\ntitle: \"" + title + "\"\nsummary: \"" + s + "\"\ndate: \"" + s + "\"\nlocale: [\"" + s + "\", \"Rome\"]\n---\n" +
		"# " + s + "\n\n" + s + "\n\n## " + s + "\n\n### " + s + "\n\n- " + s + "\n  - " + s + "\n\n> " + s + "\n\n" +
		"| " + s + " | b |\n|---|---|\n| " + s + " | " + s + " |\n\n```\n" + s + "\n```\n\n![" + s + "](x.png)\n\n" +
		"*" + s + "* `" + s + "` ~~" + s + "~~ [" + s + "](https://e.org)\n\n## Key Figures\n\n- " + s + " (1900-1950), " + s + "\n\n" +
		"## Bibliography\n\n- " + s + "\n\n## See also\n\n" + s + "\n"
}

// anyImage is every figure's image: a small PNG.
type anyImage struct{ img *render.Image }

func (a anyImage) Find(*source.Figure) (*render.Image, error) { return a.img, nil }

// FuzzBuild runs what a build does with an input, from its bytes through the parser to the
// PDF, the EPUB, the JSON and the CSL-JSON, in memory: no panic, no renderer error, each
// artifact whole, and no diagnostic that acts on a terminal. The parser and each renderer
// have fuzz targets of their own; this one finds what lies between them (a title the parser
// kept that the layout could not set).
func FuzzBuild(f *testing.F) {
	for _, s := range append(strangeText, strings.Join(strangeText, "")) {
		for _, title := range []string{"Title " + s, s} {
			f.Add([]byte(articleWith(title, s)), false)
			f.Add([]byte(markdownWith(title, s)), true)
		}
	}
	var pb bytes.Buffer
	png.Encode(&pb, image.NewRGBA(image.Rect(0, 0, 3, 2)))
	img, err := render.Decode(pb.Bytes(), "x.png")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte, md bool) {
		doc, err := source.Parse(data, source.Options{File: "fuzz.txt", Markdown: md, Lossy: true})
		if err != nil {
			if _, ok := err.(*source.Error); !ok {
				t.Fatalf("error %v is not positioned", err)
			}
			checkPrintable(t, err.Error())
			return
		}
		for _, d := range doc.Diagnostics {
			checkPrintable(t, d.Format("fuzz.txt"))
		}
		a := render.NewArticle(doc, anyImage{img})
		// Every format, the EPUB with the PDF's page list, as a build makes them.
		outs := renderAll(formats, a, &render.Options{Modified: testTime, Version: "fuzz"}, false)
		for i, k := range formats {
			for _, w := range outs[i].warnings {
				checkPrintable(t, source.LineWarning(1, w.msg).Format("fuzz.txt"))
			}
			pages, err := outs[i].pages, outs[i].err
			if err != nil {
				t.Fatalf("%s: %v", k.name, err)
			}
			b := outs[i].buf.Bytes()
			switch k.name {
			case "pdf":
				if pages < 1 || !bytes.HasPrefix(b, []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimSpace(b), []byte("%%EOF")) {
					t.Fatalf("pdf: %d pages, not whole", pages)
				}
			case "epub":
				zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
				if err != nil || len(zr.File) == 0 || zr.File[0].Name != "mimetype" {
					t.Fatalf("epub: not a whole EPUB: %v", err)
				}
			default:
				if !json.Valid(b) {
					t.Fatalf("%s: not JSON", k.name)
				}
			}
		}
	})
}

// checkPrintable fails when a diagnostic holds a character a terminal would act on.
func checkPrintable(t *testing.T, msg string) {
	t.Helper()
	if source.Printable(msg) != msg {
		t.Fatalf("diagnostic holds terminal controls: %q", msg)
	}
}
