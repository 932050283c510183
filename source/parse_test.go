package source

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// gold is the part of a *.gold.json file the parser answers for.
type gold struct {
	Title string `json:"title"`
	Date  struct {
		Text  string  `json:"text"`
		Start string  `json:"start"`
		End   *string `json:"end"`
	} `json:"date"`
	Summary    string   `json:"summary"`
	Locales    []string `json:"locales"`
	KeyFigures []struct {
		Name    string   `json:"name"`
		Aliases []string `json:"aliases"`
		Born    *string  `json:"born"`
		Died    *string  `json:"died"`
		Role    string   `json:"role"`
	} `json:"key_figures"`
	Sections []string `json:"sections"`
}

var spaceRE = regexp.MustCompile(`\s+`)

// normText compares text as score-parse.py does: NFC, white space folded.
func normText(s string) string {
	return strings.TrimSpace(spaceRE.ReplaceAllString(norm.NFC.String(s), " "))
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// TestGoldArticles checks title, date, summary, locales, sections and every key-figure field
// of the reference articles against their gold answers.
func TestGoldArticles(t *testing.T) {
	files, _ := filepath.Glob("testdata/articles/*.txt")
	if len(files) == 0 {
		t.Fatal("no articles in testdata/articles")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var g gold
			gb, err := os.ReadFile(strings.TrimSuffix(f, ".txt") + ".gold.json")
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(gb, &g); err != nil {
				t.Fatal(err)
			}
			doc, err := Parse(data, Options{File: f})
			if err != nil {
				t.Fatal(err)
			}
			check := func(what, got, want string) {
				t.Helper()
				if normText(got) != normText(want) {
					t.Errorf("%s = %q, want %q", what, got, want)
				}
			}
			check("title", doc.Title, g.Title)
			check("summary", doc.Summary, g.Summary)
			if doc.Date == nil {
				t.Fatal("no date")
			}
			check("date.text", doc.Date.Text, g.Date.Text)
			check("date.start", doc.Date.Start.ISO(), g.Date.Start)
			check("date.end", doc.Date.End.ISO(), deref(g.Date.End))
			if !reflect.DeepEqual(doc.Locales, g.Locales) {
				t.Errorf("locales = %q, want %q", doc.Locales, g.Locales)
			}
			var secs []string
			for _, s := range doc.Sections {
				secs = append(secs, s.Title)
			}
			var want []string
			for _, s := range g.Sections {
				if s != "Bibliography" && s != "Key Figures" && s != "See also" {
					want = append(want, s)
				}
			}
			if !reflect.DeepEqual(secs, want) {
				t.Errorf("sections = %q, want %q", secs, want)
			}
			if len(doc.KeyFigures) != len(g.KeyFigures) {
				t.Fatalf("%d key figures, want %d", len(doc.KeyFigures), len(g.KeyFigures))
			}
			for i, w := range g.KeyFigures {
				k := doc.KeyFigures[i]
				check("name", k.Name, w.Name)
				check("role", k.Role, w.Role)
				check("born", k.Born.ISO(), deref(w.Born))
				check("died", k.Died.ISO(), deref(w.Died))
				if len(k.Aliases) != len(w.Aliases) || (len(w.Aliases) > 0 && !reflect.DeepEqual(k.Aliases, w.Aliases)) {
					t.Errorf("figure %d aliases = %q, want %q", i+1, k.Aliases, w.Aliases)
				}
			}
			for _, d := range doc.Diagnostics {
				if strings.Contains(d.Message, "key figure") {
					t.Errorf("unexpected diagnostic: %+v", d)
				}
			}
		})
	}
}

