package epub

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"strconv"
	"sync"
	"time"
	"unsafe"

	"galley/render"
)

// The finishing step. go-epub v1.2.1 writes the NCX uid under the name dtb:depth,
// time.Now() as dcterms:modified, its manifest (and, from its in-memory file system, its zip
// entries) in map order, no landmarks, no accessibility metadata and no lang on the pages,
// and logs its write errors instead of returning them. galley keeps what go-epub writes well
// (the container and the frame of each content document, learned once: see frame) and
// writes the rest itself: the package document, the navigation document, the NCX, the
// pages' language, and a zip whose entries come in a fixed order with fixed times,
// mimetype first and stored.

// Names of the files finish writes.
const (
	mimetypeName  = "mimetype"
	containerName = "META-INF/container.xml"
	packageName   = contentDir + "package.opf"
	navName       = contentDir + "nav.xhtml"
	ncxName       = contentDir + "toc.ncx"
)

// xhtmlStart is how go-epub opens every content document; the language goes after it.
const xhtmlStart = `<html xmlns="http://www.w3.org/1999/xhtml"`

// finish writes the book as an EPUB to w, each part in go-epub's frame fr.
func (b *book) finish(w io.Writer, fr *frame) error {
	if b.css.name != cssName {
		return fmt.Errorf("style sheet %s: go-epub's frame links %s", b.css.name, cssName)
	}
	z := newZipOut(w, b.modified)
	z.store(mimetypeName, []byte("application/epub+zip"))
	z.deflate(containerName, fr.container)
	z.deflate(packageName, b.packageDocument())
	z.deflate(navName, b.navDocument())
	z.deflate(ncxName, b.ncx())
	z.deflate(cssDir+b.css.name, b.css.data)
	for i := range b.parts {
		z.deflate(xhtmlDir+b.parts[i].file, fr.page(b, &b.parts[i]))
	}
	for _, f := range b.fonts {
		z.precompressed(fontDir+f.name, fontEntry(f.data))
	}
	if b.cover.data != nil {
		z.store(imageDir+b.cover.name, b.cover.data)
	}
	for _, im := range b.images {
		// JPEG, PNG and GIF are compressed already.
		z.store(imageDir+im.name, im.data)
	}
	return z.close()
}

func readAll(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", f.Name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", f.Name, err)
	}
	return data, nil
}

// zipOut writes zip entries with fixed times, no extra fields and no data descriptors, so
// that the same entries always give the same bytes. The first error sticks and is returned
// by close.
type zipOut struct {
	zw *zip.Writer
	// info is the entry being added, as zip.FileInfoHeader reads it; its time, every
	// entry's, is within what an MS-DOS time holds.
	info entryInfo
	err  error
}

func newZipOut(w io.Writer, t time.Time) *zipOut {
	return &zipOut{zw: zip.NewWriter(w), info: entryInfo{mod: dosRange(t)}}
}

// dosRange returns t in UTC, clamped to the range an MS-DOS date holds (1980-2107).
func dosRange(t time.Time) time.Time {
	t = t.UTC()
	if t.Year() < 1980 {
		return time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	} else if t.Year() > 2107 {
		return time.Date(2107, 12, 31, 23, 59, 58, 0, time.UTC)
	}
	return t
}

// header returns the header of an entry. Its time is the MS-DOS date and time only (UTC, two
// seconds' resolution), with no extended-timestamp extra field, which the mimetype entry must
// not have: zip.FileInfoHeader sets those fields from the time, and CreateRaw writes them and
// nothing else of the time. The versions are fixed and the entry has no file attributes.
func (z *zipOut) header(name string, method uint16, crc uint32, csize, usize uint64) *zip.FileHeader {
	z.info.name = name
	h, _ := zip.FileInfoHeader(&z.info) // it returns no error
	h.Method, h.CRC32, h.CompressedSize64, h.UncompressedSize64 = method, crc, csize, usize
	h.CreatorVersion, h.ReaderVersion, h.ExternalAttrs = 20, 20, 0
	return h
}

// entryInfo is what zip.FileInfoHeader reads of an entry: its name and time.
type entryInfo struct {
	name string
	mod  time.Time
}

func (e *entryInfo) Name() string       { return e.name }
func (e *entryInfo) Size() int64        { return 0 }
func (e *entryInfo) Mode() fs.FileMode  { return 0o644 }
func (e *entryInfo) ModTime() time.Time { return e.mod }
func (e *entryInfo) IsDir() bool        { return false }
func (e *entryInfo) Sys() any           { return nil }

