package main

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

// houseFlags is a flag set with a flag of each type the house-style file handles, named like
// build's.
func houseFlags() *pflag.FlagSet {
	fs := pflag.NewFlagSet("build", pflag.ContinueOnError)
	fs.StringP("out", "o", "dist", "")
	fs.StringSliceP("format", "f", []string{"pdf", "epub"}, "")
	fs.String("paper", "letter", "")
	fs.String("cite", "chicago", "")
	fs.String("font", "serif", "")
	fs.String("images", "", "")
	fs.IntP("jobs", "j", 2, "")
	fs.Bool("strict", false, "")
	fs.String("max-input", "32MiB", "")
	fs.String("config", "", "")
	for _, name := range []string{"out", "images"} {
		_ = fs.SetAnnotation(name, pathAnnotation, nil)
	}
	_ = fs.SetAnnotation("font", pathAnnotation, []string{"serif", "sans"})
	return fs
}

func TestParseHouseStyle(t *testing.T) {
	file := filepath.Join("house", "galley.toml")
	h, err := parseHouseStyle(file, []byte(`# The library's defaults.
[house]
name = "  Lincoln High School Library "   # footer, publisher, cover
logo = "art/logo.png"

[build]
paper = "a4"
cite = "apa"
font = "sans"
formats = ["pdf", "epub"]
out = "handouts"
images = "/srv/images"
jobs = 3
strict = true
`), houseFlags())
	if err != nil {
		t.Fatal(err)
	}
	if h.Name != "Lincoln High School Library" {
		t.Errorf("name %q", h.Name)
	}
	if want := filepath.Join("house", "art", "logo.png"); h.LogoPath != want || h.logoAt != (position{4, 8}) {
		t.Errorf("logo %q at %v, want %q at 4:8", h.LogoPath, h.logoAt, want)
	}
	want := []setting{
		{"paper", "a4", position{7, 9}},
		{"cite", "apa", position{8, 8}},
		{"font", "sans", position{9, 8}},
		{"format", []string{"pdf", "epub"}, position{10, 12}},
		{"out", filepath.Join("house", "handouts"), position{11, 7}},
		{"images", "/srv/images", position{12, 10}},
		{"jobs", int64(3), position{13, 8}},
		{"strict", true, position{14, 10}},
	}
	if !reflect.DeepEqual(h.Build, want) {
		t.Errorf("build settings:\n got %v\nwant %v", h.Build, want)
	}
	// A font directory is a path, read relative to the file.
	h, err = parseHouseStyle(file, []byte("[build]\nfont = \"fonts/Gentium\"\n"), houseFlags())
	if err != nil || h.Build[0].Value != filepath.Join("house", "fonts", "Gentium") {
		t.Errorf("font directory: %v, %v", h, err)
	}
}

