package main

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"galley/internal/testkit"
	"galley/output"
)

// seedPath is the reference article of the corpus.
var seedPath = testkit.Article(testkit.Seed)

// testTime is the build time of the tests' renders, as SOURCE_DATE_EPOCH=1700000000 gives it.
var testTime = time.Unix(1700000000, 0).UTC()

// galley runs the command in-process with SOURCE_DATE_EPOCH set, returning the exit status and
// what it wrote.
func galley(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := environment{getenv: func(k string) string {
		if k == "SOURCE_DATE_EPOCH" {
			return "1700000000"
		}
		return ""
	}}
	code := run(args, strings.NewReader(stdin), &out, &errb, env)
	return code, out.String(), errb.String()
}

// corpus makes a directory of n copies of the seed article plus the given extra files.
func corpus(t *testing.T, n int, extra map[string]string) string {
	t.Helper()
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for i := 0; i < n; i++ {
		name := filepath.Join(dir, "art"+string(rune('a'+i/26))+string(rune('a'+i%26))+".txt")
		if err := os.WriteFile(name, seed, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, body := range extra {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// tree returns every file under dir with its SHA-256.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		rel, _ := filepath.Rel(dir, p)
		out[rel] = hex.EncodeToString(sum[:])
		return nil
	})
	return out
}

func TestBuildReproducible(t *testing.T) {
	in := corpus(t, 4, nil)
	var trees []map[string]string
	for _, j := range []string{"1", "2", "2"} {
		out := t.TempDir()
		code, _, stderr := galley(t, "", "build", "-q", "-j", j, "-f", allFormats(), "-o", out, in)
		if code != exitOK {
			t.Fatalf("-j%s: exit %d: %s", j, code, stderr)
		}
		// The manifest names the output directory, which differs between runs by design.
		m, _ := os.ReadFile(filepath.Join(out, "manifest.json"))
		os.WriteFile(filepath.Join(out, "manifest.json"), bytes.ReplaceAll(m, []byte(out), []byte("OUT")), 0o644)
		trees = append(trees, tree(t, out))
	}
	if len(trees[0]) != 4*len(strings.Split(allFormats(), ","))+1 {
		t.Fatalf("%d files: %v", len(trees[0]), trees[0])
	}
	for i := 1; i < len(trees); i++ {
		if !reflect.DeepEqual(trees[0], trees[i]) {
			t.Errorf("build %d differs from build 0:\n%v\n%v", i, trees[0], trees[i])
		}
	}
}

// TestBuildOneInputFormatsAtOnce checks that a single input, whose formats are rendered at
// once when there are workers to spare, gives the same files and the same messages in the
// same order as one format after the other (-j1): the seed's missing image is a warning of
// both the PDF and the EPUB, reported once; and a format that fails leaves nothing of the
// input behind either way.
func TestBuildOneInputFormatsAtOnce(t *testing.T) {
	in := filepath.Join(corpus(t, 1, nil), "artaa.txt")
	badFonts := t.TempDir()
	// A TrueType header with no tables: accepted as a font file, refused by the PDF renderer.
	os.WriteFile(filepath.Join(badFonts, "Broken-Regular.ttf"), append([]byte{0, 1, 0, 0}, make([]byte, 60)...), 0o644)
	for _, tc := range []struct {
		name  string
		extra []string
		code  int
	}{
		{"ok", nil, exitOK},
		{"pdf fails", []string{"--font", badFonts}, exitFailed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var trees []map[string]string
			var logs []string
			for _, j := range []string{"1", "2", "4"} {
				out := t.TempDir()
				args := append([]string{"build", "-j", j, "-f", allFormats(), "-o", out}, tc.extra...)
				code, _, stderr := galley(t, "", append(args, in)...)
				if code != tc.code {
					t.Fatalf("-j%s: exit %d, want %d: %s", j, code, tc.code, stderr)
				}
				trees, logs = append(trees, tree(t, out)), append(logs, stderr)
			}
			if n := strings.Count(logs[0], "note: image not embedded"); tc.code == exitOK && n != 1 {
				t.Errorf("the missing image is reported %d times:\n%s", n, logs[0])
			}
			if tc.code != exitOK && len(trees[0]) != 0 {
				t.Errorf("a failed input left files: %v", trees[0])
			}
			for i := 1; i < len(trees); i++ {
				if !reflect.DeepEqual(trees[0], trees[i]) || logs[0] != logs[i] {
					t.Errorf("run %d differs from -j1:\n%v\n%s\n---\n%v\n%s", i, trees[0], logs[0], trees[i], logs[i])
				}
			}
		})
	}
}

