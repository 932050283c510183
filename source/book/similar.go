package book

import (
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"galley/source/cal"
)

// Whether two articles state one event is decided from their dates and their sentences:
// what the sentences say happened, as the words they share, each weighted by how rare it is
// among all the sentences of the book's events. A word that every chapter of a unit on
// Soviet diplomacy uses ("Soviet", "Union", "United", "States") says little; a name, a place
// or a verb that only two sentences use ("Falkenhayn", "sealed", "abdicated") says much.

// stopwords are the English words that say nothing of what happened: articles,
// prepositions, conjunctions, pronouns, auxiliaries, the words of dates, and the commonest
// adjectives and light verbs ("new" in "the new ambassador" and in "New York" must not make
// two events one).
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the and or but nor so yet for of in on at by to from
		with without into onto upon over under after before during until till since through
		throughout between among against about above below across along around beside besides
		near off out up down within toward towards via per than then thus also too very
		as is are was were be been being am has have had having do does did done will would
		shall should can could may might must it its it's itself he him his himself she her hers
		herself they them their theirs themselves we us our ours you your i me my this that these
		those there here which who whom whose what when where why how whether while if though
		although because unless not no only even still just more most less least much many
		some any each every all both either neither other another such same own one two three
		first second third last next later earlier early late year years month months day days
		week weeks decade decades century centuries time times date dates age ago now
		january february march april may june july august september october november december
		jan feb mar apr jun jul aug sep sept oct nov dec spring summer autumn fall winter
		morning evening night noon afternoon dawn dusk mid bce ce bc ad c e b d
		half quarter
		new old great large small big little major minor important long short high low good
		bad full whole several few make made take took get got give gave come came go went
		become became`) {
		m[w] = true
	}
	return m
}()

// stem cuts a folded word to the stem sentences share, the way truncation stemmers do: the
// possessive and an inflection off ("signed", "agreements" to "sign", "agreement"), then no
// more than six letters ("recognized" and "recognition" to "recogn").
func stem(w string) string {
	w = strings.TrimSuffix(w, "'s")
	w = strings.TrimSuffix(w, "'")
	switch {
	case len(w) > 5 && strings.HasSuffix(w, "ing"):
		w = w[:len(w)-3]
	case len(w) > 4 && strings.HasSuffix(w, "ied"):
		w = w[:len(w)-3] + "y"
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		w = w[:len(w)-3] + "y"
	case len(w) > 4 && strings.HasSuffix(w, "ed"):
		w = w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = w[:len(w)-1]
	}
	if utf8.RuneCountInString(w) > 6 {
		r := []rune(w)
		w = string(r[:6])
	}
	return w
}

// content returns the stems of the words of a sentence that say what happened, each once,
// sorted: stop words, numbers and the words of dates left out.
func content(sentence string) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range words(sentence) {
		w := t.key
		if stopwords[w] || cal.Digits(w) > 0 || cal.EraOf(w) != 0 {
			continue
		}
		s := stem(w)
		if len(s) < 2 || seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// weights gives each stem its weight: the inverse of the share of sentences it is in,
// ln(1 + N/df), as information retrieval weights a term by its rarity.
type weights struct {
	df map[string]int
	n  int
}

// add counts one sentence's stems.
func (w *weights) add(stems []string) {
	if w.df == nil {
		w.df = map[string]int{}
	}
	w.n++
	for _, s := range stems {
		w.df[s]++
	}
}

// of returns the weight of a stem.
func (w *weights) of(s string) float64 {
	df := w.df[s]
	if df == 0 {
		df = 1
	}
	return math.Log(1 + float64(w.n)/float64(df))
}

// similarity scores two sentences' stems (sorted, as content returns them): the weight of
// the stems they share over the weight of the smaller sentence's stems, from 0 to 1, and how
// many they share. The smaller sentence decides because one article may state an event in a
// clause of a long sentence about something else.
func (w *weights) similarity(a, b []string) (score float64, shared int) {
	var both, wa, wb float64
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i] < b[j]:
			wa += w.of(a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			wb += w.of(b[j])
			j++
		default:
			x := w.of(a[i])
			both += x
			wa += x
			wb += x
			shared++
			i++
			j++
		}
	}
	least := math.Min(wa, wb)
	if least == 0 {
		return 0, shared
	}
	return both / least, shared
}