func (z *zipOut) raw(h *zip.FileHeader, data io.Reader) {
	if z.err != nil {
		return
	}
	w, err := z.zw.CreateRaw(h)
	if err == nil {
		_, err = io.Copy(w, data)
	}
	if err != nil {
		z.err = fmt.Errorf("writing %s: %w", h.Name, err)
	}
}

// store writes an uncompressed entry.
func (z *zipOut) store(name string, data []byte) {
	n := uint64(len(data))
	z.raw(z.header(name, zip.Store, crc32.ChecksumIEEE(data), n, n), bytes.NewReader(data))
}

// deflate writes a compressed entry.
func (z *zipOut) deflate(name string, data []byte) {
	if z.err != nil {
		return
	}
	var buf bytes.Buffer
	buf.Grow(len(data)/3 + 64)
	render.Deflate(&buf, data)
	z.raw(z.header(name, zip.Deflate, crc32.ChecksumIEEE(data), uint64(buf.Len()), uint64(len(data))), &buf)
}

// A packed entry is data compressed ahead of time.
type packed struct {
	crc   uint32
	usize int
	data  []byte
}

// precompressed writes a deflated entry compressed ahead of time.
func (z *zipOut) precompressed(name string, p *packed) {
	z.raw(z.header(name, zip.Deflate, p.crc, uint64(len(p.data)), uint64(p.usize)), bytes.NewReader(p.data))
}

var (
	fontEntriesMu sync.Mutex
	fontEntries   = map[fontKey]*fontEntryOnce{}
)

// fontKey identifies a font file by its bytes in memory: the embedded families, or a
// directory's files read once per process.
type fontKey struct {
	p *byte
	n int
}

type fontEntryOnce struct {
	once sync.Once
	p    *packed
}

// fontEntry returns a font file compressed, once per process: the same few files go into
// every book that embeds them. Level 5 is what go-epub's zip used.
func fontEntry(data []byte) *packed {
	fontEntriesMu.Lock()
	k := fontKey{unsafe.SliceData(data), len(data)}
	e := fontEntries[k]
	if e == nil {
		e = &fontEntryOnce{}
		fontEntries[k] = e
	}
	fontEntriesMu.Unlock()
	e.once.Do(func() {
		var buf bytes.Buffer
		fw, _ := flate.NewWriter(&buf, 5)
		fw.Write(data)
		fw.Close()
		e.p = &packed{crc: crc32.ChecksumIEEE(data), usize: len(data), data: buf.Bytes()}
	})
	return e.p
}

func (z *zipOut) close() error {
	if z.err != nil {
		return z.err
	}
	return z.zw.Close()
}

// packageDocument returns the package document (OPF): metadata, the manifest in a fixed
// order, and the spine.
func (b *book) packageDocument() []byte {
	var x xw
	x.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	x.WriteString(`<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="pub-id" xml:lang="` + b.lang + `"`)
	if len(b.pages) > 0 {
		x.WriteString(` prefix="pagesource: https://w3c.github.io/publ-a11y/drafts/page-source-id/#"`)
	}
	x.WriteString(">\n")
	x.WriteString(`<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">` + "\n")
	elem := func(tag, attrs, value string) {
		x.WriteString("<" + tag + attrs + ">")
		x.text(value)
		x.WriteString("</" + tag + ">\n")
	}
	elem("dc:identifier", ` id="pub-id"`, b.ident)
	elem("dc:title", "", b.title)
	elem("dc:language", "", b.lang)
	if b.publisher != "" {
		elem("dc:publisher", "", b.publisher)
	}
	if b.desc != "" {
		elem("dc:description", "", b.desc)
	}
	for _, s := range b.subjects {
		elem("dc:subject", "", s)
	}
	if b.coverage != "" {
		elem("dc:coverage", "", b.coverage)
	}
	elem("dc:date", "", b.modified.Format("2006-01-02"))
	elem("meta", ` property="dcterms:modified"`, b.modified.Format("2006-01-02T15:04:05Z"))
	x.WriteString(`<meta name="generator" content="`)
	x.attr(b.generator)
	x.WriteString("\"/>\n")
	if b.cover.data != nil {
		// EPUB 2's way of naming the cover, which older reading systems read.
		x.WriteString("<meta name=\"cover\" content=\"cover-image\"/>\n")
	}
	for _, m := range b.accessibility() {
		elem("meta", ` property="`+m[0]+`"`, m[1])
	}
	if len(b.pages) > 0 {
		// The edition the page list follows, as EPUB 3.2 says it (a source that is the
		// source of the pagination), and as the W3C's page source proposal does,
		// pageBreakSource: validators that apply EPUB 3.2's rules know it neither
		// unprefixed nor in the a11y vocabulary, so it is named by the proposal's address.
		elem("dc:source", ` id="print-edition"`, b.pageSource)
		elem("meta", ` refines="#print-edition" property="source-of"`, "pagination")
		elem("meta", ` property="pagesource:pageBreakSource"`, b.pageSource)
	}
	x.WriteString("</metadata>\n<manifest>\n")
	item := func(id, href, mediaType, props string) {
		x.WriteString(`<item id="` + id + `" href="`)
		x.attr(href)
		x.WriteString(`" media-type="` + mediaType + `"`)
		if props != "" {
			x.WriteString(` properties="` + props + `"`)
		}
		x.WriteString("/>\n")
	}
	item("nav", "nav.xhtml", "application/xhtml+xml", "nav")
	item("ncx", "toc.ncx", "application/x-dtbncx+xml", "")
	item("css", "css/"+b.css.name, b.css.mediaType, "")
	for i, p := range b.parts {
		item(partID(i), "xhtml/"+p.file, "application/xhtml+xml", "")
	}
	for i, f := range b.fonts {
		item(fmt.Sprintf("font-%d", i+1), "fonts/"+f.name, f.mediaType, "")
	}
	if b.cover.data != nil {
		item("cover-image", "images/"+b.cover.name, b.cover.mediaType, "cover-image")
	}
	for i, im := range b.images {
		item(fmt.Sprintf("image-%d", i+1), "images/"+im.name, im.mediaType, "")
	}
	x.WriteString("</manifest>\n<spine toc=\"ncx\">\n")
	for i, p := range b.parts {
		x.WriteString(`<itemref idref="` + partID(i) + "\"/>\n")
		if p.landmark == lmTitle {
			// The contents page follows the title page, for readers that show it.
			x.WriteString("<itemref idref=\"nav\"/>\n")
		}
	}
	x.WriteString("</spine>\n</package>\n")
	return x.Bytes()
}

