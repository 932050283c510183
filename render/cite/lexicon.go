package cite

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"galley/source"
)

// APA writes titles in sentence case, which keeps proper nouns capitalised. What is a proper
// noun is decided by the article itself: a word the article writes capitalised in the middle
// of a sentence, and never in lowercase, is proper ("Russia", "American"); a run of such
// words is a proper name ("Soviet Union", "Foreign Affairs") even when its words alone are
// common ("foreign policy"). Key figures' names and the locales are proper by definition.

// Lexicon is the set of words an article writes capitalised mid-sentence: single words
// ("Russia") and runs of capitalised words joined by single spaces ("Soviet Union").
type Lexicon map[string]bool

// maxPhrase bounds the length, in words, of the runs a lexicon records.
const maxPhrase = 6

// NewLexicon collects the lexicon of a document from its running text (abstract, summary,
// sections, figure captions, the bibliography's annotations), its key figures' names and
// aliases, and its locales. Italic and code runs (titles of works, quoted code) are left out.
func NewLexicon(doc *source.Document) Lexicon {
	c := &collector{caps: map[string]bool{}, lower: map[string]bool{}, lex: Lexicon{}}
	if doc == nil {
		return c.lex
	}
	c.blocks(doc.Abstract)
	c.text(doc.Summary)
	for _, s := range doc.Sections {
		c.blocks(s.Blocks)
	}
	for _, e := range doc.Bibliography {
		c.text(e.Item.Annote)
	}
	for w := range c.caps {
		if !c.lower[strings.ToLower(w)] {
			c.lex[w] = true
		}
	}
	for _, f := range doc.KeyFigures {
		if f.Raw {
			continue
		}
		c.names(f.Name)
		for _, a := range f.Aliases {
			c.names(a)
		}
	}
	for _, l := range doc.Locales {
		for _, part := range strings.Split(l, ",") {
			c.names(strings.Trim(strings.TrimSpace(part), "()"))
		}
	}
	return c.lex
}

// collector gathers the evidence for a lexicon.
type collector struct {
	caps  map[string]bool // words seen capitalised mid-sentence
	lower map[string]bool // words seen in lowercase (lowercased)
	lex   Lexicon
}

// blocks reads the running text of paragraphs and the captions of figures, inside lists and
// quotations too; headings, code and tables are no running text.
func (c *collector) blocks(bs []source.Block) {
	source.Inspect(bs, func(b source.Block) bool {
		switch b := b.(type) {
		case *source.Paragraph:
			c.inlines(b.Inlines)
		case *source.Figure:
			c.text(b.Caption)
		}
		return true
	})
}

// inlines reads a paragraph's roman runs; italic and code runs become gaps, so no phrase
// runs across them.
func (c *collector) inlines(runs []source.Inline) {
	var b strings.Builder
	for _, r := range runs {
		if r.Style&(source.Italic|source.Code) != 0 {
			b.WriteString(" \x00 ")
			continue
		}
		b.WriteString(r.Text)
		b.WriteByte(' ')
	}
	c.text(b.String())
}

// word is one word of running text with what surrounds it.
type word struct {
	core    string // letters, digits, inner apostrophes, periods and hyphens
	start   bool   // it may begin a sentence
	breakAf bool   // punctuation follows it, so no phrase runs on past it
}

// text reads running text.
func (c *collector) text(s string) {
	ws := splitWords(s)
	var run []word // the current run of capitalised words
	flush := func() {
		c.phrases(run)
		run = run[:0]
	}
	for _, w := range ws {
		parts := strings.FieldsFunc(w.core, isHyphen)
		capital := isCapital(w.core)
		for i, p := range parts {
			if p == "" {
				continue
			}
			switch {
			case isCapital(p) && (i > 0 || !w.start):
				c.caps[stripPossessive(p)] = true
			case startsLowerRune(p):
				c.lower[strings.ToLower(stripPossessive(p))] = true
			}
		}
		if capital {
			run = append(run, w)
		} else {
			flush()
		}
		if w.breakAf {
			flush()
		}
	}
	flush()
}

// phrases records every run of two or more capitalised words that does not begin with a
// word that may only be capitalised because it starts a sentence.
func (c *collector) phrases(run []word) {
	for i := range run {
		if run[i].start {
			continue
		}
		for j := i + 2; j <= len(run) && j-i <= maxPhrase; j++ {
			c.lex[phraseKey(run[i:j])] = true
		}
	}
}

