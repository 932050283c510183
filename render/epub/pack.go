package epub

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"sync"

	goepub "github.com/go-shiori/go-epub"
)

// packMu serialises go-epub's WriteTo. go-epub writes through a package-level file system;
// its in-memory one is a plain map, so two books written at once (galley build -j) would
// race on it. Holding the lock only around WriteTo keeps everything else parallel.
var packMu sync.Mutex

// Where go-epub puts things (go-epub v1.2.1's layout, checked again by finish).
const (
	contentDir = "EPUB/"
	xhtmlDir   = contentDir + "xhtml/"
	cssDir     = contentDir + "css/"
	fontDir    = contentDir + "fonts/"
	imageDir   = contentDir + "images/"
)

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
