package book

import (
	"strings"
)

// How the index reads a person's name. A name is cut into what the text calls the person by
// (the surname, or the name itself for one who has no surname: "Calpurnia", "Nicholas II",
// "William the Conqueror", "Alexandra Fyodorovna") and what comes before it (the given
// names); titles ("Sir", "Grand Duke", "first Earl") and a closing "Jr." or regnal number
// are set aside. The index compares people by these parts, finds them in the text by the
// words a writer uses after the first mention, and sorts them by the heading it makes of
// them ("Roosevelt, Franklin D.", "Hindenburg, Paul von", "Peel, Sir Robert").

// honorifics are the titles that may stand before a name; the index sets them after the
// given names in a heading and never searches the text for them.
var honorifics = map[string]bool{
	"sir": true, "dame": true, "lord": true, "lady": true, "king": true, "queen": true,
	"saint": true, "st": true, "prince": true, "princess": true, "pope": true, "bishop": true,
	"archbishop": true, "cardinal": true, "emperor": true, "empress": true, "czar": true,
	"tsar": true, "czarina": true, "tsarina": true, "president": true, "general": true,
	"admiral": true, "marshal": true, "field": true, "count": true, "countess": true,
	"baron": true, "baroness": true, "duke": true, "duchess": true, "earl": true,
	"dr": true, "mr": true, "mrs": true, "ms": true, "abbess": true, "abbot": true,
	"father": true, "rev": true, "reverend": true, "captain": true, "colonel": true,
	"grand": true, "chief": true, "sultan": true, "shah": true, "kaiser": true,
}

// ordinals stand before a title in a peerage ("first Earl Haig").
var ordinals = map[string]bool{
	"first": true, "second": true, "third": true, "fourth": true, "fifth": true, "sixth": true,
	"seventh": true, "eighth": true, "ninth": true, "tenth": true, "1st": true, "2nd": true,
	"3rd": true,
}

// particles may stand, lowercase, between the given names and the surname ("Paul von
// Hindenburg", "Éamon de Valera"); a heading sets them after the given names.
var particles = map[string]bool{
	"de": true, "del": true, "della": true, "der": true, "den": true, "di": true, "da": true,
	"du": true, "dos": true, "das": true, "do": true, "la": true, "le": true, "van": true,
	"von": true, "zu": true, "ten": true, "ter": true, "bin": true, "ibn": true, "al": true,
	"el": true, "und": true, "y": true, "e": true,
}

// epithetWords begin what follows a name that is no surname: "of" in "Odo of Bayeux", "the"
// in "William the Conqueror".
var epithetWords = map[string]bool{"of": true, "the": true}

// praenomina are the Roman first names: a name that begins with one and has three words or
// more is a Roman's, whom the text may call by the nomen as well as by the cognomen
// ("Cassius" for Gaius Cassius Longinus).
var praenomina = map[string]bool{
	"gaius": true, "marcus": true, "lucius": true, "publius": true, "quintus": true,
	"decimus": true, "titus": true, "tiberius": true, "gnaeus": true, "aulus": true,
	"servius": true, "sextus": true, "spurius": true, "manius": true, "appius": true,
}

// nameKind says how a name is built.
type nameKind uint8

const (
	// ordinary is given names and a surname: "Franklin D. Roosevelt".
	ordinary nameKind = iota
	// single is one word: "Calpurnia", "Miltiades".
	single
	// core is a name that has no surname but a number or an epithet after it ("Nicholas II",
	// "William the Conqueror") or a patronymic ("Alexandra Fyodorovna"): the text calls the
	// person by its first part.
	core
	// acronym is initials in capitals: "FDR".
	acronym
)

// name is a personal name as the index reads it.
type name struct {
	kind nameKind
	// full is the name's words, folded, titles left out: what two spellings of one name share
	// ("franklin d roosevelt", "nicholas ii").
	full []string
	// given are the folded given names of an ordinary name.
	given []string
	// call is what the text calls the person by, folded: the surname of an ordinary name, the
	// word of a single one, the part before the number, epithet or patronymic of a core name,
	// the letters of an acronym.
	call []string
	// nomina are the other names of a Roman (the nomen of "Gaius Cassius Longinus").
	nomina []string
	// heading is the name as an index sets it, surname first.
	heading string
}

