//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// fifo makes a named pipe at path. Should anything open it for reading and block, waiting for
// a writer, the pipe is opened for writing and closed, which ends the wait, and the test
// fails: a build that blocks on a FIFO fails the test instead of hanging it.
func fifo(t *testing.T, path string) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	done, blocked := make(chan struct{}), make(chan bool, 1)
	t.Cleanup(func() {
		close(done)
		if <-blocked {
			t.Errorf("%s: opened for reading, and the open blocked", filepath.Base(path))
		}
	})
	go func() {
		unblocked := false
		defer func() { blocked <- unblocked }()
		for {
			select {
			case <-done:
				return
			case <-time.After(20 * time.Millisecond):
			}
			// Opening for writing without blocking succeeds only when a reader waits.
			if fd, err := syscall.Open(path, syscall.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
				syscall.Close(fd)
				unblocked = true
			}
		}
	}()
}

// TestFIFOsAreRefused puts named pipes where galley reads files: an article in a directory of
// inputs, a figure's image, a font. Each is refused as not a regular file, without waiting
// for a writer; the rest of the build goes on.
func TestFIFOsAreRefused(t *testing.T) {
	in := corpus(t, 1, map[string]string{"b.txt": "Pipes\nDate 1933\nA summary.\nSummary of Event\nText.\n![A pipe](pipe.png)\n"})
	fifo(t, filepath.Join(in, "a-pipe.txt"))
	fifo(t, filepath.Join(in, "pipe.png"))
	out := t.TempDir()
	code, _, stderr := galley(t, "", "build", "-o", out, in)
	if code != exitFailed {
		t.Errorf("exit %d, want %d", code, exitFailed)
	}
	for _, want := range []string{"a-pipe.txt:1:1: error: open: not a regular file (a named pipe)",
		"b.txt:6:1: warning: image not embedded, a placeholder is shown instead: image not found: pipe.png: not a regular file"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	for _, f := range []string{"artaa.pdf", "b.pdf", "b.epub"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("not built: %v", err)
		}
	}
	if m := readManifest(t, out); len(m.Failed) != 1 || !strings.HasSuffix(m.Failed[0], "a-pipe.txt") {
		t.Errorf("manifest: failed %q", m.Failed)
	}

	fonts := t.TempDir()
	fifo(t, filepath.Join(fonts, "Pipe-Regular.ttf"))
	code, _, stderr = galley(t, "", "build", "-q", "--font", fonts, "-o", t.TempDir(), filepath.Join(in, "b.txt"))
	if code != exitUsage || !strings.Contains(stderr, "not a regular file") {
		t.Errorf("a FIFO for a font: exit %d, %s", code, stderr)
	}
}