func TestKeyFigureForms(t *testing.T) {
	type fig struct{ name, aliases, born, died, role string }
	tests := []struct {
		line string
		want []fig
	}{
		{"Franklin D. Roosevelt (1882-1945), president of the United States, 1933-1945Maksim Maksimovich Litvinov (Meier Moiseevich Wallach; 1876-1951), Soviet minister of foreign affairsCordell Hull (1871-1955), U.S. secretary of state, 1933-1944",
			[]fig{{"Franklin D. Roosevelt", "", "1882", "1945", "president of the United States, 1933-1945"},
				{"Maksim Maksimovich Litvinov", "Meier Moiseevich Wallach", "1876", "1951", "Soviet minister of foreign affairs"},
				{"Cordell Hull", "", "1871", "1955", "U.S. secretary of state, 1933-1944"}}},
		{"Charles de Gaulle (1890-1970), president of France, 1959-1969William McKinley (1843-1901), president of the United StatesOtto von Bismarck (1815-1898), chancellor of Germany",
			[]fig{{"Charles de Gaulle", "", "1890", "1970", "president of France, 1959-1969"},
				{"William McKinley", "", "1843", "1901", "president of the United States"},
				{"Otto von Bismarck", "", "1815", "1898", "chancellor of Germany"}}},
		{"Bernardo O’Higgins (1778-1842), supreme director of ChileAntonín Dvořák (1841-1904), composerRamsay MacDonald (1866-1937), prime minister",
			[]fig{{"Bernardo O’Higgins", "", "1778", "1842", "supreme director of Chile"},
				{"Antonín Dvořák", "", "1841", "1904", "composer"},
				{"Ramsay MacDonald", "", "1866", "1937", "prime minister"}}},
		{"Gaius Octavius (Augustus; 63 b.c.e.-14 c.e.), first Roman emperor, 27 b.c.e.-14 c.e.Calpurnia (fl. 59-44 b.c.e.), Caesar’s wife",
			[]fig{{"Gaius Octavius", "Augustus", "-0062", "0014", "first Roman emperor, 27 b.c.e.-14 c.e."},
				{"Calpurnia", "", "", "", "Caesar’s wife"}}},
		{"Jane Doe (b. 1946), historianJohn Roe (d. 1503), printerJohannes Gutenberg (c. 1400-1468), inventor",
			[]fig{{"Jane Doe", "", "1946", "", "historian"},
				{"John Roe", "", "", "1503", "printer"},
				{"Johannes Gutenberg", "", "1400", "1468", "inventor"}}},
		{"Marcus Antonius (Mark Antony; 83-30 b.c.e.), consul in 44 b.c.e. and Caesar’s chief lieutenantMarcus Tullius Cicero (106-43 b.c.e.), orator",
			[]fig{{"Marcus Antonius", "Mark Antony", "-0082", "-0029", "consul in 44 b.c.e. and Caesar’s chief lieutenant"},
				{"Marcus Tullius Cicero", "", "-0105", "-0042", "orator"}}},
		{"Pavel Nikolayevich Milyukov (1859-1943), leader of the Constitutional Democratic (Kadet) Party, March-May, 1917Grand Duke Michael Aleksandrovich (1878-1918), the czar’s brother",
			[]fig{{"Pavel Nikolayevich Milyukov", "", "1859", "1943", "leader of the Constitutional Democratic (Kadet) Party, March-May, 1917"},
				{"Grand Duke Michael Aleksandrovich", "", "1878", "1918", "the czar’s brother"}}},
		{"Sir Edward Grey (Viscount Grey of Fallodon, K.G.; Lord Grey; 1862-1933), foreign secretary, 1905-1916",
			[]fig{{"Sir Edward Grey", "Viscount Grey of Fallodon, K.G.|Lord Grey", "1862", "1933", "foreign secretary, 1905-1916"}}},
		{"Louis XIV (1638-1715), king of FranceJ. R. R. Tolkien (1892-1973), writer",
			[]fig{{"Louis XIV", "", "1638", "1715", "king of France"},
				{"J. R. R. Tolkien", "", "1892", "1973", "writer"}}},
	}
	for _, tt := range tests {
		var diags []Diagnostic
		got := parseFigureLine(line{text: tt.line, num: 7}, &diags)
		if len(got) != len(tt.want) {
			t.Errorf("%q: got %d figures %+v, want %d", tt.line, len(got), got, len(tt.want))
			continue
		}
		for i, w := range tt.want {
			g := got[i]
			if g.Name != w.name || strings.Join(g.Aliases, "|") != w.aliases || g.Born.ISO() != w.born ||
				g.Died.ISO() != w.died || g.Role != w.role || g.Line != 7 {
				t.Errorf("figure %d of %q:\n got %q %q %q %q %q\nwant %q %q %q %q %q", i, tt.line,
					g.Name, g.Aliases, g.Born.ISO(), g.Died.ISO(), g.Role, w.name, w.aliases, w.born, w.died, w.role)
			}
		}
		if len(diags) != 0 {
			t.Errorf("%q: diagnostics %+v", tt.line, diags)
		}
	}
}

