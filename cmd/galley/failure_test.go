package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"galley/output"
)

// galleyEnv runs the command in-process as galley does, with more environment variables (and
// SOURCE_DATE_EPOCH=1700000000 unless they set it).
func galleyEnv(t *testing.T, vars map[string]string, args ...string) (int, string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := environment{getenv: func(k string) string {
		if v, ok := vars[k]; ok || k != "SOURCE_DATE_EPOCH" {
			return v
		}
		return "1700000000"
	}}
	code := run(args, strings.NewReader(""), &out, &errb, env)
	return code, errb.String()
}

// readManifest reads DIR/manifest.json.
func readManifest(t *testing.T, dir string) *output.Manifest {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m output.Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return &m
}

// checkBatch checks that out holds a PDF and an EPUB of every input of in but bad, nothing
// of bad, and a manifest that lists bad, alone, as failed.
// listedPath is path as the manifest in dir lists it: relative to dir, with forward slashes.
func listedPath(t *testing.T, dir, path string) string {
	t.Helper()
	rel, err := filepath.Rel(dir, path)
	if err != nil {
		t.Fatal(err)
	}
	return filepath.ToSlash(rel)
}

func checkBatch(t *testing.T, in, out string, bad string) {
	t.Helper()
	entries, _ := os.ReadDir(in)
	want := []string{"manifest.json"}
	for _, e := range entries {
		if s := stem(e.Name()); e.Name() != bad {
			want = append(want, s+".epub", s+".pdf")
		}
	}
	slices.Sort(want)
	var got []string
	files, _ := os.ReadDir(out)
	for _, f := range files {
		got = append(got, f.Name())
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("files %q, want %q", got, want)
	}
	m := readManifest(t, out)
	if len(m.Failed) != 1 || m.Failed[0] != listedPath(t, out, filepath.Join(in, bad)) {
		t.Errorf("manifest: failed %q, want %s", m.Failed, bad)
	}
	if len(m.Artifacts) != len(want)-1 {
		t.Errorf("manifest: %d artifacts, want %d", len(m.Artifacts), len(want)-1)
	}
}

// TestPanicFailsOnlyItsInput makes one input of a batch panic, as it is read and as one of
// its formats renders (in a goroutine of its own when formats render at once): that input
// fails with an internal error, the others are built, the manifest lists it as failed, and
// the exit status is 1. GALLEY_DEBUG=1 adds the stack.
func TestPanicFailsOnlyItsInput(t *testing.T) {
	in := corpus(t, 3, nil)
	bad := filepath.Join(in, "artab.txt")
	defer func() { testHook = nil }()
	for _, at := range []string{"", "pdf", "epub"} {
		testHook = func(file, format string) {
			if file == bad && format == at {
				panic("test trigger at " + fmt.Sprintf("%q", at))
			}
		}
		for _, jobs := range []string{"1", "4"} {
			t.Run(fmt.Sprintf("%q -j%s", at, jobs), func(t *testing.T) {
				out := t.TempDir()
				code, stderr := galleyEnv(t, nil, "build", "-q", "-j", jobs, "-o", out, in)
				if code != exitFailed {
					t.Errorf("exit %d, want %d", code, exitFailed)
				}
				want := bad + ":1:1: error: "
				if at != "" {
					want += at + ": "
				}
				want += "internal error: test trigger at"
				if !strings.Contains(stderr, want) || !strings.Contains(stderr, "please report") {
					t.Errorf("stderr lacks %q:\n%s", want, stderr)
				}
				if strings.Contains(stderr, "goroutine") {
					t.Errorf("a stack without GALLEY_DEBUG:\n%s", stderr)
				}
				checkBatch(t, in, out, "artab.txt")
			})
		}
	}
	// One input alone renders its formats at once; with GALLEY_DEBUG=1, the stack.
	out := t.TempDir()
	code, stderr := galleyEnv(t, map[string]string{"GALLEY_DEBUG": "1"}, "build", "-j", "2", "-o", out, bad)
	if code != exitFailed || !strings.Contains(stderr, "epub: internal error") || !strings.Contains(stderr, "goroutine") ||
		!strings.Contains(stderr, "failure_test.go") {
		t.Errorf("exit %d, want %d and the stack:\n%s", code, exitFailed, stderr)
	}
	if files, _ := os.ReadDir(out); len(files) != 0 {
		t.Errorf("files left: %v", files)
	}
}

// TestBatchWithInvisibleTitle builds twenty articles and one whose title is zero-width
// spaces: the twenty are built, at -j1 as at -j4, and the other fails at its title's line.
func TestBatchWithInvisibleTitle(t *testing.T) {
	in := corpus(t, 20, map[string]string{"zz-invisible.txt": "\u200b\u200b\u2060\nAbstract.\nDate 1933\nSummary.\n" +
		"Summary of Event\nText.\n"})
	for _, jobs := range []string{"1", "4"} {
		t.Run("-j"+jobs, func(t *testing.T) {
			out := t.TempDir()
			code, stderr := galleyEnv(t, nil, "build", "-q", "-j", jobs, "-o", out, in)
			if code != exitFailed {
				t.Errorf("exit %d, want %d", code, exitFailed)
			}
			if want := "zz-invisible.txt:1:1: error: missing title"; !strings.Contains(stderr, want) {
				t.Errorf("stderr lacks %q:\n%s", want, stderr)
			}
			checkBatch(t, in, out, "zz-invisible.txt")
		})
	}
}

// TestInputsShareOneMemoryBudget builds four inputs with -j4 in a memory budget that holds
// the weight of one only: they are built one at a time. In a budget that holds all four, the
// batch gives the same files.
func TestInputsShareOneMemoryBudget(t *testing.T) {
	in := corpus(t, 4, nil)
	st, err := os.Stat(filepath.Join(in, "artaa.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer func(m int64) { inputMemory, testHook = m, nil }(inputMemory)
	inputMemory = inputWeight(st.Size()) * 3 / 2
	var mu sync.Mutex
	building, most := 0, 0
	testHook = func(file, format string) {
		mu.Lock()
		defer mu.Unlock()
		switch format {
		case "":
			building++
			most = max(most, building)
		case "built":
			building--
		}
	}
	out := t.TempDir()
	if code, stderr := galleyEnv(t, nil, "build", "-q", "-j", "4", "-o", out, in); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if most != 1 {
		t.Errorf("%d inputs built at once in a budget for one", most)
	}
	if m := readManifest(t, out); len(m.Artifacts) != 8 {
		t.Errorf("%d artifacts", len(m.Artifacts))
	}
}

// TestBatchLogInInputOrder builds a batch whose first input takes longest: its messages come
// first all the same, and the log is the same at -j1 and -j4.
func TestBatchLogInInputOrder(t *testing.T) {
	in := corpus(t, 6, nil)
	defer func() { testHook = nil }()
	first := filepath.Join(in, "artaa.txt")
	release := make(chan struct{})
	testHook = func(file, format string) {
		// The first input waits until the last has been built.
		switch {
		case file == first && format == "":
			<-release
		case file == filepath.Join(in, "artaf.txt") && format == "built":
			close(release)
		}
	}
	_, four := galleyEnv(t, nil, "build", "-j", "4", "-o", t.TempDir(), in)
	testHook = nil
	_, one := galleyEnv(t, nil, "build", "-j", "1", "-o", t.TempDir(), in)
	if four != one || !strings.HasPrefix(four, first+":") {
		t.Errorf("-j4 log:\n%s\n-j1 log:\n%s", four, one)
	}
}
