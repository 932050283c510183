package main

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"

	"galley/internal/testkit"
)

// The tests in this file drive the built binary, as a school or a library that adopts galley
// would: a house-style file in the working directory, a folder of articles, CI logs.

var galleyBin struct {
	once sync.Once
	path string
	err  error
	out  []byte
}

// galleyBinary builds the command once for the test binary's run and returns its path.
func galleyBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the galley binary")
	}
	galleyBin.once.Do(func() {
		dir, err := os.MkdirTemp("", "galley-bin-")
		if err != nil {
			galleyBin.err = err
			return
		}
		galleyBin.path = filepath.Join(dir, "galley")
		galleyBin.out, galleyBin.err = exec.Command("go", "build", "-o", galleyBin.path, ".").CombinedOutput()
	})
	if galleyBin.err != nil {
		t.Fatalf("go build: %v\n%s", galleyBin.err, galleyBin.out)
	}
	return galleyBin.path
}

func TestMain(m *testing.M) {
	code := m.Run()
	if galleyBin.path != "" {
		os.RemoveAll(filepath.Dir(galleyBin.path))
	}
	os.Exit(code)
}

// tool runs a validator and returns its output, failing t if it fails.
func tool(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

// runIn runs the galley binary in dir with SOURCE_DATE_EPOCH set and returns the exit
// status and standard error.
func runIn(t *testing.T, dir, stdin string, args ...string) (int, string) {
	t.Helper()
	cmd := exec.Command(galleyBinary(t), args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH=1700000000", "NO_COLOR=1")
	cmd.Stdin = strings.NewReader(stdin)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.Stdout = io.Discard
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, stderr.String()
}

// examplesDir is the repository's examples folder.
func examplesDir(t *testing.T) string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("no caller information")
	}
	return filepath.Join(filepath.Dir(file), "..", "..", "examples")
}

// workspace makes a library's working directory: articles/ with the Erie Canal example and
// its map, a logo, and a galley.toml with the given text.
func workspace(t *testing.T, toml string) string {
	t.Helper()
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "articles"), 0o755)
	for _, name := range []string{"erie-canal-opens.txt", "erie-canal-map.png", "champollion-deciphers-hieroglyphs.txt"} {
		data, err := os.ReadFile(filepath.Join(examplesDir(t), name))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, "articles", name), data, 0o644)
	}
	logo := image.NewRGBA(image.Rect(0, 0, 60, 40))
	for y := range 40 {
		for x := range 60 {
			logo.Set(x, y, color.RGBA{0x8b, 0x1a, 0x1a, 0xff})
		}
	}
	var b bytes.Buffer
	png.Encode(&b, logo)
	os.Mkdir(filepath.Join(dir, "art"), 0o755)
	os.WriteFile(filepath.Join(dir, "art", "logo.png"), b.Bytes(), 0o644)
	if toml != "" {
		os.WriteFile(filepath.Join(dir, houseStyleName), []byte(toml), 0o644)
	}
	return dir
}

const houseTOML = `# Lincoln High School Library's defaults
[house]
name = "Lincoln High School Library"
logo = "art/logo.png"

[build]
paper = "a4"
cite = "apa"
formats = ["pdf", "epub"]
out = "handouts"
`