func TestKeyFiguresUnparsable(t *testing.T) {
	var diags []Diagnostic
	got := parseKeyFigures([]line{{text: "((;;)), , 1961-, -1963)(see the appendix;;; ) ) ) 19??–?? ,,,", num: 9}, {text: "—", num: 10}}, &diags)
	if len(got) != 1 || !got[0].Raw || got[0].Line != 9 {
		t.Fatalf("got %+v, want one raw figure from line 9", got)
	}
	if len(diags) != 1 || diags[0].Line != 9 || diags[0].Severity != SevWarning {
		t.Fatalf("diagnostics %+v, want one warning on line 9", diags)
	}
}

// TestVariants reads the same article written in the ways real exports write it.
func TestVariants(t *testing.T) {
	seed, err := os.ReadFile("testdata/articles/000_89182373f193f4a0.txt")
	if err != nil {
		t.Fatal(err)
	}
	base, err := Parse(seed, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := string(seed)
	variants := map[string]string{
		"crlf":        strings.ReplaceAll(s, "\n", "\r\n"),
		"cr":          strings.ReplaceAll(s, "\n", "\r"),
		"bom":         "\ufeff" + s,
		"blank lines": strings.ReplaceAll(s, "\n", "\n\n"),
		"trailing":    strings.ReplaceAll(s, "\n", "  \t\n"),
		"no final nl": strings.TrimRight(s, "\n"),
		"headings":    strings.NewReplacer("\nSummary of Event\n", "\n## Summary of Event\n", "\nSignificance\n", "\n## Significance\n", "\nBibliography\n", "\n## Bibliography\n", "\nKey Figures\n", "\n## Key Figures\n").Replace(s),
		"decomposed":  norm.NFD.String(s),
	}
	for name, v := range variants {
		t.Run(name, func(t *testing.T) {
			doc, err := Parse([]byte(v), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Title != base.Title || doc.Summary != base.Summary || !reflect.DeepEqual(doc.Locales, base.Locales) ||
				!reflect.DeepEqual(doc.Date, withLine(base.Date, doc.Date)) {
				t.Errorf("header differs: %q %q %q %+v", doc.Title, doc.Summary, doc.Locales, doc.Date)
			}
			if len(doc.KeyFigures) != len(base.KeyFigures) || len(doc.Sections) != len(base.Sections) ||
				len(doc.Bibliography) != len(base.Bibliography) || len(doc.Abstract) != len(base.Abstract) {
				t.Errorf("structure differs: %d figures, %d sections, %d entries, %d abstract",
					len(doc.KeyFigures), len(doc.Sections), len(doc.Bibliography), len(doc.Abstract))
			}
			for i := range doc.KeyFigures {
				a, b := doc.KeyFigures[i], base.KeyFigures[i]
				if a.Name != b.Name || a.Role != b.Role {
					t.Errorf("figure %d = %q %q", i, a.Name, a.Role)
				}
			}
		})
	}
}

func withLine(d, like *Date) *Date {
	c := *d
	if like != nil {
		c.Line = like.Line
	}
	return &c
}

func TestOneFigurePerLine(t *testing.T) {
	doc := mustParse(t, "testdata/articles/a3.txt")
	if len(doc.KeyFigures) != 8 || doc.KeyFigures[7].Name != "Fritz von Below" {
		t.Fatalf("figures: %+v", doc.KeyFigures)
	}
	if doc.KeyFigures[0].Line != 17 || doc.KeyFigures[7].Line != 24 {
		t.Errorf("lines %d, %d; want 17, 24", doc.KeyFigures[0].Line, doc.KeyFigures[7].Line)
	}
}

func mustParse(t testing.TB, path string) *Document {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Parse(data, Options{File: path})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestStructure(t *testing.T) {
	doc := mustParse(t, "testdata/articles/000_89182373f193f4a0.txt")
	if len(doc.Abstract) != 3 {
		t.Errorf("abstract has %d paragraphs, want 3", len(doc.Abstract))
	}
	sec := doc.Sections[0]
	fig, ok := sec.Blocks[1].(*Figure)
	if !ok {
		t.Fatalf("block 2 of %q is %T, want a figure", sec.Title, sec.Blocks[1])
	}
	if fig.Caption != "Photo of Soviet politician Litvinoff, Assistant Commissar of Foreign Affairs" ||
		fig.Credit != "By Isaac McBride [Public domain], via Wikimedia Commons" || fig.File != "89316673-64532.jpg" ||
		!strings.HasPrefix(fig.Src, "https://imageserver") || fig.Line != 13 {
		t.Errorf("figure = %+v", fig)
	}
	p := sec.Blocks[0].(*Paragraph)
	if p.Line != 12 || p.ID != "p12" || !strings.HasPrefix(p.Text(), "Prior to 1933") {
		t.Errorf("first paragraph: line %d id %q %q", p.Line, p.ID, p.Text())
	}
	if doc.SummaryLine != 7 || doc.Date.Line != 6 {
		t.Errorf("summary line %d, date line %d", doc.SummaryLine, doc.Date.Line)
	}
	a5 := mustParse(t, "testdata/articles/a5.txt")
	if len(a5.SeeAlso) != 4 || a5.SeeAlso[0] != "Russia Enters World War I" {
		t.Errorf("see also = %q", a5.SeeAlso)
	}
}

func TestFigureAltText(t *testing.T) {
	tests := []struct{ line, caption, credit, file string }{
		{"![Marble bust of Julius Caesar, Museo Archeologico Nazionale, Naples [Public domain], via Wikimedia Commons 89317702-64701.jpg](https://x/89317702-64701.jpg?a=b)",
			"Marble bust of Julius Caesar, Museo Archeologico Nazionale, Naples", "[Public domain], via Wikimedia Commons", "89317702-64701.jpg"},
		{"![A map Courtesy of the Library of Congress map.png](map.png)", "A map", "Courtesy of the Library of Congress", "map.png"},
		{"![Crowds in the street © Getty Images](https://x/y/crowd.jpeg)", "Crowds in the street", "© Getty Images", "crowd.jpeg"},
		{"![Just a caption](pic.gif)", "Just a caption", "", "pic.gif"},
	}
	for _, tt := range tests {
		f, ok := parseFigure(line{text: tt.line, num: 1})
		if !ok || f.Caption != tt.caption || f.Credit != tt.credit || f.File != tt.file {
			t.Errorf("%q: got %+v", tt.line, f)
		}
	}
}

func TestInlineMarkdown(t *testing.T) {
	tests := []struct {
		in   string
		want []Inline
	}{
		{"plain text", []Inline{{Text: "plain text"}}},
		{"an *italic* and **bold** word", []Inline{{Text: "an "}, {Text: "italic", Style: Italic}, {Text: " and "}, {Text: "bold", Style: Bold}, {Text: " word"}}},
		{"see [the site](https://example.org) now", []Inline{{Text: "see "}, {Text: "the site", Link: "https://example.org"}, {Text: " now"}}},
		{"a [bad](javascript:alert(1)) link", []Inline{{Text: "a bad link"}}},
		{"code `x < y`", []Inline{{Text: "code "}, {Text: "x < y", Style: Code}}},
		{"<script>alert(1)</script> & <b>", []Inline{{Text: "<script>alert(1)</script> & <b>"}}},
	}
	for _, tt := range tests {
		got := parseInlines(tt.in, false)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: got %+v, want %+v", tt.in, got, tt.want)
		}
	}
	// Lines that would be blocks in Markdown stay paragraphs of text in an article.
	for _, l := range []string{"1933. The year began", "- not a list", "# not a heading", "> not a quote", "<div>raw</div>"} {
		doc, err := Parse([]byte("Title\nDate 1933\nSummary.\nSummary of Event\n"+l+"\n"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		p, ok := doc.Sections[0].Blocks[0].(*Paragraph)
		if !ok || p.Text() != l {
			t.Errorf("%q read as %#v", l, doc.Sections[0].Blocks[0])
		}
	}
}

func TestDateValues(t *testing.T) {
	tests := []struct{ in, start, end, prec string }{
		{"November 16, 1933", "1933-11-16", "", "day"},
		{"November, 1933", "1933-11", "", "month"},
		{"November 1933", "1933-11", "", "month"},
		{"1933", "1933", "", "year"},
		{"June 28-July 3, 1919", "1919-06-28", "1919-07-03", "day"},
		{"July 1-November 18, 1916", "1916-07-01", "1916-11-18", "day"},
		{"March 15–17, 1917", "1917-03-15", "1917-03-17", "day"},
		{"1914-1918", "1914", "1918", "year"},
		{"1918–1921", "1918", "1921", "year"},
		{"44 b.c.e.", "-0043", "", "year"},
		{"March 15, 44 b.c.e.", "-0043-03-15", "", "day"},
		{"c. 1450", "1450", "", "year"},
		{"476 c.e.", "0476", "", "year"},
		{"1 BCE", "0000", "", "year"},
		{"410 A.D.", "0410", "", "year"},
		{"March-July, 1917", "1917-03", "1917-07", "month"},
		{"100-44 b.c.e.", "-0099", "-0043", "year"},
	}
	for _, tt := range tests {
		d, ok := parseDateValue(tt.in)
		if !ok || d.Start.ISO() != tt.start || d.End.ISO() != tt.end || d.Start.Precision.String() != tt.prec {
			t.Errorf("%q: got %+v, %v; want %s %s %s", tt.in, d, ok, tt.start, tt.end, tt.prec)
		}
	}
	for _, bad := range []string{"sometime", "the 1920s", "", "-"} {
		if d, ok := parseDateValue(bad); ok {
			t.Errorf("%q read as %+v", bad, d)
		}
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name     string
		in       []byte
		opt      Options
		line     int
		col      int
		contains string
	}{
		{"empty", nil, Options{}, 1, 1, "empty input"},
		{"blank", []byte(" \n\n\t\n"), Options{}, 1, 1, "empty input"},
		{"bad utf8", []byte("Title\nok line\nbad \xff here\n"), Options{}, 3, 5, "byte offset 18"},
		{"too big", []byte(strings.Repeat("a", 100)), Options{MaxInput: 10}, 1, 1, "over the limit"},
		{"no title", []byte("Date March, 1917\nSummary.\n"), Options{}, 1, 1, "missing title"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.in, tt.opt)
		var pe *Error
		if !errors.As(err, &pe) {
			t.Errorf("%s: error %v is not an *Error", tt.name, err)
			continue
		}
		if pe.Line != tt.line || pe.Col != tt.col || !strings.Contains(pe.Error(), tt.contains) {
			t.Errorf("%s: got %q (line %d col %d), want line %d col %d containing %q", tt.name, pe, pe.Line, pe.Col, tt.line, tt.col, tt.contains)
		}
	}
	doc, err := Parse([]byte("Title\nbad \xff\xfe here\n"), Options{Lossy: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Diagnostics) == 0 || doc.Diagnostics[0].Line != 2 || doc.Diagnostics[0].Col != 5 {
		t.Errorf("lossy diagnostics %+v", doc.Diagnostics)
	}
}

func TestControlCharacters(t *testing.T) {
	doc, err := Parse([]byte("Title\x00\nDate 1933\nA \x07summary.\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range doc.Title + doc.Summary {
		if unicode.IsControl(r) {
			t.Fatalf("control character %U kept", r)
		}
	}
	if len(doc.Diagnostics) == 0 {
		t.Error("no warning for control characters")
	}
}

// TestBadCorpus holds the parse side of testdata/bad/EXPECT.md.
func TestBadCorpus(t *testing.T) {
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("testdata/bad", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for _, tt := range []struct{ file, contains string }{
		{"bad01.txt", "empty input"},
		{"bad03.txt", "not UTF-8"},
		{"bad05.txt", "missing title"},
	} {
		_, err := Parse(read(tt.file), Options{File: tt.file})
		var pe *Error
		if !errors.As(err, &pe) || pe.Line < 1 || !strings.Contains(err.Error(), tt.contains) {
			t.Errorf("%s: got %v, want an error containing %q", tt.file, err, tt.contains)
		}
	}
	doc, err := Parse(read("bad06.txt"), Options{File: "bad06.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.KeyFigures) > 1 || (len(doc.KeyFigures) == 1 && !doc.KeyFigures[0].Raw) {
		t.Errorf("bad06: invented figures %+v", doc.KeyFigures)
	}
	if len(doc.Diagnostics) == 0 || len(doc.Sections) != 2 {
		t.Errorf("bad06: diagnostics %+v, %d sections", doc.Diagnostics, len(doc.Sections))
	}
	for _, f := range []string{"bad08.txt", "bad09.txt", "bad11.txt"} {
		doc, err := Parse(read(f), Options{File: f})
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if doc.Title == "" || len(doc.Sections) == 0 {
			t.Errorf("%s: title %q, %d sections", f, doc.Title, len(doc.Sections))
		}
	}
}

func TestManyFiguresLinear(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 2000; i++ {
		b.WriteString("Jean-Baptiste de La Fontaine (Monsieur X; 1621-1695), fabulist and poet, 1668-1694")
	}
	var diags []Diagnostic
	got := parseFigureLine(line{text: b.String(), num: 1}, &diags)
	if len(got) != 2000 || got[1999].Name != "Jean-Baptiste de La Fontaine" || got[5].Role != "fabulist and poet, 1668-1694" {
		t.Fatalf("got %d figures, last %+v", len(got), got[len(got)-1])
	}
}

func TestMarkdownDocument(t *testing.T) {
	src := "---\ntitle: \"Notes: A Test\"\ndate: July 1, 1916\nlocale: [Picardy, France]\nlang: fr\n---\n" +
		"Intro *text*.\n\n## First\n\nPara one.\n\n- a\n- b\n\n| h1 | h2 |\n|---|--:|\n| c | d |\n\n### Sub\n\n```go\nx := 1\n```\n\n" +
		"> quoted\n\n## Key Figures\n\nJane Doe (1900-1980), historian\n\n## Bibliography\n\n- Doe, Jane. A Book. Boston: Beacon, 1950. Annotated.\n\n<div onclick=\"x\">raw</div>\n"
	doc, err := Parse([]byte(src), Options{File: "n.md", Markdown: true})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "Notes: A Test" || doc.Lang != "fr" || doc.Date.Start.ISO() != "1916-07-01" || len(doc.Locales) != 2 {
		t.Errorf("front matter: %q %q %+v %q", doc.Title, doc.Lang, doc.Date, doc.Locales)
	}
	if len(doc.Abstract) != 1 || len(doc.Sections) != 1 || doc.Sections[0].Title != "First" {
		t.Fatalf("structure: %d abstract, sections %+v", len(doc.Abstract), doc.Sections)
	}
	var kinds []string
	for _, b := range doc.Sections[0].Blocks {
		kinds = append(kinds, strings.TrimPrefix(reflect.TypeOf(b).String(), "*source."))
	}
	if strings.Join(kinds, " ") != "Paragraph List Table Heading CodeBlock Quote" {
		t.Errorf("blocks: %s", kinds)
	}
	if p := doc.Sections[0].Blocks[0].(*Paragraph); p.Line != 11 {
		t.Errorf("paragraph line %d, want 11", p.Line)
	}
	if len(doc.KeyFigures) != 1 || doc.KeyFigures[0].Name != "Jane Doe" || len(doc.Bibliography) != 2 {
		t.Errorf("figures %+v, %d entries", doc.KeyFigures, len(doc.Bibliography))
	}
	tab := doc.Sections[0].Blocks[2].(*Table)
	if len(tab.Header) != 2 || tab.Align[1] != AlignRight || PlainText(tab.Rows[0][1]) != "d" {
		t.Errorf("table %+v", tab)
	}
}

func TestMarkdownNestingLimit(t *testing.T) {
	src := "# T\n\n" + strings.Repeat(">", 50000) + " deep\n\n" + strings.Repeat("[", 50000) + "\n\n" + strings.Repeat("![", 25000) + "\n"
	doc, err := Parse([]byte(src), Options{Markdown: true})
	if err != nil {
		t.Fatal(err)
	}
	depth := 0
	var b Block = doc.Abstract[0]
	for {
		q, ok := b.(*Quote)
		if !ok || len(q.Blocks) == 0 {
			break
		}
		depth++
		b = q.Blocks[0]
	}
	if depth > maxNesting {
		t.Errorf("quotes nested %d deep", depth)
	}
}

func TestFigureLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString("Title\nDate 1933\nSummary.\nSummary of Event\n")
	for i := 0; i < maxFigures+20; i++ {
		b.WriteString("![A caption By Someone pic.jpg](pic.jpg)\n")
	}
	doc, err := Parse([]byte(b.String()), Options{})
	if err != nil {
		t.Fatal(err)
	}
	figs, paras := 0, 0
	for _, blk := range doc.Sections[0].Blocks {
		switch blk.(type) {
		case *Figure:
			figs++
		case *Paragraph:
			paras++
		}
	}
	if figs != maxFigures || paras != 20 {
		t.Errorf("%d figures, %d paragraphs", figs, paras)
	}
	warned := 0
	for _, d := range doc.Diagnostics {
		if strings.Contains(d.Message, "figures") {
			warned++
		}
	}
	if warned != 1 {
		t.Errorf("%d warnings about figures", warned)
	}
}

func TestMarkdownHardBreakAndStrike(t *testing.T) {
	doc, err := Parse([]byte("# T\n\nLine one  \nline two\\\nthree ~~gone~~ x\n"), Options{Markdown: true})
	if err != nil {
		t.Fatal(err)
	}
	got := doc.Abstract[0].(*Paragraph).Inlines
	want := []Inline{{Text: "Line one", Break: true}, {Text: "line two", Break: true}, {Text: "three "},
		{Text: "gone", Style: Strike}, {Text: " x"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

// TestPatterns runs every pattern the parser compiles on first use on a line it must match
// and one it must not, so that a broken pattern fails here rather than on the first input
// that reaches it.
func TestPatterns(t *testing.T) {
	for _, tt := range []struct {
		name    string
		re      func() *regexp.Regexp
		yes, no string
	}{
		{"image file", imageFileRE, "A bust By Someone 89317702-64701.jpg", "A bust By Someone"},
		{"lifespan", lifespanRE, "c. 86-42 b.c.e.", "Augustus"},
		{"heading mark", headingMarkRE, "## Significance", "#hashtag"},
		{"date line", dateLineRE, "Date: November 16, 1933", "Dated letters"},
		{"locale line", localeLineRE, "Locales Washington, D.C.; Moscow", "Localities"},
		{"see also", seeAlsoRE, "See also: A; B", "Seen also"},
	} {
		if !tt.re().MatchString(tt.yes) || tt.re().MatchString(tt.no) {
			t.Errorf("%s pattern %s: matches %q %v, %q %v", tt.name, tt.re(), tt.yes, tt.re().MatchString(tt.yes),
				tt.no, tt.re().MatchString(tt.no))
		}
	}
}

func TestBibliographyFallback(t *testing.T) {
	src := "Title\nDate 1933\nSummary.\nBibliography\nSee the notes below\n"
	doc, err := Parse([]byte(src), Options{File: "t.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Bibliography) != 1 {
		t.Fatalf("got %d entries, want 1", len(doc.Bibliography))
	}
	it := doc.Bibliography[0].Item
	if it.Type != "book" || it.Title != "See the notes below" || len(it.Author) > 0 {
		t.Errorf("fallback item %+v", it)
	}
	found := false
	for _, d := range doc.Diagnostics {
		found = found || (d.Line == 5 && d.Severity == SevWarning)
	}
	if !found {
		t.Errorf("no warning naming line 5: %+v", doc.Diagnostics)
	}
}

// benchEntries are varied entries that the benchmarks repeat with changed names and years.
var benchEntries = []string{
	"Bennett, Edward M. Recognition of Russia: An American Foreign Policy Dilemma. Waltham, Mass.: Blaisdell, %d. Discusses the political and legal aspects of the U.S. government’s decision.",
	"Horsfall, Nicholas. “The Ides of March: Some New Problems.” Greece & Rome 21, no. 2 (%d): 191-199. Examines the ancient evidence for the conspiracy.",
	"Smith, S. A. “Petrograd in 1917: The View from Below.” In The Workers’ Revolution in Russia, 1917, edited by Daniel H. Kaiser. Cambridge, England: Cambridge University Press, %d. Discusses the aims.",
	"Sukhanov, N. N. The Russian Revolution, 1917: A Personal Record. Edited and translated by Joel Carmichael. 1955. Reprint. Princeton, N.J.: Princeton University Press, %d. Memoir.",
	"Great Britain. War Office. Statistics of the Military Effort of the British Empire During the Great War, 1914-1920. London: His Majesty’s Stationery Office, %d. Official compilation.",
	"Ramsey, John T., and A. Lewis Licht. The Comet of 44 B.C. and Caesar’s Funeral Games. Atlanta: Scholars Press, %d. Combines astronomy and ancient testimony.",
}

// bibArticle builds an article whose bibliography has n entries.
func bibArticle(n int) []byte {
	var b strings.Builder
	b.WriteString("A Long Bibliography\nDate 1933\nOne sentence.\nLocale Moscow\nBibliography\n")
	for i := 0; i < n; i++ {
		e := fmt.Sprintf(benchEntries[i%len(benchEntries)], 1900+i%100)
		b.WriteString(strings.Replace(e, ",", fmt.Sprintf("%c,", 'a'+rune(i%26)), 1))
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

func BenchmarkParseBibliography(b *testing.B) {
	for _, n := range []int{200, 2000, 20000} {
		data := bibArticle(n)
		b.Run(fmt.Sprintf("entries=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				doc, err := Parse(data, Options{})
				if err != nil || len(doc.Bibliography) != n {
					b.Fatal(err)
				}
			}
		})
	}
}
