package book

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Where the text names a person. A chapter that lists a person among its key figures calls
// them, after the first mention, by their surname ("Roosevelt", "Hindenburg"), or by the
// name a person without a surname goes by ("Nicholas", "Calpurnia"); the text of that
// chapter is searched for those words. A chapter that does not list the person must name
// them first as the text of any article introduces someone: in full ("Adolf Hitler",
// "Julius Caesar", "Aleksandr Kerensky") or by an acronym ("FDR"); then its bare surnames
// count too. Where two people of a chapter share a surname, the one the chapter lists by it
// has it; two who have the same claim to it share it with neither, and the text's full
// names still tell them apart.

// pattern is a sequence of words that names a person.
type pattern struct {
	words  []string // folded
	person int
	// full is a name in full (given names and surname, a whole name, an acronym): it
	// introduces the person in a chapter that does not list them.
	full bool
	// alias is a pattern from an alias or a Roman's nomen, which yields to the name of
	// another person.
	alias bool
	// exact is an acronym as it must be written.
	exact string
}

// patterns returns what names each person: their names and aliases in full, the name of
// an ordinary name with one given name ("Joseph Stalin", "Julius Caesar"), and what the text
// calls them by alone.
func patterns(figs []figure, groups [][]int) map[string][]pattern {
	byFirst := map[string][]pattern{}
	for pi, members := range groups {
		seen := map[string]bool{}
		add := func(p pattern) {
			if len(p.words) == 0 {
				return
			}
			k := strings.Join(p.words, " ")
			if p.full {
				k = "+" + k
			}
			if seen[k] {
				return
			}
			seen[k] = true
			p.person = pi
			byFirst[p.words[0]] = append(byFirst[p.words[0]], p)
		}
		for _, m := range members {
			for fi, n := range figs[m].forms {
				alias := fi > 0
				if n.kind == acronym {
					add(pattern{words: n.full, full: true, alias: alias, exact: n.heading})
					continue
				}
				// A whole name of one word introduces its person only when it is the name, not
				// an alias ("Calpurnia", not "Augustus").
				if len(n.full) > 1 || n.kind == single && !alias {
					add(pattern{words: n.full, full: true, alias: alias})
				}
				// The first or the last given name with the surname; not an initial alone,
				// which "A Smith" at the start of a sentence would be.
				if n.kind == ordinary && len(n.given) > 0 {
					for _, g := range []string{n.given[0], n.given[len(n.given)-1]} {
						if utf8.RuneCountInString(g) > 1 {
							add(pattern{words: append([]string{g}, n.call...), full: true, alias: alias})
						}
					}
				}
				if callable(n.call) {
					add(pattern{words: n.call, alias: alias})
				}
				for _, w := range n.nomina {
					if !alias && callable([]string{w}) {
						add(pattern{words: []string{w}, alias: true})
					}
				}
			}
		}
	}
	for k, ps := range byFirst {
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].words) > len(ps[j].words) })
		byFirst[k] = ps
	}
	return byFirst
}

// callable reports whether words can name a person alone: not a title, a particle or a
// word of one letter.
func callable(ws []string) bool {
	if len(ws) != 1 {
		return len(ws) > 1
	}
	w := ws[0]
	return utf8.RuneCountInString(w) > 1 && !honorifics[w] && !particles[w] && !stopwords[w]
}

// found is a match of a pattern in a paragraph.
type found struct {
	person   int
	from, to int // byte span
}

// mentions finds, chapter by chapter, the places in the text that name each person (see the
// comment at the top of this file).
func (b *Book) mentions(persons []Person, figs []figure, groups [][]int) {
	pats := patterns(figs, groups)
	for ci, ch := range b.Chapters {
		own := map[int]bool{}
		for pi, members := range groups {
			for _, m := range members {
				if figs[m].Chapter == ci {
					own[pi] = true
				}
			}
		}
		paras := paragraphs(ch.Doc)
		toks := make([][]token, len(paras))
		for i, p := range paras {
			toks[i] = words(p.text)
		}
		// First the people the chapter names in full; then every mention.
		introduced := map[int]bool{}
		for i, p := range paras {
			scan(p.text, toks[i], pats, func(c []pattern) (int, bool, bool) {
				return decide(c, own, nil, true)
			}, func(f found) { introduced[f.person] = true })
		}
		for i, p := range paras {
			scan(p.text, toks[i], pats, func(c []pattern) (int, bool, bool) {
				return decide(c, own, introduced, false)
			}, func(f found) {
				persons[f.person].Mentions = append(persons[f.person].Mentions,
					Mention{Chapter: ci, Para: p.id, Line: p.line, From: f.from, To: f.to})
			})
		}
	}
}

