package pdf

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"galley/internal/testkit"
	"galley/render"
	"galley/source"
)

// The rules of PDF/UA-1 (ISO 14289-1) and PDF/A-2a (ISO 19005-2) that a tagged document
// written by galley could break, checked as veraPDF's rule lists state them (the rule numbers
// are theirs), on the file as qpdf reads it.

// standardTypes are the standard structure types of ISO 32000-1, 14.8.4: galley writes no
// role map, so every element must be one of them (PDF/UA 7.1-5, PDF/A-2a 6.7.3.4).
var standardTypes = map[string]bool{}

func init() {
	for _, s := range strings.Fields(`Document Part Art Sect Div BlockQuote Caption TOC TOCI Index
		NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot
		Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure
		Formula Form`) {
		standardTypes[s] = true
	}
}

// tagSummary is what a tagged document holds, for the tests to compare with what it should.
type tagSummary struct {
	roles    map[string]int // elements by type
	headings []int          // heading levels in reading order
	alts     []string       // the figures' /Alt
	mcids    int            // marked-content sequences of elements
	artifact int            // artifact sequences
	annots   int
	actual   []string // the /ActualText of the spans in the pages, in order
}

// checkTagged fails t for every rule of PDF/UA-1 and PDF/A-2a that the PDF at path breaks of
// those a galley document could, and returns what the document holds.
func checkTagged(t *testing.T, path string) *tagSummary {
	t.Helper()
	f := readPDF(t, path)
	bad := func(rule, format string, a ...any) {
		t.Helper()
		t.Errorf("%s: "+format, append([]any{rule}, a...)...)
	}
	sum := &tagSummary{roles: map[string]int{}}

	// The file and the catalog.
	if f.version != "1.7" {
		bad("header", "PDF version %s, want 1.7", f.version)
	}
	if id := f.array(f.trailer["/ID"]); len(id) != 2 || text(id[0]) == "" {
		bad("PDF/A 6.1.3-1", "trailer /ID %v", f.trailer["/ID"])
	}
	cat := f.dict(f.trailer["/Root"])
	if mi := f.dict(cat["/MarkInfo"]); mi["/Marked"] != true {
		bad("PDF/UA 7.1-11", "MarkInfo %v", cat["/MarkInfo"])
	}
	lang := text(cat["/Lang"])
	if !regexp.MustCompile(`^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$`).MatchString(lang) {
		bad("PDF/UA 7.2-29", "catalog /Lang %q", lang)
	}
	if vp := f.dict(cat["/ViewerPreferences"]); vp["/DisplayDocTitle"] != true {
		bad("PDF/UA 7.1-10", "ViewerPreferences %v", cat["/ViewerPreferences"])
	}
	if _, ok := cat["/Names"]; ok {
		bad("PDF/A 6.8", "catalog has /Names (an embedded-files tree): %v", cat["/Names"])
	}
	oi := f.array(cat["/OutputIntents"])
	if len(oi) != 1 || f.dict(oi[0])["/S"] != "/GTS_PDFA1" {
		bad("PDF/A 6.2.3", "output intents %v", cat["/OutputIntents"])
	} else {
		dest := f.dict(oi[0])["/DestOutputProfile"]
		icc := f.data(dest)
		if num(f.dict(dest)["/N"]) != 3 || len(icc) != 6922 || string(icc[12:16]) != "mntr" || string(icc[16:20]) != "RGB " {
			bad("PDF/A 6.2.3-2", "output profile /N %v, %d bytes", f.dict(dest)["/N"], len(icc))
		}
	}

	// Metadata: the XMP packet, well-formed, uncompressed, identifying PDF/A-2a and PDF/UA-1,
	// and agreeing with the Info dictionary.
	info := f.dict(f.trailer["/Info"])
	for _, k := range []string{"/CreationDate", "/ModDate"} {
		if d := text(info[k]); !regexp.MustCompile(`^D:\d{14}\+00'00'$`).MatchString(d) {
			bad("PDF/A 6.6.3", "Info %s %q: no time zone", k, d)
		}
	}
	if _, ok := f.dict(cat["/Metadata"])["/Filter"]; ok {
		bad("PDF/A 6.6.2.1", "the metadata stream is compressed")
	}
	xmp := f.data(cat["/Metadata"])
	checkXMP(t, xmp, info)

	// The structure tree: standard types, parents, figures' text, tables, lists, headings.
	root := f.dict(cat["/StructTreeRoot"])
	if root["/Type"] != "/StructTreeRoot" {
		bad("PDF/UA 7.1-11", "no StructTreeRoot")
		return sum
	}
	pages := f.pages()
	pageIndex := map[string]int{}
	for i, p := range pages {
		pageIndex[p] = i
	}
	type mc struct{ page, mcid int }
	owner := map[mc]string{}          // marked content → its element
	annotOwner := map[string]string{} // annotation → its Link element
	seen := map[string]bool{}
	var walk func(ref, parent string)
	walk = func(ref, parent string) {
		if seen[ref] {
			bad("ISO 32000 14.7", "element %s reached twice", ref)
			return
		}
		seen[ref] = true
		el := f.dict(ref)
		s := strings.TrimPrefix(fmt.Sprint(el["/S"]), "/")
		sum.roles[s]++
		if fmt.Sprint(el["/P"]) != parent {
			bad("PDF/UA 7.1-12", "%s %s: /P %v, parent %s", s, ref, el["/P"], parent)
		}
		if !standardTypes[s] {
			bad("PDF/UA 7.1-5", "%s is no standard type", s)
		}
		if len(s) == 2 && s[0] == 'H' && s[1] >= '1' && s[1] <= '6' {
			sum.headings = append(sum.headings, int(s[1]-'0'))
		}
		if s == "Figure" {
			alt := text(el["/Alt"])
			if alt == "" {
				bad("PDF/UA 7.3-1", "Figure %s without /Alt", ref)
			}
			sum.alts = append(sum.alts, alt)
		}
		var kidTypes []string
		for _, k := range f.array(el["/K"]) {
			if d := f.dict(k); isRef(k) && d["/S"] != nil {
				kidTypes = append(kidTypes, strings.TrimPrefix(fmt.Sprint(d["/S"]), "/"))
			}
		}
		parentType := strings.TrimPrefix(fmt.Sprint(f.dict(parent)["/S"]), "/")
		switch s {
		case "Table":
			for i, k := range kidTypes {
				if k != "TR" && !(k == "Caption" && (i == 0 || i == len(kidTypes)-1)) {
					bad("PDF/UA 7.2-3", "Table kids %v", kidTypes)
				}
			}
		case "TR":
			if parentType != "Table" {
				bad("PDF/UA 7.2-4", "TR in %s", parentType)
			}
			for _, k := range kidTypes {
				if k != "TH" && k != "TD" {
					bad("PDF/UA 7.2-10", "TR kids %v", kidTypes)
				}
			}
		case "TH", "TD":
			if parentType != "TR" {
				bad("PDF/UA 7.2-8", "%s in %s", s, parentType)
			}
			if s == "TH" && f.dict(el["/A"])["/Scope"] == nil {
				bad("PDF/UA 7.5-1", "TH %s without /Scope", ref)
			}
		case "L":
			for _, k := range kidTypes {
				if k != "LI" && k != "L" && k != "Caption" {
					bad("PDF/UA 7.2-19", "L kids %v", kidTypes)
				}
			}
		case "LI":
			for _, k := range kidTypes {
				if k != "Lbl" && k != "LBody" {
					bad("PDF/UA 7.2-20", "LI kids %v", kidTypes)
				}
			}
		case "LBody":
			if parentType != "LI" {
				bad("PDF/UA 7.2-18", "%s in %s", s, parentType)
			}
		case "Lbl":
			// ISO 32000-1, table 333: the label of a list item or of an item of a table
			// of contents.
			if parentType != "LI" && parentType != "TOCI" {
				bad("PDF/UA 7.2-18", "%s in %s", s, parentType)
			}
		}
		pg, hasPg := pageIndex[fmt.Sprint(el["/Pg"])]
		for _, k := range f.array(el["/K"]) {
			switch k := k.(type) {
			case float64:
				if !hasPg {
					bad("ISO 32000 14.7.4", "%s %s: MCID %v without /Pg", s, ref, k)
					continue
				}
				key := mc{pg, int(k)}
				if owner[key] != "" {
					bad("ISO 32000 14.7", "MCID %v owned twice", key)
				}
				owner[key] = ref
			case string:
				walk(k, ref)
			case map[string]any:
				switch k["/Type"] {
				case "/MCR":
					p, ok := pageIndex[fmt.Sprint(k["/Pg"])]
					if !ok {
						bad("ISO 32000 14.7.4", "MCR without /Pg")
					}
					owner[mc{p, num(k["/MCID"])}] = ref
				case "/OBJR":
					if s != "Link" {
						bad("PDF/UA 7.18", "an annotation in %s", s)
					}
					annotOwner[fmt.Sprint(k["/Obj"])] = ref
				default:
					bad("ISO 32000 14.7", "%s %s: kid %v", s, ref, k)
				}
			}
		}
	}
	kids := f.array(root["/K"])
	if len(kids) != 1 || f.dict(kids[0])["/S"] != "/Document" {
		bad("structure", "the tree's root holds %v, want one Document", kids)
	}
	for _, k := range kids {
		walk(k.(string), fmt.Sprint(cat["/StructTreeRoot"]))
	}
	if len(sum.headings) > 0 && sum.headings[0] != 1 {
		bad("PDF/UA 7.4.2-1", "the first heading is H%d", sum.headings[0])
	}
	for i := 1; i < len(sum.headings); i++ {
		if sum.headings[i] > sum.headings[i-1]+1 {
			bad("PDF/UA 7.4.2-1", "H%d follows H%d", sum.headings[i], sum.headings[i-1])
		}
	}

	// The parent tree: one leaf, its keys the pages' /StructParents and the annotations'
	// /StructParent.
	ptree := map[int]any{}
	var nums func(v any)
	nums = func(v any) {
		d := f.dict(v)
		n := f.array(d["/Nums"])
		for i := 0; i+1 < len(n); i += 2 {
			ptree[num(n[i])] = n[i+1]
		}
		for _, k := range f.array(d["/Kids"]) {
			nums(k)
		}
	}
	nums(root["/ParentTree"])
	for k := range ptree {
		if k >= num(root["/ParentTreeNextKey"]) {
			bad("ISO 32000 14.7.4.4", "parent tree key %d not below ParentTreeNextKey", k)
		}
	}

	// The pages: every painting operator in an element's marked content or an artifact,
	// sequences nested with the text objects and saved states, every MCID owned by the
	// element the parent tree names; annotations tagged, printed, described.
	painting := map[string]bool{"Tj": true, "TJ": true, "'": true, `"`: true, "Do": true, "sh": true,
		"BI": true, "S": true, "s": true, "f": true, "F": true, "f*": true, "B": true, "B*": true, "b": true, "b*": true}
	for pi, pref := range pages {
		pg := f.dict(pref)
		if pg["/Tabs"] != "/S" {
			bad("PDF/UA 7.18.3-1", "page %d: /Tabs %v", pi+1, pg["/Tabs"])
		}
		var content []byte
		for _, c := range f.array(pg["/Contents"]) {
			content = append(append(content, f.data(c)...), '\n')
		}
		type seq struct {
			tag      string
			mcid     int
			artifact bool
			q        int
			inText   bool
		}
		var stack []seq
		q, inText := 0, false
		mcids := map[int]bool{}
		for _, o := range operations(content) {
			switch o.op {
			case "BDC", "BMC":
				e := seq{mcid: -1, q: q, inText: inText}
				if len(o.args) > 0 {
					e.tag, _ = o.args[0].(string)
				}
				e.artifact = e.tag == "/Artifact"
				if o.op == "BDC" && len(o.args) > 1 {
					if props, ok := o.args[1].(map[string]any); ok {
						if m, ok := props["/MCID"].(float64); ok {
							e.mcid = int(m)
						}
						if a, ok := props["/ActualText"].([]byte); ok {
							sum.actual = append(sum.actual, textOf(a))
						}
					}
				}
				for _, open := range stack {
					if e.artifact && open.mcid >= 0 {
						bad("PDF/UA 7.1-1", "page %d: an artifact in %s's content", pi+1, open.tag)
					}
					if e.mcid >= 0 && (open.artifact || open.mcid >= 0) {
						bad("PDF/UA 7.1-2", "page %d: MCID %d inside %s", pi+1, e.mcid, open.tag)
					}
				}
				if e.mcid >= 0 {
					if mcids[e.mcid] {
						bad("ISO 32000 14.7.4.2", "page %d: MCID %d used twice", pi+1, e.mcid)
					}
					mcids[e.mcid] = true
					sum.mcids++
				}
				if e.artifact {
					sum.artifact++
				}
				stack = append(stack, e)
			case "EMC":
				if len(stack) == 0 {
					bad("ISO 32000 14.6", "page %d: EMC with no sequence open", pi+1)
					continue
				}
				e := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if e.q != q || e.inText != inText {
					bad("ISO 32000 14.6", "page %d: %s does not nest with q/Q or BT/ET", pi+1, e.tag)
				}
			case "q":
				q++
			case "Q":
				if len(stack) > 0 && stack[len(stack)-1].q == q {
					bad("ISO 32000 14.6", "page %d: Q closes a q opened before %s", pi+1, stack[len(stack)-1].tag)
				}
				q--
			case "BT":
				inText = true
			case "ET":
				if len(stack) > 0 && stack[len(stack)-1].inText {
					bad("ISO 32000 14.6", "page %d: ET inside a sequence begun in the text object", pi+1)
				}
				inText = false
			}
			if painting[o.op] {
				tagged := slices.ContainsFunc(stack, func(e seq) bool { return e.mcid >= 0 || e.artifact })
				if !tagged {
					bad("PDF/UA 7.1-3", "page %d: %s outside marked content", pi+1, o.op)
				}
			}
		}
		if len(stack) > 0 {
			bad("ISO 32000 14.6", "page %d: %d sequences left open", pi+1, len(stack))
		}
		arr := f.array(ptree[num(pg["/StructParents"])])
		for m := range mcids {
			el := owner[mc{pi, m}]
			switch {
			case el == "":
				bad("PDF/UA 7.1-3", "page %d: MCID %d owned by no element", pi+1, m)
			case m >= len(arr) || fmt.Sprint(arr[m]) != el:
				bad("ISO 32000 14.7.4.4", "page %d: the parent tree's MCID %d is not its element", pi+1, m)
			}
		}
		for k := range owner {
			if k.page == pi && !mcids[k.mcid] {
				bad("ISO 32000 14.7.4", "page %d: an element owns MCID %d, not in the content", pi+1, k.mcid)
			}
		}
		for _, a := range f.array(pg["/Annots"]) {
			sum.annots++
			if !isRef(a) {
				bad("PDF/UA 7.18.5-1", "page %d: an annotation that is no object", pi+1)
				continue
			}
			ad := f.dict(a)
			if fl := num(ad["/F"]); fl < 0 || fl&4 == 0 || fl&(1|2|32|256) != 0 {
				bad("PDF/A 6.3.2", "annotation %s: /F %v", a, ad["/F"])
			}
			if text(ad["/Contents"]) == "" {
				bad("PDF/UA 7.18.5-2", "link %s without /Contents", a)
			}
			el := fmt.Sprint(ptree[num(ad["/StructParent"])])
			if annotOwner[a.(string)] == "" || annotOwner[a.(string)] != el {
				bad("PDF/UA 7.18.5-1", "link %s is not its Link element's, through /StructParent", a)
			}
			if r := f.array(ad["/Rect"]); len(r) != 4 || r[0].(float64) > r[2].(float64) || r[1].(float64) > r[3].(float64) {
				bad("ISO 32000 12.5.2", "link %s: /Rect %v", a, r)
			}
		}
	}
	return sum
}

