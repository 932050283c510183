package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"galley/output"
)

// TestConcurrentBuildsKeepEachOthersFiles starts a build in a directory where another build
// is writing an artifact (its temporary file open): the new build's clean-up of stale
// temporary files leaves it, and the other build commits it.
func TestConcurrentBuildsKeepEachOthersFiles(t *testing.T) {
	out := t.TempDir()
	other, err := output.Create(filepath.Join(out, "other.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	other.Write([]byte("%PDF- another build's"))
	in := corpus(t, 2, nil)
	if code, _, stderr := galley(t, "", "build", "-q", "-o", out, in); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if err := other.Commit(); err != nil {
		t.Fatalf("the other build's artifact: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "other.pdf")); string(b) != "%PDF- another build's" {
		t.Errorf("other.pdf = %q", b)
	}
}

// TestFailedInputLeavesNothing builds an input one of whose artifacts cannot be written (a
// directory stands where its EPUB goes), over the artifacts of an earlier build: the input
// fails, and none of its artifacts changes, the PDF, which could be written, included.
func TestFailedInputLeavesNothing(t *testing.T) {
	in := corpus(t, 1, nil)
	out := t.TempDir()
	os.WriteFile(filepath.Join(out, "artaa.pdf"), []byte("earlier"), 0o644)
	os.Mkdir(filepath.Join(out, "artaa.epub"), 0o755)
	code, _, stderr := galley(t, "", "build", "-q", "-f", "pdf,epub,json", "-o", out, in)
	if code != exitFailed || !strings.Contains(stderr, "artaa.epub: a directory is in the way") {
		t.Errorf("exit %d: %s", code, stderr)
	}
	entries, _ := os.ReadDir(out)
	if b, _ := os.ReadFile(filepath.Join(out, "artaa.pdf")); len(entries) != 2 || string(b) != "earlier" {
		t.Errorf("after the failed input: %v, artaa.pdf %.20q", entries, b)
	}
}

// TestOutputNameCollisions builds inputs whose artifacts would share a name: with the batch
// manifest (manifest.txt to JSON), with another format's (x.csl.txt's JSON is x.txt's
// CSL-JSON), with another directory's input of the same name. The later input fails with a
// diagnostic naming the earlier; nothing is overwritten, and the exit status is 1.
func TestOutputNameCollisions(t *testing.T) {
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	one := corpus(t, 0, map[string]string{"manifest.txt": string(seed), "x.txt": string(seed), "x.csl.txt": string(seed),
		"b.txt": string(seed)})
	two := corpus(t, 0, map[string]string{"b.txt": string(seed)})
	out := t.TempDir()
	code, _, stderr := galley(t, "", "build", "-q", "-f", "json,csl", "-o", out, one, two)
	if code != exitFailed {
		t.Errorf("exit %d, want %d", code, exitFailed)
	}
	for _, want := range []string{
		"manifest.txt:1:1: error: output manifest.json would overwrite the batch's manifest.json",
		"x.txt:1:1: error: output x.csl.json is already an output of " + filepath.Join(one, "x.csl.txt"),
		filepath.Join(two, "b.txt") + ":1:1: error: output b.json is already an output of " + filepath.Join(one, "b.txt"),
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	m := readManifest(t, out)
	if len(m.Failed) != 3 || len(m.Artifacts) != 4 {
		t.Errorf("manifest: failed %q, %d artifacts", m.Failed, len(m.Artifacts))
	}
	for _, a := range m.Artifacts {
		if !strings.HasPrefix(filepath.Base(a.Output), stem(a.Input)+".") {
			t.Errorf("%s holds the %s of %s", a.Output, a.Format, a.Input)
		}
	}
}

func TestClaimOutputs(t *testing.T) {
	for _, tc := range []struct {
		inputs, formats []string
		manifest, fold  bool
		want            []bool // refused
	}{
		{[]string{"a/x.txt", "b/x.md"}, []string{"pdf"}, true, false, []bool{false, true}},
		{[]string{"A.txt", "a.txt"}, []string{"pdf"}, true, false, []bool{false, false}},
		{[]string{"A.txt", "a.txt"}, []string{"pdf"}, true, true, []bool{false, true}},
		{[]string{"manifest.txt"}, []string{"json"}, false, false, []bool{false}},
		{[]string{"MANIFEST.md", "b.txt"}, []string{"json"}, true, true, []bool{true, false}},
		{[]string{"x.csl.txt", "x.txt"}, []string{"json", "csl"}, false, false, []bool{false, true}},
		// A refused input claims nothing: the third keeps its names.
		{[]string{"x.txt", "x.csl.txt", "x.csl.csl.txt"}, []string{"json", "csl"}, false, false, []bool{false, true, false}},
	} {
		got := claimOutputs(tc.inputs, tc.formats, tc.manifest, tc.fold)
		for i := range got {
			if (got[i] != "") != tc.want[i] {
				t.Errorf("%v %v manifest %v fold %v: %q", tc.inputs, tc.formats, tc.manifest, tc.fold, got)
				break
			}
		}
	}
}