func TestBuildBatchWithBadInput(t *testing.T) {
	in := corpus(t, 3, map[string]string{"broken.txt": "Title\n\xff\xfe bad bytes\n", "empty.txt": ""})
	out := t.TempDir()
	code, _, stderr := galley(t, "", "build", "-f", allFormats(), "-o", out, in)
	if code != exitFailed {
		t.Fatalf("exit %d, want 1", code)
	}
	for _, want := range []string{"broken.txt:2:1: error: not UTF-8", "empty.txt:1:1: error: empty input"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	files := tree(t, out)
	for name := range files {
		if strings.HasPrefix(name, "broken") || strings.HasPrefix(name, "empty") || strings.Contains(name, ".galley-tmp") {
			t.Errorf("left behind: %s", name)
		}
	}
	for _, s := range []string{"artaa", "artab", "artac"} {
		for _, f := range strings.Split(allFormats(), ",") {
			if _, ok := files[s+suffixOf(f)]; !ok {
				t.Errorf("missing %s%s", s, suffixOf(f))
			}
		}
	}
	var m output.Manifest
	mb, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(mb, &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Failed) != 2 {
		t.Errorf("manifest failed = %v", m.Failed)
	}
	for _, a := range m.Artifacts {
		b, err := os.ReadFile(filepath.Join(out, a.Output))
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(b)
		if hex.EncodeToString(sum[:]) != a.SHA256 || int64(len(b)) != a.Bytes {
			t.Errorf("%s: manifest says %d bytes %s", a.Output, a.Bytes, a.SHA256)
		}
		if a.Format != "pdf" {
			if a.Pages != 0 {
				t.Errorf("%s: %d pages for a format without pages", a.Output, a.Pages)
			}
			continue
		}
		testkit.NeedTool(t, "pdfinfo")
		info, err := exec.Command("pdfinfo", filepath.Join(out, a.Output)).Output()
		if err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf("\nPages:           %d\n", a.Pages); a.Pages < 1 || !strings.Contains(string(info), want) {
			t.Errorf("%s: the manifest says %d pages, pdfinfo:\n%s", a.Output, a.Pages, info)
		}
	}
}

func suffixOf(format string) string {
	return formatByName(format).suffix
}

// allFormats lists every format that has a renderer.
func allFormats() string {
	var names []string
	for _, f := range formats {
		if f.available() {
			names = append(names, f.name)
		}
	}
	return strings.Join(names, ",")
}

func TestBuildShardsCoverTheWhole(t *testing.T) {
	in := corpus(t, 7, nil)
	full := t.TempDir()
	if code, _, e := galley(t, "", "build", "-q", "-f", "json", "-o", full, in); code != 0 {
		t.Fatal(e)
	}
	union := map[string]string{}
	for k := 1; k <= 3; k++ {
		out := t.TempDir()
		if code, _, e := galley(t, "", "build", "-q", "-f", "json", "--shard", string(rune('0'+k))+"/3", "-o", out, in); code != 0 {
			t.Fatal(e)
		}
		for name, sum := range tree(t, out) {
			if name == "manifest.json" {
				continue
			}
			if _, dup := union[name]; dup {
				t.Errorf("%s built by two shards", name)
			}
			union[name] = sum
		}
	}
	want := tree(t, full)
	delete(want, "manifest.json")
	if !reflect.DeepEqual(union, want) {
		t.Errorf("shards built %v, the whole build %v", keys(union), keys(want))
	}
}

func keys(m map[string]string) []string {
	var k []string
	for s := range m {
		k = append(k, s)
	}
	sort.Strings(k)
	return k
}

func TestBuildUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"build"},
		{"build", "--no-such-flag", "x.txt"},
		{"build", "-f", "docx", seedPath},
		{"build", "--paper", "legal", seedPath},
		{"build", "--cite", "harvard", seedPath},
		{"build", "--shard", "4/3", seedPath},
		{"build", "-j", "0", seedPath},
		{"build", "does-not-exist.txt"},
		{"frobnicate"},
	} {
		if code, _, stderr := galley(t, "", args...); code != exitUsage || stderr == "" {
			t.Errorf("%q: exit %d, stderr %q; want 2 and a message", args, code, stderr)
		}
	}
}

