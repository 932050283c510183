package book

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// fold is the form in which names, titles and words are compared: lowercase, accents
// removed ("Kühlmann" and "Kuhlmann", "Wałęsa" and "Walesa" are one name), the letters that
// have no decomposition spelled out in ASCII, typographic apostrophes made straight.
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'ß':
			b.WriteString("ss")
		case r == 'ø' || r == 'Ø':
			b.WriteByte('o')
		case r == 'æ' || r == 'Æ':
			b.WriteString("ae")
		case r == 'œ' || r == 'Œ':
			b.WriteString("oe")
		case r == 'ł' || r == 'Ł':
			b.WriteByte('l')
		case r == 'đ' || r == 'Đ':
			b.WriteByte('d')
		case r == 'þ' || r == 'Þ':
			b.WriteString("th")
		case r == '’' || r == '‘' || r == 'ʼ':
			b.WriteByte('\'')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// A token is one word of a text, with its byte span there.
type token struct {
	text     string // as written, a possessive ending cut off
	key      string // folded
	from, to int    // the span of text in the source
}

// isWordRune reports whether r belongs inside a word: letters, combining marks and digits.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || unicode.IsDigit(r)
}

// isApostrophe reports whether r is an apostrophe, straight or typographic.
func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// words cuts s into words: runs of letters and digits, an apostrophe between two letters
// kept inside ("O’Shaughnessy"). A possessive "’s" is cut off the word it ends (the span of
// "Roosevelt’s" is "Roosevelt"); a hyphen ends a word, so "Roosevelt-Litvinov" is two.
func words(s string) []token {
	var out []token
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		start := i
		i += n
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if isWordRune(r) {
				i += n
				continue
			}
			if isApostrophe(r) && i+n < len(s) {
				next, _ := utf8.DecodeRuneInString(s[i+n:])
				if unicode.IsLetter(next) {
					i += n
					continue
				}
			}
			break
		}
		end := i
		w := s[start:end]
		if k := possessive(w); k > 0 {
			end = start + k
			w = s[start:end]
		}
		// A run of combining marks alone folds to nothing: it is no word.
		if k := fold(w); k != "" {
			out = append(out, token{text: w, key: k, from: start, to: end})
		}
	}
	return out
}

// possessive returns the length of w before a possessive "’s" or "'s" that ends it, or 0 when
// it has none.
func possessive(w string) int {
	for _, suf := range []string{"’s", "'s", "ʼs"} {
		if len(w) > len(suf) && strings.HasSuffix(w, suf) {
			return len(w) - len(suf)
		}
	}
	return 0
}

// capitalised reports whether a word begins with an uppercase letter.
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// foldWords returns the folded words of s, periods and commas dropped: "Franklin D.
// Roosevelt" is ["franklin", "d", "roosevelt"].
func foldWords(s string) []string {
	ws := words(s)
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.key
	}
	return out
}
