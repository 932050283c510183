package source

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"galley/source/cal"
)

// lifespanRE matches the lifespan that closes a key figure's parentheses: "1876-1951",
// "c. 86-42 b.c.e.", "63 b.c.e.-14 c.e.", "b. 1946", "d. 1503", "fl. 1190", "fl. 59-44 b.c.e.",
// "1882-?".
var lifespanRE = cal.Lazy(`^(?i:(b\.|born|d\.|died|fl\.|flourished)\s*)?` +
	`(?:(c\.|ca\.|circa)\s*)?(\d{1,4}|\?)(?:\s*(b\.\s?c\.\s?e\.|c\.\s?e\.|bce|ce|b\.\s?c\.|a\.\s?d\.))?` +
	`(?:\s*(?:-|–|—|to)\s*(?:(c\.|ca\.|circa)\s*)?(\d{1,4}|\?)?(?:\s*(b\.\s?c\.\s?e\.|c\.\s?e\.|bce|ce|b\.\s?c\.|a\.\s?d\.))?)?$`)

// nameParticles may stand lowercase inside a personal name.
var nameParticles = map[string]bool{
	"de": true, "del": true, "della": true, "der": true, "den": true, "di": true, "da": true,
	"du": true, "dos": true, "das": true, "do": true, "la": true, "le": true, "van": true,
	"von": true, "y": true, "e": true, "zu": true, "ten": true, "ter": true, "bin": true,
	"ibn": true, "al": true, "el": true, "of": true, "the": true, "und": true, "d’": true,
	"d'": true,
}

// innerCapitalPrefixes begin names with a capital inside them (McKinley, MacLeod, DeWitt):
// such a word is one name, not a role glued to the next name.
var innerCapitalPrefixes = []string{"Mc", "Mac", "O'", "O’", "D'", "D’", "De", "Di", "Da",
	"La", "Le", "Van", "Von", "Fitz", "St", "Du"}

// parseKeyFigures reads the lines of the Key Figures part, run-on or one per line. Entries that
// cannot be parsed are kept whole, as raw figures, with a warning.
func parseKeyFigures(lines []line, diags *[]Diagnostic) []KeyFigure {
	var out []KeyFigure
	for _, ln := range lines {
		out = append(out, parseFigureLine(ln, diags)...)
	}
	return out
}

// figureSpan is one lifespan parenthesis found in a line: name start, the parenthesis, and
// where the role begins.
type figureSpan struct {
	nameStart, open, close int
}

// parseFigureLine splits one line into figures. It finds every parenthesis whose content ends
// in a lifespan, walks back from it over the words of a name to where the name begins (just
// after a digit, a lowercase letter or punctuation glued to it, or the line's start), and
// gives the text between one figure's parenthesis and the next name to the role.
func parseFigureLine(ln line, diags *[]Diagnostic) []KeyFigure {
	text := strings.TrimSpace(strings.Trim(ln.text, "-–—•*· \t"))
	if text == "" || strings.Trim(text, "-–—_=*·•. ") == "" {
		return nil
	}
	var spans []figureSpan
	depth, open := 0, -1
	lastEnd := 0
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '(':
			if depth == 0 {
				open = i
			}
			depth++
		case ')':
			if depth == 0 {
				continue
			}
			depth--
			if depth > 0 || open < 0 {
				continue
			}
			_, life := splitParen(text[open+1 : i])
			if !lifespanRE().MatchString(life) || !hasYear(life) {
				continue
			}
			start := nameStart(text, lastEnd, open)
			if start < 0 {
				continue
			}
			spans = append(spans, figureSpan{nameStart: start, open: open, close: i})
			lastEnd = i + 1
		}
	}
	if len(spans) == 0 {
		*diags = append(*diags, Diagnostic{Line: ln.num, Col: 1, Severity: SevWarning,
			Message: "key figure not understood; kept as written"})
		return []KeyFigure{{Name: text, Raw: true, Line: ln.num, Aliases: []string{}}}
	}
	var out []KeyFigure
	if lead := strings.TrimSpace(text[:spans[0].nameStart]); lead != "" {
		*diags = append(*diags, Diagnostic{Line: ln.num, Col: 1, Severity: SevWarning,
			Message: "text before the first key figure not understood; kept as written"})
		out = append(out, KeyFigure{Name: lead, Raw: true, Line: ln.num, Aliases: []string{}})
	}
	for k, sp := range spans {
		end := len(text)
		if k+1 < len(spans) {
			end = spans[k+1].nameStart
		}
		f := KeyFigure{
			Name:    strings.TrimSpace(text[sp.nameStart:sp.open]),
			Aliases: []string{},
			Line:    ln.num,
		}
		aliases, life := splitParen(text[sp.open+1 : sp.close])
		f.Aliases = append(f.Aliases, aliases...)
		f.Life = life
		f.Born, f.Died = lifespanYears(life)
		role := strings.TrimSpace(text[sp.close+1 : end])
		role = strings.TrimLeft(role, ",;: ")
		f.Role = strings.TrimSpace(strings.TrimRight(role, ";"))
		out = append(out, f)
	}
	return out
}

