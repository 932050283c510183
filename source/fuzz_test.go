package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// addCorpus seeds a fuzz target with the reference, public and malformed articles.
func addCorpus(f *testing.F) {
	for _, pat := range []string{"testdata/articles/*.txt", "testdata/bad/*.txt"} {
		files, _ := filepath.Glob(pat)
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
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

func FuzzReadLines(f *testing.F) {
	addCorpus(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		var diags []Diagnostic
		lines, err := readLines(data, &Options{File: "fuzz", Lossy: true}, &diags)
		if err != nil {
			return
		}
		for _, l := range lines {
			if !utf8.ValidString(l.text) || strings.ContainsAny(l.text, "\r\n\x00") {
				t.Fatalf("line %d not clean: %q", l.num, l.text)
			}
		}
	})
}

func FuzzKeyFigures(f *testing.F) {
	f.Add("Franklin D. Roosevelt (1882-1945), president of the United States, 1933-1945Maksim Maksimovich Litvinov (Meier Moiseevich Wallach; 1876-1951), Soviet minister")
	f.Add("Gaius Octavius (Augustus; 63 b.c.e.-14 c.e.), emperor, 27 b.c.e.-14 c.e.Calpurnia (fl. 59-44 b.c.e.), wife")
	f.Add("((;;)), , 1961-, -1963)(see;;; ) ) ) 19??–?? ,,,")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		var diags []Diagnostic
		figs := parseFigureLine(line{text: s, num: 1}, &diags)
		for _, k := range figs {
			if k.Name == "" && !k.Raw {
				t.Fatalf("figure without a name from %q", s)
			}
		}
	})
}

func BenchmarkParseSeed(b *testing.B) {
	data, err := os.ReadFile("testdata/articles/000_89182373f193f4a0.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// bigArticle repeats the seed's body paragraphs up to about size bytes, as make-big.py does.
func bigArticle(tb testing.TB, size int) []byte {
	data, err := os.ReadFile("testdata/articles/000_89182373f193f4a0.txt")
	if err != nil {
		tb.Fatal(err)
	}
	s := string(data)
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
