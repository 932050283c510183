package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOutOfRangeValues gives values past what galley can honour: a SOURCE_DATE_EPOCH after
// the year 9999 or before the year 1 (an EPUB date epubcheck refuses), sizes that overflow
// int64 when multiplied or read, and a limit larger than memory could ever hold. Each is a
// usage error; the largest size allowed and the first and last dates are accepted.
func TestOutOfRangeValues(t *testing.T) {
	in := filepath.Join(corpus(t, 1, nil), "artaa.txt")
	for _, tc := range []struct {
		env  map[string]string
		args []string
		code int
		msg  string
	}{
		{map[string]string{"SOURCE_DATE_EPOCH": "253402300800"}, nil, exitUsage, "outside the years 1 to 9999"},
		{map[string]string{"SOURCE_DATE_EPOCH": "-62167219200"}, nil, exitUsage, "outside the years 1 to 9999"},
		{map[string]string{"SOURCE_DATE_EPOCH": "253402300799"}, []string{"-f", "epub"}, exitOK, ""},
		{nil, []string{"--max-input", "9223372036854775807"}, exitUsage, "over the largest size allowed"},
		{nil, []string{"--max-input", "9223372036854775808"}, exitUsage, "over the largest size allowed"},
		{nil, []string{"--max-input", "8589934592G"}, exitUsage, "over the largest size allowed"},
		{nil, []string{"--max-input", "2GiB"}, exitUsage, "over the largest size allowed"},
		{nil, []string{"--max-input", "-1"}, exitUsage, "is not a size"},
		{nil, []string{"--max-input", "1GiB", "-f", "json"}, exitOK, ""},
	} {
		args := append(append([]string{"build", "-q", "-o", t.TempDir()}, tc.args...), in)
		code, stderr := galleyEnv(t, tc.env, args...)
		if code != tc.code || !strings.Contains(stderr, tc.msg) {
			t.Errorf("%v %v: exit %d, want %d and %q:\n%s", tc.env, tc.args, code, tc.code, tc.msg, stderr)
		}
	}
	for _, cmd := range []string{"parse", "check"} {
		if code, stderr := galleyEnv(t, nil, cmd, "--max-input", "8589934592G", in); code != exitUsage {
			t.Errorf("%s: exit %d: %s", cmd, code, stderr)
		}
	}
}

// TestNonUTF8Names builds a directory with an article whose name is not UTF-8: JSON cannot
// hold its name, so it is refused, named on standard error and in the manifest with its bad
// byte written \xff, never as U+FFFD; the other article is built.
func TestNonUTF8Names(t *testing.T) {
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	in := corpus(t, 1, nil)
	bad := filepath.Join(in, "caf\xe9.txt")
	if err := os.WriteFile(bad, seed, 0o644); err != nil {
		t.Skip("this file system refuses names that are not UTF-8:", err)
	}
	out := t.TempDir()
	code, stderr := galleyEnv(t, nil, "build", "-q", "-o", out, in)
	if code != exitFailed || !strings.Contains(stderr, `caf\xe9.txt:1:1: error: the file name is not UTF-8`) {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	m := readManifest(t, out)
	if len(m.Failed) != 1 || m.Failed[0] != listedPath(t, out, filepath.Join(in, `caf\xe9.txt`)) || len(m.Artifacts) != 2 {
		t.Errorf("manifest: failed %q, %d artifacts", m.Failed, len(m.Artifacts))
	}
	if code, stderr := galleyEnv(t, nil, "build", "-o", filepath.Join(t.TempDir(), "out\xff"), in); code != exitUsage {
		t.Errorf("an output directory not in UTF-8: exit %d: %s", code, stderr)
	}
}

// TestDefaultMaxInput builds an input one byte over the default limit (the largest that any
// input builds within 1 GiB): refused, naming --max-input; with the limit raised, built.
func TestDefaultMaxInput(t *testing.T) {
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	limit, err := parseSize(defaultMaxInput)
	if err != nil {
		t.Fatal(err)
	}
	big := append(bytes.Repeat([]byte("Filler text, of no date. "), int(limit)/25+1), '\n')
	big = append(bytes.Clone(seed), big[:limit+1-int64(len(seed))]...)
	path := filepath.Join(t.TempDir(), "big.txt")
	os.WriteFile(path, big, 0o644)
	code, stderr := galleyEnv(t, nil, "build", "-q", "-f", "json", "-o", t.TempDir(), path)
	if want := fmt.Sprintf("big.txt:1:1: error: input is %d bytes, over the limit of %d (see --max-input)", limit+1, limit); code != exitFailed || !strings.Contains(stderr, want) {
		t.Errorf("exit %d, want %d and %q:\n%s", code, exitFailed, want, stderr)
	}
	if code, stderr := galleyEnv(t, nil, "build", "-q", "-f", "json", "--max-input", "2MiB", "-o", t.TempDir(), path); code != exitOK {
		t.Errorf("--max-input 2MiB: exit %d: %s", code, stderr)
	}
}