func TestParseHouseStyleErrors(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string
	}{
		{"misspelled key", "[build]\npaper = \"a4\"\npapr = \"a5\"\n",
			[]string{`3:1: error: unknown key "papr" in [build]: not a build flag; did you mean "paper"?`}},
		{"not a flag at all", "[build]\ncolour = \"red\"\n",
			[]string{`2:1: error: unknown key "colour" in [build]: not a build flag`}},
		{"string for an integer", "[build]\n  jobs = \"four\"\n",
			[]string{`2:10: error: build.jobs must be an integer (as --jobs), not a string`}},
		{"integer for a boolean", "[build]\nstrict = 1\n",
			[]string{`2:10: error: build.strict must be true or false (as --strict), not an integer`}},
		{"integer for a string", "[build]\npaper = 4\n",
			[]string{`2:9: error: build.paper must be a string (as --paper), not an integer`}},
		{"list of non-strings", "[build]\nformat = [1, 2]\n",
			[]string{`2:11: error: build.format must be a list of strings (as --format), not an array`}},
		{"empty list has no position but its key's", "[build]\npaper = []\n",
			[]string{`2:1: error: build.paper must be a string (as --paper), not an array`}},
		{"a flag twice", "[build]\nformat = [\"pdf\"]\nformats = [\"epub\"]\n",
			[]string{`3:1: error: "formats" sets --format again (as "format" did)`}},
		{"config in the file", "[build]\nconfig = \"other.toml\"\n",
			[]string{`2:1: error: "config" cannot be set in a house-style file`}},
		{"unknown table", "[hous]\nname = \"X\"\n",
			[]string{`1:2: error: unknown table "hous": a house-style file has [house] and [build]; did you mean "house"?`}},
		{"unknown house key", "[house]\nnmae = \"X\"\n",
			[]string{`2:1: error: unknown key "nmae" in [house]: it has name and logo; did you mean "name"?`}},
		{"house name not a string", "[house]\nname = 12\n",
			[]string{`2:8: error: house.name must be a string, not an integer`}},
		{"house name on two lines", "[house]\nname = \"Lincoln\\nLibrary\"\n",
			[]string{`2:8: error: house.name must be one line of text, without control characters`}},
		{"house not a table", "house = \"Lincoln\"\n",
			[]string{`1:9: error: house must be a table ([house]), not a string`}},
		{"build as an array of tables", "[[build]]\npaper = \"a4\"\n",
			[]string{`1:3: error: build must be a table ([build]), not an array`}},
		{"dotted keys and inline tables are tables too", "build.papr = \"a4\"\nhouse = { nam = \"X\" }\n",
			[]string{`1:1: error: unknown key "papr" in [build]: not a build flag; did you mean "paper"?`,
				`2:11: error: unknown key "nam" in [house]: it has name and logo; did you mean "name"?`}},
		{"every problem, in the file's order", "[build]\nstrict = \"yes\"\npapr = \"a4\"\n[house]\nlogo = 1\n",
			[]string{`2:10: error: build.strict must be true or false (as --strict), not a string`,
				`3:1: error: unknown key "papr" in [build]: not a build flag; did you mean "paper"?`,
				`5:8: error: house.logo must be a string, not an integer`}},
		{"syntax error", "[build]\npaper = \n",
			[]string{`2:9: error: unexpected character U+000A at start of value`}},
		{"a key twice", "[build]\npaper = \"a4\"\npaper = \"a5\"\n",
			[]string{`3:1: error: key paper is already defined`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseHouseStyle("galley.toml", []byte(tc.in), houseFlags())
			var ce *configError
			if !errors.As(err, &ce) {
				t.Fatalf("error %v (%T), want a *configError", err, err)
			}
			var want []string
			for _, w := range tc.want {
				want = append(want, "galley.toml:"+w)
			}
			if got := strings.Split(err.Error(), "\n"); !reflect.DeepEqual(got, want) {
				t.Errorf("\n got %q\nwant %q", got, want)
			}
		})
	}
}

func TestHouseStyleApply(t *testing.T) {
	h, err := parseHouseStyle("galley.toml", []byte(`[build]
paper = "a4"
cite = "apa"
formats = ["epub", "json"]
jobs = 1
strict = true
`), houseFlags())
	if err != nil {
		t.Fatal(err)
	}
	fs := houseFlags()
	if err := fs.Parse([]string{"--cite", "mla", "-j", "4", "a.txt"}); err != nil {
		t.Fatal(err)
	}
	if err := h.apply(fs); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"paper":     "a4",          // from the file
		"cite":      "mla",         // the command line wins
		"format":    "[epub,json]", // a list replaces the default
		"jobs":      "4",           // the command line wins
		"strict":    "true",        // from the file
		"out":       "dist",        // the default
		"font":      "serif",       // the default
		"images":    "",            // the default
		"config":    "",            // the default
		"max-input": "32MiB",       // the default
	} {
		if got := fs.Lookup(name).Value.String(); got != want {
			t.Errorf("--%s = %q, want %q", name, got, want)
		}
	}
	if at, ok := h.positionOf("paper"); !ok || at != (position{2, 9}) {
		t.Errorf("position of paper: %v %v", at, ok)
	}
	if _, ok := h.positionOf("out"); ok {
		t.Errorf("the file does not set out")
	}

	// A flag the command does not have (check has no --paper) is left to the commands
	// that have it.
	small := pflag.NewFlagSet("check", pflag.ContinueOnError)
	strict := small.Bool("strict", false, "")
	if err := h.apply(small); err != nil || !*strict {
		t.Errorf("apply to a smaller flag set: %v, strict %v", err, *strict)
	}

	// A value the flag refuses is reported where the file gives it.
	refusing := pflag.NewFlagSet("build", pflag.ContinueOnError)
	refusing.Int("jobs", 1, "")
	h = &houseStyle{File: "galley.toml", Build: []setting{{"jobs", "many", position{7, 8}}}}
	if err := h.apply(refusing); err == nil || !strings.HasPrefix(err.Error(), "galley.toml:7:8: error: build.jobs: ") {
		t.Errorf("refused value: %v", err)
	}
}

