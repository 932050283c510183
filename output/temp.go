package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"galley/internal/regfile"
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

// rename renames a file; tests replace it to make a commit fail half-way.
var rename = os.Rename

// Temp is an artifact being written: a temporary file that becomes the artifact on Commit.
// The file is locked while it is open (where the system has advisory locks), which tells
// another galley process that its owner is alive (see CleanStale).
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
	for {
		f, err := os.CreateTemp(dir, tempPrefix+filepath.Base(path)+"-*")
		if err != nil {
			return nil, fmt.Errorf("create %s: %w", path, err)
		}
		// Between the creation and the lock, another process's CleanStale may have taken the
		// file for stale and removed it: then it is no longer at its name, and a new one is
		// made.
		if tryLock(f) && linked(f) {
			pending.files[f.Name()] = true
			return &Temp{f: f, final: path}, nil
		}
		f.Close()
	}
}

// linked reports whether f is still the file at its name.
func linked(f *os.File) bool {
	a, err1 := f.Stat()
	b, err2 := os.Lstat(f.Name())
	return err1 == nil && err2 == nil && os.SameFile(a, b)
}

// Write writes to the temporary file.
func (t *Temp) Write(p []byte) (int, error) { return t.f.Write(p) }

// Commit flushes the file to disk and renames it into place.
func (t *Temp) Commit() error { return CommitAll([]*Temp{t}) }

// CommitAll puts several artifacts in place, all or none: each is flushed to disk, every
// destination is checked to be a file (or nothing) before the first rename, and should a
// rename fail all the same, those already done are undone, each earlier artifact restored.
// On an error every file of ts is removed and nothing has changed at their destinations.
func CommitAll(ts []*Temp) error {
	fail := func(err error) error {
		for _, t := range ts {
			t.Abort()
		}
		return err
	}
	for _, t := range ts {
		if t.closed {
			return fail(fmt.Errorf("commit %s: already closed", t.final))
		}
		if err := t.f.Sync(); err != nil {
			return fail(fmt.Errorf("write %s: %w", t.final, err))
		}
		// Temporary files are created 0600; artifacts are ordinary files.
		if err := t.f.Chmod(0o644); err != nil {
			return fail(fmt.Errorf("write %s: %w", t.final, err))
		}
	}
	for _, t := range ts {
		if st, err := os.Lstat(t.final); err == nil && !st.Mode().IsRegular() {
			return fail(fmt.Errorf("write %s: %s is in the way", t.final, kindOf(st.Mode())))
		}
	}
	if err := swapAll(ts); err != nil {
		return fail(err)
	}
	return nil
}

// swapAll renames every file of ts into place, or, failing one, undoes those done. The
// signal handler waits for it (it holds pending's lock): an interrupt never stops a commit
// half-way.
func swapAll(ts []*Temp) error {
	pending.Lock()
	defer pending.Unlock()
	if pending.stopped {
		return errors.New("the build is stopping")
	}
	var done []*swap
	for _, t := range ts {
		s, err := swapIn(t)
		if err != nil {
			for i := len(done) - 1; i >= 0; i-- {
				done[i].undo()
			}
			return fmt.Errorf("write %s: %w", t.final, err)
		}
		done = append(done, s)
	}
	for _, s := range done {
		s.keep()
	}
	return nil
}

// kindOf names what stands where an artifact would go.
func kindOf(m os.FileMode) string {
	if m.IsDir() {
		return "a directory"
	}
	if m&os.ModeSymlink != 0 {
		return "a symbolic link"
	}
	return "something that is not a file"
}

// swap is one artifact renamed into place, with the earlier artifact kept aside until the
// whole commit succeeds.
type swap struct {
	t *Temp
	// prev is the earlier artifact's new name, "" when there was none; held keeps it locked.
	prev string
	held *os.File
}

// swapIn renames t's file to its destination, keeping any earlier artifact as a hard link
// (or, where the file system has none, moved aside) named like a temporary file.
func swapIn(t *Temp) (*swap, error) {
	s := &swap{t: t}
	name := t.f.Name()
	moved := false
	if _, err := os.Lstat(t.final); err == nil {
		s.prev = name + "-prev"
		if err := os.Link(t.final, s.prev); err != nil {
			if err := rename(t.final, s.prev); err != nil {
				return nil, err
			}
			moved = true
		}
		// Locked, so that another process does not take it for stale.
		if f, err := regfile.Open(s.prev); err == nil {
			if tryLock(f) {
				s.held = f
			} else {
				f.Close()
			}
		}
	}
	if err := rename(name, t.final); err != nil {
		// The earlier artifact is still in place, unless it was moved aside.
		if moved {
			s.undo()
		} else {
			s.keep()
		}
		return nil, err
	}
	t.closed = true
	t.f.Close()
	delete(pending.files, name)
	return s, nil
}

// undo puts the earlier artifact back in place, or removes the new one when there was none.
func (s *swap) undo() {
	if s.prev == "" {
		os.Remove(s.t.final)
		return
	}
	rename(s.prev, s.t.final)
	s.release()
}

// keep drops the earlier artifact kept aside.
func (s *swap) keep() {
	if s.prev != "" {
		os.Remove(s.prev)
		s.release()
	}
}

func (s *swap) release() {
	if s.held != nil {
		s.held.Close()
		s.held = nil
	}
}

// Abort removes the temporary file; the artifact, if it existed before, is untouched. It is
// safe to call after Commit.
func (t *Temp) Abort() {
	if t.closed {
		return
	}
	t.closed = true
	name := t.f.Name()
	// Removed before it is closed (and so unlocked), so that no other process removes it.
	os.Remove(name)
	t.f.Close()
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

// CleanStale removes the temporary files that a killed build left in dir, and only those: a
// temporary file whose lock can be taken has no live owner (a process's locks go with it,
// however it ended), while one whose lock is held belongs to a build still running, in this
// process or another, and is left alone. Where the system has no advisory locks, every
// temporary file is taken for stale (on Windows a file open in another process cannot be
// removed).
func CleanStale(dir string) {
	matches, _ := filepath.Glob(filepath.Join(dir, tempPrefix+"*"))
	for _, m := range matches {
		if !strings.HasPrefix(filepath.Base(m), tempPrefix) {
			continue
		}
		// Regular files only: galley makes no other kind, and a named pipe would block the open.
		f, err := regfile.Open(m)
		if err != nil {
			continue
		}
		if tryLock(f) && linked(f) {
			os.Remove(m)
		}
		f.Close()
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

// FoldsCase reports whether the file system of dir takes names that differ only in case for
// one name (as macOS's and Windows's do by default), found by creating a file and looking it
// up in the other case. When dir cannot be written, it says false.
func FoldsCase(dir string) bool {
	f, err := os.CreateTemp(dir, tempPrefix+"case-x-*")
	if err != nil {
		return false
	}
	name := f.Name()
	defer os.Remove(name)
	defer f.Close()
	base := filepath.Base(name)
	upper := strings.Replace(base, "case-x-", "CASE-X-", 1)
	a, err1 := f.Stat()
	b, err2 := os.Lstat(filepath.Join(dir, upper))
	return err1 == nil && err2 == nil && os.SameFile(a, b)
}