func TestBuildStdinAndStrict(t *testing.T) {
	seed, _ := os.ReadFile(seedPath)
	out := t.TempDir()
	if code, _, e := galley(t, string(seed), "build", "-f", "json", "-o", out, "-"); code != 0 {
		t.Fatal(e)
	}
	if _, err := os.Stat(filepath.Join(out, "article.json")); err != nil {
		t.Fatal(err)
	}
	// A key figure that cannot be read is a warning; --strict makes it fail with nothing written.
	bad := strings.Replace(string(seed), "Franklin D. Roosevelt (1882-1945)", "((;;)) garbage", 1)
	bad = strings.Replace(bad, "1933-1945Maksim", "1933-1945 and then Maksim", 1)
	dir := corpus(t, 0, map[string]string{"warn.txt": bad})
	out2 := t.TempDir()
	code, _, stderr := galley(t, "", "build", "--strict", "-f", "json", "-o", out2, dir)
	if code != exitFailed || !strings.Contains(stderr, "warn.txt:10:1: warning:") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if files := tree(t, out2); len(files) != 0 {
		t.Errorf("--strict left %v", files)
	}
}

func TestBuildKeepsGoodArtifactOnFailure(t *testing.T) {
	dir := corpus(t, 1, nil)
	out := t.TempDir()
	if code, _, e := galley(t, "", "build", "-f", "json", "-o", out, dir); code != 0 {
		t.Fatal(e)
	}
	before := tree(t, out)
	os.WriteFile(filepath.Join(dir, "artaa.txt"), []byte("\xff"), 0o644)
	if code, _, _ := galley(t, "", "build", "-f", "json", "-o", out, dir); code != exitFailed {
		t.Fatalf("exit %d", code)
	}
	if !reflect.DeepEqual(before, tree(t, out)) {
		t.Error("a failed rebuild changed the earlier artifact")
	}
}

// TestBuildSIGTERM interrupts a batch in a child process and checks that every artifact left
// is complete and no temporary file remains.
func TestBuildSIGTERM(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "galley")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	in := corpus(t, 300, nil)
	out := t.TempDir()
	cmd := exec.Command(bin, "build", "-q", "-j", "2", "-f", allFormats(), "-o", out, in)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until some artifacts exist, then interrupt.
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if m, _ := filepath.Glob(filepath.Join(out, "*.json")); len(m) >= 4 {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	err := cmd.Wait()
	if err == nil {
		t.Skip("the batch finished before the signal arrived")
	}
	entries, _ := os.ReadDir(out)
	if len(entries) == 0 {
		t.Fatal("nothing was built before the signal")
	}
	for _, e := range entries {
		if strings.Contains(e.Name(), ".galley-tmp") {
			t.Errorf("temporary file left: %s", e.Name())
			continue
		}
		checkComplete(t, filepath.Join(out, e.Name()))
	}
	if _, err := os.Stat(filepath.Join(out, "manifest.json")); err == nil {
		t.Error("an interrupted batch wrote a manifest")
	}
}

