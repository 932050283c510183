//go:build unix

package regfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func TestOpen(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.txt")
	os.WriteFile(file, []byte("text"), 0o644)
	fifo := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	os.Symlink("pipe.txt", filepath.Join(dir, "link.txt"))
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()

	for _, open := range []func(string) (*os.File, error){
		func(n string) (*os.File, error) { return Open(filepath.Join(dir, n)) },
		func(n string) (*os.File, error) { return OpenIn(root, n) },
	} {
		f, err := open("a.txt")
		if err != nil {
			t.Fatal(err)
		}
		if b, err := io.ReadAll(f); err != nil || string(b) != "text" {
			t.Errorf("read %q, %v", b, err)
		}
		f.Close()
		for _, n := range []string{"pipe.txt", "link.txt", "."} {
			if f, err := open(n); !errors.Is(err, ErrNotRegular) {
				t.Errorf("%s: %v, want ErrNotRegular", n, err)
				if f != nil {
					f.Close()
				}
			}
		}
	}
}
