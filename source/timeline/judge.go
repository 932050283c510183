package timeline

import "strings"

// Judging: a sentence whose subject holds the date and whose predicate judges rather than
// narrates ("The victory of 490 became the founding legend of the democracy", "The 1832 Act
// had a mixed legacy", "Oswiu’s decision in 664 reflected political calculation") states no
// event of its own. It characterises a period, or evaluates an event that the text tells
// elsewhere; the timeline leaves its date out in both cases, and keeps it when no other
// sentence states what it dates ("The 1932 election of Roosevelt was the deciding factor"
// may be the only statement of that election).

// maxSubject bounds the tokens of a subject before its predicate.
const maxSubject = 18

// judging returns the token where a judging predicate starts when the sentence is a subject
// that opens it, with no comma, followed by such a predicate; -1 otherwise. A subject opens
// with a determiner or a possessive ("The …", "Its …", "Oswiu’s …"), not with an opening
// phrase ("In 1605, …", "After the war …").
func (sc *scanner) judging() int {
	if !sc.subjectOpens() {
		return -1
	}
	for k := 1; k < len(sc.toks) && k <= maxSubject; k++ {
		switch sc.punct(k) {
		case ",", ";", ":", "(", "—", "–", "\"", "“":
			return -1
		}
		if sc.judgesAt(k) {
			return k
		}
	}
	return -1
}

// subjectOpens reports whether the sentence opens with what begins a noun phrase: a
// determiner, or a possessive name.
func (sc *scanner) subjectOpens() bool {
	w := sc.word(0)
	if w == "" {
		return false
	}
	if determiners[strings.ToLower(w)] {
		return true
	}
	// "Oswiu’s decision", "Thucydides’ account"
	return sc.capitalized(0) && (possessive(w) || sc.glued(1) && (sc.punct(1) == "’" || sc.punct(1) == "'"))
}

// possessive reports whether a word is a possessive: "Oswiu’s", "Moscow's", "generals’".
func possessive(w string) bool {
	return strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "s’")
}

// judgesAt reports whether a judging predicate starts at token k: a verb that characterises
// or evaluates ("showed", "reflected", "became the …", "proved"), "had a … legacy", "has been
// treated as", or a copula with what it rates ("was a harsh answer", "was bitterly
// contested").
func (sc *scanner) judgesAt(k int) bool {
	w := sc.lw(k)
	switch {
	case w == "":
		return false
	case judgingVerbs[w]:
		return true
	case w == "became" || w == "becomes" || w == "remains" || w == "remained":
		return rated[sc.lw(k+1)]
	case w == "had" || w == "has" || w == "have":
		if j := sc.skipAdverbs(k + 1); sc.lw(j) == "been" {
			return judgedAs[sc.lw(sc.skipAdverbs(j+1))]
		}
		// "had a mixed legacy", "had an uneven impact"
		if a := sc.lw(k + 1); a == "a" || a == "an" || a == "no" || a == "little" {
			for j := k + 2; j <= k+4; j++ {
				if legacies[sc.lw(j)] {
					return true
				}
			}
		}
	case copulas[w]:
		if rated[sc.lw(k+1)] {
			return true
		}
		// "was bitterly contested", "were widely seen"
		if a := sc.lw(k + 1); strings.HasSuffix(a, "ly") && a != "only" && a != "early" {
			j := sc.skipAdverbs(k + 1)
			return j > k+1 && sc.lowerWord(j) && (strings.HasSuffix(sc.lw(j), "ed") || judgedAs[sc.lw(j)])
		}
	}
	return false
}

// skipAdverbs returns the first token from k on that is no adverb ("often", "long",
// "widely", "ever since").
func (sc *scanner) skipAdverbs(k int) int {
	for j := k; j < k+3; j++ {
		w := sc.lw(j)
		if !(adverbs[w] || strings.HasSuffix(w, "ly") && len(w) > 4) {
			return j
		}
	}
	return k + 3
}

// Words that open a noun phrase as a sentence's subject.
var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true, "these": true,
	"those": true, "its": true, "his": true, "her": true, "their": true, "our": true,
}

// Verbs that characterise or evaluate what their subject names.
var judgingVerbs = map[string]bool{
	"showed": true, "shows": true, "illustrated": true, "illustrates": true, "reflected": true,
	"reflects": true, "revealed": true, "reveals": true, "suggests": true, "suggested": true,
	"demonstrated": true, "demonstrates": true, "exemplified": true, "exemplifies": true,
	"epitomized": true, "epitomised": true, "symbolized": true, "symbolised": true,
	"symbolizes": true, "symbolises": true, "signified": true, "signifies": true, "marked": true,
	"marks": true, "deepened": true, "strengthened": true, "weakened": true, "hardened": true,
	"sharpened": true, "shaped": true, "transformed": true, "inspired": true, "undermined": true,
	"discredited": true, "foreshadowed": true, "embodied": true, "embodies": true,
	"represented": true, "represents": true, "proved": true, "proves": true, "meant": true,
	"means": true, "typified": true, "typifies": true,
}

// Words after a copula, or after "became", that rate their subject: "was a harsh answer",
// "became the founding legend", "remains the best-known".
var rated = map[string]bool{
	"a": true, "an": true, "the": true, "one": true, "among": true, "less": true, "more": true,
	"both": true,
}

// Copulas.
var copulas = map[string]bool{"is": true, "was": true, "are": true, "were": true}

// Nouns of an effect: "had a mixed legacy".
var legacies = map[string]bool{
	"legacy": true, "impact": true, "effect": true, "influence": true, "consequence": true,
	"consequences": true, "significance": true, "importance": true, "meaning": true,
	"afterlife": true,
}

// Participles of how a thing has been judged: "has been treated as", "has long been seen".
var judgedAs = map[string]bool{
	"treated": true, "seen": true, "regarded": true, "read": true, "remembered": true,
	"called": true, "described": true, "viewed": true, "considered": true, "hailed": true,
	"interpreted": true, "judged": true, "celebrated": true, "taken": true, "counted": true,
	"portrayed": true, "understood": true, "praised": true, "criticized": true,
	"criticised": true, "blamed": true, "credited": true, "romanticized": true,
	"romanticised": true, "mythologized": true, "contested": true, "debated": true,
	"disputed": true, "depicted": true, "characterized": true, "characterised": true,
}

// Adverbs that may stand inside a judging predicate: "has often been treated", "has been
// treated ever since".
var adverbs = map[string]bool{
	"often": true, "long": true, "ever": true, "since": true, "also": true, "sometimes": true,
	"always": true, "still": true, "much": true, "variously": true,
}

// judge leaves out the rows whose sentence judges what they date, when the date is a period
// or another sentence states an event within it.
func (x *timeline) judge() {
	var told *spanIndex
	for i := range x.rows {
		r := &x.rows[i]
		if !r.judged || r.drop {
			continue
		}
		if r.period {
			r.drop = true
			continue
		}
		if told == nil {
			told = x.index(func(o *row) bool { return !o.judged && !o.drop })
		}
		told.within(x, r, func(o int) bool {
			r.drop = x.rows[o].sentence != r.sentence
			return r.drop
		})
	}
}