// TestHouseStyle: a galley.toml with paper, cite and a house name changes the PDF's page
// size, its bibliography's heading and its footer, and the EPUB's publisher and cover; flags
// override it; the output folder's manifest can be verified after it is moved.
func TestHouseStyle(t *testing.T) {
	testkit.NeedTool(t, "pdfinfo")
	testkit.NeedTool(t, "pdftotext")
	dir := workspace(t, houseTOML)
	if code, stderr := runIn(t, dir, "", "build", "articles"); code != exitOK || stderr != "" {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	pdf := filepath.Join(dir, "handouts", "erie-canal-opens.pdf")
	if info := tool(t, "pdfinfo", pdf); !strings.Contains(info, "(A4)") {
		t.Errorf("paper from galley.toml not applied:\n%s", info)
	}
	text := tool(t, "pdftotext", pdf, "-")
	if !strings.Contains(text, "\nReferences\n") || strings.Contains(text, "\nBibliography\n") {
		t.Errorf("cite = \"apa\" from galley.toml: no References heading")
	}
	pages := strings.Split(strings.TrimRight(text, "\f"), "\f")
	for i, p := range pages {
		if !strings.Contains(p, "Lincoln High School Library") {
			t.Errorf("page %d of %d has no house name", i+1, len(pages))
		}
	}
	epub := filepath.Join(dir, "handouts", "erie-canal-opens.epub")
	zr, err := zip.OpenReader(epub)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		files[f.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	zr.Close()
	opf := string(files["EPUB/package.opf"])
	if !strings.Contains(opf, "<dc:publisher>Lincoln High School Library</dc:publisher>") ||
		!regexp.MustCompile(`<item [^>]*href="images/cover.png"[^>]*properties="cover-image"`).MatchString(opf) {
		t.Errorf("the EPUB lacks its publisher or its cover image:\n%s", opf)
	}
	if img, err := png.Decode(bytes.NewReader(files["EPUB/images/cover.png"])); err != nil || img.Bounds().Dx() < 1000 {
		t.Errorf("cover image: %v", err)
	}
	testkit.EPUBCheck(t, epub)
	t.Run("ace", func(t *testing.T) {
		if v := testkit.Ace(t, epub); len(v) > 0 {
			t.Errorf("Ace: %+v", v)
		}
	})

	// The manifest names its files relative to itself: the folder, moved, still verifies.
	moved := filepath.Join(t.TempDir(), "uploaded")
	if err := os.Rename(filepath.Join(dir, "handouts"), moved); err != nil {
		t.Fatal(err)
	}
	m := readManifest(t, moved)
	if len(m.Artifacts) != 4 {
		t.Fatalf("manifest lists %d artifacts", len(m.Artifacts))
	}
	for _, a := range m.Artifacts {
		if a.Input != "../articles/"+filepath.Base(a.Input) || strings.Contains(a.Output, "/") {
			t.Errorf("manifest paths %q, %q are not relative to it", a.Input, a.Output)
		}
		data, err := os.ReadFile(filepath.Join(moved, filepath.FromSlash(a.Output)))
		if err != nil {
			t.Fatal(err)
		}
		if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != a.SHA256 {
			t.Errorf("%s: checksum differs from the manifest's", a.Output)
		}
	}

	// Flags override the file; --config '' reads none.
	if code, stderr := runIn(t, dir, "", "build", "--paper", "letter", "-o", "letter", "articles/erie-canal-opens.txt"); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if info := tool(t, "pdfinfo", filepath.Join(dir, "letter", "erie-canal-opens.pdf")); !strings.Contains(info, "(letter)") {
		t.Errorf("--paper letter did not override the file:\n%s", info)
	}
	if code, stderr := runIn(t, dir, "", "build", "--config", "", "-o", "plain", "articles/erie-canal-opens.txt"); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if text := tool(t, "pdftotext", filepath.Join(dir, "plain", "erie-canal-opens.pdf"), "-"); strings.Contains(text, "Lincoln") {
		t.Error("--config '' still read galley.toml")
	}

	// Paths in a file --config names are read from the file's folder, not the working one.
	os.Mkdir(filepath.Join(dir, "branch"), 0o755)
	os.WriteFile(filepath.Join(dir, "branch", "galley.toml"), []byte("[house]\nname = \"East Branch\"\nlogo = \"../art/logo.png\"\n[build]\nout = \"handouts\"\nformats = \"pdf\"\n"), 0o644)
	if code, stderr := runIn(t, dir, "", "build", "--config", "branch/galley.toml", "articles/erie-canal-opens.txt"); code != exitOK || stderr != "" {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if text := tool(t, "pdftotext", filepath.Join(dir, "branch", "handouts", "erie-canal-opens.pdf"), "-"); !strings.Contains(text, "East Branch") {
		t.Error("--config branch/galley.toml: its out or house not applied")
	}
}

// TestHouseStyleErrors: a misspelled key or a value of the wrong type is a usage error, exit
// 2, named FILE:LINE:COL as compilers name theirs, for build and check alike.
func TestHouseStyleErrors(t *testing.T) {
	for _, tc := range []struct {
		toml, want string
	}{
		{"[house]\nname = \"Lincoln\"\n\n[build]\npapr = \"a4\"\n",
			`galley.toml:5:1: error: unknown key "papr" in [build]: not a build flag; did you mean "paper"?`},
		{"[build]\njobs = \"four\"\n", `galley.toml:2:8: error: build.jobs must be an integer (as --jobs), not a string`},
		{"[build]\npaper = \"b5\"\n", `galley.toml:2:9: error: build.paper: unknown paper "b5" (letter, a4, a5)`},
		{"[house]\nlogo = \"missing.png\"\n", `galley.toml:2:8: error: house.logo: missing.png: no such file or directory`},
	} {
		dir := workspace(t, tc.toml)
		for _, cmd := range []string{"build", "check"} {
			code, stderr := runIn(t, dir, "", cmd, "articles")
			if code != exitUsage || strings.TrimSpace(stderr) != tc.want {
				t.Errorf("%s: exit %d, stderr %q; want 2 and %q", cmd, code, stderr, tc.want)
			}
		}
	}
}

// TestCheckIsBuild: check prints exactly the diagnostics build prints, image lookups
// included, and exits as it does, --strict or not: a figure with only a remote address is a
// note, which --strict does not count; a local image that is missing, or any image missing
// from a directory given with --images, is a warning, which it does.
func TestCheckIsBuild(t *testing.T) {
	dir := t.TempDir()
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "remote.txt"), seed, 0o644)
	os.WriteFile(filepath.Join(dir, "local.txt"), []byte("Local Figures\nDate 1933\nA summary.\nLocale Nowhere\n"+
		"Summary of Event\nText.\n![A plan of the town](plan.png)\nMore text.\n"), 0o644)
	os.Mkdir(filepath.Join(dir, "images"), 0o755)
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stderr []string // lines that must be there
		absent []string // and text that must not
	}{
		{"remote only", []string{"remote.txt"}, exitOK, []string{"remote.txt:13:1: note: image not embedded"}, nil},
		{"remote only, strict", []string{"--strict", "remote.txt"}, exitOK, []string{"remote.txt:13:1: note: "}, nil},
		{"image directory given, strict", []string{"--strict", "--images", "images", "remote.txt"}, exitFailed,
			[]string{"remote.txt:13:1: warning: image not embedded", "remote.txt:1:1: error: 1 warning(s) and --strict"}, nil},
		{"local image missing, strict", []string{"--strict", "local.txt"}, exitFailed,
			[]string{"local.txt:7:1: warning: image not embedded", "local.txt:1:1: error: 1 warning(s) and --strict"}, []string{"note:"}},
		{"quiet: errors only", []string{"-q", "local.txt", "remote.txt"}, exitOK, nil, nil},
		{"quiet and strict: the warnings that fail, no notes", []string{"-q", "--strict", "local.txt", "remote.txt"}, exitFailed,
			[]string{"local.txt:7:1: warning: image not embedded", "local.txt:1:1: error: 1 warning(s) and --strict"},
			[]string{"remote.txt", "note:"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			codeC, check := runIn(t, dir, "", append([]string{"check"}, tc.args...)...)
			codeB, build := runIn(t, dir, "", append([]string{"build", "-o", t.TempDir()}, tc.args...)...)
			if codeC != tc.code || codeB != tc.code {
				t.Errorf("check exits %d, build %d; want %d\ncheck:\n%s\nbuild:\n%s", codeC, codeB, tc.code, check, build)
			}
			if check != build {
				t.Errorf("check and build print different diagnostics:\ncheck:\n%s\nbuild:\n%s", check, build)
			}
			for _, want := range tc.stderr {
				if !strings.Contains(check, want) {
					t.Errorf("stderr lacks %q:\n%s", want, check)
				}
			}
			for _, not := range tc.absent {
				if strings.Contains(check, not) {
					t.Errorf("stderr has %q:\n%s", not, check)
				}
			}
			if tc.stderr == nil && check != "" {
				t.Errorf("-q printed warnings or notes:\n%s", check)
			}
		})
	}
	// Standard input is <stdin>.
	_, stderr := runIn(t, dir, string(seed), "check", "--images", "images", "-")
	if !strings.HasPrefix(stderr, "<stdin>:13:1: warning: image not embedded") {
		t.Errorf("standard input's diagnostics: %q", stderr)
	}
}

