package bib

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Names in bibliography entries. The first name of an entry is inverted ("Ramsey, John T."),
// the others are in direct order ("A. Lewis Licht"), as are the names after "Translated by"
// and "edited by". An entry may also begin with a corporate author ("Great Britain. War
// Office.") or a single name ("Plutarch.").

// Roles of the names at the head of an entry.
const (
	roleAuthor     = "author"
	roleEditor     = "editor"
	roleTranslator = "translator"
	roleEdTrans    = "editor+translator"
)

// head is what precedes the title: the names and the role they play.
type head struct {
	names []Name
	role  string
	// corporate is set when the head is one literal name that may continue with the next
	// sentence ("Great Britain. War Office.").
	corporate bool
}

// particles are the lowercase words that belong to a surname ("von Rummel", "de Gaulle").
var particles = map[string]bool{
	"de": true, "von": true, "van": true, "der": true, "den": true, "del": true, "della": true,
	"di": true, "da": true, "du": true, "la": true, "le": true, "les": true, "des": true,
	"y": true, "e": true, "bin": true, "ibn": true, "ben": true, "al": true, "el": true,
	"zu": true, "af": true, "av": true, "ten": true, "ter": true, "te": true, "dos": true,
	"das": true, "do": true, "d’": true, "d'": true, "’t": true, "'t": true, "vom": true,
	"zur": true,
}

// capParticles begin a compound surname when a given name precedes them in direct order
// ("Cormac Ó Gráda", "Martin Van Buren").
var capParticles = map[string]bool{
	"Ó": true, "Ní": true, "Nic": true, "Ua": true, "Mac": true, "Van": true, "Von": true,
	"De": true, "Del": true, "Della": true, "Di": true, "Da": true, "Du": true, "La": true,
	"Le": true, "Dos": true, "Das": true, "St.": true, "Ter": true, "Ten": true,
}

// nameSuffixes follow a name after a comma ("King, Martin Luther, Jr.").
var nameSuffixes = map[string]bool{
	"Jr.": true, "Sr.": true, "II": true, "III": true, "IV": true, "Jr": true, "Sr": true,
}

// roleWords are the role labels that may follow the head's names after a comma.
var roleWords = map[string]string{
	"ed": roleEditor, "eds": roleEditor, "editor": roleEditor, "editors": roleEditor,
	"comp": roleEditor, "comps": roleEditor, "compiler": roleEditor, "compilers": roleEditor,
	"trans": roleTranslator, "translator": roleTranslator, "translators": roleTranslator,
	"tr": roleTranslator,
}

// corporateWords mark a name as an institution rather than a person.
var corporateWords = map[string]bool{
	"Office": true, "Department": true, "Ministry": true, "Bureau": true, "Commission": true,
	"Committee": true, "Congress": true, "Senate": true, "House": true, "Parliament": true,
	"Army": true, "Navy": true, "Admiralty": true, "Council": true, "Division": true,
	"Board": true, "Agency": true, "Service": true, "Court": true, "Assembly": true,
	"Cabinet": true, "Treasury": true, "Institute": true, "Institution": true, "Library": true,
	"Survey": true, "Society": true, "Association": true, "University": true, "Bank": true,
	"Church": true, "Government": true, "Museum": true, "Foundation": true, "Organization": true,
	"Organisation": true, "Nations": true, "League": true, "Union": true, "Party": true,
	"Company": true, "Corporation": true, "Archives": true, "Staff": true, "Academy": true,
	"Centre": true, "Center": true, "Administration": true, "Secretariat": true, "Watch": true,
	"International": true, "Federation": true, "Conference": true, "Press": true,
	"Records": true, "Command": true, "Headquarters": true, "Section": true, "Branch": true,
}

// nameLike reports whether a token can be part of a person's name: a capitalised word or an
// initial, a particle, with no digits, colons or quotes.
func nameLike(t string) bool {
	t = strings.TrimRight(t, ".,;")
	if t == "" || strings.ContainsAny(t, "0123456789:“”\"()[]") {
		return false
	}
	if particles[t] || strings.HasPrefix(t, "al-") || strings.HasPrefix(t, "el-") ||
		strings.HasPrefix(t, "d’") || strings.HasPrefix(t, "d'") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r)
}

