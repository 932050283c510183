package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestCommitAndAbort(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.out")
	if err := WriteFile(path, []byte("first")); err != nil {
		t.Fatal(err)
	}
	tmp, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	tmp.Write([]byte("second, never finished"))
	tmp.Abort()
	if b, _ := os.ReadFile(path); string(b) != "first" {
		t.Errorf("aborted write changed the artifact: %q", b)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
	st, _ := os.Stat(path)
	if st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v", st.Mode())
	}
}

func TestCleanStale(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, tempPrefix+"x.out-123"), []byte("partial"), 0o600)
	os.WriteFile(filepath.Join(dir, "keep.out"), []byte("ok"), 0o644)
	CleanStale(dir)
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "keep.out" {
		t.Errorf("after cleaning: %v", entries)
	}
}

func TestBuildTime(t *testing.T) {
	env := func(v string) func(string) string { return func(string) string { return v } }
	got, err := BuildTime(env("1700000000"))
	if err != nil || !got.Equal(time.Unix(1700000000, 0)) {
		t.Errorf("got %v %v", got, err)
	}
	if _, err := BuildTime(env("yesterday")); err == nil {
		t.Error("a bad SOURCE_DATE_EPOCH was accepted")
	}
	if got, _ := BuildTime(env("")); time.Since(got) > time.Minute {
		t.Errorf("now = %v", got)
	}
}

func TestIdentifier(t *testing.T) {
	a, b := Identifier([]byte("one")), Identifier([]byte("two"))
	if a == b || a != Identifier([]byte("one")) || !strings.HasPrefix(a, "urn:uuid:") || a[9+14] != '5' {
		t.Errorf("identifiers %s %s", a, b)
	}
}

func TestDescribe(t *testing.T) {
	data := []byte("artifact bytes")
	a := Describe("in.txt", "out/in.x", "x", data, 3)
	want := Artifact{Input: "in.txt", Output: "out/in.x", Format: "x", Bytes: int64(len(data)),
		SHA256: "4659fc0570122b0e0aa14f4ff7c261b1fe51795a01ba79963f462ebf40d7520d", Pages: 3}
	if a != want {
		t.Errorf("Describe = %+v, want %+v", a, want)
	}
}
