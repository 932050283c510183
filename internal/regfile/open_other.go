//go:build !unix

package regfile

import "os"

// openFlags: systems other than Unix have no FIFOs that block an open.
const openFlags = os.O_RDONLY
