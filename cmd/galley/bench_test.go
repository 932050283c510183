package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"galley/internal/testkit"
)

// benchEnv is the environment of the benchmarks' builds: a fixed build time, and nothing
// else, so that a build sets the collector as it does by default.
func benchEnv(k string) string {
	if k == "SOURCE_DATE_EPOCH" {
		return "1700000000"
	}
	return ""
}

// benchConfig is a build of the default formats into dir, as `galley build -q` would run.
func benchConfig(b *testing.B, dir string, jobs int, inputs []string) *buildConfig {
	c, err := parseBuildFlags(append([]string{"-q", "-o", dir, "-j", string(rune('0' + jobs))}, inputs...),
		io.Discard, benchEnv, false)
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// reportCPU reports the CPU time per operation (all threads, the garbage collector's
// included) since start: on a machine shared with other work, it varies less than the wall
// time.
func reportCPU(b *testing.B, start int64, ops int) {
	if end, ok := cpuTime(); ok && ops > 0 {
		b.ReportMetric(float64(end-start)/float64(ops), "cpu-ns/op")
	}
}

// BenchmarkBuildSeed builds the seed to every default format (PDF and EPUB), fonts warm,
// including writing the files, with the collector set as galley build sets it: with two
// workers, as `galley build` runs on a two-core machine (one input and a worker to spare:
// the formats are rendered at once), and with one (-j1: one after the other).
func BenchmarkBuildSeed(b *testing.B) {
	b.Run("j2", func(b *testing.B) { benchmarkBuildSeed(b, 2) })
	b.Run("j1", func(b *testing.B) { benchmarkBuildSeed(b, 1) })
}

func benchmarkBuildSeed(b *testing.B, jobs int) {
	c := benchConfig(b, b.TempDir(), jobs, []string{seedPath})
	if c.mem != nil {
		defer c.mem.apply()()
	}
	if r := buildOne(c, seedPath, nil); r.failed {
		b.Fatal(r.messages)
	}
	b.ReportAllocs()
	start, _ := cpuTime()
	for b.Loop() {
		if r := buildOne(c, seedPath, nil); r.failed {
			b.Fatal(r.messages)
		}
	}
	reportCPU(b, start, b.N)
}

// BenchmarkBatch200 builds 200 copies of the seed with two workers; articles/s is reported.
func BenchmarkBatch200(b *testing.B) {
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		b.Fatal(err)
	}
	in := b.TempDir()
	var inputs []string
	for i := 0; i < 200; i++ {
		p := filepath.Join(in, "a"+strings.Repeat("x", i%7)+string(rune('a'+i%26))+string(rune('a'+i/26))+".txt")
		os.WriteFile(p, seed, 0o644)
		inputs = append(inputs, p)
	}
	c := benchConfig(b, b.TempDir(), 2, inputs)
	b.ReportAllocs()
	start, _ := cpuTime()
	for b.Loop() {
		if code := buildAll(c, nil, io.Discard); code != exitOK {
			b.Fatal("batch failed")
		}
	}
	b.ReportMetric(float64(200*b.N)/b.Elapsed().Seconds(), "articles/s")
	reportCPU(b, start, 200*b.N) // per article
}

// BenchmarkBuildSpec builds the CommonMark spec (200 KB of Markdown) to PDF and EPUB, for
// the cost per byte of a long document beside the seed's.
func BenchmarkBuildSpec(b *testing.B) {
	spec := testkit.Path(testkit.SpecFile)
	c := benchConfig(b, b.TempDir(), 1, []string{spec})
	if c.mem != nil {
		defer c.mem.apply()()
	}
	b.ReportAllocs()
	start, _ := cpuTime()
	for b.Loop() {
		if r := buildOne(c, spec, nil); r.failed {
			b.Fatal(r.messages)
		}
	}
	reportCPU(b, start, b.N)
}
