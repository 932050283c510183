package epub

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"galley/internal/testkit"
	"galley/render"
)

// probeArchive returns go-epub's archive of the probe book with its entries changed by edit.
func probeArchive(t *testing.T, edit func(map[string][]byte)) []byte {
	t.Helper()
	raw, err := probeBook()
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	var names []string
	for _, f := range zr.File {
		if files[f.Name], err = readAll(f); err != nil {
			t.Fatal(err)
		}
		names = append(names, f.Name)
	}
	if edit != nil {
		edit(files)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range names {
		if data, ok := files[name]; ok {
			w, err := zw.Create(name)
			if err != nil {
				t.Fatal(err)
			}
			w.Write(data)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestLearnFrame feeds learnFrame archives in which go-epub would have laid the book out
// otherwise: each must be an error, not a broken book.
func TestLearnFrame(t *testing.T) {
	page := xhtmlDir + probeFile
	for _, tc := range []struct {
		name string
		edit func(map[string][]byte)
		want string
	}{
		{"ok", nil, ""},
		{"missing page", func(f map[string][]byte) { delete(f, page) }, "did not write EPUB/xhtml/probe.xhtml"},
		{"missing container", func(f map[string][]byte) { delete(f, containerName) }, "did not write META-INF/container.xml"},
		{"escaped body", func(f map[string][]byte) {
			f[page] = bytes.ReplaceAll(f[page], []byte(probeBody), []byte(strings.ReplaceAll(probeBody, "<", "&lt;")))
		}, "changed the title or the body"},
		{"body twice", func(f map[string][]byte) { f[page] = append(f[page], probeBody...) }, "changed the title or the body"},
		{"no html element", func(f map[string][]byte) {
			f[page] = []byte("<html><title>" + probeTitle + "</title>" + probeBody + "</html>")
		}, "no <html> element"},
		{"container elsewhere", func(f map[string][]byte) {
			f[containerName] = []byte(`<rootfile full-path="OEBPS/content.opf"/>`)
		}, "container does not point"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fr, err := learnFrame(probeArchive(t, tc.edit))
			if tc.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				b := testBook()
				var out bytes.Buffer
				if err := b.finish(&out, fr); err != nil {
					t.Fatal(err)
				}
				e := openEPUB(t, out.Bytes())
				if page := string(e.data[xhtmlDir+"title.xhtml"]); !strings.Contains(page, `<html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en"`) {
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

// TestFrameMatchesGoEpub checks that every content document finish writes is the one go-epub
// writes for the same part, with the language added, and that the container is go-epub's.
func TestFrameMatchesGoEpub(t *testing.T) {
	fr, err := goepubFrame()
	if err != nil {
		t.Fatal(err)
	}
	opt := &render.Options{Modified: testTime}
	hostile := testBook()
	hostile.parts[1].label = `Tom & Jerry <"quoted"> 'single' ünïcödé ↩︎ \ end`
	books := []*book{hostile}
	for _, name := range []string{seedFile, testkit.SpecFile} {
		b, err := newRenderer(render.NewArticle(parseFile(t, name, name == testkit.SpecFile), nil), opt).book()
		if err != nil {
			t.Fatal(err)
		}
		books = append(books, b)
	}
	for _, b := range books {
		raw, err := b.pack()
		if err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
		if err != nil {
			t.Fatal(err)
		}
		files := map[string]*zip.File{}
		for _, f := range zr.File {
			files[f.Name] = f
		}
		container, err := readAll(files[containerName])
		if err != nil || !bytes.Equal(container, fr.container) {
			t.Errorf("%s: container differs from go-epub's (%v)", b.title, err)
		}
		for i := range b.parts {
			p := &b.parts[i]
			want, err := readAll(files[xhtmlDir+p.file])
			if err != nil {
				t.Fatal(err)
			}
			lang := ` lang="` + b.lang + `" xml:lang="` + b.lang + `"`
			want = bytes.Replace(want, []byte(xhtmlStart), []byte(xhtmlStart+lang), 1)
			if got := fr.page(b, p); !bytes.Equal(got, want) {
				t.Errorf("%s: page differs from go-epub's:\n got %q\nwant %q", p.file, got, want)
			}
		}
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

// TestZipTimes checks that every entry's time is the build time in UTC, to two seconds,
// clamped to the years an MS-DOS date holds, with no extra field.
func TestZipTimes(t *testing.T) {
	for _, tc := range []struct {
		in   time.Time
		want string
	}{
		{time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC), "1980-01-01 00:00:00"},
		{time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC), "1980-01-01 00:00:00"},
		{time.Date(2024, 3, 1, 12, 30, 45, 0, time.UTC), "2024-03-01 12:30:44"},
		{time.Date(2024, 3, 1, 12, 30, 45, 0, time.FixedZone("Y", -7200)), "2024-03-01 14:30:44"},
		{time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC), "2107-12-31 23:59:58"},
	} {
		var buf bytes.Buffer
		z := newZipOut(&buf, tc.in)
		z.store(mimetypeName, []byte("application/epub+zip"))
		if err := z.close(); err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		f := zr.File[0]
		if got := f.Modified.Format("2006-01-02 15:04:05"); got != tc.want || len(f.Extra) != 0 || f.ExternalAttrs != 0 || f.CreatorVersion != 20 {
			t.Errorf("%v: time %s, %d bytes of extra field, attributes %#x, creator %d; want %s, none, 0, 20",
				tc.in, got, len(f.Extra), f.ExternalAttrs, f.CreatorVersion, tc.want)
		}
	}
}

func testBook() *book {
	return &book{
		title: "T", lang: "en", ident: "urn:uuid:x", modified: time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC),
		parts: []part{{file: "title.xhtml", label: "T", level: 1, landmark: lmTitle, body: []byte("<h1>T</h1>")},
			{file: "section-01.xhtml", label: "S", level: 1, landmark: lmBody, body: []byte("<p>s</p>")}},
		css:    media{name: cssName, mediaType: "text/css", data: []byte("p{}")},
		images: []media{{name: "a.png", mediaType: "image/png", data: []byte("not really a png")}},
	}
}
