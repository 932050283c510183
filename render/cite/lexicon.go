package cite

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"galley/render/cite/internal/words"
	"galley/source"
	"galley/source/cal"
)

// APA writes titles in sentence case, which keeps proper nouns, and only them, capitalised.
// Two sources decide what is proper. English word lists (SCOWL and WordNet, package words)
// know "Kremlin", "Victorian" and "Jacobean" as proper, "revolution" and "beauty" as common,
// "Soviet" and "Marathon" as either, and names of several words ("Great War", "Book of Common
// Prayer"). The article knows its own names: what it writes capitalised in the middle of a
// sentence and never in lowercase, the runs of such words ("Battle of Marathon", "Public
// Record Office"), its people's names, its places, its publishers.

// Mark is what an article's text says of a word or a run of words.
type Mark uint8

// Marks of a lexicon's entries.
const (
	// Capital: the word is written capitalised in the middle of a sentence.
	Capital Mark = 1 << iota
	// Lower: the word (the entry is its lowercase form) is written in lowercase.
	Lower
	// Alone: the word is written capitalised as a name of one word ("the Blues"), not only
	// inside a longer name ("Velvet Revolution").
	Alone
	// Named: the word is a word of a person's name, or a place's or a publisher's name of
	// one word.
	Named
	// Unit: the entry is a run of words written as one name ("Soviet Union", "Battle of
	// Marathon", "Central Board of Health").
	Unit
)

// Lexicon is what an article writes of its words' capitals: words as written (Capital,
// Alone, Named), words in lowercase (Lower) and runs of words (Unit).
type Lexicon map[string]Mark

// proper reports whether the article treats w as proper: written capitalised mid-sentence
// and never in lowercase.
func (lex Lexicon) proper(w string) bool {
	return lex[w]&Capital != 0 && lex.neverLower(w)
}

// neverLower reports whether the article never writes w in lowercase.
func (lex Lexicon) neverLower(w string) bool {
	return lex[strings.ToLower(w)]&Lower == 0
}

// maxPhrase bounds the length, in words, of the runs a lexicon records.
const maxPhrase = 6

// NewLexicon collects the lexicon of a document from its running text (abstract, summary,
// sections, figure captions, key figures' roles, the bibliography's annotations), its key
// figures' names and aliases, its locales, and its bibliography's places and publishers.
// Italic and code runs (titles of works, quoted code) are left out.
func NewLexicon(doc *source.Document) Lexicon {
	c := &collector{lex: Lexicon{}}
	if doc == nil {
		return c.lex
	}
	c.blocks(doc.Abstract)
	c.text(doc.Summary, true)
	for _, s := range doc.Sections {
		c.blocks(s.Blocks)
	}
	for _, e := range doc.Bibliography {
		c.text(e.Item.Annote, true)
	}
	for _, f := range doc.KeyFigures {
		if f.Raw {
			continue
		}
		c.names(f.Name)
		for _, a := range f.Aliases {
			c.names(a)
		}
		c.text(f.Role, false)
	}
	for _, l := range doc.Locales {
		for _, part := range strings.FieldsFunc(l, func(r rune) bool { return r == ',' || r == '(' || r == ')' }) {
			c.place(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(part), "now ")))
		}
	}
	for _, e := range doc.Bibliography {
		for _, part := range strings.Split(e.Item.PublisherPlace, ",") {
			c.place(part)
		}
		c.place(e.Item.Publisher)
	}
	return c.lex
}

// collector gathers the evidence for a lexicon.
type collector struct {
	lex Lexicon
}

