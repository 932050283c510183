package main

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"galley/internal/testkit"
)

// TestImagesStayInsideTheirDirectory builds articles whose figures point at a file outside the
// image directory in every way a path can: '..', an absolute path, a file: URL, and symlinks
// (to the file and to its directory). Nothing of the file may reach an artifact.
func TestImagesStayInsideTheirDirectory(t *testing.T) {
	root := t.TempDir()
	secretDir := filepath.Join(root, "private")
	os.Mkdir(secretDir, 0o755)
	var b bytes.Buffer
	png.Encode(&b, image.NewGray(image.Rect(0, 0, 3, 3)))
	secret := append(b.Bytes(), []byte("SECRET-MARKER-7f3a")...)
	os.WriteFile(filepath.Join(secretDir, "secret.png"), secret, 0o644)

	in := filepath.Join(root, "articles")
	os.Mkdir(in, 0o755)
	os.Symlink(filepath.Join(secretDir, "secret.png"), filepath.Join(in, "link.png"))
	os.Symlink(secretDir, filepath.Join(in, "private"))
	article := "Leaky Figures\nDate 1933\nA summary.\nLocale Nowhere\nSummary of Event\nText.\n" +
		"![Up and out](../private/secret.png)\n" +
		"![Absolute](" + filepath.Join(secretDir, "secret.png") + ")\n" +
		"![File URL](file://" + filepath.Join(secretDir, "secret.png") + ")\n" +
		"![Symlinked file](link.png)\n" +
		"![Symlinked directory](private/secret.png)\n" +
		"![Caption naming it secret.png](https://example.invalid/x)\n" +
		"More text.\n"
	os.WriteFile(filepath.Join(in, "leaky.txt"), []byte(article), 0o644)

	out := t.TempDir()
	code, _, stderr := galley(t, "", "build", "-o", out, filepath.Join(in, "leaky.txt"))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// The last figure names a remote address only, which nothing asked to fetch: a note.
	if n, m := strings.Count(stderr, "warning: image not embedded"), strings.Count(stderr, "note: image not embedded"); n != 5 || m != 1 {
		t.Errorf("%d image warnings and %d notes, want 5 and 1:\n%s", n, m, stderr)
	}
	for _, name := range []string{"leaky.pdf", "leaky.epub"} {
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(data, []byte("SECRET-MARKER")) || bytes.Contains(data, []byte("/Subtype /Image")) {
			t.Errorf("%s holds the outside image", name)
		}
	}
	zr, err := zip.OpenReader(filepath.Join(out, "leaky.epub"))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, ".png") && f.Name != "EPUB/images/cover.png" {
			t.Errorf("the EPUB holds an image %s", f.Name)
		}
	}
}

