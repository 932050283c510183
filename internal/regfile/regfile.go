// Package regfile opens regular files and nothing else. A FIFO, a device or a socket where
// galley expects a file (an input in a directory, an image, a font) would block a read
// forever or never end it; it is refused, without blocking, with ErrNotRegular.
package regfile

import (
	"errors"
	"fmt"
	"os"
)

// ErrNotRegular is returned (wrapped) for a name that is not a regular file.
var ErrNotRegular = errors.New("not a regular file")

// Open opens the regular file name for reading.
func Open(name string) (*os.File, error) {
	return check(os.OpenFile(name, openFlags, 0))
}

// OpenIn opens the regular file name under root for reading.
func OpenIn(root *os.Root, name string) (*os.File, error) {
	return check(root.OpenFile(name, openFlags, 0))
}

// check keeps f if it is a regular file. The kind is read from the open file, not from the
// name, so nothing can be swapped in between; the open itself does not block (see
// openFlags).
func check(f *os.File, err error) (*os.File, error) {
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, &os.PathError{Op: "open", Path: f.Name(), Err: fmt.Errorf("%w (%s)", ErrNotRegular, kind(st.Mode()))}
	}
	return f, nil
}

// kind names what a file that is not regular is.
func kind(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&os.ModeNamedPipe != 0:
		return "a named pipe"
	case m&os.ModeSocket != 0:
		return "a socket"
	case m&os.ModeDevice != 0:
		return "a device"
	}
	return "not a file"
}
