// Package hyph finds where English words may be hyphenated, with Liang's algorithm (TeX's) and
// the en-US patterns and exceptions of hyph-utf8, which ship beside this file with their licence.
package hyph

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/speedata/hyphenation"
)

// Minimum letters kept before and after a hyphen (TeX's \lefthyphenmin and \righthyphenmin
// for English).
const (
	LeftMin  = 2
	RightMin = 3
)

var (
	//go:embed hyph-en-us.pat.txt
	patterns string
	//go:embed hyph-en-us.hyp.txt
	exceptions string
)

var (
	loadOnce sync.Once
	lang     *hyphenation.Lang
	except   map[string][]int

	// cache keeps the points of the words seen, so that a process building many articles
	// runs the patterns once per word. It is bounded: cleared when full.
	cacheMu sync.RWMutex
	cache   = map[string][]int{}
)

const cacheMax = 200_000

// MaxLen is the longest word hyphenated: the patterns are tried on every substring, so the
// cost grows with the square of the length, and no English word comes near it.
const MaxLen = 45

func load() {
	l, err := hyphenation.New(strings.NewReader(patterns))
	if err != nil {
		// The patterns are embedded: a failure here is a broken build.
		panic("hyph: embedded patterns: " + err.Error())
	}
	lang = l
	except = map[string][]int{}
	for _, w := range strings.Fields(exceptions) {
		var pts []int
		n := 0
		for _, r := range w {
			if r == '-' {
				pts = append(pts, n)
				continue
			}
			n++
		}
		except[strings.ReplaceAll(w, "-", "")] = pts
	}
}

// Points returns the rune offsets inside word where a hyphen may go (3 means after the third
// letter), at least LeftMin letters from the start and RightMin from the end. Only plain
// lowercase words are hyphenated: a word with a capital (a name), a digit, a hyphen or any
// other non-letter gets none.
func Points(word string) []int {
	n := utf8.RuneCountInString(word)
	if n < LeftMin+RightMin || n > MaxLen {
		return nil
	}
	for _, r := range word {
		if !unicode.IsLower(r) {
			return nil
		}
	}
	cacheMu.RLock()
	pts, ok := cache[word]
	cacheMu.RUnlock()
	if ok {
		return pts
	}
	loadOnce.Do(load)
	all, ok := except[word]
	if !ok {
		all = lang.Hyphenate(word)
	}
	pts = make([]int, 0, len(all))
	for _, p := range all {
		if p >= LeftMin && n-p >= RightMin {
			pts = append(pts, p)
		}
	}
	cacheMu.Lock()
	if len(cache) >= cacheMax {
		clear(cache)
	}
	cache[word] = pts
	cacheMu.Unlock()
	return pts
}

// Hyphenate returns word with a hyphen at each of its points ("hy-phen-ation").
func Hyphenate(word string) string {
	pts := Points(word)
	if len(pts) == 0 {
		return word
	}
	var b strings.Builder
	i, k := 0, 0
	for _, r := range word {
		if k < len(pts) && pts[k] == i {
			b.WriteByte('-')
			k++
		}
		b.WriteRune(r)
		i++
	}
	return b.String()
}
