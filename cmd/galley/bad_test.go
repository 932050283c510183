package main

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"galley/internal/testkit"
)

// TestBadCorpus builds every malformed input of the corpus as its EXPECT.md says.
func TestBadCorpus(t *testing.T) {
	tests := []struct {
		file string
		code int
		// diag must appear on stderr.
		diag string
	}{
		{"bad01.txt", exitFailed, "bad01.txt:1:1: error: empty input"},
		{"bad03.txt", exitFailed, "bad03.txt:1:1: error: not UTF-8 text: invalid byte 0xF5 at byte offset 0"},
		{"bad05.txt", exitFailed, "bad05.txt:1:1: error: missing title"},
		{"bad06.txt", exitOK, "bad06.txt:9:1: warning: key figure not understood"},
		{"bad08.txt", exitOK, ""},
		{"bad09.txt", exitOK, "bad09.txt:12:1: warning:"},
		{"bad11.txt", exitOK, ""},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			out := t.TempDir()
			in := testkit.Path(testkit.BadDir + "/" + tt.file)
			start := time.Now()
			code, _, stderr := galley(t, "", "build", "-f", allFormats(), "-o", out, in)
			if d := time.Since(start); d > 20*time.Second {
				t.Errorf("took %v", d)
			}
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, tt.code, stderr)
			}
			// Images are looked up only by the renderers of pages.
			rendersImages := strings.Contains(allFormats(), "pdf") || strings.Contains(allFormats(), "epub")
			if (rendersImages || tt.file != "bad09.txt") && !strings.Contains(stderr, tt.diag) {
				t.Errorf("stderr lacks %q:\n%s", tt.diag, stderr)
			}
			for _, l := range strings.Split(strings.TrimSpace(stderr), "\n") {
				if l != "" && !diagRE.MatchString(l) {
					t.Errorf("not a FILE:LINE:COL diagnostic: %q", l)
				}
			}
			files, _ := os.ReadDir(out)
			if tt.code != exitOK {
				if len(files) != 0 {
					t.Errorf("a failed input left %v", files)
				}
				return
			}
			if len(files) != len(strings.Split(allFormats(), ",")) {
				t.Errorf("artifacts: %v", files)
			}
			for _, f := range files {
				p := filepath.Join(out, f.Name())
				checkComplete(t, p)
				b, _ := os.ReadFile(p)
				if bytes.Contains(b, []byte("root:x:0:0")) {
					t.Errorf("%s holds bytes of /etc/passwd", f.Name())
				}
				if strings.HasSuffix(p, ".epub") {
					checkEPUBSafe(t, p)
				}
			}
		})
	}
	// With --strict, bad06's warning fails the input and nothing is written.
	out := t.TempDir()
	if code, _, _ := galley(t, "", "build", "--strict", "-f", allFormats(), "-o", out, testkit.Path(testkit.BadDir+"/bad06.txt")); code != exitFailed {
		t.Errorf("--strict bad06: exit %d", code)
	}
	if files, _ := os.ReadDir(out); len(files) != 0 {
		t.Errorf("--strict bad06 left %v", files)
	}
}

var diagRE = regexp.MustCompile(`^` + regexp.QuoteMeta(testkit.Path(testkit.BadDir)) + `/bad\d\d\.txt:\d+:\d+: (error|warning|note): \S`)

// checkEPUBSafe fails when an EPUB holds a script element, an event-handler attribute, or a
// reference that points outside the book (file:, javascript:, an absolute path, or a '../'
// that climbs out of the container). It reads the XML, so markup shown as text is no finding.
func checkEPUBSafe(t *testing.T, epubPath string) {
	t.Helper()
	zr, err := zip.OpenReader(epubPath)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if strings.Contains(f.Name, "..") || strings.HasPrefix(f.Name, "/") {
			t.Errorf("zip entry %q", f.Name)
		}
		if !strings.HasSuffix(f.Name, "html") && !strings.HasSuffix(f.Name, ".opf") && !strings.HasSuffix(f.Name, ".ncx") {
			continue
		}
		rc, _ := f.Open()
		d := xml.NewDecoder(rc)
		for {
			tok, err := d.Token()
			if err != nil {
				if err != io.EOF {
					t.Errorf("%s: %v", f.Name, err)
				}
				break
			}
			el, ok := tok.(xml.StartElement)
			if !ok {
				continue
			}
			if strings.EqualFold(el.Name.Local, "script") {
				t.Errorf("%s: a script element", f.Name)
			}
			for _, a := range el.Attr {
				name := strings.ToLower(a.Name.Local)
				if strings.HasPrefix(name, "on") {
					t.Errorf("%s: <%s %s=%q>", f.Name, el.Name.Local, a.Name.Local, a.Value)
				}
				if name == "href" || name == "src" {
					checkRef(t, f.Name, a.Value)
				}
			}
		}
		rc.Close()
	}
}

// checkRef fails when a reference inside an EPUB file leaves the book.
func checkRef(t *testing.T, file, ref string) {
	t.Helper()
	r := ref
	if i := strings.IndexAny(r, "#?"); i >= 0 {
		r = r[:i]
	}
	low := strings.ToLower(r)
	if r == "" || strings.HasPrefix(low, "http:") || strings.HasPrefix(low, "https:") || strings.HasPrefix(low, "mailto:") {
		return
	}
	resolved := path.Join(path.Dir(file), r)
	if strings.Contains(low, ":") || strings.HasPrefix(r, "/") || strings.HasPrefix(resolved, "..") {
		t.Errorf("%s: reference %q leaves the book", file, ref)
	}
}
