package source

import (
	"regexp"
	"sync"
)

// lazyRegexp returns a function that compiles pattern on its first call and returns the same
// compiled expression ever after. The parser's larger patterns (the bibliography's, the
// lifespans') take a fraction of a millisecond and a few hundred kilobytes to compile: a
// process pays for them when it first parses text that needs them, not when it starts.
func lazyRegexp(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}
