package bib

import (
	"errors"
	"strings"
	"unicode"

	"galley/source/cal"
)

// The facts of publication anchor the reading of an entry: they are the one sentence with a
// recognisable shape, and what precedes them is title and modifiers, what follows is the
// annotation.

// maxPubTries bounds how many candidate facts of publication an entry tries, so that a
// pathological line stays linear.
const maxPubTries = 8

// ParseEntry reads one bibliography line into a CSL-JSON item. It returns an error only when
// the line holds no entry that can be read (no title can be found); the caller then keeps the
// line whole.
func ParseEntry(raw string) (Item, error) {
	s := cleanEntry(raw)
	if s == "" {
		return Item{}, errors.New("empty entry")
	}
	if !hasLetter(s) {
		return Item{}, errors.New("no words")
	}
	// The head is read in three ways, most likely first: "Smith, John Q. Adams." is John
	// Q. Smith's "Adams" only if reading "John Q. Adams" as the given names leaves no title,
	// and an entry that begins with its title has no head at all.
	for _, mode := range []headMode{headNormal, headStopAtInitial, headForced, headNone} {
		if it, ok := parseEntryAs(s, mode); ok {
			return it, nil
		}
	}
	return Item{}, errors.New("no title found")
}

// cleanEntry trims an entry and drops a list marker before it.
func cleanEntry(raw string) string {
	s := strings.TrimSpace(raw)
	for _, m := range []string{"- ", "* ", "• ", "– "} {
		if strings.HasPrefix(s, m) {
			return strings.TrimSpace(s[len(m):])
		}
	}
	return s
}

// headMode is one way of reading the head of an entry.
type headMode int

const (
	headNormal headMode = iota
	headStopAtInitial
	// headForced reads the head normally and takes the first sentence after it as the title
	// even when a later sentence looks like facts of publication ("Through German Eyes: The
	// Somme, 1916." with no facts after it).
	headForced
	headNone
)

// parseEntryAs reads s with its head read in the given mode; false when no title results.
func parseEntryAs(s string, mode headMode) (Item, bool) {
	var h head
	start := 0
	if mode != headNone {
		var ok bool
		h, start, ok = parseHead(s, mode == headStopAtInitial)
		if !ok || (mode == headForced && h.corporate) {
			// Only an inverted name is sure enough to force a title after it; a single word
			// or an institution may as well be the title.
			return Item{}, false
		}
	}
	if start >= len(s) {
		return Item{}, false
	}
	if q, after, ok := quotedTitle(s, start); ok {
		return parseShortWork(s, h, q, after)
	}
	if h.corporate && h.names[0].Literal != "" {
		// "Great Britain. War Office. Statistics ...": the head continues while the next
		// sentence names a department and a title still follows.
		if hh, st, ok := extendCorporate(s, h, start); ok {
			if it, ok := parseBook(s, hh, st, mode == headForced); ok {
				return it, true
			}
		}
	}
	return parseBook(s, h, start, mode == headForced)
}

// extendCorporate adds the sentences that name departments to a corporate head.
func extendCorporate(s string, h head, start int) (head, int, bool) {
	name := h.names[0].Literal
	extended := false
	for {
		b, ok := nextStrong(s, start)
		if !ok || b.Next >= len(s) {
			break
		}
		piece := trimSentence(s[start:b.End])
		if !departmentShaped(piece) {
			break
		}
		if _, ok := matchModifier(s, start); ok {
			break
		}
		name += ". " + piece
		start = b.Next
		extended = true
	}
	if !extended {
		return head{}, 0, false
	}
	h.names = []Name{{Literal: name}}
	return h, start, true
}

// departmentShaped reports whether a sentence names a department: a few capitalised words,
// one of them an institution's ("War Office", "Committee on Foreign Relations").
func departmentShaped(s string) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 6 || strings.ContainsAny(s, ":“”\"?!") {
		return false
	}
	corp := false
	for _, w := range ws {
		switch w {
		case "of", "and", "for", "the", "on", "in", "de", "&":
			continue
		}
		if !startsUpper(w) {
			return false
		}
		if corporateWords[strings.TrimRight(w, ",")] {
			corp = true
		}
	}
	return corp
}

// quotedTitle reads a title in quotation marks at s[i:] whose closing punctuation is inside
// the quotes (“Title.” or “Who Lost Russia?”), as articles and chapters have them. It returns
// the title and the index after the closing quote and its space.
func quotedTitle(s string, i int) (string, int, bool) {
	var closeQ string
	switch {
	case strings.HasPrefix(s[i:], "“"):
		closeQ = "”"
	case strings.HasPrefix(s[i:], "\""):
		closeQ = "\""
	default:
		return "", 0, false
	}
	open := len(closeQ)
	if closeQ == "”" {
		open = len("“")
	}
	for j := i + open; ; {
		k := strings.Index(s[j:], closeQ)
		if k < 0 {
			return "", 0, false
		}
		k += j
		end := k + len(closeQ)
		if k > i+open && strings.ContainsRune(".?!,", rune(s[k-1])) && (end == len(s) || s[end] == ' ') {
			title := strings.TrimSuffix(s[i+open:k], ",")
			return trimSentence(title), skipSpaces(s, end), true
		}
		j = end
	}
}