// checkXMP checks the XMP packet: well-formed, the PDF/A-2a and PDF/UA-1 identification, the
// extension schema that declares pdfuaid, and the Info dictionary's title, subject and dates.
func checkXMP(t *testing.T, xmp []byte, info map[string]any) {
	t.Helper()
	if !bytes.HasPrefix(xmp, []byte("<?xpacket begin=\"\ufeff\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>")) ||
		!bytes.HasSuffix(xmp, []byte(`<?xpacket end="w"?>`)) {
		t.Errorf("PDF/A 6.6.2.1: the XMP packet's header or trailer: %.80q", xmp)
	}
	// The values by namespace and name: "dc title" (the x-default of an rdf:Alt, an rdf:li of
	// a list, under its property's name).
	ns := map[string]string{"http://purl.org/dc/elements/1.1/": "dc", "http://ns.adobe.com/xap/1.0/": "xmp",
		"http://ns.adobe.com/pdf/1.3/": "pdf", "http://www.aiim.org/pdfa/ns/id/": "pdfaid",
		"http://www.aiim.org/pdfua/ns/id/": "pdfuaid", "http://www.aiim.org/pdfa/ns/schema#": "pdfaSchema"}
	values := map[string]string{}
	d := xml.NewDecoder(bytes.NewReader(xmp))
	var path []xml.Name
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Errorf("PDF/A 6.6.2.1: the XMP packet is not well-formed XML: %v", err)
			return
		}
		switch e := tok.(type) {
		case xml.StartElement:
			path = append(path, e.Name)
		case xml.EndElement:
			path = path[:len(path)-1]
		case xml.CharData:
			if s := strings.TrimSpace(string(e)); s != "" && len(path) > 0 {
				k := path[len(path)-1]
				if k.Local == "li" && len(path) > 2 {
					k = path[len(path)-3]
				}
				values[ns[k.Space]+" "+k.Local] += s
			}
		}
	}
	pdfDate := func(k string) string {
		s := text(info[k])
		if len(s) < 16 {
			return s
		}
		return s[2:6] + "-" + s[6:8] + "-" + s[8:10] + "T" + s[10:12] + ":" + s[12:14] + ":" + s[14:16] + "Z"
	}
	for k, want := range map[string]string{
		"pdfaid part": "2", "pdfaid conformance": "A", "pdfuaid part": "1", "pdfaSchema prefix": "pdfuaid",
		"dc title": text(info["/Title"]), "dc description": text(info["/Subject"]),
		"pdf Keywords": text(info["/Keywords"]), "xmp CreatorTool": text(info["/Creator"]),
		"pdf Producer":   text(info["/Producer"]),
		"xmp CreateDate": pdfDate("/CreationDate"), "xmp ModifyDate": pdfDate("/ModDate"),
	} {
		if values[k] != want {
			t.Errorf("PDF/A 6.6: XMP %s is %q, want %q", k, values[k], want)
		}
	}
}

