package epub

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
	"time"
)

// goepubLike writes an archive shaped like go-epub's for the book b, then lets edit change
// its entries before they are zipped.
func goepubLike(t *testing.T, b *book, edit func(map[string][]byte)) []byte {
	t.Helper()
	files := map[string][]byte{
		mimetypeName:        []byte("application/epub+zip"),
		containerName:       []byte(`<container><rootfiles><rootfile full-path="EPUB/package.opf"/></rootfiles></container>`),
		packageName:         []byte("<package/>"),
		navName:             []byte("<html/>"),
		ncxName:             []byte("<ncx/>"),
		cssDir + b.css.name: b.css.data,
	}
	for _, p := range b.parts {
		files[xhtmlDir+p.file] = []byte(`<?xml version="1.0"?>` + "\n" + xhtmlStart + `><body>` + string(p.body) + `</body></html>`)
	}
	for _, im := range b.images {
		files[imageDir+im.name] = im.data
	}
	if edit != nil {
		edit(files)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, data := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func testBook() *book {
	return &book{
		title: "T", lang: "en", ident: "urn:uuid:x", modified: time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC),
		parts: []part{{file: "title.xhtml", label: "T", level: 1, landmark: lmTitle, body: []byte("<h1>T</h1>")},
			{file: "section-01.xhtml", label: "S", level: 1, landmark: lmBody, body: []byte("<p>s</p>")}},
		css:    media{name: "galley.css", mediaType: "text/css", data: []byte("p{}")},
		images: []media{{name: "a.png", mediaType: "image/png", data: []byte("not really a png")}},
	}
}

// TestFinishChecksGoEpub feeds finish archives in which go-epub would have gone wrong: each
// must be an error, not a broken book.
func TestFinishChecksGoEpub(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(map[string][]byte)
		want string
	}{
		{"ok", nil, ""},
		{"missing section", func(f map[string][]byte) { delete(f, xhtmlDir+"section-01.xhtml") }, "did not write EPUB/xhtml/section-01.xhtml"},
		{"missing image", func(f map[string][]byte) { delete(f, imageDir+"a.png") }, "did not write EPUB/images/a.png"},
		{"extra file", func(f map[string][]byte) { f[imageDir+"b.png"] = []byte("x") }, "unexpected file EPUB/images/b.png"},
		{"changed image", func(f map[string][]byte) { f[imageDir+"a.png"] = []byte("other bytes") }, "changed EPUB/images/a.png"},
		{"changed body", func(f map[string][]byte) {
			f[xhtmlDir+"title.xhtml"] = []byte(xhtmlStart + `><body><h1>X</h1></body></html>`)
		}, "changed the body of title.xhtml"},
		{"no html element", func(f map[string][]byte) { f[xhtmlDir+"title.xhtml"] = []byte("<html><h1>T</h1></html>") }, "no <html> element"},
		{"container elsewhere", func(f map[string][]byte) {
			f[containerName] = []byte(`<rootfile full-path="OEBPS/content.opf"/>`)
		}, "container does not point"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := testBook()
			var out bytes.Buffer
			err := b.finish(&out, goepubLike(t, b, tc.edit))
			if tc.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				e := openEPUB(t, out.Bytes())
				if page := string(e.data[xhtmlDir+"title.xhtml"]); !strings.Contains(page, `<html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en">`) {
					t.Errorf("language not set: %s", page)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestZipOut(t *testing.T) {
	var buf bytes.Buffer
	z := newZipOut(&buf, time.Date(2030, 7, 8, 9, 10, 11, 0, time.FixedZone("X", 3600)))
	z.store("a", []byte("stored"))
	z.deflate("b", bytes.Repeat([]byte("deflated "), 100))
	if err := z.close(); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range zr.File {
		if f.Flags&0x8 != 0 || len(f.Extra) != 0 {
			t.Errorf("%s: flags %#x, %d bytes of extra field", f.Name, f.Flags, len(f.Extra))
		}
		// MS-DOS times are local and two-second: 09:10:11 at +01:00 is 08:10:10 UTC.
		if got := f.Modified.Format("2006-01-02 15:04:05"); got != "2030-07-08 08:10:10" {
			t.Errorf("%s: time %s", f.Name, got)
		}
		rc, _ := f.Open()
		data, err := io.ReadAll(rc)
		if err != nil {
			t.Errorf("%s: %v", f.Name, err)
		}
		if want := []uint16{zip.Store, zip.Deflate}[i]; f.Method != want {
			t.Errorf("%s: method %d", f.Name, f.Method)
		}
		if i == 1 && len(data) != 900 {
			t.Errorf("%s: %d bytes back", f.Name, len(data))
		}
	}
}

func TestDOSTime(t *testing.T) {
	for _, tc := range []struct {
		in         time.Time
		date, time uint16
	}{
		{time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC), 0x21, 0},
		{time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC), 0x21, 0},
		{time.Date(2024, 3, 1, 12, 30, 44, 0, time.UTC), 44<<9 | 3<<5 | 1, 12<<11 | 30<<5 | 22},
		{time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC), 127<<9 | 12<<5 | 31, 23<<11 | 59<<5 | 29},
	} {
		d, tm := dosTime(tc.in)
		if d != tc.date || tm != tc.time {
			t.Errorf("dosTime(%v) = %#x %#x, want %#x %#x", tc.in, d, tm, tc.date, tc.time)
		}
	}
}
