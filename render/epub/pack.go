package epub

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"fmt"
	"net/http"
	"sync"

	goepub "github.com/go-shiori/go-epub"
)

// packMu serialises go-epub's WriteTo. go-epub writes through a package-level file system;
// its in-memory one is a plain map, so two books written at once would race on it.
var packMu sync.Mutex

// Where go-epub puts things (go-epub v1.2.1's layout, checked by learnFrame).
const (
	contentDir = "EPUB/"
	xhtmlDir   = contentDir + "xhtml/"
	cssDir     = contentDir + "css/"
	fontDir    = contentDir + "fonts/"
	imageDir   = contentDir + "images/"
)

// cssName is the style sheet's file name in every book.
const cssName = "galley.css"

// A frame is what go-epub contributes to every book: its container document and the frame
// of a content document around the part's title and body, with the book's language to be
// inserted (see frame.page). go-epub writes the same frame for every part of every book,
// so it is learned once per process from a small book go-epub writes (learnFrame), and each
// book's parts are then framed and zipped once, by finish: go-epub's own archive of each
// book, compressed and then read back and compressed again, cost half of a book's time.
type frame struct {
	container []byte
	// A page is open + lang + head + title + mid + body + tail.
	open, head, mid, tail []byte
}

// goepubFrame is the frame learned from go-epub, once.
var goepubFrame = sync.OnceValues(func() (*frame, error) {
	raw, err := probeBook()
	if err != nil {
		return nil, fmt.Errorf("go-epub: %w", err)
	}
	return learnFrame(raw)
})

// Prepare learns the frame now, as the first Render would: go-epub's first book in a process
// costs a few milliseconds (its compressor, encoding/xml's reflection). A program about to
// build EPUBs can call it in a goroutine, so that the cost overlaps with parsing the input and
// typesetting the PDF instead of adding to them; commands that build none (parse, check,
// version) pay nothing. Render waits for a Prepare in progress.
func Prepare() { goepubFrame() }

// The probe book's title and body: text that go-epub copies as it is and that no frame
// contains.
const (
	probeTitle = "galley-probe-title-3f9c"
	probeBody  = "<p>galley-probe-body-3f9c</p>"
	probeFile  = "probe.xhtml"
)

// probeBook has go-epub write a book of one part, with galley's style sheet name, and
// returns its archive.
func probeBook() ([]byte, error) {
	b := &book{title: probeTitle, lang: "en", ident: "urn:uuid:00000000-0000-5000-8000-000000000000",
		css:   media{name: cssName, mediaType: "text/css", data: []byte("p{}")},
		parts: []part{{file: probeFile, label: probeTitle, body: []byte(probeBody)}}}
	return b.pack()
}

// pack hands the book's content documents and resources to go-epub and returns the archive
// it writes. Every resource goes in as a data: URL of bytes galley already holds, so go-epub
// never reads a file or a URL of the input's choosing; its HTTP client refuses every request
// all the same.
func (b *book) pack() ([]byte, error) {
	e, err := goepub.NewEpub(b.title)
	if err != nil {
		return nil, err
	}
	e.Client = &http.Client{Transport: noNetwork{}}
	e.SetIdentifier(b.ident)
	e.SetLang(b.lang)
	e.SetDescription(b.desc)
	cssPath, err := e.AddCSS(dataURL(b.css), b.css.name)
	if err != nil {
		return nil, fmt.Errorf("adding the style sheet: %w", err)
	}
	for _, f := range b.fonts {
		if _, err := e.AddFont(dataURL(f), f.name); err != nil {
			return nil, fmt.Errorf("adding font %s: %w", f.name, err)
		}
	}
	for _, im := range b.images {
		if _, err := e.AddImage(dataURL(im), im.name); err != nil {
			return nil, fmt.Errorf("adding image %s: %w", im.name, err)
		}
	}
	for _, p := range b.parts {
		if _, err := e.AddSection(string(p.body), p.label, p.file, cssPath); err != nil {
			return nil, fmt.Errorf("adding %s: %w", p.file, err)
		}
	}
	var out bytes.Buffer
	packMu.Lock()
	defer packMu.Unlock()
	// A fresh in-memory file system for each book: nothing touches the disk, and nothing
	// is left behind by a failed write.
	if err := goepub.Use(goepub.MemoryFS); err != nil {
		return nil, err
	}
	if _, err := e.WriteTo(&out); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// learnFrame reads the frame from go-epub's archive of the probe book, checking that go-epub
// lays a book out as galley expects: the container points at the package document where
// finish writes it, and the part is an XHTML document holding the title and the body once.
func learnFrame(raw []byte) (*frame, error) {
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return nil, fmt.Errorf("reading go-epub's archive: %w", err)
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
	}
	for _, name := range []string{containerName, xhtmlDir + probeFile, cssDir + cssName} {
		if files[name] == nil {
			return nil, fmt.Errorf("go-epub did not write %s", name)
		}
	}
	fr := &frame{}
	if fr.container, err = readAll(files[containerName]); err != nil {
		return nil, err
	}
	if !bytes.Contains(fr.container, []byte(`full-path="`+packageName+`"`)) {
		return nil, fmt.Errorf("go-epub's container does not point at %s", packageName)
	}
	page, err := readAll(files[xhtmlDir+probeFile])
	if err != nil {
		return nil, err
	}
	i := bytes.Index(page, []byte(xhtmlStart))
	if i < 0 {
		return nil, errors.New("go-epub's page has no <html> element in the XHTML namespace")
	}
	i += len(xhtmlStart)
	t := bytes.Index(page, []byte(probeTitle))
	bd := bytes.Index(page, []byte(probeBody))
	if t < i || bd < t || bytes.Count(page, []byte(probeTitle)) != 1 || bytes.Count(page, []byte(probeBody)) != 1 {
		return nil, errors.New("go-epub changed the title or the body of its page")
	}
	fr.open, fr.head = page[:i], page[i:t]
	fr.mid, fr.tail = page[t+len(probeTitle):bd], page[bd+len(probeBody):]
	return fr, nil
}

// page returns part p of book b framed as go-epub frames it, with the book's language on the
// root element.
func (fr *frame) page(b *book, p *part) []byte {
	var x bytes.Buffer
	x.Grow(len(fr.open) + len(fr.head) + len(fr.mid) + len(fr.tail) + len(p.body) + 2*len(p.label) + 64)
	x.Write(fr.open)
	x.WriteString(` lang="` + b.lang + `" xml:lang="` + b.lang + `"`)
	x.Write(fr.head)
	// go-epub writes the title with encoding/xml, which escapes with EscapeText.
	xml.EscapeText(&x, []byte(p.label))
	x.Write(fr.mid)
	x.Write(p.body)
	x.Write(fr.tail)
	return x.Bytes()
}

// dataURL returns m's bytes as an RFC 2397 data: URL. The media type in it is always
// application/octet-stream: go-epub's data URL parser refuses font/ttf, and the package
// document's media types are finish's, not go-epub's.
func dataURL(m media) string {
	const prefix = "data:application/octet-stream;base64,"
	buf := make([]byte, 0, len(prefix)+base64.StdEncoding.EncodedLen(len(m.data)))
	buf = append(buf, prefix...)
	buf = base64.StdEncoding.AppendEncode(buf, m.data)
	return string(buf)
}

// noNetwork is an http.RoundTripper that refuses every request: go-epub is given no URL, and
// if it ever tried one it must fail at once rather than hang on a silent server.
type noNetwork struct{}

func (noNetwork) RoundTrip(*http.Request) (*http.Response, error) {
	return nil, errors.New("network access is disabled")
}
