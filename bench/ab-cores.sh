#!/usr/bin/env bash
# Compares two builds' bare model runs on drawn seed problems at the same time, one per core, the
# cores swapped each trial: on a shared machine whose speed drifts, both builds see the same drift.
# Usage: bench/ab-cores.sh A/benchmarks.jar B/benchmarks.jar [model] [runs] [passes] [trials]
# (each jar from `mvn -q -DskipTests package -pl bench -am`, e.g. one of them built in a git worktree
# of the older commit; needs taskset, from util-linux, and two cores).
set -euo pipefail
a="$1"; b="$2"; model="${3:-exchange}"; runs="${4:-2000}"; passes="${5:-8}"; trials="${6:-4}"
out="$(mktemp -d)"
for t in $(seq 1 "$trials"); do
  if [ $((t % 2)) = 1 ]; then ca=0; cb=1; else ca=1; cb=0; fi
  taskset -c "$ca" java -XX:+UseSerialGC -cp "$a" org.parley.bench.DrawnRunTiming "$model" "$runs" "$passes" > "$out/a" &
  taskset -c "$cb" java -XX:+UseSerialGC -cp "$b" org.parley.bench.DrawnRunTiming "$model" "$runs" "$passes" > "$out/b" &
  wait
  echo "trial $t: A $(grep -o 'passes [0-9.]* us' "$out/a")  B $(grep -o 'passes [0-9.]* us' "$out/b")"
done
rm -rf "$out"