// parseShortWork reads an article or chapter: its quoted title is known, and what follows is
// "In Book, edited by ..." (a chapter), a journal's details, or failing both the facts of a
// book.
func parseShortWork(s string, h head, title string, at int) (Item, bool) {
	if title == "" {
		return Item{}, false
	}
	it := Item{Title: title}
	setHead(&it, h)
	if strings.HasPrefix(s[at:], "In ") {
		return parseChapter(s, it, at+len("In "))
	}
	if p, ok := parsePeriodical(s, at); ok {
		it.Type = "article-journal"
		it.ContainerTitle, it.Volume, it.Issue, it.Page = p.container, p.volume, p.issue, p.page
		it.Issued = p.date
		it.Annote = strings.TrimSpace(s[p.end:])
		return it, true
	}
	// A quoted title with a book's facts: a pamphlet or an essay published alone.
	it.Type = "book"
	if pubs := findPubs(s, at); len(pubs) > 0 {
		// The title is read already, so the best candidate is taken: a book tries them in turn
		// only to find one that leaves a title before it.
		f := pubs[0]
		info := scanZone(s[at:f.start], false)
		applyZone(&it, info)
		applyPub(&it, f, info)
		it.Annote = strings.TrimSpace(s[f.end:])
		return it, true
	}
	info := scanZone(s[at:], false)
	applyZone(&it, info)
	it.Issued = info.year
	it.Annote = strings.TrimSpace(s[at+info.end:])
	return it, true
}

// parseChapter reads "In Book Title, edited by X, 45-67. Place: Publisher, Year." from s[at:].
func parseChapter(s string, it Item, at int) (Item, bool) {
	it.Type = "chapter"
	pubs := findPubs(s, at)
	zoneEnd, annoteAt := len(s), len(s)
	var f *pubFacts
	if len(pubs) > 0 {
		f = &pubs[0]
		zoneEnd, annoteAt = f.start, f.end
	}
	z := s[at:zoneEnd]
	info := scanZone(z, true)
	book := z[:info.titleEnd]
	container, editors, translators, page := bookClauses(book)
	if container == "" {
		return Item{}, false
	}
	it.ContainerTitle, it.Page = container, page
	it.Editor = append(it.Editor, editors...)
	it.Translator = append(it.Translator, translators...)
	applyZone(&it, info)
	if f != nil {
		applyPub(&it, *f, info)
	} else {
		it.Issued = info.year
		annoteAt = at + max(info.end, info.titleEnd)
	}
	it.Annote = strings.TrimSpace(s[annoteAt:])
	return it, true
}

// Clauses that follow a book's title inside a chapter's "In ..." sentence.
var bookClauseMarks = []struct {
	mark string
	kind modKind
}{
	{", edited and translated by ", modEdTrans},
	{", translated and edited by ", modEdTrans},
	{", edited by ", modEditor},
	{", ed. ", modEditor},
	{", eds. ", modEditor},
	{", translated by ", modTranslator},
	{", trans. ", modTranslator},
	{", by ", modContributor},
}

// bookClauses splits "Book Title, edited by X, translated by Y, 45-67." into the book's
// title, its editors and translators, and the chapter's pages.
func bookClauses(b string) (container string, editors, translators []Name, page string) {
	b = strings.TrimSpace(b)
	first := len(b)
	for _, m := range bookClauseMarks {
		if k := strings.Index(b, m.mark); k >= 0 && k < first {
			first = k
		}
	}
	container = b[:first]
	rest := b[first:]
	for rest != "" {
		matched := false
		for _, m := range bookClauseMarks {
			if !strings.HasPrefix(rest, m.mark) {
				continue
			}
			names, n := parseNameList(rest[len(m.mark):])
			switch m.kind {
			case modEdTrans:
				editors = append(editors, names...)
				translators = append(translators, names...)
			case modEditor:
				editors = append(editors, names...)
			case modTranslator:
				translators = append(translators, names...)
			}
			rest = rest[len(m.mark)+n:]
			matched = true
			break
		}
		if matched {
			continue
		}
		if p, n, ok := pagesClause(rest); ok {
			page = p
			rest = rest[n:]
			continue
		}
		break
	}
	if first == len(b) {
		// "In Book Title, 45-67.": the pages end the title's sentence.
		if k := strings.LastIndex(container, ", "); k >= 0 {
			if p, _, ok := pagesClause(container[k:]); ok {
				container, page = container[:k], p
			}
		}
	}
	return trimSentence(container), editors, translators, page
}

