package epub

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"galley/render"
	"galley/source"
)

// epubcheckJar is Debian's epubcheck; EPUBCHECK_JAR names another. The packaged wrapper
// needs binfmt support, so the jar is run through java.
func epubcheckJar() string {
	if j := os.Getenv("EPUBCHECK_JAR"); j != "" {
		return j
	}
	return "/usr/share/java/epubcheck.jar"
}

// TestEpubcheck validates a few books with W3C epubcheck: no error and no warning. It takes
// seconds a book, so it checks the seed (with an image and a timeline), the hostile input
// and a Markdown document with every kind of block.
func TestEpubcheck(t *testing.T) {
	if testing.Short() {
		t.Skip("epubcheck is slow; skipped in -short mode")
	}
	java, err := exec.LookPath("java")
	jar := epubcheckJar()
	if _, statErr := os.Stat(jar); err != nil || statErr != nil {
		if os.Getenv("GALLEY_REQUIRE_TOOLS") == "1" {
			t.Fatalf("epubcheck is required (GALLEY_REQUIRE_TOOLS=1) but java or %s is missing", jar)
		}
		t.Skipf("java or %s missing: install epubcheck to run this test", jar)
	}
	seedArticle, seedOpt, _ := seedBook(t)
	md, err := source.Parse([]byte(markdownSample), source.Options{Markdown: true})
	if err != nil {
		t.Fatal(err)
	}
	books := []struct {
		name string
		a    *render.Article
		opt  *render.Options
	}{
		{"seed", seedArticle, seedOpt},
		{"bad08", render.NewArticle(parseFile(t, "testdata/bad08.txt", false), nil), &render.Options{Modified: testTime, Warn: func(int, string) {}}},
		{"markdown", render.NewArticle(md, nil), &render.Options{Modified: testTime}},
	}
	dir := t.TempDir()
	for _, b := range books {
		t.Run(b.name, func(t *testing.T) {
			t.Parallel()
			file := filepath.Join(dir, b.name+".epub")
			if err := os.WriteFile(file, renderArticle(t, b.a, b.opt), 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(java, "-jar", jar, file).CombinedOutput()
			report := string(out)
			if err != nil || !strings.Contains(report, "No errors or warnings detected") {
				t.Errorf("epubcheck %s: %v\n%s", b.name, err, report)
			}
		})
	}
}

// markdownSample has every generic block the Markdown reader makes.
const markdownSample = "---\ntitle: Blocks & <Markup>\nlang: fr\ndate: 2024-01-28\nsummary: A sample.\nlocale: Paris\n---\n\n" +
	"Intro *with* **style**, `code` and [a link](https://example.com/a?b=c&d=e).\n\n" +
	"# First\n\n## Second\n\nText.\n\n#### Deep\n\n3. three\n4. four\n\n- a\n  > quoted\n- b\n\n" +
	"```go\nfunc main() { if a < b && c > d {} }\n```\n\n" +
	"| left | centre | right |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n\n---\n\n![A caption By Someone](missing.png)\n"
