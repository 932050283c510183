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