func partID(i int) string { return fmt.Sprintf("part-%02d", i+1) }

// accessibility returns the schema.org accessibility metadata (EPUB Accessibility 1.1,
// DAISY's guide) that describes this book.
func (b *book) accessibility() [][2]string {
	pictures := len(b.images) > 0 || b.cover.data != nil
	m := [][2]string{{"schema:accessMode", "textual"}}
	if pictures {
		m = append(m, [2]string{"schema:accessMode", "visual"})
	}
	m = append(m,
		[2]string{"schema:accessModeSufficient", "textual"},
		[2]string{"schema:accessibilityFeature", "structuralNavigation"},
		[2]string{"schema:accessibilityFeature", "tableOfContents"},
		[2]string{"schema:accessibilityFeature", "readingOrder"},
		[2]string{"schema:accessibilityFeature", "displayTransformability"})
	if pictures {
		m = append(m, [2]string{"schema:accessibilityFeature", "alternativeText"})
	}
	if len(b.pages) > 0 {
		m = append(m, [2]string{"schema:accessibilityFeature", "printPageNumbers"},
			[2]string{"schema:accessibilityFeature", "pageNavigation"})
	}
	summary := "Every part is a page with a heading, listed in the table of contents, with landmarks; " +
		"tables have header cells; the text reflows, and the style sheet sets no colours and no fixed sizes."
	switch {
	case len(b.images) > 0:
		summary += " Images have text alternatives and captions; the cover's text alternative gives what it shows."
	case pictures:
		summary += " The cover's text alternative gives what it shows."
	}
	if len(b.pages) > 0 {
		summary += " The pages of the print edition are marked and listed."
	}
	m = append(m,
		[2]string{"schema:accessibilityHazard", "none"},
		[2]string{"schema:accessibilitySummary", summary})
	return m
}

// navEntry is one entry of the table of contents, with the entries nested under it.
type navEntry struct {
	label, href string
	children    []*navEntry
}

// toc returns the table of contents: every part but the cover, sections of a lower level
// nested under the part before them.
func (b *book) toc() []*navEntry {
	var top []*navEntry
	for _, p := range b.parts {
		if p.landmark == lmCover {
			continue
		}
		e := &navEntry{label: p.label, href: "xhtml/" + p.file}
		if p.level > 1 && len(top) > 0 {
			parent := top[len(top)-1]
			parent.children = append(parent.children, e)
			continue
		}
		top = append(top, e)
	}
	return top
}

