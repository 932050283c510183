package pdf

import (
	"bytes"
	_ "embed"
	"strconv"
	"sync"
)

// What finish adds for a tagged PDF/UA-1 and PDF/A-2 document: the structure tree with its
// parent tree, the link annotations as objects of their own, the output intent's profile, and
// the catalog's entries that name them.

// structure is a document's structure as draw leaves it: the tree (its root, the Document
// element), and per page the element of each MCID and the link annotations, in fpdf's order.
type structure struct {
	root    *tag
	parents [][]*tag
	annots  [][]*annot
}

// srgb is the output intent's profile: sRGB.icc from Debian's icc-profiles-free, an ICC v2.3
// display profile under the zlib licence (icc/LICENSE).
//
//go:embed icc/sRGB.icc
var srgb []byte

// srgbStream is the profile compressed, once per process.
var srgbStream = sync.OnceValue(func() []byte {
	var z bytes.Buffer
	deflate(&z, srgb)
	return z.Bytes()
})

// tagObjects are the numbers of the objects finish adds for the structure.
type tagObjects struct {
	treeRoot, parentTree, profile int
	elems                         []*tag // the elements written, in tree order
	annots                        []*annot
}

// reserve numbers the structure's objects: the tree's root, the parent tree, the profile,
// every element with content (an element with none is left out, but for a table's cells,
// which keep the table's grid), then the annotations, whose keys in the parent tree follow
// the pages'.
func (s *structure) reserve(w *objWriter) *tagObjects {
	t := &tagObjects{treeRoot: w.reserve(), parentTree: w.reserve(), profile: w.reserve()}
	markKept(s.root)
	var walk func(n *tag)
	walk = func(n *tag) {
		if n.num == 0 {
			return
		}
		n.num = w.reserve()
		t.elems = append(t.elems, n)
		for _, k := range n.kids {
			if k.n != nil {
				walk(k.n)
			}
		}
	}
	walk(s.root)
	key := len(s.parents)
	for _, pa := range s.annots {
		for _, a := range pa {
			a.num, a.key = w.reserve(), key
			key++
			t.annots = append(t.annots, a)
		}
	}
	return t
}

// markKept sets num to -1 on every element to write: those with marked content or an
// annotation in them, and the cells of a row written. It reports whether n is one.
func markKept(n *tag) bool {
	kept := false
	for _, k := range n.kids {
		if k.n == nil || markKept(k.n) {
			kept = true
		}
	}
	if kept && n.typ == "TR" {
		for _, k := range n.kids {
			if k.n != nil {
				k.n.num = -1
			}
		}
	}
	if kept || n.num == -1 || n.parent == nil {
		n.num = -1
		return true
	}
	return false
}

// catalog returns the catalog's entries for the structure, the display of the title and the
// output intent.
func (t *tagObjects) catalog() string {
	return "/MarkInfo <</Marked true>>\n/StructTreeRoot " + strconv.Itoa(t.treeRoot) + " 0 R\n" +
		"/ViewerPreferences <</DisplayDocTitle true>>\n" +
		"/OutputIntents [<</Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) " +
		"/RegistryName (http://www.color.org) /Info (sRGB IEC61966-2.1) /DestOutputProfile " +
		strconv.Itoa(t.profile) + " 0 R>>]\n"
}