// isNameInitial reports whether t (with its period and perhaps a comma) is an initial or an
// abbreviated given name ("M.", "A.S.,", "Wm.").
func isNameInitial(t string) bool {
	t = strings.TrimRight(t, ",")
	return isInitial(t) || (strings.HasSuffix(t, ".") && prefixAbbrevs[strings.TrimSuffix(t, ".")] &&
		!nameSuffixes[t])
}

// surnameShaped reports whether s can be the surname of an inverted name: one to four words,
// each capitalised or a particle, with no sentence punctuation.
func surnameShaped(s string) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 4 || s != strings.TrimSpace(s) {
		return false
	}
	for i, w := range ws {
		if strings.HasSuffix(w, ".") && !(w == "St." && i < len(ws)-1) {
			return false
		}
		if !nameLike(w) {
			return false
		}
	}
	return true
}

// parseHead reads the names at the start of an entry, up to the period that ends them, and
// returns the head and the index where the next sentence starts. stopAtInitial ends an
// inverted name at its first initial ("Smith, John Q. Adams." is John Q. Smith's "Adams").
// It reports false when s does not begin with names.
func parseHead(s string, stopAtInitial bool) (head, int, bool) {
	if r, _ := utf8.DecodeRuneInString(s); r == '“' || r == '"' || r == '‘' {
		return head{}, 0, false
	}
	first, ok := nextStrong(s, 0)
	comma := strings.Index(s, ", ")
	if comma > 0 && (!ok || comma < first.End) && surnameShaped(s[:comma]) {
		if h, end, ok := parseInverted(s, comma, stopAtInitial); ok {
			return h, end, true
		}
	}
	if !ok || first.End == len(s) {
		return head{}, 0, false
	}
	name := trimSentence(s[:first.End])
	if name == "" || strings.ContainsAny(name, "“”\":;?!") || !startsUpper(name) {
		return head{}, 0, false
	}
	return head{names: []Name{singleName(name)}, role: roleAuthor, corporate: true}, first.Next, true
}

// nextStrong finds the first strong sentence boundary of s at or after from.
func nextStrong(s string, from int) (boundary, bool) {
	for {
		b, ok := nextBoundary(s, from)
		if !ok || !b.Weak {
			return b, ok
		}
		from = b.End
	}
}

// singleName reads a name written without a comma: a single name ("Plutarch"), a name with an
// epithet ("Pliny the Elder", "Gregory of Tours") or an institution ("Great Britain",
// "Human Rights Watch").
func singleName(s string) Name {
	ws := strings.Fields(s)
	if len(ws) == 1 {
		return Name{Family: s}
	}
	for _, w := range ws {
		if corporateWords[strings.TrimRight(w, ".,")] {
			return Name{Literal: s}
		}
	}
	switch ws[0] {
	case "Ibn", "Abu", "Abū", "Ibn-", "Bar", "Ben":
		return Name{Family: s}
	}
	if len(ws) <= 4 && ws[0] != "The" && (ws[1] == "the" || ws[1] == "of") && len(ws) > 2 && startsUpper(ws[2]) {
		return Name{Family: s}
	}
	return Name{Literal: s}
}