func TestFindHouseStyle(t *testing.T) {
	t.Chdir(t.TempDir())
	if got := findHouseStyle("", false); got != "" {
		t.Errorf("no file: %q", got)
	}
	if err := os.WriteFile(houseStyleName, []byte("[house]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		config string
		given  bool
		want   string
	}{
		{"", false, houseStyleName},        // the current directory's
		{"other.toml", true, "other.toml"}, // --config wins
		{"", true, ""},                     // --config '' reads none
	} {
		if got := findHouseStyle(tc.config, tc.given); got != tc.want {
			t.Errorf("findHouseStyle(%q, %v) = %q, want %q", tc.config, tc.given, got, tc.want)
		}
	}
}

func TestLoadHouseStyleLogo(t *testing.T) {
	dir := t.TempDir()
	img := image.NewRGBA(image.Rect(0, 0, 4, 3))
	img.Set(1, 1, color.RGBA{200, 0, 0, 255})
	var pngBytes, gifBytes bytes.Buffer
	if err := png.Encode(&pngBytes, img); err != nil {
		t.Fatal(err)
	}
	if err := gif.Encode(&gifBytes, img, nil); err != nil {
		t.Fatal(err)
	}
	write := func(name string, data []byte) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("art/logo.png", pngBytes.Bytes())
	write("art/logo.gif", gifBytes.Bytes())
	write("art/notes.txt", []byte("not an image"))
	config := filepath.Join(dir, "galley.toml")

	for _, tc := range []struct {
		logo string
		err  string // "" for none
	}{
		{"art/logo.png", ""},
		{"art/logo.gif", "a GIF image; the logo must be PNG or JPEG"},
		{"art/notes.txt", "not a JPEG, PNG or GIF image"},
		{"art/missing.png", "no such file or directory"},
		{"art", "not a regular file"},
	} {
		write("galley.toml", []byte("[house]\nname = \"Library\"\nlogo = \""+tc.logo+"\"\n"))
		h, err := loadHouseStyle(config, houseFlags())
		if tc.err == "" {
			if err != nil {
				t.Errorf("%s: %v", tc.logo, err)
			} else if h.Logo == nil || h.Logo.Format != "png" || h.Logo.Width != 4 || h.Logo.Height != 3 {
				t.Errorf("%s: logo %+v", tc.logo, h.Logo)
			}
			continue
		}
		if err == nil || !strings.HasPrefix(err.Error(), config+":3:8: error: house.logo: ") || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("%s: error %v, want one at 3:8 saying %q", tc.logo, err, tc.err)
		}
	}
	if _, err := loadHouseStyle(filepath.Join(dir, "none.toml"), houseFlags()); err == nil ||
		!strings.Contains(err.Error(), "none.toml: no such file or directory") {
		t.Errorf("missing file: %v", err)
	}
}

func TestSuggest(t *testing.T) {
	names := []string{"paper", "cite", "format", "fetch-images", "images", "max-input"}
	for key, want := range map[string]string{
		"papr":        "paper",
		"Paper":       "paper",
		"cit":         "cite",
		"formt":       "format",
		"max_input":   "max-input",
		"image":       "images",
		"fetchimages": "fetch-images",
		"colour":      "",
		"xyz":         "",
	} {
		got := suggest(key, names)
		if want == "" && got != "" || want != "" && got != `; did you mean "`+want+`"?` {
			t.Errorf("suggest(%q) = %q, want %q", key, got, want)
		}
	}
}

var diagnosticLine = regexp.MustCompile(`^galley\.toml:\d+:\d+: error: .`)

// FuzzParseHouseStyle: any bytes are read without panicking, and every problem is a
// positioned error line.
func FuzzParseHouseStyle(f *testing.F) {
	for _, s := range []string{
		"[house]\nname = \"X\"\nlogo = \"l.png\"\n[build]\npaper = \"a4\"\nformats = [\"pdf\"]\njobs = 2\n",
		"build.papr = 1\nhouse = { name = 2 }\n",
		"[[build]]\n[build.x]\n",
		"a = [[1], {b = 2}]\n",
		"[build]\nstrict = 1979-05-27T07:32:00Z\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		h, err := parseHouseStyle("galley.toml", data, houseFlags())
		if err == nil {
			if h == nil {
				t.Fatal("no error and no house style")
			}
			_ = h.apply(houseFlags())
			return
		}
		for _, line := range strings.Split(err.Error(), "\n") {
			if !diagnosticLine.MatchString(line) {
				t.Fatalf("not a diagnostic line: %q", line)
			}
		}
	})
}
