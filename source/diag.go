package source

import "strconv"

// Format returns the diagnostic as compilers print theirs, "file:line:col: severity: message":
// the one form of every message galley writes about an input.
func (d Diagnostic) Format(file string) string {
	return file + ":" + strconv.Itoa(d.Line) + ":" + strconv.Itoa(d.Col) + ": " +
		string(d.Severity) + ": " + d.Message
}

// InputError is an error about an input as a whole (a file that cannot be read, an artifact
// that cannot be written), placed at its first line.
func InputError(msg string) Diagnostic {
	return Diagnostic{Line: 1, Col: 1, Severity: SevError, Message: msg}
}

// LineWarning is a warning about a source line, placed at its first column; a line below 1 (a
// problem with no better place) is the first line.
func LineWarning(line int, msg string) Diagnostic {
	return Diagnostic{Line: max(line, 1), Col: 1, Severity: SevWarning, Message: msg}
}
