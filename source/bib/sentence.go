package bib

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence scanning for bibliography entries. An entry is a run of "sentences" (author, title,
// modifiers, facts of publication, annotation) joined by ". ", but a period also ends
// initials and abbreviations (Edward M., U.S., St., Mass.), so every boundary found here is
// either strong (a word ends there) or weak (an abbreviation ends there). Callers accept a weak
// boundary only where what follows confirms it.

// boundary is one candidate sentence end: the sentence text ends at End (after its
// punctuation and any closing quotes) and the next one starts at Next.
type boundary struct {
	End, Next int
	Weak      bool
}

// nextBoundary finds the first sentence boundary in s at or after from: '.', '?' or '!',
// optional closing quotes, then a space (or the end of s) and a next word that does not begin
// in lowercase. At the end of s it returns End == Next == len(s).
func nextBoundary(s string, from int) (boundary, bool) {
	for i := from; i < len(s); i++ {
		c := s[i]
		if c != '.' && c != '?' && c != '!' {
			continue
		}
		j := i + 1
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !isCloser(r) {
				break
			}
			j += n
		}
		if j < len(s) && s[j] != ' ' {
			continue
		}
		k := j
		for k < len(s) && s[k] == ' ' {
			k++
		}
		if k < len(s) {
			r, _ := utf8.DecodeRuneInString(s[k:])
			if unicode.IsLower(r) {
				continue
			}
		}
		return boundary{End: j, Next: k, Weak: c == '.' && j == i+1 && isAbbrev(tokenBefore(s, i))}, true
	}
	return boundary{}, false
}

// isCloser reports closing quotes and brackets that may follow sentence punctuation.
func isCloser(r rune) bool {
	switch r {
	case '”', '’', '"', '\'', ')', ']', '»':
		return true
	}
	return false
}

// tokenBefore returns the word that ends at s[i] (exclusive): the text after the last space.
func tokenBefore(s string, i int) string {
	j := strings.LastIndexByte(s[:i], ' ')
	return s[j+1 : i]
}

// prefixAbbrevs end in a period without ending a sentence: titles, saints, place prefixes,
// business words and the archaic given-name abbreviations of older title pages.
var prefixAbbrevs = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "St": true, "Ste": true, "Mt": true,
	"Ft": true, "Pt": true, "Jr": true, "Sr": true, "Rev": true, "Gen": true, "Col": true,
	"Capt": true, "Lt": true, "Sgt": true, "Adm": true, "Gov": true, "Sen": true, "Rep": true,
	"Pres": true, "Prof": true, "Hon": true, "Fr": true, "Msgr": true, "Co": true, "Bros": true,
	"Inc": true, "Ltd": true, "Corp": true, "No": true, "no": true, "Vol": true, "vol": true,
	"Vols": true, "vols": true, "pp": true, "p": true, "ca": true, "c": true, "vs": true,
	"cf": true, "Wm": true, "Chas": true, "Jas": true, "Geo": true, "Thos": true, "Benj": true,
	"Jno": true, "Saml": true, "Edw": true, "Robt": true, "Chr": true,
}

// isAbbrev reports whether a token (without its final period) is an initial ("M"), an
// initialism ("U.S", "B.C.E") or a known abbreviation, so that its period need not end a
// sentence.
func isAbbrev(tok string) bool {
	tok = strings.TrimLeft(tok, "(“‘\"'[")
	if tok == "" {
		return false
	}
	if prefixAbbrevs[tok] {
		return true
	}
	return isInitial(tok + ".")
}

// isInitial reports whether tok is an initial or initialism with its periods: "M.", "A.S.",
// "U.S.", "Ch." is not (two letters of one name), "Th." neither.
func isInitial(tok string) bool {
	if len(tok) < 2 || tok[len(tok)-1] != '.' {
		return false
	}
	letters := 0
	prevLetter := false
	for _, r := range tok {
		switch {
		case r == '.':
			if !prevLetter {
				return false
			}
			prevLetter = false
		case r == '-' && !prevLetter:
			// "J.-P."
		case unicode.IsUpper(r):
			if prevLetter {
				return false
			}
			letters++
			prevLetter = true
		default:
			return false
		}
	}
	return letters > 0
}

// startsUpper reports whether s begins with an uppercase letter (after opening quotes).
func startsUpper(s string) bool {
	s = strings.TrimLeft(s, "“‘\"'(")
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// startsLower reports whether s begins with a lowercase letter.
func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// hasLetter reports whether s contains a letter.
func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// trimSentence drops a sentence's closing period, keeping one that belongs to an
// abbreviation ("44 B.C.", "Jr.") and any '?' or '!'.
func trimSentence(s string) string {
	s = strings.TrimSpace(s)
	if !strings.HasSuffix(s, ".") || strings.HasSuffix(s, "...") {
		return s
	}
	if isAbbrev(tokenBefore(s, len(s)-1)) && !isSingleInitialEnd(s) {
		return s
	}
	return strings.TrimSpace(s[:len(s)-1])
}

// isSingleInitialEnd reports whether s ends in a lone capital and period ("Plan B."): a title
// may end so, and then the period is the sentence's, not an abbreviation's.
func isSingleInitialEnd(s string) bool {
	t := tokenBefore(s, len(s)-1)
	return utf8.RuneCountInString(t) == 1
}

// skipSpaces returns the index of the first non-space byte of s at or after i.
func skipSpaces(s string, i int) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

// bibToken is one space-separated word of an entry and its byte offsets.
type bibToken struct {
	text     string
	from, to int
}

// lazyTokens splits s into tokens on demand, so that a reader that stops early (the names at
// the head of an entry, a list of editors) costs what it reads, not the rest of the line.
type lazyTokens struct {
	s    string
	base int // offset of s in the entry
	pos  int
	toks []bibToken
}

func newTokens(s string, base int) *lazyTokens {
	return &lazyTokens{s: s, base: base}
}

// has reports whether there is a token i, reading up to it.
func (l *lazyTokens) has(i int) bool {
	for len(l.toks) <= i {
		for l.pos < len(l.s) && l.s[l.pos] == ' ' {
			l.pos++
		}
		if l.pos == len(l.s) {
			return false
		}
		j := l.pos
		for j < len(l.s) && l.s[j] != ' ' {
			j++
		}
		l.toks = append(l.toks, bibToken{text: l.s[l.pos:j], from: l.base + l.pos, to: l.base + j})
		l.pos = j
	}
	return true
}

// text returns token i, or "" when there is none.
func (l *lazyTokens) text(i int) string {
	if i < 0 || !l.has(i) {
		return ""
	}
	return l.toks[i].text
}

// end returns the offset just after token i, which must exist.
func (l *lazyTokens) end(i int) int {
	l.has(i)
	return l.toks[i].to
}
