#!/usr/bin/env bash
# 'parley draft' start-up, whole process: wall and CPU time (user + sys, every thread, JIT included)
# of drafting an article from JVM start to exit, RUNS times each way, median and range, with the
# load average before and after (on a shared machine wall time follows the load; CPU time is steadier).
#   ./parley                 the launcher: class-data archive and the draft's JVM flags (what users run)
#   java -jar parley.jar     a plain JVM, no archive, default flags
# Usage: bench/draft-startup.sh [ARTICLE] (RUNS=7 by default). Needs GNU time (/usr/bin/time).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
article="${1:-$root/examples/01-dprk-us-talks-2024/article.txt}"
runs="${RUNS:-7}"
jar="$root/cli/target/parley.jar"
if [ ! -f "$jar" ]; then
  echo "draft-startup: build first: mvn -B -o -q -DskipTests package -pl cli -am" >&2
  exit 1
fi
"$root/parley" --version >/dev/null # builds the class-data archive when it is missing or stale
tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT

median() { sort -n | awk '{ a[NR] = $1 } END { printf "%.2f", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
range() { sort -n | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.2f-%.2f", lo, hi }'; }

measure() {
  local label="$1"; shift
  : > "$tmp.rows"
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S" -o "$tmp" "$@" draft "$article" >/dev/null 2>/dev/null
    awk '{ printf "%s %.2f\n", $1, $2 + $3 }' "$tmp" >> "$tmp.rows"
  done
  printf '%-28s wall median %s s (%s), CPU median %s s (%s), %s runs\n' "$label" \
    "$(cut -d' ' -f1 "$tmp.rows" | median)" "$(cut -d' ' -f1 "$tmp.rows" | range)" \
    "$(cut -d' ' -f2 "$tmp.rows" | median)" "$(cut -d' ' -f2 "$tmp.rows" | range)" "$runs"
  rm -f "$tmp.rows"
}

echo "article: $article; $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
measure "./parley draft" "$root/parley"
measure "java -jar parley.jar draft" java -jar "$jar"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
