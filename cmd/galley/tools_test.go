package main

import (
	"os"
	"os/exec"
	"testing"
	"time"
)

var testTime = time.Unix(1700000000, 0).UTC()

const epubcheckJar = "/usr/share/java/epubcheck.jar"

// skipOrFail skips a test that needs a missing validator, or fails it when
// GALLEY_REQUIRE_TOOLS=1 (as in CI).
func skipOrFail(t *testing.T, tool string) {
	t.Helper()
	if os.Getenv("GALLEY_REQUIRE_TOOLS") == "1" {
		t.Fatalf("%s is required (GALLEY_REQUIRE_TOOLS=1) but missing", tool)
	}
	t.Skipf("%s not installed; skipping", tool)
}

func requireTool(t *testing.T, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		skipOrFail(t, name)
	}
}

func haveEPUBCheck() bool {
	if _, err := exec.LookPath("java"); err != nil {
		return false
	}
	_, err := os.Stat(epubcheckJar)
	return err == nil
}
