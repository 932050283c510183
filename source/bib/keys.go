package bib

import (
	"fmt"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// AssignKeys gives every item a citation key as its ID: the first creator's surname folded
// to ASCII and the year ("bennett1970"; "nd" without a year), with "a", "b", ... added, in
// the order of items, to keys that would otherwise repeat.
func AssignKeys(items []*Item) {
	keys := make([]string, len(items))
	count := map[string]int{}
	for i, it := range items {
		keys[i] = baseKey(it)
		count[keys[i]]++
	}
	seen := map[string]int{}
	for i, it := range items {
		k := keys[i]
		if count[k] > 1 {
			k += suffixLetters(seen[keys[i]])
			seen[keys[i]]++
		}
		it.ID = k
	}
}

// suffixLetters returns "a" for 0, "b" for 1, ..., "z", "aa", "ab", ...
func suffixLetters(n int) string {
	s := ""
	for {
		s = string(rune('a'+n%26)) + s
		n = n/26 - 1
		if n < 0 {
			return s
		}
	}
}

// baseKey is the key of one item before deduplication.
func baseKey(it *Item) string {
	word := ""
	for _, names := range [][]Name{it.Author, it.Editor, it.Translator} {
		if len(names) > 0 {
			n := names[0]
			word = n.Family
			if word == "" {
				word = n.Literal
			}
			break
		}
	}
	if word == "" {
		for _, w := range strings.Fields(it.Title) {
			switch strings.ToLower(w) {
			case "a", "an", "the":
				continue
			}
			word = w
			break
		}
	}
	key := asciiKey(word)
	if key == "" {
		key = "anon"
	}
	if y, ok := it.Issued.Year(); ok {
		return fmt.Sprintf("%s%d", key, y)
	}
	return key + "nd"
}

// asciiKey folds a word to lowercase ASCII letters and digits: "Jünger" is "junger",
// "Ó Gráda" is "ograda".
func asciiKey(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
		case r == 'ß':
			b.WriteString("ss")
		case r == 'ø' || r == 'Ø':
			b.WriteByte('o')
		case r == 'æ' || r == 'Æ':
			b.WriteString("ae")
		case r == 'ł' || r == 'Ł':
			b.WriteByte('l')
		}
	}
	return b.String()
}
