// Package output writes artifacts safely: each one goes to a temporary file in the output
// directory and is renamed into place only when complete, so a failed or interrupted build
// never leaves a partial file or truncates an earlier good one. It also derives the
// reproducible build date and identifier, and writes the batch manifest.
package output

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"
)

// The build times artifacts can carry: dates in EPUB and PDF metadata have four-digit years,
// and epubcheck refuses year 0. The first instant of year 1 is Go's zero time, which stands
// for "no time given".
var (
	firstBuildTime = time.Date(1, 1, 1, 0, 0, 1, 0, time.UTC)
	lastBuildTime  = time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC)
)

// BuildTime returns the time to write into artifacts: SOURCE_DATE_EPOCH when set (for
// reproducible builds), otherwise now. A SOURCE_DATE_EPOCH that is not a whole number of
// seconds, or falls outside the years 1 to 9999, is an error.
func BuildTime(getenv func(string) string) (time.Time, error) {
	if s := strings.TrimSpace(getenv("SOURCE_DATE_EPOCH")); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds", s)
		}
		if n < firstBuildTime.Unix() || n > lastBuildTime.Unix() {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%s is outside the years 1 to 9999 (%d to %d)",
				s, firstBuildTime.Unix(), lastBuildTime.Unix())
		}
		return time.Unix(n, 0).UTC(), nil
	}
	return time.Now().UTC().Truncate(time.Second), nil
}

// namespace is galley's UUID namespace for document identifiers (itself a name-based UUID).
var namespace = uuid.NewSHA1(uuid.NameSpaceURL, []byte("https://galley.invalid/document"))

// Identifier returns a urn:uuid derived from the source bytes (a version 5 UUID), so the same
// input always gets the same identifier.
func Identifier(src []byte) string {
	return "urn:uuid:" + uuid.NewSHA1(namespace, src).String()
}

// Artifact is one file a build wrote, as the manifest lists it.
type Artifact struct {
	Input  string `json:"input"`
	Output string `json:"output"`
	Format string `json:"format"`
	Bytes  int64  `json:"bytes"`
	SHA256 string `json:"sha256"`
	// Pages is the number of pages, 0 for a format without pages.
	Pages int `json:"pages,omitempty"`
}

// Describe measures a written artifact (its size and checksum) for the manifest; format and
// pages are the caller's to give (pages 0 for a format without pages).
func Describe(input, path, format string, data []byte, pages int) Artifact {
	sum := sha256.Sum256(data)
	return Artifact{Input: input, Output: path, Format: format, Bytes: int64(len(data)),
		SHA256: hex.EncodeToString(sum[:]), Pages: pages}
}

// Manifest is the list of a batch's artifacts, written last.
type Manifest struct {
	Generator string     `json:"generator"`
	Created   string     `json:"created"`
	Artifacts []Artifact `json:"artifacts"`
	Failed    []string   `json:"failed"`
}

// WriteManifest writes m as JSON to path atomically. Its paths, inputs' and artifacts', are
// written relative to the manifest's directory, with forward slashes, so that the folder can
// be moved or uploaded and still be verified ("-", standard input, stays as it is). JSON holds
// UTF-8 text only: a name that is not UTF-8 (galley refuses to build such inputs) is listed
// with each byte that is not written \xHH, where encoding/json would put U+FFFD and lose
// which file it was.
func WriteManifest(path string, m *Manifest) error {
	if m.Artifacts == nil {
		m.Artifacts = []Artifact{}
	}
	if m.Failed == nil {
		m.Failed = []string{}
	}
	dir := filepath.Dir(path)
	for i := range m.Artifacts {
		a := &m.Artifacts[i]
		a.Input, a.Output = listed(relativeTo(dir, a.Input)), listed(relativeTo(dir, a.Output))
	}
	for i, f := range m.Failed {
		m.Failed[i] = listed(relativeTo(dir, f))
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(m); err != nil {
		return err
	}
	return WriteFile(path, b.Bytes())
}

// relativeTo returns path relative to dir, with forward slashes; standard input ("-"), and a
// path that has no relative form (on another volume), as they are.
func relativeTo(dir, path string) string {
	if path == "-" {
		return path
	}
	absDir, err1 := filepath.Abs(dir)
	absPath, err2 := filepath.Abs(path)
	if err1 != nil || err2 != nil {
		return filepath.ToSlash(path)
	}
	rel, err := filepath.Rel(absDir, absPath)
	if err != nil {
		return filepath.ToSlash(path)
	}
	return filepath.ToSlash(rel)
}

// listed returns a name as the manifest lists it: itself when it is UTF-8, otherwise with
// every byte that is not UTF-8 written \xHH.
func listed(name string) string {
	if utf8.ValidString(name) {
		return name
	}
	var b strings.Builder
	for i := 0; i < len(name); {
		r, size := utf8.DecodeRuneInString(name[i:])
		if r == utf8.RuneError && size == 1 {
			fmt.Fprintf(&b, "\\x%02x", name[i])
		} else {
			b.WriteString(name[i : i+size])
		}
		i += size
	}
	return b.String()
}
