#!/usr/bin/env bash
# experiments.sh: runs the experiment scenarios of scripts/scenarios/ as sweeps, then judges each
# claim of docs/EXPERIMENTS.md from its sweep and writes one summary: experiments.md and
# experiments.html, stating per experiment the claim, the key figures read from sweep.csv, each
# criterion, whether the measurement supports the claim and the figure that decided it.
#
# Usage: scripts/experiments.sh [ID...]
#   scripts/experiments.sh              # every scenario file (docs/EXPERIMENTS-RESULTS.md states how
#                                       # long the last full run took; the script prints its own)
#   scripts/experiments.sh E1 E7        # only the scenarios of these experiments (and the other
#                                       # experiments those files serve)
#   scripts/experiments.sh --list       # each scenario file and the experiments it serves
#
# A scenario file serves the experiments named at the start of its file name (e4-blocking-threads.yaml
# serves E4; a file e3-e4-x.yaml would serve E3 and E4); an experiment served by several files is
# judged once, from all their sweeps. Only experiments with a scenario file are run and judged. A claim the measurement contradicts is
# reported as "not supported" with the numbers: a finding, not a failure of this script. A sweep
# that fails outright leaves its experiments "inconclusive" with the reason, and the others are
# still judged. Ctrl-C stops the sweep under way; what ran is judged. The last line printed is the
# wall time the whole script took.
#
# Environment:
#   OUT            output folder (default: results/runs/<yyyyMMdd-HHmmss>-experiments); the sweeps go in it
#   JAVA           the java binary (default: java on the PATH)
#   MACHINE_NOTE   said about the machine in the summary, e.g. "shared with other work, timings noisy"
#   SCENARIOS      folder of the scenario files (default: scripts/scenarios)
#   HARNESS_JAR    the client jar (default: harness-client/target/harness-client.jar, built when missing)
#
# Exit status: 0 every sweep ran and the summary was written, 1 a sweep did not run (its experiments
# are inconclusive in the summary) or the summary could not be written, 2 bad usage, 130 interrupted.
set -uo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
JAR="${HARNESS_JAR:-$ROOT/harness-client/target/harness-client.jar}"
JAVA_BIN="${JAVA:-java}"
SCENARIOS="${SCENARIOS:-$ROOT/scripts/scenarios}"
INTERRUPTED=130
started_s=$SECONDS

# The comment block at the top of this file, without the '#' marks.
usage() {
  awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"
}

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

# Every scenario file, in name order.
scenario_files() {
  local file
  for file in "$SCENARIOS"/e*.yaml; do
    [ -f "$file" ] && echo "$file"
  done
}

# "12m 5s" for a number of seconds.
duration() {
  if [ "$1" -ge 60 ]; then echo "$(($1 / 60))m $(($1 % 60))s"; else echo "$1s"; fi
}

case "${1:-}" in
  -h|--help) usage; exit 0 ;;
  --list)
    [ "$#" -eq 1 ] || { echo "experiments.sh: --list takes no experiment ids" >&2; exit 2; }
    while read -r file; do
      printf '%-32s %s\n' "$(basename "$file")" "$(ids_of "$file")"
    done < <(scenario_files)
    exit 0 ;;
  -*) echo "experiments.sh: unknown option $1; see scripts/experiments.sh --help" >&2; exit 2 ;;
esac

mapfile -t all_files < <(scenario_files)
if [ "${#all_files[@]}" -eq 0 ]; then
  echo "experiments.sh: no scenario files under $SCENARIOS" >&2
  exit 2
fi
files=()
wanted=("${@^^}")
for file in "${all_files[@]}"; do
  if [ "${#wanted[@]}" -eq 0 ]; then files+=("$file"); continue; fi
  for id in $(ids_of "$file"); do
    for w in "${wanted[@]}"; do
      if [ "$id" = "$w" ]; then files+=("$file"); break 2; fi
    done
  done
done
for w in "${wanted[@]}"; do
  found=0
  for file in "${all_files[@]}"; do
    for id in $(ids_of "$file"); do [ "$id" = "$w" ] && found=1; done
  done
  if [ "$found" -eq 0 ]; then
    echo "experiments.sh: no scenario file serves $w; known: $(for f in "${all_files[@]}"; do ids_of "$f"; done | tr '\n' ' ')" >&2
    exit 2
  fi
done

if [ ! -f "$JAR" ]; then
  echo "experiments.sh: building the jars (mvn -B -q package -DskipTests) ..." >&2
  (cd "$ROOT" && mvn -B -q package -DskipTests) >&2 || exit 1
fi

OUT="${OUT:-$ROOT/results/runs/$(date +%Y%m%d-%H%M%S)-experiments}"
mkdir -p "$OUT"
echo "experiments.sh: ${#files[@]} scenario file(s), results in $OUT" >&2

pairs=()
declare -A reasons=()
status=0
interrupted=0
# Ctrl-C reaches the sweep under way (it stops and writes what it measured); this script then judges.
trap 'interrupted=1' INT
for file in "${files[@]}"; do
  name="$(basename "$file" .yaml)"
  folder=""
  if [ "$interrupted" -eq 1 ]; then
    reason="$name.yaml did not run: experiments.sh was interrupted before it"
  else
    echo "== $name" >&2
    # The sweep writes its closing lines (the runs table, "results: FOLDER") to stdout when it ends
    # and its progress to stderr, which is shown as it comes and kept for the cause of a failure.
    # tee ignores Ctrl-C so that the sweep, which stops on it, can still say what it wrote.
    "$JAVA_BIN" -jar "$JAR" sweep "$file" --out "$OUT" 2>&1 >"$OUT/$name.out" \
        | (trap '' INT; exec tee "$OUT/$name.err") >&2
    rc=${PIPESTATUS[0]}
    cat "$OUT/$name.out"
    folder="$(sed -n 's/^results: //p' "$OUT/$name.out" | tail -n 1)"
    cause="$(grep '^harness: ' "$OUT/$name.err" | tail -n 1)"
    rm -f "$OUT/$name.out" "$OUT/$name.err"
    reason="$name.yaml exited with status $rc${cause:+ ($cause)}"
    if [ "$rc" -eq "$INTERRUPTED" ] || [ "$interrupted" -eq 1 ]; then
      interrupted=1
      echo "experiments.sh: interrupted; the sweeps that ran are judged" >&2
    fi
  fi
  if [ -z "$folder" ]; then
    [ "$interrupted" -eq 1 ] || echo "experiments.sh: the sweep of $name did not run: $reason" >&2
    status=1
  fi
  for id in $(ids_of "$file"); do
    pairs+=("$id=$folder")
    [ -z "$folder" ] && reasons[$id]="${reasons[$id]:+${reasons[$id]}; }$reason"
  done
done
sweeps_s=$((SECONDS - started_s))

reason_args=()
for id in "${!reasons[@]}"; do reason_args+=(--not-run-reason "$id=${reasons[$id]}"); done
args="$*"
"$JAVA_BIN" -jar "$JAR" experiments --out "$OUT" --command "scripts/experiments.sh${args:+ $args}" \
    --machine-note "${MACHINE_NOTE:-}" --sweeps-wall-s "$sweeps_s" "${reason_args[@]}" -- "${pairs[@]}" || status=1
[ "$interrupted" -eq 1 ] && status=$INTERRUPTED
total_s=$((SECONDS - started_s))
echo "experiments.sh: wall time $(duration "$total_s") ($total_s s) for ${#files[@]} scenario file(s)"
exit "$status"