// blocks reads the running text of paragraphs and the captions of figures, inside lists and
// quotations too; headings, code and tables are no running text.
func (c *collector) blocks(bs []source.Block) {
	source.Inspect(bs, func(b source.Block) bool {
		switch b := b.(type) {
		case *source.Paragraph:
			c.inlines(b.Inlines)
		case *source.Figure:
			c.text(b.Caption, true)
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
	c.text(b.String(), true)
}

// word is one word of running text with what surrounds it.
type word struct {
	core    string // letters, digits, inner apostrophes, periods and hyphens
	start   bool   // it may begin a sentence
	breakAf bool   // punctuation follows it, so no phrase runs on past it
}

// particles join the capitalised words of a name: "Battle of Marathon", "House of Lords".
var particles = map[string]bool{
	"of": true, "the": true, "de": true, "von": true, "van": true, "du": true, "la": true,
	"le": true, "upon": true, "da": true, "del": true, "der": true,
}

// text reads running text; opens tells whether it opens a sentence (a key figure's role
// follows the name, in the middle of one).
func (c *collector) text(s string, opens bool) {
	ws := splitWords(s)
	if len(ws) > 0 && !opens {
		ws[0].start = false
	}
	var run []word // the current run: capitalised words, and particles between them
	flush := func() {
		c.run(run)
		run = run[:0]
	}
	for _, w := range ws {
		for i, p := range strings.FieldsFunc(w.core, isHyphen) {
			switch {
			case isCapital(p) && (i > 0 || !w.start):
				c.lex[stripPossessive(p)] |= Capital
			case startsLowerRune(p):
				c.lex[strings.ToLower(stripPossessive(p))] |= Lower
			}
		}
		switch {
		case isCapital(w.core) && !w.start:
			run = append(run, w)
		case isCapital(w.core):
			flush() // a word that may be capitalised only because it opens a sentence
		case particles[w.core] && len(run) > 0:
			run = append(run, w)
		default:
			flush()
		}
		if w.breakAf {
			flush()
		}
	}
	flush()
}

// run records a run of capitalised words and the particles between them: a word alone, or
// the run and the shorter names that end it, from each capitalised word on ("General Post
// Office", "Post Office"; not "Great Irish" of "Great Irish Famine").
func (c *collector) run(run []word) {
	for len(run) > 0 && !isCapital(run[len(run)-1].core) {
		run = run[:len(run)-1]
	}
	switch len(run) {
	case 0:
		return
	case 1:
		c.lex[stripPossessive(run[0].core)] |= Alone
		return
	}
	for i := max(0, len(run)-maxPhrase); i <= len(run)-2; i++ {
		if isCapital(run[i].core) {
			c.lex[phraseKey(run[i:])] |= Unit
		}
	}
}

// names adds a person's name: each of its capitalised words is a name ("Franklin",
// "Roosevelt"), and so are their runs.
func (c *collector) names(s string) {
	c.name(s, true)
}

// place adds the name of a place or a publisher: a name of one word ("London",
// "Routledge"), or a run of words ("New Haven", "Imperial War Museum") whose words are no
// names by themselves.
func (c *collector) place(s string) {
	c.name(s, false)
}

// name adds a name's runs of capitalised words, and its words when each is a name.
func (c *collector) name(s string, eachWord bool) {
	var run []word
	flush := func() {
		if len(run) == 1 && !eachWord {
			c.lex[stripPossessive(run[0].core)] |= Named
		}
		c.run(run)
		run = run[:0]
	}
	for _, w := range splitWords(s) {
		w.start = false
		if isCapital(w.core) {
			if eachWord {
				for _, p := range strings.FieldsFunc(w.core, isHyphen) {
					if isCapital(p) {
						c.lex[stripPossessive(p)] |= Named
					}
				}
			}
			run = append(run, w)
			continue
		}
		if particles[w.core] && len(run) > 0 {
			run = append(run, w)
			continue
		}
		flush()
	}
	flush()
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
		if strings.HasPrefix(trail, ".") && (isAbbrevWord(core) || nameAbbrevs[core]) {
			core, trail = core+".", trail[1:]
		}
		if len(lead) < len(tok) && len(out) > 0 {
			out[len(out)-1].breakAf = true
		}
		out = append(out, word{core: core, start: start, breakAf: trail != ""})
		start = strings.ContainsAny(trail, ".?!:") ||
			strings.HasSuffix(core, ".") && !nameAbbrevs[strings.TrimSuffix(core, ".")]
	}
	return out
}

// nameAbbrevs are abbreviations inside names, after which no sentence ends: "St.
// Petersburg", "Mt. Athos".
var nameAbbrevs = map[string]bool{"St": true, "Ste": true, "Mt": true, "Ft": true}

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
// capital, and so do the words that are proper or part of a name; every other word is
// lowercased. A word is part of a name when it is in a run the article writes as one
// ("Battle of Marathon"), in a name the word lists know ("Great War"), or the head of a
// polity or event after a proper word ("Roman Empire", "Punic War"). A word alone is proper
// when it is an acronym, a roman numeral, a mixed-case word or "I"; a word of a person's
// name, a place or a publisher; proper in the word lists ("Kremlin"); unknown to them and
// never written in lowercase ("Whitby"); either in the word lists and written by the article
// capitalised, on its own too, and never in lowercase ("Soviet"); common in the word lists but written by the article as a name of its own, and
// not after "a" or "an" ("the Blues"); or a title before a proper name ("King George IV").
// The parts of a hyphenated word are decided one by one ("Anglo-Saxon", "Self-government").
func SentenceCase(title string, lex Lexicon) string {
	toks := strings.Fields(title)
	if len(toks) == 0 {
		return title
	}
	ts := make([]titleWord, len(toks))
	for i, t := range toks {
		lead := strings.TrimLeftFunc(t, isOpenPunct)
		core := strings.TrimRightFunc(lead, isTrailPunct)
		trail := lead[len(core):]
		if strings.HasPrefix(trail, ".") && (isAbbrevWord(core) || nameAbbrevs[core]) {
			core, trail = core+".", trail[1:]
		}
		ts[i] = titleWord{lead: t[:len(t)-len(lead)], core: core, trail: trail}
	}
	first := true
	for i := range ts {
		ts[i].first = first
		if ts[i].core != "" || ts[i].trail != "" {
			first = strings.ContainsAny(ts[i].trail, ".:?!") || strings.HasSuffix(ts[i].trail, "—")
		}
	}
	units(ts, lex)
	for i := range ts {
		if t := &ts[i]; !t.decided && isCapital(t.core) {
			t.keep = properWord(ts, i, lex)
		}
	}
	heads(ts)
	var b strings.Builder
	for i, t := range ts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.lead)
		switch {
		case t.core == "" || t.keep:
			b.WriteString(t.core)
		case t.decided && !t.first:
			b.WriteString(lowerFirst(t.core))
		default:
			// The first word keeps its capital; the parts after a hyphen are words like any
			// other ("Self-government", "Anglo-Saxon").
			for k, p := range strings.Split(t.core, "-") {
				if k > 0 {
					b.WriteByte('-')
				}
				if k == 0 && t.first || properPart(p, lex) {
					b.WriteString(p)
				} else {
					b.WriteString(lowerFirst(p))
				}
			}
		}
		b.WriteString(t.trail)
	}
	return b.String()
}

