package source

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"galley/internal/testkit"

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

// normText compares text as the answer keys are scored: NFC, white space folded.
func normText(s string) string {
	return strings.TrimSpace(spaceRE.ReplaceAllString(norm.NFC.String(s), " "))
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// mustParse parses a corpus article by name ("a1", testkit.Seed).
func mustParse(t testing.TB, name string) *Document {
	t.Helper()
	doc, err := Parse(testkit.Read(t, "articles/"+name+".txt"), Options{File: name + ".txt"})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestGoldArticles checks title, date, summary, locales, sections and every key-figure field
// of the reference and the invented articles against their gold answers.
func TestGoldArticles(t *testing.T) {
	for _, name := range append(append([]string{}, testkit.Articles...), testkit.Invented...) {
		t.Run(name, func(t *testing.T) {
			var g gold
			if err := json.Unmarshal(testkit.Read(t, "articles/"+name+".gold.json"), &g); err != nil {
				t.Fatal(err)
			}
			doc := mustParse(t, name)
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

// TestVariants reads the same article written in the ways real exports write it.
func TestVariants(t *testing.T) {
	seed := testkit.Read(t, "articles/"+testkit.Seed+".txt")
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

func TestStructure(t *testing.T) {
	doc := mustParse(t, testkit.Seed)
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
	a5 := mustParse(t, "a5")
	if len(a5.SeeAlso) != 4 || a5.SeeAlso[0] != "Russia Enters World War I" {
		t.Errorf("see also = %q", a5.SeeAlso)
	}
}

// TestBadCorpus holds the parse side of what the malformed inputs' EXPECT.md expects.
func TestBadCorpus(t *testing.T) {
	read := func(name string) []byte { return testkit.Read(t, testkit.BadDir+"/"+name) }
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

// addCorpus seeds a fuzz target with the corpus articles and the malformed inputs.
func addCorpus(f *testing.F) {
	for _, name := range testkit.Articles {
		f.Add(testkit.Read(f, "articles/"+name+".txt"))
	}
	bad, err := filepath.Glob(testkit.Path(testkit.BadDir + "/*.txt"))
	if err != nil || len(bad) == 0 {
		f.Fatalf("no malformed inputs: %v", err)
	}
	for _, p := range bad {
		f.Add(testkit.Read(f, testkit.BadDir+"/"+filepath.Base(p)))
	}
	f.Add([]byte("Title\r\nDate 44 b.c.e.\r\nS.\r\nKey Figures\r\nA (1-2), b"))
	f.Add([]byte("---\ntitle: x\n---\n# H\n\n> > - [a](b)\n\n| a |\n|---|\n| b |\n"))
}

func FuzzParse(f *testing.F) {
	addCorpus(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, md := range []bool{false, true} {
			doc, err := Parse(data, Options{File: "fuzz", Markdown: md})
			if err != nil {
				if _, ok := err.(*Error); !ok {
					t.Fatalf("error %v is not positioned", err)
				}
				continue
			}
			if doc.Title == "" {
				t.Fatal("document without a title")
			}
			for _, d := range doc.Diagnostics {
				if d.Line < 1 {
					t.Fatalf("diagnostic without a line: %+v", d)
				}
			}
		}
	})
}

func BenchmarkParseSeed(b *testing.B) {
	data := testkit.Read(b, "articles/"+testkit.Seed+".txt")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// bigArticle repeats the reference article's Summary of Event paragraphs until the article is
// about size bytes.
func bigArticle(tb testing.TB, size int) []byte {
	s := string(testkit.Read(tb, "articles/"+testkit.Seed+".txt"))
	i := strings.Index(s, "\nSummary of Event\n") + len("\nSummary of Event\n")
	j := strings.Index(s, "\nSignificance\n")
	head, body, tail := s[:i], s[i:j+1], s[j+1:]
	var b strings.Builder
	b.WriteString(head)
	for b.Len() < size {
		b.WriteString(body)
	}
	b.WriteString(tail)
	return []byte(b.String())
}

func BenchmarkParseBig(b *testing.B) {
	data := bigArticle(b, 6<<20)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse(data, Options{}); err != nil {
			b.Fatal(err)
		}
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

// TestBibliographyWarnings checks the warnings a bibliography gives beyond an entry not
// understood: a label with no entry after it (at the label's line), and an entry without a
// year (at its line); entries with a year give none.
func TestBibliographyWarnings(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		md        bool
		want      []int // the lines warned of
	}{
		{"empty section", "Title\nDate 1933\nSummary.\nSummary of Event\nText.\nBibliography\n", false, []int{6}},
		{"empty section before See also", "Title\nDate 1933\nSummary.\nSummary of Event\nText.\nFurther Reading\nSee also: A; B\n", false, []int{6}},
		{"empty section in Markdown", "# Title\n\nText.\n\n## Bibliography\n\n## See also\n\nA\n", true, []int{5}},
		{"entries without a year", "Title\nDate 1933\nSummary.\nBibliography\n" +
			"Doe, Jane. A Book. London: Penguin, 1990. Fine.\n" +
			"Doe, Jane. Another Book. London: Penguin. No year.\n" +
			"Roe, Ann. “An Article.” Slavic Review 12, no. 3: 45-67. No year either.\n" +
			"Roe, Ann. A Pamphlet. N.p., n.d. Nothing.\n", false, []int{6, 7, 8}},
		{"no section", "Title\nDate 1933\nSummary.\nSummary of Event\nText.\n", false, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse([]byte(tt.src), Options{File: "t.txt", Markdown: tt.md})
			if err != nil {
				t.Fatal(err)
			}
			var got []int
			for _, d := range doc.Diagnostics {
				if d.Severity == SevWarning && strings.Contains(d.Message, "ibliograph") || strings.Contains(d.Message, "section has no entries") {
					got = append(got, d.Line)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("warnings at %v, want %v: %+v", got, tt.want, doc.Diagnostics)
			}
		})
	}
}

// TestInventedWarnings checks that each invented article warns at the lines its
// expectations name (entries without a year, an empty Bibliography section), and nowhere
// else.
func TestInventedWarnings(t *testing.T) {
	for _, name := range testkit.Invented {
		t.Run(name, func(t *testing.T) {
			var exp struct {
				Warnings []struct {
					Line int `json:"line"`
				} `json:"warnings"`
			}
			if err := json.Unmarshal(testkit.Read(t, "articles/"+name+".expect.json"), &exp); err != nil {
				t.Fatal(err)
			}
			var want, got []int
			for _, w := range exp.Warnings {
				want = append(want, w.Line)
			}
			for _, d := range mustParse(t, name).Diagnostics {
				got = append(got, d.Line)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("diagnostics at lines %v, want %v", got, want)
			}
		})
	}
}
