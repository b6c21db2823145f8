#!/usr/bin/env bash
# run.sh: builds the harness if needed, then runs the default scenario against a server it starts:
# a mix of the four transports (25 % each), 200 sessions, 30 s, 5 messages/s, and prints where
# the results are.
#
#   scripts/run.sh                         # the default scenario
#   SESSIONS=1000 DURATION=60s scripts/run.sh
#   scripts/run.sh --sessions 10 --duration 10s   # your options replace the defaults
#   scripts/run.sh --handler blocking      # any other run option is passed on
#
# Every argument goes to 'harness run'. An option you give replaces the default scenario's value
# of that option (picocli refuses an option given twice), whether written '--sessions 10' or
# '--sessions=10'.
#
# Environment: SESSIONS (default 200), DURATION (default 30s), PUBLISH_RATE (default 5),
# TRANSPORT (default short-poll=25,long-poll=25,sse=25,ws=25), OUT (default results/runs in the
# repository), RUN_SH_DRY_RUN=1 (print the 'harness run' arguments, one a line, and run nothing).
set -euo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
OUT="${OUT:-$ROOT/results/runs}"

# merge_args DEFAULTS... -- USER_ARGS...: prints (one a line) the defaults, as '--option value'
# pairs, without those whose option the user gives, then the user's arguments unchanged.
merge_args() {
    local -a defaults=() user=()
    while [[ $# -gt 0 && "$1" != "--" ]]; do defaults+=("$1"); shift; done
    [[ $# -gt 0 ]] && shift
    user=("$@")
    local i j given
    for ((i = 0; i < ${#defaults[@]}; i += 2)); do
        given=0
        for ((j = 0; j < ${#user[@]}; j++)); do
            if [[ "${user[j]}" == "${defaults[i]}" || "${user[j]}" == "${defaults[i]}="* ]]; then
                given=1
                break
            fi
        done
        if [[ $given -eq 0 ]]; then
            printf '%s\n' "${defaults[i]}" "${defaults[i + 1]}"
        fi
    done
    if [[ ${#user[@]} -gt 0 ]]; then
        printf '%s\n' "${user[@]}"
    fi
}

# out_dir USER_ARGS...: the --out the run writes to (the user's, else OUT).
out_dir() {
    local out="$OUT"
    while [[ $# -gt 0 ]]; do
        case "$1" in
            --out) [[ $# -gt 1 ]] && out="$2"; shift ;;
            --out=*) out="${1#--out=}" ;;
        esac
        shift
    done
    printf '%s\n' "$out"
}

mapfile -t args < <(merge_args \
    --transport "${TRANSPORT:-short-poll=25,long-poll=25,sse=25,ws=25}" \
    --sessions "${SESSIONS:-200}" \
    --duration "${DURATION:-30s}" \
    --publish-rate "${PUBLISH_RATE:-5}" \
    --name default-mix \
    --out "$OUT" \
    -- "$@")

if [[ "${RUN_SH_DRY_RUN:-}" == 1 ]]; then
    printf '%s\n' run "${args[@]}"
    exit 0
fi

out="$(out_dir "$@")"
status=0
"$ROOT/scripts/harness" run "${args[@]}" || status=$?

latest="$(ls -1dt "$out"/*/ 2>/dev/null | head -n 1 || true)"
if [[ $status -eq 0 && -n "$latest" ]]; then
    echo "run.sh: results are in ${latest%/}"
    echo "run.sh: open report.html there; summary.csv, timeseries.csv, server_samples.csv, latency.hlog, run.json (docs/COLUMNS.md explains every column)"
fi
exit $status
