#!/usr/bin/env bash
# ci-regression.sh: the CI regression gate. Runs a short suite of small runs (about 5 minutes on a
# 2-core machine), each scenario REPEATS times, reduces the repeats to one row per scenario
# (medians of the timing figures, the worst repeat of the figures that are exact by design), and
# compares that with the committed baseline, results/baseline/summary.csv. Exit status: 0 no
# regression, 1 regression (or a failed run), 2 bad input or a broken build.
#
#   scripts/ci-regression.sh                      # run the suite and compare with the baseline
#   scripts/ci-regression.sh --refresh-baseline   # run the suite and make its medians the baseline
#   scripts/ci-regression.sh --compare-only DIR   # compare an earlier suite folder again
#
# Refresh the baseline after an intended change of behaviour or on a new CI machine, then commit
# results/baseline/ (docs/COMPARE.md says when and how):
#
#   scripts/ci-regression.sh --refresh-baseline && git add results/baseline && git commit
#
# Each suite writes results/runs/ci-<yyyyMMdd-HHmmss>/: runs/ (one folder and log per run),
# summary.csv (the medians), compare.md and compare-junit.xml (for the CI system's test report). A run
# that fails before sending any request (a start-up problem, not the behaviour under test) is moved
# to failed-starts/ and tried once more; any other failed run fails the comparison.
# Tolerances: the shipped defaults, overridden by scripts/scenarios/ci/tolerances.yaml.
# Everything runs on loopback; every run is bounded by its --duration and by a hard time limit.
#
# Environment: REPEATS (default 3), OUT (suite folder, default results/runs/ci-<stamp>),
# SKIP_BUILD=1 (use the jars as they are; default: mvn package first), JAVA, HARNESS_JAVA_OPTS.
set -uo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
HARNESS="$ROOT/scripts/harness"
BASELINE_DIR="$ROOT/results/baseline"
BASELINE="$BASELINE_DIR/summary.csv"
TOLERANCES="$ROOT/scripts/scenarios/ci/tolerances.yaml"
REPEATS="${REPEATS:-3}"
RUN_TIME_LIMIT_S=120   # per run: duration + server start and stop, with room for a loaded machine

# The scenarios: name|run options. Small on purpose: the figures that matter are exact by design
# (connections per session at a keep-alive limit, lost messages, held threads), the timing figures
# are only checked for gross changes. Every run starts its own server on an ephemeral loopback port.
SCENARIOS=(
    # E1: 16-17 polls per session at maxKeepAliveRequests 10: 2 connections per session, 1 closed at the limit
    "short-poll-keepalive10|--transport short-poll --sessions 20 --poll-interval 500ms --duration 8s --max-keep-alive-requests 10 --publish-rate 5"
    # E2: 2 s streams, 500 ms retry, 3 streams per connection: 4-5 streams per session (whatever the
    # start-up lag), so 2 connections per session, the first closed by Tomcat at the limit
    "sse-timeout-keepalive3|--transport sse --sessions 20 --duration 11s --sse-timeout 2000 --sse-retry 500 --max-keep-alive-requests 3 --publish-rate 5"
    # long polling at 2 messages/s: about one request per message, one connection per session
    "long-poll|--transport long-poll --sessions 20 --duration 8s --publish-rate 2"
    # WebSocket: one upgrade and one connection per session, every message delivered
    "ws|--transport ws --sessions 20 --duration 6s --publish-rate 5"
    # E3/E4: 20 SSE sessions on 8 worker threads, async (threads free) vs blocking (8 held, 12 queued)
    "sse-async-threads8|--transport sse --sessions 20 --duration 6s --max-threads 8 --handler async --publish-rate 5"
    "sse-blocking-threads8|--transport sse --sessions 20 --duration 6s --max-threads 8 --handler blocking --publish-rate 5"
)
COMMON_OPTIONS=(--ramp-up 0 --host 127.0.0.1 --port 0)

usage() {
    awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"
}

die() {
    echo "ci-regression.sh: $*" >&2
    exit 2
}

mode=compare
suite_dir=""
case "${1:-}" in
    "") ;;
    --refresh-baseline) mode=refresh ;;
    --compare-only)
        mode=compare-only
        suite_dir="${2:-}"
        [[ -n "$suite_dir" && -d "$suite_dir" ]] || die "--compare-only needs the folder of an earlier suite, e.g. results/runs/ci-20250101-120000"
        ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown option '$1': use --refresh-baseline, --compare-only DIR or nothing (see --help)" ;;
esac
[[ "$REPEATS" =~ ^[1-9][0-9]*$ ]] || die "REPEATS is '$REPEATS': give a whole number of at least 1, e.g. REPEATS=3"
[[ "$mode" == refresh || -f "$BASELINE" ]] \
    || die "no baseline at $BASELINE: create one with scripts/ci-regression.sh --refresh-baseline"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    echo "== build (mvn -B -q package -DskipTests)"
    (cd "$ROOT" && mvn -B -q package -DskipTests) || die "the build failed: fix it, then run again"