// patronymic reports whether a folded word is a Russian patronymic ("aleksandrovich",
// "fyodorovna", "ilich").
func patronymic(w string) bool {
	for _, suf := range []string{"ovich", "evich", "ovna", "evna", "ichna", "ilich"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// romanNumeral reports whether a word is a regnal number written in capitals: "I", "II",
// "XIV".
func romanNumeral(w string) bool {
	if w == "" || len(w) > 6 {
		return false
	}
	for _, r := range w {
		if !strings.ContainsRune("IVXLC", r) {
			return false
		}
	}
	return true
}

// parseName reads a personal name. It returns false when s holds no word.
func parseName(s string) (name, bool) {
	ws := words(s)
	if len(ws) == 0 {
		return name{}, false
	}
	if len(ws) == 1 && isAcronym(ws[0].text) {
		w := ws[0].key
		return name{kind: acronym, full: []string{w}, call: []string{w}, heading: ws[0].text}, true
	}
	// Titles before the name: "Sir", "Grand Duke", "first Earl".
	lead := 0
	for lead < len(ws)-1 {
		f := ws[lead].key
		if honorifics[f] || ordinals[f] && !capitalised(ws[lead].text) && honorifics[ws[lead+1].key] {
			lead++
			continue
		}
		break
	}
	title := strings.TrimSpace(s[:ws[lead].from])
	body := ws[lead:]
	n := name{}
	for _, w := range body {
		n.full = append(n.full, w.key)
	}
	// A closing "Jr." (which a heading keeps after the given names), or a regnal number,
	// which says that what it follows is no surname.
	end, noSurname := len(body), false
	for end > 1 {
		if f := body[end-1].key; f == "jr" || f == "sr" {
			end--
		} else if romanNumeral(body[end-1].text) {
			end--
			noSurname = true
		} else {
			break
		}
	}
	main := body[:end]
	// An epithet: "Odo of Bayeux", "William the Conqueror".
	for i := 1; i < len(main); i++ {
		if epithetWords[main[i].text] {
			main, noSurname = main[:i], true
			break
		}
	}
	folded := make([]string, len(main))
	for i, w := range main {
		folded[i] = w.key
	}
	asWritten := strings.TrimSpace(s[body[0].from:])
	if title != "" {
		asWritten += ", " + title
	}
	switch {
	case noSurname:
		n.kind, n.call, n.heading = core, folded, asWritten
	case len(main) == 1:
		n.kind, n.call, n.heading = single, folded, asWritten
	case len(main) == 2 && patronymic(folded[1]):
		n.kind, n.call, n.heading = core, folded[:1], asWritten
	default:
		n.kind = ordinary
		last := len(main) - 1
		n.call = folded[last:]
		// The particles just before the surname are the text's ("von Hindenburg") and go
		// after the given names in a heading ("Hindenburg, Paul von").
		p := last
		for p > 1 && particles[folded[p-1]] && !capitalised(main[p-1].text) {
			p--
		}
		for _, w := range folded[:p] {
			if !particles[w] {
				n.given = append(n.given, w)
			}
		}
		if praenomina[folded[0]] && len(main) >= 3 {
			n.nomina = append(n.nomina, n.given[1:]...)
		}
		rest := strings.TrimSpace(s[main[0].from:main[last].from])
		if title != "" {
			rest = title + " " + rest
		}
		n.heading = s[main[last].from:main[last].to] + ", " + rest
		if end < len(body) {
			n.heading += ", " + strings.TrimLeft(strings.TrimSpace(s[main[last].to:]), ", ")
		}
	}
	return n, true
}

// isAcronym reports whether a word is initials in capitals: two to five capital letters, no
// regnal number ("FDR", "JFK", not "II").
func isAcronym(w string) bool {
	if len(w) < 2 || len(w) > 5 || romanNumeral(w) {
		return false
	}
	for _, r := range w {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// initials returns the first letters of a name's words, for comparing with an acronym:
// "fdr" for "franklin delano roosevelt".
func (n *name) initials() string {
	if len(n.full) < 2 {
		return ""
	}
	var b strings.Builder
	for _, w := range n.full {
		if particles[w] {
			continue
		}
		r := []rune(w)
		b.WriteRune(r[0])
	}
	return b.String()
}

// compatibleGiven reports whether two lists of given names can be one person's: the first
// names agree, and the other names of the shorter list appear in the longer in order. Names
// agree when equal or when one is the other's initial: "Franklin D." and "Franklin Delano",
// "Joseph" and "Joseph Vissarionovich". A list that is empty agrees with any.
func compatibleGiven(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	if !agree(a[0], b[0]) {
		return false
	}
	short, long := a[1:], b[1:]
	if len(short) > len(long) {
		short, long = long, short
	}
	j := 0
	for _, w := range short {
		for j < len(long) && !agree(w, long[j]) {
			j++
		}
		if j == len(long) {
			return false
		}
		j++
	}
	return true
}

// agree reports whether two folded given names may be one: equal, or one the other's
// initial.
func agree(a, b string) bool {
	switch {
	case a == b:
		return true
	case len(a) == 1:
		return strings.HasPrefix(b, a)
	case len(b) == 1:
		return strings.HasPrefix(a, b)
	}
	return false
}

// equalWords reports whether two folded word lists are equal.
func equalWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