// taggedDoc is a document of the tests, with what its structure must hold.
type taggedDoc struct {
	name string
	doc  *source.Document
	imgs render.Images
	// tables is how many Table elements; figures the figures; headings the heading levels
	// that must be there.
	tables, figures int
	headings        []int
}

func taggedDocs(t *testing.T) []taggedDoc {
	var docs []taggedDoc
	for _, name := range testkit.Articles {
		doc := parse(t, name)
		docs = append(docs, taggedDoc{name: name, doc: doc, tables: 2, figures: figureCount(doc), headings: []int{1, 2}})
	}
	for _, name := range testkit.Layout {
		doc, err := source.Parse(readFile(t, testkit.LayoutArticle(name)), source.Options{File: name + ".txt"})
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, taggedDoc{name: name, doc: doc, imgs: figureImages(t), tables: 2, figures: figureCount(doc), headings: []int{1, 2}})
	}
	h, err := source.Parse(readFile(t, testkit.Handout()), source.Options{File: "handout.md", Markdown: true})
	if err != nil {
		t.Fatal(err)
	}
	docs = append(docs, taggedDoc{name: "handout", doc: h, tables: 3, headings: []int{1, 2, 3, 4, 5, 6}})
	spec := parseSpec(t)
	docs = append(docs, taggedDoc{name: "spec", doc: spec, tables: 0, headings: []int{1, 2, 3}})
	return docs
}