// TestHostileText puts markup, PDF string delimiters and control characters in every field:
// all of it must come out as text.
func TestHostileText(t *testing.T) {
	title := `Evil <script>alert(1)</script> ( ) \ ]]> <!-- & &amp; "q"`
	article := title + "\nAbstract with <img src=x onerror=alert(1)> and </p></body>.\n" +
		title + "\nDate 1933\nSummary ]]> <!-- --> \x01 control.\nLocale <b>Bold</b>; A & B\n" +
		"Key Figures\nJohn <i>Doe</i> (1900-1950), role with ) ( \\ chars\n" +
		"Summary of Event\nA <a href=\"javascript:alert(1)\">link</a> [md](javascript:alert(2)) &lt; &#x3C; text.\n" +
		"Bibliography\nDoe, John. <Title>. Place: Pub, 1990. Note ]]>.\n"
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "evil.txt"), []byte(article), 0o644)
	out := t.TempDir()
	code, _, stderr := galley(t, "", "build", "-f", "pdf,epub,json,csl", "-o", out, filepath.Join(dir, "evil.txt"))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	checkEPUBSafe(t, filepath.Join(out, "evil.epub"))
	data, _ := os.ReadFile(filepath.Join(out, "evil.epub"))
	if err := wellFormed(data); err != nil {
		t.Errorf("EPUB: %v", err)
	}
	testkit.NeedTool(t, "pdfinfo")
	testkit.NeedTool(t, "pdftotext")
	info, err := exec.Command("pdfinfo", filepath.Join(out, "evil.pdf")).Output()
	if err != nil {
		t.Fatal(err)
	}
	// set with typographic quotes, as every text galley sets
	set := strings.NewReplacer(`"q"`, "“q”", `="javascript:alert(1)"`, "=“javascript:alert(1)”")
	if !regexp.MustCompile(`(?m)^Title:\s+` + regexp.QuoteMeta(set.Replace(title)) + `$`).Match(info) {
		t.Errorf("PDF title mangled:\n%s", info)
	}
	text, err := exec.Command("pdftotext", filepath.Join(out, "evil.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<img src=x onerror=alert(1)>", set.Replace("<a href=\"javascript:alert(1)\">link</a>"), "&lt; &#x3C;"} {
		if !strings.Contains(strings.Join(strings.Fields(string(text)), " "), want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
}

// TestDiagnosticsNeverControlTheTerminal names images, and an input, with the escape
// sequences that clear a terminal, retitle it and ring its bell, and a NUL: every diagnostic
// must show them as escapes, and standard error must hold no control character but the line
// ends.
func TestDiagnosticsNeverControlTheTerminal(t *testing.T) {
	dir := t.TempDir()
	article := "Escapes\nDate 1933\nA summary.\nLocale Nowhere\nSummary of Event\nText.\n" +
		"![x](%1B%5B2J%1B%5D0%3Bpwned%07.png)\n" +
		"![y](nul%00here.png)\n" +
		"![z](bidi%E2%80%AEgnp.exe)\n"
	name := filepath.Join(dir, "in\x1b[31mred.txt")
	if err := os.WriteFile(name, []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, stderr := galley(t, "", "build", "-o", t.TempDir(), name)
	_, _, missing := galley(t, "", "build", "-o", t.TempDir(), filepath.Join(dir, "missing\x07.txt"))
	stderr += missing
	for i, c := range []byte(stderr) {
		if c < 0x20 && c != '\n' || c == 0x7f {
			t.Fatalf("standard error holds control byte %#x at %d:\n%q", c, i, stderr)
		}
	}
	for _, want := range []string{`\x1b[2J\x1b]0;pwned\x07.png`, `nul\x00here.png`, `bidi\u202egnp.exe`,
		`in\x1b[31mred.txt:7:1: warning`, `missing\x07.txt`} {
		if !strings.Contains(stderr, want) {
			t.Errorf("standard error lacks %s:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "\u202e") {
		t.Errorf("standard error holds a bidi override:\n%s", stderr)
	}
}

// TestDamagedImagesAreNotEmbedded gives figures a PNG cut in half and a PNG whose zlib
// stream is damaged: each is decoded in full before it is embedded, so both formats show a
// placeholder, with one warning per figure, and the EPUB holds only the good image.
func TestDamagedImagesAreNotEmbedded(t *testing.T) {
	dir := t.TempDir()
	img := image.NewRGBA(image.Rect(0, 0, 40, 30))
	for i := range img.Pix {
		img.Pix[i] = byte(i)
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	good := b.Bytes()
	zlib := bytes.Clone(good)
	i := bytes.Index(zlib, []byte("IDAT"))
	n := int(binary.BigEndian.Uint32(zlib[i-4:]))
	for k := i + 6; k < i+4+n; k++ {
		zlib[k] ^= 0x5a
	}
	binary.BigEndian.PutUint32(zlib[i+4+n:], crc32.ChecksumIEEE(zlib[i:i+4+n]))
	os.WriteFile(filepath.Join(dir, "good.png"), good, 0o644)
	os.WriteFile(filepath.Join(dir, "half.png"), good[:len(good)/2], 0o644)
	os.WriteFile(filepath.Join(dir, "zlib.png"), zlib, 0o644)
	article := "Damaged\nDate 1933\nA summary.\nLocale Nowhere\nSummary of Event\nText.\n" +
		"![Half](half.png)\n![Zlib](zlib.png)\n![Good](good.png)\n"
	os.WriteFile(filepath.Join(dir, "damaged.txt"), []byte(article), 0o644)
	out := t.TempDir()
	code, _, stderr := galley(t, "", "build", "-o", out, filepath.Join(dir, "damaged.txt"))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"damaged.txt:7:1: warning: image not embedded, a placeholder is shown instead: image not found: half.png: damaged PNG image",
		"damaged.txt:8:1: warning: image not embedded, a placeholder is shown instead: image not found: zlib.png: damaged PNG image"} {
		if strings.Count(stderr, want) != 1 {
			t.Errorf("stderr has not once %q:\n%s", want, stderr)
		}
	}
	zr, err := zip.OpenReader(filepath.Join(out, "damaged.epub"))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var images []string
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, ".png") && f.Name != "EPUB/images/cover.png" {
			images = append(images, f.Name)
		}
	}
	if len(images) != 1 || !strings.HasSuffix(images[0], "good.png") {
		t.Errorf("the EPUB holds images %v, want the good one only", images)
	}
}

// TestFetchAllowPrivate fetches a figure's image from a server on the loopback: with
// --fetch-images alone it is refused as not public, and --fetch-allow-private (which --help
// lists) lets it through.
func TestFetchAllowPrivate(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	var b bytes.Buffer
	png.Encode(&b, img)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write(b.Bytes()) }))
	defer srv.Close()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "fetch.txt"), []byte("Fetched\nDate 1933\nA summary.\nSummary of Event\nText.\n"+
		"![Remote]("+srv.URL+"/remote.png)\n"), 0o644)
	_, _, stderr := galley(t, "", "build", "-f", "epub", "--fetch-images", "-o", t.TempDir(), filepath.Join(dir, "fetch.txt"))
	if !strings.Contains(stderr, "fetch.txt:6:1: warning: image not embedded") || !strings.Contains(stderr, "not a public address") {
		t.Errorf("--fetch-images from the loopback: %s", stderr)
	}
	code, _, stderr := galley(t, "", "build", "-f", "epub", "--fetch-images", "--fetch-allow-private", "-o", t.TempDir(), filepath.Join(dir, "fetch.txt"))
	if code != exitOK || strings.Contains(stderr, "warning") {
		t.Errorf("--fetch-allow-private: exit %d: %s", code, stderr)
	}
	if _, help, _ := galley(t, "", "build", "--help"); !strings.Contains(help, "--fetch-allow-private") {
		t.Errorf("--help lacks --fetch-allow-private:\n%s", help)
	}
}
