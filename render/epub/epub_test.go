package epub

import (
	"bytes"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"galley/internal/testkit"
	"galley/render"
	"galley/render/cite"
	"galley/source"
	"galley/source/cal"
	"galley/source/timeline"
)

// seedBook renders the seed article with an embedded image and a hand-made timeline (the
// timeline extractor is built elsewhere), the way the CLI would.
func seedBook(t testing.TB) (*render.Article, *render.Options, *epubFiles) {
	t.Helper()
	doc := parseFile(t, seedFile, false)
	doc.Timeline = []timeline.Event{
		event(t, doc, cal.DateOf(1929, 0, 0), cal.Date{},
			"In 1929, Ford Motor Company signed a contract to build a plant in Russia that would produce one hundred thousand vehicles annually.", "1929"),
		event(t, doc, cal.DateOf(1933, 11, 16), cal.Date{},
			"The talks made quick progress and the agreements, signed on November 16, 1933, dealt with most of the major issues.", "November 16, 1933"),
		event(t, doc, cal.DateOf(1933, 11, 0), cal.Date{},
			"Formal diplomatic negotiations began in November 1933, resulting in agreements that established trade relations and addressed various bilateral concerns.", "November 1933"),
		// A paragraph the book does not hold: the event is listed without a link.
		{Start: cal.DateOf(1935, 0, 0), Text: "A stray event.", Para: "p99999", At: -1},
	}
	var warnings []string
	a := render.NewArticle(doc, fixedImages{testPNG(t, "89316673-64532.jpg")})
	opt := &render.Options{
		Cite:       cite.Chicago,
		Version:    "v1.2.3",
		Modified:   testTime,
		Identifier: "urn:uuid:0b6f8a9e-6c1d-5d2e-9a4b-3f1e2d3c4b5a",
		Warn:       func(line int, msg string) { warnings = append(warnings, msg) },
	}
	e := openEPUB(t, renderArticle(t, a, opt))
	if len(warnings) > 0 {
		t.Errorf("warnings for a complete book: %q", warnings)
	}
	return a, opt, e
}

func TestContainer(t *testing.T) {
	_, _, e := seedBook(t)
	want := []string{
		"mimetype",
		"META-INF/container.xml",
		"EPUB/package.opf",
		"EPUB/nav.xhtml",
		"EPUB/toc.ncx",
		"EPUB/css/galley.css",
		"EPUB/xhtml/cover.xhtml",
		"EPUB/xhtml/title.xhtml",
		"EPUB/xhtml/overview.xhtml",
		"EPUB/xhtml/key-figures.xhtml",
		"EPUB/xhtml/section-01.xhtml",
		"EPUB/xhtml/section-02.xhtml",
		"EPUB/xhtml/timeline.xhtml",
		"EPUB/xhtml/bibliography.xhtml",
		"EPUB/images/cover.png",
		"EPUB/images/89316673-64532.png",
	}
	if !slices.Equal(e.names, want) {
		t.Errorf("entries:\n got %q\nwant %q", e.names, want)
	}
	mt := e.zr.File[0]
	if mt.Name != "mimetype" || mt.Method != 0 || len(mt.Extra) != 0 || mt.Flags&0x8 != 0 {
		t.Errorf("mimetype entry: name %q method %d extra %d flags %#x; want first, stored, no extra field, no data descriptor",
			mt.Name, mt.Method, len(mt.Extra), mt.Flags)
	}
	if got := string(e.data["mimetype"]); got != "application/epub+zip" {
		t.Errorf("mimetype = %q", got)
	}
	for _, f := range e.zr.File {
		if y, m, d := f.Modified.Date(); y != 2024 || m != 3 || d != 1 || len(f.Extra) != 0 {
			t.Errorf("%s: time %v, %d bytes of extra field; want the build date and none", f.Name, f.Modified, len(f.Extra))
		}
	}
	c := mustXML(t, containerName, e.data[containerName])
	if got := c.tag("rootfile")[0].attr("full-path"); got != packageName {
		t.Errorf("container points at %q", got)
	}
}

// TestWellFormed parses every XML file of several books strictly and checks each page's
// language.
func TestWellFormed(t *testing.T) {
	books := map[string]*source.Document{
		"seed":  parseFile(t, seedFile, false),
		"a1":    parseFile(t, "articles/a1.txt", false),
		"a3":    parseFile(t, "articles/a3.txt", false),
		"a5":    parseFile(t, "articles/a5.txt", false),
		"bad08": parseFile(t, "bad/bad08.txt", false),
		"spec":  parseFile(t, testkit.SpecFile, true),
	}
	for name, doc := range books {
		t.Run(name, func(t *testing.T) {
			e := openEPUB(t, renderBook(t, doc, &render.Options{Modified: testTime}))
			for _, f := range e.names {
				switch path.Ext(f) {
				case ".xhtml", ".opf", ".ncx", ".xml":
				default:
					continue
				}
				root := mustXML(t, f, e.data[f])
				if path.Ext(f) == ".xhtml" && (root.attr("lang") != "en" || root.attr("lang") != root.attrNS("xml", "lang")) {
					t.Errorf("%s: lang=%q xml:lang=%q, want en", f, root.attr("lang"), root.attrNS("xml", "lang"))
				}
			}
		})
	}
}