// checkComplete fails when an artifact is truncated.
func checkComplete(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	switch {
	case strings.HasSuffix(path, ".json"):
		if !json.Valid(b) {
			t.Errorf("%s: not complete JSON", path)
		}
	case strings.HasSuffix(path, ".pdf"):
		if !bytes.HasSuffix(bytes.TrimSpace(b), []byte("%%EOF")) {
			t.Errorf("%s: PDF without its end", path)
		}
	case strings.HasSuffix(path, ".epub"):
		if !bytes.Contains(b[max(0, len(b)-512):], []byte("PK\x05\x06")) {
			t.Errorf("%s: zip without its central directory end", path)
		}
	}
}

func TestParseCommand(t *testing.T) {
	code, out, stderr := galley(t, "", "parse", "--pretty", seedPath)
	if code != 0 {
		t.Fatal(stderr)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatal(err)
	}
	if m["title"] != "United States Recognizes Russia's Bolshevik Regime" {
		t.Errorf("title %v", m["title"])
	}
	code, out, stderr = galley(t, "", "check", testkit.Path(testkit.BadDir+"/bad03.txt"), seedPath)
	if code != exitFailed || out != "" || !strings.Contains(stderr, "bad03.txt:1:1: error: not UTF-8 text") {
		t.Errorf("check: exit %d out %q err %q", code, out, stderr)
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := galley(t, "", "version")
	if code != 0 || !strings.HasPrefix(out, "galley ") || !strings.Contains(out, "github.com/yuin/goldmark") {
		t.Errorf("version: %d %q", code, out)
	}
}

// TestBuildPageList checks that an EPUB built with a PDF lists the PDF's pages, as many as
// the manifest says the PDF has, on every paper, and that one built without a PDF lists none.
func TestBuildPageList(t *testing.T) {
	dir := corpus(t, 2, nil) // a batch, which has a manifest
	in := filepath.Join(dir, "artaa.txt")
	for _, tc := range []struct {
		formats, paper string
		list           bool
	}{
		{"pdf,epub", "letter", true},
		{"epub,pdf,json", "a5", true},
		{"epub", "letter", false},
		{"epub,json", "a4", false},
	} {
		out := t.TempDir()
		code, _, stderr := galley(t, "", "build", "-q", "-f", tc.formats, "--paper", tc.paper, "-o", out, in, filepath.Join(dir, "artab.txt"))
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", tc.formats, code, stderr)
		}
		var m struct {
			Artifacts []struct {
				Output, Format string
				Pages          int
			}
		}
		data, err := os.ReadFile(filepath.Join(out, "manifest.json"))
		if err == nil {
			err = json.Unmarshal(data, &m)
		}
		if err != nil {
			t.Fatal(err)
		}
		pages := 0
		for _, a := range m.Artifacts {
			if a.Format == "pdf" && strings.HasSuffix(a.Output, "artaa.pdf") {
				pages = a.Pages
			}
		}
		nav := readZipFile(t, filepath.Join(out, "artaa.epub"), "EPUB/nav.xhtml")
		list := strings.Contains(nav, `epub:type="page-list"`)
		entries := strings.Count(nav, "#page-") - strings.Count(nav, "#page-list")
		switch {
		case list != tc.list:
			t.Errorf("%s: page list %v, want %v", tc.formats, list, tc.list)
		case tc.list && (pages < 2 || entries != pages):
			t.Errorf("%s on %s: %d entries in the page list, the PDF has %d pages", tc.formats, tc.paper, entries, pages)
		}
	}
}

// readZipFile returns the file name of the zip archive at path.
func readZipFile(t *testing.T, path, name string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	f, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
