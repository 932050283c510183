package main

import (
	"archive/zip"
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"galley/internal/testkit"
)

// bookInputs are the seed and the three public articles of the corpus.
func bookInputs() []string {
	var in []string
	for _, a := range testkit.Articles {
		in = append(in, testkit.Article(a))
	}
	return in
}

const bookTitle = "Unit 3: Interwar Diplomacy"

// TestBook builds the corpus's four articles as a book with one worker and with four, twice
// each: the same bytes every time, two files named after the title, the outline with the
// four chapters at its top level, and an EPUB that epubcheck passes.
func TestBook(t *testing.T) {
	var first map[string]string
	var out string
	for _, j := range []string{"1", "4", "1", "4"} {
		out = t.TempDir()
		args := append([]string{"book", "-q", "-j", j, "--title", bookTitle, "--subtitle", "Four articles", "-o", out}, bookInputs()...)
		code, _, stderr := galley(t, "", args...)
		if code != exitOK {
			t.Fatalf("-j %s: exit %d\n%s", j, code, stderr)
		}
		files := tree(t, out)
		if first == nil {
			first = files
			names := slices.Sorted(func(yield func(string) bool) {
				for n := range files {
					if !yield(n) {
						return
					}
				}
			})
			if want := []string{"unit-3-interwar-diplomacy.epub", "unit-3-interwar-diplomacy.pdf"}; !slices.Equal(names, want) {
				t.Fatalf("files %q, want %q", names, want)
			}
			continue
		}
		for n, sum := range files {
			if first[n] != sum {
				t.Errorf("-j %s: %s differs from the first build's", j, n)
			}
		}
	}
	pdfPath := filepath.Join(out, "unit-3-interwar-diplomacy.pdf")
	outline, err := exec.Command(testkit.NeedTool(t, "mutool"), "show", pdfPath, "outline").Output()
	if err != nil {
		t.Fatal(err)
	}
	var chapters []string
	for _, l := range strings.Split(string(outline), "\n") {
		if f := strings.Split(l, "\t"); len(f) == 3 && f[0] == "+" {
			chapters = append(chapters, strings.Trim(f[1], `"`))
		}
	}
	want := []string{"United States Recognizes Russia’s Bolshevik Regime", "Julius Caesar Is Assassinated",
		"Battle of the Somme", "The February Revolution Overthrows Russia’s Czar"}
	if !slices.Equal(chapters, want) {
		t.Errorf("the outline's chapters are %q, want %q", chapters, want)
	}
	epubPath := filepath.Join(out, "unit-3-interwar-diplomacy.epub")
	testkit.EPUBCheck(t, epubPath)

	// Built together, the PDF is tagged and the EPUB lists its pages.
	info, err := exec.Command(testkit.NeedTool(t, "pdfinfo"), pdfPath).Output()
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`).FindSubmatch(info)
	if m == nil || !regexp.MustCompile(`(?m)^Tagged:\s+yes$`).Match(info) {
		t.Fatalf("pdfinfo:\n%s", info)
	}
	zr, err := zip.OpenReader(epubPath)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	nav, err := fs.ReadFile(zr, "EPUB/nav.xhtml")
	if err != nil {
		t.Fatal(err)
	}
	list := regexp.MustCompile(`(?s)<nav epub:type="page-list".*?</nav>`).Find(nav)
	if n := strings.Count(string(list), "#page-"); strconv.Itoa(n) != string(m[1]) {
		t.Errorf("the EPUB's page list has %d entries; the PDF has %s pages", n, m[1])
	}
}

// TestBookIndexOnce builds a book of the seed and an article that lists some of its people
// under other forms of their names: each is in the index once, with pages in both chapters.
func TestBookIndexOnce(t *testing.T) {
	out := t.TempDir()
	code, _, stderr := galley(t, "", "book", "-q", "-f", "pdf", "--title", "Recognition", "-o", out, seedPath, testkit.BookArticle("b1"))
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	path := filepath.Join(out, "recognition.pdf")
	text, err := exec.Command(testkit.NeedTool(t, "pdftotext"), "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	index := string(text[bytes.LastIndex(text, []byte("Index of Key Figures")):])
	// The second chapter begins on the page the contents give it.
	contents := strings.Split(string(text), "\f")[1]
	second := 0
	for _, l := range strings.Split(contents, "\n") {
		if f := strings.Fields(l); len(f) > 2 && f[0] == "2" {
			second, _ = strconv.Atoi(f[len(f)-1])
		}
	}
	if second == 0 {
		t.Fatalf("no second chapter in the contents:\n%s", contents)
	}
	var lines []string
	for _, l := range strings.Split(index, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "Litvinov") {
			lines = append(lines, l)
		}
	}
	if len(lines) != 1 {
		t.Fatalf("Litvinov is in the index %d times:\n%s", len(lines), index)
	}
	_, pages, _ := strings.Cut(lines[0], "),")
	var before, after bool
	for _, p := range strings.Split(pages, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil {
			t.Fatalf("index entry %q", lines[0])
		}
		before = before || n < second
		after = after || n >= second
	}
	if !before || !after {
		t.Errorf("index entry %q: want pages in both chapters (the second from page %d)", lines[0], second)
	}
}

// TestBookFails: a bad input fails the book with its diagnostics and nothing is written;
// --strict fails it on a warning; a book needs a title and is written as PDF and EPUB only.
func TestBookFails(t *testing.T) {
	out := t.TempDir()
	bad := filepath.Join(t.TempDir(), "broken.txt")
	if err := os.WriteFile(bad, []byte("Title\n\xff\xfe bad bytes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := galley(t, "", "book", "--title", "T", "-o", out, seedPath, bad)
	if code != exitFailed || !strings.Contains(stderr, "broken.txt:2:1: error: not UTF-8") {
		t.Errorf("a bad input: exit %d\n%s", code, stderr)
	}
	code, _, stderr = galley(t, "", "book", "--strict", "--title", "T", "-o", out, seedPath, testkit.Article("u3"))
	if code != exitFailed || !strings.Contains(stderr, "warning: bibliography entry gives no year") || !strings.Contains(stderr, "--strict") {
		t.Errorf("--strict with a warning: exit %d\n%s", code, stderr)
	}
	if files := tree(t, out); len(files) != 0 {
		t.Errorf("a failed book left %v", keys(files))
	}
	for _, args := range [][]string{
		{"book", "-o", out, seedPath},
		{"book", "--title", "  ", "-o", out, seedPath},
		{"book", "--title", "\u200b", "-o", out, seedPath},
		{"book", "--title", "T", "-f", "json", "-o", out, seedPath},
		{"book", "--title", "T", "--watch", "-o", out, seedPath},
		{"book", "--title", "T", "-o", out},
		{"book", "--title", "T", "-o", filepath.Join(out, "\xff"), seedPath},
	} {
		if code, _, stderr := galley(t, "", args...); code != exitUsage {
			t.Errorf("%q: exit %d, want 2\n%s", args, code, stderr)
		}
	}
}

// TestBookHouseStyle builds a book with the example house-style file: its paper and its
// house, whose name is on the title page and in the footers, and whose logo is on the title
// page only.
func TestBookHouseStyle(t *testing.T) {
	out := t.TempDir()
	config := filepath.Join("..", "..", "examples", "galley.toml")
	code, _, stderr := galley(t, "", "book", "-q", "--config", config, "--title", "Unit 3", "-o", out, seedPath, testkit.Article("a1"))
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	path := filepath.Join(out, "unit-3.pdf")
	info, err := exec.Command(testkit.NeedTool(t, "pdfinfo"), path).Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(info), "595.28 x 841.89") {
		t.Errorf("not A4:\n%s", info)
	}
	text, err := exec.Command(testkit.NeedTool(t, "pdftotext"), "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(string(text), "\f")
	for i, p := range pages[:len(pages)-1] {
		if !strings.Contains(p, "Lincoln High School Library") {
			t.Errorf("page %d does not name the house", i+1)
		}
	}
	imgs, err := exec.Command(testkit.NeedTool(t, "pdfimages"), "-list", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	var logoPages []string
	for _, l := range strings.Split(string(imgs), "\n")[2:] {
		if f := strings.Fields(l); len(f) > 2 && f[2] == "image" {
			logoPages = append(logoPages, f[0])
		}
	}
	if !slices.Equal(logoPages, []string{"1"}) {
		t.Errorf("images on pages %v, want the logo on page 1 alone", logoPages)
	}
}