// titleWord is one word of a title and what is decided of it.
type titleWord struct {
	lead, core, trail string
	first             bool // it opens the title or a subtitle
	keep              bool // it keeps its capital
	decided           bool // a name decided its case: keep says which
}

// units marks the words of the title that are names of several words: runs the article
// writes as one, and names the word lists know, longest first.
func units(ts []titleWord, lex Lexicon) {
	longest := max(maxPhrase, words.MaxName())
	for i := 0; i < len(ts); i++ {
		if !isCapital(ts[i].core) {
			continue
		}
		for j := min(len(ts), i+longest); j >= i+2; j-- {
			if !isCapital(ts[j-1].core) || !joined(ts[i:j]) {
				continue
			}
			parts := make([]string, 0, j-i)
			for k := i; k < j; k++ {
				parts = append(parts, ts[k].core)
			}
			parts[len(parts)-1] = stripPossessive(parts[len(parts)-1])
			phrase := strings.Join(parts, " ")
			if lex[phrase]&Unit != 0 {
				for k := i; k < j; k++ {
					ts[k].keep, ts[k].decided = isCapital(ts[k].core), true
				}
				i = j - 1
				break
			}
			if name, ok := words.Name(phrase); ok {
				for k, w := range strings.Split(name, " ") {
					ts[i+k].keep, ts[i+k].decided = isCapital(w), true
				}
				i = j - 1
				break
			}
		}
	}
}

// joined reports whether title words run on as one name: no punctuation between them, and
// lowercase words only among the particles.
func joined(ts []titleWord) bool {
	for k, t := range ts {
		if (k > 0 && t.lead != "") || (k < len(ts)-1 && t.trail != "" && !strings.HasSuffix(t.core, ".")) {
			return false
		}
		if !isCapital(t.core) && !particles[strings.ToLower(t.core)] {
			return false
		}
	}
	return true
}

// properWord decides whether the capitalised title word ts[i] is proper.
func properWord(ts []titleWord, i int, lex Lexicon) bool {
	w := stripPossessive(ts[i].core)
	if strings.ContainsRune(w, '-') {
		return false // decided part by part
	}
	if properPart(w, lex) {
		return true
	}
	switch words.Of(w) {
	case words.Common:
		// A common word the article writes as a name of its own ("the Blues"), unless the
		// title uses it as a common noun ("an unfinished revolution").
		if lex[w]&Alone != 0 && lex.neverLower(w) && !generic(ts, i) {
			return true
		}
	}
	// A title before a proper name: "King George IV", "Father Garnet".
	if honorifics[w] && i+1 < len(ts) && isCapital(ts[i+1].core) && ts[i].trail == "" {
		return ts[i+1].keep || properPart(stripPossessive(ts[i+1].core), lex)
	}
	return false
}

