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
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"
)

// tempPrefix begins every temporary file's name, so stale ones left by a killed process can be
// recognised and removed by the next build.
const tempPrefix = ".galley-tmp-"

// pending tracks the temporary files in flight, for removal on an interrupt.
var pending = struct {
	sync.Mutex
	files map[string]bool
	// stopped is set once RemovePending has run: no temporary file may be created after it.
	stopped bool
}{files: map[string]bool{}}

// Temp is an artifact being written: a temporary file that becomes the artifact on Commit.
type Temp struct {
	f      *os.File
	final  string
	closed bool
}

// Create starts writing the artifact path. Nothing exists at path until Commit.
func Create(path string) (*Temp, error) {
	dir := filepath.Dir(path)
	pending.Lock()
	defer pending.Unlock()
	if pending.stopped {
		return nil, fmt.Errorf("create %s: the build is stopping", path)
	}
	f, err := os.CreateTemp(dir, tempPrefix+filepath.Base(path)+"-*")
	if err != nil {
		return nil, fmt.Errorf("create %s: %w", path, err)
	}
	pending.files[f.Name()] = true
	return &Temp{f: f, final: path}, nil
}

// Write writes to the temporary file.
func (t *Temp) Write(p []byte) (int, error) { return t.f.Write(p) }

// Commit flushes the file to disk and renames it into place.
func (t *Temp) Commit() error {
	if t.closed {
		return fmt.Errorf("commit %s: already closed", t.final)
	}
	t.closed = true
	name := t.f.Name()
	err := t.f.Sync()
	if cerr := t.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		// Temporary files are created 0600; artifacts are ordinary files.
		err = os.Chmod(name, 0o644)
	}
	if err == nil {
		pending.Lock()
		if pending.stopped {
			err = fmt.Errorf("the build is stopping")
		} else {
			err = os.Rename(name, t.final)
		}
		delete(pending.files, name)
		pending.Unlock()
	}
	if err != nil {
		os.Remove(name)
		return fmt.Errorf("write %s: %w", t.final, err)
	}
	return nil
}

// Abort removes the temporary file; the artifact, if it existed before, is untouched. It is
// safe to call after Commit.
func (t *Temp) Abort() {
	if t.closed {
		return
	}
	t.closed = true
	name := t.f.Name()
	t.f.Close()
	os.Remove(name)
	forget(name)
}

func forget(name string) {
	pending.Lock()
	delete(pending.files, name)
	pending.Unlock()
}

// RemovePending removes every temporary file still in flight and refuses new ones; the signal
// handler calls it before the process exits.
func RemovePending() {
	pending.Lock()
	defer pending.Unlock()
	pending.stopped = true
	for name := range pending.files {
		os.Remove(name)
		delete(pending.files, name)
	}
}

// CleanStale removes temporary files that a killed build left in dir.
func CleanStale(dir string) {
	matches, _ := filepath.Glob(filepath.Join(dir, tempPrefix+"*"))
	for _, m := range matches {
		os.Remove(m)
	}
}

// WriteFile writes data to path atomically.
func WriteFile(path string, data []byte) error {
	t, err := Create(path)
	if err != nil {
		return err
	}
	if _, err := t.Write(data); err != nil {
		t.Abort()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return t.Commit()
}

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

// WriteManifest writes m as JSON to path atomically. JSON holds UTF-8 text only: a name
// that is not UTF-8 (galley refuses to build such inputs) is listed with each byte that is
// not written \xHH, where encoding/json would put U+FFFD and lose which file it was.
func WriteManifest(path string, m *Manifest) error {
	if m.Artifacts == nil {
		m.Artifacts = []Artifact{}
	}
	if m.Failed == nil {
		m.Failed = []string{}
	}
	for i := range m.Artifacts {
		a := &m.Artifacts[i]
		a.Input, a.Output = listed(a.Input), listed(a.Output)
	}
	for i, f := range m.Failed {
		m.Failed[i] = listed(f)
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
