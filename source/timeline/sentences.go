package timeline

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"

	"galley/source/cal"
)

// sentences yields the sentences of a paragraph as byte spans [s, e) with surrounding white
// space trimmed. A sentence ends at '.', '!', '?' or '…' (with any closing quotes or
// brackets) when white space and then a capital, a digit or an opening quote follow, unless
// the period belongs to an abbreviation or an initial: "U.S. officials", "Franklin D. Roosevelt",
// "St. Petersburg", "c. 1450", "No. 1" and "44 b.c.e. he" stay whole, while an era or a time
// ("45 b.c.e. Between", "7 p.m. The") and a state ("Springfield, Mass. The") may end one.
// It runs in one pass, so a paragraph of any length costs time in proportion to its bytes,
// and it holds no list of them.
func sentences(text string) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		start := 0
		for i := 0; i < len(text); {
			c := text[i]
			var termEnd int
			switch {
			case c == '.' || c == '!' || c == '?':
				termEnd = i + 1
			case c == 0xE2 && strings.HasPrefix(text[i:], "…"):
				termEnd = i + len("…")
			default:
				i++
				continue
			}
			// Runs of terminators ("?!", "...") end together.
			for termEnd < len(text) {
				if d := text[termEnd]; d == '.' || d == '!' || d == '?' {
					termEnd++
				} else if strings.HasPrefix(text[termEnd:], "…") {
					termEnd += len("…")
				} else {
					break
				}
			}
			j := skipClosers(text, termEnd)
			if j < len(text) {
				r, _ := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsSpace(r) {
					i = termEnd
					continue
				}
			}
			k := skipSpace(text, j)
			if k < len(text) && sentenceBreak(text, start, i, termEnd, k) {
				if s, e, ok := trimSpan(text, start, j); ok && !yield(s, e) {
					return
				}
				start = k
			}
			i = termEnd
		}
		if s, e, ok := trimSpan(text, start, len(text)); ok {
			yield(s, e)
		}
	}
}

// trimSpan trims white space off the span [s, e) of text; ok is false when nothing is left.
func trimSpan(text string, s, e int) (int, int, bool) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return s, e, s < e
}

func skipClosers(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '"', '\'', '”', '’', ')', ']', '»', '*', '_':
			i += n
		default:
			return i
		}
	}
	return i
}

func skipSpace(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			return i
		}
		i += n
	}
	return i
}

// sentenceBreak decides whether the terminator at text[at:termEnd] ends the sentence that
// began at start, given that the next sentence would begin at next.
func sentenceBreak(text string, start, at, termEnd, next int) bool {
	r, _ := utf8.DecodeRuneInString(text[next:])
	digit := r >= '0' && r <= '9'
	switch {
	case unicode.IsUpper(r) || unicode.IsTitle(r) || digit:
	case strings.ContainsRune("“\"‘'([«¿¡", r):
	default:
		return false // lower case or punctuation: the sentence goes on
	}
	if text[at] != '.' || termEnd-at > 1 {
		return true // '!', '?', an ellipsis
	}
	word := wordBefore(text, start, at)
	if word == "" {
		return true
	}
	if abbrevKeeps(word, digit) || (endingDotted[strings.ToLower(word)] && introPhrase(text[start:at])) {
		// "World War I. After" ends a sentence although "I." looks like an initial.
		if word == "I" && strings.HasSuffix(strings.TrimRight(text[start:at-1], " "), "War") {
			return true
		}
		return false
	}
	return true
}

// wordBefore returns the token that ends at the period at text[at], without the period and
// without leading opening punctuation: "(U.S" for "(U.S." gives "U.S".
func wordBefore(text string, start, at int) string {
	b := at
	for b > start {
		r, n := utf8.DecodeLastRuneInString(text[start:b])
		if unicode.IsSpace(r) {
			break
		}
		b -= n
	}
	w := text[b:at]
	return strings.TrimLeft(w, "([{\"'“‘«*_")
}

// Abbreviations after which a period does not end a sentence before a capital.
var keepAbbrevs = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "St": true, "Ste": true, "Sts": true,
	"Mt": true, "Ft": true, "Gen": true, "Col": true, "Lt": true, "Capt": true, "Cmdr": true,
	"Adm": true, "Maj": true, "Sgt": true, "Cpl": true, "Pvt": true, "Gov": true, "Sen": true,
	"Rep": true, "Rev": true, "Fr": true, "Prof": true, "Hon": true, "Pres": true, "Msgr": true,
	"Messrs": true, "Mme": true, "Mlle": true, "Brig": true, "Supt": true, "Atty": true,
	"vs": true, "viz": true, "cf": true,
}

// Abbreviations that do not end a sentence when a number follows: "No. 1", "c. 1450", and
// the months' ("Nov. 16").
var numAbbrevs = map[string]bool{
	"No": true, "no": true, "Nos": true, "nos": true, "Vol": true, "vol": true, "Vols": true,
	"pp": true, "Op": true, "op": true, "Art": true, "art": true, "ch": true, "Ch": true,
	"chap": true, "fig": true, "Fig": true, "ca": true, "fl": true, "approx": true, "est": true,
}

// Dotted abbreviations that commonly end a sentence: eras, times and places.
var endingDotted = map[string]bool{
	"b.c.e": true, "c.e": true, "b.c": true, "a.d": true, "a.m": true, "p.m": true,
	"d.c": true, "n.y": true, "n.j": true, "n.c": true, "s.c": true, "n.h": true, "n.m": true,
	"n.d": true, "s.d": true, "r.i": true,
}

// abbrevKeeps reports whether word (the text before a period) is an abbreviation or an
// initial that keeps the sentence going; digit says a number follows.
func abbrevKeeps(word string, digit bool) bool {
	if keepAbbrevs[word] {
		return true
	}
	if _, month := cal.MonthWord(word); month || numAbbrevs[word] {
		return digit
	}
	if strings.Contains(word, ".") {
		// "U.S", "e.g", "J.R.R", "b.c.e": dotted abbreviations. Eras, times and places end a
		// sentence before a capital; the others (mostly adjectives: "U.S. officials") do not.
		if endingDotted[strings.ToLower(word)] {
			return digit // "A.D. 410"; see also introPhrase
		}
		return true
	}
	r, n := utf8.DecodeRuneInString(word)
	if n == len(word) && unicode.IsLetter(r) {
		if unicode.IsUpper(r) {
			return true // an initial: "Franklin D. Roosevelt", "Katherine A. S."
		}
		return digit // "c. 1450", "b. 1946"
	}
	return false
}

// Prepositions that open an introductory phrase of time.
var introWords = map[string]bool{
	"In": true, "On": true, "At": true, "By": true, "During": true, "From": true, "After": true,
	"Before": true, "Around": true, "Until": true, "Since": true, "About": true, "Between": true,
	"Early": true, "Late": true, "Later": true,
}

// introPhrase reports whether the sentence so far is a short introductory phrase of time
// that an era or a time ends: "In 44 b.c.e. Caesar ...", "On October 22 at 7 p.m. Kennedy ...".
// There the capital that follows begins the subject, not a new sentence.
func introPhrase(s string) bool {
	if len(s) > 80 {
		return false // also keeps a long sentence from being re-read at every era
	}
	first, _, _ := strings.Cut(s, " ")
	return introWords[first] && strings.Count(s, " ") < 6
}