// TestLogsCIcanDiff: a batch's diagnostics come input by input, in input order, whatever -j
// is: three -j2 runs and a -j1 run print the same log.
func TestLogsCIcanDiff(t *testing.T) {
	dir := t.TempDir()
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	// Inputs of different sizes finish in a different order from the one they start in.
	for i, name := range []string{"a.txt", "b.txt", "c.txt", "d.txt", "e.txt", "f.txt"} {
		data := seed // a note for its remote image
		if i%2 == 1 {
			data = []byte("Short " + name + "\nDate 1933\nA summary.\nLocale Nowhere\nKey Figures\nNobody special\n" +
				"Summary of Event\nText.\n![Missing](missing-" + name + ".png)\n")
		}
		os.WriteFile(filepath.Join(dir, name), data, 0o644)
	}
	var logs []string
	for _, jobs := range []string{"2", "2", "2", "1"} {
		_, stderr := runIn(t, dir, "", "build", "-j", jobs, "-o", t.TempDir(), ".")
		logs = append(logs, stderr)
	}
	if logs[0] == "" {
		t.Fatal("no diagnostics to compare")
	}
	for i := 1; i < len(logs); i++ {
		if logs[i] != logs[0] {
			t.Errorf("run %d printed another log:\n%s\n---\n%s", i, logs[0], logs[i])
		}
	}
	// In input order: every line of an input before any of the next.
	last := ""
	for _, l := range strings.Split(strings.TrimSpace(logs[0]), "\n") {
		file := strings.SplitN(l, ":", 2)[0]
		if file < last {
			t.Errorf("%s after %s", file, last)
		}
		last = file
	}
}

