// Package words is what English word lists say of capitals: whether a word is a proper
// noun ("Kremlin", "Victorian"), a common one ("revolution"), or may be either ("Soviet",
// "Marathon"), and which phrases of several words are names ("Great War", "Book of Common
// Prayer"). APA's sentence case consults it for the words an article does not decide.
//
// The lists are generated from SCOWL's size-50 American and British lists and WordNet 3.0's
// nouns, as Debian packages them (wamerican, wbritish, wordnet-base), by the program in gen;
// the generated words.gz is kept in the repository with the lists' licences (LICENSE-SCOWL,
// LICENSE-WORDNET). They are read on first use only.
package words

//go:generate go run ./gen -o .

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed words.gz
var data []byte

// Class is what the lists say of a word's case.
type Class uint8

// Classes of words.
const (
	// Unknown words are in neither form: rare names ("Whitby", "Mese"), foreign words.
	Unknown Class = iota
	// Common words are listed in lowercase only.
	Common
	// Proper words are listed capitalised only.
	Proper
	// Either words are listed both ways ("Soviet" and "soviet").
	Either
)

// lists are the decoded word lists.
type lists struct {
	common, caps []string          // sorted
	names        map[string]string // lowercased name → the name as the lists write it
	maxName      int               // the most words of a name
}

// load decodes the embedded lists once.
var load = sync.OnceValue(decodeLists)

// decodeLists decodes the embedded lists.
func decodeLists() *lists {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		panic("words: " + err.Error()) // the embedded data is generated and tested
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		panic("words: " + err.Error())
	}
	sections := bytes.Split(raw, []byte("\n\n"))
	if len(sections) != 3 {
		panic("words: corrupt word lists")
	}
	l := &lists{common: decode(sections[0]), caps: decode(sections[1]), names: map[string]string{}}
	for _, n := range decode(sections[2]) {
		l.names[strings.ToLower(n)] = n
		l.maxName = max(l.maxName, strings.Count(n, " ")+1)
	}
	return l
}

// decode reads a front-coded list: each line is a byte telling how many leading bytes the
// entry shares with the one before ('0' for none), then the rest of the entry.
func decode(b []byte) []string {
	n := bytes.Count(b, []byte("\n")) + 1
	var all strings.Builder
	all.Grow(len(b) * 2)
	ends := make([]int, 0, n)
	prevStart := 0
	for line := range bytes.SplitSeq(b, []byte("\n")) {
		if len(line) == 0 {
			continue
		}
		k := int(line[0] - '0')
		start := all.Len()
		prev := all.String()[prevStart:start]
		all.WriteString(prev[:min(k, len(prev))])
		all.Write(line[1:])
		ends = append(ends, all.Len())
		prevStart = start
	}
	s := all.String()
	out := make([]string, len(ends))
	from := 0
	for i, e := range ends {
		out[i] = s[from:e]
		from = e
	}
	return out
}

// has reports whether a sorted list holds w.
func has(list []string, w string) bool {
	i := sort.SearchStrings(list, w)
	return i < len(list) && list[i] == w
}

// Of returns the class of a word as the lists know it, whatever its case as written: the
// lists are asked for its lowercase form and its capitalised form (with straight
// apostrophes, as they write them: "can't").
func Of(word string) Class {
	if word == "" {
		return Unknown
	}
	l := load()
	lower := strings.ToLower(strings.ReplaceAll(word, "’", "'"))
	r, n := utf8.DecodeRuneInString(lower)
	capital := string(unicode.ToUpper(r)) + lower[n:]
	c, p := has(l.common, lower), has(l.caps, capital)
	switch {
	case c && p:
		return Either
	case p:
		return Proper
	case c:
		return Common
	}
	return Unknown
}

// Name returns the name of several words that phrase is, as the lists write it ("Great War"
// for "great war", "battle of Hastings" for "Battle of Hastings"), and false when the lists
// know no such name.
func Name(phrase string) (string, bool) {
	n, ok := load().names[strings.ToLower(phrase)]
	return n, ok
}

// MaxName is the most words a name of the lists has.
func MaxName() int { return load().maxName }
