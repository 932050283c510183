package pdf

import "math"

// A line is one line of a broken paragraph: the elements [from, to) of the paragraph, set
// with the adjustment ratio r (the share of the glue's stretch, or shrink when negative,
// taken up), ending with a hyphen when hyphen is set.
type line struct {
	from, to int
	r        float64
	hyphen   *elem // the penalty broken at, when it adds a hyphen
	width    float64
	natural  float64
	flagged  bool // the line ends with a hyphen or dash (from the text or added)
}

// Line breaking parameters, TeX's for plain text.
const (
	linePenalty     = 10
	fitnessDemerits = 10000 // adjacent lines of very different tightness
	// Two lines in a row ending with a hyphen or dash, and a hyphen before the last line,
	// cost more than any line within tolerance (a line of badness 200 costs 44,100): taken
	// only where the paragraph cannot do without, as TeX's \doublehyphendemerits and
	// \finalhyphendemerits priced high. Three in a row are never taken but in the last pass.
	doubleHyphen       = 100000
	finalHyphen        = 50000
	pretolerance       = 100  // first pass, without hyphenation
	tolerance          = 200  // second pass, with hyphenation
	looseTolerance     = 1000 // third pass: spaces up to about half an em
	emergencyTolerance = 10000
)

var passes = []struct {
	tol    float64
	hyph   bool
	maxRun int
}{{pretolerance, false, 1}, {tolerance, true, 1}, {400, true, 1}, {tolerance, true, 2}, {looseTolerance, true, 2}, {2100, true, 2}}

// breakLines breaks a paragraph's elements into lines with Knuth and Plass's total-fit
// algorithm: the breaks that minimise the sum of the lines' demerits, with a looseness of 0.
// widthOf gives the width of line n (0-based), so that indents and hanging indents work.
// rightStretch is the stretch each line has at its end (ragged right), 0 for justified text.
//
// Like TeX, it first tries without hyphenation, then with it, then accepts any badness.
// Paragraphs no total-fit solution exists for fall back to greedy filling.
func breakLines(es []elem, widthOf func(int) float64, rightStretch float64) []line {
	if len(es) == 0 {
		return nil
	}
	hasDisc := false
	for i := range es {
		if es[i].disc {
			hasDisc = true
			break
		}
	}
	k := kp{es: es, widthOf: widthOf, rightStretch: rightStretch}
	k.sums()
	// Like TeX: first without hyphenation, then with it; then looser lines; then anything
	// that fits.
	for _, p := range passes {
		k.maxRun = p.maxRun
		if lines := k.run(p.tol, p.hyph && hasDisc); lines != nil {
			return lines
		}
	}
	k.maxRun = 2
	// The last pass, as TeX's \emergencystretch: every line gets some more stretch, so that
	// lines too loose for the tolerance still compare by how loose they are instead of all
	// being "infinitely bad".
	for i := range es {
		if es[i].kind == kBox && es[i].st != nil {
			k.emergency = 1.5 * es[i].st.size
			break
		}
	}
	if lines := k.run(emergencyTolerance, hasDisc); lines != nil {
		return lines
	}
	return greedy(es, widthOf)
}

type kp struct {
	es           []elem
	widthOf      func(int) float64
	rightStretch float64
	emergency    float64 // stretch added to every line in the last pass
	maxRun       int     // most hyphenated lines in a row
	// running sums of width, stretch and shrink before each element
	sw, sy, sz []float64
}

type node struct {
	pos      int // the break: index of the element broken at (-1: paragraph start)
	line     int // lines before the break
	fitness  int
	demerits float64
	flagged  bool
	// run counts the lines ending hyphenated in a row up to this break (0 to 2).
	run    int
	prev   *node
	r      float64
	active bool
}

func (k *kp) sums() {
	n := len(k.es)
	k.sw = make([]float64, n+1)
	k.sy = make([]float64, n+1)
	k.sz = make([]float64, n+1)
	for i := range k.es {
		e := &k.es[i]
		k.sw[i+1], k.sy[i+1], k.sz[i+1] = k.sw[i], k.sy[i], k.sz[i]
		if e.kind == kBox || e.kind == kGlue {
			k.sw[i+1] += e.w
		}
		if e.kind == kGlue {
			k.sy[i+1] += e.stretch
			k.sz[i+1] += e.shrink
		}
	}
}

// after returns the index of the first element of a line that starts after a break at pos:
// glue and penalties after a break are discarded, up to the next box.
func (k *kp) after(pos int) int {
	i := pos + 1
	for i < len(k.es) && k.es[i].kind != kBox {
		if k.es[i].kind == kPenalty && k.es[i].penalty <= -infPenalty {
			break
		}
		i++
	}
	return i
}

// legal reports whether the paragraph may break at i.
func (k *kp) legal(i int, hyphenate bool) bool {
	e := &k.es[i]
	switch e.kind {
	case kPenalty:
		if e.penalty >= infPenalty {
			return false
		}
		return !e.disc || hyphenate
	case kGlue:
		return i > 0 && k.es[i-1].kind == kBox
	}
	return false
}

