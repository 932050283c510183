//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package output

import (
	"os"
	"syscall"
)

// tryLock takes an exclusive advisory lock on f without waiting, and reports whether it got
// it. The lock belongs to f's open file: another open of the same file, in this process or
// another, cannot take it until f is closed or its process ends.
func tryLock(f *os.File) bool {
	c, err := f.SyscallConn()
	if err != nil {
		return false
	}
	locked := false
	c.Control(func(fd uintptr) {
		locked = syscall.Flock(int(fd), syscall.LOCK_EX|syscall.LOCK_NB) == nil
	})
	return locked
}
