package epub

import (
	"bytes"
	"path"
	"strings"
	"testing"

	"galley/internal/testkit"
	"galley/render"
	"galley/source"
)

// FuzzRender renders whatever the readers make of arbitrary text, as an article and as a
// Markdown document: Render must not fail or panic, every XML file must be well-formed, and
// no script or event handler may come out of the input.
func FuzzRender(f *testing.F) {
	for _, name := range []string{"bad/bad08.txt", "articles/a1.txt"} {
		f.Add(testkit.Read(f, name), false)
	}
	f.Add([]byte(markdownSample), true)
	f.Add([]byte("# T\n\n<script>x</script> &nbsp; ]]> <!-- \x00 \xff\n\n> - [a](javascript:x)\n\n| a |\n|---|\n| <b> |\n"), true)
	f.Add([]byte("Title\nAbstract\nTitle\nDate 44 b.c.e.\nSummary\nLocale A; B\nKey Figures\nX (Y; 1-2), z\nSummary of Event\n![c](../../etc/passwd)\nBibliography\nA. B. C, 1990.\nSee also X; Y\n"), false)
	img := testPNG(f, "x.png")
	f.Fuzz(func(t *testing.T, data []byte, md bool) {
		doc, err := source.Parse(data, source.Options{Markdown: md, Lossy: true})
		if err != nil {
			return
		}
		var buf bytes.Buffer
		opt := &render.Options{Modified: testTime, Warn: func(int, string) {}}
		if err := Render(&buf, render.NewArticle(doc, fixedImages{img}), opt); err != nil {
			t.Fatalf("Render: %v", err)
		}
		e := openEPUB(t, buf.Bytes())
		for _, name := range e.names {
			switch path.Ext(name) {
			case ".xhtml", ".opf", ".ncx", ".xml":
			default:
				continue
			}
			root, err := parseXML(e.data[name])
			if err != nil {
				t.Fatalf("%s is not well-formed: %v", name, err)
			}
			for _, n := range root.all(func(*node) bool { return true }) {
				if n.name.Local == "script" {
					t.Fatalf("%s: a script element", name)
				}
				for _, a := range n.attrs {
					if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") {
						t.Fatalf("%s: attribute %s", name, a.Name.Local)
					}
				}
			}
		}
	})
}
