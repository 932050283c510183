package pdf

// A vbox is one unbreakable piece of the vertical flow: a line of text, a table row, a
// figure with its caption, a rule. Pages break only between vboxes, and not after one that
// is kept with the next.
type vbox struct {
	h      float64 // height
	before float64 // space above it, dropped at the top of a page
	keep   bool    // no page break between this box and the next
	draw   func(d *drawer, y float64)

	mark   *mark  // an outline entry at this box
	part   string // a part begins here (the running head names it)
	anchor string // this box starts the paragraph with this ID
	line   int    // source line of the paragraph it starts, 0 if none
	// cont, for the boxes of a table's body, gives the boxes to repeat at the top of a page
	// the table continues on (caption and header row).
	cont []*vbox
}

// mark is an entry of the PDF outline.
type mark struct {
	title string
	level int
}

type placed struct {
	b *vbox
	y float64
}

type page struct {
	items []placed
	part  string // the part in effect at the top of the page
}

// paginate distributes the boxes over pages: a box goes on the current page if it fits;
// if not, the page breaks before it, or before the chain of kept-together boxes that ends
// with it (a heading and the first lines after it, the first or last two lines of a
// paragraph). A chain longer than a page is broken where it overflows.
func (r *renderer) paginate() []*page {
	g := &r.g
	top, bottom := g.top, g.bodyBottom()
	r.anchors = map[string]place{}
	var pages []*page
	var cur *page
	var y float64
	part := ""
	start := 0 // index of the first box of the current page
	newPage := func(i int) {
		cur = &page{part: part}
		if b := r.boxes[i]; b.part != "" {
			cur.part = b.part
		}
		pages = append(pages, cur)
		y = top
		start = i
		if b := r.boxes[i]; b.cont != nil {
			for _, c := range b.cont {
				cur.items = append(cur.items, placed{c, y})
				y += c.h
			}
		}
	}
	if len(r.boxes) == 0 {
		return []*page{{}}
	}
	newPage(0)
	for i := 0; i < len(r.boxes); i++ {
		b := r.boxes[i]
		sp := b.before
		if y == top || len(cur.items) == 0 {
			sp = 0
		}
		if y+sp+b.h > bottom+0.01 && i > start {
			j := i
			for j > start && r.boxes[j-1].keep {
				j--
			}
			if j == start {
				j = i // the chain fills the page: break inside it
			}
			// take back the boxes j..i-1 placed on this page
			n := len(cur.items)
			for n > 0 && cur.items[n-1].b != nil && r.indexOf(cur.items[n-1].b, start, i) >= j {
				n--
			}
			cur.items = cur.items[:n]
			newPage(j)
			i = j - 1
			continue
		}
		if b.part != "" {
			part = b.part
		}
		y += sp
		cur.items = append(cur.items, placed{b, y})
		if b.anchor != "" {
			if _, ok := r.anchors[b.anchor]; !ok {
				r.anchors[b.anchor] = place{len(pages), y}
			}
		}
		if b.line > 0 {
			key := lineKey(b.line)
			if _, ok := r.anchors[key]; !ok {
				r.anchors[key] = place{len(pages), y}
			}
		}
		y += b.h
	}
	// Anchors of boxes moved to a later page were recorded only once placed for good,
	// but a box taken back after being recorded keeps a stale entry: recompute.
	r.anchors = map[string]place{}
	for n, p := range pages {
		for _, it := range p.items {
			if it.b.anchor != "" {
				if _, ok := r.anchors[it.b.anchor]; !ok {
					r.anchors[it.b.anchor] = place{n + 1, it.y}
				}
			}
			if it.b.line > 0 {
				if _, ok := r.anchors[lineKey(it.b.line)]; !ok {
					r.anchors[lineKey(it.b.line)] = place{n + 1, it.y}
				}
			}
		}
	}
	return pages
}

// indexOf returns the index of b among boxes[from:to], or -1; continuation boxes are not
// among them.
func (r *renderer) indexOf(b *vbox, from, to int) int {
	for k := to - 1; k >= from; k-- {
		if r.boxes[k] == b {
			return k
		}
	}
	return -1
}

func lineKey(n int) string { return "line:" + itoa(n) }

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
