package cite

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"galley/source"
)

// Sorting. All three styles list entries alphabetically by the first creator's surname (or
// by title, leading article ignored, when there is none), but compare differently:
//
//   - Chicago (CMOS 14.66-69) and MLA (5.124-29) alphabetise letter by letter; a single
//     author's works precede those written with others; one author's works go by title in
//     MLA and keep the article's order in Chicago.
//   - APA (9.44-47) alphabetises word by word ("nothing precedes something": Brown before
//     Browning), then by year, works with no date first, then by title; works by the same
//     creators in the same year get a, b, ... after the year.

// sortItem is an entry with its sort key.
type sortItem struct {
	entry *source.BibEntry
	index int
	raw   bool
	// key is compared element by element: the creators' surnames and given names, an empty
	// separator, then title and year (Chicago, MLA) or year and title (APA).
	key        []string
	names      string // the creators' identity, for APA's year suffixes
	year       string
	yearSuffix string
}

func newSortItem(e *source.BibEntry, i int, style Style) *sortItem {
	s := &sortItem{entry: e, index: i, raw: isRaw(e)}
	fold := foldLetters
	if style == APA {
		fold = foldWords
	}
	if s.raw {
		s.key = []string{fold(titleKey(e.Raw))}
		return s
	}
	it := &e.Item
	names, _ := creators(it, style != APA)
	var ids []string
	for _, n := range names {
		if n.Literal != "" {
			s.key = append(s.key, fold(n.Literal), "")
		} else {
			s.key = append(s.key, fold(dropParticles(n.Family)), fold(n.Given))
		}
		ids = append(ids, n.Family+"\x00"+n.Given+"\x00"+n.Literal)
	}
	s.names = strings.Join(ids, "\x01")
	title := fold(titleKey(it.Title))
	if len(names) == 0 {
		s.key = append(s.key, title)
	}
	s.year = year(it.Issued)
	y := s.year
	if y == "" {
		y = "0000" // APA: no date comes first
	}
	switch {
	case style == Chicago && len(names) > 0:
		// One author's works keep the article's order (the sort is stable): CMOS 14.67 lets
		// them go by title or by date, and the article's editors have already chosen.
	case style == APA:
		s.key = append(s.key, "", y, title)
	default:
		s.key = append(s.key, "", title, y)
	}
	return s
}

// sortItems sorts entries as the style does and sets APA's year suffixes.
func sortItems(items []*sortItem, style Style) {
	sort.SliceStable(items, func(i, j int) bool {
		return lessKey(items[i].key, items[j].key)
	})
	if style != APA {
		return
	}
	for i := 0; i < len(items); {
		j := i + 1
		for j < len(items) && !items[i].raw && !items[j].raw && items[j].names == items[i].names &&
			items[j].year == items[i].year {
			j++
		}
		if j-i > 1 {
			for k := i; k < j; k++ {
				items[k].yearSuffix = fmt.Sprint(string(rune('a' + (k-i)%26)))
			}
		}
		i = j
	}
}

// lessKey compares keys element by element; a key that is a prefix of another comes first.
func lessKey(a, b []string) bool {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return len(a) < len(b)
}

// titleKey drops quotation marks and a leading article from a title.
func titleKey(t string) string {
	t = strings.TrimLeft(t, "“‘\"'([")
	for _, a := range []string{"The ", "A ", "An "} {
		if strings.HasPrefix(t, a) {
			return t[len(a):]
		}
	}
	return t
}

// dropParticles drops the lowercase particles before a surname for sorting ("von Rummel"
// sorts under R), as CSL's demoted particles do.
func dropParticles(family string) string {
	for {
		i := strings.IndexByte(family, ' ')
		if i < 0 || !unicode.IsLower([]rune(family)[0]) {
			return family
		}
		family = family[i+1:]
	}
}

// foldLetters folds s for letter-by-letter comparison: lowercase, no accents, letters and
// digits only.
func foldLetters(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// foldWords folds s for word-by-word comparison: as foldLetters, but words stay separated
// by one space, which sorts before every letter.
func foldWords(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		case unicode.IsSpace(r) || r == '-' || r == '–':
			space = true
		}
	}
	return b.String()
}
