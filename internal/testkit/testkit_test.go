package testkit

import (
	"os"
	"path/filepath"
	"testing"
)

func TestCorpusPresent(t *testing.T) {
	names := []string{SpecFile, ExamplesFile, BadDir + "/EXPECT.md"}
	for _, a := range Articles {
		names = append(names, "articles/"+a+".txt", "articles/"+a+".gold.json")
	}
	for _, a := range Invented {
		names = append(names, "articles/"+a+".txt", "articles/"+a+".gold.json", "articles/"+a+".expect.json")
	}
	for _, a := range Layout {
		names = append(names, "layout/"+a+".txt")
	}
	for _, a := range Book {
		names = append(names, "book/"+a+".txt")
	}
	names = append(names, "markdown/handout.md")
	if Handout() != Path("markdown/handout.md") {
		t.Errorf("Handout() = %s", Handout())
	}
	for _, n := range names {
		st, err := os.Stat(Path(n))
		if err != nil {
			t.Errorf("%s: %v", n, err)
			continue
		}
		if st.Size() == 0 {
			t.Errorf("%s is empty", n)
		}
	}
}

func TestTagCheckSkipsWithoutDirectory(t *testing.T) {
	t.Setenv("GALLEY_TAGCHECK", "")
	t.Setenv("GALLEY_REQUIRE_TOOLS", "1")
	ran := false
	t.Run("skipped", func(t *testing.T) {
		TagCheck(t, "none.pdf")
		ran = true
	})
	if ran {
		t.Error("TagCheck went on without GALLEY_TAGCHECK")
	}
}

func TestEPUBCheckJar(t *testing.T) {
	t.Setenv("EPUBCHECK_JAR", "")
	if got := EPUBCheckJar(); got != "/usr/share/java/epubcheck.jar" {
		t.Errorf("default jar %q", got)
	}
	t.Setenv("EPUBCHECK_JAR", "/opt/epubcheck-5/epubcheck.jar")
	if got := EPUBCheckJar(); got != "/opt/epubcheck-5/epubcheck.jar" {
		t.Errorf("EPUBCHECK_JAR ignored: %q", got)
	}
}

// recorder is a testing.TB that records failures instead of failing.
type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Errorf(string, ...any) { r.failed = true }

// TestEPUBCheckFails checks that the epubcheck runner fails a file that is not an EPUB.
func TestEPUBCheckFails(t *testing.T) {
	if testing.Short() {
		t.Skip("runs epubcheck")
	}
	path := filepath.Join(t.TempDir(), "not.epub")
	if err := os.WriteFile(path, []byte("PK not a zip"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := &recorder{TB: t}
	EPUBCheck(r, path)
	if !r.failed {
		t.Error("epubcheck passed a file that is not an EPUB")
	}
}
