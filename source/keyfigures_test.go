package source

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"galley/internal/testkit"
	"galley/source/cal"
)

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

func TestOneFigurePerLine(t *testing.T) {
	doc := mustParse(t, "a3")
	if len(doc.KeyFigures) != 8 || doc.KeyFigures[7].Name != "Fritz von Below" {
		t.Fatalf("figures: %+v", doc.KeyFigures)
	}
	if doc.KeyFigures[0].Line != 17 || doc.KeyFigures[7].Line != 24 {
		t.Errorf("lines %d, %d; want 17, 24", doc.KeyFigures[0].Line, doc.KeyFigures[7].Line)
	}
}

// manyFigures is one line of n run-on key figures.
func manyFigures(n int) string {
	return strings.Repeat("Jean-Baptiste de La Fontaine (Monsieur X; 1621-1695), fabulist and poet, 1668-1694", n)
}

func TestManyFiguresOnOneLine(t *testing.T) {
	var diags []Diagnostic
	got := parseFigureLine(line{text: manyFigures(2000), num: 1}, &diags)
	if len(got) != 2000 || got[1999].Name != "Jean-Baptiste de La Fontaine" || got[5].Role != "fabulist and poet, 1668-1694" ||
		got[7].Born.ISO() != "1621" || got[7].Died.ISO() != "1695" || len(diags) != 0 {
		t.Fatalf("got %d figures, last %+v, diagnostics %v", len(got), got[len(got)-1], diags)
	}
}

// BenchmarkKeyFiguresLine reads lines of 200, 2,000 and 20,000 run-on figures: the time per
// figure stays the same, since each figure's name is looked for only back to the end of the
// figure before it.
func BenchmarkKeyFiguresLine(b *testing.B) {
	for _, n := range []int{200, 2000, 20000} {
		l := line{text: manyFigures(n), num: 1}
		b.Run(fmt.Sprintf("figures=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(l.text)))
			for b.Loop() {
				var diags []Diagnostic
				if got := parseFigureLine(l, &diags); len(got) != n {
					b.Fatalf("%d figures, want %d", len(got), n)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/figure")
		})
	}
}

func FuzzKeyFigures(f *testing.F) {
	f.Add("Franklin D. Roosevelt (1882-1945), president of the United States, 1933-1945Maksim Maksimovich Litvinov (Meier Moiseevich Wallach; 1876-1951), Soviet minister")
	f.Add("Gaius Octavius (Augustus; 63 b.c.e.-14 c.e.), emperor, 27 b.c.e.-14 c.e.Calpurnia (fl. 59-44 b.c.e.), wife")
	f.Add("((;;)), , 1961-, -1963)(see;;; ) ) ) 19??–?? ,,,")
	for _, name := range testkit.Articles {
		for _, l := range strings.Split(string(testkit.Read(f, "articles/"+name+".txt")), "\n") {
			f.Add(l)
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		var diags []Diagnostic
		figs := parseFigureLine(line{text: s, num: 1}, &diags)
		for _, k := range figs {
			if k.Raw {
				continue
			}
			if k.Name == "" || !strings.Contains(s, k.Name) || !strings.Contains(s, k.Role) {
				t.Fatalf("figure %+v from %q: name or role not in the line", k, s)
			}
			for _, d := range []cal.Date{k.Born, k.Died} {
				if !d.IsZero() && (d.Precision != cal.Year || d.Month != 0) {
					t.Fatalf("figure %+v from %q: a life's year is %+v", k, s, d)
				}
			}
		}
	})
}