func (n *node) attrNS(prefix, local string) string {
	space := map[string]string{"xml": "http://www.w3.org/XML/1998/namespace",
		"epub": "http://www.idpf.org/2007/ops"}[prefix]
	for _, a := range n.attrs {
		if a.Name.Local == local && a.Name.Space == space {
			return a.Value
		}
	}
	return ""
}

func TestPackageDocument(t *testing.T) {
	a, opt, e := seedBook(t)
	doc := a.Doc
	pkg := mustXML(t, packageName, e.data[packageName])
	meta := map[string][]string{}
	for _, m := range pkg.tag("metadata")[0].children {
		key := m.name.Local
		if p := m.attr("property"); p != "" {
			key = p
		} else if n := m.attr("name"); n != "" {
			key, m = n, &node{}
			meta[key] = append(meta[key], pkg.all(func(x *node) bool { return x.attr("name") == n })[0].attr("content"))
			continue
		}
		meta[key] = append(meta[key], m.Text())
	}
	want := map[string][]string{
		"identifier":                  {opt.Identifier},
		"title":                       {render.Smart(doc.Title)},
		"language":                    {"en"},
		"description":                 {render.Smart(doc.Summary)},
		"subject":                     {"Washington, D.C.", "Moscow, Soviet Union (now Russia)"},
		"coverage":                    {"November 16, 1933"},
		"date":                        {"2024-03-01"},
		"dcterms:modified":            {"2024-03-01T12:30:44Z"},
		"generator":                   {"galley v1.2.3"},
		"schema:accessMode":           {"textual", "visual"},
		"schema:accessModeSufficient": {"textual"},
		"schema:accessibilityFeature": {"structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability", "alternativeText"},
		"schema:accessibilityHazard":  {"none"},
	}
	for k, v := range want {
		if !slices.Equal(meta[k], v) {
			t.Errorf("metadata %s = %q, want %q", k, meta[k], v)
		}
	}
	if len(meta["schema:accessibilitySummary"]) != 1 || meta["schema:accessibilitySummary"][0] == "" {
		t.Errorf("accessibility summary = %q", meta["schema:accessibilitySummary"])
	}
	if id := pkg.attr("unique-identifier"); pkg.byID(id) == nil || pkg.byID(id).name.Local != "identifier" {
		t.Errorf("unique-identifier %q does not name the dc:identifier", id)
	}

	// The manifest lists exactly the archive's files, the nav has its property, and the
	// spine reads title, contents, then the parts.
	listed := map[string]bool{}
	ids := map[string]string{}
	for _, it := range pkg.tag("item") {
		href := path.Join("EPUB", it.attr("href"))
		listed[href] = true
		ids[it.attr("id")] = href
		if _, ok := e.data[href]; !ok {
			t.Errorf("manifest item %s is not in the archive", href)
		}
		if (it.attr("properties") == "nav") != (href == navName) {
			t.Errorf("item %s has properties %q", href, it.attr("properties"))
		}
	}
	for _, name := range e.names {
		if name != "mimetype" && name != containerName && name != packageName && !listed[name] {
			t.Errorf("%s is not in the manifest", name)
		}
	}
	var spine []string
	for _, ref := range pkg.tag("itemref") {
		spine = append(spine, path.Base(ids[ref.attr("idref")]))
	}
	wantSpine := []string{"cover.xhtml", "title.xhtml", "nav.xhtml", "overview.xhtml", "key-figures.xhtml", "section-01.xhtml",
		"section-02.xhtml", "timeline.xhtml", "bibliography.xhtml"}
	if !slices.Equal(spine, wantSpine) {
		t.Errorf("spine = %q, want %q", spine, wantSpine)
	}
	if got := pkg.tag("spine")[0].attr("toc"); ids[got] != ncxName {
		t.Errorf("spine toc = %q", got)
	}
}

