// Package book composes several parsed documents into one book, a course pack: the
// chapters in the order given, and the parts a book derives from them all: one chronology
// of every chapter's events in date order, one bibliography in which a work that several
// chapters cite is one item, and one index of the key figures, each person once with every
// place that names them.
//
// Like the rest of source it is data only: the renderers draw a book from it without
// reading any text again. Everything it derives points back into the chapters' documents by
// index (a chapter, a timeline event, a bibliography entry, a key-figures row) and by the
// paragraph IDs and byte offsets the documents carry, which the PDF turns into pages and
// the EPUB into links.
package book

import (
	"errors"
	"strconv"
	"strings"
	"unicode"

	"galley/source"
)

// Book is several documents composed as one.
type Book struct {
	Title, Subtitle string
	// Slug is the book's name for its files: the title in lowercase ASCII words joined by
	// hyphens ("unit-3-interwar-diplomacy").
	Slug     string
	Chapters []*Chapter
	// Chronology is every chapter's events in one date order, across eras; an event that
	// several chapters state is one entry.
	Chronology []Entry
	// Bibliography is every chapter's bibliography combined: a work that several chapters
	// cite is one, in the order the book first cites them.
	Bibliography []Work
	// Index is the index of key figures, each person once, sorted by heading.
	Index []Person
}

// Chapter is one document of the book.
type Chapter struct {
	Doc *source.Document
	// Number counts the chapters from 1, in the order given.
	Number int
	// ID names the chapter in links and file names, unique in the book and the same
	// whatever the chapters after it are: "ch-" and the slug of its title, with the first
	// number from 2 that makes it unique added to a slug an earlier chapter has
	// ("ch-battle-of-the-somme", "ch-battle-of-the-somme-2").
	ID string
	// Short is the title for running heads (see ShortTitle).
	Short string
}

// Errors New returns.
var (
	ErrNoTitle    = errors.New("a book needs a title")
	ErrNoChapters = errors.New("a book needs at least one document")
)

// New composes the documents, in the order given, as a book with a title and an optional
// subtitle, and derives its chronology, bibliography and index. The documents are read,
// never changed: a renderer may still use each one alone.
func New(title, subtitle string, docs []*source.Document) (*Book, error) {
	title, subtitle = strings.TrimSpace(title), strings.TrimSpace(subtitle)
	if !visible(title) {
		return nil, ErrNoTitle
	}
	if len(docs) == 0 {
		return nil, ErrNoChapters
	}
	b := &Book{Title: title, Subtitle: subtitle, Slug: Slug(title)}
	used := map[string]bool{}
	for i, d := range docs {
		base := "ch-" + slugCut(d.Title, maxChapterSlug, "chapter")
		id := base
		for n := 2; used[id]; n++ {
			id = base + "-" + strconv.Itoa(n)
		}
		used[id] = true
		b.Chapters = append(b.Chapters, &Chapter{Doc: d, Number: i + 1, ID: id, Short: ShortTitle(d.Title)})
	}
	b.Chronology = b.chronology()
	b.Bibliography = b.bibliography()
	b.Index = b.index()
	return b, nil
}

// visible reports whether s has a character that shows.
func visible(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool {
		return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsPunct(r) || unicode.IsSymbol(r)
	}) >= 0
}

// Lengths of slugs: a file name short enough for every file system and archive format
// with room for an extension, a chapter's ID short enough to read in a link.
const (
	maxSlug        = 80
	maxChapterSlug = 40
)

// Slug returns the name of a book's files from its title: its letters and digits in
// lowercase ASCII ("é" as "e", "ß" as "ss"), runs of anything else as one hyphen, at most
// 80 bytes cut at a hyphen; "book" when the title has no such character. A name that
// Windows reserves for a device ("con", "nul", "com1") has "-book" added.
func Slug(title string) string {
	s := slugCut(title, maxSlug, "book")
	switch s {
	case "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7",
		"com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9":
		s += "-book"
	}
	return s
}

// slugCut is the slug of s in at most n bytes, cut at a hyphen when one is near enough,
// or empty for the fallback.
func slugCut(s string, n int, empty string) string {
	var b strings.Builder
	dash := false
	for _, r := range fold(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
		if b.Len() > n {
			break
		}
	}
	out := b.String()
	if len(out) > n {
		out = out[:n]
		if i := strings.LastIndexByte(out, '-'); i >= n/2 {
			out = out[:i]
		}
		out = strings.TrimRight(out, "-")
	}
	if out == "" {
		return empty
	}
	return out
}

// maxShort is the length of a short title, in characters: about half the measure of a
// running head, which the chapter's title shares with the part's name.
const maxShort = 40

// minorWords do not end a short title cut from a longer one.
var minorWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "and": true, "or": true, "in": true,
	"on": true, "at": true, "to": true, "for": true, "by": true, "with": true, "from": true,
	"into": true, "as": true, "but": true, "its": true, "his": true, "her": true, "their": true,
}

// ShortTitle returns a title for running heads: the title itself when it has at most 40
// characters; else its main title, before a colon, when that has two words or more and fits;
// else its words that fit, not ending on a minor word, and an ellipsis. The renderer still
// fits what it is given to the head's width.
func ShortTitle(title string) string {
	t := strings.Join(strings.Fields(title), " ")
	if len([]rune(t)) <= maxShort {
		return t
	}
	if i := strings.IndexAny(t, ":"); i > 0 {
		main := strings.TrimSpace(t[:i])
		if len(strings.Fields(main)) >= 2 && len([]rune(main)) <= maxShort {
			return main
		}
	}
	ws := strings.Fields(t)
	n, k := 0, 0
	for k < len(ws) {
		l := len([]rune(ws[k]))
		if k > 0 {
			l++
		}
		if n+l > maxShort-1 {
			break
		}
		n += l
		k++
	}
	for k > 1 && minorWords[strings.ToLower(strings.Trim(ws[k-1], ",;:—–-"))] {
		k--
	}
	if k == 0 {
		r := []rune(ws[0])
		return string(r[:maxShort-1]) + "…"
	}
	return strings.TrimRight(strings.Join(ws[:k], " "), ",;:—–-") + "…"
}