// write writes the structure's objects, its dictionaries packed in object streams; pages are
// the page objects' numbers.
func (t *tagObjects) write(w *objWriter, s *structure, pages []int) error {
	var b []byte
	ref := func(b []byte, n int) []byte {
		b = strconv.AppendInt(b, int64(n), 10)
		return append(b, " 0 R"...)
	}

	b = append(b[:0], "<</Type /StructTreeRoot /K "...)
	b = ref(b, s.root.num)
	b = append(b, " /ParentTree "...)
	b = ref(b, t.parentTree)
	b = append(b, " /ParentTreeNextKey "...)
	b = strconv.AppendInt(b, int64(len(pages)+len(t.annots)), 10)
	b = append(b, ">>"...)
	w.pack(t.treeRoot).Write(b)

	// The parent tree, one leaf: each page's MCIDs, then each annotation, to its element.
	dst := w.pack(t.parentTree)
	dst.WriteString("<</Nums [")
	for i, owners := range s.parents {
		b = strconv.AppendInt(append(b[:0], '\n'), int64(i), 10)
		b = append(b, " ["...)
		for k, n := range owners {
			if k > 0 {
				b = append(b, ' ')
			}
			b = ref(b, n.num)
		}
		b = append(b, ']')
		dst.Write(b)
	}
	for _, a := range t.annots {
		b = strconv.AppendInt(append(b[:0], '\n'), int64(a.key), 10)
		b = append(b, ' ')
		dst.Write(ref(b, a.link.num))
	}
	dst.WriteString("\n]>>")

	w.begin(t.profile)
	z := srgbStream()
	w.dst.WriteString("<</N 3 /Length ")
	w.dst.WriteString(strconv.Itoa(len(z)))
	w.dst.WriteString(" /Filter /FlateDecode>>\nstream\n")
	w.dst.Write(z)
	w.dst.WriteString("\nendstream\nendobj\n")

	for _, n := range t.elems {
		b = elemDict(b[:0], n, t.treeRoot, pages)
		w.pack(n.num).Write(b)
	}
	for _, a := range t.annots {
		if err := writeAnnot(w, a); err != nil {
			return err
		}
	}
	return nil
}

// elemDict appends element n's dictionary: /Pg is the page of its
// first marked content, whose MCIDs are numbers in /K; marked content on another page is a
// marked-content reference, an annotation an object reference.
func elemDict(b []byte, n *tag, treeRoot int, pages []int) []byte {
	parent := treeRoot
	if n.parent != nil {
		parent = n.parent.num
	}
	b = append(b, "<</Type /StructElem /S /"...)
	b = append(b, n.typ...)
	b = append(b, " /P "...)
	b = strconv.AppendInt(b, int64(parent), 10)
	b = append(b, " 0 R"...)
	pg := 0
	for _, k := range n.kids {
		if k.n == nil && k.annot == nil {
			pg = k.page
			break
		}
	}
	if pg > 0 {
		b = append(b, " /Pg "...)
		b = strconv.AppendInt(b, int64(pages[pg-1]), 10)
		b = append(b, " 0 R"...)
	}
	b = append(b, " /K ["...)
	first := true
	for _, k := range n.kids {
		if k.n != nil && k.n.num <= 0 {
			continue // an element with no content
		}
		if !first {
			b = append(b, ' ')
		}
		first = false
		switch {
		case k.n != nil:
			b = strconv.AppendInt(b, int64(k.n.num), 10)
			b = append(b, " 0 R"...)
		case k.annot != nil:
			b = append(b, "<</Type /OBJR /Pg "...)
			b = strconv.AppendInt(b, int64(pages[k.page-1]), 10)
			b = append(b, " 0 R /Obj "...)
			b = strconv.AppendInt(b, int64(k.annot.num), 10)
			b = append(b, " 0 R>>"...)
		case k.page == pg:
			b = strconv.AppendInt(b, int64(k.mcid), 10)
		default:
			b = append(b, "<</Type /MCR /Pg "...)
			b = strconv.AppendInt(b, int64(pages[k.page-1]), 10)
			b = append(b, " 0 R /MCID "...)
			b = strconv.AppendInt(b, int64(k.mcid), 10)
			b = append(b, ">>"...)
		}
	}
	b = append(b, ']')
	if n.alt != "" {
		b = append(b, " /Alt "...)
		b = appendTextString(b, n.alt)
	}
	if n.attrs != "" {
		b = append(b, " /A "...)
		b = append(b, n.attrs...)
	}
	return append(b, ">>"...)
}
