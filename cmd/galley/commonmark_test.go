package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"galley/internal/testkit"
	"galley/render"
	"galley/render/epub"
	"galley/render/pdf"
	"galley/source"
)

// TestCommonMarkExamples builds each of the CommonMark spec's 655 examples as a Markdown
// document: it must parse, give a PDF with its trailer, and an EPUB whose every XHTML and XML
// file is well-formed.
func TestCommonMarkExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("655 documents")
	}
	data := testkit.Read(t, testkit.ExamplesFile)
	var examples []struct {
		Example  int    `json:"example"`
		Section  string `json:"section"`
		Markdown string `json:"markdown"`
	}
	if err := json.Unmarshal(data, &examples); err != nil {
		t.Fatal(err)
	}
	if len(examples) != 655 {
		t.Fatalf("%d examples", len(examples))
	}
	for _, ex := range examples {
		name := filepath.Join("example", strings.ReplaceAll(ex.Section, " ", "-")) + ".md"
		doc, err := source.Parse([]byte(ex.Markdown), source.Options{File: name, Markdown: true})
		if err != nil {
			// Only inputs with nothing in them may fail, and with a positioned error.
			if strings.TrimSpace(ex.Markdown) != "" || !strings.Contains(err.Error(), "empty input") {
				t.Errorf("example %d: %v", ex.Example, err)
			}
			continue
		}
		opt := &render.Options{Modified: testTime, Warn: func(int, string) {}}
		a := render.NewArticle(doc, nil)
		var p bytes.Buffer
		if _, err := pdf.Render(&p, a, opt); err != nil {
			t.Errorf("example %d: PDF: %v", ex.Example, err)
		} else if !bytes.HasPrefix(p.Bytes(), []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimSpace(p.Bytes()), []byte("%%EOF")) {
			t.Errorf("example %d: PDF without header or trailer", ex.Example)
		}
		var e bytes.Buffer
		if err := epub.Render(&e, a, opt); err != nil {
			t.Errorf("example %d: EPUB: %v", ex.Example, err)
			continue
		}
		if err := wellFormed(e.Bytes()); err != nil {
			t.Errorf("example %d: %v\n%q", ex.Example, err, ex.Markdown)
		}
	}
}

// wellFormed parses every XML file of an EPUB.
func wellFormed(b []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return err
	}
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".xhtml") && !strings.HasSuffix(f.Name, ".opf") &&
			!strings.HasSuffix(f.Name, ".ncx") && !strings.HasSuffix(f.Name, ".xml") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return err
		}
		d := xml.NewDecoder(rc)
		d.Strict = true
		for {
			_, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				rc.Close()
				return err
			}
		}
		rc.Close()
	}
	return nil
}

// TestCommonMarkSpec builds the whole spec.txt (a 200 KB real Markdown document): the PDF
// must pass qpdf --check and the EPUB epubcheck, with no error and no warning.
func TestCommonMarkSpec(t *testing.T) {
	out := t.TempDir()
	spec := filepath.Join(t.TempDir(), "spec.md")
	if err := os.WriteFile(spec, testkit.Read(t, testkit.SpecFile), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := galley(t, "", "build", "-q", "-o", out, spec)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	testkit.NeedTool(t, "qpdf")
	if b, err := exec.Command("qpdf", "--check", filepath.Join(out, "spec.pdf")).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check: %v\n%s", err, b)
	}
	testkit.EPUBCheck(t, filepath.Join(out, "spec.epub"))
}
