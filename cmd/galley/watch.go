package main

import (
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watchInputs builds every input, then rebuilds an input whenever its file changes, until the
// process is interrupted. Directories are watched rather than files, since editors often save
// by writing a new file and renaming it over the old one.
func watchInputs(c *buildConfig, stdin io.Reader, stderr io.Writer) int {
	for _, in := range c.inputs {
		if in == "-" {
			fmt.Fprintln(stderr, "galley build: --watch cannot watch standard input")
			return exitUsage
		}
	}
	buildAll(c, stdin, stderr)
	w, err := fsnotify.NewWatcher()
	if err != nil {
		say(stderr, "galley build: --watch: %v", err)
		return exitFailed
	}
	defer w.Close()
	watched := map[string]string{}
	for _, in := range c.inputs {
		abs, err := filepath.Abs(in)
		if err != nil {
			continue
		}
		watched[abs] = in
		if err := w.Add(filepath.Dir(abs)); err != nil {
			say(stderr, "galley build: --watch %s: %v", in, err)
			return exitFailed
		}
	}
	if !c.quiet {
		say(stderr, "galley: watching %d input(s); Ctrl-C stops", len(watched))
	}
	// Changes are collected for a short while, so one save that fires several events builds once.
	pending := map[string]bool{}
	var timer <-chan time.Time
	for {
		select {
		case ev, ok := <-w.Events:
			if !ok {
				return exitOK
			}
			if in, ok := watched[ev.Name]; ok && ev.Op&(fsnotify.Write|fsnotify.Create|fsnotify.Rename) != 0 {
				pending[in] = true
				timer = time.After(150 * time.Millisecond)
			}
		case err, ok := <-w.Errors:
			if !ok {
				return exitOK
			}
			say(stderr, "galley build: --watch: %v", err)
		case <-timer:
			for in := range pending {
				r := buildCaught(c, in, stdin)
				for _, m := range r.messages {
					if c.shows(m) {
						fmt.Fprintln(stderr, m.text)
					}
				}
				if !c.quiet && !r.failed {
					say(stderr, "galley: rebuilt %s", in)
				}
			}
			pending = map[string]bool{}
		}
	}
}
