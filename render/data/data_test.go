package data

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"galley/internal/testkit"
	"galley/source"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func parse(t testing.TB, data []byte, opt source.Options) *source.Document {
	t.Helper()
	doc, err := source.Parse(data, opt)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestGolden writes a Markdown document that holds every kind of block (a table, empty list
// items and quotation, a rule, a figure, code), key figures and a bibliography entry with
// characters JSON writers escape, and compares the bytes with the golden files: the JSON
// document, indented and not, and the CSL-JSON. Their bytes are what users' tools read.
func TestGolden(t *testing.T) {
	src, err := os.ReadFile("testdata/blocks.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := parse(t, src, source.Options{File: "blocks.md", Markdown: true})
	for _, tt := range []struct {
		file  string
		write func(*bytes.Buffer, *source.Document) error
	}{
		{"blocks.json", func(b *bytes.Buffer, d *source.Document) error { return WriteJSON(b, d) }},
		{"blocks.pretty.json", func(b *bytes.Buffer, d *source.Document) error { return WriteJSONIndent(b, d) }},
		{"blocks.csl.json", func(b *bytes.Buffer, d *source.Document) error { return WriteCSL(b, d) }},
	} {
		var got bytes.Buffer
		if err := tt.write(&got, doc); err != nil {
			t.Fatalf("%s: %v", tt.file, err)
		}
		path := filepath.Join("testdata", tt.file)
		if *update {
			if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want) {
			t.Errorf("%s differs:\n got %s\nwant %s", tt.file, got.Bytes(), want)
		}
	}
}

// TestJSONShape checks the document of the reference article: every key present, empty
// lists as [], blocks with their type and line, key figures with their years.
func TestJSONShape(t *testing.T) {
	doc := parse(t, testkit.Read(t, "articles/"+testkit.Seed+".txt"), source.Options{})
	var out bytes.Buffer
	if err := WriteJSON(&out, doc); err != nil {
		t.Fatal(err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(out.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"title", "abstract", "date", "summary", "locales", "key_figures", "sections",
		"timeline", "bibliography", "see_also", "diagnostics", "lang", "abstract_blocks"} {
		if _, ok := m[k]; !ok {
			t.Errorf("key %q missing", k)
		}
	}
	if string(m["see_also"]) != "[]" {
		t.Errorf("see_also = %s, want []", m["see_also"])
	}
	var secs []struct {
		Blocks []map[string]any `json:"blocks"`
	}
	if err := json.Unmarshal(m["sections"], &secs); err != nil || len(secs) == 0 || len(secs[0].Blocks) < 2 {
		t.Fatalf("sections %s: %v", m["sections"], err)
	}
	if blk := secs[0].Blocks[1]; blk["type"] != "figure" || blk["caption"] == "" || blk["line"] != 13.0 {
		t.Errorf("figure block %v", blk)
	}
	var figs []struct {
		Born    *string  `json:"born"`
		Aliases []string `json:"aliases"`
	}
	if err := json.Unmarshal(m["key_figures"], &figs); err != nil || len(figs) < 2 {
		t.Fatalf("key figures %s: %v", m["key_figures"], err)
	}
	if figs[0].Born == nil || *figs[0].Born != "1882" || len(figs[1].Aliases) == 0 || figs[1].Aliases[0] != "Meier Moiseevich Wallach" {
		t.Errorf("key figures %s", m["key_figures"])
	}
	var events []struct {
		Start     string  `json:"start"`
		End       *string `json:"end"`
		Precision string  `json:"precision"`
	}
	if err := json.Unmarshal(m["timeline"], &events); err != nil || len(events) == 0 {
		t.Fatalf("timeline %s: %v", m["timeline"], err)
	}
	for _, e := range events {
		if e.Start == "" || e.Precision == "" || (e.End != nil && *e.End == "") {
			t.Errorf("event %+v", e)
		}
	}
}

// FuzzWriteJSON checks that whatever the parser makes of an input, the writers give valid
// JSON: the document with all its keys, and a CSL-JSON array.
func FuzzWriteJSON(f *testing.F) {
	for _, name := range testkit.Articles {
		f.Add(testkit.Read(f, "articles/"+name+".txt"))
	}
	if src, err := os.ReadFile("testdata/blocks.md"); err == nil {
		f.Add(src)
	}
	f.Add([]byte("T\nDate 44 b.c.e.\n<&> \u2028\nFurther Reading\nDoe, Jane. A <B>. Boston: Beacon, 1950."))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, md := range []bool{false, true} {
			doc, err := source.Parse(data, source.Options{Markdown: md})
			if err != nil {
				continue
			}
			var out bytes.Buffer
			if err := WriteJSON(&out, doc); err != nil {
				t.Fatal(err)
			}
			var m map[string]json.RawMessage
			if err := json.Unmarshal(out.Bytes(), &m); err != nil || len(m) != 13 {
				t.Fatalf("JSON document %s: %v", out.Bytes(), err)
			}
			out.Reset()
			if err := WriteCSL(&out, doc); err != nil {
				t.Fatal(err)
			}
			var items []map[string]any
			if err := json.Unmarshal(out.Bytes(), &items); err != nil || len(items) != len(doc.Bibliography) {
				t.Fatalf("CSL-JSON %s: %v", out.Bytes(), err)
			}
		}
	})
}
