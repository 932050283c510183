package render

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"galley/source"
	"galley/source/cal"
)

// Typographic punctuation: the one pass that every text galley sets goes through, in the PDF
// and the EPUB alike, the title, running heads, outline and metadata included. The model keeps
// the article's characters as written; typesetting them is the renderers' business.
//
//   - Straight quotes become curly ones, opening or closing by what precedes them; an
//     apostrophe inside a word or before a year's digits ('30s) is ’.
//   - A hyphen between two numbers of a range (1933-1945, pp. 204-31, c. 550-486, 1920s-1930s,
//     June 2-10) or between a day and a month (June 28-July 3) is an en dash, as the
//     Chicago Manual (6.78) sets ranges; a chain of numbers (an ISBN, 1933-11-16) and a
//     number glued to letters (U-2, 10-year) keep their hyphens.
//   - "---" is an em dash, "--" an en dash (as pandoc reads them), a hyphen between spaces a
//     spaced en dash, "..." an ellipsis.
//   - A no-break space ties a Roman numeral to the capitalised word before it (World War II,
//     John Paul II) and an initial to the name after it (Franklin D. Roosevelt), so that no
//     line ends between them.
//
// Code, and text that is an address (it holds "://" or begins "www."), keeps its characters.

// Smart returns s set with typographic punctuation.
func Smart(s string) string {
	if !needsSmart(s) {
		return s
	}
	runs := SmartRuns([]source.Inline{{Text: s}})
	return runs[0].Text
}

// needsSmart reports whether s has a character Smart may change: a quote, a hyphen, a period
// (an ellipsis, an initial) or a space (a tie).
func needsSmart(s string) bool {
	return strings.ContainsAny(s, "'\"-. ")
}

// SmartRuns returns runs set with typographic punctuation, each quote read in the context of
// the runs before it ("Darwin" *'s*). Code runs keep their characters but are context. The
// runs given are not changed; when none needs a change, they are what is returned.
func SmartRuns(runs []source.Inline) []source.Inline {
	if len(runs) == 0 {
		return runs
	}
	change := false
	for _, r := range runs {
		if r.Style&source.Code == 0 && needsSmart(r.Text) {
			change = true
			break
		}
	}
	if !change {
		return runs
	}
	// The runs are read as one text, so that context crosses their edges; verbatim marks
	// the addresses, to copy as they are (code runs are copied whole).
	var all strings.Builder
	ends := make([]int, len(runs))
	for i, r := range runs {
		all.WriteString(r.Text)
		ends[i] = all.Len()
	}
	text := all.String()
	var verbatim []bool
	if strings.Contains(text, "://") || strings.Contains(text, "www.") {
		verbatim = make([]bool, len(text))
		markAddresses(text, verbatim)
	}
	out := make([]source.Inline, len(runs))
	changed := false
	start := 0
	for k, r := range runs {
		end := ends[k]
		out[k] = r
		if r.Style&source.Code != 0 {
			start = end
			continue
		}
		// Only these ASCII bytes may change, and no byte of a longer character is one of
		// them: the rest of the run is copied in spans.
		var b []byte
		last := start
		for i := start; i < end; {
			c := text[i]
			if c != '\'' && c != '"' && c != '-' && c != '.' && c != ' ' || verbatim != nil && verbatim[i] {
				i++
				continue
			}
			// A hard break ends a line: what follows it reads as after a space.
			line := i == start && k > 0 && runs[k-1].Break
			rep, n := smartAt(text, i, end, line)
			if n == 0 {
				i++
				continue
			}
			b = append(append(b, text[last:i]...), rep...)
			i += n
			last = i
		}
		if b != nil {
			out[k].Text = string(append(b, text[last:end]...))
			changed = true
		}
		start = end
	}
	if !changed {
		return runs
	}
	return out
}

// markAddresses marks the addresses in text as verbatim: from the start of a word holding
// "://" or beginning "www." to its end.
func markAddresses(text string, verbatim []bool) {
	for i := 0; i < len(text); {
		j := strings.IndexAny(text[i:], " \t\n")
		if j < 0 {
			j = len(text) - i
		}
		w := text[i : i+j]
		if strings.Contains(w, "://") || strings.HasPrefix(w, "www.") {
			for k := i; k < i+j; k++ {
				verbatim[k] = true
			}
		}
		i += j + 1
	}
}

