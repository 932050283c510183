package output

import (
	"encoding/json"
	"errors"
	"maps"
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

// TestCleanStaleSparesLiveFiles cleans a directory where a build is writing (a temporary file
// open, so locked) and a killed build left a temporary file and an earlier artifact kept
// aside: only the dead build's files go, and the live one commits.
func TestCleanStaleSparesLiveFiles(t *testing.T) {
	dir := t.TempDir()
	live, err := Create(filepath.Join(dir, "live.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	live.Write([]byte("live"))
	for _, n := range []string{tempPrefix + "dead.pdf-1", tempPrefix + "dead.epub-2-prev"} {
		os.WriteFile(filepath.Join(dir, n), []byte("dead"), 0o600)
	}
	CleanStale(dir)
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || !strings.HasPrefix(entries[0].Name(), tempPrefix+"live.pdf-") {
		t.Errorf("after cleaning: %v", entries)
	}
	if err := live.Commit(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "live.pdf")); string(b) != "live" {
		t.Errorf("live.pdf = %q", b)
	}
}

// TestCommitAll commits an input's three artifacts, over earlier ones, and makes each step of
// the renames fail in turn: either all three are the new ones, or all are as they were (the
// earlier artifact restored, none where there was none), and no temporary file is left.
func TestCommitAll(t *testing.T) {
	names := []string{"a.pdf", "a.epub", "a.json"}
	for failAt := 0; failAt <= 4; failAt++ {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "a.pdf"), []byte("old pdf"), 0o644)
		os.WriteFile(filepath.Join(dir, "a.json"), []byte("old json"), 0o644)
		var ts []*Temp
		for _, n := range names {
			tmp, err := Create(filepath.Join(dir, n))
			if err != nil {
				t.Fatal(err)
			}
			tmp.Write([]byte("new " + n))
			ts = append(ts, tmp)
		}
		calls := 0
		rename = func(from, to string) error {
			calls++
			if calls == failAt {
				return errors.New("test failure")
			}
			return os.Rename(from, to)
		}
		err := CommitAll(ts)
		rename = os.Rename
		want := map[string]string{"a.pdf": "old pdf", "a.json": "old json"}
		if err == nil {
			want = map[string]string{"a.pdf": "new a.pdf", "a.epub": "new a.epub", "a.json": "new a.json"}
		}
		got := map[string]string{}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
			got[e.Name()] = string(b)
		}
		if !maps.Equal(got, want) {
			t.Errorf("rename %d fails (%v): %v, want %v", failAt, err, got, want)
		}
	}

	// A directory where an artifact goes: nothing renamed at all.
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.pdf"), []byte("old pdf"), 0o644)
	os.Mkdir(filepath.Join(dir, "a.epub"), 0o755)
	var ts []*Temp
	for _, n := range names {
		tmp, _ := Create(filepath.Join(dir, n))
		ts = append(ts, tmp)
	}
	if err := CommitAll(ts); err == nil || !strings.Contains(err.Error(), "a directory is in the way") {
		t.Errorf("error %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if b, _ := os.ReadFile(filepath.Join(dir, "a.pdf")); len(entries) != 2 || string(b) != "old pdf" {
		t.Errorf("after a refused commit: %v, a.pdf %q", entries, b)
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
	dir := t.TempDir()
	path := filepath.Join(dir, "manifest.json")
	m := &Manifest{Artifacts: []Artifact{{Input: filepath.Join(dir, "in/caf\xe9.txt"), Output: filepath.Join(dir, "out/é \x1b.pdf")}},
		Failed: []string{filepath.Join(dir, "a\xff\xfeb.txt"), filepath.Join(dir, "ok.txt")}}
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

// TestManifestRelative: the manifest's paths are relative to its directory, however the
// output directory was written on the command line, so that the folder can be moved and
// still be verified.
func TestManifestRelative(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, out := range []string{"dist", "./dist/", "dist/../dist"} {
		abs, _ := filepath.Abs("dist")
		for _, dir := range []string{out, abs} {
			m := &Manifest{Artifacts: []Artifact{
				{Input: "articles/a.txt", Output: filepath.Join(dir, "a.pdf")},
				{Input: "-", Output: filepath.Join(dir, "article.epub")},
			}, Failed: []string{"articles/b.txt"}}
			path := filepath.Join(dir, "manifest.json")
			os.MkdirAll(dir, 0o755)
			if err := WriteManifest(path, m); err != nil {
				t.Fatal(err)
			}
			b, _ := os.ReadFile(path)
			var got Manifest
			if err := json.Unmarshal(b, &got); err != nil {
				t.Fatal(err)
			}
			a := got.Artifacts
			if a[0].Input != "../articles/a.txt" || a[0].Output != "a.pdf" || a[1].Input != "-" ||
				a[1].Output != "article.epub" || got.Failed[0] != "../articles/b.txt" {
				t.Errorf("-o %s: %+v %v", dir, a, got.Failed)
			}
		}
	}
}