func TestNavigation(t *testing.T) {
	a, opt, e := seedBook(t)
	doc := a.Doc
	nav := mustXML(t, navName, e.data[navName])
	var toc, landmarks *node
	for _, n := range nav.tag("nav") {
		switch n.attrNS("epub", "type") {
		case "toc":
			toc = n
		case "landmarks":
			landmarks = n
		}
	}
	if toc == nil || landmarks == nil {
		t.Fatal("nav document lacks the toc or the landmarks")
	}
	var labels []string
	for _, a := range toc.tag("a") {
		labels = append(labels, a.Text())
		checkHref(t, e, navName, a.attr("href"))
	}
	want := []string{render.Smart(doc.Title), "Overview", "Key Figures", "Summary of Event", "Significance", "Timeline", "Bibliography"}
	if !slices.Equal(labels, want) {
		t.Errorf("toc = %q, want %q", labels, want)
	}
	got := map[string]string{}
	for _, a := range landmarks.tag("a") {
		got[a.attrNS("epub", "type")] = a.attr("href")
		checkHref(t, e, navName, a.attr("href"))
	}
	wantLM := map[string]string{"cover": "xhtml/cover.xhtml", "toc": "nav.xhtml#toc", "titlepage": "xhtml/title.xhtml",
		"bodymatter": "xhtml/section-01.xhtml", "bibliography": "xhtml/bibliography.xhtml",
		"appendix": "xhtml/timeline.xhtml"}
	if fmt.Sprint(got) != fmt.Sprint(wantLM) {
		t.Errorf("landmarks = %v, want %v", got, wantLM)
	}

	ncx := mustXML(t, ncxName, e.data[ncxName])
	var uid string
	for _, m := range ncx.tag("meta") {
		if m.attr("name") == "dtb:uid" {
			uid = m.attr("content")
		}
	}
	if uid != opt.Identifier {
		t.Errorf("NCX dtb:uid = %q, want the package identifier %q", uid, opt.Identifier)
	}
	var points []string
	for i, p := range ncx.tag("navPoint") {
		points = append(points, p.tag("text")[0].Text())
		if p.attr("playOrder") != fmt.Sprint(i+1) {
			t.Errorf("navPoint %d has playOrder %q", i+1, p.attr("playOrder"))
		}
		checkHref(t, e, ncxName, p.tag("content")[0].attr("src"))
	}
	if !slices.Equal(points, want) {
		t.Errorf("NCX = %q, want %q", points, want)
	}
}

// checkHref fails unless href, relative to the file from, names a file of the archive and,
// with a fragment, an element of it with that id.
func checkHref(t *testing.T, e *epubFiles, from, href string) {
	t.Helper()
	file, frag, _ := strings.Cut(href, "#")
	name := path.Join(path.Dir(from), file)
	if file == "" {
		name = from
	}
	data, ok := e.data[name]
	if !ok {
		t.Errorf("%s links to %s, which is not in the archive", from, href)
		return
	}
	if frag != "" && mustXML(t, name, data).byID(frag) == nil {
		t.Errorf("%s links to %s, which has no element with id %q", from, href, frag)
	}
}

