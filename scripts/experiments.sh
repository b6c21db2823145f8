#!/usr/bin/env bash
# experiments.sh: runs the experiment scenarios of scripts/scenarios/ as sweeps, then judges each
# claim of docs/EXPERIMENTS.md from its sweep and writes one summary: experiments.md and
# experiments.html, stating per experiment the claim, the key figures read from sweep.csv, each
# criterion and whether the measurement supports the claim.
#
# Usage: scripts/experiments.sh [ID...]
#   scripts/experiments.sh              # every scenario file (about 13 minutes on 2 cores)
#   scripts/experiments.sh E1 E7        # only the scenarios of these experiments
#
# A scenario file serves the experiments named at the start of its file name (e4-blocking-threads.yaml
# serves E4; a file e3-e4-x.yaml would serve E3 and E4). A claim the measurement contradicts is
# reported as "not supported" with the numbers: a finding, not a failure of this script.
#
# Environment:
#   OUT            output folder (default: results/runs/<yyyyMMdd-HHmmss>-experiments); the sweeps go in it
#   JAVA           the java binary (default: java on the PATH)
#   MACHINE_NOTE   said about the machine in the summary, e.g. "shared with other work, timings noisy"
#
# Exit status: 0 summary written, 1 a sweep or the summary could not be run, 2 bad usage.
set -uo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
JAR="$ROOT/harness-client/target/harness-client.jar"
JAVA_BIN="${JAVA:-java}"
SCENARIOS="$ROOT/scripts/scenarios"

case "${1:-}" in -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;; esac

# The experiment ids a scenario file serves: the eN tokens at the start of its name.
ids_of() {
  local base token ids=()
  base="$(basename "$1" .yaml)"
  IFS='-' read -r -a tokens <<<"$base"
  for token in "${tokens[@]}"; do
    if [[ "$token" =~ ^[eE][0-9]+$ ]]; then ids+=("${token^^}"); else break; fi
  done
  echo "${ids[@]}"
}

files=()
wanted=("${@^^}")
for file in "$SCENARIOS"/e*.yaml; do
  [ -f "$file" ] || continue
  if [ "${#wanted[@]}" -eq 0 ]; then files+=("$file"); continue; fi
  for id in $(ids_of "$file"); do
    for w in "${wanted[@]}"; do
      if [ "$id" = "$w" ]; then files+=("$file"); break 2; fi
    done
  done
done
for w in "${wanted[@]}"; do
  found=0
  for file in "$SCENARIOS"/e*.yaml; do
    for id in $(ids_of "$file"); do [ "$id" = "$w" ] && found=1; done
  done
  if [ "$found" -eq 0 ]; then
    echo "experiments.sh: no scenario file serves $w; known: $(for f in "$SCENARIOS"/e*.yaml; do ids_of "$f"; done | tr '\n' ' ')" >&2
    exit 2
  fi
done
if [ "${#files[@]}" -eq 0 ]; then
  echo "experiments.sh: no scenario files under $SCENARIOS" >&2
  exit 2
fi

if [ ! -f "$JAR" ]; then
  echo "experiments.sh: building the jars (mvn -B -q package -DskipTests) ..." >&2
  (cd "$ROOT" && mvn -B -q package -DskipTests) >&2 || exit 1
fi

OUT="${OUT:-$ROOT/results/runs/$(date +%Y%m%d-%H%M%S)-experiments}"
mkdir -p "$OUT"
echo "experiments.sh: ${#files[@]} scenario file(s), results in $OUT" >&2

pairs=()
status=0
for file in "${files[@]}"; do
  name="$(basename "$file" .yaml)"
  echo "== $name" >&2
  "$JAVA_BIN" -jar "$JAR" sweep "$file" --out "$OUT" | tee "$OUT/$name.out"
  rc=${PIPESTATUS[0]}
  folder="$(sed -n 's/^results: //p' "$OUT/$name.out" | tail -n 1)"
  rm -f "$OUT/$name.out"
  if [ -z "$folder" ]; then
    echo "experiments.sh: the sweep of $name did not run (exit status $rc)" >&2
    status=1
  fi
  for id in $(ids_of "$file"); do pairs+=("$id=$folder"); done
done

args="$*"
"$JAVA_BIN" -jar "$JAR" experiments --out "$OUT" --command "scripts/experiments.sh${args:+ $args}" \
    --machine-note "${MACHINE_NOTE:-}" "${pairs[@]}" || status=1
exit "$status"
