package book

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"galley/source/bib"
)

// Work is one item of the combined bibliography.
type Work struct {
	// Item is the work as the book cites it: the fullest of the chapters' readings of it
	// (the one that gives the most of its parts), with a citation key unique in the book.
	Item bib.Item
	// Cited are the chapters' bibliography entries that cite it, in book order.
	Cited []Citation
}

// Citation is one chapter's bibliography entry.
type Citation struct {
	// Chapter is the index of the chapter in Book.Chapters, Entry the index of the entry in
	// its document's Bibliography.
	Chapter, Entry int
}

// Chapters returns the indexes of the chapters that cite the work, in book order, each once.
func (w *Work) Chapters() []int {
	var out []int
	for _, c := range w.Cited {
		if len(out) == 0 || out[len(out)-1] != c.Chapter {
			out = append(out, c.Chapter)
		}
	}
	return out
}

// workKey is what two readings of one work share exactly: their creators and year.
type workKey struct{ creators, year string }

// keyOf returns an item's creators (the authors, else the editors, else the translators:
// each surname or institution folded, with the first given name's initial) and its year of
// publication, "" for none.
func keyOf(it *bib.Item) workKey {
	var k workKey
	for _, names := range [][]bib.Name{it.Author, it.Editor, it.Translator} {
		if len(names) == 0 {
			continue
		}
		parts := make([]string, len(names))
		for i, n := range names {
			if n.Literal != "" {
				parts[i] = strings.Join(foldWords(n.Literal), " ")
				continue
			}
			parts[i] = strings.Join(foldWords(n.Family), " ")
			if g := foldWords(n.Given); len(g) > 0 {
				r, _ := utf8.DecodeRuneInString(g[0])
				parts[i] += " " + string(r)
			}
		}
		k.creators = strings.Join(parts, "|")
		break
	}
	if y, ok := it.Issued.Year(); ok {
		k.year = strconv.Itoa(y)
	}
	return k
}

// titleOf returns an item's title folded to its words, a leading article left out, and how
// many of those words are its main title, before a subtitle's colon.
func titleOf(title string) (ws []string, main int) {
	head := title
	if i := strings.IndexAny(title, ":?!"); i >= 0 {
		head = title[:i]
	}
	ws, main = foldWords(title), len(foldWords(head))
	if len(ws) > 1 {
		switch ws[0] {
		case "a", "an", "the":
			ws, main = ws[1:], max(main-1, 0)
		}
	}
	return ws, main
}

// sameTitle reports whether two titles name one work: the same words, or the same main
// title where one of them gives no subtitle ("Recognition of Russia" and "Recognition of
// Russia: An American Foreign Policy Dilemma"). Two different subtitles are two works.
func sameTitle(a, b string) bool {
	wa, ma := titleOf(a)
	wb, mb := titleOf(b)
	if len(wa) == 0 || len(wb) == 0 {
		return false
	}
	if equalWords(wa, wb) {
		return true
	}
	if ma != mb || !equalWords(wa[:ma], wb[:mb]) {
		return false
	}
	return ma == len(wa) || mb == len(wb)
}

// fullness counts the parts of an item that are given, to choose the fullest reading.
func fullness(it *bib.Item) int {
	n := len(it.Author) + len(it.Editor) + len(it.Translator)
	for _, s := range []string{it.Title, it.ContainerTitle, it.Volume, it.Issue, it.Page,
		it.Edition, it.PublisherPlace, it.Publisher, it.Annote} {
		if s != "" {
			n++
		}
	}
	if it.Issued != nil {
		n++
	}
	if it.OriginalDate != nil {
		n++
	}
	return n
}

// bibliography combines the chapters' bibliographies: an item that several chapters cite
// (the same creators, the same year, the same title; see sameTitle) is one work noting every
// chapter that cites it. Works are in the order the book first cites them; the citation
// style sorts them.
func (b *Book) bibliography() []Work {
	var works []Work
	byKey := map[workKey][]int{}
	for ci, ch := range b.Chapters {
		for ei, e := range ch.Doc.Bibliography {
			k := keyOf(&e.Item)
			found := -1
			for _, wi := range byKey[k] {
				first := works[wi].Cited[0]
				if sameTitle(b.Chapters[first.Chapter].Doc.Bibliography[first.Entry].Item.Title, e.Item.Title) {
					found = wi
					break
				}
			}
			if found < 0 {
				found = len(works)
				works = append(works, Work{Item: e.Item})
				byKey[k] = append(byKey[k], found)
			} else if fullness(&e.Item) > fullness(&works[found].Item) {
				works[found].Item = e.Item
			}
			works[found].Cited = append(works[found].Cited, Citation{Chapter: ci, Entry: ei})
		}
	}
	items := make([]*bib.Item, len(works))
	for i := range works {
		items[i] = &works[i].Item
	}
	bib.AssignKeys(items)
	return works
}
