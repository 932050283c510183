//go:build unix

package output

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestCleanStaleSkipsPipes cleans a directory holding a named pipe named like a temporary
// file: galley makes none, and opening one would wait for a writer forever; it is left.
func TestCleanStaleSkipsPipes(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, tempPrefix+"pipe"), 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	done := make(chan struct{})
	go func() {
		CleanStale(dir)
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		// Open the pipe for writing, so that the blocked open returns and the test ends.
		if f, err := os.OpenFile(filepath.Join(dir, tempPrefix+"pipe"), os.O_WRONLY, 0); err == nil {
			f.Close()
		}
		t.Fatal("CleanStale blocked on a named pipe")
	}
}
