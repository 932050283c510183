package main

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"galley/source"
)

// internalError is a panic caught while building one input: a bug in galley, which fails
// that input and no other.
type internalError struct {
	value any
	stack []byte
}

func (e *internalError) Error() string {
	return fmt.Sprintf("internal error: %v; please report", e.value)
}

// catch turns a panic of the goroutine it is deferred in into an *internalError in *err.
func catch(err *error) {
	if v := recover(); v != nil {
		*err = &internalError{value: v, stack: debug.Stack()}
	}
}

// testHook, when a test sets it, is called as each input has been read and its memory taken
// (format ""), as each of its formats starts rendering, and as its build ends (format
// "built"): the way a test makes one input panic, or watches which are built at once.
var testHook func(file, format string)

// buildCaught builds one input as buildOne does, a panic on the way being that input's
// failure: it is listed as failed, with an internal error, and the batch goes on. With
// GALLEY_DEBUG=1 the message carries the stack.
func buildCaught(c *buildConfig, input string, stdin io.Reader) (r result) {
	var err error
	defer func() {
		if err == nil {
			return
		}
		r = result{input: input, failed: true}
		r.messages = internalMessages(c, input, err)
	}()
	defer catch(&err)
	return buildOne(c, input, stdin)
}

// internalMessages are the diagnostics of an internal error: the error, and with
// GALLEY_DEBUG=1 the stack where it happened.
func internalMessages(c *buildConfig, input string, err error) []message {
	out := []message{{source.SevError, source.InputError(err.Error()).Format(displayName(input))}}
	var ie *internalError
	if errors.As(err, &ie) && c.debug {
		out = append(out, message{source.SevError, strings.TrimRight(string(ie.stack), "\n")})
	}
	return out
}