// names adds a name or a place to the lexicon: its capitalised words and their runs.
func (c *collector) names(s string) {
	ws := splitWords(s)
	var run []word
	for _, w := range ws {
		w.start = false
		if isCapital(w.core) {
			for _, p := range strings.FieldsFunc(w.core, isHyphen) {
				if isCapital(p) {
					c.lex[stripPossessive(p)] = true
				}
			}
			run = append(run, w)
			continue
		}
		c.phrases(run)
		run = run[:0]
	}
	c.phrases(run)
}

func phraseKey(ws []word) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.core
	}
	parts[len(parts)-1] = stripPossessive(parts[len(parts)-1])
	return strings.Join(parts, " ")
}

// splitWords splits text into words, marking those that may begin a sentence (the first,
// and any after '.', '?', '!' or ':', or after an abbreviation's period) and those followed
// by punctuation, across which no run of words continues.
func splitWords(s string) []word {
	var out []word
	start := true
	for _, tok := range strings.Fields(s) {
		lead := strings.TrimLeftFunc(tok, isOpenPunct)
		core := strings.TrimRightFunc(lead, isTrailPunct)
		if !hasLetterRune(core) {
			// Punctuation or a number breaks a run, and may end a sentence.
			if len(out) > 0 {
				out[len(out)-1].breakAf = true
			}
			if strings.ContainsAny(tok, ".?!:") {
				start = true
			}
			continue
		}
		trail := lead[len(core):]
		if strings.HasPrefix(trail, ".") && isAbbrevWord(core) {
			core, trail = core+".", trail[1:]
		}
		if len(lead) < len(tok) && len(out) > 0 {
			out[len(out)-1].breakAf = true
		}
		out = append(out, word{core: core, start: start, breakAf: trail != ""})
		start = strings.ContainsAny(trail, ".?!:") || strings.HasSuffix(core, ".")
	}
	return out
}

