package timeline

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind classifies a token of a sentence for date recognition.
type tokKind uint8

const (
	tkWord   tokKind = iota // letters, with inner apostrophes and dotted abbreviations ("U.S.", "b.c.e.")
	tkNum                   // a run of digits that may be a year or a day
	tkQty                   // a number that is never a date: 57,470 · 1.5 · 7:30 · 3km
	tkOrd                   // an ordinal: 1st, 36th, 2d
	tkDecade                // 1920s, 1920’s
	tkPunct                 // one punctuation or symbol rune
)

// token is one token of a sentence, by byte offsets into it.
type token struct {
	kind tokKind
	s, e int
	val  int  // the value of tkNum, tkOrd, tkDecade
	nd   int  // the number of digits of tkNum, tkOrd, tkDecade
	sp   bool // white space (or the start) precedes the token
}

// maxDigits bounds the numbers read as values; longer runs are quantities.
const maxDigits = 6

// tokenize splits a sentence into tokens, reusing out's storage.
func tokenize(s string, out []token) []token {
	out = out[:0]
	sp := true
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			sp = true
			i += n
			continue
		case r >= '0' && r <= '9':
			t := numberToken(s, i)
			t.sp = sp
			out = append(out, t)
			i = t.e
		case unicode.IsLetter(r):
			e := wordEnd(s, i)
			out = append(out, token{kind: tkWord, s: i, e: e, sp: sp})
			i = e
		default:
			out = append(out, token{kind: tkPunct, s: i, e: i + n, sp: sp})
			i += n
		}
		sp = false
	}
	return out
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func digitsEnd(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

// numberToken reads the number that starts at s[i] with what is glued to it: thousands
// groups, decimals, clock times, ordinal and decade suffixes.
func numberToken(s string, i int) token {
	j := digitsEnd(s, i)
	t := token{kind: tkNum, s: i, nd: j - i}
	qty := false
	// Thousands groups: 57,470 · 1,500 · 300,000.
	if t.nd <= 3 {
		for j+4 <= len(s) && s[j] == ',' && isDigit(s[j+1]) && isDigit(s[j+2]) && isDigit(s[j+3]) &&
			(j+4 == len(s) || !isDigit(s[j+4])) {
			j += 4
			qty = true
		}
	}
	// Decimals and clock times: 1.5 · 7:30.
	for j+1 < len(s) && (s[j] == '.' || s[j] == ':') && isDigit(s[j+1]) {
		j = digitsEnd(s, j+1)
		qty = true
	}
	if !qty && t.nd <= maxDigits {
		for k := i; k < j; k++ {
			t.val = t.val*10 + int(s[k]-'0')
		}
	} else {
		qty = true
	}
	// Letters glued on: an ordinal ("36th", "2d"), a decade ("1920s") or a unit ("3km").
	if j < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[j:]); unicode.IsLetter(r) {
			k := j
			for k < len(s) {
				r, n := utf8.DecodeRuneInString(s[k:])
				if !unicode.IsLetter(r) {
					break
				}
				k += n
			}
			suf := strings.ToLower(s[j:k])
			switch {
			case qty:
			case suf == "s" && t.val%10 == 0 && t.nd >= 3:
				t.kind = tkDecade
			case suf == "st" || suf == "nd" || suf == "rd" || suf == "th" || suf == "d":
				t.kind = tkOrd
			default:
				qty = true
			}
			j = k
		} else if !qty && t.val%10 == 0 && t.nd >= 3 {
			// "1920’s", "1920's": an apostrophe and s, then no letter.
			for _, ap := range []string{"’s", "'s"} {
				if strings.HasPrefix(s[j:], ap) {
					k := j + len(ap)
					if k < len(s) {
						if r, _ := utf8.DecodeRuneInString(s[k:]); unicode.IsLetter(r) {
							break
						}
					}
					t.kind = tkDecade
					j = k
					break
				}
			}
		}
	}
	if qty {
		t.kind = tkQty
		t.val = 0
	}
	t.e = j
	return t
}

// wordEnd returns the end of the word that starts at s[i]. Inner apostrophes ("Caesar’s") and
// periods between letters ("U.S", "b.c.e") belong to the word; so does a final period after a
// dotted abbreviation or a single letter ("U.S.", "D.", "c.").
func wordEnd(s string, i int) int {
	k := i
	dotted := false
	letters := 0
scan:
	for k < len(s) {
		r, n := utf8.DecodeRuneInString(s[k:])
		switch {
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
			k += n
			letters++
			continue
		case r == '.' || r == '\'' || r == '’':
			if k+n < len(s) {
				if r2, _ := utf8.DecodeRuneInString(s[k+n:]); unicode.IsLetter(r2) {
					dotted = dotted || r == '.'
					k += n
					continue
				}
			}
		}
		break scan
	}
	if k < len(s) && s[k] == '.' && (dotted || letters == 1) {
		k++
	}
	return k
}
