#!/usr/bin/env bash
# Builds the seed article with galley and, side by side, with pandoc (EPUB; PDF through
# weasyprint and xelatex when they are installed), and prints one table: median wall time
# (hyperfine), peak RSS (GNU time), and each tool's ratio to galley. More rows show galley
# building BATCH copies (default 50) in one run, as its time per article (the peak RSS is the
# whole run's), and what a run costs before any work: `galley version`, and an empty program
# linking galley's libraries (bench/floor).
#
#   bench/compare.sh                 print the table
#   bench/compare.sh --update-readme also write it into README.md's Performance section
#
# Needs hyperfine, GNU time and python3; pandoc, weasyprint and xelatex are optional.
set -euo pipefail
cd "$(dirname "$0")/.."
SEED=internal/testkit/corpus/articles/000_89182373f193f4a0.txt
RUNS=${RUNS:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v hyperfine >/dev/null || { echo "compare.sh: hyperfine is needed (apt-get install hyperfine)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "compare.sh: GNU time is needed (apt-get install time)" >&2; exit 1; }
# Built as `make build` builds it: a static binary without debug information.
export CGO_ENABLED=0
go build -trimpath -ldflags '-s -w' -o "$work/galley" ./cmd/galley
go build -trimpath -ldflags '-s -w' -o "$work/floor" ./bench/floor

names=() cmds=()
add() { names+=("$1"); cmds+=("$2"); }
add "galley (PDF + EPUB)" "$work/galley build -q -o $work/g $SEED"
add "galley (EPUB)" "$work/galley build -q -f epub -o $work/g $SEED"
add "galley (PDF)" "$work/galley build -q -f pdf -o $work/g $SEED"
# A batch: BATCH copies of the seed in one process (-j as many as there are cores), reported
# per article.
BATCH=${BATCH:-50}
mkdir -p "$work/batch"
for i in $(seq -w 1 "$BATCH"); do cp "$SEED" "$work/batch/a$i.txt"; done
add "galley (PDF + EPUB), $BATCH articles in one run, per article" "$work/galley build -q -o $work/b $work/batch"
add "galley version (start-up only)" "$work/galley version"
add "fpdf + go-epub + goldmark, empty program" "$work/floor"
if command -v pandoc >/dev/null; then
  add "pandoc (EPUB)" "pandoc -f markdown -o $work/p.epub $SEED"
  if command -v weasyprint >/dev/null; then
    add "pandoc + weasyprint (PDF)" "pandoc -f markdown --pdf-engine=weasyprint -o $work/w.pdf $SEED"
  fi
  if command -v xelatex >/dev/null; then
    add "pandoc + xelatex (PDF)" "pandoc -f markdown --pdf-engine=xelatex -o $work/x.pdf $SEED"
  fi
fi

args=()
for i in "${!cmds[@]}"; do
  args+=(--command-name "${names[$i]}" "${cmds[$i]}")
done
hyperfine -N --warmup 2 --runs "$RUNS" --export-json "$work/h.json" "${args[@]}" >/dev/null 2>&1 || \
  hyperfine --warmup 2 --runs "$RUNS" --export-json "$work/h.json" "${args[@]}" >/dev/null

# Peak RSS: the median of five runs under GNU time.
: > "$work/rss.tsv"
for i in "${!cmds[@]}"; do
  for _ in 1 2 3 4 5; do
    /usr/bin/time -f "%M" -o "$work/t" ${cmds[$i]} >/dev/null 2>&1 || true
    printf '%s\t%s\n' "${names[$i]}" "$(tail -1 "$work/t")" >> "$work/rss.tsv"
  done
done

python3 - "$work/h.json" "$work/rss.tsv" "$BATCH" "$@" <<'PY'
import json, statistics, sys, subprocess, platform, datetime, re
batch = int(sys.argv[3])
h = json.load(open(sys.argv[1]))
rss = {}
for line in open(sys.argv[2]):
    name, kb = line.rstrip("\n").split("\t")
    if kb.isdigit():
        rss.setdefault(name, []).append(int(kb))
rows = [(r["command"], statistics.median(r["times"]) / (batch if "per article" in r["command"] else 1))
        for r in h["results"]]
base = dict(rows)["galley (PDF + EPUB)"]
cpu = "unknown CPU"
try:
    for l in open("/proc/cpuinfo"):
        if l.startswith("model name"):
            cpu = l.split(":", 1)[1].strip(); break
except OSError:
    pass
nproc = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
out = [f"Measured {datetime.date.today().isoformat()} on {cpu}, {nproc} cores, by `bench/compare.sh` "
       f"(hyperfine medians, whole process; peak RSS from GNU time), seed article:", "",
       "| tool | median wall | peak RSS | time ÷ galley (PDF + EPUB) |", "| --- | ---: | ---: | ---: |"]
for name, t in rows:
    r = statistics.median(rss.get(name, [0])) / 1024
    out.append(f"| {name} | {t*1000:.1f} ms | {r:.0f} MiB | {t/base:.1f}× |")
table = "\n".join(out)
print(table)
if "--update-readme" in sys.argv:
    readme = open("README.md", encoding="utf-8").read()
    new = re.sub(r"(<!-- perf:start -->\n).*?(<!-- perf:end -->)", lambda m: m.group(1) + table + "\n" + m.group(2), readme, flags=re.S)
    open("README.md", "w", encoding="utf-8").write(new)
PY