func TestTitlePageAndParts(t *testing.T) {
	a, _, e := seedBook(t)
	doc := a.Doc
	title := mustXML(t, "title", e.data[xhtmlDir+"title.xhtml"])
	if got := title.tag("h1")[0].Text(); got != render.Smart(doc.Title) {
		t.Errorf("title page h1 = %q", got)
	}
	if tm := title.tag("time"); len(tm) != 1 || tm[0].attr("datetime") != "1933-11-16" || tm[0].Text() != "November 16, 1933" {
		t.Errorf("title page date: %v", tm)
	}
	body := title.tag("body")[0].Text()
	if !strings.Contains(body, "November 16, 1933 · Washington · Moscow") {
		t.Errorf("title page lacks the dateline: %q", body)
	}
	// The fact panel follows the overview and adds what the title page does not say: the
	// summary and the places in full, not the title and the date again.
	ov := mustXML(t, "overview", e.data[xhtmlDir+"overview.xhtml"]).tag("body")[0].Text()
	abs, facts := strings.Index(ov, "by the early 1930s"), strings.Index(ov, render.Smart(doc.Summary))
	if abs < 0 || facts < abs || !strings.Contains(ov[facts:], "Locale Washington, D.C.; Moscow, Soviet Union (now Russia)") {
		t.Errorf("overview: abstract at %d, summary at %d", abs, facts)
	}
	if strings.Contains(ov, "November 16, 1933") || strings.Contains(ov, "Bolshevik Regime") {
		t.Errorf("the fact panel repeats the title or the date: %q", ov[facts:])
	}

	kf := mustXML(t, "key figures", e.data[xhtmlDir+"key-figures.xhtml"])
	var cols []string
	for _, th := range kf.all(func(n *node) bool { return n.name.Local == "th" && n.attr("scope") == "col" }) {
		cols = append(cols, th.Text())
	}
	if !slices.Equal(cols, []string{"Name", "Life", "Role"}) {
		t.Errorf("key figures header = %q", cols)
	}
	rows := kf.all(func(n *node) bool { return n.name.Local == "th" && n.attr("scope") == "row" })
	if len(rows) != len(doc.KeyFigures) {
		t.Fatalf("%d key-figure rows, want %d", len(rows), len(doc.KeyFigures))
	}
	litvinov := rows[1].parent
	var cells []string
	for _, c := range litvinov.children {
		cells = append(cells, c.Text())
	}
	if want := []string{"Maksim Maksimovich LitvinovMeier Moiseevich Wallach", "1876–1951", "Soviet minister of foreign affairs"}; !slices.Equal(cells, want) {
		t.Errorf("Litvinov's row = %q, want %q", cells, want)
	}
	if a := litvinov.all(func(n *node) bool { return n.attr("class") == "alias" }); len(a) != 1 {
		t.Errorf("Litvinov's alias is not set apart")
	}

	sec := mustXML(t, "section", e.data[xhtmlDir+"section-01.xhtml"])
	if h := sec.tag("h1"); len(h) != 1 || h[0].Text() != "Summary of Event" || h[0].attr("id") != "s-summary-of-event" {
		t.Errorf("section heading: %v", h)
	}
	fig := sec.tag("figure")
	if len(fig) != 1 {
		t.Fatalf("%d figures", len(fig))
	}
	img := fig[0].tag("img")
	if len(img) != 1 || img[0].attr("src") != "../images/89316673-64532.png" || !strings.HasPrefix(img[0].attr("alt"), "Photo of Soviet politician Litvinoff") {
		t.Errorf("figure image: %+v", img)
	}
	if got := fig[0].tag("figcaption")[0].Text(); !strings.Contains(got, "By Isaac McBride [Public domain], via Wikimedia Commons") {
		t.Errorf("figcaption = %q", got)
	}

	bib := mustXML(t, "bibliography", e.data[xhtmlDir+"bibliography.xhtml"])
	if li := bib.tag("li"); len(li) != len(doc.Bibliography) {
		t.Errorf("%d bibliography entries, want %d", len(li), len(doc.Bibliography))
	}
	if bib.tag("section")[0].attrNS("epub", "type") != "bibliography" {
		t.Errorf("bibliography section lacks its epub:type")
	}
}

// TestTimelineLinks checks that each timeline event links back to the paragraph that states
// it, and that an event whose paragraph is not in the book has no link.
func TestTimelineLinks(t *testing.T) {
	a, _, e := seedBook(t)
	doc := a.Doc
	tl := mustXML(t, "timeline", e.data[xhtmlDir+"timeline.xhtml"])
	rows := tl.tag("tbody")[0].tag("tr")
	if len(rows) != len(doc.Timeline) {
		t.Fatalf("%d timeline rows, want %d", len(rows), len(doc.Timeline))
	}
	for i, ev := range doc.Timeline {
		row := rows[i]
		if got, want := row.tag("th")[0].Text(), render.EventDate(ev); got != want {
			t.Errorf("row %d date = %q, want %q", i, got, want)
		}
		links := row.tag("a")
		if ev.Para == "p99999" {
			if len(links) != 0 {
				t.Errorf("event with no paragraph links to %q", links[0].attr("href"))
			}
			continue
		}
		if len(links) != 1 {
			t.Fatalf("row %d has %d links", i, len(links))
		}
		href := links[0].attr("href")
		if !strings.HasSuffix(href, "#"+ev.Para) {
			t.Errorf("row %d links to %q, want #%s", i, href, ev.Para)
		}
		checkHref(t, e, xhtmlDir+"timeline.xhtml", href)
		target := mustXML(t, href, e.data[xhtmlDir+strings.Split(href, "#")[0]]).byID(ev.Para)
		if target == nil || target.name.Local != "p" || !strings.Contains(target.Text(), ev.Text) {
			t.Errorf("row %d: the link's target does not state %q", i, ev.Text)
		}
		// the date phrase in italics, as the PDF sets it
		if em := row.tag("em"); len(em) != 1 || em[0].Text() != ev.Phrase {
			t.Errorf("row %d: date phrase not set off: %v", i, em)
		}
	}
}

// TestReproducible renders the same document twice, and concurrently, and expects the same
// bytes each time; a different build time or identifier must change them.
func TestReproducible(t *testing.T) {
	doc := parseFile(t, seedFile, false)
	img := testPNG(t, "a.png")
	article := func() *render.Article { return render.NewArticle(doc, fixedImages{img}) }
	opt := func() *render.Options { return &render.Options{Modified: testTime} }
	first := renderArticle(t, article(), opt())
	var wg sync.WaitGroup
	outs := make([][]byte, 4)
	for i := range outs {
		wg.Go(func() {
			var buf bytes.Buffer
			if err := Render(&buf, article(), opt()); err != nil {
				t.Error(err)
			}
			outs[i] = buf.Bytes()
		})
	}
	wg.Wait()
	for i, out := range outs {
		if !bytes.Equal(out, first) {
			t.Errorf("render %d differs from the first (%d and %d bytes)", i, len(out), len(first))
		}
	}
	later := opt()
	later.Modified = testTime.AddDate(0, 0, 1)
	if bytes.Equal(renderArticle(t, article(), later), first) {
		t.Error("a different build time gives the same bytes")
	}
}

