package pdf

import "galley/render"

// A vbox is one unbreakable piece of the vertical flow: a line of text, a table row, a
// figure with its caption, a rule. Pages break only between vboxes, and not after one that
// is kept with the next.
type vbox struct {
	h      float64 // height
	before float64 // space above it, dropped at the top of a page
	keep   bool    // no page break between this box and the next
	// float lets the box wait for the top of a later page when it does not fit in what is
	// left of the current one, the boxes after it going on meanwhile (a figure, as LaTeX's
	// [tp] placement); floats keep their order among themselves.
	float bool
	// barrier sends the floats still waiting out before this box: a part of the back matter
	// does not take the figures of the text.
	barrier bool
	draw    func(d *drawer, y float64)

	mark   *mark  // an outline entry at this box
	part   string // a part begins here (the running head names it)
	anchor string // this box starts the paragraph with this ID
	line   int    // source line of the paragraph it starts, 0 if none
	// scope qualifies the box's anchor and line in a book, where each chapter has its own
	// paragraph IDs and lines: the chapter's ID and a slash ("" in an article).
	scope string
	// pageBreak starts a page with this box (a chapter, a part of a book's back matter).
	pageBreak bool
	// head, if set, is the title the running heads give from this box on (a chapter's).
	head string
	// at and words say where in the document the box's content begins, as the EPUB finds
	// it (see render.PageStart): a page that begins with this box begins there, words (nil:
	// none) words into at. Words are counted only for the boxes that begin a page.
	at    any
	words func() int
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
	// repeat marks a box drawn again: a table's caption and header at the top of a page it
	// continues on (an artifact there).
	repeat bool
}

type page struct {
	items []placed
	part  string // the part in effect at the top of the page
	head  string // the running head's title in effect on the page ("": the document's)
	// opening is set on a page a box with a page break starts: a chapter's first page,
	// which has no running head.
	opening bool
}

// paginate distributes the boxes over pages: a box goes on the current page if it fits;
// if not, the page breaks before it, or before the chain of kept-together boxes that ends
// with it (a heading and the first lines after it, the first or last two lines of a
// paragraph). A chain longer than a page is broken where it overflows. A float that does
// not fit waits for the top of the next page while the boxes after it fill this one, so
// that no page is left short for a figure; floats keep their order, and a barrier (the
// start of the back matter) or the end of the document places those still waiting.
func (r *renderer) paginate() []*page {
	g := &r.g
	top, bottom := g.top, g.bodyBottom()
	if len(r.boxes) == 0 {
		return []*page{{}}
	}
	var pages []*page
	var cur *page
	var y float64
	var waiting []int // floats deferred to the next page, by index, in order
	part, head := "", ""
	start := 0 // index of the first box of the current page
	// newPage starts a page with box i (-1: only floats), placing the floats that wait
	// first, then a table's repeated header when box i continues one.
	newPage := func(i int) {
		cur = &page{part: part, head: head}
		if i >= 0 && r.boxes[i].part != "" {
			cur.part = r.boxes[i].part
		}
		if i >= 0 && r.boxes[i].head != "" {
			cur.head = r.boxes[i].head
		}
		cur.opening = i >= 0 && r.boxes[i].pageBreak
		pages = append(pages, cur)
		y = top
		start = max(i, 0)
		for len(waiting) > 0 {
			f := r.boxes[waiting[0]]
			if len(cur.items) > 0 && y+f.h > bottom+0.01 {
				break
			}
			cur.items = append(cur.items, placed{f, y, false})
			y += f.h
			waiting = waiting[1:]
		}
		if i >= 0 && r.boxes[i].cont != nil {
			for _, c := range r.boxes[i].cont {
				cur.items = append(cur.items, placed{c, y, true})
				y += c.h
			}
		}
	}
	newPage(0)
	for i := 0; i < len(r.boxes); i++ {
		b := r.boxes[i]
		sp := b.before
		if y == top || len(cur.items) == 0 {
			sp = 0
		}
		if b.barrier && len(waiting) > 0 || b.pageBreak && len(cur.items) > 0 && i > start {
			newPage(i)
			i--
			continue
		}
		fits := y+sp+b.h <= bottom+0.01
		if b.float && (len(waiting) > 0 || !fits) && len(cur.items) > 0 {
			waiting = append(waiting, i)
			continue
		}
		if !fits && i > start {
			// Break before the chain of kept boxes that ends here; floats inside it stay
			// where they are in the chain's order.
			j := i
			for j > start && (r.boxes[j-1].keep || r.boxes[j-1].float) {
				j--
			}
			for j < i && r.boxes[j].float {
				j++
			}
			if j == start {
				j = i // the chain fills the page: break inside it
			}
			// take back the boxes j..i-1 placed on this page, and the floats among them
			// that were waiting: they come again.
			n := len(cur.items)
			for n > 0 && r.indexOf(cur.items[n-1].b, start, i) >= j {
				n--
			}
			cur.items = cur.items[:n]
			k := 0
			for _, w := range waiting {
				if w < j {
					waiting[k] = w
					k++
				}
			}
			waiting = waiting[:k]
			newPage(j)
			i = j - 1
			continue
		}
		if b.part != "" {
			part = b.part
		}
		if b.head != "" {
			head = b.head
		}
		y += sp
		cur.items = append(cur.items, placed{b, y, false})
		y += b.h
	}
	for len(waiting) > 0 {
		newPage(-1)
	}
	// Where each paragraph and source line landed, for links and page references.
	r.anchors = map[string]place{}
	for n, p := range pages {
		for _, it := range p.items {
			if it.b.anchor != "" {
				if _, ok := r.anchors[it.b.scope+it.b.anchor]; !ok {
					r.anchors[it.b.scope+it.b.anchor] = place{n + 1, it.y}
				}
			}
			if it.b.line > 0 {
				if _, ok := r.anchors[it.b.scope+lineKey(it.b.line)]; !ok {
					r.anchors[it.b.scope+lineKey(it.b.line)] = place{n + 1, it.y}
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

// printEdition returns where each page begins (see render.PageStart): at its first box of
// the text's flow, a table's repeated header and the figures floated to it left out. A page
// of figures alone begins where the next page does (or at the end of the document).
func (r *renderer) printEdition(pages []*page) *render.Print {
	version := r.opt.Version
	if version == "" {
		version = "devel"
	}
	p := &render.Print{
		Source: "galley " + version + ", PDF, " + paperName(r.g.paper),
		Pages:  make([]render.PageStart, len(pages)),
	}
	for i := len(pages) - 1; i >= 0; i-- {
		found := false
		for _, it := range pages[i].items {
			if !it.repeat && !it.b.float && it.b.at != nil {
				p.Pages[i] = render.PageStart{At: it.b.at}
				if it.b.words != nil {
					p.Pages[i].Word = it.b.words()
				}
				found = true
				break
			}
		}
		if !found && i+1 < len(pages) {
			p.Pages[i] = p.Pages[i+1]
		}
	}
	return p
}

// paperName is a paper's name as a reader knows it.
func paperName(paper string) string {
	switch paper {
	case "a4":
		return "A4"
	case "a5":
		return "A5"
	}
	return "US Letter"
}

// addWords adds n to the words before each box of bs, which set an object that began with n
// words set before them (a bibliography entry's annotation, after the entry).
func addWords(bs []*vbox, n func() int) {
	for _, b := range bs {
		w := b.words
		b.words = func() int {
			if w == nil {
				return n()
			}
			return w() + n()
		}
	}
}