// pagesClause reads ", 45-67" or ", pp. 45-67" at the start of s.
func pagesClause(s string) (string, int, bool) {
	r, ok := strings.CutPrefix(s, ", ")
	if !ok {
		return "", 0, false
	}
	n := len(s) - len(r)
	for _, p := range []string{"pp. ", "p. "} {
		if strings.HasPrefix(r, p) {
			r, n = r[len(p):], n+len(p)
		}
	}
	k := strings.IndexFunc(r, func(c rune) bool {
		return !(unicode.IsDigit(c) || c == '-' || c == '–' || strings.ContainsRune("ivxlcdm", c))
	})
	if k < 0 {
		k = len(r)
	}
	if k == 0 || cal.Digits(r) == 0 && !strings.ContainsAny(r[:k], "ivxlcdm") {
		return "", 0, false
	}
	if k < len(r) && r[k] != '.' && r[k] != ',' {
		return "", 0, false
	}
	return r[:k], n + k, true
}

// parseBook reads a book: title and modifiers in the zone before its facts of publication.
// Unless forced, facts of publication that leave no title before them make it fail.
func parseBook(s string, h head, start int, forced bool) (Item, bool) {
	it := Item{Type: "book"}
	setHead(&it, h)
	z0 := s[start:]
	if m, ok := matchModifier(z0, 0); ok && m.kind != modYear && m.kind != modOriginal {
		// The entry's first sentence after the head is a modifier: the head was the title.
		return Item{}, false
	}
	pubs := findPubs(s, start)
	for n, f := range pubs {
		if n == maxPubTries {
			break
		}
		z := s[start:f.start]
		info := scanZone(z, true)
		title := trimSentence(z[:info.titleEnd])
		if title == "" {
			continue
		}
		it.Title = title
		applyZone(&it, info)
		if o, ok := originalPub(s, start, f, pubs, info); ok {
			// "Oxford: Clarendon Press, 1939. Reprint, Oxford: ...": the first facts are the
			// original publication's, not part of the title.
			z = s[start:o.start]
			info = scanZone(z, true)
			it.Title = trimSentence(z[:info.titleEnd])
			applyZone(&it, info)
			it.OriginalDate = o.date
		}
		applyPub(&it, f, info)
		it.Annote = strings.TrimSpace(s[f.end:])
		return it, true
	}
	if (len(pubs) > 0 && !forced) || len(h.names) == 0 {
		// Facts of publication with no title before them: the head took the title. And a
		// line with neither names nor facts of publication is no entry.
		return Item{}, false
	}
	// No facts of publication: the title is the first sentence, and a sentence that is only
	// a year is the date.
	first := advance(z0, 0)
	title := trimSentence(z0[:first])
	if title == "" {
		return Item{}, false
	}
	it.Title = title
	info := scanZone(z0[first:], false)
	applyZone(&it, info)
	it.Issued = info.year
	if it.Issued == nil {
		it.Issued = info.original
		it.OriginalDate = nil
	}
	it.Annote = strings.TrimSpace(z0[first+info.end:])
	return it, true
}

// originalPub finds the facts of an original publication just before the reprint's facts f:
// a candidate that ends where f begins, when f or the zone says "Reprint".
func originalPub(s string, start int, f pubFacts, pubs []pubFacts, info zoneInfo) (pubFacts, bool) {
	if !f.reprint && !info.reprint {
		return pubFacts{}, false
	}
	for _, o := range pubs {
		if o.start > start && o.end < f.start && skipSpaces(s, o.end) >= f.start-len("Reprint. ") &&
			o.date != nil && trimSentence(s[start:o.start]) != "" {
			rest := strings.TrimSpace(s[o.end:f.start])
			if rest == "" || rest == "Reprint." || rest == "Repr." {
				return o, true
			}
		}
	}
	return pubFacts{}, false
}

// setHead puts the head's names where their role says.
func setHead(it *Item, h head) {
	switch h.role {
	case roleEditor:
		it.Editor = append(it.Editor, h.names...)
	case roleTranslator:
		it.Translator = append(it.Translator, h.names...)
	case roleEdTrans:
		it.Editor = append(it.Editor, h.names...)
		it.Translator = append(it.Translator, h.names...)
	default:
		it.Author = h.names
	}
}

// applyZone copies what the modifiers say into the item.
func applyZone(it *Item, info zoneInfo) {
	it.Editor = append(it.Editor, info.editors...)
	it.Translator = append(it.Translator, info.translators...)
	it.Edition = info.edition
	if info.volume != "" {
		it.Volume = info.volume
	}
	if info.original != nil {
		it.OriginalDate = info.original
	}
}

// applyPub copies the facts of publication into the item; a year of its own before them
// ("1939. Reprint.") is the original date.
func applyPub(it *Item, f pubFacts, info zoneInfo) {
	// "N.p., 1887.", "N.p.: n.p., 1911.": the entry says there is no place, no publisher.
	it.PublisherPlace = strings.TrimSpace(f.place)
	if noPlace(it.PublisherPlace) {
		it.PublisherPlace = ""
	}
	it.Publisher = strings.TrimSpace(f.publisher)
	if noPlace(it.Publisher) {
		it.Publisher = ""
	}
	it.Issued = f.date
	if it.OriginalDate == nil && info.year != nil {
		it.OriginalDate = info.year
	}
}