func hasYear(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}

// splitParen splits the content of a figure's parentheses into aliases (the items before the
// last ';') and the lifespan after it.
func splitParen(s string) (aliases []string, life string) {
	i := strings.LastIndexByte(s, ';')
	if i < 0 {
		return nil, strings.TrimSpace(s)
	}
	for _, a := range strings.Split(s[:i], ";") {
		if a = strings.TrimSpace(a); a != "" {
			aliases = append(aliases, a)
		}
	}
	return aliases, strings.TrimSpace(s[i+1:])
}

// lifespanYears reads the years of birth and death from a lifespan, zero when it does not
// give them. A BCE/CE marker after the second year applies to the first unless the first has
// its own.
func lifespanYears(life string) (born, died cal.Date) {
	m := lifespanRE().FindStringSubmatch(life)
	if m == nil {
		return cal.Date{}, cal.Date{}
	}
	kind := strings.ToLower(m[1])
	y1, era1, y2, era2 := m[3], cal.EraOf(strings.ReplaceAll(m[4], " ", "")), m[6], cal.EraOf(strings.ReplaceAll(m[7], " ", ""))
	if era1 == 0 {
		era1 = era2
	}
	if era2 == 0 && y2 != "" {
		era2 = era1
		if era1 > 0 {
			era2 = 0
		}
	}
	year := func(y string, era int) cal.Date {
		n, err := strconv.Atoi(y) // one to four digits, or "?"
		if err != nil {
			return cal.Date{}
		}
		return cal.DateOf(cal.Astro(n, era < 0), 0, 0)
	}
	switch {
	case strings.HasPrefix(kind, "fl"):
		return cal.Date{}, cal.Date{}
	case strings.HasPrefix(kind, "b"):
		return year(y1, era1), cal.Date{}
	case strings.HasPrefix(kind, "d"):
		return cal.Date{}, year(y1, era1)
	}
	if y2 == "" {
		return year(y1, era1), cal.Date{}
	}
	return year(y1, era1), year(y2, era2)
}

// nameStart finds where the name that ends just before text[open] begins, searching no
// further back than lo. It returns -1 when the words before the parenthesis are no name.
func nameStart(text string, lo, open int) int {
	seg := strings.TrimRight(text[lo:open], " ")
	spans := wordSpans(seg)
	start := -1
	for k := len(spans) - 1; k >= 0; k-- {
		w := seg[spans[k][0]:spans[k][1]]
		if g := gluePoint(w); g > 0 {
			return lo + spans[k][0] + g
		}
		if !nameWord(w, k == len(spans)-1) {
			break
		}
		start = k
	}
	// A name begins with a capital: leading particles belong to the text before it.
	for start >= 0 && start < len(spans) {
		r, _ := utf8.DecodeRuneInString(seg[spans[start][0]:])
		if unicode.IsUpper(r) {
			return lo + spans[start][0]
		}
		start++
	}
	return -1
}

// wordSpans returns the start and end of each space-separated word of s.
func wordSpans(s string) [][2]int {
	var out [][2]int
	i := 0
	for i < len(s) {
		for i < len(s) && s[i] == ' ' {
			i++
		}
		j := i
		for j < len(s) && s[j] != ' ' {
			j++
		}
		if j > i {
			out = append(out, [2]int{i, j})
		}
		i = j
	}
	return out
}

// nameWord reports whether word can be part of a personal name: capitalised, an initial, or a
// particle (a particle cannot end the name).
func nameWord(word string, last bool) bool {
	r, _ := utf8.DecodeRuneInString(word)
	if unicode.IsUpper(r) {
		return !strings.HasSuffix(word, ",") || last
	}
	if !last && nameParticles[strings.ToLower(word)] {
		return true
	}
	return strings.HasPrefix(word, "d’") || strings.HasPrefix(word, "d'") || strings.HasPrefix(word, "al-")
}

// gluePoint returns the byte offset inside word where a name glued to the end of the previous
// role begins ("1945Maksim", "affairsCordell", "b.c.e.Marcus", "Party)Grand"), or 0.
func gluePoint(word string) int {
	var prev rune
	first, _ := utf8.DecodeRuneInString(word)
	for i, r := range word {
		if i > 0 && unicode.IsUpper(r) {
			switch {
			case unicode.IsDigit(prev), prev == ')', prev == ',', prev == ';',
				prev == '.' && i >= 2 && unicode.IsLower(rune(word[i-2])):
				return i
			case unicode.IsLower(prev):
				if !unicode.IsUpper(first) {
					return i
				}
				if !innerCapital(word[:i]) {
					return i
				}
			}
		}
		prev = r
	}
	return 0
}

// innerCapital reports whether prefix is the start of a name with an inner capital.
func innerCapital(prefix string) bool {
	for _, p := range innerCapitalPrefixes {
		if prefix == p {
			return true
		}
	}
	return false
}
