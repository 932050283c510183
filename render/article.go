package render

import (
	"sync"

	"galley/render/cite"
	"galley/source"
)

// Article is one input ready to render: its document, and what the renderers look up about
// it (the document as it is set, the figures' images, the lexicon, the bibliography formatted
// in a style), each looked up once however many formats are rendered from it. The caller makes one per input and hands
// it to every renderer; they may run at once, and the Article is safe for that. The document
// must not change once an Article holds it.
type Article struct {
	// Doc is the parsed document.
	Doc *source.Document

	images Images

	imageMu sync.Mutex
	found   map[*source.Figure]lookup

	lexOnce sync.Once
	lex     cite.Lexicon

	bibMu sync.Mutex
	bibs  map[cite.Style]*formatted

	typeOnce sync.Once
	typed    typeset
}

// lookup is the outcome of finding one figure's image.
type lookup struct {
	img *Image
	err error
}

// formatted is the bibliography in one style, formatted on first need.
type formatted struct {
	once    sync.Once
	entries []cite.Entry
}

// NewArticle returns doc ready to render, its figures' images found by images (nil: every
// figure is set as a placeholder).
func NewArticle(doc *source.Document, images Images) *Article {
	return &Article{Doc: doc, images: images}
}

// Image returns the image of figure f, or an error (wrapping ErrNoImage) saying why there is
// none. The figure is looked up on the first request; later requests, from any renderer, get
// the same answer.
func (a *Article) Image(f *source.Figure) (*Image, error) {
	a.imageMu.Lock()
	defer a.imageMu.Unlock()
	if r, ok := a.found[f]; ok {
		return r.img, r.err
	}
	var r lookup
	if a.images == nil {
		r.err = errNoSource
	} else {
		r.img, r.err = a.images.Find(f)
	}
	if a.found == nil {
		a.found = map[*source.Figure]lookup{}
	}
	a.found[f] = r
	return r.img, r.err
}

// Lexicon returns what the article writes of its words' capitals (from the body, the key
// figures, the locales and the bibliography), which APA's sentence case reads beside the
// word lists. Reading the whole text, it costs about as much as the EPUB's packaging: it is
// computed on first need.
func (a *Article) Lexicon() cite.Lexicon {
	a.lexOnce.Do(func() { a.lex = cite.NewLexicon(a.Doc) })
	return a.lex
}

// Bibliography returns the document's bibliography formatted in style (Chicago if empty),
// set with typographic punctuation (Smart), formatted on first need and shared, read-only, by every renderer. The lexicon is computed
// only for APA, the one style whose titles read it.
func (a *Article) Bibliography(style cite.Style) []cite.Entry {
	if a.Doc == nil || len(a.Doc.Bibliography) == 0 {
		return nil
	}
	if style == "" {
		style = cite.Chicago
	}
	a.bibMu.Lock()
	b := a.bibs[style]
	if b == nil {
		if a.bibs == nil {
			a.bibs = map[cite.Style]*formatted{}
		}
		b = &formatted{}
		a.bibs[style] = b
	}
	a.bibMu.Unlock()
	b.once.Do(func() {
		var lex cite.Lexicon
		if style == cite.APA {
			lex = a.Lexicon()
		}
		b.entries = cite.Format(a.Doc.Bibliography, style, lex)
		for i := range b.entries {
			e := &b.entries[i]
			e.Runs = smartCite(e.Runs)
			e.Annote = Smart(e.Annote)
		}
	})
	return b.entries
}

// smartCite sets a formatted entry's runs with typographic punctuation, as one text.
func smartCite(runs []cite.Run) []cite.Run {
	in := make([]source.Inline, len(runs))
	for i, r := range runs {
		in[i].Text = r.Text
		if r.Italic {
			in[i].Style = source.Italic
		}
	}
	out := SmartRuns(in)
	res := make([]cite.Run, len(runs))
	for i, r := range runs {
		res[i] = cite.Run{Text: out[i].Text, Italic: r.Italic}
	}
	return res
}