// page writes the start of an XHTML document of finish's own (nav), with the book's language.
func (b *book) page(x *xw, title string) {
	x.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n<!DOCTYPE html>\n")
	x.WriteString(xhtmlStart + ` xmlns:epub="http://www.idpf.org/2007/ops" lang="` + b.lang + `" xml:lang="` + b.lang + `">` + "\n")
	x.WriteString("<head>\n<title>")
	x.text(title)
	x.WriteString("</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"css/" + b.css.name + "\"/>\n</head>\n")
}

// navDocument returns the EPUB 3 navigation document: the table of contents and the
// landmarks.
func (b *book) navDocument() []byte {
	var x xw
	b.page(&x, "Contents")
	x.WriteString("<body>\n<nav epub:type=\"toc\" id=\"toc\" role=\"doc-toc\">\n<h1>Contents</h1>\n")
	var list func([]*navEntry)
	list = func(es []*navEntry) {
		x.WriteString("<ol>\n")
		for _, e := range es {
			x.WriteString(`<li><a href="`)
			x.attr(e.href)
			x.WriteString(`">`)
			x.text(e.label)
			x.WriteString("</a>")
			if len(e.children) > 0 {
				x.WriteByte('\n')
				list(e.children)
			}
			x.WriteString("</li>\n")
		}
		x.WriteString("</ol>\n")
	}
	list(b.toc())
	x.WriteString("</nav>\n<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\">\n<h2>Landmarks</h2>\n<ol>\n")
	landmark := func(typ, href, label string) {
		x.WriteString(`<li><a epub:type="` + typ + `" href="`)
		x.attr(href)
		x.WriteString(`">`)
		x.text(label)
		x.WriteString("</a></li>\n")
	}
	landmark(lmToc, "nav.xhtml#toc", "Contents")
	if len(b.pages) > 0 {
		landmark("page-list", "nav.xhtml#page-list", "Pages")
	}
	for _, p := range b.parts {
		switch p.landmark {
		case lmCover:
			landmark(p.landmark, "xhtml/"+p.file, "Cover")
		case lmTitle:
			landmark(p.landmark, "xhtml/"+p.file, "Title page")
		case lmBody:
			landmark(p.landmark, "xhtml/"+p.file, "Start of text")
		case lmBibliography, lmAppendix, lmIndex:
			landmark(p.landmark, "xhtml/"+p.file, p.label)
		}
	}
	x.WriteString("</ol>\n</nav>\n")
	if len(b.pages) > 0 {
		// The pages of the print edition, where each begins (see pages.go).
		x.WriteString("<nav epub:type=\"page-list\" id=\"page-list\" role=\"doc-pagelist\" aria-label=\"Pages\" hidden=\"hidden\">\n<ol>\n")
		for i, file := range b.pages {
			n := strconv.Itoa(i + 1)
			x.WriteString(`<li><a href="`)
			x.attr("xhtml/" + file + "#page-" + n)
			x.WriteString(`">` + n + "</a></li>\n")
		}
		x.WriteString("</ol>\n</nav>\n")
	}
	x.WriteString("</body>\n</html>\n")
	return x.Bytes()
}

// ncx returns the EPUB 2 table of contents, kept for older reading systems; its dtb:uid is
// the package's identifier, as EPUB 2 requires.
func (b *book) ncx() []byte {
	var x xw
	toc := b.toc()
	depth := 1
	for _, e := range toc {
		if len(e.children) > 0 {
			depth = 2
		}
	}
	x.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	x.WriteString(`<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="` + b.lang + `">` + "\n<head>\n")
	x.WriteString(`<meta name="dtb:uid" content="`)
	x.attr(b.ident)
	x.WriteString("\"/>\n")
	fmt.Fprintf(&x, "<meta name=\"dtb:depth\" content=\"%d\"/>\n", depth)
	x.WriteString("<meta name=\"dtb:totalPageCount\" content=\"0\"/>\n<meta name=\"dtb:maxPageNumber\" content=\"0\"/>\n")
	x.WriteString("</head>\n<docTitle><text>")
	x.text(b.title)
	x.WriteString("</text></docTitle>\n<navMap>\n")
	n := 0
	var points func([]*navEntry)
	points = func(es []*navEntry) {
		for _, e := range es {
			n++
			fmt.Fprintf(&x, "<navPoint id=\"np-%d\" playOrder=\"%d\"><navLabel><text>", n, n)
			x.text(e.label)
			x.WriteString("</text></navLabel><content src=\"")
			x.attr(e.href)
			x.WriteString("\"/>")
			if len(e.children) > 0 {
				x.WriteByte('\n')
				points(e.children)
			}
			x.WriteString("</navPoint>\n")
		}
	}
	points(toc)
	x.WriteString("</navMap>\n</ncx>\n")
	return x.Bytes()
}
