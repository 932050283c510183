//go:build unix

package regfile

import (
	"os"
	"syscall"
)

// openFlags opens without blocking: opening a FIFO for reading otherwise waits for a writer.
// On a regular file O_NONBLOCK changes nothing.
const openFlags = os.O_RDONLY | syscall.O_NONBLOCK