// isAbbrevWord reports initials and initialisms written with periods ("U.S", "D", "B.C").
func isAbbrevWord(core string) bool {
	for _, p := range strings.Split(core, ".") {
		if utf8.RuneCountInString(p) != 1 {
			return false
		}
		if r, _ := utf8.DecodeRuneInString(p); !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func isHyphen(r rune) bool { return r == '-' || r == '–' }

func isOpenPunct(r rune) bool {
	return strings.ContainsRune("“‘\"'([{¿¡", r)
}

func isTrailPunct(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

func hasLetterRune(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// isCapital reports whether a word begins with a capital letter.
func isCapital(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func startsLowerRune(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// stripPossessive drops a possessive ending: "Stalin’s" is "Stalin", "Jesus’" is "Jesus".
func stripPossessive(w string) string {
	for _, e := range []string{"’s", "'s", "’", "'"} {
		if strings.HasSuffix(w, e) && len(w) > len(e) {
			return w[:len(w)-len(e)]
		}
	}
	return w
}

// SentenceCase writes a title in sentence case (APA 6.17): the first word of the title and
// of a subtitle (after a colon, a question mark, an exclamation mark or an em dash) keep their
// capital, as do acronyms and mixed-case words ("FDR", "U.S.", "McKinley"), the pronoun "I",
// and the words and runs of words the lexicon knows as proper; every other word is lowercased.
func SentenceCase(title string, lex Lexicon) string {
	toks := strings.Fields(title)
	if len(toks) == 0 {
		return title
	}
	type tk struct {
		lead, core, trail string
	}
	ts := make([]tk, len(toks))
	for i, t := range toks {
		lead := strings.TrimLeftFunc(t, isOpenPunct)
		core := strings.TrimRightFunc(lead, isTrailPunct)
		trail := lead[len(core):]
		if strings.HasPrefix(trail, ".") && isAbbrevWord(core) {
			core, trail = core+".", trail[1:]
		}
		ts[i] = tk{lead: t[:len(t)-len(lead)], core: core, trail: trail}
	}
	// Runs of words the lexicon knows as a name keep their capitals.
	keep := make([]bool, len(ts))
	for i := range ts {
		for j := min(len(ts), i+maxPhrase); j >= i+2; j-- {
			ok := true
			parts := make([]string, 0, j-i)
			for k := i; k < j; k++ {
				if !isCapital(ts[k].core) || (k > i && ts[k].lead != "") || (k < j-1 && ts[k].trail != "") {
					ok = false
					break
				}
				parts = append(parts, ts[k].core)
			}
			if !ok {
				continue
			}
			parts[len(parts)-1] = stripPossessive(parts[len(parts)-1])
			if lex[strings.Join(parts, " ")] {
				for k := i; k < j; k++ {
					keep[k] = true
				}
				break
			}
		}
	}
	// A proper word followed by the head noun of a named event or institution is a name
	// ("the American Revolution", "the British Empire", "the Russian Civil War"), though the
	// article may never write it.
	for i := range ts {
		if !isCapital(ts[i].core) || stripPossessive(ts[i].core) != ts[i].core || !(keep[i] || lex[stripPossessive(ts[i].core)] || derivedProper(ts[i].core, lex)) {
			continue
		}
		for j := i + 1; j < len(ts) && j-i < 4; j++ {
			if !isCapital(ts[j].core) || ts[j].lead != "" || ts[j-1].trail != "" {
				break
			}
			if headNouns[stripPossessive(ts[j].core)] {
				for k := i; k <= j; k++ {
					keep[k] = true
				}
			}
		}
	}
	var b strings.Builder
	first := true
	for i, t := range ts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.lead)
		switch {
		case t.core == "" || keep[i]:
			b.WriteString(t.core)
		default:
			// The first word keeps its capital; the parts after its hyphens are words like
			// any other ("Self-government").
			parts := strings.Split(t.core, "-")
			for k, p := range parts {
				if k > 0 {
					b.WriteByte('-')
				}
				if k == 0 && first {
					b.WriteString(p)
				} else {
					b.WriteString(lowerWord(p, lex))
				}
			}
		}
		b.WriteString(t.trail)
		if t.core != "" || t.trail != "" {
			first = strings.ContainsAny(t.trail, ".:?!") || strings.HasSuffix(t.trail, "—")
		}
	}
	return b.String()
}

// lowerWord lowercases a word's first letter unless the word is proper: an acronym or
// mixed-case word, "I", or a word in the lexicon.
func lowerWord(w string, lex Lexicon) string {
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return w
	}
	base := stripPossessive(w)
	if w == "I" || isAbbrevWord(strings.TrimSuffix(w, ".")) || strings.IndexFunc(w[n:], unicode.IsUpper) >= 0 ||
		lex[base] || derivedProper(base, lex) {
		return w
	}
	return string(unicode.ToLower(r)) + w[n:]
}

// Proper adjectives and plurals are proper too: "Russian" of "Russia", "Japanese" of
// "Japan", "Bolshevism" of "Bolshevik", "Caesars" of "Caesar". A word is derived from a
// lexicon word when removing one of these endings and adding one of the stem endings gives it.
var (
	derivedEndings = []string{"ians", "ans", "ian", "an", "ns", "n", "ese", "ish", "isms", "ism",
		"ists", "ist", "ites", "ite", "ic", "s", ""}
	stemEndings = []string{"", "a", "e", "o", "y", "ia", "ik", "ic", "and", "en", "ey", "ain"}
)

// headNouns end the names of events and institutions.
var headNouns = map[string]bool{
	"Revolution": true, "Revolutions": true, "War": true, "Wars": true, "Empire": true,
	"Republic": true, "Dynasty": true, "Army": true, "Navy": true, "Party": true, "Union": true,
	"Church": true, "Treaty": true, "Conference": true, "Congress": true, "Parliament": true,
	"Rebellion": true, "Uprising": true, "Front": true, "Reformation": true, "Crusade": true,
	"Crusades": true, "Mutiny": true, "Commune": true, "Revolt": true, "Campaign": true,
	"Offensive": true, "Expedition": true, "Kingdom": true, "Senate": true, "Academy": true,
	"Resistance": true, "Occupation": true, "Blockade": true, "Famine": true, "Schism": true,
	"Constitution": true, "Declaration": true, "Revival": true,
}

// minStem is the shortest stem that derivation considers, so that short words do not match
// by accident.
const minStem = 3

// derivedProper reports whether w is derived from a word of the lexicon.
func derivedProper(w string, lex Lexicon) bool {
	for _, e := range derivedEndings {
		stem, ok := strings.CutSuffix(w, e)
		if !ok || len(stem) < minStem {
			continue
		}
		for _, se := range stemEndings {
			if c := stem + se; c != w && lex[c] {
				return true
			}
		}
	}
	return false
}