// generic reports whether the title word ts[i] is a common noun after "a" or "an" in its
// noun phrase ("an unfinished revolution").
func generic(ts []titleWord, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if ts[k].trail != "" {
			return false
		}
		if indefinite[strings.ToLower(ts[k].core)] {
			return true
		}
	}
	return false
}

// properPart decides a word or a part of a hyphenated word by itself: an acronym, a roman
// numeral, a mixed-case word, "I", a name's word, a word the word lists know as proper, an
// unknown word the article never writes in lowercase, or a word of either kind that the
// article writes as proper, and as a name of its own.
func properPart(w string, lex Lexicon) bool {
	w = stripPossessive(w)
	r, n := utf8.DecodeRuneInString(w)
	switch {
	case !unicode.IsUpper(r):
		return false
	case w == "I" || isAbbrevWord(strings.TrimSuffix(w, ".")) || strings.IndexFunc(w[n:], unicode.IsUpper) >= 0:
		return true
	case lex[w]&Named != 0 || cal.MonthOf(w) > 0:
		return true
	}
	switch words.Of(w) {
	case words.Proper:
		return true
	case words.Unknown:
		return lex.neverLower(w)
	case words.Either:
		// "Soviet" in "the Soviet Union" and "Soviet officials", not "Great" only in "the
		// Great Famine".
		return lex.proper(w) && lex[w]&Alone != 0
	}
	return false
}

// heads keeps the head noun of a polity or an event after a proper word and at most two
// more capitalised words ("the Roman Empire", "the Russian Civil War"), and an ordinal
// before such a name ("the Second Punic War").
func heads(ts []titleWord) {
	for j := 1; j < len(ts); j++ {
		if !polityHeads[stripPossessive(ts[j].core)] || ts[j].lead != "" {
			continue
		}
		// The name's start: back over capitalised words joined to the head, not over a
		// possessive ("America’s Secret War" is America's war, no name).
		i := j
		for i > 0 && j-i < 3 && isCapital(ts[i-1].core) && ts[i-1].trail == "" && ts[i].lead == "" &&
			stripPossessive(ts[i-1].core) == ts[i-1].core {
			i--
		}
		if !ts[j].keep {
			k := i
			for k < j && !ts[k].keep {
				k++
			}
			if k == j {
				continue // no proper word before the head
			}
			for ; k <= j; k++ {
				ts[k].keep = true
			}
		}
		for i < j && !ts[i].keep {
			i++
		}
		if i > 0 && ordinalWords[ts[i-1].core] && ts[i-1].trail == "" {
			ts[i-1].keep = true
		}
	}
}

// lowerFirst lowercases a word's first letter.
func lowerFirst(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return w
	}
	return string(unicode.ToLower(r)) + w[n:]
}

// polityHeads end the names of polities and events: "Roman Empire", "Punic War".
var polityHeads = map[string]bool{
	"Empire": true, "Empires": true, "Republic": true, "Revolution": true, "Revolutions": true,
	"War": true, "Wars": true, "Dynasty": true, "Kingdom": true, "Caliphate": true,
	"Crusade": true, "Crusades": true, "Sultanate": true, "Khanate": true,
}

// ordinalWords number wars and republics: "Second Punic War", "Fifth Republic".
var ordinalWords = map[string]bool{
	"First": true, "Second": true, "Third": true, "Fourth": true, "Fifth": true, "Sixth": true,
	"Seventh": true, "Eighth": true, "Ninth": true, "Tenth": true,
}

// honorifics are titles that are part of the proper name after them.
var honorifics = map[string]bool{
	"King": true, "Queen": true, "Pope": true, "Saint": true, "St.": true, "Father": true,
	"Lord": true, "Lady": true, "Sir": true, "Emperor": true, "Empress": true, "Bishop": true,
	"Archbishop": true, "Abbess": true, "Abbot": true, "Prince": true, "Princess": true,
	"General": true, "President": true, "Czar": true, "Tsar": true, "Cardinal": true,
	"Duke": true, "Earl": true, "Count": true, "Captain": true, "Colonel": true, "Admiral": true,
	"Sultan": true, "Caliph": true, "Mother": true, "Sister": true, "Brother": true,
}

// indefinite articles use the noun after them as a common noun.
var indefinite = map[string]bool{"a": true, "an": true}
