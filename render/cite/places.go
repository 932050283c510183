package cite

import (
	"strconv"
	"strings"
)

// pageRange splits "191-199" (hyphen or en dash) into its numbers; ok is false for anything
// else ("S12-S20", "xii", "45, 67").
func pageRange(p string) (a, b string, ok bool) {
	p = strings.TrimSpace(p)
	i := strings.IndexAny(p, "-–")
	if i <= 0 {
		return "", "", false
	}
	a = p[:i]
	b = strings.TrimLeft(p[i:], "-–")
	if !allDigits(a) || !allDigits(b) {
		return "", "", false
	}
	return a, b, true
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// shortSecond returns the last digits of b that differ from a: at least min digits, more if
// the digits before them differ ("1496", "1500", 2 gives "500"). A longer b is kept whole.
func shortSecond(a, b string, min int) string {
	if len(a) != len(b) {
		return b
	}
	for k := min; k < len(b); k++ {
		if a[:len(a)-k] == b[:len(b)-k] {
			return b[len(b)-k:]
		}
	}
	return b
}

// chicagoPages writes a page range with an en dash and both numbers whole (191–199): CMOS
// 9.63 accepts full inclusive numbers, and they keep the article's numbers as written.
func chicagoPages(p string) string {
	return strings.ReplaceAll(strings.TrimSpace(p), "-", "–")
}

// mlaPages writes "pp. 191-99" as MLA 9 does (2.140): the second number whole through 99,
// then its last two digits unless more are needed (96-101, 103-04, 923-1003, 1608-774).
func mlaPages(p string) string {
	a, b, ok := pageRange(p)
	if !ok {
		if strings.ContainsAny(p, "-–,") {
			return "pp. " + strings.ReplaceAll(p, "–", "-")
		}
		return "p. " + p
	}
	n, _ := strconv.Atoi(a)
	if n < 100 {
		return "pp. " + a + "-" + b
	}
	return "pp. " + a + "-" + shortSecond(a, b, 2)
}

// apaPages writes a page range in full with an en dash (APA 9.52: 191–199).
func apaPages(p string) string {
	return strings.ReplaceAll(p, "-", "–")
}
