//go:build unix

package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"galley/output"
)

// TestSignalsRemoveTemporaryFiles sends each signal that stops a build to a child process
// (this test binary, run as a build in progress): it removes its temporary file, says why it
// stopped, and exits with status 1. A hang-up (the terminal closed, the SSH session ended)
// is one of them.
func TestSignalsRemoveTemporaryFiles(t *testing.T) {
	if dir := os.Getenv("GALLEY_TEST_SIGNAL_CHILD"); dir != "" {
		signalChild(dir)
		return
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			cmd := exec.Command(os.Args[0], "-test.run=^TestSignalsRemoveTemporaryFiles$")
			cmd.Env = append(os.Environ(), "GALLEY_TEST_SIGNAL_CHILD="+dir)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			stdout, _ := cmd.StdoutPipe()
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			if line, _ := bufio.NewReader(stdout).ReadString('\n'); line != "ready\n" {
				cmd.Process.Kill()
				t.Fatalf("child: %q %s", line, stderr.String())
			}
			cmd.Process.Signal(sig)
			err := cmd.Wait()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != exitFailed {
				t.Errorf("%v: %v, want exit status %d", sig, err, exitFailed)
			}
			if !strings.Contains(stderr.String(), "stopped; artifacts already written are complete") {
				t.Errorf("stderr: %s", stderr.String())
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 0 {
				t.Errorf("left in the output directory: %v", entries)
			}
		})
	}
}

// signalChild is the child: an artifact half written in dir, the signals handled, waiting.
func signalChild(dir string) {
	tmp, err := output.Create(filepath.Join(dir, "a.pdf"))
	if err != nil {
		fmt.Println(err)
		os.Exit(3)
	}
	tmp.Write([]byte("%PDF-"))
	handleSignals(os.Stderr)
	fmt.Println("ready")
	select {}
}