// figureCount is how many figures a document's sections hold.
func figureCount(doc *source.Document) int {
	n := 0
	count := func(b source.Block) bool {
		if _, ok := b.(*source.Figure); ok {
			n++
		}
		return true
	}
	source.Inspect(doc.Abstract, count)
	for _, s := range doc.Sections {
		source.Inspect(s.Blocks, count)
	}
	return n
}

// TestTagged checks the structure of the corpus articles, the layout articles (with their
// figures' images), a Markdown handout and the CommonMark spec: every rule checkTagged knows,
// and the headings, tables and figures each must have.
func TestTagged(t *testing.T) {
	testkit.NeedTool(t, "qpdf")
	for _, td := range taggedDocs(t) {
		t.Run(td.name, func(t *testing.T) {
			if td.name == "spec" && testing.Short() {
				t.Skip("the spec's 139 pages in -short")
			}
			path := writeTemp(t, renderArticle(t, render.NewArticle(td.doc, td.imgs), options(func(int, string) {})))
			sum := checkTagged(t, path)
			for _, h := range td.headings {
				if !slices.Contains(sum.headings, h) {
					t.Errorf("no H%d among %v", h, sum.headings)
				}
			}
			if td.tables > 0 && sum.roles["Table"] != td.tables {
				t.Errorf("%d tables, want %d", sum.roles["Table"], td.tables)
			}
			if sum.roles["Figure"] != td.figures || len(sum.alts) != td.figures {
				t.Errorf("%d figures with %d alternative texts, want %d", sum.roles["Figure"], len(sum.alts), td.figures)
			}
			if sum.mcids == 0 || sum.artifact == 0 {
				t.Errorf("%d sequences of content, %d artifacts", sum.mcids, sum.artifact)
			}
		})
	}
}