// TestFirstRun: the bundled example builds as the README's first command does, with no
// diagnostic, and its PDF shows the map as a real figure; every example passes --strict.
func TestFirstRun(t *testing.T) {
	testkit.NeedTool(t, "pdfimages")
	dir := t.TempDir()
	example := filepath.Join(examplesDir(t), "erie-canal-opens.txt")
	if code, stderr := runIn(t, dir, "", "build", "-o", "dist", example); code != exitOK || stderr != "" {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	list := tool(t, "pdfimages", "-list", filepath.Join(dir, "dist", "erie-canal-opens.pdf"))
	if n := len(strings.Split(strings.TrimSpace(list), "\n")) - 2; n != 1 {
		t.Errorf("%d images in the example's PDF, want its map:\n%s", n, list)
	}
	if code, stderr := runIn(t, dir, "", "check", "--strict", examplesDir(t)); code != exitOK || stderr != "" {
		t.Errorf("the examples fail --strict: exit %d\n%s", code, stderr)
	}
}

// TestHelp: every command parses its flags one way and lists them with --help.
func TestHelp(t *testing.T) {
	for _, cmd := range []string{"build", "check", "parse"} {
		code, out, stderr := galley(t, "", cmd, "--help")
		if code != exitOK || stderr != "" || !strings.HasPrefix(out, "usage: galley "+cmd) ||
			!strings.Contains(out, "--max-input SIZE") || strings.Contains(out, "Usage of") || strings.Contains(out, " -lossy") {
			t.Errorf("galley %s --help: exit %d\n%s%s", cmd, code, out, stderr)
		}
	}
	_, out, _ := galley(t, "", "check", "--help")
	for _, flag := range []string{"--strict", "--images DIR", "--fetch-images", "--lossy", "--config FILE", "-j, --jobs N"} {
		if !strings.Contains(out, flag) {
			t.Errorf("check --help lacks %s", flag)
		}
	}
	_, flags, _ := strings.Cut(out, "Flags:")
	for _, flag := range []string{"--out", "--watch", "--embed-fonts"} {
		if strings.Contains(flags, flag) {
			t.Errorf("check --help lists %s, which only writing needs", flag)
		}
	}
	if code, _, stderr := galley(t, "", "check", "--out", "x", "a.txt"); code != exitUsage || !strings.Contains(stderr, "'galley check --help' lists the flags") {
		t.Errorf("check --out: exit %d: %s", code, stderr)
	}
}
