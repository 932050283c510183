package main

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"galley/output"
)

// environment is what the command reads from its surroundings, so tests can set it.
type environment struct {
	getenv           func(string) string
	stderrIsTerminal bool
}

func osEnvironment() environment {
	return environment{getenv: os.Getenv, stderrIsTerminal: term.IsTerminal(int(os.Stderr.Fd()))}
}

// stopSignals are the signals that stop a build: Ctrl-C, a termination request, and the
// hang-up of the terminal or session it runs in.
var stopSignals = []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP}

// handleSignals removes the temporary files in flight and exits on any of stopSignals, so an
// interrupted build leaves only complete artifacts. The returned function stops the handling.
func handleSignals(stderr io.Writer) func() {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, stopSignals...)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-ch:
			output.RemovePending()
			fmt.Fprintf(stderr, "galley: %v: stopped; artifacts already written are complete\n", sig)
			os.Exit(exitFailed)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}

// progress shows done/total, the current file, rate and elapsed time on a terminal (or with
// --progress); it is silent otherwise.
type progress struct {
	mu  sync.Mutex
	bar *progressbar.ProgressBar
}

func newProgress(c *buildConfig, total int, w io.Writer) *progress {
	p := &progress{}
	if !c.progress || total == 0 {
		return p
	}
	p.bar = progressbar.NewOptions(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("building"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("articles"),
		progressbar.OptionSetElapsedTime(true),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionEnableColorCodes(os.Getenv("NO_COLOR") == ""),
		progressbar.OptionClearOnFinish(),
	)
	return p
}

func (p *progress) current(name string) {
	if p.bar == nil {
		return
	}
	p.mu.Lock()
	p.bar.Describe(name)
	p.mu.Unlock()
}

func (p *progress) step(string) {
	if p.bar == nil {
		return
	}
	p.mu.Lock()
	p.bar.Add(1)
	p.mu.Unlock()
}

func (p *progress) clear() {
	if p.bar == nil {
		return
	}
	p.mu.Lock()
	p.bar.Clear()
	p.mu.Unlock()
}

func (p *progress) finish() {
	if p.bar == nil {
		return
	}
	p.mu.Lock()
	p.bar.Finish()
	p.mu.Unlock()
}