// TestHyphenatedWordsExtractWhole checks that a word hyphenated at a line end is copied and
// searched whole: pdftotext, even in its raw mode that does not join hyphenated lines itself,
// reads each such word through its /ActualText.
func TestHyphenatedWordsExtractWhole(t *testing.T) {
	testkit.NeedTool(t, "qpdf")
	testkit.NeedTool(t, "pdftotext")
	path := writeTemp(t, renderDoc(t, parse(t, testkit.Seed), options(nil)))
	sum := checkTagged(t, path)
	raw := run(t, "pdftotext", "-raw", "-enc", "UTF-8", path, "-")
	n := 0
	for _, rest := range sum.actual {
		if rest == "" {
			continue
		}
		n++
		if strings.Contains(raw, "-\n"+rest) {
			t.Errorf("a word ending %q is read in two pieces", rest)
		}
	}
	if n < 20 {
		t.Errorf("%d words hyphenated at a line end carry the rest of the word; the seed has more", n)
	}
}

// TestLanguage checks the catalog's /Lang: the document's language, or "en" with a warning
// when it is no language tag (fpdf would write it unescaped).
func TestLanguage(t *testing.T) {
	testkit.NeedTool(t, "qpdf")
	for _, tc := range []struct{ lang, want string }{{"en-gb", "en-GB"}, {"", "en"}, {"en) /OpenAction [3 0 R]", "en"}} {
		doc := parse(t, "a1")
		doc.Lang = tc.lang
		var warned []string
		path := writeTemp(t, renderDoc(t, doc, options(func(_ int, m string) {
			if strings.Contains(m, "language") {
				warned = append(warned, m)
			}
		})))
		f := readPDF(t, path)
		if got := text(f.dict(f.trailer["/Root"])["/Lang"]); got != tc.want {
			t.Errorf("lang %q: /Lang %q, want %q", tc.lang, got, tc.want)
		}
		if bad := tc.want == "en" && tc.lang != ""; bad != (len(warned) > 0) {
			t.Errorf("lang %q: warnings %q", tc.lang, warned)
		}
	}
}

