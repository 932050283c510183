package testkit

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// Ace by DAISY checks an EPUB's accessibility (WCAG through axe in a browser, and the EPUB
// accessibility metadata). It needs Node and a Chromium, which CI does not install, so a test
// that runs it skips when it is not configured, even under GALLEY_REQUIRE_TOOLS=1.
//
// GALLEY_ACE names the command: it is run as `$GALLEY_ACE BOOK.epub OUTDIR` and must leave
// Ace's report.json in OUTDIR (Ace's own CLI does with `ace -f -o OUTDIR BOOK.epub`, behind a
// two-line wrapper).

// AceViolation is one failed check of an Ace report.
type AceViolation struct {
	Impact, Rule, File string
}

// Ace runs Ace on the EPUB at path and returns its violations, sorted. It skips t when
// GALLEY_ACE is not set, and fails it when Ace does not run or writes no report. Ace takes
// about twenty seconds a book.
func Ace(t testing.TB, path string) []AceViolation {
	t.Helper()
	command := strings.Fields(os.Getenv("GALLEY_ACE"))
	if len(command) == 0 {
		t.Skip("Ace not configured (GALLEY_ACE names its command); skipping")
	}
	out := t.TempDir()
	cmd := exec.Command(command[0], append(command[1:], path, out)...)
	if log, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("ace %s: %v\n%s", filepath.Base(path), err, log)
	}
	data, err := os.ReadFile(filepath.Join(out, "report.json"))
	if err != nil {
		t.Fatalf("ace wrote no report: %v", err)
	}
	v, err := AceReport(data)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// AceReport reads the violations from an Ace report.json.
func AceReport(data []byte) ([]AceViolation, error) {
	type test struct {
		Impact string `json:"earl:impact"`
		Title  string `json:"dct:title"`
	}
	type result struct {
		Outcome string `json:"earl:outcome"`
	}
	var r struct {
		Assertions []struct {
			Subject struct {
				URL string `json:"url"`
			} `json:"earl:testSubject"`
			Assertions []struct {
				Result result `json:"earl:result"`
				Test   test   `json:"earl:test"`
			} `json:"assertions"`
		} `json:"assertions"`
	}
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("ace report: %w", err)
	}
	var out []AceViolation
	for _, doc := range r.Assertions {
		for _, a := range doc.Assertions {
			if a.Result.Outcome == "fail" {
				out = append(out, AceViolation{Impact: a.Test.Impact, Rule: a.Test.Title, File: doc.Subject.URL})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Impact != b.Impact {
			return a.Impact < b.Impact
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.File < b.File
	})
	return out, nil
}