// parseInverted reads "Family, Given[, and Given Family ...][, eds.]." from s, whose first
// ", " is at comma.
func parseInverted(s string, comma int, stopAtInitial bool) (head, int, bool) {
	h := head{role: roleAuthor}
	toks := newTokens(s[comma+2:], comma+2)
	// The list continues past a name only if an "and" (or "et al.") closes it before the next
	// strong boundary; computed once so that the scan stays linear.
	listEnd := len(s)
	if b, ok := nextStrong(s, comma); ok {
		listEnd = b.End
	}
	hasAnd := strings.Contains(s[comma:listEnd], " and ") || strings.Contains(s[comma:listEnd], " & ") ||
		strings.Contains(s[comma:listEnd], "et al.") || strings.Contains(s[comma:listEnd], " with ")

	family := s[:comma]
	var cur []string // tokens of the name being read
	inverted := true // the first name's tokens are its given names
	lastInitial := -1
	var names []Name
	finish := func() {
		if len(cur) == 0 {
			return
		}
		if inverted {
			names = append(names, Name{Family: family, Given: strings.Join(cur, " ")})
			inverted = false
		} else {
			names = append(names, directName(cur))
		}
		cur = nil
	}
	done := func(i int) (head, int, bool) {
		finish()
		if len(names) == 0 {
			return head{}, 0, false
		}
		h.names = names
		return h, skipSpaces(s, toks.end(i)), true
	}
	for i := 0; toks.has(i); i++ {
		t := toks.text(i)
		next := toks.text(i + 1)
		switch {
		case t == "and" || t == "&" || t == "with":
			finish()
			continue
		case t == "et" && (next == "al." || next == "al.,"):
			finish()
			i++
			if next == "al.," && toks.has(i+1) {
				if role, ok := roleOf(toks, i+1); ok {
					h.role = role.role
					return done(role.last)
				}
			}
			return done(i)
		case strings.HasSuffix(toks.text(i-1), ","):
			if role, ok := roleOf(toks, i); ok {
				finish()
				h.role = role.role
				return done(role.last)
			}
		}
		if nameSuffixes[strings.TrimRight(t, ",")] && (len(cur) > 0 || len(names) > 0) {
			suffix := strings.TrimRight(t, ",")
			if len(cur) == 0 {
				// "Luther, Jr." after a finished name: the suffix belongs to it.
				n := &names[len(names)-1]
				n.Given += ", " + suffix
			} else {
				if strings.HasSuffix(toks.text(i-1), ",") {
					cur[len(cur)-1] += ","
				}
				cur = append(cur, suffix)
			}
			if strings.HasSuffix(t, ",") {
				finish()
				continue
			}
			if strings.HasSuffix(t, ".") {
				return done(i)
			}
			continue
		}
		if !nameLike(t) || (len(cur) == 0 && !inverted && !startsUpper(t) && !particles[t]) {
			if lastInitial >= 0 {
				return done(lastInitial)
			}
			return head{}, 0, false
		}
		word := strings.TrimRight(t, ",")
		if !isNameInitial(word) {
			word = strings.TrimRight(word, ".")
		}
		cur = append(cur, word)
		switch {
		case strings.HasSuffix(t, ","):
			if isListGoesOn(next) || nameSuffixes[strings.TrimRight(next, ",")] {
				if !nameSuffixes[strings.TrimRight(next, ",")] {
					finish()
				}
				continue
			}
			if _, ok := roleOf(toks, i+1); ok {
				continue
			}
			if hasAnd && nameLike(next) && startsUpper(next) {
				finish()
				continue
			}
			if lastInitial >= 0 {
				return done(lastInitial)
			}
			return head{}, 0, false
		case strings.HasSuffix(t, "."):
			if !isNameInitial(t) {
				return done(i)
			}
			lastInitial = i
			if isNameInitial(next) {
				continue
			}
			if !stopAtInitial && inverted && nameLike(next) && startsUpper(next) && !isNameInitial(next) {
				if strings.HasSuffix(next, ".") && !nameSuffixes[next] {
					continue
				}
				if strings.HasSuffix(next, ",") && toks.has(i+2) {
					after := toks.text(i + 2)
					if isListGoesOn(after) || nameSuffixes[strings.TrimRight(after, ",")] {
						continue
					}
					if _, ok := roleOf(toks, i+2); ok {
						continue
					}
				}
			}
			if !inverted && nameLike(next) && startsUpper(next) {
				// In direct order the surname follows its initials ("and A. Lewis Licht").
				continue
			}
			return done(i)
		}
	}
	return head{}, 0, false
}

// isListGoesOn reports whether a token continues a list of names: "and", "&" or "et".
func isListGoesOn(t string) bool {
	return t == "and" || t == "&" || t == "et" || t == "with"
}

// roleMatch is a role label found at the end of the head's names, and its last token.
type roleMatch struct {
	role string
	last int
}