// TestTagCheck reads the same documents with tagcheck, an outside checker built on pdf.js
// (the structure tree a browser's reader gets, the text it finds outside it) and qpdf, when
// GALLEY_TAGCHECK names its directory: marked, the language and the title shown, every table
// with header cells, every figure with its text alternative, and at most 1 % of the text
// outside the structure tree; and its pdfa.sh: the XMP's PDF/A part, the output intent, the
// fonts embedded.
func TestTagCheck(t *testing.T) {
	if os.Getenv("GALLEY_TAGCHECK") == "" {
		t.Skip("GALLEY_TAGCHECK does not name tagcheck's directory; skipping")
	}
	for _, td := range taggedDocs(t) {
		t.Run(td.name, func(t *testing.T) {
			if td.name == "spec" && testing.Short() {
				t.Skip("the spec's 139 pages in -short")
			}
			path := writeTemp(t, renderArticle(t, render.NewArticle(td.doc, td.imgs), options(func(int, string) {})))
			got := tagReport(t, testkit.TagCheck(t, path))
			lang := render.Lang(td.doc, options(nil))
			for k, want := range map[string]string{"marked": "yes", "lang": lang, "title": "yes", "figures_without_alt": "0"} {
				if got[k] != want {
					t.Errorf("tagcheck: %s=%s, want %s", k, got[k], want)
				}
			}
			if n, _ := strconv.Atoi(got["tables"]); n < td.tables {
				t.Errorf("tagcheck: %d tables, want %d", n, td.tables)
			}
			if th, _ := strconv.Atoi(got["th"]); td.tables > 0 && th < td.tables {
				t.Errorf("tagcheck: %d header cells in %d tables", th, td.tables)
			}
			if n, _ := strconv.Atoi(got["figures"]); n != td.figures {
				t.Errorf("tagcheck: %d figures, want %d", n, td.figures)
			}
			if n, _ := strconv.Atoi(got["headings"]); n < len(td.headings) {
				t.Errorf("tagcheck: %d headings, want at least %d", n, len(td.headings))
			}
			pdfa := strings.TrimSpace(run(t, "bash", filepath.Join(os.Getenv("GALLEY_TAGCHECK"), "pdfa.sh"), path))
			if want := "pdfa: xmp=yes pdfaid=2 output_intent=yes fonts_embedded=yes"; !strings.HasSuffix(pdfa, want) {
				t.Errorf("pdfa.sh: want %q at the end of\n%s", want, pdfa)
			}
			share, err := strconv.ParseFloat(strings.TrimSuffix(got["untagged_text_share"], "%"), 64)
			if err != nil || share > 1 {
				t.Errorf("tagcheck: untagged text share %q, want at most 1%%", got["untagged_text_share"])
			}
		})
	}
}

// tagReport reads tagcheck's verdict, its last line "tagged: key=value ...".
func tagReport(t *testing.T, out string) map[string]string {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(out), "\n")
	last := lines[len(lines)-1]
	rest, ok := strings.CutPrefix(last, "tagged: ")
	if !ok {
		t.Fatalf("tagcheck printed no verdict:\n%s", out)
	}
	m := map[string]string{}
	for _, f := range strings.Fields(rest) {
		k, v, _ := strings.Cut(f, "=")
		m[k] = v
	}
	return m
}