// decide chooses the person that the patterns matched at one place (all of one length)
// name: a full name before a bare one; the people the chapter lists before the others, and
// a name before an alias; a person the chapter does not list only once it is introduced.
// When two people have the same best claim, the place names neither and is contested. With
// fullOnly, only full names count.
func decide(c []pattern, own, introduced map[int]bool, fullOnly bool) (who int, ok, contested bool) {
	best, tie := 99, false
	who = -1
	for _, p := range c {
		if fullOnly && !p.full {
			continue
		}
		rank := 0
		if !p.full {
			if !own[p.person] && !introduced[p.person] {
				continue
			}
			rank = 4
		}
		if !own[p.person] {
			rank += 2
		}
		if p.alias {
			rank++
		}
		switch {
		case rank < best:
			best, who, tie = rank, p.person, false
		case rank == best && p.person != who:
			tie = true
		}
	}
	if tie {
		return 0, false, true
	}
	return who, who >= 0, false
}

// scan finds the patterns in a paragraph's words and calls hit for each place where choose
// names a person. At each word the longest patterns that match are tried first, then
// shorter ones ("Vladimir Ilich" may name no one where "Vladimir" does); a place that two
// people contest is passed over whole, so that no part of it is taken for a third.
func scan(text string, toks []token, pats map[string][]pattern, choose func([]pattern) (int, bool, bool), hit func(found)) {
	for i := 0; i < len(toks); {
		cands := pats[toks[i].key]
		step := 1
		for k := 0; k < len(cands); {
			n := len(cands[k].words)
			var at []pattern
			for ; k < len(cands) && len(cands[k].words) == n; k++ {
				if matches(text, toks, i, cands[k]) {
					at = append(at, cands[k])
				}
			}
			if len(at) == 0 {
				continue
			}
			who, ok, contested := choose(at)
			if ok && (fullFor(at, who) || !family(text, toks, i+n)) {
				hit(found{person: who, from: toks[i].from, to: toks[i+n-1].to})
			}
			if ok || contested {
				step = n
				break
			}
		}
		i += step
	}
}

// familyWords name a family after a surname: "the Romanov dynasty" is no mention of
// Nicholas II, who was born a Romanov.
var familyWords = map[string]bool{"dynasty": true, "dynasties": true, "family": true,
	"families": true, "clan": true, "house": true, "line": true, "rule": true}

// family reports whether word j follows a surname as a family's name does.
func family(text string, toks []token, j int) bool {
	return j < len(toks) && familyWords[toks[j].key] && joined(text[toks[j-1].to:toks[j].from])
}

// fullFor reports whether one of the patterns that matched names person who in full.
func fullFor(at []pattern, who int) bool {
	for _, p := range at {
		if p.person == who && p.full {
			return true
		}
	}
	return false
}

// matches reports whether pattern p is written at word i: its words, folded, one after the
// other with nothing between them but spaces, hyphens or an initial's period; each word
// capitalised but a particle or epithet word inside the name ("von", "of"); an acronym
// exactly as written.
func matches(text string, toks []token, i int, p pattern) bool {
	if i+len(p.words) > len(toks) {
		return false
	}
	for k, w := range p.words {
		t := toks[i+k]
		if k > 0 {
			if t.key != w || !joined(text[toks[i+k-1].to:t.from]) {
				return false
			}
		}
		if p.exact != "" {
			if t.text != p.exact {
				return false
			}
			continue
		}
		inner := k > 0 && k < len(p.words)-1
		if !capitalised(t.text) && !(inner && (particles[w] || epithetWords[w])) {
			return false
		}
	}
	return true
}

// joined reports whether the text between two words keeps them in one name: spaces, a
// hyphen, an initial's period.
func joined(between string) bool {
	if between == "" || len(between) > 4 {
		return false
	}
	for _, r := range between {
		switch r {
		case ' ', '\u00a0', '-', '.':
		default:
			return false
		}
	}
	return true
}