func (k *kp) run(threshold float64, hyphenate bool) []line {
	es := k.es
	start := &node{pos: -1, fitness: 1, active: true}
	active := []*node{start}
	var next []*node
	for i := range es {
		if !k.legal(i, hyphenate) {
			continue
		}
		e := &es[i]
		// best new node per fitness class and run of hyphenated lines: the run decides
		// what the next line may end with, so nodes with different runs are kept apart.
		var best [4][3]*node
		var bestD [4][3]float64
		for c := range bestD {
			bestD[c] = [3]float64{math.Inf(1), math.Inf(1), math.Inf(1)}
		}
		next = next[:0]
		for _, a := range active {
			from := k.after(a.pos)
			width := k.sw[i] - k.sw[from]
			if e.kind == kPenalty {
				width += e.w
			}
			target := k.widthOf(a.line)
			stretch := k.sy[i] - k.sy[from] + k.rightStretch + k.emergency
			shrink := k.sz[i] - k.sz[from]
			var r float64
			switch {
			case width < target:
				if stretch > 0 {
					r = (target - width) / stretch
				} else {
					r = math.Inf(1)
				}
			case width > target:
				if shrink > 0 {
					r = (target - width) / shrink
				} else {
					r = math.Inf(-1)
				}
			}
			forced := e.kind == kPenalty && e.penalty <= -infPenalty
			if r < -1 {
				// Overfull: a line from a can no longer reach here or beyond.
				continue
			}
			if !forced {
				next = append(next, a)
			}
			bad := badness(r)
			if bad > threshold {
				continue
			}
			d := linePenalty + math.Min(bad, 10000)
			d *= d
			p := 0.0
			if e.kind == kPenalty {
				p = e.penalty
			}
			switch {
			case p >= 0:
				d += p * p
			case p > -infPenalty:
				d -= p * p
			}
			flagged := e.kind == kPenalty && e.flagged
			run := 0
			if flagged {
				run = a.run + 1
				if run > k.maxRun {
					if threshold < emergencyTolerance {
						continue // three hyphenated lines in a row
					}
					run = 2
				}
			}
			if run == 2 {
				d += doubleHyphen
			}
			if forced && a.flagged && a.pos >= 0 {
				// the last line would hold the end of a hyphenated word
				d += finalHyphen
			}
			c := fitness(r)
			if abs(c-a.fitness) > 1 {
				d += fitnessDemerits
			}
			d += a.demerits
			if d < bestD[c][run] {
				bestD[c][run] = d
				best[c][run] = &node{pos: i, line: a.line + 1, fitness: c, demerits: d, flagged: flagged,
					run: run, prev: a, r: r, active: true}
			}
		}
		// Nodes that were overfull, or that a forced break ended, are dropped.
		active, next = next, active
		for c := range best {
			for _, b := range best[c] {
				if b != nil {
					active = append(active, b)
				}
			}
		}
		if len(active) == 0 {
			return nil
		}
	}
	var last *node
	for _, a := range active {
		if a.pos == len(es)-1 && (last == nil || a.demerits < last.demerits) {
			last = a
		}
	}
	if last == nil {
		return nil
	}
	return k.lines(last)
}

func (k *kp) lines(last *node) []line {
	n := last.line
	out := make([]line, n)
	for b := last; b.prev != nil; b = b.prev {
		from := k.after(b.prev.pos)
		l := line{from: from, to: b.pos, r: b.r, width: k.widthOf(b.prev.line), flagged: b.flagged}
		e := &k.es[b.pos]
		l.natural = k.sw[b.pos] - k.sw[from]
		if e.kind == kPenalty && e.w > 0 {
			l.hyphen = e
			l.natural += e.w
		}
		if math.IsInf(l.r, 0) {
			l.r = 0
		}
		out[b.line-1] = l
	}
	return out
}

func badness(r float64) float64 {
	if math.IsInf(r, 0) {
		return 10000 // no glue to stretch: TeX's "infinitely bad", feasible only in emergencies
	}
	if r < 0 {
		r = -r
	}
	b := 100 * r * r * r
	if b > 10000 {
		return 10000
	}
	return b
}

func fitness(r float64) int {
	switch {
	case r < -0.5:
		return 0
	case r <= 0.5:
		return 1
	case r <= 1:
		return 2
	}
	return 3
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// greedy fills lines one after the other, breaking at the last legal place that fits (or,
// for a box wider than the line, right after it). Used only when total fit finds nothing.
func greedy(es []elem, widthOf func(int) float64) []line {
	k := kp{es: es, widthOf: widthOf}
	k.sums()
	var out []line
	from := k.after(-1)
	lastLegal := -1
	for i := from; i < len(es); i++ {
		if i < from {
			continue
		}
		e := &es[i]
		legal := k.legal(i, true)
		width := k.sw[i] - k.sw[from]
		if e.kind == kPenalty {
			width += e.w
		}
		forced := e.kind == kPenalty && e.penalty <= -infPenalty
		if legal && width <= widthOf(len(out)) {
			lastLegal = i
		}
		if forced || (width > widthOf(len(out)) && lastLegal >= from) || (legal && width > widthOf(len(out))) {
			at := i
			if !forced && lastLegal >= from && width > widthOf(len(out)) {
				at = lastLegal
			}
			l := line{from: from, to: at, width: widthOf(len(out))}
			l.natural = k.sw[at] - k.sw[from]
			if p := &es[at]; p.kind == kPenalty && p.w > 0 {
				l.hyphen = p
				l.natural += p.w
				l.flagged = true
			}
			if !forced {
				stretch := k.sy[at] - k.sy[from]
				shrink := k.sz[at] - k.sz[from]
				if l.natural < l.width && stretch > 0 {
					l.r = math.Min((l.width-l.natural)/stretch, 3)
				} else if l.natural > l.width && shrink > 0 {
					l.r = math.Max((l.width-l.natural)/shrink, -1)
				}
			}
			out = append(out, l)
			from = k.after(at)
			lastLegal = -1
			i = from - 1
			if forced {
				break
			}
		}
	}
	return out
}