// roleOf reads a role label at toks[i]: "ed.", "eds.", "trans.", "ed. and trans.", "editors".
func roleOf(toks *lazyTokens, i int) (roleMatch, bool) {
	role, ok := roleWords[strings.TrimRight(toks.text(i), ".,")]
	if !ok {
		return roleMatch{}, false
	}
	m := roleMatch{role: role, last: i}
	if toks.text(i+1) == "and" {
		if r2, ok := roleWords[strings.TrimRight(toks.text(i+2), ".,")]; ok && r2 != role {
			m.role, m.last = roleEdTrans, i+2
		}
	}
	return m, true
}

// directName reads a name in direct order: the last word is the surname, with the particles
// before it ("Cormac Ó Gráda", "Ludwig von Mises"); a suffix stays with the given names.
func directName(ws []string) Name {
	suffix := ""
	if len(ws) > 1 && nameSuffixes[ws[len(ws)-1]] {
		suffix = ws[len(ws)-1]
		ws = ws[:len(ws)-1]
	}
	if len(ws) == 1 {
		return Name{Family: ws[0]}
	}
	f := len(ws) - 1
	for f > 1 && (particles[ws[f-1]] || capParticles[ws[f-1]]) {
		f--
	}
	if f == 1 && len(ws) > 2 && particles[ws[0]] {
		f = 0
	}
	n := Name{Family: strings.Join(ws[f:], " "), Given: strings.Join(ws[:f], " ")}
	if suffix != "" {
		n.Given += ", " + suffix
	}
	return n
}

// parseNameList reads names in direct order from s ("Peter Needham", "X, Y, and Z",
// "Daniel H. Kaiser"), up to the end of the sentence or a comma that is followed by something
// other than a name (pages, "translated by"). It returns the names and the index where the
// list ends: after the closing period, or at the comma.
func parseNameList(s string) ([]Name, int) {
	var names []Name
	var cur []string
	finish := func() {
		if len(cur) > 0 {
			names = append(names, directName(cur))
			cur = nil
		}
	}
	toks := newTokens(s, 0)
	for i := 0; toks.has(i); i++ {
		t := toks.text(i)
		next := toks.text(i + 1)
		if t == "and" || t == "&" {
			finish()
			continue
		}
		if t == "et" && strings.HasPrefix(next, "al.") {
			finish()
			if strings.HasSuffix(next, ",") {
				return names, toks.end(i+1) - 1
			}
			return names, toks.end(i + 1)
		}
		if !nameLike(t) || (len(cur) == 0 && !startsUpper(t) && !particles[t]) {
			finish()
			if i > 0 && strings.HasSuffix(toks.text(i-1), ",") {
				return names, toks.end(i-1) - 1
			}
			if i > 0 {
				return names, toks.end(i - 1)
			}
			return names, 0
		}
		word := strings.TrimRight(t, ",;")
		if !isNameInitial(word) {
			word = strings.TrimRight(word, ".")
		}
		if nameSuffixes[strings.TrimRight(t, ",")] && len(cur) == 0 && len(names) > 0 {
			n := &names[len(names)-1]
			n.Given += ", " + word
		} else {
			cur = append(cur, word)
		}
		switch {
		case strings.HasSuffix(t, ";"):
			finish()
			return names, toks.end(i) - 1
		case strings.HasSuffix(t, ","):
			if isListGoesOn(next) || nameSuffixes[strings.TrimRight(next, ",.")] {
				if !nameSuffixes[strings.TrimRight(next, ",.")] {
					finish()
				}
				continue
			}
			if nameLike(next) && startsUpper(next) && !isModifierWord(next) {
				finish()
				continue
			}
			finish()
			return names, toks.end(i) - 1
		case strings.HasSuffix(t, "."):
			if isNameInitial(t) && nameLike(next) && startsUpper(next) {
				continue
			}
			finish()
			return names, toks.end(i)
		}
	}
	finish()
	return names, len(s)
}

// isModifierWord reports words that begin what follows a list of names rather than another
// name ("Translated", "Edited").
func isModifierWord(t string) bool {
	switch strings.TrimRight(t, ".,") {
	case "Translated", "Edited", "Trans", "Ed", "Reprint", "Repr", "Vol", "Vols", "With", "Introduction", "Foreword":
		return true
	}
	return false
}
