// Package testkit is what galley's tests share: one copy of the test corpus (the reference
// article and three more with their answer keys, the articles invented for the tests, three
// articles for the page layout, a Markdown handout, two articles for composing a book with
// the others, the malformed inputs, the CommonMark spec and its examples), the rule for tests
// that need an outside validator, and the one that every format's tests use, W3C epubcheck.
//
// It imports nothing of galley's, so the tests of every package, source's own included, can
// use it.
package testkit

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// Articles are the names of the corpus articles under "articles/", without extension: the
// reference article first. Each has a .txt and an answer key .gold.json.
var Articles = []string{Seed, "a1", "a3", "a5"}

// Layout are the names of the articles under "layout/", written to try the page layout
// where the corpus articles do not: long words and roles, straight quotes, year and date
// ranges written with hyphens, an OCR-split year, italic titles and species names, figures
// (the tests serve the images they want). They have no answer keys.
var Layout = []string{"l1", "l2", "l3"}

// LayoutArticle is the path of a layout article's text by name ("l1").
func LayoutArticle(name string) string { return Path("layout/" + name + ".txt") }

// Book are the names of the articles under "book/", written to be composed into one book
// with the corpus articles: they state again some of the events the reference article and
// a3 and a5 state, in other words and at other precisions, and events on the same days that
// are others; they cite some of the same works, as other readings of them, and works by the
// same authors or of the same titles that are others; and they list some of the same
// people under other forms of their names ("Franklin Delano Roosevelt (FDR)", "Maxim
// Litvinov", "Vladimir Lenin"). b1 goes with the reference article, b2 with a3 and a5. They
// have no answer keys: the book's tests say what composing them must give.
var Book = []string{"b1", "b2"}

// BookArticle is the path of a book article's text by name ("b1").
func BookArticle(name string) string { return Path("book/" + name + ".txt") }

// Handout is the path of a Markdown document written to try what the articles do not have:
// headings of every level, ordered and nested lists, a table with aligned columns, a code
// block, a quotation, a link, a thematic break, front matter with a language.
func Handout() string { return Path("markdown/handout.md") }

// Seed is the name of the reference article.
const Seed = "000_89182373f193f4a0"

// Invented are articles written for the tests, under "articles/" beside the corpus, each with
// a .txt, an answer key .gold.json (whose timeline part also lists the sentences that are
// commentary, not events) and a .expect.json of what the answer key cannot say: the
// warnings and the lines they name, and how titles and contributors read in APA and MLA.
// They cover what the corpus does not: articles before the common era and in the first
// millennium with dates of other eras in them, three-digit years, relative years, front
// matter that restates the body, commentary, parts of a year; and bibliographies with
// journal articles without a year, three editors, no publisher, no year, an empty section.
var Invented = []string{"u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9", "u10", "u11"}

// Corpus file names relative to Dir.
const (
	SpecFile     = "commonmark/spec.txt"
	ExamplesFile = "commonmark/commonmark-examples.json"
	BadDir       = "bad"
)

// Dir is the absolute path of the corpus directory.
func Dir() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		panic("testkit: no caller information")
	}
	return filepath.Join(filepath.Dir(file), "corpus")
}

// Path is the absolute path of a corpus file ("articles/a1.txt", SpecFile).
func Path(name string) string { return filepath.Join(Dir(), filepath.FromSlash(name)) }

// Article is the path of an article's text by name ("a1", Seed).
func Article(name string) string { return Path("articles/" + name + ".txt") }

// Gold is the path of an article's answer key by name.
func Gold(name string) string { return Path("articles/" + name + ".gold.json") }

// Expect is the path of an invented article's expectations by name (see Invented).
func Expect(name string) string { return Path("articles/" + name + ".expect.json") }

// Read returns a corpus file's bytes, failing t if it cannot be read.
func Read(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(Path(name))
	if err != nil {
		t.Fatalf("testkit: %v", err)
	}
	return b
}

// RequireTools reports whether missing validators fail tests instead of skipping them
// (GALLEY_REQUIRE_TOOLS=1, as in CI).
func RequireTools() bool { return os.Getenv("GALLEY_REQUIRE_TOOLS") == "1" }

// Missing skips t because a validator is missing, or fails it under GALLEY_REQUIRE_TOOLS=1.
func Missing(t testing.TB, what string) {
	t.Helper()
	if RequireTools() {
		t.Fatalf("%s is required (GALLEY_REQUIRE_TOOLS=1) but missing", what)
	}
	t.Skipf("%s not installed; skipping", what)
}

// NeedTool returns the path of the command name, or skips t (fails it under
// GALLEY_REQUIRE_TOOLS=1) when it is not installed.
func NeedTool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		Missing(t, name)
	}
	return p
}

// TagCheck runs the tagged-PDF checker tagcheck (pdf.js and qpdf, under node) on the PDF at
// path and returns its report, whose last line reads "tagged: marked=yes lang=… title=…
// headings=N tables=N th=N figures=N figures_without_alt=N untagged_text_share=P%". It is
// found in the directory GALLEY_TAGCHECK names; when that is not set, t is skipped, whatever
// GALLEY_REQUIRE_TOOLS says, since tagcheck is no package a machine installs.
func TagCheck(t testing.TB, path string) string {
	t.Helper()
	dir := os.Getenv("GALLEY_TAGCHECK")
	if dir == "" {
		t.Skip("GALLEY_TAGCHECK does not name tagcheck's directory; skipping")
	}
	node := NeedTool(t, "node")
	out, err := exec.Command(node, filepath.Join(dir, "tagcheck.mjs"), "--quiet", path).CombinedOutput()
	if err != nil {
		t.Fatalf("tagcheck %s: %v\n%s", filepath.Base(path), err, out)
	}
	return string(out)
}

// EPUBCheckJar is the epubcheck to run: the jar EPUBCHECK_JAR names, or Debian's. The
// packaged wrapper script needs binfmt support, so the jar is run through java.
func EPUBCheckJar() string {
	if j := os.Getenv("EPUBCHECK_JAR"); j != "" {
		return j
	}
	return "/usr/share/java/epubcheck.jar"
}

// NeedEPUBCheck returns the java command and the epubcheck jar, or skips t (fails it under
// GALLEY_REQUIRE_TOOLS=1) when either is missing.
func NeedEPUBCheck(t testing.TB) (java, jar string) {
	t.Helper()
	jar = EPUBCheckJar()
	java, err := exec.LookPath("java")
	if _, statErr := os.Stat(jar); err != nil || statErr != nil {
		Missing(t, "epubcheck (java and "+jar+")")
	}
	return java, jar
}

// EPUBCheck validates the EPUB file at path with W3C epubcheck and fails t, with the report,
// unless it finds no error and no warning. It skips t when epubcheck is missing (see
// NeedEPUBCheck). A book takes seconds.
func EPUBCheck(t testing.TB, path string) {
	t.Helper()
	java, jar := NeedEPUBCheck(t)
	out, err := exec.Command(java, "-jar", jar, path).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "No errors or warnings detected") {
		t.Errorf("epubcheck %s: %v\n%s", filepath.Base(path), err, out)
	}
}
