// Package hyph finds where English words may be hyphenated, with Liang's algorithm (TeX's) and
// the en-US patterns and exceptions of hyph-utf8, which ship beside this file with their licence.
package hyph

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
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
	// pats locates each pattern's priorities in prios, by the pattern's key (see code): the
	// offset times 16 plus the length.
	pats   map[uint64]uint32
	prios  []byte
	except map[string][]int

	// cache keeps the points of the words seen, so that a process building many articles
	// runs the patterns once per word. It is bounded: cleared when full.
	cacheMu sync.RWMutex
	cache   = map[string][]int{}
)

const cacheMax = 200_000

// MaxLen is the longest word hyphenated: the patterns are tried on every substring, so the
// cost grows with the square of the length, and no English word comes near it.
const MaxLen = 45

// maxPattern is the length of the longest pattern, its word boundary dots included.
const maxPattern = 9

// code numbers the characters of the patterns, 0 for any other: 5 bits each, so that a
// pattern of up to 12 characters is one uint64 (key).
func code(r rune) uint64 {
	switch {
	case r >= 'a' && r <= 'z':
		return uint64(r-'a') + 1
	case r == '.':
		return 27
	}
	return 0
}

// load reads the patterns as github.com/speedata/hyphenation does (which galley used
// before, and which the tests compare with): each pattern's letters (and dots) become its
// key, and its digits the priorities between the letters, one more than there are letters,
// dots not counted.
func load() {
	fields := strings.Fields(patterns)
	pats = make(map[uint64]uint32, len(fields))
	prio := make([]byte, 0, 8*len(fields))
	for _, f := range fields {
		var k uint64
		n, start := 0, len(prio)
		var prev rune
		for _, r := range f {
			if r >= '0' && r <= '9' {
				prev = r
				continue
			}
			c := code(r)
			if c == 0 || n == maxPattern {
				// The embedded patterns are letters, dots and digits: anything else is a
				// broken build.
				panic("hyph: embedded pattern " + f + " is not one hyph reads")
			}
			k = k<<5 | c
			n++
			if r != '.' {
				p := byte(0)
				if prev != 0 {
					p = byte(prev - '0')
				}
				prio = append(prio, p)
			}
			prev = 0
		}
		p := byte(0)
		if prev != 0 {
			p = byte(prev - '0')
		}
		prio = append(prio, p)
		pats[k] = uint32(start)<<4 | uint32(len(prio)-start)
	}
	prios = prio
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

// liang returns the points where the patterns allow a hyphen in word (lowercase, at most
// MaxLen runes), as rune offsets, in increasing order: Liang's algorithm, every substring
// of ".word." looked up, the highest priority at each place kept, odd ones allowing a
// break.
func liang(word string) []int {
	var codes [MaxLen + 2]uint64
	n := 0
	codes[n] = 27
	n++
	for _, r := range word {
		codes[n] = code(r)
		n++
	}
	codes[n] = 27
	n++
	var maxPrio [MaxLen + 1]byte
	for start := 0; start < n-1; start++ {
		var k uint64
		for end := start; end < n && end-start < maxPattern; end++ {
			c := codes[end]
			if c == 0 {
				break // no pattern holds this character
			}
			k = k<<5 | c
			if end == start {
				continue // patterns have two characters or more
			}
			loc, ok := pats[k]
			if !ok {
				continue
			}
			pat := prios[loc>>4 : loc>>4+loc&15]
			at := start
			if codes[start] == 27 {
				at++
			}
			for i := 0; i < len(pat); i++ {
				maxPrio[at-1+i] = max(maxPrio[at-1+i], pat[i])
			}
		}
	}
	var pts []int
	for i := 1; i < n-1; i++ {
		if maxPrio[i]%2 != 0 {
			pts = append(pts, i)
		}
	}
	return pts
}

// Load reads the patterns now rather than at the first word: a program that is about to
// hyphenate can call it in the background while it does something else.
func Load() { loadOnce.Do(load) }

// Points returns the rune offsets inside word where a hyphen may go (3 means after the third
// letter), at least LeftMin letters from the start and RightMin from the end. Lowercase
// words are hyphenated, and, as TeX does (its \uchyph), words whose first letter alone is a
// capital ("Revolution", "February"): on a measure of 66 characters, a sentence's first word
// and the names of a history article are too many to leave whole. A word with another
// capital (an acronym, "McBride"), a digit, a hyphen or any other non-letter gets none.
func Points(word string) []int {
	n := utf8.RuneCountInString(word)
	if n < LeftMin+RightMin || n > MaxLen {
		return nil
	}
	for i, r := range word {
		if !unicode.IsLower(r) && (i > 0 || !unicode.IsUpper(r)) {
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
	lower := word
	if r, size := utf8.DecodeRuneInString(word); unicode.IsUpper(r) {
		lower = string(unicode.ToLower(r)) + word[size:]
	}
	all, ok := except[lower]
	if !ok {
		all = liang(lower)
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