func TestIdentifier(t *testing.T) {
	seed := parseFile(t, seedFile, false)
	a1 := parseFile(t, "articles/a1.txt", false)
	uuid := regexp.MustCompile(`^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	id1 := identifier(seed, &render.Options{})
	id2 := identifier(parseFile(t, seedFile, false), &render.Options{})
	id3 := identifier(a1, &render.Options{})
	if !uuid.MatchString(id1) || id1 != id2 || id1 == id3 {
		t.Errorf("derived identifiers: %q, %q (same document), %q (another)", id1, id2, id3)
	}
	if got := identifier(seed, &render.Options{Identifier: "urn:uuid:given"}); got != "urn:uuid:given" {
		t.Errorf("given identifier replaced by %q", got)
	}
}

// TestHostileInput renders bad08 (markup, entities, CDATA and comment openers in the text)
// and checks that all of it is text: no script, no event handler, no injected element, and
// the paragraph after the raw markup still its own paragraph.
func TestHostileInput(t *testing.T) {
	doc := parseFile(t, "bad/bad08.txt", false)
	e := openEPUB(t, renderBook(t, doc, &render.Options{Modified: testTime}))
	allowed := map[string]bool{}
	for _, s := range strings.Fields("html head title link body section h1 h2 p time table thead tbody tr th td span figure figcaption ul li i b em a nav ol br") {
		allowed[s] = true
	}
	names, docs := e.pages(t)
	for i, d := range docs {
		for _, n := range d.all(func(*node) bool { return true }) {
			if !allowed[n.name.Local] && !(n.name.Local == "img" && names[i] == xhtmlDir+"cover.xhtml") {
				t.Errorf("%s: unexpected element <%s>", names[i], n.name.Local)
			}
			for _, a := range n.attrs {
				if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") {
					t.Errorf("%s: event handler attribute %s", names[i], a.Name.Local)
				}
			}
		}
	}
	sec := mustXML(t, "section", e.data[xhtmlDir+"section-01.xhtml"])
	var raw *node
	for _, p := range sec.tag("p") {
		if strings.HasPrefix(p.Text(), "Raw markup") {
			raw = p
		}
	}
	if raw == nil {
		t.Fatal("the paragraph with raw markup is missing")
	}
	want := "Raw markup inside a paragraph must be shown as text: <img src=x onerror=alert(1)> and then </p></body></html> followed by more text, an ampersand & a literal &amp; entity, a CDATA terminator ]]> and a comment opener <!-- that is never closed."
	if raw.Text() != want || len(raw.children) != 0 {
		t.Errorf("raw paragraph = %q with %d child elements", raw.Text(), len(raw.children))
	}
	if next := raw.parent.children[slices.Index(raw.parent.children, raw)+1]; next.name.Local != "p" || !strings.HasPrefix(next.Text(), "Rasputin was murdered") {
		t.Errorf("the paragraph after the raw markup is <%s> %q", next.name.Local, next.Text())
	}
	if cap := sec.tag("figcaption"); len(cap) != 1 || cap[0].Text() != "Figure 1. <script>alert(1)</script>" {
		t.Errorf("figure caption: %v", cap)
	}
}

// TestHostileText puts characters XML cannot hold, markup and broken UTF-8 into every field
// the renderer shows and expects well-formed files that keep the printable text.
func TestHostileText(t *testing.T) {
	for _, s := range []string{
		"nul\x00 bell\x07 esc\x1b del\x7f",
		"c1\u0085\u009f noncharacters \ufffe\uffff\ufdd0",
		"broken \xff\xfe utf-8 \xc3",
		"]]> <!-- <![CDATA[ x ]]> &nbsp; &amp; &#0; &#x1; <?pi?>",
		`"quotes" 'apostrophes' <b onmouseover="x">`,
		"\t tab and\nnewline and \r return",
	} {
		t.Run(fmt.Sprintf("%q", s[:8]), func(t *testing.T) {
			runs := []source.Inline{{Text: s}, {Text: s, Style: source.Bold | source.Italic | source.Code | source.Strike, Link: "https://example.com/" + s}, {Text: s, Break: true}}
			doc := &source.Document{
				Lang: "en", Title: s, Summary: s, Locales: []string{s}, Date: &source.Date{Text: s, Start: cal.DateOf(1933, 0, 0)},
				Abstract:   []source.Block{&source.Paragraph{Inlines: runs, ID: s}},
				KeyFigures: []source.KeyFigure{{Name: s, Aliases: []string{s}, Life: s, Role: s}, {Name: s, Raw: true}},
				Sections: []*source.Section{{Title: s, Level: 1, ID: s, Blocks: []source.Block{
					&source.Paragraph{Inlines: runs, ID: "p1"},
					&source.Figure{Alt: s, Caption: s, Credit: s, File: s, ID: s},
					&source.Heading{Level: 3, Inlines: runs, ID: s},
					&source.List{Ordered: true, Start: 3, Items: [][]source.Block{{&source.Paragraph{Inlines: runs}}}},
					&source.Quote{Blocks: []source.Block{&source.CodeBlock{Lang: s, Text: s}}},
					&source.Table{Align: []source.Align{source.AlignRight}, Header: [][]source.Inline{runs}, Rows: [][][]source.Inline{{runs}}},
					&source.Rule{},
				}}},
				BibliographyTitle: s,
				Bibliography:      []*source.BibEntry{{Raw: s}},
				Timeline:          []timeline.Event{{Start: cal.DateOf(1933, 0, 0), Text: s, Phrase: s, At: 0, Para: "p1"}},
				SeeAlso:           []string{s},
			}
			opt := &render.Options{Modified: testTime, Version: s, Identifier: s, Warn: func(int, string) {}}
			e := openEPUB(t, renderArticle(t, render.NewArticle(doc, fixedImages{testPNG(t, "x.png")}), opt))
			for _, f := range e.names {
				if ext := path.Ext(f); ext == ".xhtml" || ext == ".opf" || ext == ".ncx" {
					mustXML(t, f, e.data[f])
				}
			}
			text := e.text(t)
			for _, word := range []string{"quotes", "apostrophes", "tab", "broken", "noncharacters", "esc", "]]>", "<!--", "&nbsp;"} {
				if strings.Contains(s, word) && !strings.Contains(text, word) {
					t.Errorf("text lost %q", word)
				}
			}
		})
	}
}

// TestMarkdownBlocks checks that the generic Markdown blocks become semantic XHTML.
func TestMarkdownBlocks(t *testing.T) {
	src := "---\ntitle: Blocks\nlang: de-CH\n---\n\nIntro *with* **style**, `code`, ~~gone~~ and [a link](https://example.com/a?b=c&d=e) and [bad](javascript:alert(1)).\n\n" +
		"# First\n\n## Second\n\nText.\n\n#### Deep\n\n3. three\n4. four\n\n- a\n  > quoted\n- b\n\n```go\nfunc main() { if a < b && c > d {} }\n```\n\n" +
		"| left | centre | right |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n\n---\n"
	doc, err := source.Parse([]byte(src), source.Options{Markdown: true})
	if err != nil {
		t.Fatal(err)
	}
	e := openEPUB(t, renderBook(t, doc, &render.Options{Modified: testTime}))
	names, docs := e.pages(t)
	var all []*node
	for i, d := range docs {
		if d.attr("lang") != "de-CH" {
			t.Errorf("page lang = %q, want de-CH", d.attr("lang"))
		}
		if names[i] != navName {
			all = append(all, d)
		}
	}
	find := func(tag string) []*node {
		var out []*node
		for _, d := range all {
			out = append(out, d.tag(tag)...)
		}
		return out
	}
	checks := []struct {
		what string
		ok   bool
	}{
		{"em", len(find("em")) == 1 && find("em")[0].Text() == "with"},
		{"strong", len(find("strong")) == 1},
		{"code span", len(find("code")) == 2},
		{"safe link kept", len(find("a")) >= 1 && find("a")[len(find("a"))-1].attr("href") == "https://example.com/a?b=c&d=e"},
		{"javascript link dropped", !strings.Contains(fmt.Sprint(e.data), "javascript:")},
		{"h1 per section", len(find("h1")) == 2+2},
		{"deep heading nested", len(find("h2")) == 1 && find("h2")[0].Text() == "Deep"},
		{"ordered list start", len(find("ol")) >= 1 && find("ol")[0].attr("start") == "3"},
		{"list in list item quote", len(find("blockquote")) == 1 && find("blockquote")[0].parent.name.Local == "li"},
		{"code block", len(find("pre")) == 1 && find("pre")[0].tag("code")[0].attr("class") == "language-go" && strings.Contains(find("pre")[0].Text(), "a < b && c > d")},
		{"table header", len(find("th")) == 3 && find("th")[0].attr("scope") == "col"},
		{"alignment", len(find("td")) == 3 && find("td")[1].attr("class") == "center" && find("td")[2].attr("class") == "right"},
		{"rule", len(find("hr")) == 1},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("%s: not as expected", c.what)
		}
	}
	nav := mustXML(t, navName, e.data[navName])
	toc := nav.tag("nav")[0]
	if got := len(toc.tag("ol")); got != 2 {
		t.Errorf("toc has %d lists, want the second-level section nested (2)", got)
	}
}

// TestSpec renders the CommonMark spec as a Markdown document: every section is a page and
// nested in the table of contents under its chapter.
func TestSpec(t *testing.T) {
	doc := parseFile(t, testkit.SpecFile, true)
	e := openEPUB(t, renderBook(t, doc, &render.Options{Modified: testTime}))
	nav := mustXML(t, navName, e.data[navName])
	toc := nav.tag("nav")[0]
	top, nested := 0, 0
	for _, li := range toc.tag("li") {
		if li.parent.parent == toc {
			top++
		} else {
			nested++
		}
		checkHref(t, e, navName, li.tag("a")[0].attr("href"))
	}
	level1 := 0
	for _, s := range doc.Sections {
		if s.Level == 1 {
			level1++
		}
	}
	// The title page, each top-level section, and the timeline appendix when the spec states dates.
	wantTop := 1 + level1
	if len(doc.Timeline) > 0 {
		wantTop++
	}
	if top != wantTop || nested != len(doc.Sections)-level1 {
		t.Errorf("toc: %d top entries and %d nested, want %d and %d", top, nested, wantTop, len(doc.Sections)-level1)
	}
	text := e.text(t)
	for _, s := range []string{"A line ending is a line feed (U+000A), a carriage return", "<a href=\"/url\">foo</a>", "&amp;"} {
		if !strings.Contains(text, s) {
			t.Errorf("the spec's text lacks %q", s)
		}
	}
}

// TestTextComplete checks that no text of the articles is lost: every paragraph, caption,
// key figure and bibliography entry, as it is set (render.Article.Typeset), is in the book's
// reading order text.
func TestTextComplete(t *testing.T) {
	for _, file := range []string{seedFile, "articles/a1.txt", "articles/a3.txt", "articles/a5.txt", "bad/bad08.txt"} {
		t.Run(path.Base(file), func(t *testing.T) {
			a := render.NewArticle(parseFile(t, file, false), nil)
			e := openEPUB(t, renderArticle(t, a, &render.Options{Modified: testTime, Warn: func(int, string) {}}))
			text := strings.Join(strings.Fields(e.text(t)), " ")
			doc := a.Typeset()
			var want []string
			want = append(want, doc.Title, doc.Date.Text, doc.Summary)
			want = append(want, doc.Locales...)
			walk := func(bs []source.Block) {
				for _, b := range bs {
					switch b := b.(type) {
					case *source.Paragraph:
						want = append(want, b.Text())
					case *source.Figure:
						want = append(want, b.Caption, b.Credit)
					}
				}
			}
			walk(doc.Abstract)
			for _, s := range doc.Sections {
				want = append(want, s.Title)
				walk(s.Blocks)
			}
			for _, f := range doc.KeyFigures {
				want = append(want, f.Name, f.Role, render.Lifespan(f))
				want = append(want, f.Aliases...)
			}
			for _, b := range a.Bibliography(cite.Chicago) {
				var text strings.Builder
				for _, run := range b.Runs {
					text.WriteString(run.Text)
				}
				want = append(want, text.String(), b.Annote)
			}
			want = append(want, doc.SeeAlso...)
			for _, s := range want {
				if s = strings.Join(strings.Fields(s), " "); s != "" && !strings.Contains(text, s) {
					t.Errorf("missing from the book: %q", s)
				}
			}
			if i := strings.IndexAny(text, "'\""); i >= 0 {
				t.Errorf("a straight quote in the book: %q", text[max(0, i-30):min(len(text), i+30)])
			}
		})
	}
}

func TestMissingImage(t *testing.T) {
	doc := parseFile(t, seedFile, false)
	type warning struct {
		line int
		msg  string
	}
	var got []warning
	opt := &render.Options{Modified: testTime, Warn: func(line int, msg string) { got = append(got, warning{line, msg}) }}
	e := openEPUB(t, renderArticle(t, render.NewArticle(doc, &render.DirImages{Dir: t.TempDir(), Explicit: true}), opt))
	if len(got) != 1 || got[0].line != 13 || !strings.Contains(got[0].msg, "89316673-64532.jpg") {
		t.Errorf("warnings = %v, want one for line 13 naming the file", got)
	}
	sec := mustXML(t, "section", e.data[xhtmlDir+"section-01.xhtml"])
	fig := sec.tag("figure")[0]
	// It says what a reader needs, not the file's name; the caption is numbered, the
	// credit on a line of its own.
	if fig.attr("class") != "placeholder" || len(fig.tag("img")) != 0 || len(fig.tag("figcaption")) != 1 ||
		!strings.Contains(fig.Text(), "Image not available") || strings.Contains(fig.Text(), "89316673") {
		t.Errorf("placeholder figure = %q", fig.Text())
	}
	caption := fig.tag("figcaption")[0]
	if !strings.HasPrefix(caption.Text(), "Figure 1. Photo of Soviet politician") || len(caption.tag("br")) != 1 ||
		len(caption.tag("span")) != 2 || caption.tag("span")[1].Text() != "By Isaac McBride [Public domain], via Wikimedia Commons" {
		t.Errorf("caption = %q", caption.Text())
	}
	for _, name := range e.names {
		if strings.HasPrefix(name, imageDir) && name != imageDir+coverName {
			t.Errorf("an image was embedded: %s", name)
		}
	}
	// The cover is the book's one picture, and its text alternative says what it shows.
	pkg := string(e.data[packageName])
	if strings.Contains(pkg, "Images have text alternatives") || !strings.Contains(pkg, "The cover's text alternative gives what it shows") {
		t.Error("the accessibility summary does not speak of the cover alone")
	}
}

func TestEmbedFonts(t *testing.T) {
	doc := parseFile(t, "articles/a1.txt", false)
	e := openEPUB(t, renderBook(t, doc, &render.Options{Modified: testTime, EmbedFonts: true, Font: "sans", Warn: func(int, string) {}}))
	var fontFiles []string
	for _, name := range e.names {
		if strings.HasPrefix(name, fontDir) {
			fontFiles = append(fontFiles, path.Base(name))
			if !bytes.Equal(e.data[name][:4], []byte{0, 1, 0, 0}) {
				t.Errorf("%s is not a TrueType font", name)
			}
		}
	}
	want := []string{"galley-sans-regular.ttf", "galley-sans-bold.ttf", "galley-sans-italic.ttf", "galley-sans-bolditalic.ttf"}
	if !slices.Equal(fontFiles, want) {
		t.Errorf("fonts = %q, want %q", fontFiles, want)
	}
	css := string(e.data[cssDir+"galley.css"])
	if strings.Count(css, "@font-face") != 4 || !strings.Contains(css, `font-family: "galley-sans", sans-serif`) {
		t.Errorf("style sheet does not use the embedded fonts:\n%s", css[:300])
	}
	if !strings.Contains(string(e.data[packageName]), `href="fonts/galley-sans-regular.ttf" media-type="font/ttf"`) {
		t.Error("fonts are not in the manifest as font/ttf")
	}
	plain := openEPUB(t, renderBook(t, doc, &render.Options{Modified: testTime, Warn: func(int, string) {}}))
	if strings.Contains(string(plain.data[cssDir+"galley.css"]), "font-family: \"") {
		t.Error("without the flag the style sheet still names a font")
	}
}

func TestLanguage(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", "en"}, {"en", "en"}, {"fr-CA", "fr-CA"}, {"de_DE", "de-DE"},
		{`en"><script>`, "en"}, {"123456789", "en"},
	} {
		var warned bool
		r := newRenderer(render.NewArticle(&source.Document{Lang: tc.in}, nil), &render.Options{Warn: func(int, string) { warned = true }})
		if r.b.lang != tc.want {
			t.Errorf("language(%q) = %q, want %q", tc.in, r.b.lang, tc.want)
		}
		if warned != (tc.want == "en" && tc.in != "" && tc.in != "en") {
			t.Errorf("language(%q): warned = %v", tc.in, warned)
		}
	}
}

// TestBibliographyHeading: the reading list is headed as the style heads it, in the
// navigation and on its page, whatever the article labels it.
func TestBibliographyHeading(t *testing.T) {
	doc := parseFile(t, seedFile, false)
	doc.BibliographyTitle = "Further Reading"
	for _, c := range []struct {
		style cite.Style
		want  string
	}{{cite.Chicago, "Bibliography"}, {cite.MLA, "Works Cited"}, {cite.APA, "References"}} {
		e := openEPUB(t, renderBook(t, doc, &render.Options{Cite: c.style}))
		page := mustXML(t, "EPUB/xhtml/bibliography.xhtml", e.data["EPUB/xhtml/bibliography.xhtml"])
		if h := page.tag("h1"); len(h) != 1 || h[0].Text() != c.want {
			t.Errorf("%s: bibliography page headed %q, want %q", c.style, h[0].Text(), c.want)
		}
		if !strings.Contains(string(e.data[navName]), ">"+c.want+"</a>") {
			t.Errorf("%s: the navigation does not name %q", c.style, c.want)
		}
	}
}