// smartAt returns what to set for the text at i (not past end), and how many bytes of it
// that replaces; n is 0 when the character stays as it is. A line starts at i when a hard
// break precedes it.
func smartAt(text string, i, end int, line bool) (rep string, n int) {
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	if i == 0 || line {
		prev = ' '
	}
	next, _ := utf8.DecodeRuneInString(text[i+1:])
	if i+1 >= len(text) {
		next = ' '
	}
	switch text[i] {
	case '\'':
		switch {
		case wordy(prev) && unicode.IsLetter(next):
			return "’", 1 // Russia's, don't, 1920's
		case opens(prev) && isDigit(next):
			return "’", 1 // '30s
		case opens(prev):
			return "‘", 1
		}
		return "’", 1
	case '"':
		if opens(prev) {
			return "“", 1
		}
		return "”", 1
	case '-':
		switch {
		case strings.HasPrefix(text[i:end], "---") && dashBetween(text, i, 3):
			return "—", 3
		case strings.HasPrefix(text[i:end], "--") && dashBetween(text, i, 2):
			return "–", 2
		case prev == ' ' && next == ' ':
			return "–", 1
		case rangeDash(text, i):
			return "–", 1
		}
	case '.':
		if strings.HasPrefix(text[i:end], "...") && !strings.HasPrefix(text[i:end], "....") && prev != '.' {
			return "…", 3
		}
	case ' ':
		// Both ties come before a capital: look no further before most spaces.
		if next >= 'A' && next <= 'Z' && tieBefore(text, i) {
			return "\u00a0", 1
		}
	}
	return "", 0
}

// dashBetween reports whether the n hyphens at i stand between words or spaces, as a dash
// does: MLA's "---." for a repeated author keeps its hyphens.
func dashBetween(text string, i, n int) bool {
	if i == 0 || i+n >= len(text) {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	next, _ := utf8.DecodeRuneInString(text[i+n:])
	ok := func(r rune) bool { return r == ' ' || unicode.IsLetter(r) || unicode.IsDigit(r) }
	return ok(prev) && ok(next)
}

// opens reports whether a quote after r opens: at the start, after a space, an opening
// bracket or quote, a dash, or an equals sign (markup shown as text).
func opens(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune("([{‘“—–/=", r)
}

func wordy(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// rangeDash reports whether the hyphen at i joins the two ends of a range: a number of one to
// four digits (a decade's "s" allowed) on each side, or a day before a month's name, with
// nothing around them that makes them part of something else (a chain of numbers, a word).
func rangeDash(text string, i int) bool {
	// the left end: digits, perhaps a decade's s
	j := i
	if j > 0 && text[j-1] == 's' {
		j--
	}
	k := j
	for k > 0 && isDigit(rune(text[k-1])) {
		k--
	}
	if n := j - k; n < 1 || n > 4 {
		return false
	}
	if k > 0 {
		before, _ := utf8.DecodeLastRuneInString(text[:k])
		if unicode.IsLetter(before) || unicode.IsDigit(before) || strings.ContainsRune("-–/.", before) {
			return false
		}
		if before == ',' && k > 1 && isDigit(rune(text[k-2])) {
			return false // 57,470-60,000: a number with its thousands
		}
	}
	// the right end: digits (a decade's s), or a month's name after a day
	rest := text[i+1:]
	if n := cal.Digits(rest); n >= 1 && n <= 4 {
		after := strings.TrimPrefix(rest[n:], "s")
		a, _ := utf8.DecodeRuneInString(after)
		if after == "" {
			return true
		}
		if unicode.IsLetter(a) || unicode.IsDigit(a) || a == '-' || a == '–' || a == '/' {
			return false
		}
		if a == '.' || a == ',' {
			b, _ := utf8.DecodeRuneInString(after[1:])
			return !unicode.IsDigit(b)
		}
		return true
	}
	w := rest
	if e := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) }); e >= 0 {
		w = rest[:e]
	}
	if m, _ := cal.MonthWord(w); m > 0 && j-k <= 2 && i == j {
		return true // June 28-July 3
	}
	return false
}

// romans are the Roman numerals a name or a war takes (John Paul II, World War I).
var romans = map[string]bool{"I": true, "II": true, "III": true, "IV": true, "V": true, "VI": true,
	"VII": true, "VIII": true, "IX": true, "X": true, "XI": true, "XII": true, "XIII": true,
	"XIV": true, "XV": true, "XVI": true, "XVII": true, "XVIII": true}

// tieBefore reports whether the space at i ties what is on either side: a capitalised word
// and the Roman numeral after it, or an initial ("D.") and the name after it.
func tieBefore(text string, i int) bool {
	rest := text[i+1:]
	w := rest
	if e := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) }); e >= 0 {
		w = rest[:e]
	}
	left := text[:i]
	lw := left
	if s := strings.LastIndexAny(left, " \u00a0(\t\n"); s >= 0 {
		lw = left[s+1:]
	}
	if romans[w] {
		r, _ := utf8.DecodeRuneInString(lw)
		return len(lw) > 1 && unicode.IsUpper(r) && !romans[strings.TrimRight(lw, ".,;")]
	}
	// an initial: one capital and its period, a name after it
	if len(lw) == 2 && lw[1] == '.' && lw[0] >= 'A' && lw[0] <= 'Z' {
		r, _ := utf8.DecodeRuneInString(rest)
		return unicode.IsUpper(r)
	}
	return false
}
