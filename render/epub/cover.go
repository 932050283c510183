package epub

import (
	"fmt"
	"strings"

	"galley/render/cover"
)

// coverName is the cover image's file name in the images folder. It is the first image the
// book names, so a figure's image of that name takes another (see addImage).
const coverName = "cover.png"

// coverOf returns what the book's cover shows: its title, the event's date and places (in
// full: the cover has room for two lines of them), and the house that issues it; a book of
// several articles shows its title and subtitle.
func (r *renderer) coverOf() *cover.Cover {
	c := &cover.Cover{Title: r.b.title, Locale: strings.Join(r.doc.Locales, "; "), House: r.b.publisher}
	if r.doc.Date != nil {
		c.Date = r.doc.Date.Text
	}
	if r.bk != nil {
		// A book's cover: its title and subtitle.
		c.Date, c.Locale = r.b.desc, ""
	}
	if r.opt.Logo != nil {
		c.Logo = r.opt.Logo.Data
	}
	return c
}

// startCover draws the cover image in a goroutine and returns the function that waits for it
// and adds it to the book. A panic while drawing is returned as an error, as the caller
// would have recovered it in its own goroutine.
func (r *renderer) startCover() (wait func() error) {
	c := r.coverOf()
	r.imageNames[coverName] = nil
	done := make(chan error, 1)
	go func() {
		var err error
		defer func() {
			if v := recover(); v != nil {
				err = fmt.Errorf("cover: %v", v)
			}
			done <- err
		}()
		var data []byte
		if data, err = cover.PNG(c); err == nil {
			r.b.cover = media{name: coverName, mediaType: "image/png", data: data}
		}
	}()
	return func() error { return <-done }
}

// coverPage writes the first page of the book, the cover: the image alone, with a text
// alternative that says what it shows, as a landmark that the table of contents leaves out.
func (r *renderer) coverPage(w *xw) {
	r.begin(w, "cover.xhtml", "Cover", 1, lmCover)
	c := r.coverOf()
	alt := []string{"Cover: " + c.Title}
	for _, s := range []string{c.Date, c.Locale, c.House} {
		if s = strings.TrimSpace(s); s != "" {
			alt = append(alt, s)
		}
	}
	section(w, "cover", "cover", "")
	fmt.Fprintf(w, `<img role="doc-cover" src="../images/%s" width="%d" height="%d" alt="`, coverName, cover.Width, cover.Height)
	w.attr(clean(strings.Join(alt, ". ")))
	w.WriteString("\"/>\n</section>\n")
}
