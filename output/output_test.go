package output

import (
	"encoding/json"
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
	// Years beyond four digits, year 0 (which epubcheck refuses), Go's zero time, and numbers
	// past int64 are refused; the first and last seconds of the years 1 to 9999 are not.
	for _, bad := range []string{"yesterday", "253402300800", "-62135596800", "-62167219200",
		"9223372036854775807", "-9223372036854775808", "99999999999999999999"} {
		if got, err := BuildTime(env(bad)); err == nil {
			t.Errorf("SOURCE_DATE_EPOCH=%s was accepted: %v", bad, got)
		}
	}
	for _, good := range []string{"253402300799", "-62135596799", "0"} {
		if _, err := BuildTime(env(good)); err != nil {
			t.Errorf("SOURCE_DATE_EPOCH=%s: %v", good, err)
		}
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

// TestManifestNames lists names that are not UTF-8 with their bad bytes written \xHH, which
// JSON can hold, and every other name as it is.
func TestManifestNames(t *testing.T) {
	path := filepath.Join(t.TempDir(), "manifest.json")
	m := &Manifest{Artifacts: []Artifact{{Input: "in/caf\xe9.txt", Output: "out/é \x1b.pdf"}}, Failed: []string{"a\xff\xfeb.txt", "ok.txt"}}
	if err := WriteManifest(path, m); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	var got Manifest
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if got.Artifacts[0].Input != `in/caf\xe9.txt` || got.Artifacts[0].Output != "out/é \x1b.pdf" ||
		strings.Join(got.Failed, "|") != `a\xff\xfeb.txt|ok.txt` {
		t.Errorf("names listed as %q %q %q", got.Artifacts[0].Input, got.Artifacts[0].Output, got.Failed)
	}
}
