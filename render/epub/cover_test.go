package epub

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"galley/internal/testkit"
	"galley/render"
	"galley/render/cover"
)

// houseBook renders the seed as a house issues it: its name and logo, and a figure whose
// image is named like the cover.
func houseBook(t testing.TB) []byte {
	t.Helper()
	a := render.NewArticle(parseFile(t, seedFile, false), fixedImages{testPNG(t, "cover.png")})
	return renderArticle(t, a, &render.Options{Modified: testTime, House: "Lincoln High School Library",
		Logo: testPNG(t, "logo.png")})
}

// TestCover: the book opens on a page that shows its cover image, which the package document
// names as the cover both ways (EPUB 3's property, EPUB 2's meta), with a text alternative
// that says what it shows; the table of contents leaves it out, the landmarks have it; the
// house is the publisher.
func TestCover(t *testing.T) {
	data := houseBook(t)
	if again := houseBook(t); !bytes.Equal(data, again) {
		t.Error("two renderings of one book differ")
	}
	e := openEPUB(t, data)
	pkg := mustXML(t, packageName, e.data[packageName])
	if got := pkg.tag("publisher"); len(got) != 1 || got[0].Text() != "Lincoln High School Library" {
		t.Errorf("dc:publisher = %v", got)
	}
	var coverItem *node
	for _, it := range pkg.tag("item") {
		if it.attr("properties") == "cover-image" {
			if coverItem != nil {
				t.Error("two cover images")
			}
			coverItem = it
		}
	}
	if coverItem == nil || coverItem.attr("href") != "images/"+coverName || coverItem.attr("media-type") != "image/png" {
		t.Fatalf("no cover-image item: %v", coverItem)
	}
	named := false
	for _, m := range pkg.tag("meta") {
		named = named || m.attr("name") == "cover" && m.attr("content") == coverItem.attr("id")
	}
	if !named {
		t.Error(`no <meta name="cover"> naming the cover image`)
	}
	// The figure's image named cover.png is another file.
	if !slices.Contains(e.names, imageDir+"cover-2.png") {
		t.Errorf("the figure's image took the cover's name: %q", e.names)
	}

	img, err := png.Decode(bytes.NewReader(e.data[imageDir+coverName]))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != cover.Width || b.Dy() != cover.Height {
		t.Errorf("cover is %v", b)
	}

	page := mustXML(t, "cover.xhtml", e.data[xhtmlDir+"cover.xhtml"])
	imgs := page.tag("img")
	if len(imgs) != 1 || imgs[0].attr("role") != "doc-cover" || imgs[0].attr("src") != "../images/"+coverName {
		t.Fatalf("cover page: %v", imgs)
	}
	alt := imgs[0].attr("alt")
	for _, want := range []string{"Cover: United States Recognizes Russia’s Bolshevik Regime", "November 16, 1933",
		"Washington, D.C.", "Lincoln High School Library"} {
		if !strings.Contains(alt, want) {
			t.Errorf("the cover's alt %q lacks %q", alt, want)
		}
	}
	var spine []string
	ids := map[string]string{}
	for _, it := range pkg.tag("item") {
		ids[it.attr("id")] = it.attr("href")
	}
	for _, ref := range pkg.tag("itemref") {
		spine = append(spine, ids[ref.attr("idref")])
	}
	if len(spine) < 3 || spine[0] != "xhtml/cover.xhtml" || spine[1] != "xhtml/title.xhtml" || spine[2] != "nav.xhtml" {
		t.Errorf("spine begins %q", spine[:min(3, len(spine))])
	}
	nav := string(e.data[navName])
	toc, landmarks, _ := strings.Cut(nav, `epub:type="landmarks"`)
	if strings.Contains(toc, "cover.xhtml") || !strings.Contains(landmarks, `epub:type="cover" href="xhtml/cover.xhtml"`) {
		t.Errorf("the cover is in the table of contents, or not in the landmarks:\n%s", nav)
	}
	if strings.Contains(string(e.data[ncxName]), "cover.xhtml") {
		t.Error("the cover is in the NCX")
	}

	// Without a house: no publisher, and a cover all the same.
	plain := openEPUB(t, renderBook(t, parseFile(t, seedFile, false), &render.Options{Modified: testTime, Warn: func(int, string) {}}))
	if strings.Contains(string(plain.data[packageName]), "dc:publisher") || plain.data[imageDir+coverName] == nil {
		t.Error("a book without a house: a publisher, or no cover")
	}
}

// TestCoverValidates: the book with a cover, a publisher and a logo passes epubcheck, and Ace
// when it is configured (GALLEY_ACE: it needs a browser, so CI does not run it).
func TestCoverValidates(t *testing.T) {
	if testing.Short() {
		t.Skip("runs epubcheck")
	}
	file := filepath.Join(t.TempDir(), "house.epub")
	if err := os.WriteFile(file, houseBook(t), 0o644); err != nil {
		t.Fatal(err)
	}
	testkit.EPUBCheck(t, file)
	t.Run("ace", func(t *testing.T) {
		if v := testkit.Ace(t, file); len(v) > 0 {
			t.Errorf("Ace: %+v", v)
		}
	})
}