fi

# The results folder a run printed ("results: DIR"), empty when it printed none.
run_folder() {
    sed -n 's/^results: //p' "$1" | tail -n 1
}

# True when the run whose log is $1 sent at least one request (its summary.csv says so).
made_requests() {
    local folder
    folder="$(run_folder "$1")"
    [[ -n "$folder" && -f "$folder/summary.csv" ]] || return 1
    awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "requests") c = i; next }
             c && $c + 0 > 0 { found = 1 } END { exit !found }' "$folder/summary.csv"
}

run_suite() {
    local total=$(( ${#SCENARIOS[@]} * REPEATS )) n=0 failed=0
    local started=$SECONDS
    mkdir -p "$suite_dir/runs"
    echo "== suite: ${#SCENARIOS[@]} scenarios x $REPEATS repeats into $suite_dir"
    for repeat in $(seq 1 "$REPEATS"); do
        # repeats interleave, so a burst of load on the machine hits one repeat of each scenario, not
        # every repeat of one
        for scenario in "${SCENARIOS[@]}"; do
            local name="${scenario%%|*}" options="${scenario#*|}"
            n=$((n + 1))
            local log="$suite_dir/runs/$name-$repeat.log"
            printf '[%2d/%d] %-24s repeat %d/%d ... ' "$n" "$total" "$name" "$repeat" "$REPEATS"
            # shellcheck disable=SC2086 # the options are words on purpose
            timeout --kill-after=15 "$RUN_TIME_LIMIT_S" "$HARNESS" run $options "${COMMON_OPTIONS[@]}" \
                --name "$name" --out "$suite_dir/runs" >"$log" 2>&1
            local status=$?
            if [[ $status == 1 ]] && ! made_requests "$log"; then
                # failed before any load (e.g. a server JVM too slow to answer its first stats request on
                # a loaded machine): that says nothing about the behaviour under test, so try once more
                local folder
                folder="$(run_folder "$log")"
                printf 'failed before any load, retrying ... '
                mkdir -p "$suite_dir/failed-starts"
                [[ -n "$folder" && -d "$folder" ]] && mv "$folder" "$suite_dir/failed-starts/"
                mv "$log" "$suite_dir/failed-starts/$name-$repeat.log"
                # shellcheck disable=SC2086
                timeout --kill-after=15 "$RUN_TIME_LIMIT_S" "$HARNESS" run $options "${COMMON_OPTIONS[@]}" \
                    --name "$name" --out "$suite_dir/runs" >"$log" 2>&1
                status=$?
            fi
            case $status in
                0) echo "ok ($((SECONDS - started)) s)" ;;
                2) echo "bad input"; tail -n 3 "$log" >&2; die "scenario $name has options the harness refuses" ;;
                *) echo "FAILED (exit $status, see $log)"; tail -n 5 "$log" | sed 's/^/    /'; failed=$((failed + 1)) ;;
            esac
        done
    done
    echo "== $n runs in $((SECONDS - started)) s, $failed failed"
}

if [[ "$mode" != compare-only ]]; then
    suite_dir="${OUT:-$ROOT/results/runs/ci-$(date +%Y%m%d-%H%M%S)}"
    run_suite
fi

echo "== medians"
"$HARNESS" compare medians --tolerances "$TOLERANCES" --out "$suite_dir/summary.csv" "$suite_dir/runs" \
    || die "could not reduce the runs in $suite_dir/runs"

if [[ "$mode" == refresh ]]; then
    if grep -q ',failed,\|,interrupted,' "$suite_dir/summary.csv"; then
        die "a run failed, so the baseline was not refreshed: see the logs in $suite_dir/runs"
    fi
    mkdir -p "$BASELINE_DIR"
    cp "$suite_dir/summary.csv" "$BASELINE.tmp" && mv "$BASELINE.tmp" "$BASELINE"
    {
        echo "# CI regression baseline"
        echo
        echo "Written by \`scripts/ci-regression.sh --refresh-baseline\`; compared by every"
        echo "\`scripts/ci-regression.sh\` run (see docs/COMPARE.md). One row per scenario: the medians of"
        echo "$REPEATS repeats (the worst repeat for figures that are exact by design)."
        echo
        echo "- written: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
        echo "- commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
        echo "- machine: $(nproc) cores, $(uname -sm), $("${JAVA:-java}" -version 2>&1 | head -n 1)"
    } >"$BASELINE_DIR/README.md"
    echo "== baseline refreshed: $BASELINE (commit results/baseline/)"
    exit 0
fi

echo "== compare with $BASELINE"
"$HARNESS" compare --baseline "$BASELINE" --current "$suite_dir/summary.csv" --tolerances "$TOLERANCES" \
    --out "$suite_dir"
